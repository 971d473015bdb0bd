//! Making a code off the page's main thread: what the kiosk page asks its sealing worker
//! for, and what comes back.
//!
//! The kiosk page never links the crypto or the QR encoder: its first load stays small,
//! and the survivor's first screen appears before any of it is fetched. At the handoff the
//! page sends a [`SealRequest`] (inside a `ToWorker`, as bytes, in-page `postMessage`, never
//! the network) and the worker runs [`make_code`]. Both sides use these types, so the
//! format cannot drift.

use super::keys::{KeyPair, PublicKey};
use super::payload::{Handoff, HandoffId, Ticket};
use super::qr::qr_svg;
use super::seal::seal;
use crate::answers::Answers;
use crate::pairing::check_staff_key;
use serde::{Deserialize, Serialize};

/// Everything the worker needs to seal one handoff.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SealRequest {
    /// Matches the reply to the request (a wiped session's late reply is dropped).
    pub id: u32,
    pub answers: Answers,
    pub ticket: Ticket,
    /// The kiosk's clock, minutes since 1970.
    pub now_minutes: crate::clock::Minutes,
    /// The kiosk's private key as kept on the device; `None` on first use.
    pub kiosk_private_hex: Option<String>,
    /// The staff public key from the centre configuration.
    pub staff_public_hex: String,
    /// The staff key pinned at pairing (64 hexadecimal characters).
    pub pinned_staff_key: Option<String>,
}

/// Why no code was made. The survivor is sent to the desk either way.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Refusal {
    /// The configured staff key is not valid.
    BadStaffKey,
    /// A real deployment whose kiosk was never paired.
    NotPaired,
    /// The staff key differs from the one pinned at pairing.
    StaffKeyChanged,
    /// No kiosk key could be read or made.
    NoKioskKey,
    /// Sealing failed (clock before the build date, no randomness, encoding).
    Seal,
    /// The request could not be read.
    BadRequest,
}

/// The worker's answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum SealReply {
    Made {
        id: u32,
        /// The code's text (`TK`, the version digit, then digits).
        code: String,
        /// The code drawn as an SVG QR code.
        svg: String,
        /// A kiosk key made on first use, for the page to keep.
        new_kiosk_key: Option<String>,
    },
    Refused {
        id: u32,
        why: Refusal,
    },
}

impl SealReply {
    /// The request this answers.
    pub fn id(&self) -> u32 {
        match self {
            SealReply::Made { id, .. } | SealReply::Refused { id, .. } => *id,
        }
    }
}

/// Seals the request's answers to the staff key, as the kiosk's worker does.
pub fn make_code(request: &SealRequest) -> SealReply {
    let id = request.id;
    let refuse = |why| SealReply::Refused { id, why };
    let Ok(staff) = PublicKey::from_hex(&request.staff_public_hex) else {
        return refuse(Refusal::BadStaffKey);
    };
    // Seal only to the staff key pinned at pairing (or, unpaired, to the demo key).
    let check = check_staff_key(&staff, request.pinned_staff_key.as_deref());
    if !check.may_seal() {
        return refuse(match check {
            crate::pairing::StaffKeyCheck::Changed => Refusal::StaffKeyChanged,
            _ => Refusal::NotPaired,
        });
    }
    let stored = request
        .kiosk_private_hex
        .as_deref()
        .and_then(|hex| KeyPair::from_private_hex(hex).ok());
    let (kiosk, new_kiosk_key) = match stored {
        Some(pair) => (pair, None),
        None => match KeyPair::generate() {
            Ok(pair) => {
                let hex = pair.private_hex();
                (pair, Some(hex))
            }
            Err(_) => return refuse(Refusal::NoKioskKey),
        },
    };
    let Some(handoff_id) = HandoffId::random() else {
        return refuse(Refusal::Seal);
    };
    let handoff = Handoff {
        created_minutes: request.now_minutes,
        id: handoff_id,
        ticket: request.ticket,
        answers: request.answers.clone(),
    };
    let Ok(code) = seal(&handoff, &staff, &kiosk, request.now_minutes) else {
        return refuse(Refusal::Seal);
    };
    let Ok(svg) = qr_svg(&code) else {
        return refuse(Refusal::Seal);
    };
    SealReply::Made {
        id,
        code,
        svg,
        new_kiosk_key,
    }
}
