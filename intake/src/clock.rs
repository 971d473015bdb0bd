//! The one way a page's clock becomes the minutes since 1970 (UTC) that codes, windows and
//! kept records count in.

const MS_PER_MINUTE: f64 = 60_000.0;

/// Whole minutes since 1970 of a time in milliseconds (`Date.now()`): never negative, and a
/// clock that gives no number (NaN) counts as 0, which every window treats as long ago.
pub fn minutes_since_1970(ms: f64) -> u32 {
    if ms.is_nan() || ms <= 0.0 {
        return 0;
    }
    // `as` saturates at u32::MAX (the year 10136).
    (ms / MS_PER_MINUTE) as u32
}

/// Milliseconds since 1970 of a time in minutes (to show it on a page's clock).
pub fn ms_since_1970(minutes: u32) -> f64 {
    f64::from(minutes) * MS_PER_MINUTE
}

#[cfg(test)]
mod tests {
    use super::*;

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
