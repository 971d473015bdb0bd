//! The plaintext inside a code: the answers plus an envelope, padded to a fixed length.
//!
//! Format 2 (this one): created time, random id, ticket (the kiosk's letter and its number),
//! and every answer, as postcard, then zeros up to [`PLAINTEXT_LEN`]. The largest possible
//! body is 39 bytes (a test builds it), so eight bytes are spare. Nothing identifies the kiosk
//! or the staff key outside the ciphertext. Every field read back is range-checked: a value
//! no kiosk can write is "damaged", never shown.

use crate::answers::Answers;
use serde::{Deserialize, Serialize};
use std::fmt;

/// Length of every plaintext of this format version, whatever the answers. With the
/// 32-byte encapsulated key, the 2-byte kiosk hint and the 16-byte tag, 97 sealed bytes:
/// the most that fits, with the version and check digits, in a QR code of version 8 at
/// level Q.
pub const PLAINTEXT_LEN: usize = 47;

/// A kiosk's letter, A to H, chosen on its setup page: tickets of two kiosks of one centre
/// never look alike.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub struct KioskLetter(u8);

impl KioskLetter {
    /// Every letter a kiosk may have, in order.
    pub const ALL: [KioskLetter; 8] = [
        KioskLetter(b'A'),
        KioskLetter(b'B'),
        KioskLetter(b'C'),
        KioskLetter(b'D'),
        KioskLetter(b'E'),
        KioskLetter(b'F'),
        KioskLetter(b'G'),
        KioskLetter(b'H'),
    ];

    /// A kiosk that was never given a letter is `A`.
    pub const DEFAULT: KioskLetter = KioskLetter(b'A');

    /// The letter for `c`, if it is one of A–H (either case).
    pub fn from_char(c: char) -> Option<KioskLetter> {
        let upper = c.to_ascii_uppercase();
        KioskLetter::ALL
            .into_iter()
            .find(|l| char::from(l.0) == upper)
    }

    /// The letter as a character.
    pub fn as_char(self) -> char {
        char::from(self.0)
    }
}

impl TryFrom<u8> for KioskLetter {
    type Error = &'static str;
    fn try_from(b: u8) -> Result<Self, Self::Error> {
        KioskLetter::from_char(char::from(b))
            .filter(|l| l.0 == b)
            .ok_or("a kiosk letter is one of A-H")
    }
}

impl From<KioskLetter> for u8 {
    fn from(l: KioskLetter) -> u8 {
        l.0
    }
}

impl fmt::Display for KioskLetter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.as_char())
    }
}

/// A ticket such as `A-042`: she is called by number, never by name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Ticket {
    /// The kiosk's letter.
    pub letter: KioskLetter,
    /// 1–999, per kiosk, restarting daily.
    pub number: u16,
}

impl Ticket {
    /// The largest ticket number; the counter wraps back to 1 after it.
    pub const MAX: u16 = 999;

    /// The ticket after `last` (the day it was issued and its number): numbers restart at 1
    /// each day and wrap after [`Ticket::MAX`].
    pub fn next(letter: KioskLetter, last: Option<(&str, u16)>, today: &str) -> Ticket {
        let number = match last {
            Some((day, n)) if day == today && n < Ticket::MAX => n + 1,
            _ => 1,
        };
        Ticket { letter, number }
    }

    fn in_range(&self) -> bool {
        (1..=Ticket::MAX).contains(&self.number)
    }
}

impl std::str::FromStr for Ticket {
    type Err = String;
    /// Reads `A-042` (or `A042`).
    fn from_str(text: &str) -> Result<Ticket, String> {
        let text = text.trim();
        let mut chars = text.chars();
        let letter = chars
            .next()
            .filter(char::is_ascii_uppercase)
            .and_then(KioskLetter::from_char);
        let digits = chars.as_str().trim_start_matches('-');
        let number = digits
            .parse::<u16>()
            .ok()
            .filter(|n| (1..=Ticket::MAX).contains(n));
        match (letter, number) {
            (Some(letter), Some(number)) => Ok(Ticket { letter, number }),
            _ => Err(format!(
                "a ticket is a kiosk letter A-H and 1-{}, like A-042: {text:?}",
                Ticket::MAX
            )),
        }
    }
}

impl fmt::Display for Ticket {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{:03}", self.letter, self.number)
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

/// Everything a code carries: when, which handoff, her ticket, and her answers. Which kiosk
/// sealed it is not in the code: the desk learns it from the kiosk key that opens it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Handoff {
    /// When it was sealed, in minutes since 1970 by the kiosk's clock.
    pub created_minutes: crate::clock::Minutes,
    pub id: HandoffId,
    pub ticket: Ticket,
    pub answers: Answers,
}

impl Handoff {
    /// Whether every field holds a value a kiosk can write.
    pub fn in_range(&self) -> bool {
        self.ticket.in_range() && self.answers.in_range()
    }
}

/// Why a plaintext could not be made or read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PayloadError {
    #[error("the answers do not fit in a code ({0} bytes)")]
    TooLong(usize),
    #[error("a value is outside what a kiosk can write")]
    OutOfRange,
    #[error("the plaintext is not a valid handoff")]
    Malformed,
}

/// Packs the handoff into exactly [`PLAINTEXT_LEN`] bytes: postcard, then zero padding.
pub(crate) fn pack(handoff: &Handoff) -> Result<[u8; PLAINTEXT_LEN], PayloadError> {
    if !handoff.in_range() {
        return Err(PayloadError::OutOfRange);
    }
    let mut out = [0u8; PLAINTEXT_LEN];
    postcard::to_slice(handoff, &mut out).map_err(|_| {
        PayloadError::TooLong(postcard::to_allocvec(handoff).map_or(0, |v| v.len()))
    })?;
    Ok(out)
}

/// The length of a handoff's body before padding (for the test of the largest one).
pub fn body_len(handoff: &Handoff) -> usize {
    postcard::to_allocvec(handoff).map_or(usize::MAX, |v| v.len())
}

/// Reads a plaintext back, refusing anything but zeros after the body and any value out of
/// range.
pub(crate) fn unpack(bytes: &[u8]) -> Result<Handoff, PayloadError> {
    if bytes.len() != PLAINTEXT_LEN {
        return Err(PayloadError::Malformed);
    }
    let (handoff, rest): (Handoff, &[u8]) =
        postcard::take_from_bytes(bytes).map_err(|_| PayloadError::Malformed)?;
    if rest.iter().any(|b| *b != 0) {
        return Err(PayloadError::Malformed);
    }
    if !handoff.in_range() {
        return Err(PayloadError::OutOfRange);
    }
    Ok(handoff)
}

#[cfg(test)]
mod tests {
    use super::*;

    const A: KioskLetter = KioskLetter::DEFAULT;

    #[test]
    fn tickets_count_up_within_a_day_restart_daily_and_wrap() {
        assert_eq!(Ticket::next(A, None, "2026-11-24").number, 1);
        assert_eq!(
            Ticket::next(A, Some(("2026-11-24", 41)), "2026-11-24").to_string(),
            "A-042"
        );
        assert_eq!(
            Ticket::next(A, Some(("2026-11-23", 41)), "2026-11-24").number,
            1
        );
        assert_eq!(
            Ticket::next(A, Some(("2026-11-24", 999)), "2026-11-24").number,
            1
        );
    }

    #[test]
    fn tickets_read_back_from_their_text() {
        assert_eq!(
            "B-007".parse::<Ticket>(),
            Ok(Ticket {
                letter: KioskLetter::from_char('B').expect("a letter"),
                number: 7
            })
        );
        assert!("b-007".parse::<Ticket>().is_err());
        assert!(
            "Z-007".parse::<Ticket>().is_err(),
            "only A-H are kiosk letters"
        );
        assert!("B-0".parse::<Ticket>().is_err());
        assert!("B-1000".parse::<Ticket>().is_err());
    }

    #[test]
    fn kiosk_letters_are_a_to_h() {
        assert_eq!(
            KioskLetter::try_from(b'H').map(KioskLetter::as_char),
            Ok('H')
        );
        assert!(KioskLetter::try_from(b'I').is_err());
        assert!(KioskLetter::try_from(b'a').is_err());
        assert_eq!(
            KioskLetter::from_char('c').map(KioskLetter::as_char),
            Some('C')
        );
    }
}
