//! The sealed handoff: the only thing that ever leaves the kiosk.
//!
//! `Handoff` (answers plus envelope) → fixed-length plaintext (`payload`) → HPKE Auth mode
//! from the kiosk's key to the staff key, with the format version as associated data
//! and a two-byte kiosk hint (`hint`) → the version and digits with check digits behind a neutral prefix (`text`) →
//! a QR code at level Q (`qr`). Only the version is in the clear: the staff desk finds its
//! key and the kiosk by trying them (`open`), the hint — which only the desk can compute —
//! sparing it the curve operations for every kiosk but the right one, and tells apart every
//! kind of failure that the format can tell apart.

mod check_digit;
mod hint;
mod keys;
mod open;
mod payload;
mod qr;
mod request;
mod seal;
pub(crate) mod text;
mod worker;

pub use keys::{KeyError, KeyPair, KioskId, PublicKey};
pub use open::{EnrolledKiosk, KioskState, LetterWarning, OpenError, Opened, TimeWarning, open};
pub use payload::{Handoff, HandoffId, KioskLetter, PLAINTEXT_LEN, PayloadError, Ticket, body_len};
pub use qr::{
    MAX_QR_VERSION, MAX_SCREEN_QR_VERSION, QrError, qr_code, qr_svg, qr_version, screen_qr_svg,
};
pub use request::{Refusal, SealReply, SealRequest, make_code};
pub use seal::{SealError, build_minutes, seal};
pub use text::{CODE_DIGITS, PREFIX};
pub use worker::{FromWorker, Outbox, ToWorker, answer, checked_texts};

/// The format version: the one digit in the clear, right after the prefix.
pub const FORMAT_VERSION: u8 = 2;

/// The `info` string bound into every HPKE context of this format.
pub(crate) const HPKE_INFO: &[u8] = b"anh-duong intake handoff v2";

/// The associated data of every code begins with its prefix and version, the only clear
/// part; the kiosk hint follows (`hint`).
pub(crate) const AAD_PREFIX: &[u8] = b"TK2";

/// The associated data of a code with this kiosk hint.
pub(crate) fn aad(hint: [u8; hint::HINT_LEN]) -> [u8; 5] {
    [
        AAD_PREFIX[0],
        AAD_PREFIX[1],
        AAD_PREFIX[2],
        hint[0],
        hint[1],
    ]
}

/// Default window within which a code's time is taken as plausible: 24 hours.
pub const DEFAULT_WINDOW: crate::clock::Span = crate::clock::Span::minutes(24 * 60);

pub(crate) type Kem = hpke::kem::X25519HkdfSha256;
pub(crate) type Kdf = hpke::kdf::HkdfSha256;
pub(crate) type Aead = hpke::aead::ChaCha20Poly1305;
