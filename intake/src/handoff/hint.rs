//! The kiosk hint: two bytes that let the desk pass over, with one hash instead of two
//! curve operations, every kiosk that did not seal a code.
//!
//! Nothing but the version is in the clear, so the desk finds the kiosk by trying each one
//! (HPKE Auth mode: two X25519 operations per try, about 0.3 ms each try in the desk's
//! wasm). The kiosk adds `HKDF-SHA256(salt = enc, ikm = X25519(kiosk, staff), info)`,
//! truncated to two bytes. Only the kiosk and the staff desk can compute it, and `enc` is
//! fresh in every code, so to anyone else it is two random bytes, different in every code:
//! it links nothing. The desk computes each kiosk's static secret once and keeps it in
//! memory while it is unlocked ([`super::Opener`]); a scan then costs one hash per kiosk,
//! and a full HPKE open only where the hint matches (a wrong match, 1 in 65,536 per kiosk,
//! only costs a failed try). The hint is bound into the HPKE associated data: changing it
//! breaks the tag. It is a shortcut, never a check: only HPKE decides what opens.

use super::keys::{KeyPair, PublicKey};
use hpke::Serializable;
use zeroize::Zeroize;

/// Length of the hint in every code.
pub(crate) const HINT_LEN: usize = 2;

const HINT_INFO: &[u8] = b"anh-duong intake kiosk hint v2";

/// The static Diffie-Hellman secret of a kiosk and a staff key, the same from either side.
/// Wiped from memory when dropped.
pub(crate) struct PairSecret([u8; 32]);

impl Drop for PairSecret {
    fn drop(&mut self) {
        self.0.zeroize();
    }
}

impl PairSecret {
    /// `own`'s private key with `other`'s public key.
    pub(crate) fn new(own: &KeyPair, other: &PublicKey) -> PairSecret {
        let mut private: [u8; 32] = own.private.to_bytes().into();
        let secret = x25519_dalek::StaticSecret::from(private);
        private.zeroize();
        let public = x25519_dalek::PublicKey::from(other.bytes());
        PairSecret(*secret.diffie_hellman(&public).as_bytes())
    }

    /// The hint for a code whose encapsulated key is `enc`.
    pub(crate) fn hint(&self, enc: &[u8]) -> [u8; HINT_LEN] {
        let mut out = [0u8; HINT_LEN];
        // Two bytes are always a valid HKDF-SHA256 output length.
        let _ = hkdf::Hkdf::<sha2::Sha256>::new(Some(enc), &self.0).expand(HINT_INFO, &mut out);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kiosk_and_desk_compute_the_same_hint_and_others_do_not() {
        let staff = KeyPair::generate().expect("randomness");
        let kiosk = KeyPair::generate().expect("randomness");
        let other = KeyPair::generate().expect("randomness");
        let enc = [9u8; 32];
        let at_kiosk = PairSecret::new(&kiosk, staff.public()).hint(&enc);
        let at_desk = PairSecret::new(&staff, kiosk.public()).hint(&enc);
        assert_eq!(at_kiosk, at_desk);
        let another_kiosk = PairSecret::new(&other, staff.public());
        let hints: Vec<[u8; 2]> = (0..4u8)
            .map(|i| another_kiosk.hint(&[i; 32]))
            .chain([at_desk])
            .collect();
        let mut distinct = hints.clone();
        distinct.sort();
        distinct.dedup();
        assert_eq!(
            distinct.len(),
            hints.len(),
            "a fresh enc gives a fresh hint: {hints:?}"
        );
    }
}
