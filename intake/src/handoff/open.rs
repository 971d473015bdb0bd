//! Opening at the staff desk. Only the version is in the clear, so the desk finds the staff
//! key and the kiosk by trying them: its current key first, then older ones; the kiosk seen
//! most recently first; enrolled kiosks before revoked ones, so that a revoked kiosk's code
//! is still named as such. A wrong clock or a ticket letter other than the one enrolled
//! only warns. The kiosk hint (`hint`): one X25519 per staff key, then one hash per kiosk,
//! and the full HPKE open only for the kiosk whose hint matches.

use super::hint::{CodeSecret, HINT_LEN};
use super::keys::{KeyPair, KioskId, PublicKey};
use super::payload::{Handoff, KioskLetter, unpack};
use super::text::{self, TextError};
use super::{Aead, FORMAT_VERSION, HPKE_INFO, Kdf, Kem, aad};
use crate::clock::{Minutes, Span};
use hpke::{Deserializable, OpModeR};

/// Where a kiosk stands at a desk. Revoking can be undone ("restored"); each change records
/// when it was made, so two desks' lists can be merged, the latest change winning.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum KioskState {
    Enrolled,
    /// Lost or stolen: its codes are refused.
    Revoked,
    /// Revoked, then found again: its codes open.
    Restored,
}

/// A kiosk the desk has enrolled (kept on the staff device as JSON).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct EnrolledKiosk {
    pub public: PublicKey,
    /// The letter it was enrolled with (its tickets read `A-042`).
    pub letter: KioskLetter,
    pub state: KioskState,
    /// When `state` was set (minutes since 1970).
    pub state_since_minutes: Minutes,
    /// When a code of this kiosk was last opened here (minutes since 1970; 0 = never): the
    /// opener tries the most recent first.
    pub last_seen_minutes: Minutes,
}

impl EnrolledKiosk {
    /// A kiosk enrolled at `now`.
    pub fn enrolled(public: PublicKey, letter: KioskLetter, now: Minutes) -> EnrolledKiosk {
        EnrolledKiosk {
            public,
            letter,
            state: KioskState::Enrolled,
            state_since_minutes: now,
            last_seen_minutes: Minutes(0),
        }
    }

    /// Whether its codes are refused.
    pub fn is_revoked(&self) -> bool {
        self.state == KioskState::Revoked
    }

    /// Sets its state at `now` (revoke, or restore a revoked one).
    pub fn set_state(&mut self, state: KioskState, now: Minutes) {
        self.state = state;
        self.state_since_minutes = now;
    }

    /// The kiosk of `list` in use (not revoked) that hands out tickets with `letter`: a
    /// second kiosk with the same letter would call the same numbers the same day.
    pub fn holding_letter(list: &[EnrolledKiosk], letter: KioskLetter) -> Option<&EnrolledKiosk> {
        list.iter().find(|k| k.letter == letter && !k.is_revoked())
    }

    /// Of two records of the same kiosk (two desks' lists), the one changed last; on a tie,
    /// revoked wins (refusing a stolen kiosk's codes is the safe side).
    pub fn latest<'a>(a: &'a EnrolledKiosk, b: &'a EnrolledKiosk) -> &'a EnrolledKiosk {
        match a.state_since_minutes.cmp(&b.state_since_minutes) {
            std::cmp::Ordering::Greater => a,
            std::cmp::Ordering::Less => b,
            std::cmp::Ordering::Equal if b.is_revoked() => b,
            std::cmp::Ordering::Equal => a,
        }
    }
}

/// Why a code could not be opened. Each kind gets its own message at the desk and its own
/// exit code in the `handoff` tool.
///
/// What the format can tell apart: with nothing but the version in the clear, a code sealed
/// to another desk's key, a code from a kiosk not enrolled here and a forgery all look the
/// same — no key this desk holds opens them — so they share one kind. A typing or scanning
/// error is caught by the check digits before any key is tried.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum OpenError {
    #[error("this is not a handoff code")]
    NotAHandoffCode,
    #[error("this code was made by a kiosk of another format version ({0})")]
    UnsupportedVersion(u8),
    #[error("this code is damaged: scan or type it again")]
    Damaged,
    #[error(
        "no key of this desk opens this code: it is for another desk, or from a kiosk not enrolled here (a new kiosk? enrol it), or forged"
    )]
    NotForThisDesk,
    #[error("this code comes from a revoked kiosk ({0})")]
    RevokedKiosk(KioskId),
}

/// A genuine code whose time looks wrong: opened, with this said to staff.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeWarning {
    /// Older than the window, by this many minutes past it.
    Old { minutes: u32 },
    /// Made this many minutes in the future (the kiosk's clock is ahead).
    Future { minutes: u32 },
}

/// A genuine code whose ticket letter is not the one enrolled for the kiosk that sealed it
/// (its letter was changed on its setup page): opened, with this said to staff.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LetterWarning {
    pub enrolled: KioskLetter,
    pub in_code: KioskLetter,
}

/// A code that opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Opened {
    pub handoff: Handoff,
    /// The desk's label of the kiosk whose key opened it.
    pub kiosk: KioskId,
    /// Its position in the kiosks given to [`open`].
    pub kiosk_index: usize,
    /// The position of the staff key that opened it in the keys given to [`open`].
    pub staff_key_index: usize,
    pub warning: Option<TimeWarning>,
    pub letter_warning: Option<LetterWarning>,
}

/// Clock drift tolerated before a code counts as "from the future".
const FUTURE_SLACK_MINUTES: u32 = 10;

/// The order in which kiosks are tried: enrolled before revoked, most recently seen first.
fn trial_order(kiosks: &[EnrolledKiosk]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..kiosks.len()).collect();
    order.sort_by_key(|&i| {
        let k = &kiosks[i];
        (k.is_revoked(), std::cmp::Reverse(k.last_seen_minutes))
    });
    order
}

/// Opens a code's text with the desk's staff keys (current first) and its kiosks. Never
/// panics.
pub fn open(
    code: &str,
    staff_keys: &[KeyPair],
    kiosks: &[EnrolledKiosk],
    now: Minutes,
    window: Span,
) -> Result<Opened, OpenError> {
    let sealed = text::decode(code, FORMAT_VERSION).map_err(|e| match e {
        TextError::NotACode => OpenError::NotAHandoffCode,
        TextError::Version(v) => OpenError::UnsupportedVersion(v),
        TextError::Damaged => OpenError::Damaged,
    })?;
    let (enc, rest) = sealed.split_at(32);
    let (hint, ciphertext) = rest.split_at(HINT_LEN);
    let enc: [u8; 32] = enc.try_into().map_err(|_| OpenError::Damaged)?;
    let hint: [u8; HINT_LEN] = hint.try_into().map_err(|_| OpenError::Damaged)?;
    // Any 32 bytes are an X25519 public key; this cannot fail for a well-formed code.
    let encapped =
        <Kem as hpke::kem::Kem>::EncappedKey::from_bytes(&enc).map_err(|_| OpenError::Damaged)?;
    let order = trial_order(kiosks);
    for (staff_key_index, staff) in staff_keys.iter().enumerate() {
        // A point of small order: no kiosk makes one, and HPKE would refuse it.
        let Some(secret) = CodeSecret::at_desk(staff, &enc) else {
            continue;
        };
        for &kiosk_index in &order {
            let kiosk = &kiosks[kiosk_index];
            if secret.hint(&kiosk.public) != hint {
                continue;
            }
            let Some(plaintext) = try_open(staff, &kiosk.public, &encapped, ciphertext, hint)
            else {
                continue;
            };
            return opened(plaintext, kiosks, kiosk_index, staff_key_index, now, window);
        }
    }
    Err(OpenError::NotForThisDesk)
}

/// What a plaintext that `kiosks[kiosk_index]`'s key opened means at the desk.
fn opened(
    plaintext: Vec<u8>,
    kiosks: &[EnrolledKiosk],
    kiosk_index: usize,
    staff_key_index: usize,
    now: Minutes,
    window: Span,
) -> Result<Opened, OpenError> {
    let kiosk = &kiosks[kiosk_index];
    let id = kiosk.public.kiosk_id();
    // A key listed twice, once revoked, is revoked.
    if kiosk.is_revoked()
        || kiosks
            .iter()
            .any(|k| k.is_revoked() && k.public == kiosk.public)
    {
        return Err(OpenError::RevokedKiosk(id));
    }
    let handoff = unpack(&plaintext).map_err(|_| OpenError::Damaged)?;
    let in_code = handoff.ticket.letter;
    let letter_warning = (in_code != kiosk.letter).then_some(LetterWarning {
        enrolled: kiosk.letter,
        in_code,
    });
    let warning = time_warning(handoff.created_minutes, now, window);
    Ok(Opened {
        handoff,
        kiosk: id,
        kiosk_index,
        staff_key_index,
        warning,
        letter_warning,
    })
}

/// One trial: the plaintext if this staff key and this kiosk's key open the code.
fn try_open(
    staff: &KeyPair,
    kiosk: &PublicKey,
    encapped: &<Kem as hpke::kem::Kem>::EncappedKey,
    ciphertext: &[u8],
    hint: [u8; HINT_LEN],
) -> Option<Vec<u8>> {
    let mode = OpModeR::<Kem>::Auth(kiosk.0.clone());
    hpke::single_shot_open::<Aead, Kdf, Kem>(
        &mode,
        &staff.private,
        encapped,
        HPKE_INFO,
        ciphertext,
        &aad(hint),
    )
    .ok()
}

fn time_warning(created: Minutes, now: Minutes, window: Span) -> Option<TimeWarning> {
    if created > now.after(Span::minutes(FUTURE_SLACK_MINUTES)) {
        Some(TimeWarning::Future {
            minutes: created.since(now).0,
        })
    } else if now.since(created) > window {
        Some(TimeWarning::Old {
            minutes: now.since(created).0 - window.0,
        })
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::handoff::payload::{HandoffId, Ticket};
    use crate::handoff::seal::seal_plaintext;
    use crate::{Answers, Children};

    fn kiosk(pair: &KeyPair) -> EnrolledKiosk {
        EnrolledKiosk {
            public: pair.public().clone(),
            letter: KioskLetter::DEFAULT,
            state: KioskState::Enrolled,
            state_since_minutes: crate::clock::Minutes(0),
            last_seen_minutes: crate::clock::Minutes(0),
        }
    }

    /// A genuine, authenticated code whose plaintext holds a value no kiosk writes (here six
    /// children, one more than the screen offers) is damaged: never shown.
    #[test]
    fn a_decrypted_field_out_of_range_is_damaged() {
        let staff = KeyPair::generate().expect("randomness");
        let pair = KeyPair::generate().expect("randomness");
        let handoff = Handoff {
            created_minutes: crate::clock::Minutes(30_000_000),
            id: HandoffId([1; 8]),
            ticket: Ticket {
                letter: KioskLetter::DEFAULT,
                number: 1,
            },
            answers: Answers {
                children: Children::Count(6),
                ..Answers::default()
            },
        };
        let mut plaintext = [0u8; crate::handoff::PLAINTEXT_LEN];
        postcard::to_slice(&handoff, &mut plaintext).expect("fits");
        let code = seal_plaintext(&plaintext, staff.public(), &pair).expect("seals");
        let result = open(
            &code,
            std::slice::from_ref(&staff),
            &[kiosk(&pair)],
            crate::clock::Minutes(30_000_000),
            crate::clock::Span(60),
        );
        assert_eq!(result, Err(OpenError::Damaged));
    }

    #[test]
    fn a_key_enrolled_and_also_revoked_counts_as_revoked() {
        let staff = KeyPair::generate().expect("randomness");
        let pair = KeyPair::generate().expect("randomness");
        let handoff = Handoff {
            created_minutes: crate::handoff::build_minutes() + crate::clock::Span(1),
            id: HandoffId([2; 8]),
            ticket: Ticket {
                letter: KioskLetter::DEFAULT,
                number: 3,
            },
            answers: Answers::default(),
        };
        let code = crate::handoff::seal(&handoff, staff.public(), &pair, handoff.created_minutes)
            .expect("seals");
        let mut revoked = kiosk(&pair);
        revoked.state = KioskState::Revoked;
        let result = open(
            &code,
            std::slice::from_ref(&staff),
            &[kiosk(&pair), revoked],
            handoff.created_minutes,
            crate::clock::Span(60),
        );
        assert_eq!(
            result,
            Err(OpenError::RevokedKiosk(pair.public().kiosk_id()))
        );
    }

    #[test]
    fn two_desks_records_merge_latest_wins_and_a_tie_refuses() {
        let pair = KeyPair::generate().expect("r");
        let mut a = kiosk(&pair);
        let mut b = kiosk(&pair);
        a.set_state(KioskState::Revoked, crate::clock::Minutes(100));
        b.set_state(KioskState::Restored, crate::clock::Minutes(160));
        assert_eq!(EnrolledKiosk::latest(&a, &b).state, KioskState::Restored);
        assert_eq!(EnrolledKiosk::latest(&b, &a).state, KioskState::Restored);
        b.state_since_minutes = crate::clock::Minutes(100);
        assert_eq!(EnrolledKiosk::latest(&a, &b).state, KioskState::Revoked);
        assert_eq!(EnrolledKiosk::latest(&b, &a).state, KioskState::Revoked);
    }

    #[test]
    fn a_restored_kiosk_opens_again() {
        let staff = KeyPair::generate().expect("r");
        let pair = KeyPair::generate().expect("r");
        let handoff = Handoff {
            created_minutes: crate::handoff::build_minutes() + crate::clock::Span(1),
            id: HandoffId([2; 8]),
            ticket: Ticket {
                letter: KioskLetter::DEFAULT,
                number: 4,
            },
            answers: Answers::default(),
        };
        let code = crate::handoff::seal(&handoff, staff.public(), &pair, handoff.created_minutes)
            .expect("seals");
        let mut k = kiosk(&pair);
        k.set_state(KioskState::Revoked, crate::clock::Minutes(10));
        let now = handoff.created_minutes;
        let refused = open(
            &code,
            std::slice::from_ref(&staff),
            std::slice::from_ref(&k),
            now,
            crate::clock::Span(60),
        );
        assert!(matches!(refused, Err(OpenError::RevokedKiosk(_))));
        k.set_state(KioskState::Restored, crate::clock::Minutes(20));
        assert!(
            open(
                &code,
                std::slice::from_ref(&staff),
                std::slice::from_ref(&k),
                now,
                crate::clock::Span(60)
            )
            .is_ok()
        );
    }

    #[test]
    fn kiosks_are_tried_enrolled_first_then_most_recently_seen() {
        let pairs: Vec<KeyPair> = (0..4).map(|_| KeyPair::generate().expect("r")).collect();
        let mut kiosks: Vec<EnrolledKiosk> = pairs.iter().map(kiosk).collect();
        kiosks[0].state = KioskState::Revoked;
        kiosks[0].last_seen_minutes = crate::clock::Minutes(99);
        kiosks[2].last_seen_minutes = crate::clock::Minutes(50);
        kiosks[3].last_seen_minutes = crate::clock::Minutes(70);
        assert_eq!(trial_order(&kiosks), vec![3, 2, 1, 0]);
    }
}
