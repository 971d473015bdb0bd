//! The cases a desk keeps once her decisions are recorded: her code (already sealed to the
//! staff key) and the decisions, sealed again under a key derived from the staff key that
//! was current when they were kept, so the browser's storage holds nothing readable without
//! the key. Each record carries in clear only its handoff id (the replay memory holds the
//! same ids) and the moment it is deleted, so a desk nobody unlocks still deletes on time.
//! Retention is `case_keep_days` of the centre's configuration (docs/retention.md).
use super::decisions::Recorded;
use super::keyring::Keyring;
use super::wrap::{hex, unhex};
use crate::clock::{Minutes, Span};
use crate::handoff::HandoffId;
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{ChaCha20Poly1305, Key, Nonce};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::fmt;

/// What the derived key is for (a key derived for another use cannot open records).
const RECORDS_KEY: &[u8] = b"case records";

/// A case as the desk keeps it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseRecord {
    /// Her code as scanned: opens again into the case sheet with the staff key.
    pub code: String,
    pub recorded: Recorded,
    /// Whether she is counted in this desk's statistics.
    pub counted: bool,
}

/// One record, sealed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SealedRecord {
    pub handoff: HandoffId,
    /// Deleted from the desk at this moment, whoever unlocks it or not.
    pub delete_at: Minutes,
    /// The staff public key whose derived key seals it.
    staff_key: String,
    nonce: String,
    ciphertext: String,
}

/// Why a record could not be kept or read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum RecordError {
    #[error("the device gave no randomness")]
    NoRandomness,
    #[error("no key of this desk opens the record (the key that sealed it was deleted)")]
    NoKey,
    #[error("the record is damaged")]
    Damaged,
}

/// The desk's kept cases, sealed, in the order they were kept.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Records(Vec<SealedRecord>);

impl Records {
    /// Keeps `record` (replacing an earlier one of the same handoff), to be deleted `keep`
    /// after `now`.
    pub fn put(
        &mut self,
        ring: &Keyring,
        record: &CaseRecord,
        now: Minutes,
        keep: Span,
    ) -> Result<(), RecordError> {
        let pair = ring.current();
        let key = pair.derive_key(RECORDS_KEY);
        let mut nonce = [0u8; 12];
        getrandom::fill(&mut nonce).map_err(|_| RecordError::NoRandomness)?;
        let plain =
            zeroize::Zeroizing::new(serde_json::to_vec(record).map_err(|_| RecordError::Damaged)?);
        let handoff = record.recorded.handoff;
        let ciphertext = ChaCha20Poly1305::new(&Key::from(*key))
            .encrypt(
                &Nonce::from(nonce),
                Payload {
                    msg: &plain,
                    aad: &handoff.0,
                },
            )
            .map_err(|_| RecordError::NoRandomness)?;
        self.delete(handoff);
        self.0.push(SealedRecord {
            handoff,
            delete_at: now.after(keep),
            staff_key: pair.public().to_hex(),
            nonce: hex(&nonce),
            ciphertext: hex(&ciphertext),
        });
        Ok(())
    }

    /// The record of `handoff`, opened with the desk's keys.
    pub fn get(
        &self,
        ring: &Keyring,
        handoff: HandoffId,
    ) -> Option<Result<CaseRecord, RecordError>> {
        self.0
            .iter()
            .find(|r| r.handoff == handoff)
            .map(|r| open(ring, r))
    }

    /// Every record that opens, with the moment it is deleted.
    pub fn all(&self, ring: &Keyring) -> Vec<(CaseRecord, Minutes)> {
        self.0
            .iter()
            .filter_map(|r| open(ring, r).ok().map(|c| (c, r.delete_at)))
            .collect()
    }

    /// Deletes the record of `handoff`; returns whether there was one.
    pub fn delete(&mut self, handoff: HandoffId) -> bool {
        let before = self.0.len();
        self.0.retain(|r| r.handoff != handoff);
        self.0.len() != before
    }

    /// Deletes every record whose time has come; returns how many.
    pub fn delete_expired(&mut self, now: Minutes) -> usize {
        let before = self.0.len();
        self.0.retain(|r| now < r.delete_at);
        before - self.0.len()
    }

    /// How many records are kept (sealed; some may no longer open).
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether nothing is kept.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

fn open(ring: &Keyring, sealed: &SealedRecord) -> Result<CaseRecord, RecordError> {
    let staff = ring
        .keys()
        .iter()
        .find(|k| k.pair.public().to_hex() == sealed.staff_key)
        .ok_or(RecordError::NoKey)?;
    let key = staff.pair.derive_key(RECORDS_KEY);
    let nonce: [u8; 12] = unhex(&sealed.nonce)
        .and_then(|n| n.try_into().ok())
        .ok_or(RecordError::Damaged)?;
    let ciphertext = unhex(&sealed.ciphertext).ok_or(RecordError::Damaged)?;
    let plain = zeroize::Zeroizing::new(
        ChaCha20Poly1305::new(&Key::from(*key))
            .decrypt(
                &Nonce::from(nonce),
                Payload {
                    msg: &ciphertext,
                    aad: &sealed.handoff.0,
                },
            )
            .map_err(|_| RecordError::Damaged)?,
    );
    let record: CaseRecord = serde_json::from_slice(&plain).map_err(|_| RecordError::Damaged)?;
    if record.recorded.handoff != sealed.handoff {
        return Err(RecordError::Damaged);
    }
    Ok(record)
}

/// The case's reference on referral slips and exports: the same at every desk of the
/// centre (it comes from the handoff id inside her code), unique across them (48 bits), and
/// not her ticket, which is called out in the waiting room. Upper-case hexadecimal in three
/// groups, read aloud easily over the phone: `HS-3F9A-C21B-7E04`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct CaseRef([u8; 6]);

impl CaseRef {
    /// The reference of a handoff.
    pub fn of(handoff: HandoffId) -> CaseRef {
        let digest = Sha256::new()
            .chain_update(b"anh-duong case reference v1")
            .chain_update(handoff.0)
            .finalize();
        let mut out = [0u8; 6];
        out.copy_from_slice(&digest[..6]);
        CaseRef(out)
    }
}

impl fmt::Display for CaseRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let h = hex(&self.0).to_uppercase();
        write!(f, "HS-{}-{}-{}", &h[0..4], &h[4..8], &h[8..12])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::desk::decisions::{Decisions, Initials, Recorded};
    use crate::handoff::KeyPair;

    fn ring() -> Keyring {
        Keyring::new(KeyPair::generate().expect("key"), Minutes(0))
    }

    fn record(id: u8) -> CaseRecord {
        let mut d = Decisions::draft(&crate::answers::Answers::default());
        d.consent_services = Some(true);
        d.enter_in_records = Some(false);
        d.count_in_reports = Some(true);
        CaseRecord {
            code: format!("{id}0000"),
            recorded: Recorded::record(
                None,
                HandoffId([id; 8]),
                d,
                Initials::parse("AB").expect("initials"),
                Minutes(10),
            )
            .expect("recorded"),
            counted: true,
        }
    }

    #[test]
    fn records_open_with_the_desk_key_and_are_deleted_on_time() {
        let ring = ring();
        let mut kept = Records::default();
        let day = Span::days(1);
        kept.put(&ring, &record(1), Minutes(100), day)
            .expect("kept");
        kept.put(&ring, &record(2), Minutes(200), day)
            .expect("kept");
        kept.put(&ring, &record(1), Minutes(300), day)
            .expect("replaced");
        assert_eq!(kept.len(), 2, "one record per handoff");
        assert_eq!(kept.get(&ring, HandoffId([1; 8])), Some(Ok(record(1))));
        let text = serde_json::to_string(&kept).expect("serialises");
        assert!(!text.contains("10000") && !text.contains("AB"), "{text}");
        let back: Records = serde_json::from_str(&text).expect("parses");
        assert_eq!(back.all(&ring).len(), 2);
        // Another desk's key opens nothing.
        assert_eq!(
            kept.get(&self::ring(), HandoffId([2; 8])),
            Some(Err(RecordError::NoKey))
        );
        assert!(kept.delete(HandoffId([2; 8])));
        assert!(!kept.delete(HandoffId([2; 8])));
        assert_eq!(kept.delete_expired(Minutes(300).after(day)), 1);
        assert!(kept.is_empty());
    }

    #[test]
    fn a_record_moved_to_another_id_does_not_open() {
        let ring = ring();
        let mut kept = Records::default();
        kept.put(&ring, &record(1), Minutes(0), Span::days(1))
            .expect("kept");
        let text = serde_json::to_string(&kept).expect("serialises").replacen(
            "[1,1,1,1,1,1,1,1]",
            "[3,3,3,3,3,3,3,3]",
            1,
        );
        let moved: Records = serde_json::from_str(&text).expect("parses");
        assert_eq!(
            moved.get(&ring, HandoffId([3; 8])),
            Some(Err(RecordError::Damaged))
        );
    }

    #[test]
    fn a_case_reference_is_stable_and_is_not_the_id() {
        let r = CaseRef::of(HandoffId([0xab; 8])).to_string();
        assert_eq!(r, CaseRef::of(HandoffId([0xab; 8])).to_string());
        assert_ne!(r, CaseRef::of(HandoffId([0xac; 8])).to_string());
        assert!(!r.to_lowercase().contains("abab"));
        assert_eq!(r.len(), "HS-0000-0000-0000".len());
        assert!(r.starts_with("HS-"));
    }
}
