//! Data sealed under a key derived from a staff key for one purpose (HKDF from the staff
//! private key, then ChaCha20-Poly1305): only a holder of the staff private key can read it
//! or make it, so it is both secret and authenticated. A key derived for one purpose opens
//! nothing sealed for another. Nothing names the key (the staff public key is in the
//! centre's published configuration: a found file would name its centre): each key given
//! is tried.
use super::wrap::{hex, unhex};
use crate::handoff::KeyPair;
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{ChaCha20Poly1305, Key, Nonce};
use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

/// Bytes sealed under a staff key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UnderKey {
    nonce: String,
    ciphertext: String,
}

/// Why sealed bytes could not be made or read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum UnderKeyError {
    #[error("the device gave no randomness")]
    NoRandomness,
    #[error("no staff key given opens it (made with another key, or changed)")]
    NoKey,
    #[error("damaged")]
    Damaged,
}

/// Seals `plain` for `purpose` under `pair`.
pub fn seal(pair: &KeyPair, purpose: &[u8], plain: &[u8]) -> Result<UnderKey, UnderKeyError> {
    let key = pair.derive_key(purpose);
    let mut nonce = [0u8; 12];
    getrandom::fill(&mut nonce).map_err(|_| UnderKeyError::NoRandomness)?;
    let ciphertext = ChaCha20Poly1305::new(&Key::from(*key))
        .encrypt(
            &Nonce::from(nonce),
            Payload {
                msg: plain,
                aad: purpose,
            },
        )
        .map_err(|_| UnderKeyError::Damaged)?;
    Ok(UnderKey {
        nonce: hex(&nonce),
        ciphertext: hex(&ciphertext),
    })
}

/// Opens `sealed` for `purpose` with whichever of `keys` sealed it.
pub fn open(
    keys: &[KeyPair],
    purpose: &[u8],
    sealed: &UnderKey,
) -> Result<Zeroizing<Vec<u8>>, UnderKeyError> {
    let nonce: [u8; 12] = unhex(&sealed.nonce)
        .and_then(|n| n.try_into().ok())
        .ok_or(UnderKeyError::Damaged)?;
    let ciphertext = unhex(&sealed.ciphertext).ok_or(UnderKeyError::Damaged)?;
    keys.iter()
        .find_map(|pair| {
            let key = pair.derive_key(purpose);
            ChaCha20Poly1305::new(&Key::from(*key))
                .decrypt(
                    &Nonce::from(nonce),
                    Payload {
                        msg: &ciphertext,
                        aad: purpose,
                    },
                )
                .ok()
        })
        .map(Zeroizing::new)
        .ok_or(UnderKeyError::NoKey)
}

/// Seals `plain` for `purpose` under `pair` as bytes: nonce, then ciphertext and tag (for a
/// code of digits, where every byte counts).
pub fn seal_raw(pair: &KeyPair, purpose: &[u8], plain: &[u8]) -> Result<Vec<u8>, UnderKeyError> {
    let sealed = seal(pair, purpose, plain)?;
    let mut out = unhex(&sealed.nonce).ok_or(UnderKeyError::Damaged)?;
    out.extend(unhex(&sealed.ciphertext).ok_or(UnderKeyError::Damaged)?);
    Ok(out)
}

/// Opens bytes made by [`seal_raw`] with whichever of `keys` sealed them.
pub fn open_raw(
    keys: &[KeyPair],
    purpose: &[u8],
    bytes: &[u8],
) -> Result<Zeroizing<Vec<u8>>, UnderKeyError> {
    if bytes.len() < 12 + 16 {
        return Err(UnderKeyError::Damaged);
    }
    let sealed = UnderKey {
        nonce: hex(&bytes[..12]),
        ciphertext: hex(&bytes[12..]),
    };
    open(keys, purpose, &sealed)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pair(seed: u8) -> KeyPair {
        KeyPair::from_private_hex(&format!("{seed:02x}").repeat(32)).expect("a key")
    }

    #[test]
    fn only_the_same_key_and_purpose_open_and_any_change_is_refused() {
        let sealed = seal(&pair(1), b"journal", b"hello").expect("seals");
        let opened = open(&[pair(2), pair(1)], b"journal", &sealed).expect("opens");
        assert_eq!(opened.as_slice(), b"hello");
        assert_eq!(
            open(&[pair(2)], b"journal", &sealed),
            Err(UnderKeyError::NoKey)
        );
        assert_eq!(
            open(&[pair(1)], b"stats", &sealed),
            Err(UnderKeyError::NoKey)
        );
        assert!(
            !serde_json::to_string(&sealed)
                .expect("json")
                .contains(&pair(1).public().to_hex())
        );
        let mut altered = sealed.clone();
        let last = altered
            .ciphertext
            .pop()
            .map_or('0', |c| if c == '0' { '1' } else { '0' });
        altered.ciphertext.push(last);
        assert_eq!(
            open(&[pair(1)], b"journal", &altered),
            Err(UnderKeyError::NoKey)
        );
    }
}
