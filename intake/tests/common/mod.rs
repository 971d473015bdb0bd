//! Shared test helpers: proptest strategies for every valid answer set and handoff.
#![allow(dead_code)]

use intake::handoff::{Handoff, HandoffId, KeyPair, Ticket};
use intake::{AgeBand, Answers, Children, LangTag, Reply, ServiceSet, Sex, Sharing};
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
            services(),
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
                    hurt_now,
                ),
                (
                    children,
                    chosen,
                    talk_first,
                    consent_services,
                    share_yes,
                    consent_statistics,
                    sex,
                    disability,
                ),
            )| {
                let yes = share_yes.intersect(chosen);
                let no = ServiceSet::from_bits(chosen.bits() & !yes.bits()).expect("subset");
                Answers {
                    session_language,
                    spoken_language,
                    interpreter,
                    age_band,
                    help_now,
                    danger_now,
                    hurt_now,
                    children,
                    services: chosen,
                    talk_first,
                    consent_services,
                    sharing: Sharing { yes, no },
                    consent_statistics,
                    sex,
                    disability,
                }
            },
        )
}

/// Minutes since 1970 from the build date to 2100: every time a kiosk may seal at.
pub fn minutes() -> impl Strategy<Value = u32> {
    intake::handoff::build_minutes()..68_400_000
}

pub fn handoff() -> impl Strategy<Value = Handoff> {
    (
        answers(),
        minutes(),
        any::<[u8; 8]>(),
        b'A'..=b'Z',
        1u16..=Ticket::MAX,
    )
        .prop_map(|(answers, created_minutes, id, prefix, number)| Handoff {
            kiosk: intake::handoff::KioskId(0),
            created_minutes,
            id: HandoffId(id),
            ticket: Ticket { prefix, number },
            answers,
        })
}

/// The largest answers: every field at its widest encoding.
pub fn largest_handoff() -> Handoff {
    Handoff {
        kiosk: intake::handoff::KioskId(0),
        created_minutes: u32::MAX,
        id: HandoffId([0xff; 8]),
        ticket: Ticket {
            prefix: b'Z',
            number: Ticket::MAX,
        },
        answers: Answers {
            session_language: LangTag::parse("zzz").expect("valid"),
            spoken_language: LangTag::parse("zzz").expect("valid"),
            interpreter: Reply::Skipped,
            age_band: AgeBand::PreferNotToSay,
            help_now: true,
            danger_now: Reply::Skipped,
            hurt_now: Reply::Skipped,
            children: Children::Count(Children::MAX),
            services: ServiceSet::from_bits(0xff).expect("eight bits"),
            talk_first: true,
            consent_services: Reply::Skipped,
            sharing: Sharing {
                yes: ServiceSet::from_bits(0xff).expect("eight bits"),
                no: ServiceSet::from_bits(0xff).expect("eight bits"),
            },
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

    pub fn enrolled(&self) -> Vec<intake::handoff::EnrolledKiosk> {
        vec![intake::handoff::EnrolledKiosk {
            public: self.kiosk.public().clone(),
            revoked: false,
        }]
    }
}
