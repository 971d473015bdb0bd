//! The kiosk's words, one typed catalogue per language: a missing text is a compile error.
mod en;
mod vi;

use intake::LangTag;

/// Every text a survivor sees, in one language.
pub struct Texts {
    pub quick_exit: &'static str,
    pub skip_to_exit: &'static str,
    pub back: &'static str,
    pub read_aloud: &'static str,
    pub read_aloud_no_voice: &'static str,
    pub step_of: &'static str,
    pub help_now: &'static str,
    pub welcome_hello: &'static str,
    pub welcome_exit_note: &'static str,
    pub choose_language: &'static str,
    pub age_question: &'static str,
    pub age_under_12: &'static str,
    pub age_12_15: &'static str,
    pub age_16_17: &'static str,
    pub age_adult: &'static str,
    pub prefer_not_to_say: &'static str,
    pub child_desk_title: &'static str,
    pub child_desk_body: &'static str,
    pub child_notice_title: &'static str,
    pub child_notice_body: &'static str,
    pub i_understand: &'static str,
    pub consent_title: &'static str,
    pub consent_what: &'static str,
    pub consent_no_name: &'static str,
    pub consent_code: &'static str,
    pub consent_skip: &'static str,
    pub consent_limits_title: &'static str,
    pub consent_question: &'static str,
    pub child_assent_title: &'static str,
    pub child_assent_body: &'static str,
    pub child_assent_question: &'static str,
    pub yes_consent: &'static str,
    pub no_consent: &'static str,
    pub info_only: &'static str,
    pub refused_title: &'static str,
    pub refused_body: &'static str,
    pub info_title: &'static str,
    pub info_services: &'static str,
    pub info_hotlines: &'static str,
    pub info_directory: &'static str,
    pub on_site: &'static str,
    pub by_referral: &'static str,
    pub finish: &'static str,
    pub danger_question: &'static str,
    pub hurt_question: &'static str,
    pub yes: &'static str,
    pub no: &'static str,
    pub skip: &'static str,
    pub children_question: &'static str,
    pub children_none: &'static str,
    pub children_five_plus: &'static str,
    pub desk_now_title: &'static str,
    pub desk_now_body: &'static str,
    pub code_now: &'static str,
    pub continue_questions: &'static str,
    pub services_question: &'static str,
    pub services_hint: &'static str,
    pub talk_first: &'static str,
    pub next: &'static str,
    pub choose_one_service: &'static str,
    pub sharing_question: &'static str,
    pub sharing_hint: &'static str,
    pub share_yes: &'static str,
    pub share_no: &'static str,
    pub answer_every_sharing: &'static str,
    pub child_sharing_title: &'static str,
    pub child_sharing_body: &'static str,
    pub statistics_question: &'static str,
    pub statistics_hint: &'static str,
    pub sex_question: &'static str,
    pub sex_female: &'static str,
    pub sex_male: &'static str,
    pub sex_other: &'static str,
    pub disability_question: &'static str,
    pub optional: &'static str,
    pub review_title: &'static str,
    pub review_hint: &'static str,
    pub change: &'static str,
    pub make_my_code: &'static str,
    pub review_age: &'static str,
    pub review_danger: &'static str,
    pub review_hurt: &'static str,
    pub review_children: &'static str,
    pub review_services: &'static str,
    pub review_sharing: &'static str,
    pub review_statistics: &'static str,
    pub review_sex: &'static str,
    pub review_disability: &'static str,
    pub not_answered: &'static str,
    pub skipped: &'static str,
    pub talk_first_short: &'static str,
    pub handoff_title: &'static str,
    pub handoff_ticket: &'static str,
    pub handoff_qr_label: &'static str,
    pub handoff_stay: &'static str,
    pub handoff_take: &'static str,
    pub handoff_stay_done: &'static str,
    pub handoff_take_done: &'static str,
    pub print: &'static str,
    pub handoff_closing: &'static str,
    pub handoff_error: &'static str,
    pub handoff_making: &'static str,
    pub slip_title: &'static str,
    pub slip_body: &'static str,
    pub idle_title: &'static str,
    pub idle_body: &'static str,
    pub idle_stay: &'static str,
    pub services: [&'static str; 8],
}

/// The texts for `lang`; Vietnamese when the language has no catalogue.
pub fn texts(lang: LangTag) -> &'static Texts {
    if lang == LangTag::EN {
        &en::EN
    } else {
        &vi::VI
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
