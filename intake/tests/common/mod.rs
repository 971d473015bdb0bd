//! Shared test helpers: proptest strategies for every valid answer set and handoff.
#![allow(dead_code)]

use intake::flow::{ConsentChoice, Event, Step};
use intake::handoff::{EnrolledKiosk, Handoff, HandoffId, KeyPair, KioskLetter, Ticket};
use intake::{AgeBand, Answers, Children, LangTag, Reply, Service, ServiceSet, Sex, Sharing, Wish};
use proptest::prelude::*;

pub fn reply() -> impl Strategy<Value = Reply> {
    prop_oneof![
        Just(Reply::NotAsked),
        Just(Reply::Yes),
        Just(Reply::No),
        Just(Reply::Skipped)
    ]
}

pub fn age_band() -> impl Strategy<Value = AgeBand> {
    prop_oneof![
        Just(AgeBand::NotAsked),
        Just(AgeBand::Under12),
        Just(AgeBand::From12To15),
        Just(AgeBand::From16To17),
        Just(AgeBand::Adult),
        Just(AgeBand::PreferNotToSay)
    ]
}

pub fn lang() -> impl Strategy<Value = LangTag> {
    "[a-z]{2,3}".prop_map(|s| LangTag::parse(&s).expect("strategy makes valid tags"))
}

pub fn wish() -> impl Strategy<Value = Wish> {
    prop_oneof![
        Just(Wish::NotAsked),
        Just(Wish::Yes),
        Just(Wish::No),
        Just(Wish::NotSure)
    ]
}

pub fn letter() -> impl Strategy<Value = KioskLetter> {
    proptest::sample::select(KioskLetter::ALL.to_vec())
}

pub fn services() -> impl Strategy<Value = ServiceSet> {
    (0u16..256).prop_map(|b| ServiceSet::from_bits(b).expect("eight bits"))
}

pub fn answers() -> impl Strategy<Value = Answers> {
    (
        (
            lang(),
            lang(),
            reply(),
            age_band(),
            any::<bool>(),
            reply(),
            reply(),
            reply(),
        ),
        (
            prop_oneof![
                Just(Children::NotAsked),
                Just(Children::Skipped),
                (0u8..=Children::MAX).prop_map(Children::Count)
            ],
            services(),
            any::<bool>(),
            reply(),
            proptest::collection::vec(wish(), Service::ALL.len()),
            reply(),
            prop_oneof![
                Just(Sex::NotAsked),
                Just(Sex::Female),
                Just(Sex::Male),
                Just(Sex::Other),
                Just(Sex::Skipped)
            ],
            reply(),
        ),
    )
        .prop_map(
            |(
                (
                    session_language,
                    spoken_language,
                    interpreter,
                    age_band,
                    help_now,
                    danger_now,
                    doctor_now,
                    private_room,
                ),
                (
                    children,
                    chosen,
                    talk_first,
                    consent_services,
                    wishes,
                    consent_statistics,
                    sex,
                    disability,
                ),
            )| {
                let mut sharing = Sharing::default();
                for (service, wish) in Service::ALL.into_iter().zip(wishes) {
                    // The child path never asks about sharing.
                    if chosen.contains(service) && !age_band.is_child_under_16() {
                        sharing.set(service, wish);
                    }
                }
                Answers {
                    session_language,
                    spoken_language,
                    interpreter,
                    age_band,
                    help_now,
                    danger_now,
                    doctor_now,
                    private_room,
                    children,
                    services: chosen,
                    talk_first,
                    consent_services,
                    sharing,
                    consent_statistics,
                    sex,
                    disability,
                }
            },
        )
}

/// Minutes since 1970 from the build date to 2100: every time a kiosk may seal at.
pub fn minutes() -> impl Strategy<Value = intake::clock::Minutes> {
    (intake::handoff::build_minutes().0..68_400_000).prop_map(intake::clock::Minutes)
}

pub fn handoff() -> impl Strategy<Value = Handoff> {
    (
        answers(),
        minutes(),
        any::<[u8; 8]>(),
        letter(),
        1u16..=Ticket::MAX,
    )
        .prop_map(|(answers, created_minutes, id, letter, number)| Handoff {
            created_minutes,
            id: HandoffId(id),
            ticket: Ticket { letter, number },
            answers,
        })
}

/// The largest answers: every field at its widest encoding.
pub fn largest_handoff() -> Handoff {
    let all = ServiceSet::from_bits(0xff).expect("eight bits");
    let mut sharing = Sharing::default();
    for (i, service) in Service::ALL.into_iter().enumerate() {
        // Every kind of wish, so each set is as wide as it can be in some byte.
        let wish = [Wish::Yes, Wish::No, Wish::NotSure][i % 3];
        sharing.set(service, wish);
    }
    Handoff {
        created_minutes: intake::clock::Minutes(u32::MAX),
        id: HandoffId([0xff; 8]),
        ticket: Ticket {
            letter: KioskLetter::ALL[7],
            number: Ticket::MAX,
        },
        answers: Answers {
            session_language: LangTag::parse("zzz").expect("valid"),
            spoken_language: LangTag::parse("zzz").expect("valid"),
            interpreter: Reply::Skipped,
            age_band: AgeBand::PreferNotToSay,
            help_now: true,
            danger_now: Reply::Skipped,
            doctor_now: Reply::Skipped,
            private_room: Reply::Skipped,
            children: Children::Count(Children::MAX),
            services: all,
            talk_first: true,
            consent_services: Reply::Skipped,
            sharing,
            consent_statistics: Reply::Skipped,
            sex: Sex::Skipped,
            disability: Reply::Skipped,
        },
    }
}

pub struct Desk {
    pub staff: KeyPair,
    pub kiosk: KeyPair,
}

impl Desk {
    pub fn new() -> Desk {
        Desk {
            staff: KeyPair::generate().expect("randomness"),
            kiosk: KeyPair::generate().expect("randomness"),
        }
    }

    pub fn enrolled(&self) -> Vec<EnrolledKiosk> {
        vec![enrolled(&self.kiosk, KioskLetter::ALL[7])]
    }
}

/// A kiosk enrolled with `letter`, never seen.
pub fn enrolled(kiosk: &KeyPair, letter: KioskLetter) -> EnrolledKiosk {
    EnrolledKiosk {
        public: kiosk.public().clone(),
        letter,
        state: intake::handoff::KioskState::Enrolled,
        state_since_minutes: intake::clock::Minutes(0),
        last_seen_minutes: intake::clock::Minutes(0),
    }
}

pub fn service() -> impl Strategy<Value = Service> {
    proptest::sample::select(Service::ALL.to_vec())
}

/// Any tap on any screen, allowed there or not.
pub fn event() -> impl Strategy<Value = Event> {
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
