//! Recorded clips: a language's name, and "please wait here, a staff member will come with
//! an interpreter", spoken by a native speaker (no tablet has voices for Tày or Dao).
//!
//! Every clip the configuration names is fetched once the first screen is up — all of
//! them, whichever language she picks, so the requests reveal nothing of her choice — and
//! kept in memory as a `blob:` address (the service worker keeps the files for offline use).
//! A clip plays only on a tap and every wipe stops it. A clip that is missing is not
//! offered; one that will not play does nothing: the language's name still shows.
use intake::config::CentreConfig;
use leptos::prelude::*;
use std::cell::RefCell;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

thread_local! {
    /// Path in the configuration → the clip's `blob:` address.
    static LOADED: RefCell<Vec<(String, String)>> = const { RefCell::new(Vec::new()) };
    /// The clip playing now, if any.
    static PLAYING: RefCell<Option<web_sys::HtmlAudioElement>> = const { RefCell::new(None) };
}

/// Whether the clip at `path` arrived and can be offered.
pub fn is_loaded(path: &str) -> bool {
    LOADED.with_borrow(|l| l.iter().any(|(p, _)| p == path))
}

async fn fetch_blob_url(path: &str) -> Option<String> {
    let window = web_sys::window()?;
    let response = JsFuture::from(window.fetch_with_str(path)).await.ok()?;
    let response: web_sys::Response = response.dyn_into().ok()?;
    if !response.ok() {
        return None;
    }
    let blob = JsFuture::from(response.blob().ok()?).await.ok()?;
    web_sys::Url::create_object_url_with_blob(&blob.dyn_into().ok()?).ok()
}

/// Fetches every clip the configuration names; `on_loaded` runs after each one that arrives.
pub async fn load_clips(config: &CentreConfig, on_loaded: impl Fn()) {
    let paths: Vec<String> = config.clips().map(str::to_owned).collect();
    for path in paths {
        if is_loaded(&path) {
            continue;
        }
        if let Some(url) = fetch_blob_url(&path).await {
            LOADED.with_borrow_mut(|l| l.push((path, url)));
            on_loaded();
        }
    }
}

/// Plays the clip at `path` (after a tap), stopping any other.
pub fn play(path: &str) {
    stop();
    let Some(url) = LOADED.with_borrow(|l| {
        l.iter()
            .find(|(p, _)| p == path)
            .map(|(_, url)| url.clone())
    }) else {
        return;
    };
    let Ok(audio) = web_sys::HtmlAudioElement::new_with_src(&url) else {
        return;
    };
    // A clip that cannot play rejects the promise: caught here, so nothing else fails.
    if let Ok(promise) = audio.play() {
        wasm_bindgen_futures::spawn_local(async move {
            let _ = JsFuture::from(promise).await;
        });
    }
    PLAYING.with_borrow_mut(|p| *p = Some(audio));
}

/// Stops the clip playing now (every wipe calls this).
pub fn stop() {
    if let Some(audio) = PLAYING.with_borrow_mut(Option::take) {
        let _ = audio.pause();
        audio.set_src("");
    }
}

/// Whether a clip is playing (the idle guard counts it as being there).
pub fn is_playing() -> bool {
    PLAYING.with_borrow(|p| p.as_ref().is_some_and(|a| !a.paused() && !a.ended()))
}

/// The square speaker beside a language's name: plays its clip on a tap. Drawn only for a
/// clip that arrived (`None` draws nothing).
#[component]
pub fn ListenButton(
    /// The language's name, for the button's label.
    name: String,
    /// The clip's path in the configuration, if it arrived.
    clip: Option<String>,
) -> impl IntoView {
    let (vi, en) = (
        crate::i18n::texts(intake::LangTag::VI),
        crate::i18n::texts(intake::LangTag::EN),
    );
    clip.map(|path| {
        view! {
            <button type="button" class="language__listen"
                aria-label=format!("{name} — {} / {}", vi.listen, en.listen)
                on:click=move |_| play(&path)>
                <span aria-hidden="true" inner_html=crate::ui::icons::SPEAKER></span>
            </button>
        }
    })
}
