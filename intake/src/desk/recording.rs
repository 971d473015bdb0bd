//! Recording her decisions at the desk: the one step that keeps a case and counts her.
//! A scan only shows; here the decisions are checked (nothing undecided), kept sealed on the
//! desk for `case_keep_days`, and "count in reports" adds her to the statistics once — or
//! takes her out again if she withdraws — however often the case is recorded.
use super::decisions::{Decisions, Initials, Missing, Recorded};
use super::records::{CaseRecord, RecordError, Records};
use super::replay::ReplayMemory;
use super::stats::Statistics;
use crate::clock::{Minutes, Span};
use crate::config::CentreConfig;
use crate::handoff::Handoff;

/// What the desk keeps about recorded cases.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DeskBook {
    pub records: Records,
    pub statistics: Statistics,
    /// The ids of the cases counted (ids only): a case is counted once even after its
    /// record is deleted. Kept for `replay_memory_days`, like the ids of opened codes.
    pub counted: ReplayMemory,
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
    let keep_ids = Span::days(config.replay_memory_days);
    let mut counted = book.counted.clone();
    let mut statistics = book.statistics.clone();
    counted.forget_older_than(now, keep_ids);
    let was_counted = counted.contains(handoff.id);
    if count && !was_counted {
        statistics.add(handoff.created_minutes, &handoff.answers);
        counted.remember(handoff.id, now);
    } else if !count && was_counted {
        statistics.remove(handoff.created_minutes, &handoff.answers);
        counted.forget(handoff.id);
    }
    let record = CaseRecord {
        code: code.trim().to_owned(),
        recorded,
        counted: count,
    };
    let mut records = book.records.clone();
    records
        .put(ring, &record, now, Span::days(config.case_keep_days))
        .map_err(NotRecorded::Keep)?;
    // All or nothing: the book changes only once the record is sealed.
    *book = DeskBook {
        records,
        statistics,
        counted,
    };
    Ok(record)
}

/// Deletes a case from this desk ("delete this case from this desk"): its record goes;
/// the anonymous counts stay (they hold no id), and so does the id that keeps her from
/// being counted twice.
pub fn delete(book: &mut DeskBook, handoff: &Handoff) -> bool {
    book.records.delete(handoff.id)
}
