//! The kiosk page's side of its worker (`sealer/`, messages in `intake::handoff::worker`).
//! Sealing, the QR encoder and the language-file check live in the worker, so the kiosk's
//! first load carries none of them; the worker is started once the first screen is up and
//! answers in-page, never over the network.
use intake::handoff::{FromWorker, Outbox, Refusal, SealReply, SealRequest, ToWorker};
use js_sys::Uint8Array;
use std::cell::{Cell, RefCell};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::Closure;
use web_sys::{MessageEvent, Worker};

/// The worker's entry script (`public/sealer-worker.js`).
const SCRIPT: &str = "/sealer-worker.js";

type Done = Box<dyn FnOnce(FromWorker)>;

/// A message in flight: its id, the answer to give if the worker fails, what to do.
struct Waiting {
    id: u32,
    seal: bool,
    failed: FromWorker,
    done: Done,
}

struct Sealer {
    worker: Worker,
    /// Messages waiting for the worker to start (a wipe drops the requests to seal).
    outbox: Outbox,
    waiting: Vec<Waiting>,
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
        outbox: Outbox::default(),
        waiting: Vec::new(),
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

fn next_id() -> u32 {
    NEXT_ID.with(|n| {
        let id = n.get();
        n.set(id.wrapping_add(1));
        id
    })
}

/// Sends `message`; `done` runs once with the reply, or with `failed` when no worker runs.
fn send(message: ToWorker, failed: FromWorker, done: Done) {
    let seal = matches!(message, ToWorker::Seal(_));
    warm();
    let waiting = Waiting {
        id: message.id(),
        seal,
        failed,
        done,
    };
    let mut waiting = Some(waiting);
    let now = SEALER.with_borrow_mut(|slot| {
        let s = slot.as_mut()?;
        s.waiting.extend(waiting.take());
        Some((s.worker.clone(), s.outbox.send(&message)))
    });
    match (now, waiting) {
        (Some((worker, Some(bytes))), _) => post(&worker, &bytes),
        (Some((_, None)), _) => {}
        // No worker could start: answer at once.
        (None, Some(w)) => (w.done)(w.failed),
        (None, None) => {}
    }
}

/// Asks for a code; `done` runs once with the reply, or with a refusal when no worker runs.
pub fn request(mut request: SealRequest, done: impl FnOnce(SealReply) + 'static) {
    let id = next_id();
    request.id = id;
    let failed = FromWorker::Sealed(SealReply::Refused {
        id,
        why: Refusal::Seal,
    });
    send(
        ToWorker::Seal(request),
        failed,
        Box::new(move |reply| match reply {
            FromWorker::Sealed(r) => done(r),
            FromWorker::Language { .. } => done(SealReply::Refused {
                id,
                why: Refusal::Seal,
            }),
        }),
    );
}

/// Checks a language file's text; `done` gets its texts in catalogue key order, or `None`.
pub fn check_language(text: String, done: impl FnOnce(Option<Vec<String>>) + 'static) {
    let id = next_id();
    send(
        ToWorker::CheckLanguage { id, text },
        FromWorker::Language { id, texts: None },
        Box::new(move |reply| match reply {
            FromWorker::Language { texts, .. } => done(texts),
            FromWorker::Sealed(_) => done(None),
        }),
    );
}

/// Drops every code request, queued or in flight: one queued before the worker was ready
/// is never sent, and a late reply is ignored (called when the session wipes).
pub fn forget() {
    SEALER.with_borrow_mut(|slot| {
        if let Some(s) = slot.as_mut() {
            s.waiting.retain(|w| !w.seal);
            s.outbox.forget_seals();
        }
    });
}

fn post(worker: &Worker, bytes: &[u8]) {
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
            Some((s.worker.clone(), s.outbox.listening()))
        });
        if let Some((worker, messages)) = queued {
            for bytes in messages {
                post(&worker, &bytes);
            }
        }
        return;
    }
    let Some(reply) = FromWorker::from_bytes(&bytes) else {
        return on_error();
    };
    let waiting = SEALER.with_borrow_mut(|slot| {
        let s = slot.as_mut()?;
        let at = s.waiting.iter().position(|w| w.id == reply.id())?;
        Some(s.waiting.remove(at))
    });
    if let Some(w) = waiting {
        (w.done)(reply);
    }
}

/// The worker failed to load or broke: fail what was waiting and start afresh next time.
fn on_error() {
    let waiting = SEALER.with_borrow_mut(|slot| {
        let sealer = slot.take()?;
        sealer.worker.terminate();
        Some(sealer.waiting)
    });
    for w in waiting.into_iter().flatten() {
        (w.done)(w.failed);
    }
}
