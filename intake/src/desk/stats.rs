//! Anonymous statistics, only for handoffs whose consent to statistics is yes: counts by
//! month × service × age band × sex. No ids, nothing finer than a month; counts below 5
//! show as "<5" and no totals are given, so no hidden cell can be worked out.

use super::month_of;
use crate::answers::{AgeBand, Answers, Sex};
use crate::services::Service;
use std::collections::BTreeMap;

/// The smallest count shown as a number.
pub const SMALLEST_SHOWN: u32 = 5;

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
    /// Counts one handoff, if she agreed to be counted; returns whether it was counted.
    pub fn add(&mut self, created: crate::clock::Minutes, answers: &Answers) -> bool {
        if !answers.consent_statistics.is_yes() {
            return false;
        }
        let month = month_of(created);
        let age = age_label(answers.age_band);
        let sex = sex_label(answers.sex);
        let services: Vec<&'static str> = if answers.services.is_empty() {
            vec!["none"]
        } else {
            answers.services.iter().map(Service::id).collect()
        };
        for service in services {
            *self
                .cells
                .entry((month.clone(), service, age, sex))
                .or_default() += 1;
        }
        true
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
    use crate::answers::Reply;
    use crate::services::ServiceSet;

    fn woman(services: &[Service], counted: bool) -> Answers {
        Answers {
            age_band: AgeBand::Adult,
            sex: Sex::Female,
            services: ServiceSet::of(services.iter().copied()),
            consent_statistics: Reply::from_bool(counted),
            ..Answers::default()
        }
    }

    #[test]
    fn only_consenting_handoffs_are_counted_and_small_counts_are_hidden() {
        let mut s = Statistics::default();
        let nov = 29_400_000; // 2025-11
        for _ in 0..6 {
            assert!(s.add(crate::clock::Minutes(nov), &woman(&[Service::Health], true)));
        }
        for _ in 0..2 {
            s.add(crate::clock::Minutes(nov), &woman(&[Service::Legal], true));
        }
        assert!(
            !s.add(
                crate::clock::Minutes(nov),
                &woman(&[Service::Shelter], false)
            ),
            "no consent, not counted"
        );
        let csv = s.to_csv();
        assert!(csv.contains(",health,18_plus,female,6\n"), "{csv}");
        assert!(csv.contains(",legal,18_plus,female,<5\n"), "{csv}");
        assert!(!csv.contains("shelter"));
        assert!(!csv.to_lowercase().contains("total"));
        let kept = serde_json::to_string(&s).expect("serialises");
        assert_eq!(serde_json::from_str::<Statistics>(&kept).ok(), Some(s));
        let damaged = kept.replace("health", "healht");
        assert!(
            serde_json::from_str::<Statistics>(&damaged).is_err(),
            "an unknown service is an error, not dropped"
        );
    }
}
