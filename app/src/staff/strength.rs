//! The page's side of the strength worker (`strength/`): one typed passphrase in, "strong
//! enough" out; the worker is started for the question and ended after it, so zxcvbn is
//! fetched only by staff who type their own passphrase.
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{MessageEvent, Worker};

/// The worker's entry script (`staff-public/strength-worker.js`).
const SCRIPT: &str = "/staff/strength-worker.js";

/// Whether `passphrase` is strong enough; `None` when the check could not run (the worker
/// could not be fetched: offline before it was ever loaded).
pub async fn is_strong(passphrase: String) -> Option<bool> {
    let worker = Worker::new(SCRIPT).ok()?;
    let resolver: Rc<RefCell<Option<js_sys::Function>>> = Rc::default();
    let slot = resolver.clone();
    let answer = js_sys::Promise::new(&mut |resolve, _| {
        *slot.borrow_mut() = Some(resolve);
    });
    let settle = move |r: &Rc<RefCell<Option<js_sys::Function>>>, value: &JsValue| {
        if let Some(resolve) = r.borrow_mut().take() {
            let _ = resolve.call1(&JsValue::NULL, value);
        }
    };
    let (r, to_worker) = (resolver.clone(), worker.clone());
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
        let data = event.data();
        if data.as_bool().is_some() {
            settle(&r, &data);
        } else {
            // The worker has started: now it can be asked.
            let _ = to_worker.post_message(&JsValue::from_str(&passphrase));
        }
    });
    let r = resolver.clone();
    let on_error = Closure::<dyn Fn()>::new(move || settle(&r, &JsValue::UNDEFINED));
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    let result = wasm_bindgen_futures::JsFuture::from(answer).await.ok();
    worker.terminate();
    drop((on_message, on_error));
    result.and_then(|v| v.as_bool())
}
