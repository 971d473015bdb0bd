//! The kiosk's sealing worker: what it is asked, what it answers, and the pairing rules it
//! keeps (it seals only to the pinned staff key, or to the shipped demo key when nothing is
//! pinned).
mod common;

use common::{Desk, answers, minutes};
use intake::handoff::{
    DEFAULT_WINDOW, FromWorker, KeyPair, KioskLetter, Refusal, SealReply, SealRequest, Ticket,
    ToWorker, make_code, open,
};
use proptest::prelude::*;

fn request(desk: &Desk, answers: intake::Answers, now: intake::clock::Minutes) -> SealRequest {
    SealRequest {
        id: 7,
        answers,
        ticket: Ticket {
            letter: KioskLetter::DEFAULT,
            number: 12,
        },
        now_minutes: now,
        kiosk_private_hex: Some(desk.kiosk.private_hex()),
        staff_public_hex: desk.staff.public().to_hex(),
        pinned_staff_key: Some(desk.staff.public().to_hex()),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn a_request_crosses_to_the_worker_and_its_code_opens_at_the_desk(a in answers(), now in minutes()) {
        let desk = Desk::new();
        let sent = request(&desk, a.clone(), now);
        let Some(ToWorker::Seal(received)) = ToWorker::from_bytes(&ToWorker::Seal(sent.clone()).to_bytes()) else {
            return Err(TestCaseError::fail("does not read its own bytes"));
        };
        prop_assert_eq!(&received, &sent);

        let Some(FromWorker::Sealed(reply)) = FromWorker::from_bytes(&FromWorker::Sealed(make_code(&received)).to_bytes()) else {
            return Err(TestCaseError::fail("does not read the reply"));
        };
        let SealReply::Made { id, code, svg, new_kiosk_key } = reply else {
            return Err(TestCaseError::fail("refused a paired kiosk"));
        };
        prop_assert_eq!(id, 7);
        prop_assert_eq!(new_kiosk_key, None);
        prop_assert!(svg.starts_with("<?xml") || svg.starts_with("<svg"));
        let opened = open(&code, std::slice::from_ref(&desk.staff), &desk.enrolled(), now, DEFAULT_WINDOW)
            .expect("the desk opens it");
        prop_assert_eq!(opened.handoff.answers, a);
        prop_assert_eq!(opened.handoff.ticket, sent.ticket);
        prop_assert_eq!(opened.handoff.created_minutes, now);
    }
}

#[test]
fn a_kiosk_without_a_key_gets_one_and_its_codes_are_sealed_with_it() {
    let desk = Desk::new();
    let now = intake::handoff::build_minutes() + intake::clock::Span(10);
    let mut req = request(&desk, intake::Answers::default(), now);
    req.kiosk_private_hex = None;
    let SealReply::Made {
        code,
        new_kiosk_key: Some(hex),
        ..
    } = make_code(&req)
    else {
        panic!("expected a code and a new kiosk key");
    };
    let kiosk = KeyPair::from_private_hex(&hex).expect("a valid key");
    let enrolled = [common::enrolled(&kiosk, KioskLetter::DEFAULT)];
    assert!(
        open(
            &code,
            std::slice::from_ref(&desk.staff),
            &enrolled,
            now,
            intake::clock::Span(60)
        )
        .is_ok()
    );
}

#[test]
fn the_worker_refuses_an_unpaired_kiosk_a_changed_key_and_a_bad_request() {
    let desk = Desk::new();
    let now = intake::handoff::build_minutes() + intake::clock::Span(10);

    let mut unpaired = request(&desk, intake::Answers::default(), now);
    unpaired.pinned_staff_key = None;
    assert_eq!(
        make_code(&unpaired),
        SealReply::Refused {
            id: 7,
            why: Refusal::NotPaired
        }
    );
    // An unpaired kiosk configured with the shipped demo key seals only in the demo build
    // (`make run`: the demo centre works out of the box); that is the only key it may seal
    // to unpaired. Any other build refuses it, paired or not.
    unpaired.staff_public_hex = intake::pairing::DEMO_STAFF_PUBLIC_KEY.to_owned();
    if intake::pairing::DEMO_KEY_ALLOWED {
        assert!(matches!(make_code(&unpaired), SealReply::Made { .. }));
    } else {
        assert!(matches!(make_code(&unpaired), SealReply::Refused { .. }));
        unpaired.pinned_staff_key = Some(intake::pairing::DEMO_STAFF_PUBLIC_KEY.to_owned());
        assert!(matches!(make_code(&unpaired), SealReply::Refused { .. }));
    }

    let mut changed = request(&desk, intake::Answers::default(), now);
    changed.pinned_staff_key = Some(Desk::new().staff.public().to_hex());
    assert_eq!(
        make_code(&changed),
        SealReply::Refused {
            id: 7,
            why: Refusal::StaffKeyChanged
        }
    );

    let mut bad_key = request(&desk, intake::Answers::default(), now);
    bad_key.staff_public_hex = "not a key".into();
    assert_eq!(
        make_code(&bad_key),
        SealReply::Refused {
            id: 7,
            why: Refusal::BadStaffKey
        }
    );

    let mut early = request(&desk, intake::Answers::default(), now);
    early.now_minutes = intake::handoff::build_minutes() - intake::clock::Span(1);
    assert_eq!(
        make_code(&early),
        SealReply::Refused {
            id: 7,
            why: Refusal::Seal
        }
    );

    assert_eq!(ToWorker::from_bytes(&[0xff, 0xff, 0xff]), None);
    assert_eq!(ToWorker::from_bytes(&[]), None);
}

#[test]
fn the_worker_returns_a_checked_language_in_the_reference_key_order() {
    use intake::catalogue::parse;
    use intake::handoff::{answer, checked_texts};
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/..");
    let read = |p: &str| std::fs::read_to_string(format!("{root}/{p}")).expect("catalogue");
    let vi = parse(&read("app/lang/vi.json")).expect("vi");
    let en_text = read("app/lang/en.json");
    let en = parse(&en_text).expect("en");
    let texts = checked_texts(&en_text, &vi).expect("English passes");
    let expected: Vec<String> = vi.keys().map(|k| en[k].clone()).collect();
    assert_eq!(texts, expected);

    // Through the message format, as the page and the worker exchange it.
    let message = ToWorker::from_bytes(
        &ToWorker::CheckLanguage {
            id: 9,
            text: r#"{"back": "Back"}"#.into(),
        }
        .to_bytes(),
    )
    .expect("reads");
    let reply = FromWorker::from_bytes(&answer(message, &vi).to_bytes()).expect("reads");
    assert_eq!(reply, FromWorker::Language { id: 9, texts: None });
}
