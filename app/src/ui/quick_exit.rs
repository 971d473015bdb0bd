//! Quick exit: one action hides the page at once, wipes every answer and replaces the page
//! (no Back to it) with a neutral page. Button, Shift pressed three times, or skip link.
use crate::session::{Session, use_session};
use leptos::ev;
use leptos::prelude::*;

/// The neutral page shipped in `public/`.
pub const EXIT_PAGE: &str = "exit.html";

/// Hides the page at once, wipes, and replaces the page with `to` (no Back to it).
fn leave(session: Session, to: impl FnOnce(&web_sys::Location) -> String) {
    if let Some(body) = document().body() {
        body.set_hidden(true);
    }
    session.hidden.set(true);
    crate::wipe::wipe(session);
    if let Some(window) = web_sys::window() {
        let location = window.location();
        let _ = location.replace(&to(&location));
    }
}

/// Hides, wipes and leaves for the neutral page. Safe to call more than once.
pub fn quick_exit(session: Session) {
    leave(session, |_| EXIT_PAGE.to_owned());
}

/// Ends a session that is over (Finish, the code screen's time, a hidden page): hides the
/// page, wipes, and replaces it with a fresh kiosk, so that neither the page's memory nor
/// its worker's keeps her answers. Like quick exit, but back to the welcome screen.
pub fn fresh_kiosk(session: Session) {
    leave(session, |location| {
        location.pathname().unwrap_or_else(|_| "/".into())
    });
}

/// Watches for Shift pressed three times within five seconds, anywhere on the page.
pub fn use_shift_three_times() {
    let session = use_session();
    let presses = StoredValue::new(Vec::<f64>::new());
    let handle = window_event_listener(ev::keydown, move |e| {
        if e.key() != "Shift" || e.repeat() {
            return;
        }
        let now = js_sys_now();
        let count = presses.try_update_value(|p| {
            p.retain(|t| now - *t < 5_000.0);
            p.push(now);
            p.len()
        });
        if count.unwrap_or(0) >= 3 {
            quick_exit(session);
        }
    });
    on_cleanup(move || handle.remove());
}

/// Milliseconds since 1970 by the device clock.
pub fn js_sys_now() -> f64 {
    js_sys::Date::now()
}

/// A small Finish: wipes and replaces the page with a fresh kiosk. For screens where
/// finishing must not look like the main action (her code on screen; a young child).
#[component]
pub fn SmallFinish() -> impl IntoView {
    let session = use_session();
    view! {
        <button type="button" class="nav-button" on:click=move |_| fresh_kiosk(session)>
            {move || session.watch_texts().finish}
        </button>
    }
}

/// The skip link, first in the tab order: visually hidden until focused.
#[component]
pub fn SkipToExit() -> impl IntoView {
    let session = use_session();
    view! {
        <a class="skip-exit" href=EXIT_PAGE on:click=move |e| { e.prevent_default(); quick_exit(session); }
            on:contextmenu=move |e| { e.prevent_default(); quick_exit(session); }>
            {move || session.watch_texts().skip_to_exit}
        </a>
    }
}

/// The quick-exit button, always in the same place: the only red on the screen, a door
/// with an arrow, and its name in both languages until she has chosen one. A link to the
/// exit page, so that in the welcome screen drawn ahead (`prerender`) it works before the
/// app has started; the app's own click hides and wipes first.
#[component]
pub fn QuickExitButton() -> impl IntoView {
    let session = use_session();
    let label = move || {
        if session.watch(|f| f.step() == intake::flow::Step::Welcome) {
            let (vi, en) = (
                crate::i18n::texts(intake::LangTag::VI),
                crate::i18n::texts(intake::LangTag::EN),
            );
            format!("{} · {}", vi.quick_exit, en.quick_exit)
        } else {
            session.watch_texts().quick_exit.to_owned()
        }
    };
    view! {
        <a class="quick-exit" href=EXIT_PAGE role="button"
            on:click=move |e| { e.prevent_default(); quick_exit(session); }
            // A button's keys: Space too, not only Enter.
            on:keydown=move |e| if e.key() == " " { e.prevent_default(); quick_exit(session); }
            // A long press on a link opens the browser's link menu ("open in a new tab"
            // would leave this page, answers and all, behind the exit page): it leaves too.
            on:contextmenu=move |e| { e.prevent_default(); quick_exit(session); }
            draggable="false">
            <span class="quick-exit__icon" aria-hidden="true" inner_html=crate::ui::icons::EXIT></span>
            <span>{label}</span>
        </a>
    }
}
