//! Anonymous statistics, only for cases whose recorded decision is "count in reports": counts by
//! month × service × age band × sex. No ids, nothing finer than a month; counts below 5
//! show as "<5" and no totals are given, so no hidden cell can be worked out.

use super::month_of;
use crate::answers::{AgeBand, Answers, Sex};
use crate::services::Service;
use std::collections::BTreeMap;

/// The smallest count shown as a number.
pub const SMALLEST_SHOWN: u32 = 5;

/// Months the desk keeps counts: this month and the 24 before it (two yearly reports).
pub const KEEP_MONTHS: u32 = 24;

/// One cell's key: month, service id (or `none`), age band, sex.
pub type CellKey = (String, &'static str, &'static str, &'static str);

/// Counts, built from opened handoffs. Kept on the staff device (exact counts, never
/// exported: exports go through [`Statistics::to_csv`], which hides small counts) as JSON,
/// one [`KeptCell`] per cell; a cell naming nothing known makes the whole value unreadable.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(try_from = "Vec<KeptCell>", into = "Vec<KeptCell>")]
pub struct Statistics {
    cells: BTreeMap<CellKey, u32>,
}

impl Statistics {
    /// Counts one case. Whether she is counted is her decision, recorded at the desk
    /// (`desk::recording`): this only adds.
    pub fn add(&mut self, created: crate::clock::Minutes, answers: &Answers) {
        for key in cells(created, answers) {
            *self.cells.entry(key).or_default() += 1;
        }
    }

    /// Takes one case out again (she withdrew her consent to be counted).
    pub fn remove(&mut self, created: crate::clock::Minutes, answers: &Answers) {
        for key in cells(created, answers) {
            if let Some(n) = self.cells.get_mut(&key) {
                *n = n.saturating_sub(1);
                if *n == 0 {
                    self.cells.remove(&key);
                }
            }
        }
    }

    /// Deletes the counts of months more than [`KEEP_MONTHS`] before the month of `now`
    /// (the centre's local time); returns whether any were deleted.
    pub fn forget_old_months(&mut self, now: crate::clock::Minutes) -> bool {
        let oldest = month_minus(&month_of(now), KEEP_MONTHS);
        let before = self.cells.len();
        self.cells
            .retain(|(month, ..), _| month.as_str() >= oldest.as_str());
        self.cells.len() != before
    }

    /// The cells, with counts as shown: a number from 5, "<5" below.
    pub fn rows(&self) -> Vec<(CellKey, String)> {
        self.cells
            .iter()
            .map(|(k, n)| (k.clone(), shown(*n)))
            .collect()
    }

    /// The table as CSV, with the same suppression and no totals.
    pub fn to_csv(&self) -> String {
        let mut out = String::from("month,service,age_band,sex,count\n");
        for ((month, service, age, sex), count) in self.rows() {
            out.push_str(&format!("{month},{service},{age},{sex},{count}\n"));
        }
        out
    }
}

/// One cell as kept on the device.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct KeptCell {
    month: String,
    service: String,
    age_band: String,
    sex: String,
    count: u32,
}

impl From<Statistics> for Vec<KeptCell> {
    fn from(s: Statistics) -> Self {
        s.cells
            .into_iter()
            .map(|((month, service, age, sex), count)| KeptCell {
                month,
                service: service.to_owned(),
                age_band: age.to_owned(),
                sex: sex.to_owned(),
                count,
            })
            .collect()
    }
}

impl TryFrom<Vec<KeptCell>> for Statistics {
    type Error = String;

    fn try_from(kept: Vec<KeptCell>) -> Result<Self, String> {
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
        let mut cells = BTreeMap::new();
        for c in kept {
            if c.month.len() != 7 {
                return Err(format!("not a month: {:?}", c.month));
            }
            let key = (
                c.month,
                known(&c.service, &services)?,
                known(&c.age_band, &ages)?,
                known(&c.sex, &sexes)?,
            );
            cells.insert(key, c.count);
        }
        Ok(Statistics { cells })
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
fn cells(created: crate::clock::Minutes, answers: &Answers) -> Vec<CellKey> {
    let month = month_of(created);
    let age = age_label(answers.age_band);
    let sex = sex_label(answers.sex);
    if answers.services.is_empty() {
        return vec![(month, "none", age, sex)];
    }
    answers
        .services
        .iter()
        .map(|service| (month.clone(), service.id(), age, sex))
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

    #[test]
    fn small_counts_are_hidden_and_a_withdrawal_takes_a_case_out() {
        let mut s = Statistics::default();
        let nov = crate::clock::Minutes(29_400_000); // 2025-11
        for _ in 0..6 {
            s.add(nov, &woman(&[Service::Health]));
        }
        for _ in 0..2 {
            s.add(nov, &woman(&[Service::Legal]));
        }
        let csv = s.to_csv();
        assert!(csv.contains(",health,18_plus,female,6\n"), "{csv}");
        assert!(csv.contains(",legal,18_plus,female,<5\n"), "{csv}");
        assert!(!csv.to_lowercase().contains("total"));
        let kept = serde_json::to_string(&s).expect("serialises");
        assert_eq!(
            serde_json::from_str::<Statistics>(&kept).ok(),
            Some(s.clone())
        );
        let damaged = kept.replace("health", "healht");
        assert!(
            serde_json::from_str::<Statistics>(&damaged).is_err(),
            "an unknown service is an error, not dropped"
        );
        s.remove(nov, &woman(&[Service::Legal]));
        s.remove(nov, &woman(&[Service::Legal]));
        assert!(!s.to_csv().contains("legal"), "an empty cell is gone");
        s.remove(nov, &woman(&[Service::Legal]));
        assert_eq!(
            s.rows().len(),
            1,
            "removing what is not there changes nothing"
        );
    }

    #[test]
    fn counts_are_kept_for_two_years_of_months() {
        assert_eq!(month_minus("2026-12", 24), "2024-12");
        assert_eq!(month_minus("2026-01", 1), "2025-12");
        let mut s = Statistics::default();
        let nov_2025 = crate::clock::Minutes(29_400_000);
        s.add(nov_2025, &woman(&[Service::Health]));
        // Twenty-four months on (November 2027): still kept.
        assert!(!s.forget_old_months(nov_2025.after(crate::clock::Span::days(730))));
        assert_eq!(s.rows().len(), 1, "the 24th month before is kept");
        // Twenty-five months on (December 2027): deleted.
        assert!(s.forget_old_months(nov_2025.after(crate::clock::Span::days(762))));
        assert!(s.rows().is_empty());
    }
}
