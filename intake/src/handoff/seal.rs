//! Sealing on the kiosk: HPKE Auth mode from the kiosk's key pair to the staff key.

use super::hint::Ephemeral;
use super::keys::{KeyPair, PublicKey};
use super::payload::{Handoff, PayloadError, pack};
use super::{Aead, FORMAT_VERSION, HPKE_INFO, Kdf, Kem, aad, text};
use hpke::{OpModeS, Serializable};

/// Why a code could not be sealed. The kiosk shows the survivor "please go to the desk".
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SealError {
    #[error("the kiosk's clock is earlier than the software's build date; set the clock")]
    ClockBeforeBuild,
    #[error(transparent)]
    Payload(#[from] PayloadError),
    #[error("the device gave no randomness")]
    NoRandomness,
    #[error("encryption failed")]
    Crypto,
}

/// The build time in minutes since 1970, recorded when `intake` was compiled.
pub fn build_minutes() -> crate::clock::Minutes {
    crate::clock::Minutes(env!("INTAKE_BUILD_MINUTES").parse().unwrap_or(0))
}

/// Seals `handoff` from `kiosk` to `staff` and returns the code's text.
///
/// `now` is the kiosk's clock; sealing refuses to run when it is earlier than the
/// build date. Nothing that names the kiosk or the staff key is written in the clear.
pub fn seal(
    handoff: &Handoff,
    staff: &PublicKey,
    kiosk: &KeyPair,
    now: crate::clock::Minutes,
) -> Result<String, SealError> {
    if now < build_minutes() {
        return Err(SealError::ClockBeforeBuild);
    }

    seal_plaintext(&pack(handoff)?, staff, kiosk)
}

/// Seals a packed plaintext (also used by tests to seal what no kiosk would write).
pub(crate) fn seal_plaintext(
    plaintext: &[u8; super::PLAINTEXT_LEN],
    staff: &PublicKey,
    kiosk: &KeyPair,
) -> Result<String, SealError> {
    let mode = OpModeS::<Kem>::Auth((kiosk.private.clone(), kiosk.public.0.clone()));
    let ephemeral = Ephemeral::random().ok_or(SealError::NoRandomness)?;
    let (encapped, mut context) = hpke::setup_sender_with_rng::<Aead, Kdf, Kem>(
        &mode,
        &staff.0,
        HPKE_INFO,
        &mut ephemeral.seed(),
    )
    .map_err(|_| SealError::Crypto)?;
    let enc: [u8; 32] = encapped.to_bytes().into();
    // HPKE derived its ephemeral key from the seed it was given: the hint's key is the same.
    if enc != ephemeral.public {
        return Err(SealError::Crypto);
    }
    let hint = ephemeral
        .hint(staff, &kiosk.public)
        .ok_or(SealError::Crypto)?;
    let ciphertext = context
        .seal(plaintext, &aad(hint))
        .map_err(|_| SealError::Crypto)?;

    let mut sealed = Vec::with_capacity(text::SEALED_LEN);
    sealed.extend_from_slice(&enc);
    sealed.extend_from_slice(&hint);
    sealed.extend_from_slice(&ciphertext);
    debug_assert_eq!(sealed.len(), text::SEALED_LEN);
    Ok(text::encode(FORMAT_VERSION, &sealed))
}
