//! The handoff: the sealed QR, the ticket number, stay or take, print, finish.
use crate::device;
use crate::i18n::fill;
use crate::kiosk::sealer;
use crate::session::use_session;
use crate::storage::Kept;
use crate::ui::big_button::{BigButton, Variant};
use crate::ui::quick_exit::{SmallFinish, fresh_kiosk};
use intake::handoff::{SealReply, SealRequest};
use leptos::prelude::*;

/// What the screen shows once the code is made.
#[derive(Clone)]
pub(super) struct Made {
    pub ticket: String,
    pub svg: String,
}

/// How long the survivor waits for the worker before being sent to the desk.
const GIVE_UP_MS: u64 = 10_000;

/// Asks the sealing worker for the session's code; `done` gets `None` when the kiosk
/// cannot make one (not paired, no key, a clock before the build date, no worker): the
/// survivor is then sent to the desk.
fn make_code(done: impl FnOnce(Option<Made>) + 'static) {
    let session = use_session();
    let config = session.config();
    let now = js_sys::Date::new_0();
    let today = format!(
        "{}-{}-{}",
        now.get_full_year(),
        now.get_month() + 1,
        now.get_date()
    );
    // An unreadable kiosk key is never replaced here: no code, she goes to the desk, and
    // the setup page says why.
    let kiosk_private_hex = match device::kiosk_private_hex() {
        Kept::Value(hex) => Some(hex),
        Kept::Absent => None,
        Kept::Unreadable => return done(None),
    };
    let pinned_staff_key = match device::pinned_staff_key() {
        Kept::Value(hex) => Some(hex),
        Kept::Absent => None,
        Kept::Unreadable => return done(None),
    };
    let ticket = device::next_ticket(device::letter(), &today);
    let request = SealRequest {
        id: 0,
        answers: session.read(|f| f.answers().clone()),
        ticket,
        now_minutes: intake::clock::Minutes::from_ms(js_sys::Date::now()),
        kiosk_private_hex,
        staff_public_hex: config.staff_public_key.clone(),
        pinned_staff_key,
    };
    sealer::request(request, move |reply| match reply {
        SealReply::Made {
            svg, new_kiosk_key, ..
        } => {
            if let Some(hex) = new_kiosk_key {
                device::keep_kiosk_private_hex(&hex);
            }
            done(Some(Made {
                ticket: ticket.to_string(),
                svg,
            }));
        }
        SealReply::Refused { .. } => done(None),
    });
}

/// Starts making the session's code for a screen: `None` while it is being made, then
/// `Some(the code)`, or `Some(None)` when it cannot be made in time. The screen holds a
/// wake lock while it lives, so the tablet does not sleep her code away.
pub(super) fn code_for_screen() -> RwSignal<Option<Option<Made>>> {
    crate::ui::wake_lock::hold_while_shown();
    let made = RwSignal::new(None::<Option<Made>>);
    make_code(move |m| {
        made.try_set(Some(m));
    });
    // Cleared when the screen goes: a pending timer keeps its closure's memory alive.
    let give_up = set_timeout_with_handle(
        move || {
            if made.try_with_untracked(Option::is_none) == Some(true) {
                made.try_set(Some(None));
            }
        },
        std::time::Duration::from_millis(GIVE_UP_MS),
    )
    .ok();
    on_cleanup(move || {
        if let Some(timer) = give_up {
            timer.clear();
        }
    });
    made
}

/// The last screen.
#[component]
pub fn HandoffStep() -> impl IntoView {
    let t = use_session().texts();
    let made = code_for_screen();
    move || match made.get() {
        None => view! { <h1 class="step__title" role="status">{t.handoff_making}</h1> }.into_any(),
        Some(None) => view! { <NoCode /> }.into_any(),
        Some(Some(made)) => view! { <Slip made /> }.into_any(),
    }
}

/// No code could be made: the survivor goes to the desk. A calm screen, not the urgent one.
#[component]
pub(super) fn NoCode() -> impl IntoView {
    let session = use_session();
    let t = session.texts();
    view! {
        <h1 class="step__title">{t.code_failed_title}</h1>
        <p class="step__lead">{t.handoff_error}</p>
        <div class="choices">
            <BigButton label=t.finish.to_string() variant=Variant::Primary on_press=move || fresh_kiosk(session) />
        </div>
    }
}

/// The code on screen and on the printed slip, and what to do next.
#[component]
fn Slip(made: Made) -> impl IntoView {
    let session = use_session();
    let t = session.texts();
    let printer = session.config().printer;
    let choice = RwSignal::new(None::<bool>);
    let minutes = session.config().handoff_seconds.div_ceil(60).to_string();
    // On the urgent path there is nothing to choose: she takes her code to the desk now,
    // where staff see her first (the kiosk alerts no one, so it does not say they come).
    let urgent = session.read(|f| f.answers().is_urgent());
    let next = if urgent {
        view! { <p class="step__lead no-print">{t.handoff_urgent}</p> }.into_any()
    } else {
        view! {
            <div class="choices choices--row no-print">
                <BigButton label=t.handoff_stay.to_string() pressed=Signal::derive(move || choice.get() == Some(true))
                    on_press=move || choice.set(Some(true)) />
                <BigButton label=t.handoff_take.to_string() pressed=Signal::derive(move || choice.get() == Some(false))
                    on_press=move || choice.set(Some(false)) />
            </div>
            <p class="step__lead no-print" aria-live="polite">
                {move || choice.get().map(|stay| if stay { fill(t.handoff_stay_done, &[&minutes]) } else { t.handoff_take_done.to_owned() })}
            </p>
        }
        .into_any()
    };
    view! {
        <h1 class="step__title no-print">{t.handoff_title}</h1>
        <SlipCard made />
        {next}
        <p class="step__closing no-print">{t.handoff_closing}</p>
        {printer.map(|_| view! { <div class="choices no-print"><BigButton label=t.print.to_string() on_press=print_slip /></div> })}
        // Finish wipes her code: secondary, set apart, for after staff have scanned it.
        <div class="finish no-print">
            <p class="step__hint">{t.finish_hint}</p>
            <SmallFinish />
        </div>
    }
}

/// Prints the slip (the page's print style shows only the slip).
pub(super) fn print_slip() {
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}

/// The ticket and the QR, on screen and as the printed slip.
#[component]
pub(super) fn SlipCard(made: Made) -> impl IntoView {
    let session = use_session();
    let t = session.texts();
    let slip_class = match session.config().printer.map(|p| p.width_mm) {
        Some(80) => "slip slip--80",
        _ => "slip slip--58",
    };
    view! {
        <section class=slip_class>
            // On paper the head has a fixed height, so the QR below starts on a whole
            // printer dot (see the print style).
            <div class="slip__head">
                <p class="slip__title print-only">{t.slip_title}</p>
                <p class="slip__ticket-label">{t.handoff_ticket}</p>
                <p class="slip__ticket">{made.ticket}</p>
            </div>
            <div class="slip__qr" role="img" aria-label=t.handoff_qr_label inner_html=made.svg></div>
            <p class="slip__body print-only">{t.slip_body}</p>
        </section>
    }
}
