//! Anonymous statistics, only for cases whose recorded decision is "count in reports": counts
//! by month (the centre's local month in which her decisions were recorded) × service × age
//! band × sex.
//!
//! A month goes through three stages, counted from its end:
//! - **open** (until [`CLOSE_AFTER_DAYS`]): a case recorded now counts in its month, and is
//!   taken out again if she withdraws. Each counted case is kept as its handoff id → cells,
//!   so a case opened at two desks is counted once when their months are combined;
//! - **closed**: nothing changes any more. Only closed months are reported (the desk's CSV,
//!   a month exported for the centre's report, the combined report), so every report of a
//!   month shows the same numbers: two reports made at different times cannot be subtracted
//!   to find one person;
//! - **reduced** (from [`REDUCE_AFTER_DAYS`]): the ids are dropped, the exact counts stay.
//!
//! Counts below [`SMALLEST_SHOWN`] are shown as "<5" (after combining desks), and no totals
//! are given, so no hidden cell can be worked out from the others. Counts are kept for
//! [`KEEP_MONTHS`] months. On the device they are sealed under the staff key (`SealedStatistics`).
use super::month_of;
use super::under_key::{UnderKey, UnderKeyError, open, seal};
use crate::answers::{AgeBand, Answers, Sex};
use crate::clock::{Minutes, Span};
use crate::handoff::{HandoffId, KeyPair};
use crate::services::Service;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The smallest count shown as a number.
pub const SMALLEST_SHOWN: u32 = 5;

/// Months the desk keeps counts: this month and the 24 before it (two yearly reports).
pub const KEEP_MONTHS: u32 = 24;

/// Days after a month ends until it is closed: cases recorded later do not change it.
pub const CLOSE_AFTER_DAYS: u32 = 10;

/// Days after a month ends until its case ids are dropped (each desk exports its closed
/// month for the centre's report before then).
pub const REDUCE_AFTER_DAYS: u32 = 40;

/// One cell: a service (or `none`), an age band, a sex — as the export's codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(into = "String")]
pub struct Cell {
    pub service: &'static str,
    pub age_band: &'static str,
    pub sex: &'static str,
}

impl From<Cell> for String {
    fn from(c: Cell) -> String {
        format!("{}/{}/{}", c.service, c.age_band, c.sex)
    }
}

impl<'de> Deserialize<'de> for Cell {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Cell, D::Error> {
        Cell::try_from(String::deserialize(d)?).map_err(serde::de::Error::custom)
    }
}

impl TryFrom<String> for Cell {
    type Error = String;

    fn try_from(text: String) -> Result<Cell, String> {
        let services: Vec<&'static str> = Service::ALL
            .iter()
            .map(|s| s.id())
            .chain(["none"])
            .collect();
        let ages: Vec<&'static str> = AgeBand::CHOICES.iter().map(|a| age_label(*a)).collect();
        let sexes = ["female", "male", "other", "unknown"];
        let known = |v: &str, all: &[&'static str]| {
            all.iter()
                .copied()
                .find(|a| *a == v)
                .ok_or_else(|| format!("unknown value {v:?}"))
        };
        let mut parts = text.split('/');
        let (Some(s), Some(a), Some(x), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err(format!("not a cell: {text:?}"));
        };
        Ok(Cell {
            service: known(s, &services)?,
            age_band: known(a, &ages)?,
            sex: known(x, &sexes)?,
        })
    }
}

/// One month's counting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Month {
    /// Each counted case's cells, by its handoff id.
    Cases(Vec<(HandoffId, Vec<Cell>)>),
    /// Exact counts only (ids dropped).
    Counts(BTreeMap<Cell, u32>),
}

impl Month {
    fn counts(&self) -> BTreeMap<Cell, u32> {
        match self {
            Month::Counts(c) => c.clone(),
            Month::Cases(cases) => {
                let mut out = BTreeMap::new();
                for cell in cases.iter().flat_map(|(_, cells)| cells) {
                    *out.entry(*cell).or_default() += 1;
                }
                out
            }
        }
    }
}

/// The stage of a month at a moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    Open,
    Closed,
    Reduced,
}

/// The desk's counts, by month (`YYYY-MM`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Statistics {
    months: BTreeMap<String, Month>,
}

/// One row of a table: month, cell, the count as shown, and whether the month is closed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub month: String,
    pub cell: Cell,
    pub shown: String,
    pub closed: bool,
}

impl Statistics {
    /// Counts one case in the month her decisions are recorded (`now`, by the desk's clock:
    /// a case is never lost to a month already closed, nor to a kiosk's wrong clock), once
    /// while any month holds her id; returns whether she is counted. Whether she is counted
    /// is her decision, recorded at the desk (`desk::recording`).
    pub fn add(&mut self, id: HandoffId, answers: &Answers, now: Minutes) -> bool {
        if self.contains(id) {
            return true;
        }
        let entry = self
            .months
            .entry(month_of(now))
            .or_insert_with(|| Month::Cases(Vec::new()));
        match entry {
            Month::Cases(cases) => {
                cases.push((id, cells(answers)));
                true
            }
            Month::Counts(_) => false,
        }
    }

    /// Whether case `id` is counted in a month that still holds ids.
    pub fn contains(&self, id: HandoffId) -> bool {
        self.months.values().any(|m| match m {
            Month::Cases(cases) => cases.iter().any(|(i, _)| *i == id),
            Month::Counts(_) => false,
        })
    }

    /// Takes case `id` out (she withdrew her consent to be counted) while its month is
    /// open; returns whether it was taken out. A closed month does not change: its counts
    /// are anonymous, and reported.
    pub fn remove(&mut self, id: HandoffId, now: Minutes) -> bool {
        for (month, m) in &mut self.months {
            if let Month::Cases(cases) = m
                && stage(month, now) == Stage::Open
                && let Some(at) = cases.iter().position(|(i, _)| *i == id)
            {
                cases.remove(at);
                return true;
            }
        }
        false
    }

    /// Drops the ids of months past [`REDUCE_AFTER_DAYS`] and forgets months older than
    /// [`KEEP_MONTHS`]; returns whether anything changed.
    pub fn maintain(&mut self, now: Minutes) -> bool {
        let oldest = month_minus(&month_of(now), KEEP_MONTHS);
        let before = self.clone();
        self.months
            .retain(|month, _| month.as_str() >= oldest.as_str());
        for (month, m) in &mut self.months {
            if stage(month, now) == Stage::Reduced && matches!(m, Month::Cases(_)) {
                *m = Month::Counts(m.counts());
            }
        }
        *self != before
    }

    /// Every month's cells, as shown on the desk: counts below 5 as "<5"; open months are
    /// marked (their numbers still change).
    pub fn rows(&self, now: Minutes) -> Vec<Row> {
        let mut out = Vec::new();
        for (month, m) in &self.months {
            let closed = stage(month, now) != Stage::Open;
            for (cell, n) in m.counts() {
                out.push(Row {
                    month: month.clone(),
                    cell,
                    shown: shown(n),
                    closed,
                });
            }
        }
        out
    }

    /// The closed months as CSV, with the same suppression and no totals: the centre's
    /// report when it has one desk (with several, combine every desk's month instead).
    pub fn to_csv(&self, now: Minutes) -> String {
        let closed: BTreeMap<String, BTreeMap<Cell, u32>> = self
            .months
            .iter()
            .filter(|(month, _)| stage(month, now) != Stage::Open)
            .map(|(month, m)| (month.clone(), m.counts()))
            .collect();
        csv(&closed)
    }

    /// The closed months this desk can export for the centre's report: each closed month it
    /// holds, and the latest closed month even with no case.
    pub fn closed_months(&self, now: Minutes) -> Vec<String> {
        let mut months: Vec<String> = self
            .months
            .keys()
            .filter(|m| stage(m, now) != Stage::Open)
            .cloned()
            .collect();
        let last = last_closed_month(now);
        if !months.contains(&last) {
            months.push(last);
            months.sort();
        }
        months
    }

    /// Month `month` of desk `desk` for the centre's report, once closed (a month with no
    /// case is exported too: every desk's month is needed).
    pub fn month_part(&self, desk: &str, month: &str, now: Minutes) -> Option<MonthPart> {
        if month.len() != 7 || stage(month, now) == Stage::Open {
            return None;
        }
        Some(MonthPart {
            desk: desk.to_owned(),
            month: month.to_owned(),
            counting: self
                .months
                .get(month)
                .cloned()
                .unwrap_or(Month::Cases(Vec::new())),
        })
    }
}

/// The latest closed month at `now` (what a desk exports for the monthly report).
pub fn last_closed_month(now: Minutes) -> String {
    let this = month_of(now);
    let last = month_minus(&this, 1);
    if stage(&last, now) == Stage::Open {
        month_minus(&this, 2)
    } else {
        last
    }
}

/// One desk's closed month, for combining.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MonthPart {
    /// The desk it comes from (a random name the desk keeps).
    pub desk: String,
    pub month: String,
    pub counting: Month,
}

/// Several desks' months combined.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Combined {
    pub months: BTreeMap<String, BTreeMap<Cell, u32>>,
    /// Months with a part whose ids were already dropped: a case opened at two desks may
    /// count twice there.
    pub without_ids: Vec<String>,
}

/// Why months were not combined into a report.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NotCombined {
    #[error("month {month}: the same desk's month is given twice")]
    SameDeskTwice { month: String },
    #[error(
        "month {month}: {have} of the centre's {desks} desks — combine every desk's month (a report of some desks could be subtracted from the whole to single out a person)"
    )]
    DesksMissing {
        month: String,
        have: usize,
        desks: u32,
    },
}

/// Combines the months of the centre's `desks` desks: every month needs each desk's part
/// once; a case (handoff id) counted at several desks counts once; parts without ids are
/// added as they are (and said).
pub fn combine(parts: &[MonthPart], desks: u32) -> Result<Combined, NotCombined> {
    let mut by_month: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for p in parts {
        let seen = by_month.entry(p.month.as_str()).or_default();
        if seen.contains(&p.desk.as_str()) {
            return Err(NotCombined::SameDeskTwice {
                month: p.month.clone(),
            });
        }
        seen.push(p.desk.as_str());
    }
    for (month, seen) in &by_month {
        if seen.len() != desks as usize {
            return Err(NotCombined::DesksMissing {
                month: (*month).to_owned(),
                have: seen.len(),
                desks,
            });
        }
    }
    Ok(combine_parts(parts))
}

fn combine_parts(parts: &[MonthPart]) -> Combined {
    let mut out = Combined::default();
    let mut cases: BTreeMap<String, Vec<(HandoffId, Vec<Cell>)>> = BTreeMap::new();
    for p in parts {
        match &p.counting {
            Month::Cases(list) => {
                let seen = cases.entry(p.month.clone()).or_default();
                for (id, cells) in list {
                    if !seen.iter().any(|(i, _)| i == id) {
                        seen.push((*id, cells.clone()));
                    }
                }
            }
            Month::Counts(counts) => {
                let month = out.months.entry(p.month.clone()).or_default();
                for (cell, n) in counts {
                    *month.entry(*cell).or_default() += n;
                }
                if !out.without_ids.contains(&p.month) {
                    out.without_ids.push(p.month.clone());
                }
            }
        }
    }
    for (month, list) in cases {
        let counts = Month::Cases(list).counts();
        let into = out.months.entry(month).or_default();
        for (cell, n) in counts {
            *into.entry(cell).or_default() += n;
        }
    }
    out
}

impl Combined {
    /// The combined report's cells, counts as shown ("<5" applied after combining).
    pub fn rows(&self) -> Vec<(String, Cell, String)> {
        self.months
            .iter()
            .flat_map(|(month, cells)| {
                cells
                    .iter()
                    .map(move |(cell, n)| (month.clone(), *cell, shown(*n)))
            })
            .collect()
    }

    /// The combined report as CSV: "<5" applied after combining, no totals.
    pub fn to_csv(&self) -> String {
        csv(&self.months)
    }
}

fn csv(months: &BTreeMap<String, BTreeMap<Cell, u32>>) -> String {
    let mut out = String::from("month,service,age_band,sex,count\n");
    for (month, cells) in months {
        for (c, n) in cells {
            out.push_str(&format!(
                "{month},{},{},{},{}\n",
                c.service,
                c.age_band,
                c.sex,
                shown(*n)
            ));
        }
    }
    out
}

/// The first moment of the month after `month` (`YYYY-MM`), in the centre's local time.
fn month_end(month: &str) -> Minutes {
    // Days from 1970-01-01 to the first of the next month, then back to UTC.
    let year: i64 = month.get(0..4).and_then(|y| y.parse().ok()).unwrap_or(1970);
    let m: i64 = month.get(5..7).and_then(|m| m.parse().ok()).unwrap_or(1);
    let (y, m) = if m == 12 {
        (year + 1, 1)
    } else {
        (year, m + 1)
    };
    let days = super::days_from_civil(y, m as u32, 1);
    let minutes = days * 24 * 60 - super::LOCAL_OFFSET_MINUTES;
    Minutes(u32::try_from(minutes.max(0)).unwrap_or(u32::MAX))
}

/// Where `month` stands at `now`.
pub fn stage(month: &str, now: Minutes) -> Stage {
    let end = month_end(month);
    if now < end + Span::days(CLOSE_AFTER_DAYS) {
        Stage::Open
    } else if now < end + Span::days(REDUCE_AFTER_DAYS) {
        Stage::Closed
    } else {
        Stage::Reduced
    }
}

/// `YYYY-MM` less `n` months.
fn month_minus(month: &str, n: u32) -> String {
    let year: i64 = month.get(0..4).and_then(|y| y.parse().ok()).unwrap_or(1970);
    let m: i64 = month.get(5..7).and_then(|m| m.parse().ok()).unwrap_or(1);
    let index = year * 12 + (m - 1) - i64::from(n);
    format!(
        "{:04}-{:02}",
        index.div_euclid(12),
        index.rem_euclid(12) + 1
    )
}

/// The cells one case counts in: one per service she chose (or `none`).
fn cells(answers: &Answers) -> Vec<Cell> {
    let age_band = age_label(answers.age_band);
    let sex = sex_label(answers.sex);
    if answers.services.is_empty() {
        return vec![Cell {
            service: "none",
            age_band,
            sex,
        }];
    }
    answers
        .services
        .iter()
        .map(|service| Cell {
            service: service.id(),
            age_band,
            sex,
        })
        .collect()
}

fn shown(n: u32) -> String {
    if n < SMALLEST_SHOWN {
        "<5".to_owned()
    } else {
        n.to_string()
    }
}

fn age_label(a: AgeBand) -> &'static str {
    match a {
        AgeBand::NotAsked | AgeBand::PreferNotToSay => "unknown",
        other => other.as_str(),
    }
}

fn sex_label(s: Sex) -> &'static str {
    match s {
        Sex::NotAsked | Sex::Skipped => "unknown",
        other => other.as_str(),
    }
}

/// What the statistics are sealed for on the device.
const AT_REST: &[u8] = b"statistics at rest v1";

fn open_month(month: &str, sealed: &UnderKey, keys: &[KeyPair]) -> Result<Month, UnderKeyError> {
    if month.len() != 7 {
        return Err(UnderKeyError::Damaged);
    }
    let purpose = [AT_REST, b":", month.as_bytes()].concat();
    let plain = open(keys, &purpose, sealed)?;
    serde_json::from_slice(&plain).map_err(|_| UnderKeyError::Damaged)
}

/// The statistics as the device keeps them: each month sealed under the staff key, its
/// label in the clear so that months past [`KEEP_MONTHS`] are deleted even while the desk
/// is locked.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SealedStatistics {
    months: BTreeMap<String, UnderKey>,
}

impl SealedStatistics {
    /// Seals every month of `stats` under `pair`.
    pub fn seal(stats: &Statistics, pair: &KeyPair) -> Result<SealedStatistics, UnderKeyError> {
        let mut months = BTreeMap::new();
        for (month, m) in &stats.months {
            let plain = serde_json::to_vec(m).map_err(|_| UnderKeyError::Damaged)?;
            let purpose = [AT_REST, b":", month.as_bytes()].concat();
            months.insert(month.clone(), seal(pair, &purpose, &plain)?);
        }
        Ok(SealedStatistics { months })
    }

    /// Opens each month with whichever of `keys` sealed it; a month none opens (sealed under
    /// a key since deleted, or damaged) is left out here and counted in the second value —
    /// and kept sealed by [`SealedStatistics::updated`], never written over.
    pub fn open(&self, keys: &[KeyPair]) -> (Statistics, usize) {
        let mut months = BTreeMap::new();
        let mut unopened = 0;
        for (month, sealed) in &self.months {
            match open_month(month, sealed, keys) {
                Ok(m) => {
                    months.insert(month.clone(), m);
                }
                Err(_) => unopened += 1,
            }
        }
        (Statistics { months }, unopened)
    }

    /// The kept statistics after a change: every month of `stats` sealed under `pair`, and
    /// each month kept here that `keys` cannot open, as it was.
    pub fn updated(
        &self,
        stats: &Statistics,
        pair: &KeyPair,
        keys: &[KeyPair],
    ) -> Result<SealedStatistics, UnderKeyError> {
        let mut next = SealedStatistics::seal(stats, pair)?;
        for (month, sealed) in &self.months {
            if !next.months.contains_key(month) && open_month(month, sealed, keys).is_err() {
                next.months.insert(month.clone(), sealed.clone());
            }
        }
        Ok(next)
    }

    /// Deletes months older than [`KEEP_MONTHS`] (no key needed); returns whether any were.
    pub fn forget_old_months(&mut self, now: Minutes) -> bool {
        let oldest = month_minus(&month_of(now), KEEP_MONTHS);
        let before = self.months.len();
        self.months
            .retain(|month, _| month.as_str() >= oldest.as_str());
        self.months.len() != before
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::services::ServiceSet;

    fn woman(services: &[Service]) -> Answers {
        Answers {
            age_band: AgeBand::Adult,
            sex: Sex::Female,
            services: ServiceSet::of(services.iter().copied()),
            ..Answers::default()
        }
    }

    fn id(n: u8) -> HandoffId {
        HandoffId([n; 8])
    }

    /// 2025-11-15 00:00 in the centre.
    const NOV: Minutes = Minutes(29_385_660);

    #[test]
    fn a_month_is_open_then_closed_then_reduced_counted_from_its_end() {
        // November 2025 ends at 2025-12-01 00:00 in the centre (UTC+7).
        let end = month_end("2025-11");
        assert_eq!(month_of(end), "2025-12");
        assert_eq!(month_of(Minutes(end.0 - 1)), "2025-11");
        assert_eq!(stage("2025-11", NOV), Stage::Open);
        assert_eq!(stage("2025-11", end + Span::days(9)), Stage::Open);
        assert_eq!(stage("2025-11", end + Span::days(10)), Stage::Closed);
        assert_eq!(stage("2025-11", end + Span::days(40)), Stage::Reduced);
        assert_eq!(month_end("2025-12"), month_end("2025-11") + Span::days(31));
    }

    #[test]
    fn small_counts_are_hidden_and_a_withdrawal_takes_a_case_out_while_open() {
        let mut s = Statistics::default();
        for n in 0..6 {
            assert!(s.add(id(n), &woman(&[Service::Health]), NOV));
        }
        for n in 10..12 {
            s.add(id(n), &woman(&[Service::Legal]), NOV);
        }
        // The same case again: once.
        s.add(id(0), &woman(&[Service::Health]), NOV);
        let closed = month_end("2025-11") + Span::days(CLOSE_AFTER_DAYS);
        assert_eq!(
            s.to_csv(NOV),
            "month,service,age_band,sex,count\n",
            "open: not reported"
        );
        let csv = s.to_csv(closed);
        assert!(csv.contains("2025-11,health,18_plus,female,6\n"), "{csv}");
        assert!(csv.contains("2025-11,legal,18_plus,female,<5\n"), "{csv}");
        assert!(!csv.to_lowercase().contains("total"));
        assert!(s.remove(id(10), NOV));
        assert!(
            !s.remove(id(10), NOV),
            "removing what is not there changes nothing"
        );
        // Closed: nothing changes any more; a case recorded now counts in the open month.
        assert!(!s.remove(id(11), closed));
        assert!(s.add(id(20), &woman(&[Service::Legal]), closed));
        assert!(
            !s.to_csv(closed).contains("2025-12"),
            "December is open: not reported"
        );
        assert_eq!(s.rows(closed).len(), 3);
        let damaged = serde_json::to_string(&s)
            .expect("json")
            .replace("health", "healht");
        assert!(
            serde_json::from_str::<Statistics>(&damaged).is_err(),
            "an unknown service is an error"
        );
    }

    #[test]
    fn reports_of_a_month_made_at_different_times_are_the_same() {
        // Successive reports cannot be subtracted: only closed months are reported, and a
        // closed month never changes — a late recording, a withdrawal, the ids dropped.
        let mut s = Statistics::default();
        for n in 0..7 {
            s.add(id(n), &woman(&[Service::Health, Service::Shelter]), NOV);
        }
        let closed = month_end("2025-11") + Span::days(CLOSE_AFTER_DAYS);
        let first = s.to_csv(closed);
        s.add(id(50), &woman(&[Service::Health]), closed + Span::days(1));
        s.remove(id(3), closed + Span::days(2));
        let reduced = month_end("2025-11") + Span::days(REDUCE_AFTER_DAYS);
        assert!(s.maintain(reduced));
        assert!(!s.contains(id(0)), "ids dropped");
        assert_eq!(s.to_csv(reduced), first);
        assert_eq!(s.to_csv(closed + Span::days(5)), first);
    }

    #[test]
    fn desks_combined_count_a_case_once_and_hide_small_counts_after_combining() {
        let mut one = Statistics::default();
        let mut two = Statistics::default();
        for n in 0..3 {
            one.add(id(n), &woman(&[Service::Health]), NOV);
        }
        // Case 2 was opened at both desks; 3 and 4 only at the second.
        for n in 2..5 {
            two.add(id(n), &woman(&[Service::Health]), NOV);
        }
        let closed = month_end("2025-11") + Span::days(CLOSE_AFTER_DAYS);
        assert!(one.to_csv(closed).contains(",<5\n") && two.to_csv(closed).contains(",<5\n"));
        let part =
            |s: &Statistics, desk: &str| s.month_part(desk, "2025-11", closed).expect("closed");
        let parts = [part(&one, "day"), part(&two, "night")];
        assert!(
            one.month_part("day", "2025-11", NOV).is_none(),
            "an open month is not exported"
        );
        let c = combine(&parts, 2).expect("every desk");
        assert!(c.without_ids.is_empty());
        assert_eq!(
            c.to_csv(),
            "month,service,age_band,sex,count\n2025-11,health,18_plus,female,5\n"
        );
        // Some desks only, or one desk twice: no report (it could be subtracted from the
        // whole); a desk with no case that month still sends its month.
        assert!(matches!(
            combine(&parts[..1], 2),
            Err(NotCombined::DesksMissing {
                have: 1,
                desks: 2,
                ..
            })
        ));
        assert!(matches!(
            combine(&[parts[0].clone(), parts[0].clone()], 2),
            Err(NotCombined::SameDeskTwice { .. })
        ));
        let empty = Statistics::default()
            .month_part("clinic", "2025-11", closed)
            .expect("closed");
        assert_eq!(
            combine(&[parts[0].clone(), parts[1].clone(), empty], 3).expect("all three"),
            c
        );
        // A part whose ids were dropped is added as it is, and said.
        let mut late = two.clone();
        late.maintain(month_end("2025-11") + Span::days(REDUCE_AFTER_DAYS));
        let reduced = part(&late, "night");
        let c = combine(&[parts[0].clone(), reduced], 2).expect("every desk");
        assert_eq!(c.without_ids, vec!["2025-11".to_owned()]);
        assert!(
            c.to_csv().contains(",6\n"),
            "case 2 counted twice, and said"
        );
        assert_eq!(last_closed_month(closed), "2025-11");
        assert_eq!(last_closed_month(closed - Span(1)), "2025-10");
    }

    #[test]
    fn counts_are_sealed_at_rest_and_kept_for_two_years_of_months() {
        assert_eq!(month_minus("2026-12", 24), "2024-12");
        assert_eq!(month_minus("2026-01", 1), "2025-12");
        let pair = KeyPair::generate().expect("a key");
        let mut s = Statistics::default();
        s.add(id(1), &woman(&[Service::Health]), NOV);
        let mut sealed = SealedStatistics::seal(&s, &pair).expect("seals");
        let text = serde_json::to_string(&sealed).expect("json");
        assert!(!text.contains("health") && text.contains("2025-11"));
        assert_eq!(sealed.open(std::slice::from_ref(&pair)), (s.clone(), 0));
        // A month no key opens is kept as it is, never written over by a later change.
        let other = KeyPair::generate().expect("a key");
        assert_eq!(
            sealed.open(std::slice::from_ref(&other)),
            (Statistics::default(), 1)
        );
        let mut dec = Statistics::default();
        dec.add(id(2), &woman(&[Service::Legal]), NOV + Span::days(20));
        let next = sealed
            .updated(&dec, &other, std::slice::from_ref(&other))
            .expect("seals");
        assert_eq!(next.months.len(), 2);
        assert_eq!(next.open(std::slice::from_ref(&pair)).0, s);
        assert_eq!(next.open(std::slice::from_ref(&other)).0, dec);
        // Twenty-four months on: kept; twenty-five: deleted, with no key.
        assert!(!sealed.forget_old_months(NOV + Span::days(730)));
        assert!(sealed.forget_old_months(NOV + Span::days(762)));
        assert_eq!(sealed, SealedStatistics::default());
    }
}
