//! What one scan at the desk does, decided here so the page only draws it: a kiosk's
//! enrolment goes to the enrol field; a code opens with the desk's keys into a case sheet,
//! is checked against the codes opened before (for `replay_memory_days`); anything else is
//! refused with its kind. A scan counts no one: a case is counted when staff record her
//! decisions (`desk::recording`).
use super::case_sheet::CaseSheet;
use super::keyring::{Keyring, SealedTo};
use super::replay::ReplayMemory;
use crate::clock::{Minutes, Span};
use crate::config::CentreConfig;
use crate::handoff::{DEFAULT_WINDOW, EnrolledKiosk, Handoff, OpenError};
use crate::pairing::Enrolment;

/// What the desk keeps between scans. `opened` is `None` while the kept list of opened
/// codes cannot be read: then a second scan cannot be noticed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DeskMemory {
    pub kiosks: Vec<EnrolledKiosk>,
    pub opened: Option<ReplayMemory>,
}

/// Whether this code was opened on this desk before.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Replay {
    First,
    SeenBefore,
    /// The list of opened codes cannot be read: unknown.
    Unknown,
}

/// A code that opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScannedCase {
    pub sheet: CaseSheet,
    pub handoff: Handoff,
    pub sealed_to: SealedTo,
    pub replay: Replay,
}

/// The outcome of one scan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scanned {
    /// A kiosk's enrolment line (`A=<key>`), trimmed: for the enrol field.
    KioskKey(String),
    /// Another desk's kiosk list (`DK1…`), trimmed: for the kiosks view, to merge.
    DeskKiosks(String),
    Case(Box<ScannedCase>),
    Refused(OpenError),
}

/// Is a scan new, or the case that was open when the desk locked, brought back?
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Freshness {
    /// Scanned now: remembered, the kiosk marked as seen.
    Fresh,
    /// Reopened after unlock: shown as it was, nothing remembered again.
    Reopened,
}

/// Scans `text` at `now`, updating `memory` (the kiosk seen, the code remembered) when
/// fresh.
pub fn scan(
    text: &str,
    ring: &Keyring,
    memory: &mut DeskMemory,
    config: &CentreConfig,
    now: Minutes,
    freshness: Freshness,
) -> Scanned {
    if Enrolment::looks_like(text) && Enrolment::parse(text).is_ok() {
        return Scanned::KioskKey(text.trim().to_owned());
    }
    if super::transfer_qr::looks_like(text) {
        return Scanned::DeskKiosks(text.trim().to_owned());
    }
    let opened = match ring.open(text, &memory.kiosks, now, DEFAULT_WINDOW) {
        Ok(o) => o,
        Err(e) => return Scanned::Refused(e),
    };
    let handoff = opened.opened.handoff.clone();
    if freshness == Freshness::Reopened {
        return Scanned::Case(Box::new(ScannedCase {
            sheet: CaseSheet::new(&opened.opened, config, false),
            handoff,
            sealed_to: opened.sealed_to,
            replay: Replay::First,
        }));
    }
    // The kiosk seen last is tried first next time.
    if let Some(k) = memory.kiosks.get_mut(opened.opened.kiosk_index) {
        k.last_seen_minutes = now;
    }
    let keep = Span::days(config.replay_memory_days);
    let (replay, same_ticket_today) = match memory.opened.as_mut() {
        None => (Replay::Unknown, false),
        Some(list) => {
            let noticed = list.check_and_remember(
                handoff.id,
                handoff.ticket,
                handoff.created_minutes,
                now,
                keep,
            );
            let replay = if noticed.seen_before {
                Replay::SeenBefore
            } else {
                Replay::First
            };
            (replay, noticed.same_ticket_today)
        }
    };
    let mut sheet = CaseSheet::new(&opened.opened, config, replay == Replay::SeenBefore);
    sheet.same_ticket_today = same_ticket_today;
    Scanned::Case(Box::new(ScannedCase {
        sheet,
        handoff,
        sealed_to: opened.sealed_to,
        replay,
    }))
}
