//! Properties of the sealed handoff that must hold for every valid set of answers.
mod common;

use common::{Desk, enrolled, handoff, largest_handoff};
use intake::handoff::{
    CODE_DIGITS, DEFAULT_WINDOW, FORMAT_VERSION, KeyPair, MAX_QR_VERSION, OpenError, PLAINTEXT_LEN,
    PREFIX, body_len, open, qr_version, seal,
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
        let kiosks = [enrolled(&desk.kiosk, h.ticket.letter)];
        let opened = open(&code, std::slice::from_ref(&desk.staff), &kiosks, h.created_minutes, DEFAULT_WINDOW)
            .expect("opens");
        prop_assert_eq!(&opened.handoff, &h);
        prop_assert_eq!(opened.kiosk, desk.kiosk.public().kiosk_id());
        prop_assert_eq!(opened.warning, None);
        prop_assert_eq!(opened.letter_warning, None);
    }

    #[test]
    fn every_code_of_the_format_has_the_same_length(h in handoff()) {
        let desk = Desk::new();
        let code = sealed(&desk, &h);
        prop_assert_eq!(code.len(), PREFIX.len() + CODE_DIGITS);
        prop_assert!(code[PREFIX.len()..].bytes().all(|b| b.is_ascii_digit()));
        prop_assert_eq!(&code[..3], "TK2");
    }

    #[test]
    fn two_seals_of_the_same_answers_differ(h in handoff()) {
        let desk = Desk::new();
        prop_assert_ne!(sealed(&desk, &h), sealed(&desk, &h));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4))]

    /// Every position, every other character: a changed prefix is not a code, a changed
    /// version digit is another version, and anything after it is damaged — caught by the
    /// check digits before any key is tried.
    #[test]
    fn every_single_character_change_is_rejected_by_kind(h in handoff()) {
        let desk = Desk::new();
        let code = sealed(&desk, &h);
        let staff = std::slice::from_ref(&desk.staff);
        let kiosks = desk.enrolled();
        let version_at = PREFIX.len();
        for i in 0..code.len() {
            let original = code.as_bytes()[i];
            // The prefix is read in either case (a scanner with caps lock on).
            let replacements: Vec<u8> = if i < version_at {
                (b'A'..=b'Z').chain(b'0'..=b'9').filter(|c| !c.eq_ignore_ascii_case(&original)).collect()
            } else {
                (b'0'..=b'9').chain(*b"x &\"'(-_").filter(|c| *c != original).collect()
            };
            for r in replacements {
                let mut changed = code.clone().into_bytes();
                changed[i] = r;
                let changed = String::from_utf8(changed).expect("ascii");
                let result = open(&changed, staff, &kiosks, h.created_minutes, DEFAULT_WINDOW);
                let expected = if i < version_at {
                    OpenError::NotAHandoffCode
                } else if i == version_at && r.is_ascii_digit() {
                    OpenError::UnsupportedVersion(r - b'0')
                } else {
                    OpenError::Damaged
                };
                prop_assert_eq!(result, Err(expected), "position {} changed to {}", i, r as char);
            }
        }
    }
}

/// Security review finding 2: the clear header held the staff-key id and the kiosk id, so
/// every code of a centre began with the same digits. Now only the version is in the clear.
#[test]
fn no_position_after_the_version_is_shared_by_all_codes_of_a_kiosk_or_of_a_staff_key() {
    let staff = KeyPair::generate().expect("randomness");
    let one_kiosk = KeyPair::generate().expect("randomness");
    let h = largest_handoff();
    let by_one_kiosk: Vec<String> = (0..32)
        .map(|_| seal(&h, staff.public(), &one_kiosk, h.created_minutes).expect("seals"))
        .collect();
    let for_one_staff_key: Vec<String> = (0..32)
        .map(|_| {
            let kiosk = KeyPair::generate().expect("randomness");
            seal(&h, staff.public(), &kiosk, h.created_minutes).expect("seals")
        })
        .collect();
    for (what, codes) in [
        ("one kiosk", &by_one_kiosk),
        ("one staff key", &for_one_staff_key),
    ] {
        let first = codes[0].as_bytes();
        assert!(
            codes.iter().all(|c| c[..3] == codes[0][..3]),
            "same version"
        );
        for (i, digit) in first.iter().enumerate().skip(PREFIX.len() + 1) {
            let same = codes.iter().all(|c| c.as_bytes()[i] == *digit);
            assert!(!same, "position {i} is the same in all 32 codes of {what}");
        }
    }
}

#[test]
fn the_largest_handoff_fits_the_plaintext_and_needs_qr_version_8_or_less() {
    let largest = largest_handoff();
    let used = body_len(&largest);
    assert!(used <= PLAINTEXT_LEN, "{used} of {PLAINTEXT_LEN} bytes");
    let desk = Desk::new();
    let code = sealed(&desk, &largest);
    let version = qr_version(&code).expect("fits");
    assert!(version <= MAX_QR_VERSION, "needs version {version}");
    println!(
        "format {FORMAT_VERSION}: largest body {used} of {PLAINTEXT_LEN} bytes; code: {} characters, QR version {version} at level Q",
        code.len()
    );
}
