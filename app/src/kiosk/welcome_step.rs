//! Welcome: the centre's neutral name, hello in every language, the quick-exit sentence.
use crate::i18n::{is_available, texts};
use crate::session::use_session;
use crate::ui::big_button::{BigButton, Variant};
use crate::ui::theme::ThemePicker;
use intake::flow::Event;
use leptos::prelude::*;

/// The first screen. Not reactive itself: `CurrentStep` draws it again when a language
/// file arrives, which costs less (in the kiosk's wasm) than reactive lists.
#[component]
pub fn WelcomeStep() -> impl IntoView {
    let session = use_session();
    let config = session.config();
    let title = config.text(&config.name, intake::LangTag::VI).to_owned();
    // The configured languages that can be shown: built in, or their file has arrived.
    let languages: Vec<_> = config
        .languages
        .iter()
        .copied()
        .filter(|lang| is_available(*lang))
        .collect();
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
                let label = format!("{} — {}", t.language_name, t.choose_language);
                view! {
                    <BigButton label=label variant=Variant::Primary on_press=move || session.send(Event::ChooseLanguage(lang)) />
                }
            }).collect_view()}
        </div>
        <ThemePicker />
    }
}
