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

thread_local! {
    static FOR_CHILD: std::cell::RefCell<Vec<(LangTag, &'static Texts)>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

/// The texts for `lang` on the child path (12–15): her own words ("em", not "bạn").
/// Made once per language and kept for the page's life.
pub fn child_texts(lang: LangTag) -> &'static Texts {
    // A language whose file has not arrived reads Vietnamese, as `texts` does.
    let lang = if is_available(lang) {
        lang
    } else {
        LangTag::VI
    };
    FOR_CHILD.with_borrow_mut(|made| {
        if let Some((_, t)) = made.iter().find(|(l, _)| *l == lang) {
            return *t;
        }
        let t: &'static Texts = Box::leak(Box::new(texts(lang).for_child()));
        made.push((lang, t));
        t
    })
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
