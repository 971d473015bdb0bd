//! The replay memory: the ids of opened handoffs (ids only, never answers), forgotten after
//! a configurable time, so a second scan of the same code is noticed.

use crate::clock::{Minutes, Span};
use crate::handoff::HandoffId;

/// Ids opened on this device, with when they were opened (minutes since 1970). Kept on the
/// device as JSON (serde).
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ReplayMemory {
    seen: Vec<(HandoffId, Minutes)>,
}

impl ReplayMemory {
    /// Records `id` opened at `now`; returns whether it had been opened before. Forgets ids
    /// older than `keep_minutes` first.
    pub fn check_and_remember(&mut self, id: HandoffId, now: Minutes, keep: Span) -> bool {
        self.forget_older_than(now, keep);
        let seen = self.seen.iter().any(|(s, _)| *s == id);
        if !seen {
            self.seen.push((id, now));
        }
        seen
    }

    /// Forgets ids opened more than `keep_minutes` before `now`.
    pub fn forget_older_than(&mut self, now: Minutes, keep: Span) {
        self.seen.retain(|(_, at)| now.since(*at) <= keep);
    }

    /// Whether `id` is remembered.
    pub fn contains(&self, id: HandoffId) -> bool {
        self.seen.iter().any(|(s, _)| *s == id)
    }

    /// Remembers `id` (once) from `now`.
    pub fn remember(&mut self, id: HandoffId, now: Minutes) {
        if !self.contains(id) {
            self.seen.push((id, now));
        }
    }

    /// Forgets `id`.
    pub fn forget(&mut self, id: HandoffId) {
        self.seen.retain(|(s, _)| *s != id);
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

    #[test]
    fn a_second_scan_is_noticed_until_the_id_is_forgotten() {
        let mut m = ReplayMemory::default();
        let id = HandoffId([7; 8]);
        assert!(!m.check_and_remember(id, Minutes(1000), Span(60)));
        assert!(m.check_and_remember(id, Minutes(1030), Span(60)));
        assert!(
            !m.check_and_remember(id, Minutes(1200), Span(60)),
            "forgotten after the keep time"
        );
    }

    #[test]
    fn the_memory_survives_storage_and_damage_is_an_error() {
        let mut m = ReplayMemory::default();
        m.check_and_remember(HandoffId([1, 2, 3, 4, 5, 6, 7, 8]), Minutes(5), Span(60));
        let kept = serde_json::to_string(&m).expect("serialises");
        assert_eq!(serde_json::from_str::<ReplayMemory>(&kept).ok(), Some(m));
        assert!(serde_json::from_str::<ReplayMemory>(r#"{"seen":[["zz",1]]}"#).is_err());
    }
}
