//! What the pages keep, in a real browser's localStorage: a value that no longer parses is
//! unreadable, listed, and not written over until someone chooses to replace it.
#![cfg(target_arch = "wasm32")]

use app::storage::{self, Kept};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn raw() -> web_sys::Storage {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .expect("localStorage")
}

#[wasm_bindgen_test]
fn a_value_kept_reads_back_and_a_missing_one_is_absent() {
    raw().clear().expect("clear");
    assert_eq!(storage::load::<u32>("count"), Kept::Absent);
    assert!(storage::keep("count", &7u32));
    assert_eq!(storage::load::<u32>("count"), Kept::Value(7));
    assert!(storage::unreadable().is_empty());
}

#[wasm_bindgen_test]
fn an_unreadable_value_is_listed_and_not_written_over_until_replaced_by_choice() {
    raw().clear().expect("clear");
    raw().set_item("list", "not json").expect("set");
    assert_eq!(storage::load::<Vec<u32>>("list"), Kept::Unreadable);
    assert_eq!(storage::unreadable(), vec!["list"]);
    assert!(!storage::keep("list", &vec![1u32]), "not written over");
    assert_eq!(
        raw().get_item("list").ok().flatten().as_deref(),
        Some("not json")
    );
    assert!(storage::replace_unreadable("list", &vec![1u32]));
    assert_eq!(storage::load::<Vec<u32>>("list"), Kept::Value(vec![1]));
    assert!(storage::unreadable().is_empty());
}

#[wasm_bindgen_test]
fn the_wrong_type_is_unreadable_too() {
    raw().clear().expect("clear");
    raw().set_item("letter", "42").expect("set");
    assert_eq!(storage::load::<String>("letter"), Kept::Unreadable);
    storage::forget("letter");
    assert_eq!(storage::load::<String>("letter"), Kept::Absent);
    assert!(!storage::unreadable().contains(&"letter"));
}
