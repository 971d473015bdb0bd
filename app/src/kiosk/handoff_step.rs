//! The handoff: the sealed QR, the ticket number, stay or take, print, finish.
use crate::device;
use crate::session::use_session;
use crate::ui::big_button::{BigButton, Variant};
use intake::handoff::{Handoff, HandoffId};
use leptos::prelude::*;

/// What the screen shows once the code is made.
struct Made {
    ticket: String,
    svg: String,
}

/// Seals the session's answers; `None` when the kiosk cannot (no key, no randomness, a
/// clock before the build date): the survivor is then sent to the desk.
fn make_code() -> Option<Made> {
    let session = use_session();
    let config = session.config();
    let staff = config.staff_key().ok()?;
    // Seal only to the staff key pinned at pairing (or, unpaired, to demo keys).
    let check = intake::pairing::check_staff_key(
        &staff,
        device::pinned_staff_key().as_deref(),
        config.demo_keys,
    );
    if !check.may_seal() {
        return None;
    }
    let kiosk = device::kiosk_key()?;
    let now = js_sys::Date::new_0();
    let minutes = (js_sys::Date::now() / 60_000.0) as u32;
    let today = format!(
        "{}-{}-{}",
        now.get_full_year(),
        now.get_month() + 1,
        now.get_date()
    );
    let ticket = device::next_ticket(config.ticket_prefix, &today);
    let handoff = Handoff {
        kiosk: kiosk.public().kiosk_id(),
        created_minutes: minutes,
        id: HandoffId::random()?,
        ticket,
        answers: session.flow.with_untracked(|f| f.answers().clone()),
    };
    let svg = seal_and_draw(&handoff, &staff, &kiosk, minutes)?;
    Some(Made {
        ticket: ticket.to_string(),
        svg,
    })
}

/// Seals the handoff and draws its QR code as SVG.
#[cfg(feature = "seal")]
fn seal_and_draw(
    handoff: &Handoff,
    staff: &intake::handoff::PublicKey,
    kiosk: &intake::handoff::KeyPair,
    minutes: u32,
) -> Option<String> {
    let code = intake::handoff::seal(handoff, staff, kiosk, minutes).ok()?;
    intake::handoff::qr_svg(&code).ok()
}

/// Without the `seal` feature (size measurement only) no code is made.
#[cfg(not(feature = "seal"))]
fn seal_and_draw(
    _: &Handoff,
    _: &intake::handoff::PublicKey,
    _: &intake::handoff::KeyPair,
    _: u32,
) -> Option<String> {
    None
}

/// The last screen.
#[component]
pub fn HandoffStep() -> impl IntoView {
    let session = use_session();
    let t = session.texts();
    let printer = session.config().printer;
    let choice = RwSignal::new(None::<bool>);
    let Some(made) = make_code() else {
        return view! {
            <h1 class="step__title step__title--urgent">{t.desk_now_title}</h1>
            <p class="step__lead">{t.handoff_error}</p>
            <div class="choices">
                <BigButton label=t.finish.to_string() variant=Variant::Primary on_press=move || session.wipe() />
            </div>
        }
        .into_any();
    };
    let slip_class = match printer.map(|p| p.width_mm) {
        Some(80) => "slip slip--80",
        _ => "slip slip--58",
    };
    let print = move || {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    };
    view! {
        <h1 class="step__title no-print">{t.handoff_title}</h1>
        <section class=slip_class>
            <p class="slip__title print-only">{t.slip_title}</p>
            <p class="slip__ticket-label">{t.handoff_ticket}</p>
            <p class="slip__ticket">{made.ticket}</p>
            <div class="slip__qr" role="img" aria-label=t.handoff_qr_label inner_html=made.svg></div>
            <p class="slip__body print-only">{t.slip_body}</p>
        </section>
        <div class="choices choices--row no-print">
            <BigButton label=t.handoff_stay.to_string() pressed=Signal::derive(move || choice.get() == Some(true))
                on_press=move || choice.set(Some(true)) />
            <BigButton label=t.handoff_take.to_string() pressed=Signal::derive(move || choice.get() == Some(false))
                on_press=move || choice.set(Some(false)) />
        </div>
        <p class="step__lead no-print" aria-live="polite">
            {move || choice.get().map(|stay| if stay { t.handoff_stay_done } else { t.handoff_take_done })}
        </p>
        <p class="step__closing no-print">{t.handoff_closing}</p>
        <div class="choices choices--row no-print">
            {printer.map(|_| view! { <BigButton label=t.print.to_string() on_press=print /> })}
            <BigButton label=t.finish.to_string() variant=Variant::Primary on_press=move || session.wipe() />
        </div>
    }
    .into_any()
}
