//! The file the desk's "Export for Primero" writes: her code as scanned (still sealed to the
//! staff key) and the latest recording of her decisions, sealed under a key derived from the
//! staff private key (`desk::under_key`): no one who can merely edit a file in Downloads can
//! change what she decided (turn a refusal of case records into an agreement), and no one
//! without the staff key can read it. The handoff tool opens both with the staff key's
//! backup and builds Primero's body from them: what goes to Primero is what she decided with
//! staff, never a kiosk tap alone.
use crate::desk::decisions::Entry;
use crate::desk::under_key::{UnderKey, UnderKeyError, open, seal};
use crate::handoff::{HandoffId, KeyPair};
use serde::{Deserialize, Serialize};

/// The format's name and version.
pub const FORMAT: &str = "anh-duong-decisions-2";

/// What the decisions are sealed for (the handoff id is added, so a file's decisions cannot
/// be moved onto another case).
const PURPOSE: &[u8] = b"primero export: decisions v2";

/// One recorded case, for Primero.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DecisionsFile {
    pub format: String,
    pub handoff: HandoffId,
    pub code: String,
    decided: UnderKey,
}

fn purpose(handoff: HandoffId) -> Vec<u8> {
    [PURPOSE, b":", &handoff.0].concat()
}

impl DecisionsFile {
    /// The file for a recorded case, sealed under `staff`.
    pub fn new(
        staff: &KeyPair,
        handoff: HandoffId,
        code: &str,
        decided: &Entry,
    ) -> Result<DecisionsFile, UnderKeyError> {
        let plain = zeroize::Zeroizing::new(
            serde_json::to_vec(decided).map_err(|_| UnderKeyError::Damaged)?,
        );
        Ok(DecisionsFile {
            format: FORMAT.to_owned(),
            handoff,
            code: code.trim().to_owned(),
            decided: seal(staff, &purpose(handoff), &plain)?,
        })
    }

    /// Reads a file, refusing another format.
    pub fn parse(text: &str) -> Result<DecisionsFile, String> {
        let f: DecisionsFile = serde_json::from_str(text).map_err(|e| e.to_string())?;
        if f.format != FORMAT {
            return Err(format!("format {:?}, expected {FORMAT:?}", f.format));
        }
        Ok(f)
    }

    /// Her decisions, opened with whichever of `staff` sealed them.
    pub fn decided(&self, staff: &[KeyPair]) -> Result<Entry, UnderKeyError> {
        let plain = open(staff, &purpose(self.handoff), &self.decided)?;
        serde_json::from_slice(&plain).map_err(|_| UnderKeyError::Damaged)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::Minutes;
    use crate::desk::decisions::{Decisions, Initials};

    #[test]
    fn her_decisions_open_only_with_the_staff_key_and_any_change_is_refused() {
        let staff = KeyPair::generate().expect("a key");
        let mut d = Decisions::draft(&crate::Answers::default());
        d.enter_in_records = Some(false);
        let entry = Entry {
            decisions: d,
            by: Initials::parse("LT").expect("initials"),
            at: Minutes(5),
        };
        let file = DecisionsFile::new(&staff, HandoffId([1; 8]), "TK123", &entry).expect("seals");
        let text = serde_json::to_string(&file).expect("json");
        assert!(!text.contains("enter_in_records") && !text.contains("LT"));
        let back = DecisionsFile::parse(&text).expect("parses");
        assert_eq!(back.decided(std::slice::from_ref(&staff)), Ok(entry));
        // Moved onto another case, or opened with another key: refused.
        let mut moved = back.clone();
        moved.handoff = HandoffId([2; 8]);
        assert_eq!(
            moved.decided(std::slice::from_ref(&staff)),
            Err(UnderKeyError::NoKey)
        );
        let other = KeyPair::generate().expect("a key");
        assert_eq!(back.decided(&[other]), Err(UnderKeyError::NoKey));
    }
}
