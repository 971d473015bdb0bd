//! X25519 key pairs for kiosks and staff, their short ids and human-checkable fingerprints.

use super::Kem;
use hpke::{Deserializable, Serializable, kem::Kem as _};
use sha2::{Digest, Sha256};
use std::fmt;

/// Why a key could not be read or made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum KeyError {
    #[error("a key is 64 hexadecimal characters")]
    BadLength,
    #[error("a key holds only the characters 0-9 and a-f")]
    NotHex,
    #[error("this is not a valid X25519 key")]
    Invalid,
    #[error("the device gave no randomness")]
    NoRandomness,
    #[error(
        "this is the shipped demo staff key, whose private half is published: only a demo build (make run, --features demo-key) uses it; use the centre's own key"
    )]
    DemoKey,
}

/// A short label for a kiosk at the desk, derived from its public key. It is never written
/// in a code: the desk learns which kiosk sealed a code from the key that opens it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct KioskId(pub u16);

impl fmt::Display for KioskId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04X}", self.0)
    }
}

/// A public key (of a kiosk or of the staff desk).
#[derive(Clone, PartialEq, Eq)]
pub struct PublicKey(pub(crate) <Kem as hpke::kem::Kem>::PublicKey);

impl fmt::Debug for PublicKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "PublicKey({})", self.fingerprint())
    }
}

fn digest(key: &PublicKey) -> [u8; 32] {
    Sha256::digest(key.0.to_bytes()).into()
}

/// Kept (on a device, in a file) as its 64 hexadecimal characters.
impl serde::Serialize for PublicKey {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_hex())
    }
}

impl<'de> serde::Deserialize<'de> for PublicKey {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        PublicKey::from_hex(&text).map_err(serde::de::Error::custom)
    }
}

impl PublicKey {
    /// Reads a key from 64 hexadecimal characters (surrounding whitespace ignored).
    /// Only the canonical spelling of a key is taken (below 2^255 − 19, top bit clear):
    /// X25519 ignores the top bit, so another spelling of the same key would pass a
    /// comparison of texts (the demo key's check) while sealing to the same key.
    pub fn from_hex(text: &str) -> Result<PublicKey, KeyError> {
        let bytes = hex32(text)?;
        if !canonical(&bytes) {
            return Err(KeyError::Invalid);
        }
        <Kem as hpke::kem::Kem>::PublicKey::from_bytes(&bytes)
            .map(PublicKey)
            .map_err(|_| KeyError::Invalid)
    }

    /// The key's 32 bytes.
    pub(crate) fn bytes(&self) -> [u8; 32] {
        self.0.to_bytes().into()
    }

    /// The key as 64 lowercase hexadecimal characters.
    pub fn to_hex(&self) -> String {
        to_hex(&self.0.to_bytes())
    }

    /// A short fingerprint people compare by eye: four groups of four characters.
    pub fn fingerprint(&self) -> String {
        let d = digest(self);
        let groups: Vec<String> = d[..8]
            .chunks(2)
            .map(|p| format!("{:02X}{:02X}", p[0], p[1]))
            .collect();
        groups.join("-")
    }

    /// The desk's short label for this kiosk key.
    pub fn kiosk_id(&self) -> KioskId {
        let d = digest(self);
        KioskId(u16::from_be_bytes([d[2], d[3]]))
    }
}

/// A private key with its public key. The private half never leaves this type as text
/// except through [`KeyPair::private_hex`], for the wrapped export.
#[derive(Clone)]
pub struct KeyPair {
    pub(crate) private: <Kem as hpke::kem::Kem>::PrivateKey,
    pub(crate) public: PublicKey,
}

impl fmt::Debug for KeyPair {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "KeyPair(public {})", self.public.fingerprint())
    }
}

impl KeyPair {
    /// Makes a new key pair from the device's randomness.
    pub fn generate() -> Result<KeyPair, KeyError> {
        let mut ikm = [0u8; 32];
        getrandom::fill(&mut ikm).map_err(|_| KeyError::NoRandomness)?;
        let (private, public) = Kem::derive_keypair(&ikm);
        ikm.fill(0);
        Ok(KeyPair {
            private,
            public: PublicKey(public),
        })
    }

    /// Reads a key pair from its private key as 64 hexadecimal characters.
    /// A release build refuses the shipped demo staff key (see
    /// [`crate::pairing::DEMO_KEY_ALLOWED`]).
    pub fn from_private_hex(text: &str) -> Result<KeyPair, KeyError> {
        Self::from_private_hex_in(crate::pairing::DEMO_KEY_ALLOWED, text)
    }

    /// [`KeyPair::from_private_hex`] in a build that does or does not allow the demo key.
    pub(crate) fn from_private_hex_in(demo_allowed: bool, text: &str) -> Result<KeyPair, KeyError> {
        let bytes = hex32(text)?;
        let private = <Kem as hpke::kem::Kem>::PrivateKey::from_bytes(&bytes)
            .map_err(|_| KeyError::Invalid)?;
        let public = PublicKey(Kem::sk_to_pk(&private));
        if !demo_allowed && crate::pairing::is_demo_key(&public) {
            return Err(KeyError::DemoKey);
        }
        Ok(KeyPair { private, public })
    }

    /// The private key as 64 hexadecimal characters (for the wrapped export only).
    pub fn private_hex(&self) -> String {
        to_hex(&self.private.to_bytes())
    }

    /// A 32-byte key for the desk's own use (`info` names the use), derived from the private
    /// key with HKDF-SHA256: what it seals opens only with this key pair.
    pub(crate) fn derive_key(&self, info: &[u8]) -> zeroize::Zeroizing<[u8; 32]> {
        let secret = zeroize::Zeroizing::new(self.private.to_bytes().to_vec());
        let mut key = zeroize::Zeroizing::new([0u8; 32]);
        // 32 bytes is far below HKDF-SHA256's limit: `expand` cannot fail here.
        let _ = hkdf::Hkdf::<Sha256>::new(Some(b"anh-duong desk key v1"), &secret)
            .expand(info, key.as_mut());
        key
    }

    /// The public half.
    pub fn public(&self) -> &PublicKey {
        &self.public
    }
}

fn to_hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Whether 32 little-endian bytes are a field element's one spelling: below p = 2^255 − 19.
fn canonical(bytes: &[u8; 32]) -> bool {
    let top = bytes[31];
    if top & 0x80 != 0 {
        return false;
    }
    // p is 7f ff … ff ed (little-endian: ed ff … ff 7f); anything from p up is not canonical.
    !(top == 0x7f && bytes[1..31].iter().all(|&b| b == 0xff) && bytes[0] >= 0xed)
}

fn hex32(text: &str) -> Result<[u8; 32], KeyError> {
    let text = text.trim().as_bytes();
    if text.len() != 64 {
        return Err(KeyError::BadLength);
    }
    let mut out = [0u8; 32];
    for (i, pair) in text.chunks_exact(2).enumerate() {
        let hi = (pair[0] as char).to_digit(16).ok_or(KeyError::NotHex)?;
        let lo = (pair[1] as char).to_digit(16).ok_or(KeyError::NotHex)?;
        out[i] = (hi * 16 + lo) as u8;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_private_key_round_trips_through_hex() {
        let pair = KeyPair::generate().expect("randomness");
        let again = KeyPair::from_private_hex(&pair.private_hex()).expect("valid");
        assert_eq!(again.public(), pair.public());
        let public = PublicKey::from_hex(&pair.public().to_hex()).expect("valid");
        assert_eq!(&public, pair.public());
    }

    #[test]
    fn a_release_build_refuses_the_demo_private_key() {
        let demo = include_str!("../../../tests/fixtures/demo-staff.key");
        assert_eq!(
            KeyPair::from_private_hex_in(false, demo).map(|p| p.public().to_hex()),
            Err(KeyError::DemoKey)
        );
        let opened = KeyPair::from_private_hex_in(true, demo).expect("a development build");
        assert!(crate::pairing::is_demo_key(opened.public()));
        let own = KeyPair::generate().expect("randomness");
        assert!(KeyPair::from_private_hex_in(false, &own.private_hex()).is_ok());
    }

    #[test]
    fn only_a_keys_canonical_spelling_is_taken() {
        let demo = crate::pairing::DEMO_STAFF_PUBLIC_KEY;
        // The same key with its top bit set: X25519 would seal to the demo key.
        let mut other = demo[..62].to_owned();
        let last = u8::from_str_radix(&demo[62..], 16).expect("hex") | 0x80;
        other.push_str(&format!("{last:02x}"));
        assert_eq!(PublicKey::from_hex(&other), Err(KeyError::Invalid));
        // p itself and p + 1 (little-endian) are not keys; p − 1 is.
        let p = format!("ed{}7f", "ff".repeat(30));
        let p1 = format!("ee{}7f", "ff".repeat(30));
        let below = format!("ec{}7f", "ff".repeat(30));
        assert_eq!(PublicKey::from_hex(&p), Err(KeyError::Invalid));
        assert_eq!(PublicKey::from_hex(&p1), Err(KeyError::Invalid));
        assert!(canonical(&hex32(&below).expect("hex")));
        for _ in 0..64 {
            let pair = KeyPair::generate().expect("randomness");
            assert!(PublicKey::from_hex(&pair.public().to_hex()).is_ok());
        }
    }

    #[test]
    fn malformed_keys_are_refused_with_a_reason() {
        assert_eq!(PublicKey::from_hex("abc"), Err(KeyError::BadLength));
        assert_eq!(PublicKey::from_hex(&"zz".repeat(32)), Err(KeyError::NotHex));
    }

    #[test]
    fn fingerprints_are_four_groups_of_four() {
        let pair = KeyPair::generate().expect("randomness");
        let fp = pair.public().fingerprint();
        assert_eq!(fp.len(), 19);
        assert_eq!(fp.split('-').count(), 4);
    }
}
