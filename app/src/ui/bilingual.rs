//! The staff and setup pages show Vietnamese and English together ("Vietnamese / English").
//! The English half is marked `lang="en"`, so that a screen reader reads it in English
//! (WCAG 3.1.2, language of parts); what is shown is the same.
use leptos::prelude::*;

/// A fixed text in both languages.
#[component]
pub fn Bi(vi: &'static str, en: &'static str) -> impl IntoView {
    // One element around both halves: in a flex container (a `<summary>`, say) the spaces
    // around the slash would otherwise be trimmed away.
    view! { <span>{vi} " / " <span lang="en">{en}</span></span> }
}

/// A message written as "Vietnamese / English", with its English half marked.
pub fn bilingual(text: impl Into<String>) -> AnyView {
    let text = text.into();
    match text.split_once(" / ") {
        Some((vi, en)) => {
            let (vi, en) = (vi.to_owned(), en.to_owned());
            view! { <span>{vi} " / " <span lang="en">{en}</span></span> }.into_any()
        }
        None => text.into_any(),
    }
}
