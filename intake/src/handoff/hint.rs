//! The kiosk hint: two bytes that let the desk pass over, with one hash instead of two
//! curve operations, every kiosk that did not seal a code.
//!
//! Nothing but the version is in the clear, so the desk finds the kiosk by trying each one
//! (HPKE Auth mode: two X25519 operations per try, about 0.3 ms a try in the desk's wasm).
//! The kiosk adds `HKDF-SHA256(ikm = X25519(ephemeral, staff), info = label ‖ kiosk public
//! key)`, truncated to two bytes. The ephemeral secret exists only while the kiosk seals,
//! so only the desk — one X25519 with its staff key and the code's encapsulated key — can
//! compute a code's hints afterwards: not a bystander, not even someone who has stolen the
//! kiosk's own key (a hint from the kiosk's static key would let that thief pick out the
//! slips of that kiosk). The desk then costs one hash per kiosk, and a full HPKE open only
//! where the hint matches (a wrong match, 1 in 65,536 per kiosk, only costs a failed try).
//! The hint is bound into the HPKE associated data: changing it breaks the tag. It is a
//! shortcut, never a check: only HPKE decides what opens.
//!
//! The ephemeral key pair is HPKE's own: RFC 9180 `DeriveKeyPair` from 32 random bytes,
//! which the kiosk hands to HPKE as its randomness ([`OneSeed`]); sealing checks that the
//! encapsulated key is the one derived, so a change inside the HPKE crate cannot go unseen.

use super::Kem;
use super::keys::{KeyPair, PublicKey};
use hpke::Serializable;
use hpke::kem::Kem as _;
use hpke::rand_core::{Infallible, TryCryptoRng, TryRng};
use zeroize::Zeroize;

/// Length of the hint in every code.
pub(crate) const HINT_LEN: usize = 2;

const HINT_INFO: &[u8] = b"anh-duong intake kiosk hint v2";

/// The shared secret of a code's ephemeral key and a staff key, ready to give each kiosk's
/// hint (it opens nothing: it only gives hints of that one code).
pub(crate) struct CodeSecret(hkdf::Hkdf<sha2::Sha256>);

impl CodeSecret {
    /// At the desk: the staff key with the code's encapsulated key. `None` for a point of
    /// small order (no kiosk makes one; HPKE refuses it too).
    pub(crate) fn at_desk(staff: &KeyPair, enc: &[u8; 32]) -> Option<CodeSecret> {
        let mut private = staff.private.to_bytes();
        let secret = dh(private.into(), *enc);
        private.zeroize();
        secret
    }

    /// The hint of the kiosk with this public key.
    pub(crate) fn hint(&self, kiosk: &PublicKey) -> [u8; HINT_LEN] {
        let mut out = [0u8; HINT_LEN];
        // Two bytes are always a valid HKDF-SHA256 output length.
        let _ = self
            .0
            .expand_multi_info(&[HINT_INFO, &kiosk.bytes()], &mut out);
        out
    }
}

fn dh(mut private: [u8; 32], public: [u8; 32]) -> Option<CodeSecret> {
    let secret = x25519_dalek::StaticSecret::from(private);
    private.zeroize();
    let shared = secret.diffie_hellman(&x25519_dalek::PublicKey::from(public));
    shared
        .was_contributory()
        .then(|| CodeSecret(hkdf::Hkdf::<sha2::Sha256>::new(None, shared.as_bytes())))
}

/// A code's ephemeral key, made on the kiosk from 32 random bytes as HPKE makes it.
pub(crate) struct Ephemeral {
    seed: [u8; 32],
    /// The encapsulated key HPKE will write.
    pub(crate) public: [u8; 32],
    secret: [u8; 32],
}

impl Drop for Ephemeral {
    fn drop(&mut self) {
        self.seed.zeroize();
        self.secret.zeroize();
    }
}

impl Ephemeral {
    /// A fresh ephemeral key, or `None` when the device gives no randomness.
    pub(crate) fn random() -> Option<Ephemeral> {
        let mut seed = [0u8; 32];
        getrandom::fill(&mut seed).ok()?;
        let eph = Ephemeral::from_seed(seed);
        seed.zeroize();
        Some(eph)
    }

    /// The ephemeral key HPKE derives from these seed bytes (RFC 9180 `DeriveKeyPair`).
    fn from_seed(seed: [u8; 32]) -> Ephemeral {
        let (private, public) = Kem::derive_keypair(&seed);
        Ephemeral {
            seed,
            public: public.to_bytes().into(),
            secret: private.to_bytes().into(),
        }
    }

    /// The randomness to hand HPKE so that it derives this same key.
    pub(crate) fn seed(&self) -> OneSeed {
        OneSeed(Some(self.seed))
    }

    /// The hint of `kiosk`'s code sealed to `staff` with this ephemeral key.
    pub(crate) fn hint(&self, staff: &PublicKey, kiosk: &PublicKey) -> Option<[u8; HINT_LEN]> {
        dh(self.secret, staff.bytes()).map(|s| s.hint(kiosk))
    }
}

/// Randomness that gives HPKE the ephemeral key's 32 seed bytes, once. Asked for anything
/// else, it gives zeros, and sealing then refuses (the encapsulated key would not match).
pub(crate) struct OneSeed(Option<[u8; 32]>);

impl Drop for OneSeed {
    fn drop(&mut self) {
        if let Some(seed) = self.0.as_mut() {
            seed.zeroize();
        }
    }
}

impl TryRng for OneSeed {
    type Error = Infallible;

    fn try_next_u32(&mut self) -> Result<u32, Infallible> {
        Ok(0)
    }

    fn try_next_u64(&mut self) -> Result<u64, Infallible> {
        Ok(0)
    }

    fn try_fill_bytes(&mut self, dst: &mut [u8]) -> Result<(), Infallible> {
        match self.0.take() {
            Some(seed) if dst.len() == seed.len() => dst.copy_from_slice(&seed),
            _ => dst.fill(0),
        }
        Ok(())
    }
}

impl TryCryptoRng for OneSeed {}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(byte: u8) -> KeyPair {
        KeyPair::from_private_hex(&format!("{byte:02x}").repeat(32)).expect("a valid key")
    }

    // Fixed keys and seed: every assertion below is decided once, not by chance.
    #[test]
    fn the_kiosk_and_the_desk_compute_the_same_hint_and_the_kiosk_key_alone_cannot() {
        let (staff, kiosk, other) = (key(0x11), key(0x22), key(0x33));
        let eph = Ephemeral::from_seed([0x44; 32]);
        let at_kiosk = eph
            .hint(staff.public(), kiosk.public())
            .expect("contributory");
        let at_desk = CodeSecret::at_desk(&staff, &eph.public).expect("contributory");
        assert_eq!(at_desk.hint(kiosk.public()), at_kiosk);
        assert_ne!(
            at_desk.hint(other.public()),
            at_kiosk,
            "another kiosk's hint differs"
        );
        // Someone holding the kiosk's own key computes with it what it can: not the hint.
        let with_kiosk_key = CodeSecret::at_desk(&kiosk, &eph.public).expect("contributory");
        for guess in [
            with_kiosk_key.hint(kiosk.public()),
            with_kiosk_key.hint(staff.public()),
        ] {
            assert_ne!(guess, at_kiosk);
        }
    }

    #[test]
    fn hpke_derives_the_ephemeral_key_from_the_seed_it_is_given() {
        let eph = Ephemeral::from_seed([0x55; 32]);
        let staff = key(0x11);
        let (encapped, _) =
            hpke::setup_sender_with_rng::<super::super::Aead, super::super::Kdf, Kem>(
                &hpke::OpModeS::Base,
                &staff.public().0,
                b"test",
                &mut eph.seed(),
            )
            .expect("seals");
        assert_eq!(<[u8; 32]>::from(encapped.to_bytes()), eph.public);
    }

    #[test]
    fn a_point_of_small_order_gives_no_secret() {
        assert!(CodeSecret::at_desk(&key(0x11), &[0u8; 32]).is_none());
    }
}
