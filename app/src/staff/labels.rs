//! What the desk calls a service and each answer, in both languages. The words she tapped
//! come from the kiosk's own catalogues (`app/lang/vi.json`, `app/lang/en.json`), so the
//! desk reads exactly what she read and a label is written once, beside the service names.
//! Only what the kiosk never shows her ("not asked", "unknown") is written here.
use crate::i18n::{Texts, texts};
use intake::two::Two;
use intake::{AgeBand, LangTag, Reply, Service, Sex};

/// One catalogue entry in Vietnamese and English.
fn both(pick: impl Fn(&'static Texts) -> &'static str) -> Two {
    Two::new(pick(texts(LangTag::VI)), pick(texts(LangTag::EN)))
}

/// A question the kiosk did not ask her (her path skipped it).
const NOT_ASKED: Two = Two::new("Chưa hỏi", "Not asked");
/// A statistics cell with no answer (skipped, not asked).
const UNKNOWN: Two = Two::new("Không rõ", "Unknown");

/// A service's name.
pub fn service(s: Service) -> Two {
    both(|t| t.service(s))
}

/// A yes/no answer.
pub fn reply(r: Reply) -> Two {
    match r {
        Reply::Yes => both(|t| t.yes),
        Reply::No => both(|t| t.no),
        Reply::Skipped => both(|t| t.skipped),
        Reply::NotAsked => NOT_ASKED,
    }
}

/// A yes/no fact that is never "skipped" (she chose it or not).
pub fn flag(on: bool) -> Two {
    if on { both(|t| t.yes) } else { both(|t| t.no) }
}

/// The age band she chose.
pub fn age_band(a: AgeBand) -> Two {
    match a {
        AgeBand::Under12 => both(|t| t.age_under_12),
        AgeBand::From12To15 => both(|t| t.age_12_15),
        AgeBand::From16To17 => both(|t| t.age_16_17),
        AgeBand::Adult => both(|t| t.age_adult),
        AgeBand::PreferNotToSay => both(|t| t.prefer_not_to_say),
        AgeBand::NotAsked => NOT_ASKED,
    }
}

/// Her sex, for the statistics.
pub fn sex(s: Sex) -> Two {
    match s {
        Sex::Female => both(|t| t.sex_female),
        Sex::Male => both(|t| t.sex_male),
        Sex::Other => both(|t| t.sex_other),
        Sex::Skipped | Sex::NotAsked => UNKNOWN,
    }
}

/// An age band as the statistics store it (`12_15`, `unknown`), in words.
pub fn stats_age(code: &str) -> Two {
    AgeBand::CHOICES
        .into_iter()
        .find(|a| a.as_str() == code)
        .map_or(UNKNOWN, age_band)
}

/// A sex as the statistics store it (`female`, `unknown`), in words.
pub fn stats_sex(code: &str) -> Two {
    [Sex::Female, Sex::Male, Sex::Other]
        .into_iter()
        .find(|s| s.as_str() == code)
        .map_or(UNKNOWN, sex)
}

/// A statistics row's service (`health`, or none chosen), in words.
pub fn stats_service(code: &str) -> Two {
    Service::from_id(code).map_or(Two::new("Không chọn dịch vụ", "No service"), service)
}
