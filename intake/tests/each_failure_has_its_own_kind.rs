//! The desk tells apart every kind of failure the format can tell apart, and a wrong kiosk
//! clock or ticket letter only warns.
//!
//! With only the version in the clear, a code for another desk, a code from a kiosk not
//! enrolled here and a forgery are one kind (no key this desk holds opens them); a typing
//! or scanning error is another (the check digits catch it before any key is tried).
mod common;

use common::{Desk, enrolled, largest_handoff};
use intake::handoff::{
    DEFAULT_WINDOW, EnrolledKiosk, KeyPair, KioskLetter, LetterWarning, OpenError, SealError,
    TimeWarning, build_minutes, open, seal,
};

use intake::clock::Minutes;

fn code_at(desk: &Desk, at: Minutes) -> String {
    let mut h = largest_handoff();
    h.created_minutes = at;
    seal(&h, desk.staff.public(), &desk.kiosk, at).expect("seals")
}

fn open_at(desk: &Desk, code: &str, now: Minutes) -> Result<intake::handoff::Opened, OpenError> {
    open(
        code,
        std::slice::from_ref(&desk.staff),
        &desk.enrolled(),
        now,
        DEFAULT_WINDOW,
    )
}

const NOW: intake::clock::Minutes = intake::clock::Minutes(40_000_000);

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
fn a_truncated_or_lengthened_scan_is_damaged() {
    let desk = Desk::new();
    let code = code_at(&desk, NOW);
    assert_eq!(
        open_at(&desk, &code[..code.len() - 3], NOW),
        Err(OpenError::Damaged)
    );
    assert_eq!(
        open_at(&desk, &format!("{code}1"), NOW),
        Err(OpenError::Damaged)
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
    for v in ['0', '1', '3', '9'] {
        let other = format!("TK{v}{}", &code[3..]);
        let digit = v.to_digit(10).expect("digit") as u8;
        assert_eq!(
            open_at(&desk, &other, NOW),
            Err(OpenError::UnsupportedVersion(digit))
        );
    }
}

#[test]
fn a_code_for_another_desk_is_not_for_this_desk() {
    let desk = Desk::new();
    let code = code_at(&desk, NOW);
    let other_staff = KeyPair::generate().expect("randomness");
    let result = open(&code, &[other_staff], &desk.enrolled(), NOW, DEFAULT_WINDOW);
    assert_eq!(result, Err(OpenError::NotForThisDesk));
}

#[test]
fn a_code_from_a_kiosk_not_enrolled_here_is_not_for_this_desk() {
    let desk = Desk::new();
    let code = code_at(&desk, NOW);
    let stranger = Desk::new();
    let result = open(
        &code,
        std::slice::from_ref(&desk.staff),
        &stranger.enrolled(),
        NOW,
        DEFAULT_WINDOW,
    );
    assert_eq!(result, Err(OpenError::NotForThisDesk));
}

#[test]
fn a_code_forged_with_a_kiosk_key_this_desk_never_enrolled_is_refused() {
    // Anyone may seal to the public staff key; without an enrolled kiosk's private key the
    // code opens with no kiosk this desk knows.
    let desk = Desk::new();
    let forger = Desk {
        staff: desk.staff.clone(),
        kiosk: KeyPair::generate().expect("randomness"),
    };
    let forged = code_at(&forger, NOW);
    assert_eq!(open_at(&desk, &forged, NOW), Err(OpenError::NotForThisDesk));
}

#[test]
fn a_revoked_kiosk_is_named_even_after_enrolled_ones() {
    let desk = Desk::new();
    let code = code_at(&desk, NOW);
    let mut kiosks: Vec<EnrolledKiosk> = (0..5)
        .map(|_| {
            enrolled(
                &KeyPair::generate().expect("randomness"),
                KioskLetter::DEFAULT,
            )
        })
        .collect();
    let mut revoked = enrolled(&desk.kiosk, KioskLetter::DEFAULT);
    revoked.state = intake::handoff::KioskState::Revoked;
    kiosks.insert(0, revoked);
    let result = open(
        &code,
        std::slice::from_ref(&desk.staff),
        &kiosks,
        NOW,
        DEFAULT_WINDOW,
    );
    assert_eq!(
        result,
        Err(OpenError::RevokedKiosk(desk.kiosk.public().kiosk_id()))
    );
}

#[test]
fn the_desk_finds_an_older_staff_key_and_any_enrolled_kiosk_by_trying() {
    let desk = Desk::new();
    let code = code_at(&desk, NOW);
    let current = KeyPair::generate().expect("randomness");
    let keys = [current, desk.staff.clone()];
    let mut kiosks: Vec<EnrolledKiosk> = (0..7)
        .map(|_| {
            enrolled(
                &KeyPair::generate().expect("randomness"),
                KioskLetter::DEFAULT,
            )
        })
        .collect();
    kiosks.insert(4, desk.enrolled().remove(0));
    let opened = open(&code, &keys, &kiosks, NOW, DEFAULT_WINDOW).expect("opens");
    assert_eq!(opened.staff_key_index, 1);
    assert_eq!(opened.kiosk_index, 4);
    assert_eq!(opened.kiosk, desk.kiosk.public().kiosk_id());
    assert_eq!(opened.letter_warning, None);
}

#[test]
fn a_ticket_letter_other_than_the_enrolled_one_opens_with_a_warning() {
    let desk = Desk::new();
    let code = code_at(&desk, NOW); // the largest handoff carries letter H
    let kiosks = [enrolled(&desk.kiosk, KioskLetter::DEFAULT)];
    let opened = open(
        &code,
        std::slice::from_ref(&desk.staff),
        &kiosks,
        NOW,
        DEFAULT_WINDOW,
    )
    .expect("a genuine code opens, never as damaged");
    assert_eq!(
        opened.letter_warning,
        Some(LetterWarning {
            enrolled: KioskLetter::DEFAULT,
            in_code: KioskLetter::ALL[7],
        })
    );
}

#[test]
fn an_old_code_opens_with_a_warning() {
    let desk = Desk::new();
    let code = code_at(&desk, NOW);
    let later = NOW + DEFAULT_WINDOW + intake::clock::Span(30);
    let opened = open_at(&desk, &code, later).expect("still opens");
    assert_eq!(opened.warning, Some(TimeWarning::Old { minutes: 30 }));
}

#[test]
fn a_code_from_the_future_opens_with_a_warning() {
    let desk = Desk::new();
    let code = code_at(&desk, NOW + intake::clock::Span(120));
    let opened = open_at(&desk, &code, NOW).expect("still opens");
    assert_eq!(opened.warning, Some(TimeWarning::Future { minutes: 120 }));
}

#[test]
fn a_code_within_the_window_opens_without_warning() {
    let desk = Desk::new();
    let code = code_at(&desk, NOW);
    assert_eq!(
        open_at(&desk, &code, NOW + intake::clock::Span(60))
            .expect("opens")
            .warning,
        None
    );
}

#[test]
fn sealing_refuses_a_clock_earlier_than_the_build() {
    let desk = Desk::new();
    let mut h = largest_handoff();
    h.created_minutes = build_minutes() - intake::clock::Span(1);
    let result = seal(
        &h,
        desk.staff.public(),
        &desk.kiosk,
        build_minutes() - intake::clock::Span(1),
    );
    assert_eq!(result, Err(SealError::ClockBeforeBuild));
}

#[test]
fn sealing_refuses_answers_no_kiosk_can_give() {
    let desk = Desk::new();
    let mut h = largest_handoff();
    h.answers.children = intake::Children::Count(6);
    assert!(matches!(
        seal(&h, desk.staff.public(), &desk.kiosk, NOW),
        Err(SealError::Payload(_))
    ));
    let mut h = largest_handoff();
    h.answers.services = intake::ServiceSet::EMPTY; // wishes for services she never chose
    assert!(seal(&h, desk.staff.public(), &desk.kiosk, NOW).is_err());
}
