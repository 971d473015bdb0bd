//! The file the desk's "Export for Primero" writes: her code as scanned (still sealed to the
//! staff key) and the latest recording of her decisions. The handoff tool opens the code with
//! the staff key's backup and builds Primero's body from the two (`handoff primero body`):
//! what goes to Primero is what she decided with staff, never a kiosk tap alone.
use crate::desk::decisions::Entry;
use crate::handoff::HandoffId;
use serde::{Deserialize, Serialize};

/// The format's name and version.
pub const FORMAT: &str = "anh-duong-decisions-1";

/// One recorded case, for Primero.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DecisionsFile {
    pub format: String,
    pub handoff: HandoffId,
    pub code: String,
    pub decided: Entry,
}

impl DecisionsFile {
    /// The file for a recorded case.
    pub fn new(handoff: HandoffId, code: &str, decided: Entry) -> DecisionsFile {
        DecisionsFile {
            format: FORMAT.to_owned(),
            handoff,
            code: code.trim().to_owned(),
            decided,
        }
    }

    /// Reads a file, refusing another format.
    pub fn parse(text: &str) -> Result<DecisionsFile, String> {
        let f: DecisionsFile = serde_json::from_str(text).map_err(|e| e.to_string())?;
        if f.format != FORMAT {
            return Err(format!("format {:?}, expected {FORMAT:?}", f.format));
        }
        Ok(f)
    }
}
