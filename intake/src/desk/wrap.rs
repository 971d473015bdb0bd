//! The staff private key, kept only wrapped under a staff passphrase: Argon2id (memory-hard)
//! derives a key that seals the private key with ChaCha20-Poly1305. The same format is the
//! passphrase-protected backup that moves the key to a second staff device.

use crate::handoff::{KeyError, KeyPair, PublicKey};
use argon2::{Algorithm, Argon2, Params, Version};
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{ChaCha20Poly1305, Key, Nonce};
use serde::{Deserialize, Serialize};

/// Argon2id cost: 64 MiB, three passes, one lane — above OWASP's floor (19 MiB, 2 passes);
/// unlocking stays under 2 s on a staff laptop slowed six times (`make bench`).
pub const MEMORY_KIB: u32 = 64 * 1024;
pub const PASSES: u32 = 3;
// Never below the cost the security review asked for.
const _: () = assert!(MEMORY_KIB >= 64 * 1024 && PASSES >= 3);

/// The most a backup may ask for (a damaged or hostile file must not exhaust the device).
const MAX_MEMORY_KIB: u32 = 256 * 1024;
const MAX_PASSES: u32 = 10;
/// The least a backup may ask for (tests wrap cheaply; a device wraps at its own cost).
const MIN_MEMORY_KIB: u32 = 8 * 1024;
/// The shortest passphrase accepted.
pub const MIN_PASSPHRASE_CHARS: usize = 10;

/// A wrapped staff key, as stored on the device and exported as a backup (JSON).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WrappedKey {
    pub format: String,
    pub memory_kib: u32,
    pub passes: u32,
    pub salt: String,
    pub nonce: String,
    pub ciphertext: String,
    /// The public key, readable without the passphrase (to show its fingerprint).
    pub public_key: String,
}

/// v2: the passphrase is NFC-normalised and the cost is 64 MiB × 3 (no v1 backups exist).
const FORMAT: &str = "anh-duong-staff-key-v2";

/// Why a key could not be wrapped or unwrapped.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WrapError {
    #[error("the passphrase needs at least {MIN_PASSPHRASE_CHARS} characters")]
    PassphraseTooShort,
    #[error("wrong passphrase, or the backup is damaged")]
    WrongPassphrase,
    #[error("this is not a staff key backup")]
    NotABackup,
    #[error("the device gave no randomness")]
    NoRandomness,
    #[error(
        "this is the shipped demo staff key, whose private half is published: only a demo build (make run) uses it; use the centre's own key"
    )]
    DemoKey,
}

fn derive(
    passphrase: &str,
    salt: &[u8],
    memory_kib: u32,
    passes: u32,
) -> Result<[u8; 32], WrapError> {
    if memory_kib > MAX_MEMORY_KIB || passes > MAX_PASSES {
        return Err(WrapError::NotABackup);
    }
    let params = Params::new(memory_kib, passes, 1, Some(32)).map_err(|_| WrapError::NotABackup)?;
    let mut key = [0u8; 32];
    // The same words typed on a keyboard that composes "ậ" and on one that sends "a" and
    // two combining marks give the same key.
    let normal = normalise(passphrase);
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
        .hash_password_into(normal.as_bytes(), salt, &mut key)
        .map_err(|_| WrapError::NotABackup)?;
    Ok(key)
}

/// The passphrase in Unicode normal form C.
fn normalise(passphrase: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    passphrase.nfc().collect()
}

pub(crate) fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

pub(crate) fn unhex(text: &str) -> Option<Vec<u8>> {
    if !text.len().is_multiple_of(2) {
        return None;
    }
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(text.get(i..i + 2)?, 16).ok())
        .collect()
}

/// Wraps a staff key pair under `passphrase`.
pub fn wrap(pair: &KeyPair, passphrase: &str) -> Result<WrappedKey, WrapError> {
    wrap_with_cost(pair, passphrase, MEMORY_KIB, PASSES)
}

/// Wraps with a chosen cost (tests use a small one; devices use [`wrap`]).
pub fn wrap_with_cost(
    pair: &KeyPair,
    passphrase: &str,
    memory_kib: u32,
    passes: u32,
) -> Result<WrappedKey, WrapError> {
    WrappingKey::new(passphrase, memory_kib, passes)?.seal(
        FORMAT,
        pair.private_hex().as_bytes(),
        &pair.public().to_hex(),
    )
}

/// The key Argon2id derives from a passphrase, with its salt and cost: it seals and opens
/// what is kept under that passphrase. A desk holds it while unlocked, so that a change to
/// its keys is kept without asking for the passphrase again (it is no more secret than the
/// staff keys it sits beside).
#[derive(Clone)]
pub struct WrappingKey {
    key: zeroize::Zeroizing<[u8; 32]>,
    salt: [u8; 16],
    memory_kib: u32,
    passes: u32,
}

impl WrappingKey {
    /// Derives a new wrapping key (a fresh salt) from `passphrase`.
    pub fn new(passphrase: &str, memory_kib: u32, passes: u32) -> Result<WrappingKey, WrapError> {
        if normalise(passphrase).chars().count() < MIN_PASSPHRASE_CHARS {
            return Err(WrapError::PassphraseTooShort);
        }
        let mut salt = [0u8; 16];
        getrandom::fill(&mut salt).map_err(|_| WrapError::NoRandomness)?;
        let key = derive(passphrase, &salt, memory_kib, passes)?;
        Ok(WrappingKey {
            key: zeroize::Zeroizing::new(key),
            salt,
            memory_kib,
            passes,
        })
    }

    /// Derives the wrapping key that `wrapped` was sealed with, from `passphrase`.
    fn of(wrapped: &WrappedKey, passphrase: &str) -> Result<WrappingKey, WrapError> {
        let salt: [u8; 16] = unhex(&wrapped.salt)
            .and_then(|s| s.try_into().ok())
            .ok_or(WrapError::NotABackup)?;
        let key = derive(passphrase, &salt, wrapped.memory_kib, wrapped.passes)?;
        Ok(WrappingKey {
            key: zeroize::Zeroizing::new(key),
            salt,
            memory_kib: wrapped.memory_kib,
            passes: wrapped.passes,
        })
    }

    /// Seals `secret` (with `public` as associated data) under a fresh nonce.
    pub(crate) fn seal(
        &self,
        format: &str,
        secret: &[u8],
        public: &str,
    ) -> Result<WrappedKey, WrapError> {
        let mut nonce = [0u8; 12];
        getrandom::fill(&mut nonce).map_err(|_| WrapError::NoRandomness)?;
        let cipher = ChaCha20Poly1305::new(&Key::from(*self.key));
        let ciphertext = cipher
            .encrypt(
                &Nonce::from(nonce),
                Payload {
                    msg: secret,
                    aad: public.as_bytes(),
                },
            )
            .map_err(|_| WrapError::NoRandomness)?;
        Ok(WrappedKey {
            format: format.to_owned(),
            memory_kib: self.memory_kib,
            passes: self.passes,
            salt: hex(&self.salt),
            nonce: hex(&nonce),
            ciphertext: hex(&ciphertext),
            public_key: public.to_owned(),
        })
    }

    /// Opens what `wrapped` seals (it must have been sealed with this key).
    pub(crate) fn open(
        &self,
        wrapped: &WrappedKey,
    ) -> Result<zeroize::Zeroizing<Vec<u8>>, WrapError> {
        let nonce: [u8; 12] = unhex(&wrapped.nonce)
            .and_then(|n| n.try_into().ok())
            .ok_or(WrapError::NotABackup)?;
        let ciphertext = unhex(&wrapped.ciphertext).ok_or(WrapError::NotABackup)?;
        ChaCha20Poly1305::new(&Key::from(*self.key))
            .decrypt(
                &Nonce::from(nonce),
                Payload {
                    msg: &ciphertext,
                    aad: wrapped.public_key.as_bytes(),
                },
            )
            .map(zeroize::Zeroizing::new)
            .map_err(|_| WrapError::WrongPassphrase)
    }
}

/// Opens a backup given back as text (a file's contents, or pasted) with its passphrase.
pub fn open_backup(text: &str, passphrase: &str) -> Result<KeyPair, WrapError> {
    WrappedKey::parse(text.trim()).and_then(|w| w.unwrap_key(passphrase))
}

impl WrappedKey {
    /// Reads a backup's JSON text.
    pub fn parse(text: &str) -> Result<WrappedKey, WrapError> {
        let w: WrappedKey = serde_json::from_str(text).map_err(|_| WrapError::NotABackup)?;
        w.check(FORMAT)?;
        Ok(w)
    }

    /// Refuses another format and a cost outside the bounds.
    pub(crate) fn check(&self, format: &str) -> Result<(), WrapError> {
        if self.format != format
            || !(MIN_MEMORY_KIB..=MAX_MEMORY_KIB).contains(&self.memory_kib)
            || !(1..=MAX_PASSES).contains(&self.passes)
        {
            return Err(WrapError::NotABackup);
        }
        Ok(())
    }

    /// The backup as JSON text.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// The public key, without the passphrase.
    pub fn public(&self) -> Result<PublicKey, KeyError> {
        PublicKey::from_hex(&self.public_key)
    }

    /// Opens what this seals with `passphrase`: the secret and the wrapping key.
    pub(crate) fn open_with(
        &self,
        passphrase: &str,
    ) -> Result<(zeroize::Zeroizing<Vec<u8>>, WrappingKey), WrapError> {
        let key = WrappingKey::of(self, passphrase)?;
        let plain = key.open(self)?;
        Ok((plain, key))
    }

    /// Unwraps the key pair with `passphrase`.
    pub fn unwrap_key(&self, passphrase: &str) -> Result<KeyPair, WrapError> {
        self.check(FORMAT)?;
        let (plain, _) = self.open_with(passphrase)?;
        let text = std::str::from_utf8(&plain).map_err(|_| WrapError::WrongPassphrase)?;
        let pair = KeyPair::from_private_hex(text).map_err(|e| match e {
            KeyError::DemoKey => WrapError::DemoKey,
            _ => WrapError::WrongPassphrase,
        })?;
        if pair.public().to_hex() != self.public_key {
            return Err(WrapError::WrongPassphrase);
        }
        Ok(pair)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const CHEAP: u32 = 8 * 1024;

    #[test]
    fn a_wrapped_key_unwraps_only_with_its_passphrase() {
        let pair = KeyPair::generate().expect("randomness");
        let wrapped = wrap_with_cost(&pair, "correct horse battery", CHEAP, 1).expect("wraps");
        let back = WrappedKey::parse(&wrapped.to_json()).expect("parses");
        assert_eq!(
            back.unwrap_key("correct horse battery")
                .expect("unwraps")
                .public(),
            pair.public()
        );
        assert_eq!(
            back.unwrap_key("wrong horse battery").map(|_| ()),
            Err(WrapError::WrongPassphrase)
        );
        assert!(
            !wrapped.to_json().contains(&pair.private_hex()),
            "the private key never appears in clear"
        );
    }

    #[test]
    fn short_passphrases_and_damaged_backups_are_refused() {
        let pair = KeyPair::generate().expect("randomness");
        assert_eq!(
            wrap(&pair, "short").map(|_| ()),
            Err(WrapError::PassphraseTooShort)
        );
        assert_eq!(
            WrappedKey::parse("{}").map(|_| ()),
            Err(WrapError::NotABackup)
        );
        let mut w = wrap_with_cost(&pair, "correct horse battery", CHEAP, 1).expect("wraps");
        w.ciphertext.replace_range(
            0..2,
            if &w.ciphertext[0..2] == "00" {
                "01"
            } else {
                "00"
            },
        );
        assert_eq!(
            w.unwrap_key("correct horse battery").map(|_| ()),
            Err(WrapError::WrongPassphrase)
        );
    }

    #[test]
    fn a_vietnamese_passphrase_opens_whether_typed_composed_or_decomposed() {
        let pair = KeyPair::generate().expect("randomness");
        // "mật khẩu của bàn" with precomposed letters, and with base letters and combining marks.
        let composed = "m\u{1EAD}t kh\u{1EA9}u c\u{1EE7}a b\u{00E0}n";
        let decomposed = "ma\u{0323}\u{0302}t kha\u{0302}\u{0309}u cu\u{0309}a ba\u{0300}n";
        assert_ne!(composed.as_bytes(), decomposed.as_bytes());
        let wrapped = wrap_with_cost(&pair, composed, CHEAP, 1).expect("wraps");
        assert_eq!(
            wrapped
                .unwrap_key(decomposed)
                .expect("the same passphrase")
                .public(),
            pair.public()
        );
    }

    #[test]
    fn a_hostile_cost_is_refused() {
        let pair = KeyPair::generate().expect("randomness");
        let mut w = wrap_with_cost(&pair, "correct horse battery", CHEAP, 1).expect("wraps");
        w.memory_kib = 1024 * 1024;
        assert_eq!(
            w.unwrap_key("correct horse battery").map(|_| ()),
            Err(WrapError::NotABackup)
        );
    }
}
