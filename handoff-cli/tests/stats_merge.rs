//! `handoff stats merge`: the centre's report from each desk's closed month — a case seen at
//! two desks counted once, "<5" after combining, a file not made with the staff key refused.
mod support;

use intake::clock::{Minutes, Span};
use intake::desk::keyring::Keyring;
use intake::desk::stats::{CLOSE_AFTER_DAYS, Statistics};
use intake::desk::transfer::export_month;
use intake::handoff::{HandoffId, KeyPair};
use intake::{AgeBand, Answers, Service, ServiceSet, Sex};
use support::{handoff, keys_with_backup, stdout, temp_dir};

/// 2025-11-15 00:00 in the centre.
const NOV: Minutes = Minutes(29_385_660);

fn woman() -> Answers {
    Answers {
        age_band: AgeBand::Adult,
        sex: Sex::Female,
        services: ServiceSet::of([Service::Health]),
        ..Answers::default()
    }
}

/// Desk `desk`'s November, with cases `ids`, exported once closed.
fn month_file(ring: &Keyring, desk: &str, ids: std::ops::Range<u8>) -> String {
    let mut s = Statistics::default();
    for n in ids {
        s.add(HandoffId([n; 8]), &woman(), NOV);
    }
    let closed = NOV + Span::days(16 + CLOSE_AFTER_DAYS);
    let part = s.month_part(desk, "2025-11", closed).expect("closed");
    export_month(ring, &part).expect("exports")
}

#[test]
fn desks_months_combine_into_one_report_counting_each_case_once() {
    let dir = temp_dir("stats-merge");
    keys_with_backup(&dir, "staff");
    let key = std::fs::read_to_string(dir.join("staff.key")).expect("key");
    let ring = Keyring::new(KeyPair::from_private_hex(key.trim()).expect("a key"), NOV);
    // Three cases at the first desk, three at the second; case 2 at both.
    std::fs::write(dir.join("one.json"), month_file(&ring, "day", 0..3)).expect("write");
    std::fs::write(dir.join("two.json"), month_file(&ring, "night", 2..5)).expect("write");
    let merged = handoff(
        &dir,
        &[
            "stats",
            "merge",
            "one.json",
            "two.json",
            "--staff-backup",
            "staff.backup",
            "--desks",
            "2",
        ],
    );
    assert!(merged.status.success(), "{merged:?}");
    assert_eq!(
        stdout(&merged).trim(),
        "month,service,age_band,sex,count\n2025-11,health,18_plus,female,5"
    );
    // One desk of two: no report (it could be subtracted from the whole).
    let only = |desks: &str| {
        handoff(
            &dir,
            &[
                "stats",
                "merge",
                "one.json",
                "--staff-backup",
                "staff.backup",
                "--desks",
                desks,
            ],
        )
    };
    let alone = only("2");
    assert!(!alone.status.success());
    assert!(String::from_utf8_lossy(&alone.stderr).contains("1 of the centre's 2 desks"));
    assert!(stdout(&only("1")).contains("2025-11,health,18_plus,female,<5"));

    // Another centre's file is refused.
    let other = Keyring::new(KeyPair::generate().expect("a key"), NOV);
    std::fs::write(dir.join("other.json"), month_file(&other, "night", 0..9)).expect("write");
    let refused = handoff(
        &dir,
        &[
            "stats",
            "merge",
            "one.json",
            "other.json",
            "--staff-backup",
            "staff.backup",
            "--desks",
            "2",
        ],
    );
    assert!(!refused.status.success());
    assert!(
        String::from_utf8_lossy(&refused.stderr).contains("not made with this centre's staff key")
    );
}
