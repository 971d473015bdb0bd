//! The progress bar: one "here", a total that never changes along her path, and the same
//! number on the bar as in "step n of m".
mod common;

use common::event;
use intake::flow::{ConsentChoice, Event as E, Flow, Step as S};
use intake::progress::Segment;
use intake::{AgeBand, Children, LangTag, Reply, Service};
use proptest::prelude::*;

/// An adult's taps from the first screen to the services: no danger, no doctor, no children.
const TO_SERVICES: [E; 6] = [
    E::ChooseLanguage(LangTag::VI),
    E::ChooseAge(AgeBand::Adult),
    E::Consent(ConsentChoice::Yes),
    E::Reply(Reply::No),
    E::Reply(Reply::No),
    E::ChooseChildren(Children::Count(0)),
];

fn walk(flow: &mut Flow, events: &[E]) -> Vec<(S, usize, usize)> {
    let mut seen = vec![];
    for e in events {
        flow.apply(*e).expect("allowed");
        let p = flow.progress();
        seen.push((flow.step(), p.at(), p.of()));
    }
    seen
}

#[test]
fn an_adult_who_shares_nothing_sees_fifteen_steps_and_sharing_hollow() {
    let mut f = Flow::new();
    assert_eq!((f.progress().at(), f.progress().of()), (1, 15));
    let seen = walk(
        &mut f,
        &[&TO_SERVICES[..], &[E::ToggleTalkFirst, E::Continue]].concat(),
    );
    assert!(seen.iter().all(|(_, _, of)| *of == 15), "{seen:?}");
    let numbers: Vec<usize> = seen.iter().map(|(_, at, _)| *at).collect();
    // The child's notice (3) passed by; services is 8, "talk first" stays on it, then the
    // private room is 10: sharing passed by.
    assert_eq!(numbers, vec![2, 4, 5, 6, 7, 8, 8, 10]);
    assert_eq!(f.step(), S::PrivateRoom);
    let segments = f.progress().segments;
    assert_eq!(
        segments[2],
        Segment::Optional,
        "the child's notice stays hollow"
    );
    assert_eq!(
        segments[8],
        Segment::Optional,
        "sharing passed by stays hollow"
    );
    assert_eq!(segments[7], Segment::Done);
    assert_eq!(segments[10], Segment::Ahead);
}

#[test]
fn sharing_is_hollow_until_she_reaches_it_and_done_once_she_has() {
    let mut f = Flow::new();
    walk(
        &mut f,
        &[&TO_SERVICES[..], &[E::ToggleService(Service::Legal)]].concat(),
    );
    assert_eq!(f.progress().segments[8], Segment::Optional);
    walk(&mut f, &[E::Continue, E::Continue]);
    assert_eq!(f.step(), S::PrivateRoom);
    assert_eq!(f.progress().segments[8], Segment::Done);
}

#[test]
fn the_child_path_keeps_the_total_when_she_gives_her_age() {
    let mut f = Flow::new();
    let seen = walk(
        &mut f,
        &[
            E::ChooseLanguage(LangTag::VI),
            E::ChooseAge(AgeBand::From12To15),
            E::Continue,
        ],
    );
    assert_eq!(
        seen,
        vec![
            (S::Age, 2, 15),
            (S::ChildNotice, 3, 15),
            (S::Consent, 4, 15)
        ]
    );
}

#[test]
fn the_urgent_path_ends_with_her_code_and_keeps_its_total() {
    let mut f = Flow::new();
    let seen = walk(
        &mut f,
        &[
            E::ChooseLanguage(LangTag::VI),
            E::ChooseAge(AgeBand::Adult),
            E::Consent(ConsentChoice::Yes),
            E::Reply(Reply::Yes),
            E::Reply(Reply::No),
            E::CodeNow,
        ],
    );
    assert_eq!(&seen[4..], &[(S::GoToDeskNow, 6, 7), (S::Handoff, 7, 7)]);
}

#[test]
fn end_screens_are_the_last_step_of_their_path() {
    for (events, end) in [
        (
            vec![
                E::ChooseLanguage(LangTag::VI),
                E::ChooseAge(AgeBand::Under12),
            ],
            S::ChildToDesk,
        ),
        (
            vec![
                E::ChooseLanguage(LangTag::VI),
                E::ChooseAge(AgeBand::Adult),
                E::Consent(ConsentChoice::No),
            ],
            S::ConsentRefused,
        ),
        (
            vec![E::NeedInterpreter(LangTag::parse("tyz").expect("a tag"))],
            S::WaitHere,
        ),
    ] {
        let mut f = Flow::new();
        walk(&mut f, &events);
        assert_eq!(f.step(), end);
        let p = f.progress();
        assert_eq!(p.at(), p.of(), "{end:?} ends its path");
        assert!(p.segments[..p.of() - 1].iter().all(|s| *s == Segment::Done));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn every_screen_has_one_here_and_the_counter_matches_the_bar(
        events in proptest::collection::vec(event(), 0..60),
    ) {
        let mut f = Flow::new();
        for e in events {
            let _ = f.apply(e);
            let p = f.progress();
            let here = p.segments.iter().filter(|s| **s == Segment::Here).count();
            prop_assert_eq!(here, 1, "one 'here' on {:?}", f.step());
            prop_assert!(p.at() >= 1 && p.at() <= p.of());
            // Nothing ahead of her is drawn as done, nothing behind as ahead.
            prop_assert!(p.segments[p.at()..].iter().all(|s| matches!(s, Segment::Ahead | Segment::Optional)));
            prop_assert!(p.segments[..p.at() - 1].iter().all(|s| matches!(s, Segment::Done | Segment::Optional)));
            if !matches!(f.step(), S::GoToDeskNow | S::Handoff | S::WaitHere | S::ChildToDesk | S::ConsentRefused | S::InformationOnly) {
                prop_assert_eq!(p.of(), 15, "the main path's total on {:?}", f.step());
            }
        }
    }
}
