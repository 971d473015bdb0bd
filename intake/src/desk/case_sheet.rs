//! The case sheet: what staff read first (priority), then who she is in the queue, then
//! each chosen service with her consent to share and the referral contact.

use crate::answers::{AgeBand, Answers, Children, LangTag, Reply, Wish};
use crate::config::{CentreConfig, Where};
use crate::desk::words;
use crate::handoff::{KioskId, LetterWarning, Opened, TimeWarning};
use crate::services::Service;

/// A reason to see her first, most urgent first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Priority {
    /// She pressed "I need help now".
    HelpNow,
    /// She chose a language the screens are not written in: she waits for an interpreter.
    Interpreter(LangTag),
    DangerNow,
    /// She needs to see a doctor now.
    DoctorNow,
    /// Under 16: staff must report a child at risk.
    ChildUnder16,
    /// 16 or 17: her own consent, flagged.
    Aged16To17,
    ChildrenPresent(u8),
}

/// One chosen service, with her consent to share and where to refer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServiceLine {
    pub service: Service,
    /// Her wish about sharing: yes, no, not sure, or not asked (the child path and the
    /// fast path never ask). Staff confirm it with her before sharing anything.
    pub share: Wish,
    pub place: Option<Where>,
    pub contact: Option<String>,
    pub phone: Option<String>,
}

/// Everything the desk shows for one opened code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseSheet {
    pub priorities: Vec<Priority>,
    /// Each priority in words (Vietnamese / English), in the same order.
    pub priority_words: Vec<crate::two::Two>,
    /// The language she wants to speak with staff, by its name.
    pub spoken_language_words: String,
    /// The language the kiosk's screens spoke, by its name.
    pub session_language_words: String,
    pub ticket: String,
    pub session_language: LangTag,
    pub spoken_language: LangTag,
    pub interpreter: Reply,
    pub age_band: AgeBand,
    pub consent_services: Reply,
    pub services: Vec<ServiceLine>,
    pub talk_first: bool,
    pub time_warning: Option<TimeWarning>,
    /// The ticket's letter is not the one enrolled for the kiosk that sealed the code.
    pub letter_warning: Option<LetterWarning>,
    /// The desk's label of the kiosk that sealed the code.
    pub kiosk: KioskId,
    /// This code was opened before on this device.
    pub seen_before: bool,
    /// Another code opened on this desk the same day carries the same ticket: call her by
    /// a number no one else holds (two kiosks with one letter, or a counter reset).
    pub same_ticket_today: bool,
    pub answers: Answers,
}

impl CaseSheet {
    /// Builds the sheet for an opened code with the centre's referral directory.
    pub fn new(opened: &Opened, config: &CentreConfig, seen_before: bool) -> CaseSheet {
        let a = &opened.handoff.answers;
        let mut priorities = Vec::new();
        if a.help_now {
            priorities.push(Priority::HelpNow);
        }
        if a.interpreter.is_yes() {
            priorities.push(Priority::Interpreter(a.spoken_language));
        }
        if a.danger_now.is_yes() {
            priorities.push(Priority::DangerNow);
        }
        if a.doctor_now.is_yes() {
            priorities.push(Priority::DoctorNow);
        }
        if a.age_band.is_child_under_16() {
            priorities.push(Priority::ChildUnder16);
        }
        if a.age_band == AgeBand::From16To17 {
            priorities.push(Priority::Aged16To17);
        }
        if let Children::Count(n) = a.children
            && n > 0
        {
            priorities.push(Priority::ChildrenPresent(n));
        }
        let services = a
            .services
            .iter()
            .map(|service| {
                let offer = config.offer(service);
                ServiceLine {
                    service,
                    share: a.sharing.wish(service),
                    place: offer.map(|o| o.place),
                    contact: offer.and_then(|o| o.contact.clone()),
                    phone: offer.and_then(|o| o.phone.clone()),
                }
            })
            .collect();
        let priority_words = priorities
            .iter()
            .map(|p| words::priority(p, config))
            .collect();
        CaseSheet {
            priorities,
            priority_words,
            spoken_language_words: words::language(a.spoken_language, config),
            session_language_words: words::language(a.session_language, config),
            ticket: opened.handoff.ticket.to_string(),
            session_language: a.session_language,
            spoken_language: a.spoken_language,
            interpreter: a.interpreter,
            age_band: a.age_band,
            consent_services: a.consent_services,
            services,
            talk_first: a.talk_first,
            time_warning: opened.warning,
            letter_warning: opened.letter_warning,
            kiosk: opened.kiosk,
            seen_before,
            same_ticket_today: false,
            answers: a.clone(),
        }
    }

    /// Services she chose but does not want her information shared with.
    pub fn sharing_refused(&self) -> impl Iterator<Item = &ServiceLine> {
        self.services.iter().filter(|l| l.share == Wish::No)
    }
}
