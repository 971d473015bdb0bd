//! The survivor's path as a state machine: events in, the next screen and the answers out.
//!
//! The step lives here, never in a URL: nothing can skip consent, and only this type
//! decides what comes next. `Flow::wipe` forgets everything at once.

use crate::answers::{AgeBand, Answers, Children, LangTag, Question, Reply, Sex, Sharing, Wish};
use crate::services::Service;

/// A screen of the kiosk.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Step {
    /// "Choose a language": the languages she may speak with staff, the quick-exit sentence.
    Welcome,
    /// A language the screens are not written in (or sign language): "please wait here, a
    /// staff member will come with an interpreter", with a code asking for one.
    WaitHere,
    /// Age band, asked before anything else.
    Age,
    /// Under 12: please go to the desk; 111; no further questions.
    ChildToDesk,
    /// 12–15: what staff must report, and 111, before any other question.
    ChildNotice,
    /// Consent to services (assent for a child), or "I only want information".
    Consent,
    /// She said no: hotlines, "you can still talk to the staff", then a wipe.
    ConsentRefused,
    /// Public information only: services, hotlines, directory. No code.
    InformationOnly,
    /// Are you in danger right now?
    Danger,
    /// Do you need to see a doctor now?
    Doctor,
    /// Are children with you?
    Children,
    /// Danger or a doctor now: 113/115, go to the desk now, or a code at once.
    GoToDeskNow,
    /// Which services she wants.
    Services,
    /// Per chosen service: may staff share her information? (An explanation for a child.)
    Sharing,
    /// Optional: "Would you like to talk in a private room?" (shown at the desk only).
    PrivateRoom,
    /// Optional: consent to anonymous statistics.
    Statistics,
    /// Optional: sex.
    Sex,
    /// Optional: disability.
    Disability,
    /// Everything in plain words; change any answer.
    Review,
    /// The sealed code, the ticket, print, finish.
    Handoff,
}

impl Step {
    /// The yes/no question this screen asks, if it asks one.
    pub fn question(self) -> Option<Question> {
        match self {
            Step::Danger => Some(Question::Danger),
            Step::Doctor => Some(Question::Doctor),
            Step::PrivateRoom => Some(Question::PrivateRoom),
            Step::Statistics => Some(Question::Statistics),
            Step::Disability => Some(Question::Disability),
            _ => None,
        }
    }

    /// Whether this screen offers "I need help now": every question screen, and none of the
    /// screens that already send her to staff, show her code or end the session. The flow
    /// accepts the event exactly here, and the frame shows the button exactly here.
    pub fn offers_help_now(self) -> bool {
        !matches!(
            self,
            Step::GoToDeskNow
                | Step::Handoff
                | Step::WaitHere
                | Step::ChildToDesk
                | Step::ConsentRefused
                | Step::InformationOnly
        )
    }
}

/// What she chose on the consent screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConsentChoice {
    Yes,
    No,
    InformationOnly,
}

/// Something she did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Event {
    /// A language the screens are written in: the flow goes on in it.
    ChooseLanguage(LangTag),
    /// A language the screens are not written in: the wait screen, with an interpreter.
    NeedInterpreter(LangTag),
    /// "I need help now", from any question screen.
    HelpNow,
    ChooseAge(AgeBand),
    /// "I understand" / "Continue" on a screen that only informs.
    Continue,
    Consent(ConsentChoice),
    /// Yes, no or skip on a yes/no screen.
    Reply(Reply),
    ChooseChildren(Children),
    ToggleService(Service),
    ToggleTalkFirst,
    Share(Service, Wish),
    ChooseSex(Sex),
    /// On the urgent screen: make the code now with what is known.
    CodeNow,
    /// From the review screen: go back to a step to change its answer.
    Change(Step),
    Back,
}

/// Why an event was refused. The app ignores it: the screen did not offer it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum FlowError {
    #[error("{event:?} does not belong on the {step:?} screen")]
    NotHere { step: Step, event: Event },
    #[error("choose at least one service, or that you want to talk to someone first")]
    NoServiceChosen,
}

/// The session: where she is, what she said, and the way back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Flow {
    step: Step,
    answers: Answers,
    history: Vec<Step>,
    /// Set while changing one answer from the review screen.
    editing: bool,
}

impl Default for Flow {
    fn default() -> Self {
        Flow::new()
    }
}

impl Flow {
    /// A fresh session on the welcome screen.
    pub fn new() -> Flow {
        Flow {
            step: Step::Welcome,
            answers: Answers::default(),
            history: Vec::new(),
            editing: false,
        }
    }

    /// The screen to show.
    pub fn step(&self) -> Step {
        self.step
    }

    /// Her answers so far.
    pub fn answers(&self) -> &Answers {
        &self.answers
    }

    /// The session language.
    pub fn language(&self) -> LangTag {
        self.answers.session_language
    }

    /// Whether this session follows the child path (12–15).
    pub fn is_child_path(&self) -> bool {
        self.answers.age_band == AgeBand::From12To15
    }

    /// Whether the screen has much text to read (the idle guard waits longer).
    pub fn is_long_read(&self) -> bool {
        matches!(self.step, Step::Consent | Step::ChildNotice)
    }

    /// Whether Back is offered.
    pub fn can_go_back(&self) -> bool {
        // Back from "no, thank you" too: a mis-tap on No is not a dead end.
        !self.history.is_empty() && self.step != Step::Handoff
    }

    /// Where she is on her path, for the progress bar and the step counter.
    pub fn progress(&self) -> crate::progress::Progress {
        crate::progress::progress(self.step, &self.history)
    }

    /// Forgets every answer and returns to the welcome screen.
    pub fn wipe(&mut self) {
        *self = Flow::new();
    }

    /// Applies one event. On error nothing changes.
    pub fn apply(&mut self, event: Event) -> Result<(), FlowError> {
        let next = self.next_step(event)?;
        if event == Event::Back {
            return Ok(());
        }
        if let Some(next) = next {
            self.go(next);
        }
        Ok(())
    }

    fn go(&mut self, next: Step) {
        if next != self.step {
            self.history.push(self.step);
            self.step = next;
        }
    }

    fn not_here(&self, event: Event) -> FlowError {
        FlowError::NotHere {
            step: self.step,
            event,
        }
    }

    /// After an answer: back to review when changing one answer, else `next`.
    fn after_answer(&mut self, next: Step) -> Step {
        if self.editing && !matches!(next, Step::GoToDeskNow | Step::Sharing) {
            self.editing = false;
            Step::Review
        } else {
            next
        }
    }

    fn after_triage(&mut self, normal: Step) -> Step {
        let urgent = self.answers.danger_now.is_yes() || self.answers.doctor_now.is_yes();
        if urgent && self.step == Step::Doctor && !self.editing {
            Step::GoToDeskNow
        } else {
            self.after_answer(normal)
        }
    }

    /// Works out the next step, recording the answer the event carries.
    fn next_step(&mut self, event: Event) -> Result<Option<Step>, FlowError> {
        use Event as E;
        use Step as S;
        let child = self.is_child_path();
        let a = &mut self.answers;
        let next = match (self.step, event) {
            (_, E::Back) => {
                if self.can_go_back()
                    && let Some(previous) = self.history.pop()
                {
                    self.step = previous;
                    self.editing = false;
                    if previous == S::Welcome {
                        // Back at the start: nothing chosen on the way counts (the wait
                        // screen's language, "help now") — she starts again, in the
                        // language the screens speak now.
                        self.answers = Answers {
                            session_language: self.answers.session_language,
                            ..Answers::default()
                        };
                    }
                }
                return Ok(None);
            }
            (s, E::HelpNow) if s.offers_help_now() => {
                a.help_now = true;
                S::GoToDeskNow
            }
            (S::Welcome, E::ChooseLanguage(lang)) => {
                a.session_language = lang;
                a.spoken_language = lang;
                S::Age
            }
            // Only what staff need to come to her: her language, an interpreter, and that
            // she is waiting (help now, so the desk sees her first). Nothing else is asked.
            (S::Welcome, E::NeedInterpreter(lang)) => {
                a.spoken_language = lang;
                a.interpreter = Reply::Yes;
                a.help_now = true;
                S::WaitHere
            }
            (S::Age, E::ChooseAge(band)) if band != AgeBand::NotAsked => {
                let was_child = self.answers.age_band == AgeBand::From12To15;
                self.answers.age_band = band;
                if band.is_child_under_16() {
                    // The child path never asks about sharing: wishes given as an adult, before
                    // a change of age on review, must not travel in a child's code.
                    self.answers.sharing = Sharing::default();
                }
                match band {
                    AgeBand::Under12 => S::ChildToDesk,
                    AgeBand::From12To15 => S::ChildNotice,
                    _ if was_child => {
                        // Leaving the child path: her own sharing choices must now be asked.
                        self.editing = false;
                        S::Consent
                    }
                    _ => self.after_answer(S::Consent),
                }
            }
            (S::ChildNotice, E::Continue) => {
                self.editing = false;
                S::Consent
            }
            (S::Consent, E::Consent(choice)) => match choice {
                ConsentChoice::Yes => {
                    a.consent_services = Reply::Yes;
                    self.after_answer(S::Danger)
                }
                ConsentChoice::No => {
                    a.consent_services = Reply::No;
                    S::ConsentRefused
                }
                ConsentChoice::InformationOnly => S::InformationOnly,
            },
            (S::Danger, E::Reply(r)) if r != Reply::NotAsked => {
                a.set_reply(Question::Danger, r);
                self.after_triage(S::Doctor)
            }
            (S::Doctor, E::Reply(r)) if r != Reply::NotAsked => {
                a.set_reply(Question::Doctor, r);
                self.after_triage(S::Children)
            }
            (S::Children, E::ChooseChildren(c)) if c != Children::NotAsked => {
                if matches!(c, Children::Count(n) if n > Children::MAX) {
                    return Err(self.not_here(event));
                }
                a.children = c;
                self.after_answer(S::Services)
            }
            (S::GoToDeskNow, E::CodeNow) => S::Handoff,
            (S::GoToDeskNow, E::Continue) => {
                // "I need help now" before consent: the questions start from the beginning.
                if self.answers.consent_services == Reply::Yes {
                    self.after_answer(S::Children)
                } else {
                    S::Age
                }
            }
            (S::Services, E::ToggleService(s)) => {
                a.services = if a.services.contains(s) {
                    a.services.without(s)
                } else {
                    a.services.with(s)
                };
                a.sharing.keep_only(a.services);
                return Ok(None);
            }
            (S::Services, E::ToggleTalkFirst) => {
                a.talk_first = !a.talk_first;
                return Ok(None);
            }
            (S::Services, E::Continue) => {
                if a.services.is_empty() && !a.talk_first {
                    return Err(FlowError::NoServiceChosen);
                }
                if a.services.is_empty() {
                    self.after_answer(S::PrivateRoom)
                } else {
                    S::Sharing
                }
            }
            (S::Sharing, E::Share(s, wish)) if !child => {
                if !a.services.contains(s) {
                    return Err(self.not_here(event));
                }
                a.sharing.set(s, wish);
                return Ok(None);
            }
            // She may go on without answering: an unanswered service reads "not asked",
            // never "no" (consent promised she may skip any question).
            (S::Sharing, E::Continue) => self.after_answer(S::PrivateRoom),
            (S::PrivateRoom, E::Reply(r)) if r != Reply::NotAsked => {
                a.set_reply(Question::PrivateRoom, r);
                self.after_answer(S::Statistics)
            }
            (S::Statistics, E::Reply(r)) if r != Reply::NotAsked => {
                a.set_reply(Question::Statistics, r);
                self.after_answer(S::Sex)
            }
            (S::Sex, E::ChooseSex(sex)) if sex != Sex::NotAsked => {
                a.sex = sex;
                self.after_answer(S::Disability)
            }
            (S::Disability, E::Reply(r)) if r != Reply::NotAsked => {
                a.set_reply(Question::Disability, r);
                S::Review
            }
            (S::Review, E::Change(step)) if Self::changeable(step) => {
                self.editing = true;
                step
            }
            (S::Review, E::Continue) => S::Handoff,
            _ => return Err(self.not_here(event)),
        };
        Ok(Some(next))
    }

    fn changeable(step: Step) -> bool {
        matches!(
            step,
            Step::Age
                | Step::Danger
                | Step::Doctor
                | Step::Children
                | Step::Services
                | Step::Sharing
                | Step::PrivateRoom
                | Step::Statistics
                | Step::Sex
                | Step::Disability
        )
    }
}
