//! The sealed handoff: the only thing that ever leaves the kiosk.
//!
//! `Handoff` (answers plus envelope) → fixed-length plaintext (`payload`) → HPKE Auth mode
//! sealed to the staff key with the clear header as associated data (`seal`) → digits behind
//! a neutral prefix (`text`) → a QR code at level Q (`qr`). The staff desk reverses it
//! (`open`), telling every kind of failure apart.

mod keys;
mod open;
mod payload;
mod qr;
mod request;
mod seal;
mod text;
mod worker;

pub use keys::{KeyError, KeyPair, KioskId, PublicKey, StaffKeyId};
pub use open::{EnrolledKiosk, OpenError, Opened, TimeWarning, open};
pub use payload::{Handoff, HandoffId, PLAINTEXT_LEN, PayloadError, Ticket};
pub use qr::{MAX_QR_VERSION, QrError, qr_code, qr_svg, qr_version};
pub use request::{Refusal, SealReply, SealRequest, make_code};
pub use seal::{SealError, build_minutes, seal};
pub use text::{CODE_DIGITS, PREFIX};
pub use worker::{FromWorker, ToWorker, answer, checked_texts};

/// The format version written in every code's clear header.
pub const FORMAT_VERSION: u8 = 1;

/// The `info` string bound into every HPKE context of this format.
pub(crate) const HPKE_INFO: &[u8] = b"anh-duong intake handoff v1";

/// Length of the clear header: version, staff key id, kiosk id.
pub(crate) const HEADER_LEN: usize = 5;

/// Default window within which a code's time is taken as plausible: 24 hours.
pub const DEFAULT_WINDOW_MINUTES: u32 = 24 * 60;

pub(crate) type Kem = hpke::kem::X25519HkdfSha256;
pub(crate) type Kdf = hpke::kdf::HkdfSha256;
pub(crate) type Aead = hpke::aead::ChaCha20Poly1305;

/// The clear header, bound to the ciphertext as associated data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Header {
    pub version: u8,
    pub staff_key: StaffKeyId,
    pub kiosk: KioskId,
}

impl Header {
    pub fn to_bytes(self) -> [u8; HEADER_LEN] {
        let s = self.staff_key.0.to_be_bytes();
        let k = self.kiosk.0.to_be_bytes();
        [self.version, s[0], s[1], k[0], k[1]]
    }

    pub fn from_bytes(b: [u8; HEADER_LEN]) -> Header {
        Header {
            version: b[0],
            staff_key: StaffKeyId(u16::from_be_bytes([b[1], b[2]])),
            kiosk: KioskId(u16::from_be_bytes([b[3], b[4]])),
        }
    }
}
