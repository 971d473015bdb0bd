//! The centre configuration: one public JSON file, validated with an error that names the
//! field and the problem. It holds only public data: no PIN, no secret, no shelter address.

use crate::answers::LangTag;
use crate::handoff::PublicKey;
use crate::services::Service;
use serde::Deserialize;
use std::collections::BTreeMap;

/// Languages whose text is compiled into the kiosk.
pub const BUILT_IN_LANGUAGES: [LangTag; 2] = [LangTag::VI, LangTag::EN];

/// A text in each enabled language.
pub type Localized = BTreeMap<String, String>;

/// A short list of points in each enabled language.
pub type LocalizedList = BTreeMap<String, Vec<String>>;

/// The limits of confidentiality the demo configuration ships with. The law decides them
/// (Decree 56/2017 Art. 25: a child under 16 harmed or at risk; Criminal Code Art. 19, 389,
/// 390: certain very serious crimes; Criminal Procedure Code Art. 155: most injury and rape
/// cases go to court only at her request); a centre's lawyer approves its own wording before
/// it goes live, and the setup page's self-test warns while this one is unchanged.
pub const SHIPPED_DEMO_LIMITS: &str = include_str!("demo_limits.json");

/// Where a service is given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Where {
    OnSite,
    Referral,
}

/// A service the centre offers.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ServiceOffer {
    pub id: Service,
    #[serde(rename = "where")]
    pub place: Where,
    /// Who staff refer to, shown on the case sheet.
    #[serde(default)]
    pub contact: Option<String>,
    #[serde(default)]
    pub phone: Option<String>,
}

/// A hotline shown to survivors.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Hotline {
    pub number: String,
    pub label: Localized,
    /// A number for children (Vietnam's 111, the child protection hotline): the only one a
    /// child under 16 is shown, on the screens that send her to staff.
    #[serde(default)]
    pub for_children: bool,
}

/// A public entry of the referral directory.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DirectoryEntry {
    pub name: Localized,
    pub phone: String,
    #[serde(default)]
    pub services: Vec<Service>,
}

/// The pictogram beside a language on the first screen, for a woman who reads little.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Pictogram {
    /// Two people talking: a spoken language.
    #[default]
    Speech,
    /// Hands signing: a sign language.
    Sign,
    /// A globe: "another language".
    Other,
}

/// A language she may want to speak with staff: one button of the first screen.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SpokenLanguage {
    /// The tag carried in her code (see `LangTag`).
    pub tag: LangTag,
    /// Its name, written in the language itself ("Tiếng Việt", "English", "Tày").
    pub name: String,
    #[serde(default)]
    pub pictogram: Pictogram,
    /// A recorded clip of the name, spoken by a native speaker (a path beside the page).
    #[serde(default)]
    pub name_clip: Option<String>,
    /// A recorded clip: "please wait here, a staff member will come with an interpreter".
    #[serde(default)]
    pub wait_clip: Option<String>,
}

impl SpokenLanguage {
    /// Its clips, named or not.
    pub fn clips(&self) -> impl Iterator<Item = &str> {
        self.name_clip
            .iter()
            .chain(&self.wait_clip)
            .map(String::as_str)
    }
}

/// The receipt printer, if the centre has one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Printer {
    /// 58 or 80.
    pub width_mm: u8,
}

/// A centre's configuration, validated.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CentreConfig {
    /// The centre's name as shown on the welcome screen.
    pub name: Localized,
    /// The pages' title and the installed app's name: what a printed slip's header, the
    /// task switcher and the home screen show. Neutral, and never the centre's name.
    #[serde(default = "default_page_title")]
    pub page_title: String,
    pub languages: Vec<LangTag>,
    /// The first screen: the languages she may speak with staff. One the screens are
    /// written in starts the flow in it; any other shows "please wait here" with a code
    /// asking for an interpreter.
    pub spoken_languages: Vec<SpokenLanguage>,
    /// Catalogue files of languages beyond the built-in ones: tag → path beside the page
    /// (e.g. `"tay": "lang/tay.json"`). See docs/languages.md.
    #[serde(default)]
    pub language_files: BTreeMap<String, String>,
    /// Removed in handoff format 2: each kiosk has its own letter (A–H), chosen on its setup
    /// page, so that two kiosks never hand out the same ticket. A file that still has it is
    /// refused with that said.
    #[serde(default, rename = "ticket_prefix")]
    removed_ticket_prefix: Option<Removed>,
    /// Seconds without a touch before "are you still there?".
    pub idle_seconds: u32,
    /// Seconds the "are you still there?" countdown lasts.
    pub idle_countdown_seconds: u32,
    /// Seconds the code stays on screen before the kiosk wipes itself.
    pub handoff_seconds: u32,
    /// Seconds the neutral exit page shows before the kiosk returns.
    pub exit_return_seconds: u32,
    /// Seconds the "please wait here" screen keeps her code for staff (default 30 min).
    #[serde(default = "default_wait_seconds")]
    pub wait_seconds: u32,
    /// Screens with long text to read (consent, the child's notice) wait this many times
    /// longer before "are you still there?" (default 3).
    #[serde(default = "default_reading_factor")]
    pub reading_idle_factor: u32,
    #[serde(default)]
    pub printer: Option<Printer>,
    /// Days the staff desk remembers the ids of opened codes, to warn on a second scan.
    #[serde(default = "default_replay_days")]
    pub replay_memory_days: u32,
    /// Days the staff desk keeps a recorded case (her code and her decisions, sealed) so
    /// that staff can print its slips and enter it in the case records; then it is deleted
    /// (default 7, at most 30; docs/retention.md).
    #[serde(default = "default_case_keep_days")]
    pub case_keep_days: u32,
    /// How many staff desks the centre has (1–10, default 1). The centre's statistics are
    /// reported only with every desk's month combined: a report of some desks could be
    /// subtracted from the whole to single out a person seen at the others.
    #[serde(default = "default_desks")]
    pub desks: u32,
    /// The centre's number for an agency that receives a referral slip (printed on it).
    #[serde(default)]
    pub referral_phone: Option<String>,
    /// Seconds the staff desk may stay hidden (another app, the screen off) before it locks
    /// itself; it locks at once when the page is left (`pagehide`). 0 locks at once.
    #[serde(default = "default_desk_lock_hidden_seconds")]
    pub desk_lock_hidden_seconds: u32,
    /// Days a staff key retired after a loss still opens its codes (with a warning) before
    /// the desk deletes it: long enough for the codes printed before the loss to reach a
    /// desk, short enough to stop whoever holds the key (default 7, at most 30).
    #[serde(default = "default_compromised_key_days")]
    pub compromised_key_days: u32,
    /// The staff desk's public key, 64 hexadecimal characters.
    pub staff_public_key: String,
    /// The retired `demo_keys` flag: a file that still has it is refused with a message
    /// saying why (demo status now comes from the staff key itself).
    #[serde(default, rename = "demo_keys")]
    retired_demo_keys: Option<bool>,
    pub hotlines: Vec<Hotline>,
    pub services: Vec<ServiceOffer>,
    #[serde(default)]
    pub directory: Vec<DirectoryEntry>,
    /// The centre's own wording of the limits of confidentiality: a short list of points
    /// per language, approved by the centre's lawyer.
    pub confidentiality_limits: LocalizedList,
}

/// A field that no longer exists: read whatever it holds, so validation can name it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Removed;

impl<'de> Deserialize<'de> for Removed {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        serde::de::IgnoredAny::deserialize(deserializer).map(|_| Removed)
    }
}

/// A configuration problem: the field, and what is wrong with it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{field}: {problem}")]
pub struct ConfigError {
    pub field: String,
    pub problem: String,
}

fn problem(field: impl Into<String>, problem: impl Into<String>) -> ConfigError {
    ConfigError {
        field: field.into(),
        problem: problem.into(),
    }
}

fn default_replay_days() -> u32 {
    30
}

fn default_case_keep_days() -> u32 {
    7
}

fn default_desks() -> u32 {
    1
}

fn default_wait_seconds() -> u32 {
    1800
}

fn default_desk_lock_hidden_seconds() -> u32 {
    60
}

fn default_compromised_key_days() -> u32 {
    7
}

fn default_page_title() -> String {
    DEFAULT_PAGE_TITLE.to_owned()
}

const NAMES_CENTRE: &str =
    "must not name the centre: it is printed in a slip's header and shown in the task switcher";

/// The pages' title when the configuration gives none: "Information".
pub const DEFAULT_PAGE_TITLE: &str = "Thông tin";

fn default_reading_factor() -> u32 {
    3
}

/// Limits on the timeouts, in seconds.
const IDLE_RANGE: (u32, u32) = (10, 900);
const COUNTDOWN_RANGE: (u32, u32) = (3, 120);
const HANDOFF_RANGE: (u32, u32) = (30, 1800);
const EXIT_RANGE: (u32, u32) = (3, 600);
const WAIT_RANGE: (u32, u32) = (60, 7200);

impl CentreConfig {
    /// Reads and validates a configuration file's text.
    pub fn parse(text: &str) -> Result<CentreConfig, ConfigError> {
        // serde_json's message ends " at line L column C": it helps find the spot.
        let config: CentreConfig =
            crate::json::read(text).map_err(|e| problem(e.place, e.message))?;
        config.validate()?;
        Ok(config)
    }

    /// Whether the staff key is the shipped demo key, whose private half is public (in the
    /// repository's test fixtures): pages show a DEMO banner, a kiosk may seal without
    /// pairing, and the setup page will not pin it.
    pub fn uses_demo_key(&self) -> bool {
        self.staff_key()
            .is_ok_and(|k| crate::pairing::is_demo_key(&k))
    }

    /// The page title is short, plain and names no centre (it is printed in a slip's header
    /// and shown in the task switcher).
    fn check_page_title(&self) -> Result<(), ConfigError> {
        let title = self.page_title.trim();
        let field = "page_title";
        if title.is_empty() || title.chars().count() > 40 {
            return Err(problem(
                field,
                "give a short neutral title (1 to 40 characters)",
            ));
        }
        if title.contains(['<', '>', '&', '"']) {
            return Err(problem(field, "plain words only (no < > & \")"));
        }
        if self.names_centre(str::to_lowercase) {
            return Err(problem(field, NAMES_CENTRE));
        }
        Ok(())
    }

    /// Whether the page title names the centre: any two words of the name in a row ("Ánh
    /// Dương" of "Ngôi nhà Ánh Dương"), or a one-word name, found in it after `fold`.
    fn names_centre(&self, fold: impl Fn(&str) -> String) -> bool {
        let lower = fold(self.page_title.trim());
        self.name.values().any(|name| {
            let words: Vec<String> = name.split_whitespace().map(&fold).collect();
            match words.as_slice() {
                [] => false,
                [one] => lower.contains(one.as_str()),
                _ => words
                    .windows(2)
                    .any(|pair| lower.contains(&format!("{} {}", pair[0], pair[1]))),
            }
        })
    }

    /// The check before a configuration is published (`handoff check-config`,
    /// `apply-config`): the page title compared with the name in one Unicode form too, so
    /// "Ánh" typed with combining marks is still "Ánh". Not run by the pages themselves: the
    /// normalisation tables would weigh on the kiosk's first load, and the pages never show
    /// `page_title` (apply-config writes it into dist/).
    pub fn check_for_publishing(&self) -> Result<(), ConfigError> {
        use unicode_normalization::UnicodeNormalization;
        if self.names_centre(|t| t.nfc().collect::<String>().to_lowercase()) {
            return Err(problem("page_title", NAMES_CENTRE));
        }
        Ok(())
    }

    /// The staff public key (validated by `parse`).
    pub fn staff_key(&self) -> Result<PublicKey, ConfigError> {
        PublicKey::from_hex(&self.staff_public_key)
            .map_err(|e| problem("staff_public_key", e.to_string()))
    }

    /// The text in `lang`, falling back to Vietnamese.
    pub fn text<'a>(&self, text: &'a Localized, lang: LangTag) -> &'a str {
        text.get(lang.as_str())
            .or_else(|| text.get("vi"))
            .map_or("", String::as_str)
    }

    /// The points in `lang`, falling back to Vietnamese.
    pub fn points<'a>(&self, list: &'a LocalizedList, lang: LangTag) -> &'a [String] {
        list.get(lang.as_str())
            .or_else(|| list.get("vi"))
            .map_or(&[], Vec::as_slice)
    }

    /// Whether the limits of confidentiality are still the demo's wording, which no lawyer
    /// has approved for this centre.
    pub fn has_shipped_demo_limits(&self) -> bool {
        serde_json::from_str::<LocalizedList>(SHIPPED_DEMO_LIMITS).is_ok_and(|demo| {
            demo.iter()
                .any(|(lang, points)| self.confidentiality_limits.get(lang) == Some(points))
        })
    }

    /// The languages loaded from files, with their paths (validated by `parse`).
    pub fn extra_languages(&self) -> impl Iterator<Item = (LangTag, &str)> {
        self.language_files
            .iter()
            .filter_map(|(tag, path)| Some((LangTag::parse(tag)?, path.as_str())))
    }

    /// The centre's offer of `service`, if it has one.
    pub fn offer(&self, service: Service) -> Option<&ServiceOffer> {
        self.services.iter().find(|o| o.id == service)
    }

    fn validate(&self) -> Result<(), ConfigError> {
        if self.retired_demo_keys.is_some() {
            return Err(problem(
                "demo_keys",
                "no longer used: remove this line. A configuration is a demo when its staff_public_key is the shipped demo key, and then only",
            ));
        }
        if self.languages.is_empty() {
            return Err(problem("languages", "list at least one language"));
        }
        self.check_page_title()?;
        if self.desk_lock_hidden_seconds > 3600 {
            return Err(problem(
                "desk_lock_hidden_seconds",
                "at most 3600 (an hour); 60 is the default",
            ));
        }
        if !(1..=30).contains(&self.compromised_key_days) {
            return Err(problem(
                "compromised_key_days",
                "from 1 to 30 days; 7 is the default",
            ));
        }
        for (tag, path) in &self.language_files {
            let field = format!("language_files.{tag}");
            let Some(lang) = LangTag::parse(tag) else {
                return Err(problem(
                    field,
                    "not a language tag (2 or 3 lowercase letters)",
                ));
            };
            if BUILT_IN_LANGUAGES.contains(&lang) {
                return Err(problem(field, "vi and en are built in: remove this entry"));
            }
            check_path(&field, path, CATALOGUE)?;
            if !self.languages.contains(&lang) {
                return Err(problem(field, "add the language to `languages` too"));
            }
        }
        for (i, lang) in self.languages.iter().enumerate() {
            if !BUILT_IN_LANGUAGES.contains(lang)
                && !self.language_files.contains_key(lang.as_str())
            {
                return Err(problem(
                    format!("languages[{i}]"),
                    format!(
                        "no text for language {:?}: use vi or en, or name its catalogue in language_files",
                        lang.as_str()
                    ),
                ));
            }
        }
        self.check_spoken_languages()?;
        self.check_localized("name", &self.name)?;
        self.check_localized_list("confidentiality_limits", &self.confidentiality_limits)?;
        if self.removed_ticket_prefix.is_some() {
            return Err(problem(
                "ticket_prefix",
                "no longer used: remove it; each kiosk now has its own letter (A-H), chosen on its setup page",
            ));
        }
        check_range("idle_seconds", self.idle_seconds, IDLE_RANGE)?;
        check_range(
            "idle_countdown_seconds",
            self.idle_countdown_seconds,
            COUNTDOWN_RANGE,
        )?;
        check_range("handoff_seconds", self.handoff_seconds, HANDOFF_RANGE)?;
        check_range("exit_return_seconds", self.exit_return_seconds, EXIT_RANGE)?;
        check_range("wait_seconds", self.wait_seconds, WAIT_RANGE)?;
        if !(1..=5).contains(&self.reading_idle_factor) {
            return Err(problem(
                "reading_idle_factor",
                format!(
                    "{} is out of range: use 1 to 5 (times the idle time)",
                    self.reading_idle_factor
                ),
            ));
        }
        if !(1..=365).contains(&self.replay_memory_days) {
            return Err(problem(
                "replay_memory_days",
                format!(
                    "{} is out of range: use 1 to 365 days",
                    self.replay_memory_days
                ),
            ));
        }
        if !(1..=30).contains(&self.case_keep_days) {
            return Err(problem(
                "case_keep_days",
                format!("{} is out of range: use 1 to 30 days", self.case_keep_days),
            ));
        }
        if !(1..=10).contains(&self.desks) {
            return Err(problem(
                "desks",
                format!("{} is out of range: use 1 to 10 desks", self.desks),
            ));
        }
        if let Some(p) = self.printer
            && p.width_mm != 58
            && p.width_mm != 80
        {
            return Err(problem(
                "printer.width_mm",
                "a receipt printer is 58 or 80 mm wide",
            ));
        }
        self.staff_key()?;
        if self.hotlines.is_empty() {
            return Err(problem(
                "hotlines",
                "list at least one hotline (111, 113, 115 …)",
            ));
        }
        for (i, h) in self.hotlines.iter().enumerate() {
            check_phone(&format!("hotlines[{i}].number"), &h.number)?;
            self.check_localized(&format!("hotlines[{i}].label"), &h.label)?;
        }
        // A child's screens show only the numbers for children: there must be one.
        if !self.hotlines.iter().any(|h| h.for_children) {
            return Err(problem(
                "hotlines",
                "mark the child protection hotline (111) with \"for_children\": true: it is the number a child under 16 is shown",
            ));
        }
        if self.services.is_empty() {
            return Err(problem("services", "list at least one service"));
        }
        for (i, s) in self.services.iter().enumerate() {
            if self.services[..i].iter().any(|o| o.id == s.id) {
                return Err(problem(
                    format!("services[{i}].id"),
                    format!("{} is listed twice", s.id.id()),
                ));
            }
            if let Some(phone) = &s.phone {
                check_phone(&format!("services[{i}].phone"), phone)?;
            }
        }
        if let Some(phone) = &self.referral_phone {
            check_phone("referral_phone", phone)?;
        }
        for (i, d) in self.directory.iter().enumerate() {
            check_phone(&format!("directory[{i}].phone"), &d.phone)?;
            self.check_localized(&format!("directory[{i}].name"), &d.name)?;
        }
        Ok(())
    }

    fn check_spoken_languages(&self) -> Result<(), ConfigError> {
        if self.spoken_languages.is_empty() {
            return Err(problem(
                "spoken_languages",
                "list at least the languages the screens are written in",
            ));
        }
        for (i, spoken) in self.spoken_languages.iter().enumerate() {
            let field = format!("spoken_languages[{i}]");
            if self.spoken_languages[..i]
                .iter()
                .any(|s| s.tag == spoken.tag)
            {
                return Err(problem(
                    format!("{field}.tag"),
                    format!("{} is listed twice", spoken.tag.as_str()),
                ));
            }
            if spoken.name.trim().is_empty() {
                return Err(problem(
                    format!("{field}.name"),
                    "write the language's name in the language itself",
                ));
            }
            if let Some(path) = &spoken.name_clip {
                check_path(&format!("{field}.name_clip"), path, AUDIO)?;
            }
            if let Some(path) = &spoken.wait_clip {
                check_path(&format!("{field}.wait_clip"), path, AUDIO)?;
            }
        }
        for (i, lang) in self.languages.iter().enumerate() {
            if !self.spoken_languages.iter().any(|s| s.tag == *lang) {
                return Err(problem(
                    format!("languages[{i}]"),
                    format!(
                        "add {:?} to spoken_languages too, or she cannot choose it",
                        lang.as_str()
                    ),
                ));
            }
        }
        Ok(())
    }

    /// Whether the kiosk's screens are written in `lang` (in the configuration).
    pub fn has_screens(&self, lang: LangTag) -> bool {
        self.languages.contains(&lang)
    }

    /// Every recorded clip the configuration names, fetched all together.
    pub fn clips(&self) -> impl Iterator<Item = &str> {
        self.spoken_languages.iter().flat_map(SpokenLanguage::clips)
    }

    fn check_localized_list(&self, field: &str, list: &LocalizedList) -> Result<(), ConfigError> {
        for lang in &self.languages {
            let field = format!("{field}.{}", lang.as_str());
            let points = list
                .get(lang.as_str())
                .filter(|p| !p.is_empty())
                .ok_or_else(|| {
                    problem(
                        &field,
                        "missing: list at least one point for an enabled language",
                    )
                })?;
            if let Some(i) = points.iter().position(|p| p.trim().is_empty()) {
                return Err(problem(
                    format!("{field}[{i}]"),
                    "an empty point: write it or remove it",
                ));
            }
        }
        Ok(())
    }

    fn check_localized(&self, field: &str, text: &Localized) -> Result<(), ConfigError> {
        for lang in &self.languages {
            match text.get(lang.as_str()) {
                Some(t) if !t.trim().is_empty() => {}
                _ => {
                    return Err(problem(
                        format!("{field}.{}", lang.as_str()),
                        "missing or empty text for an enabled language",
                    ));
                }
            }
        }
        Ok(())
    }
}

/// Kinds of file beside the page: the endings allowed, and an example for the error.
struct FileKind {
    endings: &'static [&'static str],
    example: &'static str,
}

const CATALOGUE: FileKind = FileKind {
    endings: &[".json"],
    example: "a .json file beside the page, like lang/tay.json",
};

const AUDIO: FileKind = FileKind {
    endings: &[".mp3", ".ogg", ".opus", ".m4a", ".wav"],
    example: "an audio file (.mp3, .ogg, .opus, .m4a or .wav) beside the page, like clips/tay-name.mp3",
};

/// A path to a file beside the page, on the kiosk's own origin: never an address.
fn check_path(field: &str, path: &str, kind: FileKind) -> Result<(), ConfigError> {
    let outside = path.starts_with('/')
        || path.contains("..")
        || path.contains(':')
        || path.contains('\\')
        || path.contains('?')
        || path.contains('#');
    let ending = kind
        .endings
        .iter()
        .any(|e| path.len() > e.len() && path.ends_with(e));
    if outside || !ending {
        return Err(problem(
            field,
            format!("use a relative path to {}", kind.example),
        ));
    }
    Ok(())
}

fn check_range(field: &str, value: u32, (lo, hi): (u32, u32)) -> Result<(), ConfigError> {
    if (lo..=hi).contains(&value) {
        Ok(())
    } else {
        Err(problem(
            field,
            format!("{value} is out of range: use {lo} to {hi} seconds"),
        ))
    }
}

/// A phone number: 3 to 15 digits, with optional leading + and spaces or dots between.
fn check_phone(field: &str, number: &str) -> Result<(), ConfigError> {
    let body = number.strip_prefix('+').unwrap_or(number);
    let digits = body.chars().filter(char::is_ascii_digit).count();
    let allowed = body
        .chars()
        .all(|c| c.is_ascii_digit() || c == ' ' || c == '.');
    if allowed && (3..=15).contains(&digits) && body.starts_with(|c: char| c.is_ascii_digit()) {
        Ok(())
    } else {
        Err(problem(field, format!("{number:?} is not a phone number")))
    }
}
