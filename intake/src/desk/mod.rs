//! The staff desk's logic: the wrapped staff key, the case sheet, exports, the replay
//! memory and anonymous statistics. Pure: the staff page only renders these.
pub mod case_sheet;
pub mod decisions;
pub mod export;
pub mod keyring;
pub mod kiosk_list;
pub mod passphrase;
pub mod recording;
pub mod records;
pub mod referral;
pub mod repeat;
pub mod replay;
pub mod scan;
pub mod stats;
pub mod transfer;
pub mod transfer_qr;
pub mod under_key;
pub mod words;
pub mod wrap;

/// The centre's local time against UTC, in minutes: Asia/Ho_Chi_Minh is UTC+7 all year
/// (no summer time since 1975).
pub const LOCAL_OFFSET_MINUTES: i64 = 7 * 60;

/// The civil month (`YYYY-MM`), in the centre's local time, of a time in minutes since 1970
/// (UTC): a case opened at 01:00 on the 1st in Hà Nội counts in that month, though it is
/// still the previous month in UTC.
pub fn month_of(moment: crate::clock::Minutes) -> String {
    let (y, m, _, _) = local_civil(moment);
    format!("{y:04}-{m:02}")
}

/// The civil date (`dd/mm/yyyy`, as written in Vietnam) in the centre's local time.
pub fn local_date(moment: crate::clock::Minutes) -> String {
    let (y, m, d, _) = local_civil(moment);
    format!("{d:02}/{m:02}/{y:04}")
}

/// A moment in the centre's local time, `yyyy-mm-dd hh:mm`.
pub fn local_moment(moment: crate::clock::Minutes) -> String {
    let (y, m, d, minute) = local_civil(moment);
    format!("{y:04}-{m:02}-{d:02} {:02}:{:02}", minute / 60, minute % 60)
}

/// Year, month, day and minute of the day of a moment, in the centre's local time.
fn local_civil(moment: crate::clock::Minutes) -> (i64, u32, u32, i64) {
    let local = i64::from(moment.0) + LOCAL_OFFSET_MINUTES;
    let (y, m, d) = civil_from_days(local.div_euclid(24 * 60));
    (y, m, d, local.rem_euclid(24 * 60))
}

/// Days since 1970-01-01 of a civil date (proleptic Gregorian; H. Hinnant's method).
pub(crate) fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// Year, month, day from days since 1970-01-01 (proleptic Gregorian; H. Hinnant's method).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_and_dates_convert_both_ways() {
        for days in [-800_000, -1, 0, 1, 59, 10_957, 20_424, 20_789, 800_000] {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days, "{y}-{m}-{d}");
        }
    }

    #[test]
    fn months_are_read_from_minutes_since_1970_in_local_time() {
        assert_eq!(month_of(crate::clock::Minutes(0)), "1970-01");
        // 2026-11-30 17:00 UTC is 2026-12-01 00:00 in Hà Nội; a minute before is November.
        let midnight = 1_796_058_000 / 60;
        assert_eq!(month_of(crate::clock::Minutes(midnight)), "2026-12");
        assert_eq!(month_of(crate::clock::Minutes(midnight - 1)), "2026-11");
        assert_eq!(local_date(crate::clock::Minutes(midnight)), "01/12/2026");
        assert_eq!(
            local_date(crate::clock::Minutes(midnight - 1)),
            "30/11/2026"
        );
        // 2024-02-29 12:00 UTC and 2026-11-24 00:00 UTC.
        assert_eq!(month_of(crate::clock::Minutes(28_486_080)), "2024-02");
        assert_eq!(civil_from_days(19_782), (2024, 2, 29));
        assert_eq!(civil_from_days(20_416), (2025, 11, 24));
        assert_eq!(
            month_of(crate::clock::Minutes(1_795_478_400 / 60)),
            "2026-11"
        );
    }
}
