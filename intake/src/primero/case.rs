//! One case as it goes to Primero: its derived id, the body of `POST /api/v2/cases`, and the
//! flags staff ticked. Built only when she agreed with staff that her case is entered in the
//! centre's case records; otherwise nothing of hers goes to Primero.
use super::body::{body, case_id};
use super::flags::{flag_body, messages};
use super::mapping::Mapping;
use crate::desk::decisions::Entry;
use crate::handoff::{Handoff, KioskId};
use serde_json::Value;

/// What goes to Primero for one case.
#[derive(Debug, Clone, PartialEq)]
pub struct PrimeroCase {
    /// The lowercase UUID Primero keeps the case under.
    pub id: String,
    /// `{"data": {…}}` for `POST /api/v2/cases`.
    pub body: Value,
    /// The messages of the flags staff ticked, each posted once.
    pub flags: Vec<String>,
}

/// Why a case does not go to Primero.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum NotForPrimero {
    #[error(
        "she has not agreed with staff that her case is entered in the case records: nothing of hers goes to Primero"
    )]
    NoAgreementToRecords,
}

impl PrimeroCase {
    /// The case for her recorded decisions; `language` names her spoken language for a flag.
    pub fn new(
        kiosk: KioskId,
        handoff: &Handoff,
        decided: &Entry,
        mapping: &Mapping,
        language: &str,
    ) -> Result<PrimeroCase, NotForPrimero> {
        if decided.decisions.enter_in_records != Some(true) {
            return Err(NotForPrimero::NoAgreementToRecords);
        }
        Ok(PrimeroCase {
            id: case_id(kiosk, handoff),
            body: body(kiosk, handoff, decided, mapping),
            flags: messages(handoff, decided, language),
        })
    }

    /// The flag bodies, in order.
    pub fn flag_bodies(&self) -> Vec<Value> {
        self.flags.iter().map(|m| flag_body(m)).collect()
    }
}
