//! Staff read the priority first, then each service with its consent to share and contact.
mod common;

use common::Desk;
use intake::config::CentreConfig;
use intake::desk::case_sheet::{CaseSheet, Priority};
use intake::handoff::{
    DEFAULT_WINDOW, Handoff, HandoffId, KioskLetter, Ticket, build_minutes, open, seal,
};
use intake::{AgeBand, Answers, Children, Reply, Service, ServiceSet, Sharing, Wish};

fn demo_config() -> CentreConfig {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../public/centre.json"
    ))
    .expect("demo config");
    CentreConfig::parse(&text).expect("valid")
}

#[test]
fn a_girl_of_16_in_danger_with_children_is_flagged_and_refused_sharing_is_marked() {
    let desk = Desk::new();
    let now = build_minutes() + intake::clock::Span(5);
    let handoff = Handoff {
        created_minutes: now,
        id: HandoffId::random().expect("randomness"),
        ticket: Ticket {
            letter: KioskLetter::ALL[7],
            number: 7,
        },
        answers: Answers {
            // 16–17 decides for herself (the child path, under 16, is never asked to share).
            age_band: AgeBand::From16To17,
            danger_now: Reply::Yes,
            doctor_now: Reply::No,
            children: Children::Count(2),
            consent_services: Reply::Yes,
            services: ServiceSet::of([Service::Health, Service::Police]),
            sharing: Sharing {
                yes: ServiceSet::of([Service::Health]),
                no: ServiceSet::of([Service::Police]),
                not_sure: ServiceSet::EMPTY,
            },
            ..Answers::default()
        },
    };
    let code = seal(&handoff, desk.staff.public(), &desk.kiosk, now).expect("seals");
    let opened = open(
        &code,
        std::slice::from_ref(&desk.staff),
        &desk.enrolled(),
        now,
        DEFAULT_WINDOW,
    )
    .expect("opens");
    let sheet = CaseSheet::new(&opened, &demo_config(), false);
    assert_eq!(
        sheet.priorities,
        vec![
            Priority::DangerNow,
            Priority::Aged16To17,
            Priority::ChildrenPresent(2)
        ]
    );
    assert_eq!(sheet.ticket, "H-007");
    let police = sheet
        .services
        .iter()
        .find(|l| l.service == Service::Police)
        .expect("police line");
    assert_eq!(police.share, Wish::No);
    // A demo contact reads as an example; no emergency number stands as a station's phone.
    assert_eq!(police.phone.as_deref(), Some("0203 3000 000"));
    assert_eq!(sheet.sharing_refused().count(), 1);
    let health = &sheet.services[0];
    assert_eq!(
        health.contact.as_deref(),
        Some("Phòng khám của trung tâm (ví dụ)")
    );
}
