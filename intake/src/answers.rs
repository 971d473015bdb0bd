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

/// A language tag of two or three lowercase ASCII letters (ISO 639-1 or 639-3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
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

impl TryFrom<String> for LangTag {
    type Error = String;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        LangTag::parse(&value).ok_or_else(|| format!("not a language tag: {value:?}"))
    }
}

impl From<LangTag> for String {
    fn from(tag: LangTag) -> String {
        tag.as_str().to_owned()
    }
}

/// Her consent to share, per chosen service. A service in neither set was never asked.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Sharing {
    /// Services she agreed staff may share her information with.
    pub yes: ServiceSet,
    /// Services she does not want her information shared with (the offer stands).
    pub no: ServiceSet,
}

impl Sharing {
    /// Her answer for one service.
    pub fn reply(&self, service: Service) -> Reply {
        if self.yes.contains(service) {
            Reply::Yes
        } else if self.no.contains(service) {
            Reply::No
        } else {
            Reply::NotAsked
        }
    }

    /// Records her answer for one service.
    pub fn set(&mut self, service: Service, reply: Reply) {
        self.yes = self.yes.without(service);
        self.no = self.no.without(service);
        match reply {
            Reply::Yes => self.yes = self.yes.with(service),
            Reply::No => self.no = self.no.with(service),
            Reply::NotAsked | Reply::Skipped => {}
        }
    }

    /// Forgets the answers for services that are no longer chosen.
    pub fn keep_only(&mut self, chosen: ServiceSet) {
        self.yes = self.yes.intersect(chosen);
        self.no = self.no.intersect(chosen);
    }
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
    pub hurt_now: Reply,
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

impl Answers {
    /// Whether staff should see this person first.
    pub fn is_urgent(&self) -> bool {
        self.help_now || self.danger_now.is_yes() || self.hurt_now.is_yes()
    }
}
