//! What a survivor said at the kiosk: the flow's output and the QR's content.
//!
//! Every answer is three- or four-valued so that a code made on the fast path never
//! reports a choice she was never asked.

use crate::services::{Service, ServiceSet};
use serde::{Deserialize, Serialize};

/// An answer to a yes/no question, including "never asked" and "skipped".
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Reply {
    /// The question was never put to her.
    #[default]
    NotAsked,
    Yes,
    No,
    /// She saw the question and chose not to answer.
    Skipped,
}

impl Reply {
    /// A reply from a plain yes/no.
    pub fn from_bool(yes: bool) -> Reply {
        if yes { Reply::Yes } else { Reply::No }
    }

    /// Whether the reply is yes.
    pub fn is_yes(self) -> bool {
        self == Reply::Yes
    }

    /// The stable name used in exports.
    pub fn as_str(self) -> &'static str {
        match self {
            Reply::NotAsked => "not_asked",
            Reply::Yes => "yes",
            Reply::No => "no",
            Reply::Skipped => "skipped",
        }
    }
}

/// The age band, asked first.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AgeBand {
    #[default]
    NotAsked,
    Under12,
    From12To15,
    From16To17,
    Adult,
    PreferNotToSay,
}

impl AgeBand {
    /// Bands she can choose, in screen order.
    pub const CHOICES: [AgeBand; 5] = [
        AgeBand::Under12,
        AgeBand::From12To15,
        AgeBand::From16To17,
        AgeBand::Adult,
        AgeBand::PreferNotToSay,
    ];

    /// A child in law (under 16): staff must report a child at risk.
    pub fn is_child_under_16(self) -> bool {
        matches!(self, AgeBand::Under12 | AgeBand::From12To15)
    }

    /// The stable name used in exports.
    pub fn as_str(self) -> &'static str {
        match self {
            AgeBand::NotAsked => "not_asked",
            AgeBand::Under12 => "under_12",
            AgeBand::From12To15 => "12_15",
            AgeBand::From16To17 => "16_17",
            AgeBand::Adult => "18_plus",
            AgeBand::PreferNotToSay => "prefer_not_to_say",
        }
    }
}

/// How many children are with her. `Count(5)` means five or more.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Children {
    #[default]
    NotAsked,
    Skipped,
    Count(u8),
}

impl Children {
    /// The largest count shown; it reads "5 or more".
    pub const MAX: u8 = 5;

    /// Whether children are with her.
    pub fn present(self) -> bool {
        matches!(self, Children::Count(n) if n > 0)
    }
}

/// Optional, anonymous: sex, for the centre's sex-disaggregated statistics.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Sex {
    #[default]
    NotAsked,
    Female,
    Male,
    Other,
    Skipped,
}

impl Sex {
    /// The stable name used in exports.
    pub fn as_str(self) -> &'static str {
        match self {
            Sex::NotAsked => "not_asked",
            Sex::Female => "female",
            Sex::Male => "male",
            Sex::Other => "other",
            Sex::Skipped => "skipped",
        }
    }
}

/// A language tag of two or three lowercase ASCII letters: ISO 639-1 where the kiosk's
/// screens use it (`vi`, `en`), otherwise ISO 639-3 (`tyz` Tày, `hab` Hanoi sign language),
/// a local-use code `qaa`–`qtz` for a group the centre names itself (Dao, Hoa), or `und`
/// for "another language". In JSON it is text; in a code it is three bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct LangTag([u8; 3]);

impl LangTag {
    /// Vietnamese.
    pub const VI: LangTag = LangTag(*b"vi\0");
    /// English.
    pub const EN: LangTag = LangTag(*b"en\0");

    /// Parses a tag such as `vi`, `en` or `tyz`.
    pub fn parse(text: &str) -> Option<LangTag> {
        let bytes = text.as_bytes();
        if !(2..=3).contains(&bytes.len()) || !bytes.iter().all(u8::is_ascii_lowercase) {
            return None;
        }
        let mut tag = [0u8; 3];
        tag[..bytes.len()].copy_from_slice(bytes);
        Some(LangTag(tag))
    }

    fn from_bytes(bytes: [u8; 3]) -> Option<LangTag> {
        let len = if bytes[2] == 0 { 2 } else { 3 };
        std::str::from_utf8(&bytes[..len])
            .ok()
            .and_then(LangTag::parse)
    }

    /// The tag for an HTML `lang` attribute: none for a local-use code (`qaa`–`qtz`), which
    /// names a language only within this centre.
    pub fn html_lang(&self) -> Option<&str> {
        let local = self.0[0] == b'q' && (b'a'..=b't').contains(&self.0[1]) && self.0[2] != 0;
        (!local).then(|| self.as_str())
    }

    /// The tag as text.
    pub fn as_str(&self) -> &str {
        let len = if self.0[2] == 0 { 2 } else { 3 };
        std::str::from_utf8(&self.0[..len]).unwrap_or("??")
    }
}

impl Default for LangTag {
    fn default() -> Self {
        LangTag::VI
    }
}

impl Serialize for LangTag {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if serializer.is_human_readable() {
            serializer.serialize_str(self.as_str())
        } else {
            self.0.serialize(serializer)
        }
    }
}

impl<'de> Deserialize<'de> for LangTag {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        use serde::de::Error;
        if deserializer.is_human_readable() {
            let text = String::deserialize(deserializer)?;
            LangTag::parse(&text)
                .ok_or_else(|| D::Error::custom(format!("not a language tag: {text:?}")))
        } else {
            let bytes = <[u8; 3]>::deserialize(deserializer)?;
            LangTag::from_bytes(bytes).ok_or_else(|| D::Error::custom("not a language tag"))
        }
    }
}

/// Her wish about sharing her information with one chosen service. It is a wish, not
/// consent: staff ask her again, in person, before they share anything.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Wish {
    /// She was not asked, or went on without answering.
    #[default]
    NotAsked,
    Yes,
    No,
    NotSure,
}

impl Wish {
    /// The stable name used in exports.
    pub fn as_str(self) -> &'static str {
        match self {
            Wish::NotAsked => "not_asked",
            Wish::Yes => "yes",
            Wish::No => "no",
            Wish::NotSure => "not_sure",
        }
    }
}

/// Her sharing wishes, per chosen service. A service in none of the sets was not asked.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Sharing {
    /// Services she would like staff to share her information with.
    pub yes: ServiceSet,
    /// Services she does not want her information shared with.
    pub no: ServiceSet,
    /// Services she is not sure about yet.
    pub not_sure: ServiceSet,
}

impl Sharing {
    /// Her wish for one service.
    pub fn wish(&self, service: Service) -> Wish {
        if self.yes.contains(service) {
            Wish::Yes
        } else if self.no.contains(service) {
            Wish::No
        } else if self.not_sure.contains(service) {
            Wish::NotSure
        } else {
            Wish::NotAsked
        }
    }

    /// Records her wish for one service.
    pub fn set(&mut self, service: Service, wish: Wish) {
        self.yes = self.yes.without(service);
        self.no = self.no.without(service);
        self.not_sure = self.not_sure.without(service);
        match wish {
            Wish::Yes => self.yes = self.yes.with(service),
            Wish::No => self.no = self.no.with(service),
            Wish::NotSure => self.not_sure = self.not_sure.with(service),
            Wish::NotAsked => {}
        }
    }

    /// Forgets the wishes for services that are no longer chosen.
    pub fn keep_only(&mut self, chosen: ServiceSet) {
        self.yes = self.yes.intersect(chosen);
        self.no = self.no.intersect(chosen);
        self.not_sure = self.not_sure.intersect(chosen);
    }

    /// Every service she answered for, whatever the wish.
    pub fn answered(&self) -> ServiceSet {
        self.yes.union(self.no).union(self.not_sure)
    }

    /// Whether the sets are disjoint and hold only chosen services.
    fn in_range(&self, chosen: ServiceSet) -> bool {
        self.yes.intersect(self.no).is_empty()
            && self.yes.intersect(self.not_sure).is_empty()
            && self.no.intersect(self.not_sure).is_empty()
            && self.answered().intersect(chosen) == self.answered()
    }
}

/// A yes/no question of the flow: each has its own field in [`Answers`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Question {
    Danger,
    Doctor,
    PrivateRoom,
    Statistics,
    Disability,
}

/// Everything she answered in one session. Holds no name and nothing that identifies her.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Answers {
    /// The language the kiosk spoke.
    pub session_language: LangTag,
    /// The language she wants to speak with staff.
    pub spoken_language: LangTag,
    /// Whether she needs an interpreter.
    pub interpreter: Reply,
    pub age_band: AgeBand,
    /// She pressed "I need help now".
    pub help_now: bool,
    pub danger_now: Reply,
    /// "Do you need to see a doctor now?"
    pub doctor_now: Reply,
    /// "Would you like to talk in a private room?" Shown at the desk only, in neutral
    /// words: never printed, exported or sent to another system.
    pub private_room: Reply,
    pub children: Children,
    /// Services she chose.
    pub services: ServiceSet,
    /// "I don't know yet, I want to talk to someone."
    pub talk_first: bool,
    /// Consent (or, for a child of 12–15, assent) to receive services.
    pub consent_services: Reply,
    pub sharing: Sharing,
    pub consent_statistics: Reply,
    pub sex: Sex,
    pub disability: Reply,
}

/// Why she was sent to staff at once: what the urgent screen says staff will do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum UrgentReason {
    /// In danger now: staff help her now and keep her safe.
    Danger,
    /// A doctor now: a staff member takes her to a doctor.
    Doctor,
    /// "I need help now" alone: staff help her now.
    HelpNow,
}

impl Answers {
    /// Her reply to a yes/no question.
    pub fn reply(&self, question: Question) -> Reply {
        match question {
            Question::Danger => self.danger_now,
            Question::Doctor => self.doctor_now,
            Question::PrivateRoom => self.private_room,
            Question::Statistics => self.consent_statistics,
            Question::Disability => self.disability,
        }
    }

    /// Records her reply to a yes/no question.
    pub fn set_reply(&mut self, question: Question, reply: Reply) {
        let field = match question {
            Question::Danger => &mut self.danger_now,
            Question::Doctor => &mut self.doctor_now,
            Question::PrivateRoom => &mut self.private_room,
            Question::Statistics => &mut self.consent_statistics,
            Question::Disability => &mut self.disability,
        };
        *field = reply;
    }

    /// The reasons for the urgent screen, danger first; "help now" only when no other.
    pub fn urgent_reasons(&self) -> Vec<UrgentReason> {
        let mut reasons = Vec::new();
        if self.danger_now.is_yes() {
            reasons.push(UrgentReason::Danger);
        }
        if self.doctor_now.is_yes() {
            reasons.push(UrgentReason::Doctor);
        }
        if reasons.is_empty() && self.help_now {
            reasons.push(UrgentReason::HelpNow);
        }
        reasons
    }

    /// Whether staff should see this person first.
    pub fn is_urgent(&self) -> bool {
        self.help_now || self.danger_now.is_yes() || self.doctor_now.is_yes()
    }

    /// Whether every answer holds a value the kiosk can give (checked on every opened code).
    pub fn in_range(&self) -> bool {
        let children_ok = match self.children {
            Children::Count(n) => n <= Children::MAX,
            Children::NotAsked | Children::Skipped => true,
        };
        // The child path (under 16) never asks about sharing.
        let child_ok = !self.age_band.is_child_under_16() || self.sharing.answered().is_empty();
        children_ok && child_ok && self.sharing.in_range(self.services)
    }
}

#[cfg(test)]
mod tests {
    use super::LangTag;

    #[test]
    fn a_local_use_code_has_no_html_lang() {
        let tag = |t: &str| LangTag::parse(t).expect("a tag");
        assert_eq!(tag("qsd").html_lang(), None);
        assert_eq!(tag("qtz").html_lang(), None);
        assert_eq!(tag("tyz").html_lang(), Some("tyz"));
        assert_eq!(
            tag("quz").html_lang(),
            Some("quz"),
            "Quechua is not local use"
        );
        assert_eq!(LangTag::VI.html_lang(), Some("vi"));
    }

    #[test]
    fn each_question_has_its_own_field() {
        use super::{Answers, Question, Reply};
        let all = [
            Question::Danger,
            Question::Doctor,
            Question::PrivateRoom,
            Question::Statistics,
            Question::Disability,
        ];
        for q in all {
            let mut a = Answers::default();
            a.set_reply(q, Reply::Yes);
            for other in all {
                let expected = if other == q {
                    Reply::Yes
                } else {
                    Reply::NotAsked
                };
                assert_eq!(a.reply(other), expected, "{q:?} then {other:?}");
            }
        }
    }
}
