//! "More below": a small pill at the bottom of the screen while the screen's answers or
//! Next lie below the fold (services and sharing, large text). It takes no taps
//! (`pointer-events: none`): a tap on it reaches the control under it, never a different
//! action; it goes once Next is in view.
use crate::session::use_session;
use leptos::prelude::*;

/// How far (CSS px) the page must go on below the screen for the cue to show.
const MORE_THAN_PX: f64 = 24.0;

/// Whether the screen's own content (its answers and Next; not "talk to staff", which
/// follows it) goes on below what the screen shows.
fn more_below() -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let Some(last) = window
        .document()
        .and_then(|d| d.query_selector("#main > :last-child").ok().flatten())
    else {
        return false;
    };
    let height = window
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .unwrap_or(0.0);
    last.get_bounding_client_rect().bottom() - height > MORE_THAN_PX
}

/// The cue; place it once on a screen that may be longer than the screen.
#[component]
pub fn MoreBelow() -> impl IntoView {
    let t = use_session().texts();
    let shown = RwSignal::new(false);
    let check = move || {
        shown.try_set(more_below());
    };
    let on_scroll = window_event_listener(leptos::ev::scroll, move |_| check());
    let on_resize = window_event_listener(leptos::ev::resize, move |_| check());
    // Once the screen is laid out.
    request_animation_frame(check);
    on_cleanup(move || {
        on_scroll.remove();
        on_resize.remove();
    });
    view! {
        <p class="more-below no-print" aria-hidden="true" hidden=move || !shown.get()>
            <span class="more-below__arrow">"▼"</span>{t.more_below}
        </p>
    }
}
