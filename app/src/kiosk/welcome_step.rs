//! Welcome: the centre's neutral name, hello in every language, the quick-exit sentence.
use crate::i18n::texts;
use crate::session::use_session;
use crate::ui::big_button::{BigButton, Variant};
use crate::ui::theme::ThemePicker;
use intake::flow::Event;
use leptos::prelude::*;

/// The first screen.
#[component]
pub fn WelcomeStep() -> impl IntoView {
    let session = use_session();
    let config = session.config();
    let title = config.text(&config.name, intake::LangTag::VI).to_owned();
    let languages = config.languages.clone();
    let greetings = languages
        .iter()
        .map(|lang| {
            let t = texts(*lang);
            view! {
                <div class="welcome__lang" lang=lang.as_str().to_owned()>
                    <p class="welcome__hello">{t.welcome_hello}</p>
                    <p class="welcome__note">{t.welcome_exit_note}</p>
                </div>
            }
        })
        .collect_view();
    view! {
        <h1 class="step__title">{title}</h1>
        {greetings}
        <div class="choices choices--row">
            {languages.into_iter().map(|lang| {
                let t = texts(lang);
                let label = format!("{} — {}", language_name(lang), t.choose_language);
                view! {
                    <BigButton label=label variant=Variant::Primary on_press=move || session.send(Event::ChooseLanguage(lang)) />
                }
            }).collect_view()}
        </div>
        <ThemePicker />
    }
}

fn language_name(lang: intake::LangTag) -> &'static str {
    match lang.as_str() {
        "en" => "English",
        _ => "Tiếng Việt",
    }
}
