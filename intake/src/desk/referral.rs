//! The referral slip (*phiếu chuyển gửi*) for one agency: what she agreed, in person, to
//! share with that agency and nothing else. The page prints it; this decides what is on it.
//! Never on a slip: her ticket (called out in the waiting room), the private-room answer,
//! another agency's service, or an urgent need she did not agree to share with this one.
use super::case_sheet::{CaseSheet, Priority};
use super::decisions::{Entry, Initials};
use super::records::CaseRef;
use crate::clock::Minutes;
use crate::config::CentreConfig;
use crate::handoff::HandoffId;
use crate::services::Service;

/// Who takes the slip to the agency: staff first ask whether paper is safe for her to carry
/// (someone at home may find it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Carry {
    /// She carries it.
    Her,
    /// Not safe for her: the centre sends it to the agency.
    SentByCentre,
}

/// Everything printed on one slip.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Slip {
    pub service: Service,
    /// The receiving agency and its phone, from the centre's configuration (the service's
    /// contact, else a directory entry for the service).
    pub agency: Option<String>,
    pub phone: Option<String>,
    pub case_ref: CaseRef,
    /// The date printed (`dd/mm/yyyy`, local time).
    pub date: String,
    /// Her urgent needs: only when she agreed to share them with this agency.
    pub needs: Vec<Priority>,
    pub carry: Carry,
    /// A line for her name, filled by hand: only if she agrees.
    pub name_line: bool,
    /// The initials of the staff member who prints it.
    pub by: Initials,
    /// A child's slip: the child and a parent or guardian agreed (not "she").
    pub child: bool,
}

impl Slip {
    /// The slip for `service`, if she agreed in person to share with its agency (the latest
    /// recording of her decisions); `None` for any other service.
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        handoff: HandoffId,
        decided: &Entry,
        sheet: &CaseSheet,
        config: &CentreConfig,
        service: Service,
        carry: Carry,
        name_line: bool,
        by: Initials,
        now: Minutes,
    ) -> Option<Slip> {
        let decision = decided.decisions.shared().find(|d| d.service == service)?;
        let offer = config.offer(service);
        let listed = config
            .directory
            .iter()
            .find(|d| d.services.contains(&service));
        let agency = offer
            .and_then(|o| o.contact.clone())
            .or_else(|| listed.and_then(|d| d.name.get("vi").cloned()));
        let phone = offer
            .and_then(|o| o.phone.clone())
            .or_else(|| listed.map(|d| d.phone.clone()));
        let needs = if decision.share_needs {
            sheet
                .priorities
                .iter()
                .copied()
                .filter(Priority::is_need)
                .collect()
        } else {
            Vec::new()
        };
        Some(Slip {
            service,
            agency,
            phone,
            case_ref: CaseRef::of(handoff),
            date: super::local_date(now),
            needs,
            carry,
            name_line,
            by,
            child: decided.decisions.child.is_some(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answers::{AgeBand, Answers, Reply, Sharing};
    use crate::desk::decisions::{Decisions, Share};
    use crate::handoff::{KioskId, Opened, Ticket};
    use crate::services::ServiceSet;

    fn config() -> CentreConfig {
        CentreConfig::parse(include_str!("../../../public/centre.json")).expect("config")
    }

    fn sheet(answers: Answers) -> CaseSheet {
        let opened = Opened {
            handoff: crate::handoff::Handoff {
                created_minutes: Minutes(0),
                id: HandoffId([9; 8]),
                ticket: Ticket {
                    letter: crate::handoff::KioskLetter::DEFAULT,
                    number: 7,
                },
                answers,
            },
            kiosk: KioskId(0),
            kiosk_index: 0,
            staff_key_index: 0,
            warning: None,
            letter_warning: None,
        };
        CaseSheet::new(&opened, &config(), false)
    }

    fn her() -> Answers {
        Answers {
            age_band: AgeBand::Adult,
            danger_now: Reply::Yes,
            private_room: Reply::Yes,
            consent_services: Reply::Yes,
            services: ServiceSet::of([Service::Health, Service::Police, Service::Legal]),
            sharing: Sharing {
                yes: ServiceSet::of([Service::Health, Service::Legal]),
                no: ServiceSet::of([Service::Police]),
                not_sure: ServiceSet::EMPTY,
            },
            ..Answers::default()
        }
    }

    fn entry(d: Decisions) -> Entry {
        Entry {
            decisions: d,
            by: Initials::parse("LT").expect("initials"),
            at: Minutes(1),
        }
    }

    fn slip(d: &Entry, s: &CaseSheet, service: Service) -> Option<Slip> {
        Slip::new(
            HandoffId([9; 8]),
            d,
            s,
            &config(),
            service,
            Carry::Her,
            false,
            Initials::parse("LT").expect("initials"),
            Minutes(29_400_000),
        )
    }

    #[test]
    fn a_slip_only_for_an_agency_she_agreed_to_share_with() {
        let answers = her();
        let s = sheet(answers.clone());
        let mut d = Decisions::draft(&answers);
        d.set_share(Service::Legal, Share::DecideLater);
        d.set_share_needs(Service::Health, true);
        let e = entry(d);
        assert!(slip(&e, &s, Service::Police).is_none(), "declined: no slip");
        assert!(
            slip(&e, &s, Service::Legal).is_none(),
            "decide later: no slip"
        );
        assert!(
            slip(&e, &s, Service::Shelter).is_none(),
            "not chosen: no slip"
        );
        let health = slip(&e, &s, Service::Health).expect("a slip");
        assert_eq!(health.needs, vec![Priority::DangerNow]);
        assert_eq!(health.case_ref, CaseRef::of(HandoffId([9; 8])));
        assert_eq!(health.date, "24/11/2025");
        assert!(health.agency.is_some());
    }

    #[test]
    fn needs_only_where_shared_and_nothing_without_consent() {
        let answers = her();
        let s = sheet(answers.clone());
        let d = Decisions::draft(&answers);
        let e = entry(d.clone());
        assert_eq!(
            slip(&e, &s, Service::Health).map(|x| x.needs),
            Some(vec![]),
            "needs not ticked: not on the slip"
        );
        let mut no = d;
        no.consent_services = Some(false);
        assert!(slip(&entry(no), &s, Service::Health).is_none());
    }

    #[test]
    fn the_directory_names_an_agency_the_service_does_not() {
        let mut c = config();
        for o in &mut c.services {
            if o.id == Service::Legal {
                o.contact = None;
                o.phone = None;
            }
        }
        let answers = her();
        let e = entry(Decisions::draft(&answers));
        let s = sheet(answers);
        let legal = Slip::new(
            HandoffId([9; 8]),
            &e,
            &s,
            &c,
            Service::Legal,
            Carry::SentByCentre,
            true,
            Initials::parse("LT").expect("initials"),
            Minutes(0),
        )
        .expect("a slip");
        assert_eq!(legal.phone.as_deref(), Some("0203 3000 111"));
        assert!(legal.agency.is_some_and(|a| a.contains("pháp lý")));
    }
}
