//! The idle guard: after N seconds without a touch, "are you still there?" with a
//! countdown, then the same wipe as quick exit. It counts clock time, not timer ticks, on
//! the wall clock (a tablet that slept wakes up wiped) and on a monotonic clock (a wall
//! clock set back cannot delay the wipe): `intake::idle`. On the code screen it ends the
//! session after the centre's handoff time, like Finish. A hidden page ends it too.
use crate::i18n::fill;
use crate::session::use_session;
use crate::ui::idle::{UseIdleOptions, use_idle};
use crate::ui::quick_exit::{fresh_kiosk, quick_exit};
use intake::flow::Step;
use intake::idle::{IdleAction, IdleLimits, Pace};
use leptos::ev;
use leptos::prelude::*;

/// Mounts the guard; renders the dialog while it counts down.
#[component]
pub fn IdleGuard() -> impl IntoView {
    let session = use_session();
    let config = session.config();
    let limits = IdleLimits {
        idle_ms: f64::from(config.idle_seconds) * 1000.0,
        countdown_ms: f64::from(config.idle_countdown_seconds) * 1000.0,
        handoff_ms: f64::from(config.handoff_seconds) * 1000.0,
        wait_ms: f64::from(config.wait_seconds) * 1000.0,
        reading_factor: f64::from(config.reading_idle_factor),
    };
    let remaining = RwSignal::new(None::<u32>);
    // Leaving the page forgets every answer; hiding it (screen off, app switch) also
    // replaces it with a fresh kiosk, so nothing stays in the page's or the worker's memory.
    let on_hide = window_event_listener(ev::pagehide, move |_| crate::wipe::wipe(session));
    let on_visibility = window_event_listener(ev::visibilitychange, move |_| {
        if document().hidden() && !session.is_fresh() {
            fresh_kiosk(session);
        }
    });
    // A page brought back from the back-forward cache starts afresh.
    let on_show = window_event_listener(ev::pageshow, move |e| {
        if e.persisted() {
            fresh_kiosk(session);
        }
    });

    let idle = use_idle(UseIdleOptions::default(), move |idle, elapsed| {
        let (step, pace) = session.read(|f| (f.step(), Pace::of(f)));
        if step == Step::Welcome && session.is_fresh() {
            remaining.set(None);
            return;
        }
        // Reading aloud or a clip playing counts as being there: the guard waits.
        if crate::ui::read_aloud::is_speaking() || crate::ui::clips::is_playing() {
            idle.touch();
            remaining.set(None);
            return;
        }
        match limits.action(elapsed, pace) {
            IdleAction::Wait => remaining.set(None),
            IdleAction::Ask { seconds_left } => remaining.set(Some(seconds_left)),
            IdleAction::Exit => quick_exit(session),
            IdleAction::EndHandoff => fresh_kiosk(session),
        }
    });
    // A touch takes the question away at once (the next tick would too).
    let touched = move || {
        idle.touch();
        remaining.set(None);
    };
    let on_touch = [
        window_event_listener(ev::pointerdown, move |_| remaining.set(None)),
        window_event_listener(ev::keydown, move |_| remaining.set(None)),
    ];
    on_cleanup(move || {
        for l in on_touch {
            l.remove();
        }
        on_hide.remove();
        on_visibility.remove();
        on_show.remove();
    });

    move || {
        remaining.get().map(|left| {
            let t = session.watch_texts();
            view! {
                <div class="idle-dialog" role="alertdialog" aria-modal="true" aria-labelledby="idle-title" aria-describedby="idle-body">
                    <div class="idle-dialog__box">
                        <h2 id="idle-title">{t.idle_title}</h2>
                        <p id="idle-body" aria-live="polite">{fill(t.idle_body, &[&left.to_string()])}</p>
                        <button type="button" class="big-button big-button--primary" on:click=move |_| touched()>{t.idle_stay}</button>
                    </div>
                </div>
            }
        })
    }
}
