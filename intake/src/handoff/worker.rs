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
