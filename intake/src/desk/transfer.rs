//! Desk to desk, without a server: a desk's kiosk list (letters and time-stamped states) or
//! its memory of opened codes, carried to another desk of the same centre in a file. Each
//! file is sealed under a key derived from the staff *private* key (`under_key`): only a
//! holder of the staff key can make one or read one. A file merely sealed to the staff
//! public key would be forgeable — that key is public — and anyone could then enrol a kiosk
//! of their own or restore a stolen one. Before a kiosk list is merged the desk lists what
//! would change (the latest state of each kiosk wins) and staff confirm. A closed month of
//! statistics travels the same way, to be combined into the centre's report.
use super::keyring::{Keyring, Standing};
use super::replay::ReplayMemory;
use super::stats::MonthPart;
use super::under_key::{UnderKey, UnderKeyError, open, seal};
use crate::handoff::{EnrolledKiosk, KeyPair};
use serde::{Deserialize, Serialize};

/// The format's name and version.
pub const FORMAT: &str = "anh-duong-desk-transfer-1";

/// What a transfer file carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Kiosks,
    Opened,
    Month,
}

impl Kind {
    /// Each kind is sealed for its own purpose: a file of one cannot pass as the other.
    fn purpose(self) -> &'static [u8] {
        match self {
            Kind::Kiosks => b"desk transfer: kiosks v1",
            Kind::Opened => b"desk transfer: opened codes v1",
            Kind::Month => b"desk transfer: statistics month v1",
        }
    }
}

/// A transfer file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct TransferFile {
    format: String,
    kind: Kind,
    sealed: UnderKey,
}

/// What a transfer file held, authenticated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Incoming {
    Kiosks(Vec<EnrolledKiosk>),
    Opened(ReplayMemory),
    Month(MonthPart),
}

/// Why a transfer file was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum TransferError {
    #[error("not a file from another desk")]
    NotATransfer,
    #[error("a desk file of another version")]
    OtherVersion,
    #[error(
        "not made with this centre's staff key (another centre's file, or a forgery): refused, nothing changed"
    )]
    NotThisCentre,
    #[error("the device gave no randomness")]
    NoRandomness,
}

/// The keys another desk's file may be made with: the current key and keys retired in a
/// routine change — never a key marked compromised after a loss (whoever took it could make
/// a file that enrols their own kiosk or restores a stolen one).
pub(crate) fn trusted(ring: &Keyring) -> Vec<KeyPair> {
    ring.keys()
        .iter()
        .filter(|k| !matches!(k.standing, Standing::Compromised { .. }))
        .map(|k| k.pair.clone())
        .collect()
}

fn export<T: Serialize>(ring: &Keyring, kind: Kind, value: &T) -> Result<String, TransferError> {
    let plain = serde_json::to_vec(value).map_err(|_| TransferError::NotATransfer)?;
    let sealed = seal(ring.current(), kind.purpose(), &plain).map_err(|e| match e {
        UnderKeyError::NoRandomness => TransferError::NoRandomness,
        _ => TransferError::NotATransfer,
    })?;
    serde_json::to_string(&TransferFile {
        format: FORMAT.to_owned(),
        kind,
        sealed,
    })
    .map_err(|_| TransferError::NotATransfer)
}

/// The kiosk list as a file for another desk.
pub fn export_kiosks(ring: &Keyring, kiosks: &[EnrolledKiosk]) -> Result<String, TransferError> {
    export(ring, Kind::Kiosks, &kiosks)
}

/// The memory of opened codes as a file for another desk.
pub fn export_opened(ring: &Keyring, opened: &ReplayMemory) -> Result<String, TransferError> {
    export(ring, Kind::Opened, opened)
}

/// A closed month of statistics as a file for the desk that makes the centre's report.
pub fn export_month(ring: &Keyring, part: &MonthPart) -> Result<String, TransferError> {
    export(ring, Kind::Month, part)
}

/// Reads a transfer file with the desk's staff keys.
pub fn import(text: &str, ring: &Keyring) -> Result<Incoming, TransferError> {
    import_with(text, &trusted(ring))
}

/// Reads a transfer file with `keys` (the handoff tool's, from a backup).
pub fn import_with(text: &str, keys: &[KeyPair]) -> Result<Incoming, TransferError> {
    let value: serde_json::Value =
        serde_json::from_str(text).map_err(|_| TransferError::NotATransfer)?;
    match value.get("format").and_then(serde_json::Value::as_str) {
        Some(FORMAT) => {}
        Some(f) if f.starts_with("anh-duong-desk-transfer-") => {
            return Err(TransferError::OtherVersion);
        }
        _ => return Err(TransferError::NotATransfer),
    }
    let file: TransferFile =
        serde_json::from_value(value).map_err(|_| TransferError::NotATransfer)?;
    let plain =
        open(keys, file.kind.purpose(), &file.sealed).map_err(|_| TransferError::NotThisCentre)?;
    match file.kind {
        Kind::Kiosks => serde_json::from_slice(&plain).map(Incoming::Kiosks),
        Kind::Opened => serde_json::from_slice(&plain).map(Incoming::Opened),
        Kind::Month => serde_json::from_slice(&plain).map(Incoming::Month),
    }
    .map_err(|_| TransferError::NotThisCentre)
}

/// One change a merge of another desk's kiosk list would make here.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KioskChange {
    /// A kiosk this desk did not have (in the state the other desk has it).
    Added(EnrolledKiosk),
    /// Revoked at the other desk after its last change here.
    Revoked(EnrolledKiosk),
    /// Restored (or enrolled again) at the other desk after it was revoked here.
    Restored(EnrolledKiosk),
    /// Not added: its letter is held here by another kiosk in use (`holder`).
    LetterInUse {
        incoming: EnrolledKiosk,
        holder: EnrolledKiosk,
    },
}

/// What merging `incoming` into `current` would change; the latest state of each kiosk
/// wins (on a tie, revoked). A kiosk that would be in use with a letter another kiosk in use
/// holds (here, or earlier in the same file) is not added or restored.
pub fn plan(current: &[EnrolledKiosk], incoming: &[EnrolledKiosk]) -> Vec<KioskChange> {
    let mut changes = Vec::new();
    let mut projected = current.to_vec();
    for k in incoming {
        let holder = |list: &[EnrolledKiosk]| {
            let others: Vec<EnrolledKiosk> = list
                .iter()
                .filter(|o| o.public != k.public)
                .cloned()
                .collect();
            EnrolledKiosk::holding_letter(&others, k.letter).cloned()
        };
        let change = match projected.iter().find(|c| c.public == k.public) {
            Some(here) => {
                let newer = EnrolledKiosk::latest(here, k);
                if !std::ptr::eq(newer, k) || here.is_revoked() == k.is_revoked() {
                    continue;
                }
                match (k.is_revoked(), holder(&projected)) {
                    (true, _) => KioskChange::Revoked(k.clone()),
                    (false, None) => KioskChange::Restored(k.clone()),
                    (false, Some(holder)) => KioskChange::LetterInUse {
                        incoming: k.clone(),
                        holder,
                    },
                }
            }
            None => match holder(&projected) {
                Some(holder) if !k.is_revoked() => KioskChange::LetterInUse {
                    incoming: k.clone(),
                    holder,
                },
                _ => KioskChange::Added(k.clone()),
            },
        };
        projected = apply(&projected, std::slice::from_ref(&change));
        changes.push(change);
    }
    changes
}

/// `current` with `changes` made (a kiosk whose letter is in use is left out).
pub fn apply(current: &[EnrolledKiosk], changes: &[KioskChange]) -> Vec<EnrolledKiosk> {
    let mut list = current.to_vec();
    for change in changes {
        match change {
            KioskChange::Added(k) => list.push(k.clone()),
            KioskChange::Revoked(k) | KioskChange::Restored(k) => {
                if let Some(here) = list.iter_mut().find(|c| c.public == k.public) {
                    here.state = k.state;
                    here.state_since_minutes = k.state_since_minutes;
                }
            }
            KioskChange::LetterInUse { .. } => {}
        }
    }
    list
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::Minutes;
    use crate::handoff::{HandoffId, KioskLetter, KioskState};

    fn ring() -> Keyring {
        Keyring::new(KeyPair::generate().expect("a key"), Minutes(1))
    }

    fn kiosk(letter: char, at: u32) -> EnrolledKiosk {
        let public = KeyPair::generate().expect("a key").public().clone();
        let letter = KioskLetter::from_char(letter).expect("a letter");
        EnrolledKiosk::enrolled(public, letter, Minutes(at))
    }

    #[test]
    fn only_a_holder_of_the_staff_key_makes_a_file_this_desk_takes() {
        let centre = ring();
        let list = vec![kiosk('A', 10), kiosk('B', 20)];
        let file = export_kiosks(&centre, &list).expect("exports");
        assert_eq!(import(&file, &centre), Ok(Incoming::Kiosks(list.clone())));
        assert!(
            !file.contains(&list[0].public.to_hex()),
            "sealed, not only signed"
        );

        // Another centre's desk, and a forger who knows only the public key (a file sealed
        // to the public key, as a kiosk seals, is no file of this format).
        assert_eq!(import(&file, &ring()), Err(TransferError::NotThisCentre));
        let forged = export_kiosks(&ring(), &list).expect("exports");
        assert_eq!(import(&forged, &centre), Err(TransferError::NotThisCentre));
        assert!(
            !file.contains(&centre.current().public().to_hex()),
            "nothing names the centre's key"
        );

        // A kiosk list passed off as opened codes.
        let mut swapped: serde_json::Value = serde_json::from_str(&file).expect("json");
        swapped["kind"] = "opened".into();
        assert_eq!(
            import(&swapped.to_string(), &centre),
            Err(TransferError::NotThisCentre)
        );
        let mut newer: serde_json::Value = serde_json::from_str(&file).expect("json");
        newer["format"] = "anh-duong-desk-transfer-9".into();
        assert_eq!(
            import(&newer.to_string(), &centre),
            Err(TransferError::OtherVersion)
        );
        assert_eq!(import("{}", &centre), Err(TransferError::NotATransfer));
        assert_eq!(
            import("not json", &centre),
            Err(TransferError::NotATransfer)
        );

        // After a loss, a file made with the old key (whoever took the device holds it) is
        // refused; after a routine change it is still taken.
        let old = centre.current().clone();
        let mut after_loss = centre.clone();
        let fresh = KeyPair::generate().expect("a key");
        after_loss
            .rotate(fresh.clone(), Minutes(9), true, crate::clock::Span::days(7))
            .expect("rotates");
        assert_eq!(
            import(&file, &after_loss),
            Err(TransferError::NotThisCentre)
        );
        let mut routine = Keyring::new(old, Minutes(1));
        routine
            .rotate(fresh, Minutes(9), false, crate::clock::Span::days(7))
            .expect("rotates");
        assert!(import(&file, &routine).is_ok());

        let mut opened = ReplayMemory::default();
        opened.remember(HandoffId([3; 8]), Minutes(5));
        let file = export_opened(&centre, &opened).expect("exports");
        assert_eq!(import(&file, &centre), Ok(Incoming::Opened(opened)));
    }

    #[test]
    fn the_latest_state_of_each_kiosk_wins_and_a_letter_in_use_is_not_taken() {
        let a = kiosk('A', 10);
        let b = kiosk('B', 10);
        let here = vec![a.clone(), b.clone()];
        // The other desk revoked A later; had B revoked earlier than B's change here; has
        // a new kiosk C, and another kiosk with letter B.
        let mut a_revoked = a.clone();
        a_revoked.set_state(KioskState::Revoked, Minutes(50));
        let mut b_old = b.clone();
        b_old.set_state(KioskState::Revoked, Minutes(5));
        let c = kiosk('C', 30);
        let second_b = kiosk('B', 40);
        let changes = plan(
            &here,
            &[a_revoked.clone(), b_old, c.clone(), second_b.clone()],
        );
        assert_eq!(
            changes,
            vec![
                KioskChange::Revoked(a_revoked),
                KioskChange::Added(c.clone()),
                KioskChange::LetterInUse {
                    incoming: second_b,
                    holder: b.clone()
                },
            ]
        );
        let merged = apply(&here, &changes);
        assert_eq!(merged.len(), 3);
        assert!(merged[0].is_revoked());
        assert!(!merged[1].is_revoked(), "an older revocation does not win");
        assert_eq!(merged[2], c);

        // Restored there after it was revoked here.
        let mut revoked_here = a.clone();
        revoked_here.set_state(KioskState::Revoked, Minutes(60));
        let mut restored = a.clone();
        restored.set_state(KioskState::Restored, Minutes(70));
        let changes = plan(std::slice::from_ref(&revoked_here), &[restored.clone()]);
        assert_eq!(changes, vec![KioskChange::Restored(restored)]);
        assert!(!apply(&[revoked_here], &changes)[0].is_revoked());
        // Nothing new: nothing to change.
        assert_eq!(plan(&merged, &merged), vec![]);

        // Two new kiosks with one letter in the same file: the second is not added. A kiosk
        // restored there while its letter is in use here again is not restored.
        let d1 = kiosk('D', 80);
        let d2 = kiosk('D', 81);
        let changes = plan(&[], &[d1.clone(), d2.clone()]);
        assert_eq!(changes[0], KioskChange::Added(d1.clone()));
        assert!(matches!(&changes[1], KioskChange::LetterInUse { holder, .. } if *holder == d1));
        let mut lost = kiosk('E', 10);
        lost.set_state(KioskState::Revoked, Minutes(20));
        let replacement = kiosk('E', 30);
        let mut found = lost.clone();
        found.set_state(KioskState::Restored, Minutes(40));
        let changes = plan(&[lost, replacement.clone()], &[found]);
        assert!(
            matches!(&changes[0], KioskChange::LetterInUse { holder, .. } if *holder == replacement)
        );
    }
}
