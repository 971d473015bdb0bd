//! Read-aloud: the speaker button reads the screen's question and options with the
//! browser's speech synthesis, in the session's language.
//!
//! Only voices that run on the device (`localService`) are used: a network voice would send
//! the screen's text — answers included — to a cloud service. With no such voice for the
//! language the button says so, visibly, and nothing else changes. Text inside
//! `[data-no-read]` (her answers on the review screen) is never read.
use crate::session::use_session;
use crate::ui::icons;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, SpeechSynthesis, SpeechSynthesisUtterance, SpeechSynthesisVoice};

/// What is read, in reading order: headings, paragraphs, prompts and button labels.
const READ: &str = "h1, h2, h3, p, legend, dt, .big-button__label";

fn synth() -> Option<SpeechSynthesis> {
    web_sys::window()?.speech_synthesis().ok()
}

/// The speech language for a session language: Vietnamese as spoken in Viet Nam.
fn speech_lang(lang: &str) -> String {
    match lang {
        "vi" => "vi-VN".to_owned(),
        other => other.to_owned(),
    }
}

/// An on-device voice for `lang` (matched on the language part of the voice's tag).
fn local_voice(synth: &SpeechSynthesis, lang: &str) -> Option<SpeechSynthesisVoice> {
    let voices = synth.get_voices();
    (0..voices.length())
        .map(|i| voices.get(i).unchecked_into::<SpeechSynthesisVoice>())
        .filter(|v| v.local_service())
        .find(|v| {
            let tag = v.lang().to_ascii_lowercase().replace('_', "-");
            tag == lang || tag.starts_with(&format!("{lang}-"))
        })
}

/// The text of the current screen, without anything marked `data-no-read`.
fn screen_text() -> String {
    let Some(main) = document().get_element_by_id("main") else {
        return String::new();
    };
    let Ok(nodes) = main.query_selector_all(READ) else {
        return String::new();
    };
    let mut parts = Vec::new();
    for i in 0..nodes.length() {
        let Some(el) = nodes.item(i).and_then(|n| n.dyn_into::<HtmlElement>().ok()) else {
            continue;
        };
        let skipped = el
            .closest("[data-no-read], .print-only")
            .ok()
            .flatten()
            .is_some();
        let text = el.inner_text();
        let text = text.trim();
        if !skipped && !text.is_empty() {
            parts.push(text.to_owned());
        }
    }
    parts.join(". ")
}

/// Why nothing was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotRead {
    /// The browser has no speech synthesis, or no on-device voice for the language.
    NoVoice,
}

/// Reads the current screen aloud in `lang`.
pub fn read_screen(lang: &str) -> Result<(), NotRead> {
    let synth = synth().ok_or(NotRead::NoVoice)?;
    let voice = local_voice(&synth, lang).ok_or(NotRead::NoVoice)?;
    let utterance =
        SpeechSynthesisUtterance::new_with_text(&screen_text()).map_err(|_| NotRead::NoVoice)?;
    utterance.set_lang(&speech_lang(lang));
    utterance.set_voice(Some(&voice));
    synth.cancel();
    synth.speak(&utterance);
    Ok(())
}

/// Stops reading (on a new screen, and when the session wipes).
pub fn stop() {
    // Only when there is something to stop: `cancel` reaches the platform's speech service,
    // which costs time on every screen change (and at start-up) for nothing.
    if let Some(s) = synth().filter(|s| s.speaking() || s.pending()) {
        s.cancel();
    }
}

/// Whether it is reading now: the idle guard waits while it does.
pub fn is_speaking() -> bool {
    synth().is_some_and(|s| s.speaking())
}

/// The speaker button, what it warns of, and its message line: at the top of the screen's
/// own content, away from Back (a tap meant for Back must not speak the screen in a public
/// room), larger on the screens with much to read.
#[component]
pub fn ReadAloudButton() -> impl IntoView {
    let session = use_session();
    let t = move || session.watch_texts();
    let no_voice = RwSignal::new(false);
    let long = move || session.watch(|f| f.is_long_read());
    // A new screen or a new language: stop reading, clear the message.
    Effect::new(move |_| {
        session.watch(|f| (f.step(), f.language()));
        stop();
        no_voice.set(false);
    });
    let read = move |_| {
        let lang = session.read(|f| f.language());
        no_voice.set(read_screen(lang.as_str()).is_err());
    };
    view! {
        <div class="read-aloud-row no-print" class:read-aloud-row--large=long data-no-read="">
            <button type="button" class="nav-button read-aloud" aria-describedby="read-aloud-hint" on:click=read>
                <span class="read-aloud__icon" aria-hidden="true" inner_html=icons::SPEAKER></span>
                {move || t().read_aloud}
            </button>
            // True of every tablet: it speaks through its loudspeaker unless headphones are in.
            <span class="read-aloud__hint" id="read-aloud-hint">
                <span class="read-aloud__icon" aria-hidden="true" inner_html=icons::HEADPHONES></span>
                {move || t().read_aloud_hint}
            </span>
        </div>
        <p class="read-aloud__problem no-print" role="status" data-no-read="">
            {move || no_voice.get().then(|| t().read_aloud_no_voice)}
        </p>
    }
}
