//! Properties of the sealed handoff that must hold for every valid set of answers.
mod common;

use common::{Desk, handoff, largest_handoff};
use intake::handoff::{
    CODE_DIGITS, DEFAULT_WINDOW_MINUTES, MAX_QR_VERSION, OpenError, PREFIX, open, qr_version, seal,
};
use proptest::prelude::*;

fn sealed(desk: &Desk, h: &intake::handoff::Handoff) -> String {
    match seal(h, desk.staff.public(), &desk.kiosk, h.created_minutes) {
        Ok(code) => code,
        Err(e) => panic!("sealing failed: {e}"),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn every_valid_handoff_round_trips_through_the_code(h in handoff()) {
        let desk = Desk::new();
        let code = sealed(&desk, &h);
        let opened = open(&code, std::slice::from_ref(&desk.staff), &desk.enrolled(), h.created_minutes, DEFAULT_WINDOW_MINUTES)
            .expect("opens");
        let mut expected = h.clone();
        expected.kiosk = desk.kiosk.public().kiosk_id();
        prop_assert_eq!(opened.handoff, expected);
        prop_assert_eq!(opened.warning, None);
    }

    #[test]
    fn every_code_of_the_format_has_the_same_length(h in handoff()) {
        let desk = Desk::new();
        let code = sealed(&desk, &h);
        prop_assert_eq!(code.len(), PREFIX.len() + CODE_DIGITS);
        prop_assert!(code[PREFIX.len()..].bytes().all(|b| b.is_ascii_digit()));
    }

    #[test]
    fn two_seals_of_the_same_answers_differ(h in handoff()) {
        let desk = Desk::new();
        prop_assert_ne!(sealed(&desk, &h), sealed(&desk, &h));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4))]

    /// Every position, every other character: nothing that is not the code opens.
    #[test]
    fn every_single_character_change_is_rejected(h in handoff()) {
        let desk = Desk::new();
        let code = sealed(&desk, &h);
        let staff = std::slice::from_ref(&desk.staff);
        let kiosks = desk.enrolled();
        for i in 0..code.len() {
            let original = code.as_bytes()[i];
            let replacements: Vec<u8> = if i < PREFIX.len() {
                (b'A'..=b'Z').chain(b'0'..=b'9').filter(|c| !c.eq_ignore_ascii_case(&original)).collect()
            } else {
                (b'0'..=b'9').chain(*b"x &\"'(-_").filter(|c| *c != original).collect()
            };
            for r in replacements {
                let mut changed = code.clone().into_bytes();
                changed[i] = r;
                let changed = String::from_utf8(changed).expect("ascii");
                let result = open(&changed, staff, &kiosks, h.created_minutes, DEFAULT_WINDOW_MINUTES);
                prop_assert!(result.is_err(), "position {} changed to {} opened", i, r as char);
            }
        }
    }
}

#[test]
fn the_largest_handoff_needs_qr_version_8_or_less() {
    let desk = Desk::new();
    let code = sealed(&desk, &largest_handoff());
    let version = qr_version(&code).expect("fits");
    assert!(version <= MAX_QR_VERSION, "needs version {version}");
    println!(
        "code: {} characters, QR version {version} at level Q",
        code.len()
    );
}

#[test]
fn an_unknown_kiosk_is_told_apart_from_a_forgery() {
    let desk = Desk::new();
    let h = largest_handoff();
    let code = sealed(&desk, &h);
    let other = Desk::new();
    let err = open(
        &code,
        std::slice::from_ref(&desk.staff),
        &other.enrolled(),
        h.created_minutes,
        DEFAULT_WINDOW_MINUTES,
    );
    assert_eq!(
        err,
        Err(OpenError::UnknownKiosk(desk.kiosk.public().kiosk_id()))
    );
}
