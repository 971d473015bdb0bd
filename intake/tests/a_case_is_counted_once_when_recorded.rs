//! One scan at the desk (`intake::desk::scan`): a kiosk's enrolment goes to the enrol
//! field, a code opens into a case, a second scan is noticed for `replay_memory_days`; no
//! scan counts anyone. Recording her decisions (`intake::desk::recording`) counts her once,
//! only if "count in reports" is recorded, and takes her out again if she withdraws.
mod common;

use common::Desk;
use intake::config::CentreConfig;
use intake::desk::decisions::{Decisions, Initials, Missing};
use intake::desk::keyring::{Keyring, SealedTo};
use intake::desk::recording::{DeskBook, NotRecorded, record};
use intake::desk::replay::ReplayMemory;
use intake::desk::scan::{DeskMemory, Freshness, Replay, Scanned, scan};
use intake::handoff::{Handoff, HandoffId, KioskLetter, OpenError, Ticket, build_minutes, seal};
use intake::{AgeBand, Answers, Reply, Service, ServiceSet};

const DAY: u32 = 24 * 60;

fn config(replay_days: u32) -> CentreConfig {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../public/centre.json"
    ))
    .expect("demo config");
    let mut c = CentreConfig::parse(&text).expect("valid");
    c.replay_memory_days = replay_days;
    c
}

/// A code from the desk's kiosk, from a woman who agreed to be counted.
fn consenting_code(desk: &Desk, now: intake::clock::Minutes) -> String {
    let handoff = Handoff {
        created_minutes: now,
        id: HandoffId::random().expect("randomness"),
        ticket: Ticket {
            letter: KioskLetter::ALL[7],
            number: 4,
        },
        answers: Answers {
            age_band: AgeBand::Adult,
            consent_services: Reply::Yes,
            services: ServiceSet::of([Service::Health]),
            consent_statistics: Reply::Yes,
            ..Answers::default()
        },
    };
    seal(&handoff, desk.staff.public(), &desk.kiosk, now).expect("seals")
}

fn case(scanned: Scanned) -> Box<intake::desk::scan::ScannedCase> {
    match scanned {
        Scanned::Case(c) => c,
        other => panic!("not a case: {other:?}"),
    }
}

#[test]
fn a_code_scanned_twice_is_flagged_the_second_time_and_no_scan_counts() {
    let desk = Desk::new();
    let now = build_minutes() + intake::clock::Span(5);
    let ring = Keyring::new(desk.staff.clone(), now);
    let config = config(30);
    let mut memory = DeskMemory {
        kiosks: desk.enrolled(),
        opened: Some(ReplayMemory::default()),
    };
    let code = consenting_code(&desk, now);
    let first = case(scan(
        &code,
        &ring,
        &mut memory,
        &config,
        now,
        Freshness::Fresh,
    ));
    assert_eq!(first.replay, Replay::First);
    assert_eq!(first.sealed_to, SealedTo::Current);
    assert!(!first.sheet.seen_before);
    assert_eq!(
        memory.kiosks[0].last_seen_minutes, now,
        "the kiosk is tried first next time"
    );
    let second = case(scan(
        &code,
        &ring,
        &mut memory,
        &config,
        now + intake::clock::Span(3),
        Freshness::Fresh,
    ));
    assert_eq!(second.replay, Replay::SeenBefore);
    assert!(second.sheet.seen_before);

    // Brought back after the desk was unlocked: shown as it was.
    let back = case(scan(
        &code,
        &ring,
        &mut memory,
        &config,
        now + intake::clock::Span(4),
        Freshness::Reopened,
    ));
    assert!(!back.sheet.seen_before);
}

#[test]
fn a_case_is_counted_once_when_recorded_and_taken_out_when_she_withdraws() {
    let desk = Desk::new();
    let now = build_minutes() + intake::clock::Span(5);
    let ring = Keyring::new(desk.staff.clone(), now);
    let config = config(30);
    let mut memory = DeskMemory {
        kiosks: desk.enrolled(),
        opened: Some(ReplayMemory::default()),
    };
    let code = consenting_code(&desk, now);
    let opened = case(scan(
        &code,
        &ring,
        &mut memory,
        &config,
        now,
        Freshness::Fresh,
    ));
    let by = Initials::parse("LT").expect("initials");
    let mut book = DeskBook::default();

    // Her kiosk answer pre-fills "count in reports", but records nothing on its own.
    let mut decisions = Decisions::draft(&opened.handoff.answers);
    assert_eq!(decisions.count_in_reports, Some(true));
    assert_eq!(
        record(
            &ring,
            &mut book,
            &code,
            &opened.handoff,
            decisions.clone(),
            by.clone(),
            now,
            &config
        ),
        Err(NotRecorded::Missing(vec![Missing::EnterInRecords]))
    );
    assert_eq!(book, DeskBook::default(), "nothing kept, nothing counted");

    decisions.enter_in_records = Some(true);
    let kept = record(
        &ring,
        &mut book,
        &code,
        &opened.handoff,
        decisions.clone(),
        by.clone(),
        now,
        &config,
    )
    .expect("recorded");
    assert!(kept.counted);
    let counts = book.statistics.clone();
    assert_eq!(counts.rows(now).len(), 1, "counted");

    // Scanned and recorded again, even after the record is deleted: counted once.
    let again = case(scan(
        &code,
        &ring,
        &mut memory,
        &config,
        now + intake::clock::Span(9),
        Freshness::Fresh,
    ));
    record(
        &ring,
        &mut book,
        &code,
        &again.handoff,
        decisions.clone(),
        by.clone(),
        now + intake::clock::Span(10),
        &config,
    )
    .expect("recorded again");
    assert_eq!(book.statistics, counts);
    assert!(intake::desk::recording::delete(&mut book, &again.handoff));
    assert!(book.records.is_empty());
    record(
        &ring,
        &mut book,
        &code,
        &again.handoff,
        decisions.clone(),
        by.clone(),
        now + intake::clock::Span(11),
        &config,
    )
    .expect("recorded once more");
    assert_eq!(
        book.statistics, counts,
        "counted once however often recorded"
    );
    let history = book
        .records
        .get(&ring, again.handoff.id)
        .and_then(Result::ok)
        .map(|r| r.recorded.history.len());
    assert_eq!(history, Some(1), "a deleted case starts a new history");

    // She withdraws her consent to be counted.
    decisions.count_in_reports = Some(false);
    record(
        &ring,
        &mut book,
        &code,
        &again.handoff,
        decisions,
        by,
        now + intake::clock::Span(12),
        &config,
    )
    .expect("withdrawal recorded");
    assert!(book.statistics.rows(now).is_empty(), "taken out again");
}

#[test]
fn the_replay_window_is_the_configured_days() {
    let desk = Desk::new();
    let now = build_minutes() + intake::clock::Span(5);
    let ring = Keyring::new(desk.staff.clone(), now);
    let code = consenting_code(&desk, now);
    for (days, later, expected) in [
        (1, 2 * DAY, Replay::First),
        (3, 2 * DAY, Replay::SeenBefore),
    ] {
        let mut memory = DeskMemory {
            kiosks: desk.enrolled(),
            opened: Some(ReplayMemory::default()),
        };
        let config = config(days);
        case(scan(
            &code,
            &ring,
            &mut memory,
            &config,
            now,
            Freshness::Fresh,
        ));
        let again = case(scan(
            &code,
            &ring,
            &mut memory,
            &config,
            now + intake::clock::Span(later),
            Freshness::Fresh,
        ));
        assert_eq!(
            again.replay, expected,
            "replay_memory_days {days}, {later} minutes later"
        );
    }
}

#[test]
fn an_unreadable_list_of_opened_codes_says_so() {
    let desk = Desk::new();
    let now = build_minutes() + intake::clock::Span(5);
    let ring = Keyring::new(desk.staff.clone(), now);
    let mut memory = DeskMemory {
        kiosks: desk.enrolled(),
        opened: None,
    };
    let code = consenting_code(&desk, now);
    let c = case(scan(
        &code,
        &ring,
        &mut memory,
        &config(30),
        now,
        Freshness::Fresh,
    ));
    assert_eq!(c.replay, Replay::Unknown);
    assert!(
        memory.opened.is_none(),
        "an unreadable list is not written over"
    );
}

#[test]
fn a_kiosk_enrolment_goes_to_the_enrol_field_and_anything_else_is_refused_by_kind() {
    let desk = Desk::new();
    let now = build_minutes() + intake::clock::Span(5);
    let ring = Keyring::new(desk.staff.clone(), now);
    let mut memory = DeskMemory::default();
    let line = format!("  H={}\n", desk.kiosk.public().to_hex());
    assert_eq!(
        scan(
            &line,
            &ring,
            &mut memory,
            &config(30),
            now,
            Freshness::Fresh
        ),
        Scanned::KioskKey(line.trim().to_owned())
    );
    // Another desk's kiosk list goes to the kiosks view, whole.
    assert_eq!(
        scan(
            " DK1123456\n",
            &ring,
            &mut memory,
            &config(30),
            now,
            Freshness::Fresh
        ),
        Scanned::DeskKiosks("DK1123456".to_owned())
    );
    assert_eq!(
        scan(
            "hello",
            &ring,
            &mut memory,
            &config(30),
            now,
            Freshness::Fresh
        ),
        Scanned::Refused(OpenError::NotAHandoffCode)
    );
    // A genuine code from a kiosk this desk has not enrolled.
    let code = consenting_code(&desk, now);
    assert_eq!(
        scan(
            &code,
            &ring,
            &mut memory,
            &config(30),
            now,
            Freshness::Fresh
        ),
        Scanned::Refused(OpenError::NotForThisDesk)
    );
    assert_eq!(
        memory,
        DeskMemory::default(),
        "a refused scan changes nothing"
    );
}

#[test]
fn a_clock_set_back_does_not_reopen_a_closed_month() {
    let desk = Desk::new();
    let now = build_minutes() + intake::clock::Span(5);
    let mut ring = Keyring::new(desk.staff.clone(), now);
    // The desk has seen a time 45 days on; its clock now says `now` again.
    let later = now + intake::clock::Span::days(45);
    ring.observe(later);
    let config = config(30);
    let mut memory = DeskMemory {
        kiosks: desk.enrolled(),
        opened: Some(ReplayMemory::default()),
    };
    let code = consenting_code(&desk, now);
    let opened = case(scan(
        &code,
        &ring,
        &mut memory,
        &config,
        later,
        Freshness::Fresh,
    ));
    let mut decisions = Decisions::draft(&opened.handoff.answers);
    decisions.enter_in_records = Some(true);
    let mut book = DeskBook::default();
    let by = Initials::parse("LT").expect("initials");
    record(
        &ring,
        &mut book,
        &code,
        &opened.handoff,
        decisions,
        by,
        now,
        &config,
    )
    .expect("recorded");
    let months: Vec<String> = book
        .statistics
        .rows(later)
        .into_iter()
        .map(|r| r.month)
        .collect();
    assert_eq!(months, vec![intake::desk::month_of(later)]);
}
