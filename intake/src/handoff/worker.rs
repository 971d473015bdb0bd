//! Messages between the kiosk page and its worker, which does the heavy work off the
//! page's first load: sealing (see `request`) and checking a language file against the
//! Vietnamese catalogue. Both sides encode with postcard; every reply carries its request's id.

use super::request::{SealReply, SealRequest, make_code};
use crate::catalogue::{Catalogue, compare, parse};
use serde::{Deserialize, Serialize};

/// What the page asks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum ToWorker {
    Seal(SealRequest),
    /// Check a language file's text; `id` matches the reply.
    CheckLanguage {
        id: u32,
        text: String,
    },
}

/// What the worker answers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum FromWorker {
    Sealed(SealReply),
    /// The file's texts in the order of the reference's keys, or `None` when it fails the
    /// check (missing or unknown key, empty text, different placeholders, not JSON).
    Language {
        id: u32,
        texts: Option<Vec<String>>,
    },
}

impl ToWorker {
    pub fn id(&self) -> u32 {
        match self {
            ToWorker::Seal(r) => r.id,
            ToWorker::CheckLanguage { id, .. } => *id,
        }
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        postcard::to_allocvec(self).unwrap_or_default()
    }

    pub fn from_bytes(bytes: &[u8]) -> Option<ToWorker> {
        postcard::from_bytes(bytes).ok()
    }
}

impl FromWorker {
    pub fn id(&self) -> u32 {
        match self {
            FromWorker::Sealed(r) => r.id(),
            FromWorker::Language { id, .. } => *id,
        }
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        postcard::to_allocvec(self).unwrap_or_default()
    }

    pub fn from_bytes(bytes: &[u8]) -> Option<FromWorker> {
        postcard::from_bytes(bytes).ok()
    }
}

/// What the page holds for its worker until the worker says it is listening. A wipe
/// drops every queued request to seal: answers given before a wipe are never sealed after it.
#[derive(Debug, Default)]
pub struct Outbox {
    ready: bool,
    /// Encoded messages waiting for the worker, and whether each is a request to seal.
    queued: Vec<(bool, Vec<u8>)>,
}

impl Outbox {
    /// Takes a message: its bytes to post now when the worker is listening, else `None`
    /// (kept until [`Outbox::listening`]).
    pub fn send(&mut self, message: &ToWorker) -> Option<Vec<u8>> {
        let bytes = message.to_bytes();
        if self.ready {
            return Some(bytes);
        }
        self.queued
            .push((matches!(message, ToWorker::Seal(_)), bytes));
        None
    }

    /// The worker is listening: the messages to post now, in the order they were sent.
    pub fn listening(&mut self) -> Vec<Vec<u8>> {
        self.ready = true;
        std::mem::take(&mut self.queued)
            .into_iter()
            .map(|(_, bytes)| bytes)
            .collect()
    }

    /// A wipe: forgets every queued request to seal (language checks may stay).
    pub fn forget_seals(&mut self) {
        self.queued.retain(|(seal, _)| !seal);
    }

    /// Whether the worker has said it is listening.
    pub fn is_ready(&self) -> bool {
        self.ready
    }
}

/// The worker's answer to one message; `reference` is the Vietnamese catalogue.
pub fn answer(message: ToWorker, reference: &Catalogue) -> FromWorker {
    match message {
        ToWorker::Seal(request) => FromWorker::Sealed(make_code(&request)),
        ToWorker::CheckLanguage { id, text } => FromWorker::Language {
            id,
            texts: checked_texts(&text, reference),
        },
    }
}

/// A language file's texts in the reference's key order, if it passes the check.
pub fn checked_texts(text: &str, reference: &Catalogue) -> Option<Vec<String>> {
    let mut catalogue = parse(text).ok()?;
    if !compare(reference, &catalogue).is_empty() {
        return None;
    }
    reference.keys().map(|key| catalogue.remove(key)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::handoff::{KioskLetter, Ticket};

    fn seal_request(id: u32) -> ToWorker {
        ToWorker::Seal(SealRequest {
            id,
            answers: crate::Answers::default(),
            ticket: Ticket {
                letter: KioskLetter::DEFAULT,
                number: 1,
            },
            now_minutes: crate::clock::Minutes(0),
            kiosk_private_hex: None,
            staff_public_hex: String::new(),
            pinned_staff_key: None,
        })
    }

    /// Security review finding 12: a request queued before the worker was ready was still
    /// sealed after a wipe, because the wipe forgot only the reply's callback.
    #[test]
    fn a_request_queued_before_the_worker_was_ready_is_never_sealed_after_a_wipe() {
        let mut outbox = Outbox::default();
        assert_eq!(outbox.send(&seal_request(1)), None);
        let check = ToWorker::CheckLanguage {
            id: 2,
            text: "{}".into(),
        };
        assert_eq!(outbox.send(&check), None);
        outbox.forget_seals();
        let posted = outbox.listening();
        assert_eq!(
            posted,
            vec![check.to_bytes()],
            "only the language check goes"
        );
        assert!(
            posted
                .iter()
                .all(|b| !matches!(ToWorker::from_bytes(b), Some(ToWorker::Seal(_))))
        );
    }

    #[test]
    fn once_listening_messages_go_at_once_in_order() {
        let mut outbox = Outbox::default();
        assert_eq!(outbox.send(&seal_request(1)), None);
        assert_eq!(outbox.listening(), vec![seal_request(1).to_bytes()]);
        assert!(outbox.is_ready());
        assert_eq!(
            outbox.send(&seal_request(3)),
            Some(seal_request(3).to_bytes())
        );
    }
}
