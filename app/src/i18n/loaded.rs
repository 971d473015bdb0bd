//! Languages beyond the compiled-in two: catalogue files named in the centre configuration.
//!
//! Every configured file is fetched once the first screen is up — all of them, whichever
//! language she picks, so the request reveals nothing of her choice — and checked against
//! Vietnamese: the same keys, no empty text, the same placeholders. A file that is missing
//! or fails the check is not offered; the kiosk carries on in its other languages.
use super::{KEYS, PLACEHOLDERS, Texts};
use intake::LangTag;
use intake::catalogue::{Catalogue, parse, placeholders};
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

/// A catalogue that passes the check, kept for the page's life (loaded once per language).
fn accept(catalogue: Catalogue) -> Option<&'static Texts> {
    let mut texts = [""; KEYS.len()];
    let mut catalogue = catalogue;
    for (i, key) in KEYS.iter().enumerate() {
        let text = catalogue.remove(*key)?;
        let bits = placeholders(&text)
            .iter()
            .fold(0u32, |b, n| b | 1u32.checked_shl(*n).unwrap_or(0));
        if text.trim().is_empty() || bits != PLACEHOLDERS[i] {
            return None;
        }
        texts[i] = Box::leak(text.into_boxed_str());
    }
    if !catalogue.is_empty() {
        return None;
    }
    Some(Box::leak(Box::new(Texts::from_ordered(&texts))))
}

/// Fetches and checks every language file the configuration names; `on_loaded` runs after
/// each one that is accepted.
pub async fn load_language_files(config: &CentreConfig, on_loaded: impl Fn()) {
    for (lang, path) in config.extra_languages() {
        if get(lang).is_some() {
            continue;
        }
        let Ok(text) = crate::fetch_text(path).await else {
            continue;
        };
        let Some(texts) = parse(&text).ok().and_then(accept) else {
            continue;
        };
        LOADED.with_borrow_mut(|l| l.push((lang, texts)));
        on_loaded();
    }
}
