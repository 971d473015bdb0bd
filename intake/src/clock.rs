//! Time as the kiosk and the desk count it: a moment ([`Minutes`], whole minutes since 1970,
//! UTC) and a length ([`Span`], whole minutes) are different types, so "now" and "a window"
//! cannot be swapped in a call; and the one way a page's clock becomes minutes.
use serde::{Deserialize, Serialize};

const MS_PER_MINUTE: f64 = 60_000.0;
const MINUTES_PER_DAY: u32 = 24 * 60;

/// A moment: whole minutes since 1970 (UTC). Kept and sealed as a plain number.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct Minutes(pub u32);

/// A length of time in whole minutes: a window, how long something is kept.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct Span(pub u32);

impl Span {
    /// `n` minutes.
    pub const fn minutes(n: u32) -> Span {
        Span(n)
    }

    /// `n` days (saturating).
    pub const fn days(n: u32) -> Span {
        Span(n.saturating_mul(MINUTES_PER_DAY))
    }

    /// Whole days, rounded up (what is left of a window, in words).
    pub const fn days_rounded_up(self) -> u32 {
        self.0.div_ceil(MINUTES_PER_DAY)
    }
}

/// `moment + span`: later (saturating).
impl std::ops::Add<Span> for Minutes {
    type Output = Minutes;
    fn add(self, span: Span) -> Minutes {
        self.after(span)
    }
}

/// `moment - span`: earlier (saturating at 1970).
impl std::ops::Sub<Span> for Minutes {
    type Output = Minutes;
    fn sub(self, span: Span) -> Minutes {
        Minutes(self.0.saturating_sub(span.0))
    }
}

/// `later - earlier`: how long between them (zero when not later).
impl std::ops::Sub for Minutes {
    type Output = Span;
    fn sub(self, earlier: Minutes) -> Span {
        self.since(earlier)
    }
}

/// `span * n` (saturating).
impl std::ops::Mul<u32> for Span {
    type Output = Span;
    fn mul(self, n: u32) -> Span {
        Span(self.0.saturating_mul(n))
    }
}

/// `n * span` (saturating).
impl std::ops::Mul<Span> for u32 {
    type Output = Span;
    fn mul(self, span: Span) -> Span {
        span * self
    }
}

/// `span + span` (saturating).
impl std::ops::Add for Span {
    type Output = Span;
    fn add(self, other: Span) -> Span {
        Span(self.0.saturating_add(other.0))
    }
}

impl Minutes {
    /// The moment of a page's clock (`Date.now()`, milliseconds).
    pub fn from_ms(ms: f64) -> Minutes {
        Minutes(minutes_since_1970(ms))
    }

    /// This moment in milliseconds (to show it on a page's clock).
    pub fn to_ms(self) -> f64 {
        ms_since_1970(self.0)
    }

    /// `span` later (saturating).
    pub const fn after(self, span: Span) -> Minutes {
        Minutes(self.0.saturating_add(span.0))
    }

    /// How long after `earlier` this is (zero when it is not later).
    pub const fn since(self, earlier: Minutes) -> Span {
        Span(self.0.saturating_sub(earlier.0))
    }
}

/// Whole minutes since 1970 of a time in milliseconds (`Date.now()`): never negative, and a
/// clock that gives no number (NaN) counts as 0, which every window treats as long ago.
fn minutes_since_1970(ms: f64) -> u32 {
    if ms.is_nan() || ms <= 0.0 {
        return 0;
    }
    // `as` saturates at u32::MAX (the year 10136).
    (ms / MS_PER_MINUTE) as u32
}

/// Milliseconds since 1970 of a time in minutes (to show it on a page's clock).
fn ms_since_1970(minutes: u32) -> f64 {
    f64::from(minutes) * MS_PER_MINUTE
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moments_and_lengths() {
        let now = Minutes(1_000);
        assert_eq!(now.after(Span::minutes(30)), Minutes(1_030));
        assert_eq!(Minutes(1_030).since(now), Span(30));
        assert_eq!(now.since(Minutes(1_030)), Span(0), "never negative");
        assert_eq!(Span::days(2), Span(2 * 24 * 60));
        assert_eq!(Span(24 * 60 + 1).days_rounded_up(), 2);
        assert_eq!(Minutes(u32::MAX).after(Span::days(1)), Minutes(u32::MAX));
        assert_eq!(Minutes::from_ms(120_000.0), Minutes(2));
    }

    #[test]
    fn a_page_clock_becomes_whole_minutes() {
        // 2026-12-02 10:00:59.999 UTC.
        assert_eq!(minutes_since_1970(1_796_205_659_999.0), 29_936_760);
        assert_eq!(ms_since_1970(29_936_760), 1_796_205_600_000.0);
        assert_eq!(minutes_since_1970(f64::NAN), 0);
        assert_eq!(minutes_since_1970(-5.0), 0);
        assert_eq!(minutes_since_1970(f64::INFINITY), u32::MAX);
    }
}
