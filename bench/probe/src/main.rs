//! The benchmark probe (`make bench`): the same functions the sealing worker and the staff
//! desk run, built with the same profile, exported to the benchmark page's script.
use intake::handoff::{
    EnrolledKiosk, Handoff, HandoffId, KeyPair, KioskLetter, SealReply, SealRequest, Ticket,
    make_code, open, seal,
};
use intake::{Answers, Reply, Service, ServiceSet};
use std::cell::RefCell;
use wasm_bindgen::prelude::wasm_bindgen;

/// The demo kiosk key (published, for demonstrations and tests only), and a staff key of the
/// benchmarks' own, pinned as at pairing: a release build never seals to the shipped demo
/// staff key (`intake::pairing::DEMO_KEY_ALLOWED`). It is `tests/fixtures/demo-kiosk.pub`.
const KIOSK_PRIVATE: &str = "0001f73bff7be9f8cd5f36d834ee42f35d5c5c3930b954b3f7880da13e754541";
const STAFF_PUBLIC: &str = "1550dab3b80f52ad500737a33862b6dcad82e6e51e23bc9e4c3032a756992f65";

/// Seals a typical set of answers and draws its QR code, as the worker does for every
/// handoff. Returns the code's text and the SVG, separated by a newline (empty if refused).
#[wasm_bindgen]
pub fn seal_and_draw(now_minutes: u32, ticket: u16) -> String {
    let wanted = ServiceSet::default()
        .with(Service::Health)
        .with(Service::Psychosocial);
    let request = SealRequest {
        id: 1,
        answers: Answers {
            consent_services: Reply::Yes,
            services: wanted,
            ..Answers::default()
        },
        ticket: Ticket {
            letter: KioskLetter::DEFAULT,
            number: ticket.clamp(1, Ticket::MAX),
        },
        now_minutes: intake::clock::Minutes(now_minutes),
        kiosk_private_hex: Some(KIOSK_PRIVATE.to_owned()),
        staff_public_hex: STAFF_PUBLIC.to_owned(),
        pinned_staff_key: Some(STAFF_PUBLIC.to_owned()),
    };
    match make_code(&request) {
        SealReply::Made { code, svg, .. } => format!("{code}\n{svg}"),
        SealReply::Refused { .. } => String::new(),
    }
}

/// The QR drawing alone: the SVG the worker draws for a code's text.
#[wasm_bindgen]
pub fn draw(text: &str) -> String {
    intake::handoff::qr_svg(text).unwrap_or_default()
}

/// The staff desk's camera decoder on one RGBA frame.
#[wasm_bindgen]
pub fn decode(rgba: &[u8], width: usize, height: usize) -> Option<String> {
    intake::scan::decode_frame(rgba, width, height)
}

/// A desk for the trial-opening benchmark: its staff keys (current first) and kiosks.
struct TrialDesk {
    staff: Vec<KeyPair>,
    kiosks: Vec<EnrolledKiosk>,
}

thread_local! {
    static DESK: RefCell<Option<TrialDesk>> = const { RefCell::new(None) };
}

/// Makes a desk with `staff_keys` staff keys and `kiosks` enrolled kiosks (fresh keys), and
/// returns two codes separated by a newline: the slowest genuine code to find (sealed to the
/// oldest staff key by the kiosk tried last) and a foreign code no key of the desk opens.
/// Both make the desk try every staff key with every kiosk.
#[wasm_bindgen]
pub fn trial_setup(staff_keys: usize, kiosks: usize, now_minutes: u32) -> String {
    let keys =
        |n: usize| -> Option<Vec<KeyPair>> { (0..n).map(|_| KeyPair::generate().ok()).collect() };
    let (Some(staff), Some(kiosk_keys), Some(strangers)) =
        (keys(staff_keys.max(1)), keys(kiosks.max(1)), keys(2))
    else {
        return String::new();
    };
    let handoff = Handoff {
        created_minutes: intake::clock::Minutes(now_minutes),
        id: HandoffId([7; 8]),
        ticket: Ticket {
            letter: KioskLetter::DEFAULT,
            number: 1,
        },
        answers: Answers::default(),
    };
    let (last_staff, last_kiosk) = (&staff[staff.len() - 1], &kiosk_keys[kiosk_keys.len() - 1]);
    let genuine = seal(
        &handoff,
        last_staff.public(),
        last_kiosk,
        intake::clock::Minutes(now_minutes),
    )
    .unwrap_or_default();
    let foreign = seal(
        &handoff,
        strangers[0].public(),
        &strangers[1],
        intake::clock::Minutes(now_minutes),
    )
    .unwrap_or_default();
    let kiosks = kiosk_keys
        .iter()
        .enumerate()
        .map(|(i, k)| EnrolledKiosk {
            public: k.public().clone(),
            letter: KioskLetter::DEFAULT,
            state: intake::handoff::KioskState::Enrolled,
            state_since_minutes: intake::clock::Minutes(0),
            // The sealing kiosk was seen longest ago: it is tried last.
            last_seen_minutes: intake::clock::Minutes((kiosk_keys.len() - i) as u32),
        })
        .collect();
    DESK.with_borrow_mut(|d| *d = Some(TrialDesk { staff, kiosks }));
    format!("{genuine}\n{foreign}")
}

/// Opens `code` at the desk made by [`trial_setup`], as the staff desk does: 0 when it
/// opened, 1 when no key of the desk opens it, 2 for any other answer.
#[wasm_bindgen]
pub fn trial_open(code: &str, now_minutes: u32) -> u8 {
    DESK.with_borrow(|d| {
        let Some(d) = d else { return 2 };
        match open(
            code,
            &d.staff,
            &d.kiosks,
            intake::clock::Minutes(now_minutes),
            intake::clock::Span(24 * 60),
        ) {
            Ok(_) => 0,
            Err(intake::handoff::OpenError::NotForThisDesk) => 1,
            Err(_) => 2,
        }
    })
}

fn main() {}
