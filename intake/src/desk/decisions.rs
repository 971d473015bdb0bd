//! Her decisions, taken with staff in person. What she tapped at the kiosk is a wish: it
//! pre-fills these and is shown beside them, never in their place. Nothing is printed,
//! exported or counted until staff record them, with their initials and the time.
//!
//! Law behind the fields: Decree 56/2017/NĐ-CP Art. 33 and the Law on Children 2016 Art. 21
//! (a child's information is shared only with the consent of the child from 7 and of a
//! parent or guardian); Decree 56/2017 Art. 25(1) (harm or risk of harm to a child is
//! notified at once — a duty apart from sharing); Law 91/2025/QH15 on personal data (consent
//! can be withdrawn; Art. 24 on children's data).
use super::case_sheet::Priority;
use crate::answers::{Answers, Reply, Wish};
use crate::clock::Minutes;
use crate::handoff::HandoffId;
use crate::services::Service;
use serde::{Deserialize, Serialize};

/// What she decides about sharing with one service's agency, when staff talk with her.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Share {
    Share,
    DoNotShare,
    DecideLater,
}

impl Share {
    /// The pre-filled choice from her kiosk wish: "not sure" and "not asked" wait for her.
    pub fn from_wish(w: Wish) -> Share {
        match w {
            Wish::Yes => Share::Share,
            Wish::No => Share::DoNotShare,
            Wish::NotSure | Wish::NotAsked => Share::DecideLater,
        }
    }

    /// The stable name used in exports.
    pub fn as_str(self) -> &'static str {
        match self {
            Share::Share => "share",
            Share::DoNotShare => "do_not_share",
            Share::DecideLater => "decide_later",
        }
    }
}

/// Her decision for one service she chose.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServiceDecision {
    pub service: Service,
    pub share: Share,
    /// Whether the agency's slip may also carry her urgent needs (danger, a doctor now, an
    /// interpreter, a child under 16). Never ticked for her: staff ask.
    pub share_needs: bool,
}

/// The child's own view on sharing (from 7 years old the child's consent is needed).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChildView {
    Agrees,
    DoesNotAgree,
}

/// The consenting adult (parent or guardian), recorded apart from the child's view.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Adult {
    Agrees,
    DoesNotAgree,
    /// Not asked: the adult may be the one who harmed the child. Then nothing of the child's
    /// is shared by a slip: it goes through the mandatory report, and the child protection
    /// authority decides (no law found lets staff share on the child's word alone).
    NotAskedMayBeAbuser,
    /// No parent or guardian could be reached.
    NotReachable,
}

/// A child's decisions: hers and the adult's, each recorded.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChildConsent {
    pub child_view: Option<ChildView>,
    pub adult: Option<Adult>,
}

/// Where a mandatory report goes (Decree 56/2017/NĐ-CP Art. 25(1) names these).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReportTo {
    /// The national child protection line 111.
    Hotline111,
    /// The body in charge of child protection (since the 2025 reorganisation, under the
    /// commune or ward and the province; formerly the labour–social affairs office).
    ChildProtectionAuthority,
    Police,
    /// The commune or ward People's Committee.
    CommuneCommittee,
}

impl ReportTo {
    pub const ALL: [ReportTo; 4] = [
        ReportTo::Hotline111,
        ReportTo::ChildProtectionAuthority,
        ReportTo::Police,
        ReportTo::CommuneCommittee,
    ];

    /// The stable name used in exports.
    pub fn as_str(self) -> &'static str {
        match self {
            ReportTo::Hotline111 => "hotline_111",
            ReportTo::ChildProtectionAuthority => "child_protection_authority",
            ReportTo::Police => "police",
            ReportTo::CommuneCommittee => "commune_committee",
        }
    }
}

/// A report the law requires, recorded apart from sharing: it is not her choice.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum Report {
    /// Not decided yet (must be decided for a child under 16).
    #[default]
    Undecided,
    /// Staff judged that no report is required.
    NotRequired,
    /// Required, not made yet: the desk keeps saying so until it is recorded as made.
    Required,
    /// Made: to whom (chosen by staff, never assumed), and when (minutes since 1970).
    Made { to: Option<ReportTo>, at: Minutes },
}

/// The decisions staff record with her. `None` is "not decided yet".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Decisions {
    /// Her consent (or a child's assent) to receive services.
    pub consent_services: Option<bool>,
    pub services: Vec<ServiceDecision>,
    /// Whether her case is entered in the centre's case records (another system).
    pub enter_in_records: Option<bool>,
    /// Whether she is counted in the centre's anonymous reports.
    pub count_in_reports: Option<bool>,
    /// For a child under 16: the child's view and the adult's, each recorded.
    pub child: Option<ChildConsent>,
    pub report: Report,
    /// Staff ticked: flag her urgent needs on the case in the case records (Primero).
    #[serde(default)]
    pub flag_urgent: bool,
    /// Staff ticked: flag that she needs an interpreter on the case in the case records.
    #[serde(default)]
    pub flag_interpreter: bool,
}

/// What must still be decided before the decisions can be recorded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Missing {
    ConsentToServices,
    EnterInRecords,
    CountInReports,
    ChildView,
    Adult,
    /// A child under 16: a mandatory report must be recorded as made, required, or not
    /// required.
    Report,
    /// A report recorded as made must say to whom.
    ReportTo,
    /// Sharing a child's information by a slip needs the child's agreement and a parent's or
    /// guardian's (Law on Children 2016 Art. 21; Decree 56/2017 Art. 33).
    ChildSharingNotAgreed,
    /// Sharing chosen while she does not consent to services.
    SharingWithoutConsent,
}

impl Decisions {
    /// The draft staff start from: her kiosk answers where she gave one, nothing else.
    pub fn draft(answers: &Answers) -> Decisions {
        Decisions {
            consent_services: yes_no(answers.consent_services),
            services: answers
                .services
                .iter()
                .map(|service| ServiceDecision {
                    service,
                    share: Share::from_wish(answers.sharing.wish(service)),
                    share_needs: false,
                })
                .collect(),
            enter_in_records: None,
            count_in_reports: yes_no(answers.consent_statistics),
            child: answers
                .age_band
                .is_child_under_16()
                .then(ChildConsent::default),
            report: Report::Undecided,
            flag_urgent: false,
            flag_interpreter: false,
        }
    }

    /// Her decision for `service`, if she chose it.
    pub fn service(&self, service: Service) -> Option<&ServiceDecision> {
        self.services.iter().find(|d| d.service == service)
    }

    /// Sets her decision for `service` (nothing for a service she did not choose).
    pub fn set_share(&mut self, service: Service, share: Share) {
        if let Some(d) = self.services.iter_mut().find(|d| d.service == service) {
            d.share = share;
            if share != Share::Share {
                d.share_needs = false;
            }
        }
    }

    /// Whether the slip for `service` also carries her urgent needs.
    pub fn set_share_needs(&mut self, service: Service, yes: bool) {
        if let Some(d) = self.services.iter_mut().find(|d| d.service == service) {
            d.share_needs = yes && d.share == Share::Share;
        }
    }

    /// What is still to decide; empty when the decisions can be recorded.
    pub fn missing(&self) -> Vec<Missing> {
        let mut missing = Vec::new();
        if self.consent_services.is_none() {
            missing.push(Missing::ConsentToServices);
        }
        if self.enter_in_records.is_none() {
            missing.push(Missing::EnterInRecords);
        }
        if self.count_in_reports.is_none() {
            missing.push(Missing::CountInReports);
        }
        let sharing = self.services.iter().any(|d| d.share == Share::Share);
        if sharing && self.consent_services == Some(false) {
            missing.push(Missing::SharingWithoutConsent);
        }
        if matches!(self.report, Report::Made { to: None, .. }) {
            missing.push(Missing::ReportTo);
        }
        if let Some(child) = self.child {
            if child.child_view.is_none() {
                missing.push(Missing::ChildView);
            }
            if child.adult.is_none() {
                missing.push(Missing::Adult);
            }
            if self.report == Report::Undecided {
                missing.push(Missing::Report);
            }
            let agreed =
                child.child_view == Some(ChildView::Agrees) && child.adult == Some(Adult::Agrees);
            if sharing && child.child_view.is_some() && child.adult.is_some() && !agreed {
                missing.push(Missing::ChildSharingNotAgreed);
            }
        }
        missing
    }

    /// The services whose agency she agreed, in person, to share with: one referral slip
    /// each. None while she does not consent to services, nor for a child without the
    /// child's and a parent's or guardian's agreement.
    pub fn shared(&self) -> impl Iterator<Item = &ServiceDecision> {
        let child_agreed = self.child.is_none_or(|c| {
            c.child_view == Some(ChildView::Agrees) && c.adult == Some(Adult::Agrees)
        });
        let consent = self.consent_services == Some(true) && child_agreed;
        self.services
            .iter()
            .filter(move |d| consent && d.share == Share::Share)
    }
}

fn yes_no(reply: Reply) -> Option<bool> {
    match reply {
        Reply::Yes => Some(true),
        Reply::No => Some(false),
        Reply::NotAsked | Reply::Skipped => None,
    }
}

/// A staff member's initials: 1 to 4 letters, kept for the session (the desk keeps no
/// staff name, and none of hers).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Initials(String);

impl Initials {
    /// Reads initials as typed: letters only (Vietnamese ones too), spaces and dots dropped,
    /// upper-cased.
    pub fn parse(text: &str) -> Result<Initials, String> {
        let letters: String = text
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '.')
            .flat_map(char::to_uppercase)
            .collect();
        let count = letters.chars().count();
        if count == 0 || count > 4 || !letters.chars().all(char::is_alphabetic) {
            return Err(format!("{text:?}: 1 to 4 letters"));
        }
        Ok(Initials(letters))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for Initials {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        Initials::parse(&s)
    }
}

impl From<Initials> for String {
    fn from(i: Initials) -> String {
        i.0
    }
}

/// One recording of her decisions: what, by whom, when. She may change her mind: a later
/// entry replaces an earlier one, and both stay in the case's history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    pub decisions: Decisions,
    pub by: Initials,
    pub at: Minutes,
}

/// A recorded case: the handoff it came from and every recording of her decisions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Recorded {
    pub handoff: HandoffId,
    pub history: Vec<Entry>,
}

impl Recorded {
    /// Records `decisions` by `by` at `at`, if nothing is missing.
    pub fn record(
        previous: Option<Recorded>,
        handoff: HandoffId,
        decisions: Decisions,
        by: Initials,
        at: Minutes,
    ) -> Result<Recorded, Vec<Missing>> {
        let missing = decisions.missing();
        if !missing.is_empty() {
            return Err(missing);
        }
        let mut recorded = previous
            .filter(|p| p.handoff == handoff)
            .unwrap_or(Recorded {
                handoff,
                history: Vec::new(),
            });
        recorded.history.push(Entry { decisions, by, at });
        Ok(recorded)
    }

    /// The latest recording.
    pub fn latest(&self) -> Option<&Entry> {
        self.history.last()
    }
}

impl Priority {
    /// Whether this reason is a need staff act on (red on the sheet), not context.
    pub fn is_need(&self) -> bool {
        match self {
            Priority::HelpNow
            | Priority::Interpreter(_)
            | Priority::DangerNow
            | Priority::DoctorNow
            | Priority::ChildUnder16 => true,
            Priority::Aged16To17 | Priority::ChildrenPresent(_) => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answers::{AgeBand, Sharing};
    use crate::services::ServiceSet;

    fn woman() -> Answers {
        Answers {
            age_band: AgeBand::Adult,
            consent_services: Reply::Yes,
            consent_statistics: Reply::Skipped,
            services: ServiceSet::of([Service::Health, Service::Police, Service::Legal]),
            sharing: Sharing {
                yes: ServiceSet::of([Service::Health]),
                no: ServiceSet::of([Service::Police]),
                not_sure: ServiceSet::of([Service::Legal]),
            },
            ..Answers::default()
        }
    }

    #[test]
    fn the_draft_takes_her_kiosk_answers_and_decides_nothing_else() {
        let d = Decisions::draft(&woman());
        assert_eq!(d.consent_services, Some(true));
        assert_eq!(
            d.service(Service::Health).map(|s| s.share),
            Some(Share::Share)
        );
        assert_eq!(
            d.service(Service::Police).map(|s| s.share),
            Some(Share::DoNotShare)
        );
        assert_eq!(
            d.service(Service::Legal).map(|s| s.share),
            Some(Share::DecideLater)
        );
        assert!(
            d.services.iter().all(|s| !s.share_needs),
            "needs never ticked for her"
        );
        assert_eq!(d.enter_in_records, None, "no kiosk answer: staff ask");
        assert_eq!(d.count_in_reports, None, "skipped at the kiosk: staff ask");
        assert_eq!(d.child, None);
        assert_eq!(
            d.missing(),
            vec![Missing::EnterInRecords, Missing::CountInReports]
        );
    }

    #[test]
    fn nothing_is_recorded_while_something_is_undecided() {
        let d = Decisions::draft(&woman());
        let by = Initials::parse("lt").expect("initials");
        let refused = Recorded::record(None, HandoffId([1; 8]), d.clone(), by.clone(), Minutes(5));
        assert_eq!(
            refused,
            Err(vec![Missing::EnterInRecords, Missing::CountInReports])
        );
        let mut d = d;
        d.enter_in_records = Some(true);
        d.count_in_reports = Some(false);
        let recorded =
            Recorded::record(None, HandoffId([1; 8]), d.clone(), by, Minutes(5)).expect("recorded");
        assert_eq!(recorded.latest().map(|e| e.by.as_str()), Some("LT"));
        // She changes her mind: a second entry, the first kept.
        d.set_share(Service::Legal, Share::Share);
        let again = Recorded::record(
            Some(recorded),
            HandoffId([1; 8]),
            d,
            Initials::parse("Đ.H").expect("initials"),
            Minutes(9),
        )
        .expect("recorded again");
        assert_eq!(again.history.len(), 2);
        assert_eq!(again.latest().map(|e| e.by.as_str()), Some("ĐH"));
        let shared: Vec<Service> = again
            .latest()
            .map(|e| e.decisions.shared().map(|s| s.service).collect())
            .unwrap_or_default();
        assert_eq!(shared, vec![Service::Health, Service::Legal]);
    }

    #[test]
    fn without_consent_to_services_nothing_is_shared() {
        let mut d = Decisions::draft(&woman());
        d.consent_services = Some(false);
        assert!(d.missing().contains(&Missing::SharingWithoutConsent));
        assert_eq!(d.shared().count(), 0);
    }

    #[test]
    fn a_childs_view_the_adult_and_the_report_are_recorded_apart() {
        let child = Answers {
            age_band: AgeBand::From12To15,
            ..woman()
        };
        let mut d = Decisions::draft(&child);
        d.enter_in_records = Some(true);
        d.count_in_reports = Some(true);
        assert_eq!(
            d.missing(),
            vec![Missing::ChildView, Missing::Adult, Missing::Report]
        );
        d.child = Some(ChildConsent {
            child_view: Some(ChildView::Agrees),
            adult: Some(Adult::DoesNotAgree),
        });
        d.report = Report::Made {
            to: None,
            at: Minutes(100),
        };
        assert_eq!(
            d.missing(),
            vec![Missing::ReportTo, Missing::ChildSharingNotAgreed],
            "to whom is never assumed"
        );
        d.report = Report::Made {
            to: Some(ReportTo::Hotline111),
            at: Minutes(100),
        };
        d.child = Some(ChildConsent {
            child_view: Some(ChildView::Agrees),
            adult: Some(Adult::NotAskedMayBeAbuser),
        });
        assert_eq!(
            d.missing(),
            vec![Missing::ChildSharingNotAgreed],
            "the adult not asked: no slip, the report carries it"
        );
        assert_eq!(d.shared().count(), 0);
        d.child = Some(ChildConsent {
            child_view: Some(ChildView::Agrees),
            adult: Some(Adult::Agrees),
        });
        assert_eq!(d.missing(), vec![]);
        assert_eq!(d.shared().count(), 1, "health, the one shared");
        d.report = Report::Required;
        assert_eq!(
            d.missing(),
            vec![],
            "a report still to make can be recorded as such"
        );
        d.set_share(Service::Health, Share::DoNotShare);
        d.set_share(Service::Legal, Share::DoNotShare);
        d.child = Some(ChildConsent {
            child_view: Some(ChildView::DoesNotAgree),
            adult: Some(Adult::Agrees),
        });
        assert_eq!(d.missing(), vec![], "sharing nothing needs no agreement");
    }

    #[test]
    fn initials_are_letters_only() {
        assert_eq!(
            Initials::parse(" n.t.h ").map(|i| i.0),
            Ok("NTH".to_owned())
        );
        for bad in ["", "ABCDE", "A1", "<b>"] {
            assert!(Initials::parse(bad).is_err(), "{bad:?}");
        }
        assert!(serde_json::from_str::<Initials>("\"12\"").is_err());
    }

    #[test]
    fn needs_share_only_with_an_agency_she_shares_with() {
        let mut d = Decisions::draft(&woman());
        d.set_share_needs(Service::Police, true);
        assert_eq!(
            d.service(Service::Police).map(|s| s.share_needs),
            Some(false)
        );
        d.set_share_needs(Service::Health, true);
        assert_eq!(
            d.service(Service::Health).map(|s| s.share_needs),
            Some(true)
        );
        d.set_share(Service::Health, Share::DecideLater);
        assert_eq!(
            d.service(Service::Health).map(|s| s.share_needs),
            Some(false)
        );
    }
}
