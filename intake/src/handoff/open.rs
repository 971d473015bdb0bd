//! Opening at the staff desk: every failure has its own kind, and a wrong clock only warns.

use super::keys::{KeyPair, KioskId, PublicKey};
use super::payload::{Handoff, unpack};
use super::text::{self, TextError};
use super::{Aead, FORMAT_VERSION, HEADER_LEN, HPKE_INFO, Header, Kdf, Kem};
use hpke::{Deserializable, OpModeR};

/// A kiosk the desk has enrolled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EnrolledKiosk {
    pub public: PublicKey,
    /// A lost or stolen kiosk is revoked: its codes are refused.
    pub revoked: bool,
}

/// Why a code could not be opened. Each kind gets its own message at the desk.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum OpenError {
    #[error("this is not a handoff code")]
    NotAHandoffCode,
    #[error("this code was made by a newer or older kiosk version ({0})")]
    UnsupportedVersion(u8),
    #[error("this code was sealed to a staff key this desk does not hold")]
    UnknownStaffKey,
    #[error("this code comes from a kiosk this desk has not enrolled ({0})")]
    UnknownKiosk(KioskId),
    #[error("this code comes from a revoked kiosk ({0})")]
    RevokedKiosk(KioskId),
    #[error("this code is damaged or forged")]
    DamagedOrForged,
}

/// A genuine code whose time looks wrong: opened, with this said to staff.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeWarning {
    /// Older than the window, by this many minutes past it.
    Old { minutes: u32 },
    /// Made this many minutes in the future (the kiosk's clock is ahead).
    Future { minutes: u32 },
}

/// A code that opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Opened {
    pub handoff: Handoff,
    pub warning: Option<TimeWarning>,
}

/// Clock drift tolerated before a code counts as "from the future".
const FUTURE_SLACK_MINUTES: u32 = 10;

/// Opens a code's text with the desk's staff keys and enrolled kiosks. Never panics.
pub fn open(
    code: &str,
    staff_keys: &[KeyPair],
    kiosks: &[EnrolledKiosk],
    now_minutes: u32,
    window_minutes: u32,
) -> Result<Opened, OpenError> {
    let sealed = text::decode(code).map_err(|e| match e {
        TextError::NotACode => OpenError::NotAHandoffCode,
        TextError::Damaged => OpenError::DamagedOrForged,
    })?;
    let (head, rest) = sealed.split_at(HEADER_LEN);
    let head: [u8; HEADER_LEN] = head.try_into().map_err(|_| OpenError::DamagedOrForged)?;
    let header = Header::from_bytes(head);
    if header.version != FORMAT_VERSION {
        return Err(OpenError::UnsupportedVersion(header.version));
    }
    let staff = staff_keys
        .iter()
        .find(|k| k.public.staff_key_id() == header.staff_key)
        .ok_or(OpenError::UnknownStaffKey)?;
    let kiosk = kiosks
        .iter()
        .find(|k| k.public.kiosk_id() == header.kiosk)
        .ok_or(OpenError::UnknownKiosk(header.kiosk))?;
    if kiosk.revoked {
        return Err(OpenError::RevokedKiosk(header.kiosk));
    }
    let (enc, ciphertext) = rest.split_at(32);
    let encapped = <Kem as hpke::kem::Kem>::EncappedKey::from_bytes(enc)
        .map_err(|_| OpenError::DamagedOrForged)?;
    let mode = OpModeR::<Kem>::Auth(kiosk.public.0.clone());
    let plaintext = hpke::single_shot_open::<Aead, Kdf, Kem>(
        &mode,
        &staff.private,
        &encapped,
        HPKE_INFO,
        ciphertext,
        &head,
    )
    .map_err(|_| OpenError::DamagedOrForged)?;
    let handoff = unpack(header.kiosk, &plaintext).map_err(|_| OpenError::DamagedOrForged)?;
    let warning = time_warning(handoff.created_minutes, now_minutes, window_minutes);
    Ok(Opened { handoff, warning })
}

fn time_warning(created: u32, now: u32, window: u32) -> Option<TimeWarning> {
    if created > now.saturating_add(FUTURE_SLACK_MINUTES) {
        Some(TimeWarning::Future {
            minutes: created - now,
        })
    } else if now.saturating_sub(created) > window {
        Some(TimeWarning::Old {
            minutes: now - created - window,
        })
    } else {
        None
    }
}
