//! Recording her decisions at the desk: the one step that keeps a case and counts her.
//! A scan only shows; here the decisions are checked (nothing undecided), kept sealed on the
//! desk for `case_keep_days`, and "count in reports" adds her to the statistics once — or
//! takes her out again if she withdraws — however often the case is recorded, while her
//! month is open (`desk::stats`).
use super::decisions::{Decisions, Initials, Missing, Recorded};
use super::records::{CaseRecord, RecordError, Records};
use super::stats::Statistics;
use crate::clock::{Minutes, Span};
use crate::config::CentreConfig;
use crate::handoff::Handoff;

/// What the desk keeps about recorded cases.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DeskBook {
    pub records: Records,
    /// The counts; while her month is open they hold her case's id, so she is counted once
    /// even after her record is deleted.
    pub statistics: Statistics,
}

/// Why the decisions were not recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotRecorded {
    /// Something is still to decide with her.
    Missing(Vec<Missing>),
    /// The record could not be sealed.
    Keep(RecordError),
}

/// Records `decisions` for the case of `handoff` (scanned as `code`) by `by` at `now`,
/// updating `book`. Returns the kept record.
#[allow(clippy::too_many_arguments)]
pub fn record(
    ring: &super::keyring::Keyring,
    book: &mut DeskBook,
    code: &str,
    handoff: &Handoff,
    decisions: Decisions,
    by: Initials,
    now: Minutes,
    config: &CentreConfig,
) -> Result<CaseRecord, NotRecorded> {
    let previous = book
        .records
        .get(ring, handoff.id)
        .and_then(Result::ok)
        .map(|r| r.recorded);
    let count = decisions.count_in_reports == Some(true);
    let recorded =
        Recorded::record(previous, handoff.id, decisions, by, now).map_err(NotRecorded::Missing)?;
    let mut statistics = book.statistics.clone();
    // A clock set back does not reopen a closed month.
    let stats_now = ring.now(now);
    let counted = if count {
        statistics.add(handoff.id, &handoff.answers, stats_now)
    } else {
        statistics.remove(handoff.id, stats_now);
        false
    };
    let record = CaseRecord {
        code: code.trim().to_owned(),
        recorded,
        counted,
    };
    let mut records = book.records.clone();
    records
        .put(ring, &record, now, Span::days(config.case_keep_days))
        .map_err(NotRecorded::Keep)?;
    // All or nothing: the book changes only once the record is sealed.
    *book = DeskBook {
        records,
        statistics,
    };
    Ok(record)
}

/// Deletes a case from this desk ("delete this case from this desk"): its record goes;
/// the counts stay, with her id while her month is open (so she is not counted twice).
pub fn delete(book: &mut DeskBook, handoff: &Handoff) -> bool {
    book.records.delete(handoff.id)
}
