//! Whatever she taps, in whatever order, the answers the kiosk would seal pass the desk's
//! range checks: a genuine kiosk never makes a code the desk calls damaged.
mod common;

use common::{reply, services, wish};
use intake::flow::{ConsentChoice, Event, Flow, Step};
use intake::{AgeBand, Children, LangTag, Service, Sex};
use proptest::prelude::*;

fn service() -> impl Strategy<Value = Service> {
    proptest::sample::select(Service::ALL.to_vec())
}

fn event() -> impl Strategy<Value = Event> {
    prop_oneof![
        proptest::sample::select(vec![LangTag::VI, LangTag::EN]).prop_map(Event::ChooseLanguage),
        proptest::sample::select(vec!["tyz", "hab", "qsd", "und"])
            .prop_map(|t| Event::NeedInterpreter(LangTag::parse(t).expect("a tag"))),
        Just(Event::HelpNow),
        proptest::sample::select(AgeBand::CHOICES.to_vec()).prop_map(Event::ChooseAge),
        Just(Event::Continue),
        proptest::sample::select(vec![
            ConsentChoice::Yes,
            ConsentChoice::No,
            ConsentChoice::InformationOnly
        ])
        .prop_map(Event::Consent),
        reply().prop_map(Event::Reply),
        (0u8..=Children::MAX + 1).prop_map(|n| Event::ChooseChildren(Children::Count(n))),
        Just(Event::ChooseChildren(Children::Skipped)),
        service().prop_map(Event::ToggleService),
        Just(Event::ToggleTalkFirst),
        (service(), wish()).prop_map(|(s, w)| Event::Share(s, w)),
        proptest::sample::select(vec![Sex::Female, Sex::Male, Sex::Other, Sex::Skipped])
            .prop_map(Event::ChooseSex),
        Just(Event::CodeNow),
        proptest::sample::select(vec![
            Step::Age,
            Step::Consent,
            Step::Danger,
            Step::Doctor,
            Step::Children,
            Step::Services,
            Step::Sharing,
            Step::PrivateRoom,
            Step::Statistics,
        ])
        .prop_map(Event::Change),
        Just(Event::Back),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn every_sequence_of_taps_leaves_answers_the_desk_accepts(
        events in proptest::collection::vec(event(), 0..60),
        _unused in services(),
    ) {
        let mut flow = Flow::new();
        for e in events {
            let _ = flow.apply(e);
            prop_assert!(flow.answers().in_range(), "after {:?}: {:?}", e, flow.answers());
        }
    }
}
