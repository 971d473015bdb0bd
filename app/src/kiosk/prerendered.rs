//! Taking over from the welcome screen drawn ahead (`crate::prerender`, shown by the page's
//! start-up script in `index.html`): the app removes it as it draws its own screen, in the
//! same task (no frame shows neither or both). The script then replays what she tapped on
//! it through the app's own buttons.
use leptos::prelude::document;

/// The pre-rendered block's id (`crate::prerender::ROOT_ID`, natively).
const ROOT_ID: &str = "prerendered";

/// Removes the pre-rendered screen, if the page has one.
pub fn take_over() {
    if let Some(root) = document().get_element_by_id(ROOT_ID) {
        root.remove();
    }
}
