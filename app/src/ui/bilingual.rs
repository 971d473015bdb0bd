//! The staff and setup pages show Vietnamese and English together ("Vietnamese / English").
//! Every such text is an `intake::two::Two`; the English half is marked `lang="en"`, so that
//! a screen reader reads it in English (WCAG 3.1.2, language of parts).
use intake::two::Two;
use leptos::prelude::*;

/// A fixed text in both languages.
#[component]
pub fn Bi(vi: &'static str, en: &'static str) -> impl IntoView {
    two(Two::new(vi, en))
}

/// A two-language text, its English half marked.
pub fn two(text: Two) -> AnyView {
    // One element around both halves: in a flex container (a `<summary>`, say) the spaces
    // around the slash would otherwise be trimmed away.
    let (vi, en) = (text.vi.into_owned(), text.en.into_owned());
    view! { <span>{vi} " / " <span lang="en">{en}</span></span> }.into_any()
}
