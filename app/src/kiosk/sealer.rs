//! The kiosk page's side of its sealing worker (`sealer/`, protocol in
//! `intake::handoff::request`). The crypto and the QR encoder live in the worker, so the
//! kiosk's first load carries none of them; the worker is started once the first screen
//! is up and answers in-page, never over the network.
use intake::handoff::{Refusal, SealReply, SealRequest};
use js_sys::Uint8Array;
use std::cell::{Cell, RefCell};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::Closure;
use web_sys::{MessageEvent, Worker};

/// The worker's entry script (`public/sealer-worker.js`).
const SCRIPT: &str = "/sealer-worker.js";

type Done = Box<dyn FnOnce(SealReply)>;

struct Sealer {
    worker: Worker,
    /// The worker has said it is listening.
    ready: bool,
    /// A request waiting for the worker to start.
    queued: Option<Vec<u8>>,
    /// The request in flight: its id and what to do with the reply.
    waiting: Option<(u32, Done)>,
    _on_message: Closure<dyn Fn(MessageEvent)>,
    _on_error: Closure<dyn Fn()>,
}

thread_local! {
    static SEALER: RefCell<Option<Sealer>> = const { RefCell::new(None) };
    static NEXT_ID: Cell<u32> = const { Cell::new(1) };
}

fn start() -> Option<Sealer> {
    let worker = Worker::new(SCRIPT).ok()?;
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(on_message);
    let on_error = Closure::<dyn Fn()>::new(on_error);
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    Some(Sealer {
        worker,
        ready: false,
        queued: None,
        waiting: None,
        _on_message: on_message,
        _on_error: on_error,
    })
}

/// Starts the worker ahead of need, so the handoff screen does not wait for it.
pub fn warm() {
    SEALER.with_borrow_mut(|slot| {
        if slot.is_none() {
            *slot = start();
        }
    });
}

/// Asks for a code; `done` runs once with the reply, or with a refusal when no worker runs.
pub fn request(mut request: SealRequest, done: impl FnOnce(SealReply) + 'static) {
    let id = NEXT_ID.with(|n| {
        let id = n.get();
        n.set(id.wrapping_add(1));
        id
    });
    request.id = id;
    let bytes = request.to_bytes();
    warm();
    let Some((worker, ready)) =
        SEALER.with_borrow(|slot| slot.as_ref().map(|s| (s.worker.clone(), s.ready)))
    else {
        return done(SealReply::Refused {
            id,
            why: Refusal::Seal,
        });
    };
    let done: Done = Box::new(done);
    let queued = (!ready).then(|| bytes.clone());
    SEALER.with_borrow_mut(|slot| {
        if let Some(s) = slot.as_mut() {
            s.waiting = Some((id, done));
            s.queued = queued;
        }
    });
    if ready {
        send(&worker, &bytes);
    }
}

/// Drops any request in flight: its late reply is ignored (called when the session wipes).
pub fn forget() {
    SEALER.with_borrow_mut(|slot| {
        if let Some(s) = slot.as_mut() {
            s.waiting = None;
            s.queued = None;
        }
    });
}

fn send(worker: &Worker, bytes: &[u8]) {
    if worker.post_message(&Uint8Array::from(bytes)).is_err() {
        on_error();
    }
}

fn on_message(event: MessageEvent) {
    let bytes = event
        .data()
        .dyn_into::<Uint8Array>()
        .map(|a| a.to_vec())
        .unwrap_or_default();
    if bytes.is_empty() {
        // The worker is listening: send what was waiting for it.
        let queued = SEALER.with_borrow_mut(|slot| {
            let s = slot.as_mut()?;
            s.ready = true;
            Some((s.worker.clone(), s.queued.take()?))
        });
        if let Some((worker, bytes)) = queued {
            send(&worker, &bytes);
        }
        return;
    }
    let Some(reply) = SealReply::from_bytes(&bytes) else {
        return on_error();
    };
    let done = SEALER.with_borrow_mut(|slot| {
        let s = slot.as_mut()?;
        match s.waiting.take() {
            Some((id, done)) if id == reply.id() => Some(done),
            other => {
                s.waiting = other;
                None
            }
        }
    });
    if let Some(done) = done {
        done(reply);
    }
}

/// The worker failed to load or broke: refuse what was waiting and start afresh next time.
fn on_error() {
    let waiting = SEALER.with_borrow_mut(|slot| {
        let sealer = slot.take()?;
        sealer.worker.terminate();
        sealer.waiting
    });
    if let Some((id, done)) = waiting {
        done(SealReply::Refused {
            id,
            why: Refusal::Seal,
        });
    }
}
