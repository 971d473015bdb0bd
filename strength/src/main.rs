//! The staff desk's strength worker: given a typed passphrase (a string), answers whether it
//! is strong enough (a boolean), by `intake::desk::passphrase::strength` (zxcvbn). zxcvbn's
//! dictionaries and regular expressions are most of a megabyte: here they are fetched only
//! when staff choose to type their own passphrase. It keeps nothing; the page ends it after
//! one answer.
//!
//! The worker says it is ready with one empty message: a message posted before its wasm
//! has started would otherwise be lost.
use intake::desk::passphrase::{Strength, strength};
use wasm_bindgen::prelude::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

fn main() {
    let Ok(scope) = js_sys::global().dyn_into::<DedicatedWorkerGlobalScope>() else {
        return;
    };
    let replies = scope.clone();
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
        // Anything but a string is no passphrase: not strong.
        let strong = event
            .data()
            .as_string()
            .is_some_and(|p| strength(&p) == Strength::Strong);
        let _ = replies.post_message(&JsValue::from_bool(strong));
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    on_message.forget();
    let _ = scope.post_message(&JsValue::NULL);
}
