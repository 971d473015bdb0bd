//! The plaintext inside a code: the answers plus an envelope, padded to a fixed length.

use super::keys::KioskId;
use crate::answers::Answers;
use serde::{Deserialize, Serialize};
use std::fmt;

/// Length of every plaintext of this format version, whatever the answers.
pub const PLAINTEXT_LEN: usize = 42;

/// A ticket such as `A-042`: she is called by number, never by name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Ticket {
    /// One uppercase ASCII letter, from the centre configuration.
    pub prefix: u8,
    /// 1–999, per kiosk, restarting daily.
    pub number: u16,
}

impl Ticket {
    /// The largest ticket number; the counter wraps back to 1 after it.
    pub const MAX: u16 = 999;

    /// The ticket after `last` (the day it was issued and its number): numbers restart at 1
    /// each day and wrap after [`Ticket::MAX`].
    pub fn next(prefix: u8, last: Option<(&str, u16)>, today: &str) -> Ticket {
        let number = match last {
            Some((day, n)) if day == today && n < Ticket::MAX => n + 1,
            _ => 1,
        };
        Ticket { prefix, number }
    }
}

impl std::str::FromStr for Ticket {
    type Err = String;
    /// Reads `A-042` (or `A042`).
    fn from_str(text: &str) -> Result<Ticket, String> {
        let text = text.trim();
        let mut chars = text.chars();
        let prefix = chars.next().filter(char::is_ascii_uppercase);
        let digits = chars.as_str().trim_start_matches('-');
        let number = digits
            .parse::<u16>()
            .ok()
            .filter(|n| (1..=Ticket::MAX).contains(n));
        match (prefix, number) {
            (Some(p), Some(number)) => Ok(Ticket {
                prefix: p as u8,
                number,
            }),
            _ => Err(format!(
                "a ticket is a capital letter and 1-{}, like A-042: {text:?}",
                Ticket::MAX
            )),
        }
    }
}

impl fmt::Display for Ticket {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{:03}", self.prefix as char, self.number)
    }
}

/// A random id per handoff, so the desk can warn when a code is scanned twice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct HandoffId(pub [u8; 8]);

impl HandoffId {
    /// A fresh random id, or `None` when the device gives no randomness.
    pub fn random() -> Option<HandoffId> {
        let mut id = [0u8; 8];
        getrandom::fill(&mut id).ok()?;
        Some(HandoffId(id))
    }
}

impl fmt::Display for HandoffId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.iter().try_for_each(|b| write!(f, "{b:02x}"))
    }
}

/// Everything a code carries: the envelope and her answers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Handoff {
    /// The kiosk that sealed it (from the clear header).
    pub kiosk: KioskId,
    /// When it was sealed, in minutes since 1970 by the kiosk's clock.
    pub created_minutes: u32,
    pub id: HandoffId,
    pub ticket: Ticket,
    pub answers: Answers,
}

/// The part of a handoff that is encrypted (the kiosk id travels in the header).
#[derive(Serialize, Deserialize)]
struct Body {
    created_minutes: u32,
    id: HandoffId,
    ticket: Ticket,
    answers: Answers,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tickets_count_up_within_a_day_restart_daily_and_wrap() {
        assert_eq!(Ticket::next(b'A', None, "2026-11-24").number, 1);
        assert_eq!(
            Ticket::next(b'A', Some(("2026-11-24", 41)), "2026-11-24").to_string(),
            "A-042"
        );
        assert_eq!(
            Ticket::next(b'A', Some(("2026-11-23", 41)), "2026-11-24").number,
            1
        );
        assert_eq!(
            Ticket::next(b'A', Some(("2026-11-24", 999)), "2026-11-24").number,
            1
        );
    }

    #[test]
    fn tickets_read_back_from_their_text() {
        assert_eq!(
            "B-007".parse::<Ticket>(),
            Ok(Ticket {
                prefix: b'B',
                number: 7
            })
        );
        assert!("b-007".parse::<Ticket>().is_err());
        assert!("B-0".parse::<Ticket>().is_err());
        assert!("B-1000".parse::<Ticket>().is_err());
    }
}

/// Why a plaintext could not be made or read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PayloadError {
    #[error("the answers do not fit in a code ({0} bytes)")]
    TooLong(usize),
    #[error("the plaintext is not a valid handoff")]
    Malformed,
}

/// Packs the handoff into exactly [`PLAINTEXT_LEN`] bytes: postcard, then zero padding.
pub(crate) fn pack(handoff: &Handoff) -> Result<[u8; PLAINTEXT_LEN], PayloadError> {
    let body = Body {
        created_minutes: handoff.created_minutes,
        id: handoff.id,
        ticket: handoff.ticket,
        answers: handoff.answers.clone(),
    };
    let mut out = [0u8; PLAINTEXT_LEN];
    let used = postcard::to_slice(&body, &mut out)
        .map_err(|_| PayloadError::TooLong(postcard::to_allocvec(&body).map_or(0, |v| v.len())))?
        .len();
    debug_assert!(used <= PLAINTEXT_LEN);
    Ok(out)
}

/// Reads a plaintext back, refusing anything but zeros after the body.
pub(crate) fn unpack(kiosk: KioskId, bytes: &[u8]) -> Result<Handoff, PayloadError> {
    if bytes.len() != PLAINTEXT_LEN {
        return Err(PayloadError::Malformed);
    }
    let (body, rest): (Body, &[u8]) =
        postcard::take_from_bytes(bytes).map_err(|_| PayloadError::Malformed)?;
    if rest.iter().any(|b| *b != 0) {
        return Err(PayloadError::Malformed);
    }
    Ok(Handoff {
        kiosk,
        created_minutes: body.created_minutes,
        id: body.id,
        ticket: body.ticket,
        answers: body.answers,
    })
}
