//! The screen wake lock: while her code is on screen (the code and wait screens), the
//! tablet must not sleep it away. Held for the screen's life; released when it goes. Where
//! the browser has no wake lock or refuses it, nothing else changes: the deploy guide's
//! sleep setting is longer than the longest code screen.
use js_sys::{Function, Promise, Reflect};
use leptos::prelude::*;
use std::cell::{Cell, RefCell};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

thread_local! {
    /// The lock held now, if any (one code screen at a time).
    static HELD: RefCell<Option<JsValue>> = const { RefCell::new(None) };
    /// Counts code screens shown: a lock granted after its screen went is released.
    static SCREEN: Cell<u32> = const { Cell::new(0) };
}

/// Asks for a screen wake lock for as long as the calling component lives.
pub fn hold_while_shown() {
    let screen = SCREEN.with(|s| {
        s.set(s.get().wrapping_add(1));
        s.get()
    });
    wasm_bindgen_futures::spawn_local(async move {
        let Some(promise) = request() else {
            return;
        };
        if let Ok(lock) = JsFuture::from(promise).await {
            if SCREEN.with(Cell::get) == screen {
                if let Some(old) = HELD.with_borrow_mut(|h| h.replace(lock)) {
                    release(&old);
                }
            } else {
                release(&lock);
            }
        }
    });
    on_cleanup(move || {
        if SCREEN.with(Cell::get) == screen {
            SCREEN.with(|s| s.set(s.get().wrapping_add(1)));
        }
        if let Some(lock) = HELD.with_borrow_mut(Option::take) {
            release(&lock);
        }
    });
}

/// `navigator.wakeLock.request("screen")`, if the browser has it.
fn request() -> Option<Promise> {
    let navigator = web_sys::window()?.navigator();
    let wake_lock = Reflect::get(&navigator, &"wakeLock".into()).ok()?;
    if wake_lock.is_undefined() {
        return None;
    }
    let request: Function = Reflect::get(&wake_lock, &"request".into())
        .ok()?
        .dyn_into()
        .ok()?;
    request
        .call1(&wake_lock, &"screen".into())
        .ok()?
        .dyn_into()
        .ok()
}

fn release(lock: &JsValue) {
    let release = Reflect::get(lock, &"release".into())
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok());
    if let Some(release) = release
        && let Ok(p) = release.call0(lock)
        && let Ok(p) = p.dyn_into::<Promise>()
    {
        // A refused release (already released) is not an error worth a console line.
        wasm_bindgen_futures::spawn_local(async move {
            let _ = JsFuture::from(p).await;
        });
    }
}
