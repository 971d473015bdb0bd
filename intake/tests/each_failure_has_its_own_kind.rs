//! The desk tells every kind of failure apart, and a wrong kiosk clock only warns.
mod common;

use common::{Desk, largest_handoff};
use intake::handoff::{
    DEFAULT_WINDOW_MINUTES, EnrolledKiosk, KeyPair, OpenError, SealError, TimeWarning,
    build_minutes, open, seal,
};

fn code_at(desk: &Desk, minutes: u32) -> String {
    let mut h = largest_handoff();
    h.created_minutes = minutes;
    seal(&h, desk.staff.public(), &desk.kiosk, minutes).expect("seals")
}

fn open_at(desk: &Desk, code: &str, now: u32) -> Result<intake::handoff::Opened, OpenError> {
    open(
        code,
        std::slice::from_ref(&desk.staff),
        &desk.enrolled(),
        now,
        DEFAULT_WINDOW_MINUTES,
    )
}

const NOW: u32 = 40_000_000;

#[test]
fn other_barcodes_are_not_handoff_codes() {
    let desk = Desk::new();
    for text in [
        "",
        "   ",
        "https://example.org",
        "4006381333931",
        "TX123",
        "é",
    ] {
        assert_eq!(
            open_at(&desk, text, NOW),
            Err(OpenError::NotAHandoffCode),
            "{text:?}"
        );
    }
}

#[test]
fn a_truncated_scan_is_damaged() {
    let desk = Desk::new();
    let code = code_at(&desk, NOW);
    assert_eq!(
        open_at(&desk, &code[..code.len() - 3], NOW),
        Err(OpenError::DamagedOrForged)
    );
    assert_eq!(
        open_at(&desk, &format!("{code}1"), NOW),
        Err(OpenError::DamagedOrForged)
    );
}

#[test]
fn a_scanners_enter_and_spaces_and_lower_case_are_ignored() {
    let desk = Desk::new();
    let code = code_at(&desk, NOW);
    let typed = format!("  {}\r\n", code.to_lowercase());
    assert!(open_at(&desk, &typed, NOW).is_ok());
}

#[test]
fn another_format_version_is_unsupported() {
    let desk = Desk::new();
    let code = code_at(&desk, NOW);
    // The version is the first byte of the first 7-byte group: add 1 << 48 to that group.
    let group: u64 = code[2..19].parse().expect("digits");
    let bumped = format!("TK{:017}{}", group + (1u64 << 48), &code[19..]);
    assert_eq!(
        open_at(&desk, &bumped, NOW),
        Err(OpenError::UnsupportedVersion(2))
    );
}

#[test]
fn a_code_for_another_staff_key_says_so() {
    let desk = Desk::new();
    let code = code_at(&desk, NOW);
    let other_staff = KeyPair::generate().expect("randomness");
    let result = open(
        &code,
        &[other_staff],
        &desk.enrolled(),
        NOW,
        DEFAULT_WINDOW_MINUTES,
    );
    assert_eq!(result, Err(OpenError::UnknownStaffKey));
}

#[test]
fn a_revoked_kiosk_is_refused() {
    let desk = Desk::new();
    let code = code_at(&desk, NOW);
    let revoked = [EnrolledKiosk {
        public: desk.kiosk.public().clone(),
        revoked: true,
    }];
    let result = open(
        &code,
        std::slice::from_ref(&desk.staff),
        &revoked,
        NOW,
        DEFAULT_WINDOW_MINUTES,
    );
    assert_eq!(
        result,
        Err(OpenError::RevokedKiosk(desk.kiosk.public().kiosk_id()))
    );
}

#[test]
fn a_code_forged_with_another_kiosks_key_under_an_enrolled_id_is_rejected() {
    let desk = Desk::new();
    let forger = Desk {
        staff: desk.staff.clone(),
        kiosk: KeyPair::generate().expect("randomness"),
    };
    let forged = code_at(&forger, NOW);
    // Claim to be the enrolled kiosk by enrolling the forger's id with the real kiosk's key.
    let kiosks = [EnrolledKiosk {
        public: desk.kiosk.public().clone(),
        revoked: false,
    }];
    let forged_id = forger.kiosk.public().kiosk_id();
    let real_id = desk.kiosk.public().kiosk_id();
    let relabelled = relabel_kiosk(&forged, forged_id.0, real_id.0);
    let result = open(
        &relabelled,
        std::slice::from_ref(&desk.staff),
        &kiosks,
        NOW,
        DEFAULT_WINDOW_MINUTES,
    );
    assert_eq!(result, Err(OpenError::DamagedOrForged));
}

/// Rewrites the kiosk id (bytes 3–4 of the first group) in a code's clear header.
fn relabel_kiosk(code: &str, from: u16, to: u16) -> String {
    let group: u64 = code[2..19].parse().expect("digits");
    let shift = 16;
    let cleared = group - (u64::from(from) << shift);
    format!(
        "TK{:017}{}",
        cleared + (u64::from(to) << shift),
        &code[19..]
    )
}

#[test]
fn an_old_code_opens_with_a_warning() {
    let desk = Desk::new();
    let code = code_at(&desk, NOW);
    let later = NOW + DEFAULT_WINDOW_MINUTES + 30;
    let opened = open_at(&desk, &code, later).expect("still opens");
    assert_eq!(opened.warning, Some(TimeWarning::Old { minutes: 30 }));
}

#[test]
fn a_code_from_the_future_opens_with_a_warning() {
    let desk = Desk::new();
    let code = code_at(&desk, NOW + 120);
    let opened = open_at(&desk, &code, NOW).expect("still opens");
    assert_eq!(opened.warning, Some(TimeWarning::Future { minutes: 120 }));
}

#[test]
fn a_code_within_the_window_opens_without_warning() {
    let desk = Desk::new();
    let code = code_at(&desk, NOW);
    assert_eq!(
        open_at(&desk, &code, NOW + 60).expect("opens").warning,
        None
    );
}

#[test]
fn sealing_refuses_a_clock_earlier_than_the_build() {
    let desk = Desk::new();
    let mut h = largest_handoff();
    h.created_minutes = build_minutes() - 1;
    let result = seal(&h, desk.staff.public(), &desk.kiosk, build_minutes() - 1);
    assert_eq!(result, Err(SealError::ClockBeforeBuild));
}
