//! The kiosk's worker: seals the answers and draws the QR code, and checks language files,
//! off the page's main thread and out of its first load. The page posts a `ToWorker`
//! (bytes) and gets a `FromWorker` back; the rules live in `intake`.
//!
//! The worker says it is ready with one empty message: a message posted before its wasm
//! has started would otherwise be lost.
use intake::catalogue::{Catalogue, parse};
use intake::handoff::{FromWorker, Refusal, SealReply, ToWorker, answer};
use js_sys::Uint8Array;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::Closure;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

/// The Vietnamese catalogue every other language is checked against.
fn reference() -> Catalogue {
    parse(include_str!("../../app/lang/vi.json")).unwrap_or_default()
}

fn main() {
    let Ok(scope) = js_sys::global().dyn_into::<DedicatedWorkerGlobalScope>() else {
        return;
    };
    let replies = scope.clone();
    let reference = reference();
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
        let bytes = event
            .data()
            .dyn_into::<Uint8Array>()
            .map(|a| a.to_vec())
            .unwrap_or_default();
        let reply = match ToWorker::from_bytes(&bytes) {
            Some(message) => answer(message, &reference),
            None => FromWorker::Sealed(SealReply::Refused {
                id: 0,
                why: Refusal::BadRequest,
            }),
        };
        let _ = replies.post_message(&Uint8Array::from(reply.to_bytes().as_slice()));
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    on_message.forget();
    let _ = scope.post_message(&Uint8Array::new_with_length(0));
}
