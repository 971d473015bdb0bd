//! The staff keys a desk holds: the current one, which kiosks seal to, and older ones kept to
//! open codes made before a change. A key retired after a loss (a stolen staff device, a
//! passphrase seen) is *compromised*: whoever holds it can read its codes and forge codes
//! from any kiosk, so its codes open only with a warning, and only for a few days; then it
//! is deleted. The whole ring is kept wrapped under one staff passphrase.
use super::wrap::{MEMORY_KIB, PASSES, WrapError, WrappedKey, WrappingKey};
use crate::clock::{Minutes, Span};
use crate::handoff::{EnrolledKiosk, KeyPair, OpenError, Opened, PublicKey, open};
use serde::{Deserialize, Serialize};

/// What a desk's key is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "standing", rename_all = "snake_case", deny_unknown_fields)]
pub enum Standing {
    /// The key kiosks seal to now.
    Current,
    /// Replaced in a routine change: its codes open as before.
    Retired { since_minutes: Minutes },
    /// Replaced after a loss: its codes open with a warning until `until_minutes` (fixed when
    /// it was marked, so a later change to the configuration does not lengthen it).
    Compromised {
        since_minutes: Minutes,
        until_minutes: Minutes,
    },
}

/// One key of the ring.
#[derive(Debug, Clone)]
pub struct StaffKey {
    pub pair: KeyPair,
    pub standing: Standing,
    pub added_minutes: Minutes,
}

/// The keys of a desk, the current one first, with the keys it deleted (never taken back)
/// and the latest time it has seen (a clock set back does not lengthen a window).
#[derive(Debug, Clone)]
pub struct Keyring {
    keys: Vec<StaffKey>,
    deleted: Vec<PublicKey>,
    latest_minutes: Minutes,
}

/// Which of the desk's keys a code was sealed to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SealedTo {
    Current,
    /// An older key from a routine change.
    Retired,
    /// A key retired after a loss: confirm everything with her; it is deleted after
    /// `days_left` more days.
    Compromised {
        days_left: u32,
    },
}

/// A code the ring opened, and the key it was sealed to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RingOpened {
    pub opened: Opened,
    pub sealed_to: SealedTo,
}

/// Why a key could not be added.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum KeyringError {
    #[error("this desk already holds this key")]
    AlreadyHeld,
    #[error("this key was compromised and deleted from this desk: it is never taken back")]
    Deleted,
}

fn compromised(now: Minutes, window: Span) -> Standing {
    Standing::Compromised {
        since_minutes: now,
        until_minutes: now.after(window),
    }
}

impl Keyring {
    /// A ring of one key: the first key of a desk.
    pub fn new(pair: KeyPair, now_minutes: Minutes) -> Keyring {
        Keyring {
            keys: vec![StaffKey {
                pair,
                standing: Standing::Current,
                added_minutes: now_minutes,
            }],
            deleted: Vec::new(),
            latest_minutes: now_minutes,
        }
    }

    /// The key kiosks seal to.
    pub fn current(&self) -> &KeyPair {
        // A ring is never empty: `new` makes one key, and only older keys are removed.
        &self.keys[0].pair
    }

    /// Every key, the current one first.
    pub fn keys(&self) -> &[StaffKey] {
        &self.keys
    }

    /// Every key pair, the current one first (to open what the desk sealed itself).
    pub fn pairs(&self) -> Vec<KeyPair> {
        self.keys.iter().map(|k| k.pair.clone()).collect()
    }

    /// Now, as the ring counts it: never earlier than a time it has already seen (a clock
    /// set back neither lengthens a window nor reopens a closed month of statistics).
    pub fn now(&self, now_minutes: Minutes) -> Minutes {
        now_minutes.max(self.latest_minutes)
    }

    /// Remembers `now_minutes` as seen (call at unlock, then keep the ring).
    pub fn observe(&mut self, now_minutes: Minutes) {
        self.latest_minutes = self.now(now_minutes);
    }

    fn refuse_deleted(&self, public: &PublicKey) -> Result<(), KeyringError> {
        if self.deleted.contains(public) {
            return Err(KeyringError::Deleted);
        }
        Ok(())
    }

    /// Makes `pair` the current key (made here, or the centre's new key from its backup;
    /// held already as an older key, it moves). After a loss every older key counts as
    /// compromised — the lost device held them all under one passphrase — otherwise the
    /// current one becomes retired.
    pub fn rotate(
        &mut self,
        pair: KeyPair,
        now_minutes: Minutes,
        after_loss: bool,
        window: Span,
    ) -> Result<(), KeyringError> {
        self.refuse_deleted(pair.public())?;
        if self.current().public() == pair.public() {
            return Err(KeyringError::AlreadyHeld);
        }
        let now = self.now(now_minutes);
        self.keys.retain(|k| k.pair.public() != pair.public());
        for (i, old) in self.keys.iter_mut().enumerate() {
            old.standing = match (after_loss, old.standing) {
                (true, Standing::Compromised { .. }) => old.standing,
                (true, _) => compromised(now, window),
                (false, Standing::Current) if i == 0 => Standing::Retired { since_minutes: now },
                (false, s) => s,
            };
        }
        self.keys.insert(
            0,
            StaffKey {
                pair,
                standing: Standing::Current,
                added_minutes: now,
            },
        );
        Ok(())
    }

    /// Adds an older key from its backup (a second desk following a change, or a key
    /// found again), retired or compromised.
    pub fn add_old(
        &mut self,
        pair: KeyPair,
        now_minutes: Minutes,
        is_compromised: bool,
        window: Span,
    ) -> Result<(), KeyringError> {
        self.refuse_deleted(pair.public())?;
        if self.keys.iter().any(|k| k.pair.public() == pair.public()) {
            return Err(KeyringError::AlreadyHeld);
        }
        let now = self.now(now_minutes);
        let standing = if is_compromised {
            compromised(now, window)
        } else {
            Standing::Retired { since_minutes: now }
        };
        self.keys.push(StaffKey {
            pair,
            standing,
            added_minutes: now,
        });
        Ok(())
    }

    /// Marks an older key compromised from now (the current key cannot be: make a new key
    /// first). Whether a key was marked.
    pub fn mark_compromised(
        &mut self,
        public: &PublicKey,
        now_minutes: Minutes,
        window: Span,
    ) -> bool {
        let now = self.now(now_minutes);
        match self
            .keys
            .iter_mut()
            .skip(1)
            .find(|k| k.pair.public() == public)
        {
            Some(k) if matches!(k.standing, Standing::Retired { .. }) => {
                k.standing = compromised(now, window);
                true
            }
            _ => false,
        }
    }

    /// Days left before a compromised key is deleted (none for any other key).
    pub fn days_left(&self, standing: Standing, now_minutes: Minutes) -> Option<u32> {
        match standing {
            Standing::Compromised { until_minutes, .. } => {
                Some(until_minutes.since(self.now(now_minutes)).days_rounded_up())
            }
            _ => None,
        }
    }

    /// Deletes the compromised keys whose window has ended, for good; the keys deleted.
    pub fn expire(&mut self, now_minutes: Minutes) -> Vec<PublicKey> {
        let ended: Vec<PublicKey> = self
            .keys
            .iter()
            .filter(|k| self.days_left(k.standing, now_minutes) == Some(0))
            .map(|k| k.pair.public().clone())
            .collect();
        self.keys.retain(|k| !ended.contains(k.pair.public()));
        self.deleted.extend(ended.iter().cloned());
        ended
    }

    /// Opens a code with the ring's keys — the current one first, then retired ones, then
    /// compromised ones still in their window — and says which key opened it.
    pub fn open(
        &self,
        code: &str,
        kiosks: &[EnrolledKiosk],
        now_minutes: Minutes,
        window: Span,
    ) -> Result<RingOpened, OpenError> {
        let mut order: Vec<&StaffKey> = self
            .keys
            .iter()
            .filter(|k| self.days_left(k.standing, now_minutes) != Some(0))
            .collect();
        order.sort_by_key(|k| match k.standing {
            Standing::Current => 0,
            Standing::Retired { .. } => 1,
            Standing::Compromised { .. } => 2,
        });
        let pairs: Vec<KeyPair> = order.iter().map(|k| k.pair.clone()).collect();
        let opened = open(code, &pairs, kiosks, now_minutes, window)?;
        let key = order
            .get(opened.staff_key_index)
            .ok_or(OpenError::NotForThisDesk)?;
        let sealed_to = match key.standing {
            Standing::Current => SealedTo::Current,
            Standing::Retired { .. } => SealedTo::Retired,
            Standing::Compromised { .. } => SealedTo::Compromised {
                days_left: self.days_left(key.standing, now_minutes).unwrap_or(0),
            },
        };
        Ok(RingOpened { opened, sealed_to })
    }

    /// Wraps the ring under a new passphrase, at the device's cost.
    pub fn lock(&self, passphrase: &str) -> Result<(WrappedKeyring, WrappingKey), WrapError> {
        self.lock_with_cost(passphrase, MEMORY_KIB, PASSES)
    }

    /// Wraps with a chosen cost (tests use a small one).
    pub fn lock_with_cost(
        &self,
        passphrase: &str,
        memory_kib: u32,
        passes: u32,
    ) -> Result<(WrappedKeyring, WrappingKey), WrapError> {
        let key = WrappingKey::new(passphrase, memory_kib, passes)?;
        Ok((self.wrap(&key)?, key))
    }

    /// Wraps the ring again with the wrapping key of an unlocked desk (after a change).
    pub fn wrap(&self, key: &WrappingKey) -> Result<WrappedKeyring, WrapError> {
        let kept = KeptRing {
            keys: self
                .keys
                .iter()
                .map(|k| KeptKey {
                    private_key: zeroize::Zeroizing::new(k.pair.private_hex()),
                    standing: k.standing,
                    added_minutes: k.added_minutes,
                })
                .collect(),
            deleted: self.deleted.clone(),
            latest_minutes: self.latest_minutes,
        };
        let plain = zeroize::Zeroizing::new(
            serde_json::to_vec(&kept).map_err(|_| WrapError::NoRandomness)?,
        );
        key.seal(KEYRING_FORMAT, &plain, &self.current().public().to_hex())
            .map(WrappedKeyring)
    }
}

/// The ring as kept inside its wrapping (never outside it).
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct KeptRing {
    keys: Vec<KeptKey>,
    deleted: Vec<PublicKey>,
    latest_minutes: Minutes,
}

/// A key as kept inside the wrapped ring.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct KeptKey {
    private_key: zeroize::Zeroizing<String>,
    standing: Standing,
    added_minutes: Minutes,
}

/// The desk's keys as kept on the device: wrapped, with only the current public key in
/// the clear (for its fingerprint on the locked screen).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct WrappedKeyring(WrappedKey);

/// A ring is a different thing from a one-key backup: neither is read as the other.
const KEYRING_FORMAT: &str = "anh-duong-staff-keyring-v1";

impl WrappedKeyring {
    /// The current key's public half, without the passphrase.
    pub fn current_public(&self) -> Result<PublicKey, crate::handoff::KeyError> {
        self.0.public()
    }

    /// Whether the ring is wrapped more cheaply than this device wraps (then unlocking
    /// wraps it again at the device's cost, while the passphrase is at hand).
    pub fn below_device_cost(&self) -> bool {
        self.0.memory_kib < MEMORY_KIB || self.0.passes < PASSES
    }

    /// Unlocks the ring with `passphrase`: its keys, and the wrapping key to keep changes.
    pub fn unlock(&self, passphrase: &str) -> Result<(Keyring, WrappingKey), WrapError> {
        self.unlock_in(crate::pairing::DEMO_KEY_ALLOWED, passphrase)
    }

    /// [`WrappedKeyring::unlock`] in a build that does or does not allow the demo key.
    fn unlock_in(
        &self,
        demo_allowed: bool,
        passphrase: &str,
    ) -> Result<(Keyring, WrappingKey), WrapError> {
        self.0.check(KEYRING_FORMAT)?;
        let (plain, key) = self.0.open_with(passphrase)?;
        let kept: KeptRing =
            serde_json::from_slice(&plain).map_err(|_| WrapError::WrongPassphrase)?;
        let mut deleted = kept.deleted;
        let mut keys = Vec::with_capacity(kept.keys.len());
        for (i, k) in kept.keys.into_iter().enumerate() {
            match KeyPair::from_private_hex_in(demo_allowed, &k.private_key) {
                Ok(pair) => keys.push(StaffKey {
                    pair,
                    standing: k.standing,
                    added_minutes: k.added_minutes,
                }),
                // A ring kept before this build refused the demo key may hold it as an older
                // key: it is dropped (never taken back), not a reason to lock the desk out.
                Err(crate::handoff::KeyError::DemoKey) if i > 0 => {
                    if let Ok(demo) = PublicKey::from_hex(crate::pairing::DEMO_STAFF_PUBLIC_KEY) {
                        deleted.push(demo);
                    }
                }
                Err(crate::handoff::KeyError::DemoKey) => return Err(WrapError::DemoKey),
                Err(_) => return Err(WrapError::WrongPassphrase),
            }
        }
        // The current key first, and it is the one named in the clear.
        match keys.first() {
            Some(k)
                if k.standing == Standing::Current
                    && k.pair.public().to_hex() == self.0.public_key =>
            {
                Ok((
                    Keyring {
                        keys,
                        deleted,
                        latest_minutes: kept.latest_minutes,
                    },
                    key,
                ))
            }
            _ => Err(WrapError::WrongPassphrase),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Answers;
    use crate::clock::{Minutes, Span};
    use crate::handoff::{Handoff, HandoffId, KioskLetter, Ticket, build_minutes, seal};

    const CHEAP: u32 = 8 * 1024;
    const DAY: Span = Span::days(1);
    const NOW: Minutes = Minutes(29_000_000);

    /// A code sealed to `staff` by a new kiosk, and that kiosk's public key.
    fn sample_code(staff: &KeyPair, now: Minutes) -> (String, PublicKey) {
        let kiosk = pair();
        let handoff = Handoff {
            created_minutes: now,
            id: HandoffId([7; 8]),
            ticket: Ticket {
                letter: KioskLetter::DEFAULT,
                number: 12,
            },
            answers: Answers::default(),
        };
        let code = seal(&handoff, staff.public(), &kiosk, now).expect("seals");
        (code, kiosk.public().clone())
    }

    fn pair() -> KeyPair {
        KeyPair::generate().expect("randomness")
    }

    #[test]
    fn a_build_without_the_demo_key_drops_it_from_a_ring_as_an_older_key_and_refuses_it_as_current()
    {
        let demo = KeyPair::from_private_hex_in(
            true,
            include_str!("../../../tests/fixtures/demo-staff.key"),
        )
        .expect("the demo key, in a demo build");
        let own = pair();
        let mut ring = Keyring::new(demo.clone(), NOW);
        ring.rotate(own.clone(), NOW, false, DAY)
            .expect("the centre's own key");
        let (wrapped, _) = ring
            .lock_with_cost("a desk passphrase", CHEAP, 1)
            .expect("wraps");
        let (opened, _) = wrapped
            .unlock_in(false, "a desk passphrase")
            .expect("the desk opens with its own key");
        assert_eq!(opened.current().public(), own.public());
        assert_eq!(opened.keys().len(), 1, "the demo key is dropped");
        assert!(
            opened.deleted.contains(demo.public()),
            "and never taken back"
        );
        let (in_demo, _) = wrapped
            .unlock_in(true, "a desk passphrase")
            .expect("a demo build keeps it");
        assert_eq!(in_demo.keys().len(), 2);

        let (demo_ring, _) = Keyring::new(demo, NOW)
            .lock_with_cost("a desk passphrase", CHEAP, 1)
            .expect("wraps");
        assert_eq!(
            demo_ring.unlock_in(false, "a desk passphrase").map(|_| ()),
            Err(WrapError::DemoKey)
        );
    }

    #[test]
    fn a_ring_keeps_its_keys_and_their_standing_through_wrapping() {
        let (a, b, c) = (pair(), pair(), pair());
        let mut ring = Keyring::new(a.clone(), NOW);
        ring.rotate(b.clone(), NOW + Span(10), false, Span::days(7))
            .expect("new key");
        ring.add_old(c.clone(), NOW + Span(20), true, Span::days(7))
            .expect("new key");
        let (wrapped, key) = ring
            .lock_with_cost("a desk passphrase", CHEAP, 1)
            .expect("wraps");
        let text = serde_json::to_string(&wrapped).expect("serialises");
        assert!(!text.contains(&a.private_hex()) && !text.contains(&c.private_hex()));
        let back: WrappedKeyring = serde_json::from_str(&text).expect("parses");
        assert_eq!(back.current_public().expect("public"), *b.public());
        assert!(
            back.below_device_cost(),
            "a test's cheap cost is below the device's"
        );
        let (ring2, _) = back.unlock("a desk passphrase").expect("unlocks");
        let standings: Vec<_> = ring2
            .keys()
            .iter()
            .map(|k| (k.pair.public().clone(), k.standing))
            .collect();
        assert_eq!(
            standings,
            vec![
                (b.public().clone(), Standing::Current),
                (
                    a.public().clone(),
                    Standing::Retired {
                        since_minutes: NOW + Span(10)
                    }
                ),
                (
                    c.public().clone(),
                    Standing::Compromised {
                        since_minutes: NOW + Span(20),
                        until_minutes: NOW + Span(20) + 7 * DAY
                    }
                ),
            ]
        );
        assert_eq!(
            back.unlock("another passphrase!").map(|_| ()).err(),
            Some(WrapError::WrongPassphrase)
        );
        // Re-wrapped with the unlocked wrapping key: the same passphrase opens it.
        let again = ring2.wrap(&key).expect("wraps again");
        assert_ne!(again, back, "a fresh nonce every time");
        assert!(again.unlock("a desk passphrase").is_ok());
    }

    #[test]
    fn a_backup_is_not_a_ring_and_a_ring_is_not_a_backup() {
        let a = pair();
        let backup =
            super::super::wrap::wrap_with_cost(&a, "a desk passphrase", CHEAP, 1).expect("wraps");
        let as_ring: WrappedKeyring = serde_json::from_str(&backup.to_json()).expect("same shape");
        assert_eq!(
            as_ring.unlock("a desk passphrase").map(|_| ()).err(),
            Some(WrapError::NotABackup)
        );
        let (ring, _) = Keyring::new(a, NOW)
            .lock_with_cost("a desk passphrase", CHEAP, 1)
            .expect("wraps");
        let text = serde_json::to_string(&ring).expect("serialises");
        assert_eq!(
            WrappedKey::parse(&text).map(|_| ()),
            Err(WrapError::NotABackup)
        );
    }

    #[test]
    fn a_key_is_held_once_and_only_an_older_key_is_marked_compromised() {
        let (a, b) = (pair(), pair());
        let mut ring = Keyring::new(a.clone(), NOW);
        assert_eq!(
            ring.add_old(a.clone(), NOW, false, Span::days(7)),
            Err(KeyringError::AlreadyHeld)
        );
        assert_eq!(
            ring.rotate(a.clone(), NOW, false, Span::days(7)),
            Err(KeyringError::AlreadyHeld)
        );
        assert!(
            !ring.mark_compromised(a.public(), NOW, Span::days(7)),
            "not the current key"
        );
        ring.rotate(b, NOW, false, Span::days(7)).expect("new key");
        assert!(ring.mark_compromised(a.public(), NOW + Span(5), Span::days(7)));
        assert_eq!(
            ring.keys()[1].standing,
            Standing::Compromised {
                since_minutes: NOW + Span(5),
                until_minutes: NOW + Span(5) + 7 * DAY
            }
        );
    }

    #[test]
    fn after_a_loss_every_older_key_is_compromised_and_a_new_key_from_a_backup_moves_to_current() {
        let (a, b, c) = (pair(), pair(), pair());
        let mut ring = Keyring::new(a.clone(), NOW);
        ring.rotate(b.clone(), NOW + Span(1), false, Span::days(7))
            .expect("routine");
        // The lost device held a and b under one passphrase: both count as exposed.
        ring.rotate(c.clone(), NOW + Span(2), true, Span::days(7))
            .expect("after a loss");
        assert_eq!(ring.current().public(), c.public());
        assert!(
            ring.keys()[1..]
                .iter()
                .all(|k| matches!(k.standing, Standing::Compromised { .. }))
        );
        // A second desk that took the centre's new key as an older key puts it right.
        let mut second = Keyring::new(b.clone(), NOW);
        second
            .add_old(c.clone(), NOW + Span(3), false, Span::days(7))
            .expect("added as old");
        second
            .rotate(c.clone(), NOW + Span(4), true, Span::days(7))
            .expect("made current");
        assert_eq!(second.keys().len(), 2);
        assert_eq!(second.current().public(), c.public());
        assert!(matches!(
            second.keys()[1].standing,
            Standing::Compromised { .. }
        ));
    }

    #[test]
    fn codes_sealed_to_an_older_key_open_and_a_compromised_key_only_within_its_window() {
        let (old, new) = (pair(), pair());
        let now = build_minutes().max(NOW);
        let (code, kiosk) = sample_code(&old, now);
        let kiosks = [EnrolledKiosk::enrolled(kiosk, KioskLetter::DEFAULT, now)];
        let mut ring = Keyring::new(old.clone(), now);
        assert_eq!(
            ring.open(&code, &kiosks, now, DAY)
                .expect("opens")
                .sealed_to,
            SealedTo::Current
        );

        // A routine change: the old key's codes open as before.
        ring.rotate(new.clone(), now + Span(1), false, Span::days(7))
            .expect("new key");
        assert_eq!(ring.current().public(), new.public());
        assert_eq!(
            ring.open(&code, &kiosks, now + Span(2), DAY)
                .expect("opens")
                .sealed_to,
            SealedTo::Retired
        );

        // After a loss: with a warning, for seven days, then not at all, then deleted for good.
        let mut lost = Keyring::new(old.clone(), now);
        lost.rotate(new, now + Span(1), true, Span::days(7))
            .expect("new key");
        assert_eq!(
            lost.open(&code, &kiosks, now + Span(2), DAY)
                .expect("opens")
                .sealed_to,
            SealedTo::Compromised { days_left: 7 }
        );
        assert_eq!(
            lost.open(
                &code,
                &kiosks,
                now + Span(1) + 6 * DAY + crate::clock::Span(1),
                DAY
            )
            .expect("opens")
            .sealed_to,
            SealedTo::Compromised { days_left: 1 }
        );
        let after = now + Span(1) + 7 * DAY;
        assert_eq!(
            lost.open(&code, &kiosks, after, DAY).map(|_| ()),
            Err(OpenError::NotForThisDesk)
        );
        assert_eq!(lost.expire(after - Span(1)), vec![]);
        assert_eq!(lost.expire(after), vec![old.public().clone()]);
        assert_eq!(lost.keys().len(), 1);
        assert_eq!(
            lost.add_old(old.clone(), after, false, Span::days(7)),
            Err(KeyringError::Deleted),
            "a deleted key is never taken back"
        );
    }

    #[test]
    fn a_clock_set_back_does_not_lengthen_a_window() {
        let (old, new) = (pair(), pair());
        let now = build_minutes().max(NOW);
        let (code, kiosk) = sample_code(&old, now);
        let kiosks = [EnrolledKiosk::enrolled(kiosk, KioskLetter::DEFAULT, now)];
        let mut ring = Keyring::new(old, now);
        ring.rotate(new, now, true, Span::days(7)).expect("new key");
        // Unlocked eight days on (the ring remembers it), then the clock is set back.
        ring.observe(now + 8 * DAY);
        assert_eq!(
            ring.open(&code, &kiosks, now + DAY, DAY).map(|_| ()),
            Err(OpenError::NotForThisDesk)
        );
        assert_eq!(ring.expire(now + DAY).len(), 1);
    }
}
