//! A desk's kiosk list as a QR code another desk of the centre scans at its scan field (or
//! types): the same contents as the file (`transfer`), sealed under a key derived from the
//! staff private key, written as digits with check digits behind the prefix `DK` and a
//! version digit — QR numeric mode, and a keyboard-wedge scanner types it on any layout.
//! Each kiosk is 38 bytes: its public key, letter, state, and when the state was set.
use super::keyring::Keyring;
use super::transfer::{Incoming, TransferError, trusted};
use super::under_key::{open_raw, seal_raw};
use crate::clock::Minutes;
use crate::handoff::text::{TextError, decode_with, encode_with};
use crate::handoff::{EnrolledKiosk, KioskLetter, KioskState, PublicKey};

/// The prefix of a kiosk list's code.
pub const PREFIX: &str = "DK";
const VERSION: u8 = 1;
const PURPOSE: &[u8] = b"desk transfer: kiosks qr v1";
const KIOSK_BYTES: usize = 32 + 1 + 1 + 4;
/// The most kiosks a code carries (eight letters, each with a revoked predecessor).
pub const MAX_KIOSKS: usize = 16;
/// Nonce and tag around the kiosks.
const SEAL_BYTES: usize = 12 + 16;

/// Whether `text` is a kiosk list's code (prefix and version digit).
pub fn looks_like(text: &str) -> bool {
    let t = text.trim();
    t.get(..PREFIX.len())
        .is_some_and(|p| p.eq_ignore_ascii_case(PREFIX))
        && t[PREFIX.len()..].starts_with(|c: char| c.is_ascii_digit())
}

fn state_byte(s: KioskState) -> u8 {
    match s {
        KioskState::Enrolled => 0,
        KioskState::Revoked => 1,
        KioskState::Restored => 2,
    }
}

/// The kiosk list as a code's text, or `None` when it holds more than [`MAX_KIOSKS`].
pub fn kiosks_code(ring: &Keyring, kiosks: &[EnrolledKiosk]) -> Result<String, TransferError> {
    if kiosks.len() > MAX_KIOSKS {
        return Err(TransferError::NotATransfer);
    }
    let mut plain = Vec::with_capacity(kiosks.len() * KIOSK_BYTES);
    for k in kiosks {
        let key =
            crate::desk::wrap::unhex(&k.public.to_hex()).ok_or(TransferError::NotATransfer)?;
        plain.extend_from_slice(&key);
        plain.push(u8::from(k.letter));
        plain.push(state_byte(k.state));
        plain.extend_from_slice(&k.state_since_minutes.0.to_be_bytes());
    }
    let sealed =
        seal_raw(ring.current(), PURPOSE, &plain).map_err(|_| TransferError::NoRandomness)?;
    Ok(encode_with(PREFIX, VERSION, &sealed))
}

/// Reads a kiosk list's code with the desk's trusted staff keys.
pub fn import_code(text: &str, ring: &Keyring) -> Result<Incoming, TransferError> {
    let max = SEAL_BYTES + MAX_KIOSKS * KIOSK_BYTES;
    let sealed = decode_with(text, PREFIX, VERSION, max).map_err(|e| match e {
        TextError::Version(_) => TransferError::OtherVersion,
        TextError::NotACode | TextError::Damaged => TransferError::NotATransfer,
    })?;
    let plain =
        open_raw(&trusted(ring), PURPOSE, &sealed).map_err(|_| TransferError::NotThisCentre)?;
    if plain.len() % KIOSK_BYTES != 0 {
        return Err(TransferError::NotThisCentre);
    }
    let mut kiosks = Vec::new();
    for k in plain.chunks(KIOSK_BYTES) {
        let public = PublicKey::from_hex(&crate::desk::wrap::hex(&k[..32]))
            .map_err(|_| TransferError::NotThisCentre)?;
        let letter = KioskLetter::try_from(k[32]).map_err(|_| TransferError::NotThisCentre)?;
        let state = match k[33] {
            0 => KioskState::Enrolled,
            1 => KioskState::Revoked,
            2 => KioskState::Restored,
            _ => return Err(TransferError::NotThisCentre),
        };
        let since = Minutes(u32::from_be_bytes([k[34], k[35], k[36], k[37]]));
        let mut kiosk = EnrolledKiosk::enrolled(public, letter, since);
        kiosk.state = state;
        kiosks.push(kiosk);
    }
    Ok(Incoming::Kiosks(kiosks))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::handoff::KeyPair;

    fn kiosk(letter: char, at: u32) -> EnrolledKiosk {
        let public = KeyPair::generate().expect("a key").public().clone();
        EnrolledKiosk::enrolled(
            public,
            KioskLetter::from_char(letter).expect("a letter"),
            Minutes(at),
        )
    }

    #[test]
    fn a_kiosk_list_travels_as_a_code_only_this_centre_reads() {
        let centre = Keyring::new(KeyPair::generate().expect("a key"), Minutes(1));
        let mut list: Vec<EnrolledKiosk> = "ABCDEFGH".chars().map(|c| kiosk(c, 100)).collect();
        list[1].set_state(KioskState::Revoked, Minutes(200));
        let code = kiosks_code(&centre, &list).expect("a code");
        assert!(looks_like(&code) && code.starts_with("DK1"));
        assert!(code[2..].chars().all(|c| c.is_ascii_digit()), "digits only");
        assert!(
            crate::handoff::screen_qr_svg(&code).is_ok(),
            "fits a QR code"
        );
        let most: Vec<EnrolledKiosk> = (0..MAX_KIOSKS).map(|_| kiosk('A', 1)).collect();
        let largest = kiosks_code(&centre, &most).expect("a code");
        assert!(
            crate::handoff::screen_qr_svg(&largest).is_ok(),
            "the most kiosks fit too"
        );
        let Ok(Incoming::Kiosks(back)) = import_code(&format!(" {code}\n"), &centre) else {
            panic!("reads back");
        };
        assert_eq!(back.len(), 8);
        for (a, b) in back.iter().zip(&list) {
            assert_eq!(
                (&a.public, a.letter, a.state, a.state_since_minutes),
                (&b.public, b.letter, b.state, b.state_since_minutes)
            );
        }
        let other = Keyring::new(KeyPair::generate().expect("a key"), Minutes(1));
        assert_eq!(
            import_code(&code, &other),
            Err(TransferError::NotThisCentre)
        );
        let mut typo: Vec<char> = code.chars().collect();
        typo[10] = if typo[10] == '5' { '6' } else { '5' };
        assert_eq!(
            import_code(&typo.into_iter().collect::<String>(), &centre),
            Err(TransferError::NotATransfer)
        );
        assert!(!looks_like("TK2123") && !looks_like("A=abc"));
        let too_many: Vec<EnrolledKiosk> = (0..17).map(|_| kiosk('A', 1)).collect();
        assert!(kiosks_code(&centre, &too_many).is_err());
    }
}
