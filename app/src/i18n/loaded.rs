//! Languages beyond the compiled-in two: catalogue files named in the centre configuration.
//!
//! Every configured file is fetched once the first screen is up — all of them, whichever
//! language she picks, so the request reveals nothing of her choice — and checked by the
//! kiosk's worker against Vietnamese (`intake::handoff::checked_texts`: the same keys, no
//! empty text, the same placeholders). A file that is missing or fails the check is not
//! offered; the kiosk carries on in its other languages.
use super::{KEYS, Texts};
use intake::LangTag;
use intake::config::CentreConfig;
use std::cell::RefCell;

thread_local! {
    static LOADED: RefCell<Vec<(LangTag, &'static Texts)>> = const { RefCell::new(Vec::new()) };
}

/// The loaded catalogue of `lang`.
pub(super) fn get(lang: LangTag) -> Option<&'static Texts> {
    LOADED.with_borrow(|l| l.iter().find(|(t, _)| *t == lang).map(|(_, texts)| *texts))
}

/// Whether `lang` can be shown now: compiled in, or loaded.
pub fn is_available(lang: LangTag) -> bool {
    lang == LangTag::VI || lang == LangTag::EN || get(lang).is_some()
}

/// How many files have been loaded (a signal source for screens that list languages).
pub fn loaded_count() -> usize {
    LOADED.with_borrow(Vec::len)
}

/// A checked catalogue's texts (in `KEYS` order), kept for the page's life.
fn accept(texts: Vec<String>) -> Option<&'static Texts> {
    if texts.len() != KEYS.len() {
        return None;
    }
    let mut ordered = [""; KEYS.len()];
    for (slot, text) in ordered.iter_mut().zip(texts) {
        *slot = Box::leak(text.into_boxed_str());
    }
    Some(Box::leak(Box::new(Texts::from_ordered(&ordered))))
}

/// Fetches every language file the configuration names and has the worker check it
/// against Vietnamese; `on_loaded` runs after each one that is accepted.
pub async fn load_language_files(config: &CentreConfig, on_loaded: impl Fn() + Clone + 'static) {
    for (lang, path) in config.extra_languages() {
        if get(lang).is_some() {
            continue;
        }
        let Ok(text) = crate::fetch::fetch_text(path).await else {
            continue;
        };
        let on_loaded = on_loaded.clone();
        crate::kiosk::sealer::check_language(text, move |texts| {
            if let Some(texts) = texts.and_then(accept) {
                LOADED.with_borrow_mut(|l| l.push((lang, texts)));
                on_loaded();
            }
        });
    }
}
