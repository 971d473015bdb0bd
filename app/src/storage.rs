//! What the pages keep on the device, as serde types through `gloo-storage` (JSON in
//! `localStorage`). Never an answer: the kiosk keeps its key, PIN, pairing, letter and ticket
//! counter; the desk its wrapped key, enrolled kiosks, opened ids and counts.
//!
//! A kept value that no longer parses is *unreadable*: it is listed by [`unreadable`] (the
//! setup page and the desk show the list) and left in place — [`keep`] refuses to write over
//! it — until someone chooses to start that value again ([`replace_unreadable`]).
use gloo_storage::errors::StorageError;
use gloo_storage::{LocalStorage, Storage};
use serde::Serialize;
use serde::de::DeserializeOwned;
use std::cell::RefCell;
use std::collections::BTreeSet;

thread_local! {
    static UNREADABLE: RefCell<BTreeSet<&'static str>> = const { RefCell::new(BTreeSet::new()) };
}

/// A kept value as read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kept<T> {
    /// Nothing kept under the name.
    Absent,
    /// The value.
    Value(T),
    /// Something is kept under the name but it does not parse (or storage is blocked).
    Unreadable,
}

impl<T> Kept<T> {
    /// The value, if one was read.
    pub fn value(self) -> Option<T> {
        match self {
            Kept::Value(v) => Some(v),
            Kept::Absent | Kept::Unreadable => None,
        }
    }
}

/// Whether the page may use `localStorage` at all (blocked storage throws, and
/// `gloo-storage` would panic on it).
fn available() -> bool {
    web_sys::window().is_some_and(|w| matches!(w.local_storage(), Ok(Some(_))))
}

/// Reads the value kept under `name`.
pub fn load<T: DeserializeOwned>(name: &'static str) -> Kept<T> {
    if !available() {
        mark(name);
        return Kept::Unreadable;
    }
    match LocalStorage::get::<T>(name) {
        Ok(v) => {
            UNREADABLE.with(|u| u.borrow_mut().remove(name));
            Kept::Value(v)
        }
        Err(StorageError::KeyNotFound(_)) => Kept::Absent,
        Err(_) => {
            mark(name);
            Kept::Unreadable
        }
    }
}

/// Marks the value under `name` unreadable: it is not used and not written over until
/// someone chooses to start it again (a value the page cannot trust, though it parses).
pub fn mark_unreadable(name: &'static str) {
    mark(name);
}

fn mark(name: &'static str) {
    UNREADABLE.with(|u| u.borrow_mut().insert(name));
}

/// Keeps `value` under `name`; false when storage refuses it or when the value kept there
/// is unreadable (it stays until someone chooses to replace it).
pub fn keep<T: Serialize>(name: &'static str, value: &T) -> bool {
    if UNREADABLE.with(|u| u.borrow().contains(name)) || !available() {
        return false;
    }
    LocalStorage::set(name, value).is_ok()
}

/// Writes `value` over an unreadable one, by someone's choice (a button that says so).
pub fn replace_unreadable<T: Serialize>(name: &'static str, value: &T) -> bool {
    UNREADABLE.with(|u| u.borrow_mut().remove(name));
    keep(name, value)
}

/// Removes what is kept under `name` (readable or not), by someone's choice.
pub fn forget(name: &'static str) {
    UNREADABLE.with(|u| u.borrow_mut().remove(name));
    if available() {
        LocalStorage::delete(name);
    }
}

/// Where restarts of unreadable values are kept on record (name → day).
pub const RESTARTED: &str = "kept-restarted";

/// Records that the unreadable value under `name` was started again on `day` (only the
/// ticket counter is: a queue number must be given at once).
pub fn note_restarted(name: &'static str, day: &str) {
    let mut record: std::collections::BTreeMap<String, String> =
        load(RESTARTED).value().unwrap_or_default();
    record.insert(name.to_owned(), day.to_owned());
    replace_unreadable(RESTARTED, &record);
}

/// Values started again after they could not be read: name and day.
pub fn restarted() -> Vec<(String, String)> {
    load::<std::collections::BTreeMap<String, String>>(RESTARTED)
        .value()
        .unwrap_or_default()
        .into_iter()
        .collect()
}

/// The names whose kept values could not be read since the page loaded.
pub fn unreadable() -> Vec<&'static str> {
    UNREADABLE.with(|u| u.borrow().iter().copied().collect())
}
