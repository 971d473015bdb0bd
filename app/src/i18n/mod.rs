//! The kiosk's words: one catalogue file per language (`app/lang/*.json`, flat key → text).
//!
//! Vietnamese and English are compiled in as typed statics (`build.rs`: a key missing from
//! either stops the build). Further languages are files named in the centre configuration,
//! fetched after the first screen and checked against Vietnamese (`loaded`).
mod loaded;

include!(concat!(env!("OUT_DIR"), "/texts.rs"));

pub use loaded::{is_available, load_language_files, loaded_count};

use intake::{LangTag, Service};

/// The texts for `lang`; Vietnamese when the language has no catalogue (yet).
pub fn texts(lang: LangTag) -> &'static Texts {
    if lang == LangTag::EN {
        &EN
    } else if lang == LangTag::VI {
        &VI
    } else {
        loaded::get(lang).unwrap_or(&VI)
    }
}

impl Texts {
    /// A service's name.
    pub fn service(&self, s: Service) -> &'static str {
        match s {
            Service::Health => self.service_health,
            Service::Psychosocial => self.service_psychosocial,
            Service::Shelter => self.service_shelter,
            Service::Legal => self.service_legal,
            Service::Police => self.service_police,
            Service::SocialWork => self.service_social_work,
            Service::Livelihood => self.service_livelihood,
            Service::ChildProtection => self.service_child_protection,
        }
    }
}

/// Fills `{n}`-style placeholders in order.
pub fn fill(template: &str, values: &[&str]) -> String {
    let mut out = template.to_owned();
    for (i, v) in values.iter().enumerate() {
        out = out.replace(&format!("{{{i}}}"), v);
    }
    out
}

/// "On site" or "by referral", for a service's place.
pub fn place(t: &Texts, place: intake::config::Where) -> &'static str {
    match place {
        intake::config::Where::OnSite => t.on_site,
        intake::config::Where::Referral => t.by_referral,
    }
}
