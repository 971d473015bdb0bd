//! The replay memory: the ids of opened handoffs (ids only, never answers), forgotten after
//! a configurable time, so a second scan of the same code is noticed.

use crate::clock::{Minutes, Span};
use crate::desk::local_date;
use crate::handoff::{HandoffId, Ticket};
use serde::{Deserialize, Serialize};

/// One id opened, with when (minutes since 1970) and, for a code opened at the desk, its
/// ticket and when the kiosk made it (to notice two codes of one kiosk day with one number).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Seen {
    pub id: HandoffId,
    pub at: Minutes,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ticket: Option<(Ticket, Minutes)>,
}

/// Ids opened on this device. Kept on the device as JSON (serde).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReplayMemory {
    seen: Vec<Seen>,
}

/// What the memory says of a code just opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Noticed {
    /// This very code was opened before.
    pub seen_before: bool,
    /// Another code made the same local day carries the same ticket: two kiosks share a
    /// letter, or a counter was reset.
    pub same_ticket_today: bool,
}

impl ReplayMemory {
    /// Records `id` (with its `ticket`, made by the kiosk at `made`) opened at `now`, and
    /// says whether it had been opened before and whether another code made the same local
    /// day (tickets restart daily) has its ticket. Forgets ids older than `keep` first.
    pub fn check_and_remember(
        &mut self,
        id: HandoffId,
        ticket: Ticket,
        made: Minutes,
        now: Minutes,
        keep: Span,
    ) -> Noticed {
        self.forget_older_than(now, keep);
        let seen_before = self.contains(id);
        let day = local_date(made);
        let same_ticket_today = self.seen.iter().any(|s| {
            s.id != id
                && s.ticket
                    .is_some_and(|(t, at)| t == ticket && local_date(at) == day)
        });
        if !seen_before {
            self.seen.push(Seen {
                id,
                at: now,
                ticket: Some((ticket, made)),
            });
        }
        Noticed {
            seen_before,
            same_ticket_today,
        }
    }

    /// Forgets ids opened more than `keep` before `now`.
    pub fn forget_older_than(&mut self, now: Minutes, keep: Span) {
        self.seen.retain(|s| now.since(s.at) <= keep);
    }

    /// Whether `id` is remembered.
    pub fn contains(&self, id: HandoffId) -> bool {
        self.seen.iter().any(|s| s.id == id)
    }

    /// Remembers `id` (once) from `now`.
    pub fn remember(&mut self, id: HandoffId, now: Minutes) {
        if !self.contains(id) {
            self.seen.push(Seen {
                id,
                at: now,
                ticket: None,
            });
        }
    }

    /// Forgets `id`.
    pub fn forget(&mut self, id: HandoffId) {
        self.seen.retain(|s| s.id != id);
    }

    /// Adds every id of `other` not remembered here (another desk's memory); returns how
    /// many were new.
    pub fn merge(&mut self, other: &ReplayMemory) -> usize {
        let mut added = 0;
        for s in &other.seen {
            if !self.contains(s.id) {
                self.seen.push(*s);
                added += 1;
            }
        }
        added
    }

    /// How many ids are remembered.
    pub fn len(&self) -> usize {
        self.seen.len()
    }

    /// Whether nothing is remembered.
    pub fn is_empty(&self) -> bool {
        self.seen.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::handoff::KioskLetter;

    fn ticket(letter: char, number: u16) -> Ticket {
        Ticket {
            letter: KioskLetter::from_char(letter).expect("a letter"),
            number,
        }
    }

    #[test]
    fn two_codes_made_the_same_day_with_one_ticket_are_noticed_and_not_across_days() {
        let mut m = ReplayMemory::default();
        let keep = Span::days(30);
        // 2026-12-03 09:00 in the centre (UTC+7) is 02:00 UTC.
        let morning = Minutes(29_937_720);
        let mut open = |n: u8, number: u16, made: Minutes, at: Minutes| {
            m.check_and_remember(HandoffId([n; 8]), ticket('A', number), made, at, keep)
        };
        assert!(!open(1, 1, morning, morning).same_ticket_today);
        let other_kiosk = open(2, 1, morning + Span(60), morning + Span(60));
        assert!(other_kiosk.same_ticket_today && !other_kiosk.seen_before);
        assert!(!open(3, 2, morning + Span(61), morning + Span(61)).same_ticket_today);
        // Made the next day (tickets restart daily): no clash, even opened the same day.
        assert!(!open(4, 1, morning + Span::days(1), morning + Span::days(1)).same_ticket_today);
        // Made yesterday, opened this morning: compared with yesterday's codes.
        assert!(!open(5, 3, morning, morning + Span::days(1)).same_ticket_today);
        assert!(open(6, 2, morning + Span(70), morning + Span::days(1)).same_ticket_today);
        let again = open(1, 1, morning, morning + Span(62));
        assert!(again.seen_before && again.same_ticket_today);

        let mut other = ReplayMemory::default();
        other.remember(HandoffId([1; 8]), morning);
        other.remember(HandoffId([9; 8]), morning);
        assert_eq!(m.merge(&other), 1);
        assert!(m.contains(HandoffId([9; 8])));
    }

    #[test]
    fn a_second_scan_is_noticed_until_the_id_is_forgotten() {
        let mut m = ReplayMemory::default();
        let id = HandoffId([7; 8]);
        let t = ticket('A', 42);
        assert!(
            !m.check_and_remember(id, t, Minutes(1000), Minutes(1000), Span(60))
                .seen_before
        );
        assert!(
            m.check_and_remember(id, t, Minutes(1000), Minutes(1030), Span(60))
                .seen_before
        );
        assert!(
            !m.check_and_remember(id, t, Minutes(1000), Minutes(1200), Span(60))
                .seen_before,
            "forgotten after the keep time"
        );
    }

    #[test]
    fn the_memory_survives_storage_and_damage_is_an_error() {
        let mut m = ReplayMemory::default();
        m.check_and_remember(
            HandoffId([1, 2, 3, 4, 5, 6, 7, 8]),
            ticket('B', 7),
            Minutes(5),
            Minutes(5),
            Span(60),
        );
        let kept = serde_json::to_string(&m).expect("serialises");
        assert_eq!(serde_json::from_str::<ReplayMemory>(&kept).ok(), Some(m));
        assert!(serde_json::from_str::<ReplayMemory>(r#"{"seen":[["zz",1]]}"#).is_err());
    }
}
