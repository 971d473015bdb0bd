//! The idle guard: after N seconds without a touch, "are you still there?" with a
//! countdown, then the same wipe as quick exit. It measures clock time, not timer ticks, so
//! a tablet that slept wakes up wiped. On the code screen it wipes in place after the
//! centre's handoff time, like Finish. Answers are also wiped whenever the page is hidden.
use crate::i18n::fill;
use crate::session::use_session;
use crate::ui::quick_exit::{js_sys_now, quick_exit};
use intake::flow::Step;
use leptos::ev;
use leptos::prelude::*;
use std::time::Duration;

/// Mounts the guard; renders the dialog while it counts down.
#[component]
pub fn IdleGuard() -> impl IntoView {
    let session = use_session();
    let config = session.config();
    let idle_ms = f64::from(config.idle_seconds) * 1000.0;
    let countdown_ms = f64::from(config.idle_countdown_seconds) * 1000.0;
    let handoff_ms = f64::from(config.handoff_seconds) * 1000.0;
    let last_touch = StoredValue::new(js_sys_now());
    let remaining = RwSignal::new(None::<u32>);

    let touched = move || {
        last_touch.set_value(js_sys_now());
        remaining.set(None);
    };
    let listeners = [
        window_event_listener(ev::pointerdown, move |_| touched()),
        window_event_listener(ev::keydown, move |_| touched()),
    ];
    // Leaving the page or hiding it (screen off, app switch) forgets every answer.
    let on_hide = window_event_listener(ev::pagehide, move |_| session.wipe());
    let on_visibility = window_event_listener(ev::visibilitychange, move |_| {
        if document().hidden() {
            session.wipe();
        }
    });

    let check = move || {
        let step = session.flow.with_untracked(|f| f.step());
        if step == Step::Welcome && session.is_fresh() {
            remaining.set(None);
            return;
        }
        // Reading aloud counts as being there: the guard waits until it stops.
        if crate::ui::read_aloud::is_speaking() {
            touched();
            return;
        }
        let elapsed = js_sys_now() - last_touch.get_value();
        if step == Step::Handoff {
            if elapsed >= handoff_ms {
                session.wipe();
            }
            return;
        }
        if elapsed >= idle_ms + countdown_ms {
            quick_exit(session);
        } else if elapsed >= idle_ms {
            let left = ((idle_ms + countdown_ms - elapsed) / 1000.0).ceil() as u32;
            remaining.set(Some(left));
        } else {
            remaining.set(None);
        }
    };
    let interval = set_interval_with_handle(check, Duration::from_millis(500)).ok();
    on_cleanup(move || {
        for l in listeners {
            l.remove();
        }
        on_hide.remove();
        on_visibility.remove();
        if let Some(i) = interval {
            i.clear();
        }
    });

    move || {
        remaining.get().map(|left| {
            let t = session.texts();
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
