//! The kiosk's sealing worker. The page posts a `SealRequest` (bytes) and gets a
//! `SealReply` back; all the rules live in `intake::handoff::make_code`.
//!
//! The worker says it is ready with one empty message: a message posted before its wasm
//! has started would otherwise be lost.
use intake::handoff::{Refusal, SealReply, SealRequest, make_code};
use js_sys::Uint8Array;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::Closure;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

fn main() {
    let Ok(scope) = js_sys::global().dyn_into::<DedicatedWorkerGlobalScope>() else {
        return;
    };
    let replies = scope.clone();
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
        let bytes = event
            .data()
            .dyn_into::<Uint8Array>()
            .map(|a| a.to_vec())
            .unwrap_or_default();
        let reply = match SealRequest::from_bytes(&bytes) {
            Some(request) => make_code(&request),
            None => SealReply::Refused {
                id: 0,
                why: Refusal::BadRequest,
            },
        };
        let _ = replies.post_message(&Uint8Array::from(reply.to_bytes().as_slice()));
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    on_message.forget();
    let _ = scope.post_message(&Uint8Array::new_with_length(0));
}
