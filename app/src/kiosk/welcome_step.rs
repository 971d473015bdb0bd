//! The first screen: "Choose a language". Each language she may speak with staff, its name
//! written in itself, a pictogram, and (where the centre recorded one) its name spoken.
//! A language the screens are written in starts the flow in it; any other (or sign
//! language) goes to "please wait here" with a code asking for an interpreter.
use crate::i18n::{is_available, texts};
use crate::session::use_session;
use crate::ui::big_button::BigButton;
use crate::ui::clips::{self, ListenButton};
use crate::ui::icons;
use crate::ui::theme::ThemePicker;
use intake::LangTag;
use intake::config::{CentreConfig, Pictogram};
use intake::flow::Event;
use leptos::prelude::*;

fn pictogram(p: Pictogram) -> &'static str {
    match p {
        Pictogram::Speech => icons::SPEECH,
        Pictogram::Sign => icons::SIGN,
        Pictogram::Other => icons::WORLD,
    }
}

/// What a tap on `lang` does now: screens in her language, and their text here, go on in
/// it; any other language (or sign language) asks for an interpreter.
pub(super) fn language_event(config: &CentreConfig, lang: LangTag) -> Event {
    if config.has_screens(lang) && is_available(lang) {
        Event::ChooseLanguage(lang)
    } else {
        Event::NeedInterpreter(lang)
    }
}

/// The first screen. Not reactive itself: `CurrentStep` draws it again when a language
/// file or a clip arrives, which costs less (in the kiosk's wasm) than reactive lists.
#[component]
pub fn WelcomeStep() -> impl IntoView {
    let session = use_session();
    let config = session.config();
    let title = config.text(&config.name, LangTag::VI).to_owned();
    // The greeting and the quick-exit sentence in each language of the screens.
    let greetings = config
        .languages
        .iter()
        .copied()
        .filter(|lang| is_available(*lang))
        .map(|lang| {
            let t = texts(lang);
            view! {
                <div class="welcome__lang" lang=lang.as_str().to_owned()>
                    <p class="welcome__hello">{t.welcome_hello}</p>
                    <p class="welcome__note">{t.welcome_exit_note}</p>
                </div>
            }
        })
        .collect_view();
    let (vi, en) = (texts(LangTag::VI), texts(LangTag::EN));
    let choices = config
        .spoken_languages
        .iter()
        .map(|spoken| {
            let lang = spoken.tag;
            let event = language_event(&config, lang);
            let screens = matches!(event, Event::ChooseLanguage(_));
            // Screens configured whose file is still on its way (fetched after the first
            // screen): a tap the page kept from before the app started waits for it.
            let coming = (!screens && config.has_screens(lang)).then_some("");
            let clip = spoken.name_clip.clone().filter(|p| clips::is_loaded(p));
            let name = spoken.name.clone();
            view! {
                <div class="language" lang=lang.html_lang().map(str::to_owned) data-screens=screens.to_string() data-file-coming=coming>
                    <BigButton label=name.clone() icon=pictogram(spoken.pictogram)
                        on_press=move || session.send(event) />
                    <ListenButton name clip />
                </div>
            }
        })
        .collect_view();
    view! {
        <p class="welcome__centre">{title}</p>
        <h1 class="step__title">
            <span lang="vi">{vi.choose_language}</span>" · "<span lang="en">{en.choose_language}</span>
        </h1>
        {greetings}
        <div class="choices choices--languages">{choices}</div>
        <ThemePicker />
    }
}
