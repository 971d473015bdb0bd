//! The kiosk's setup: a PIN with a limit on attempts, the staff key pinned at pairing, and
//! the checks behind the self-test.

use crate::handoff::{KeyError, KioskLetter, PublicKey, build_minutes};
use argon2::{Algorithm, Argon2, Params, Version};
use serde::{Deserialize, Serialize};

/// Wrong PINs allowed before the setup page locks itself.
pub const MAX_ATTEMPTS: u32 = 5;
/// How long it stays locked, in milliseconds (15 minutes).
pub const LOCKOUT_MS: f64 = 15.0 * 60_000.0;

/// The stored PIN: a salted Argon2id hash and the count of wrong attempts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PinRecord {
    salt: String,
    hash: String,
    failures: u32,
    locked_until_ms: f64,
}

/// Why a PIN was refused.
#[derive(Debug, Clone, Copy, PartialEq, thiserror::Error)]
pub enum PinError {
    #[error("a PIN is 6 to 12 digits")]
    Malformed,
    #[error("wrong PIN: {attempts_left} attempts left")]
    Wrong { attempts_left: u32 },
    #[error("too many wrong PINs: try again in {minutes} minutes")]
    Locked { minutes: u32 },
    #[error("the device gave no randomness")]
    NoRandomness,
}

fn hash(pin: &str, salt: &[u8]) -> Option<String> {
    let params = Params::new(8 * 1024, 2, 1, Some(32)).ok()?;
    let mut out = [0u8; 32];
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
        .hash_password_into(pin.as_bytes(), salt, &mut out)
        .ok()?;
    Some(out.iter().map(|b| format!("{b:02x}")).collect())
}

fn well_formed(pin: &str) -> bool {
    (6..=12).contains(&pin.len()) && pin.bytes().all(|b| b.is_ascii_digit())
}

impl PinRecord {
    /// A new PIN record.
    pub fn new(pin: &str) -> Result<PinRecord, PinError> {
        if !well_formed(pin) {
            return Err(PinError::Malformed);
        }
        let mut salt = [0u8; 16];
        getrandom::fill(&mut salt).map_err(|_| PinError::NoRandomness)?;
        let salt_hex: String = salt.iter().map(|b| format!("{b:02x}")).collect();
        let hash = hash(pin, salt_hex.as_bytes()).ok_or(PinError::NoRandomness)?;
        Ok(PinRecord {
            salt: salt_hex,
            hash,
            failures: 0,
            locked_until_ms: 0.0,
        })
    }

    /// Checks a PIN at `now_ms`, counting failures and locking after [`MAX_ATTEMPTS`].
    pub fn check(&mut self, pin: &str, now_ms: f64) -> Result<(), PinError> {
        if now_ms < self.locked_until_ms {
            return Err(PinError::Locked {
                minutes: ((self.locked_until_ms - now_ms) / 60_000.0).ceil() as u32,
            });
        }
        if well_formed(pin)
            && hash(pin, self.salt.as_bytes()).as_deref() == Some(self.hash.as_str())
        {
            self.failures = 0;
            return Ok(());
        }
        self.failures += 1;
        if self.failures >= MAX_ATTEMPTS {
            self.failures = 0;
            self.locked_until_ms = now_ms + LOCKOUT_MS;
            return Err(PinError::Locked {
                minutes: (LOCKOUT_MS / 60_000.0) as u32,
            });
        }
        Err(PinError::Wrong {
            attempts_left: MAX_ATTEMPTS - self.failures,
        })
    }
}

/// Whether the kiosk may seal to the configured staff key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StaffKeyCheck {
    /// The configured key is the one pinned at pairing.
    AsPinned,
    /// Nothing pinned, and the centre runs on demo keys.
    DemoUnpinned,
    /// Nothing pinned on a real deployment: pair the kiosk first.
    NotPaired,
    /// The configured key differs from the pinned one: confirm the change with the PIN.
    Changed,
    /// The configured key is the shipped demo key and this is a release build, which never
    /// seals to it (see [`DEMO_KEY_ALLOWED`]).
    DemoRefused,
}

impl StaffKeyCheck {
    /// Whether sealing may go ahead.
    pub fn may_seal(self) -> bool {
        matches!(self, StaffKeyCheck::AsPinned | StaffKeyCheck::DemoUnpinned)
    }
}

/// The shipped demo staff key (public; its private half is in the repository's test
/// fixtures, so anyone can open and forge codes sealed to it).
pub const DEMO_STAFF_PUBLIC_KEY: &str =
    "d703ea365cf7df0ef580433002e4fa60da77df7b98ce39739ccc90c4408a3258";

/// Whether `key` is the shipped demo staff key.
pub fn is_demo_key(key: &PublicKey) -> bool {
    key.to_hex() == DEMO_STAFF_PUBLIC_KEY
}

/// Whether this build uses the shipped demo staff key at all: only a build made with the
/// `demo-key` feature (`make run`'s demo build, the tests' `handoff` tool). Any other build —
/// `make dist`, a plain `trunk build`, `cargo build --release` — never loads its private half
/// (desk, `handoff` tool) and never seals to it (kiosk): that private half is published with
/// the source, so anyone holding a photo of a slip sealed to it could read her answers. An
/// opt-in, not the profile: a build nobody asked to be a demo fails closed.
pub const DEMO_KEY_ALLOWED: bool = cfg!(feature = "demo-key");

/// Compares the configured staff key with the whole key pinned at pairing (its 64 hex
/// characters: a 64-bit fingerprint is for people to compare, not for the kiosk to trust).
/// Only the demo key may be used unpinned (and it can never be pinned: see the setup page).
pub fn check_staff_key(configured: &PublicKey, pinned: Option<&str>) -> StaffKeyCheck {
    check_staff_key_in(DEMO_KEY_ALLOWED, configured, pinned)
}

/// [`check_staff_key`] in a build that does or does not allow the demo key.
fn check_staff_key_in(
    demo_allowed: bool,
    configured: &PublicKey,
    pinned: Option<&str>,
) -> StaffKeyCheck {
    if !demo_allowed && is_demo_key(configured) {
        return StaffKeyCheck::DemoRefused;
    }
    match pinned {
        Some(p) if p == configured.to_hex() => StaffKeyCheck::AsPinned,
        Some(_) => StaffKeyCheck::Changed,
        None if is_demo_key(configured) => StaffKeyCheck::DemoUnpinned,
        None => StaffKeyCheck::NotPaired,
    }
}

/// Whether the device clock is plausible: not before this build, not years after it.
pub fn clock_plausible(now: crate::clock::Minutes) -> bool {
    let build = build_minutes();
    now >= build && now.since(build) < crate::clock::Span::days(3 * 365)
}

/// What a kiosk's setup page shows for enrolment at the staff desk: its letter and its
/// public key, as `A=` and 64 hexadecimal characters (text and QR code).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Enrolment {
    pub letter: KioskLetter,
    pub public: PublicKey,
}

/// Why an enrolment text was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EnrolmentError {
    #[error("the kiosk's letter is one of A-H, before '='")]
    BadLetter,
    #[error(transparent)]
    Key(#[from] KeyError),
}

impl Enrolment {
    /// The text the setup page shows and its QR code carries.
    pub fn to_text(&self) -> String {
        format!("{}={}", self.letter, self.public.to_hex())
    }

    /// Reads `A=<key>` (the letter in either case); a bare key is refused, so that no kiosk
    /// is enrolled under a letter nobody chose.
    pub fn parse(text: &str) -> Result<Enrolment, EnrolmentError> {
        let text = text.trim();
        let (letter, key) = text.split_once('=').ok_or(EnrolmentError::BadLetter)?;
        let mut chars = letter.trim().chars();
        let letter = match (chars.next(), chars.next()) {
            (Some(c), None) => KioskLetter::from_char(c).ok_or(EnrolmentError::BadLetter)?,
            _ => return Err(EnrolmentError::BadLetter),
        };
        Ok(Enrolment {
            letter,
            public: PublicKey::from_hex(key)?,
        })
    }

    /// Whether `text` looks like an enrolment rather than a handoff code.
    pub fn looks_like(text: &str) -> bool {
        text.trim().len() == 66 && text.trim().as_bytes().get(1) == Some(&b'=')
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::handoff::KeyPair;

    #[test]
    fn an_enrolment_round_trips_and_needs_a_letter_a_to_h() {
        let pair = KeyPair::generate().expect("randomness");
        let letter = KioskLetter::from_char('C').expect("letter");
        let enrolment = Enrolment {
            letter,
            public: pair.public().clone(),
        };
        let text = enrolment.to_text();
        assert!(text.starts_with("C=") && Enrolment::looks_like(&text));
        assert_eq!(
            Enrolment::parse(&format!(" {text}\n")),
            Ok(enrolment.clone())
        );
        assert_eq!(Enrolment::parse(&text.to_lowercase()), Ok(enrolment));
        let hex = pair.public().to_hex();
        assert_eq!(Enrolment::parse(&hex), Err(EnrolmentError::BadLetter));
        assert_eq!(
            Enrolment::parse(&format!("Z={hex}")),
            Err(EnrolmentError::BadLetter)
        );
        assert_eq!(
            Enrolment::parse(&format!("AB={hex}")),
            Err(EnrolmentError::BadLetter)
        );
        assert_eq!(
            Enrolment::parse("A=abc"),
            Err(EnrolmentError::Key(KeyError::BadLength))
        );
    }

    #[test]
    fn the_pin_locks_after_five_wrong_attempts_and_opens_with_the_right_one() {
        let mut r = PinRecord::new("246810").expect("valid");
        assert_eq!(r.check("246810", 0.0), Ok(()));
        for left in (1..MAX_ATTEMPTS).rev() {
            assert_eq!(
                r.check("000000", 0.0),
                Err(PinError::Wrong {
                    attempts_left: left
                })
            );
        }
        assert_eq!(
            r.check("000000", 0.0),
            Err(PinError::Locked { minutes: 15 })
        );
        assert_eq!(
            r.check("246810", 60_000.0),
            Err(PinError::Locked { minutes: 14 }),
            "even the right PIN waits"
        );
        assert_eq!(r.check("246810", LOCKOUT_MS + 1.0), Ok(()));
        assert_eq!(
            PinRecord::new("12ab56").map(|_| ()),
            Err(PinError::Malformed)
        );
    }

    #[test]
    fn a_changed_staff_key_stops_sealing_until_it_is_pinned_again() {
        let a = KeyPair::generate().expect("randomness");
        let b = KeyPair::generate().expect("randomness");
        let pinned = a.public().to_hex();
        assert_eq!(
            check_staff_key(a.public(), Some(&pinned)),
            StaffKeyCheck::AsPinned
        );
        assert_eq!(
            check_staff_key(b.public(), Some(&pinned)),
            StaffKeyCheck::Changed
        );
        assert!(!StaffKeyCheck::Changed.may_seal());
        assert_eq!(
            check_staff_key(a.public(), Some(&a.public().fingerprint())),
            StaffKeyCheck::Changed,
            "a fingerprint is not a pinned key"
        );
        assert!(
            !check_staff_key(b.public(), None).may_seal(),
            "a real key needs pairing"
        );
    }

    #[test]
    fn a_release_build_never_seals_to_the_demo_key_pinned_or_not() {
        let demo = PublicKey::from_hex(DEMO_STAFF_PUBLIC_KEY).expect("the demo key");
        for pinned in [None, Some(DEMO_STAFF_PUBLIC_KEY)] {
            let check = check_staff_key_in(false, &demo, pinned);
            assert_eq!(check, StaffKeyCheck::DemoRefused);
            assert!(!check.may_seal());
        }
        let own = KeyPair::generate().expect("randomness");
        let pinned = own.public().to_hex();
        assert_eq!(
            check_staff_key_in(false, own.public(), Some(&pinned)),
            StaffKeyCheck::AsPinned,
            "the centre's own key is unaffected"
        );
        assert_eq!(
            check_staff_key_in(true, &demo, None),
            StaffKeyCheck::DemoUnpinned,
            "the demo build (make run) still seals to it"
        );
    }

    #[test]
    fn only_the_shipped_demo_key_may_be_used_unpaired() {
        let demo = PublicKey::from_hex(DEMO_STAFF_PUBLIC_KEY).expect("the demo key");
        assert!(is_demo_key(&demo));
        assert_eq!(
            check_staff_key_in(true, &demo, None),
            StaffKeyCheck::DemoUnpinned
        );
        assert!(check_staff_key_in(true, &demo, None).may_seal());
        let own = KeyPair::generate().expect("randomness");
        assert!(!is_demo_key(own.public()));
        for demo_allowed in [true, false] {
            assert_eq!(
                check_staff_key_in(demo_allowed, own.public(), None),
                StaffKeyCheck::NotPaired
            );
        }
    }

    #[test]
    fn a_clock_before_the_build_is_not_plausible() {
        let build = build_minutes();
        assert!(!clock_plausible(crate::clock::Minutes(build.0 - 1)));
        assert!(clock_plausible(
            build.after(crate::clock::Span::minutes(60))
        ));
    }
}
