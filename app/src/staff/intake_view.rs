//! The intake view: the scan field (USB scanner, paste or camera) with its errors right
//! under it, then the open case; with no case open, the cases kept on this desk.
use super::case_view::{CaseView, KeptCases, OpenCase};
use super::messages::open_error;
use super::{Desk, now_minutes, store};
use crate::storage::Kept;
use crate::ui::bilingual::{Bi, two};
use intake::desk::keyring::Keyring;
use intake::desk::repeat::RepeatGuard;
use intake::desk::scan::{DeskMemory, Freshness, Scanned, scan};
use intake::desk::stats::Statistics;
use intake::handoff::EnrolledKiosk;
use intake::two::Two;
use leptos::prelude::*;

/// Scanning and the open case.
#[component]
pub fn IntakeView(
    /// The desk's staff keys.
    ring: StoredValue<Keyring>,
    /// The enrolled kiosks (a scan marks the kiosk seen).
    kiosks: RwSignal<Vec<EnrolledKiosk>>,
    /// The counts, updated when a case is recorded.
    stats: RwSignal<Statistics>,
    /// A kiosk's enrolment was scanned: for the kiosks view.
    on_kiosk_key: Callback<String>,
    /// Another desk's kiosk list was scanned: to the kiosks view, to merge.
    on_desk_kiosks: Callback<String>,
) -> impl IntoView {
    let desk = expect_context::<Desk>();
    let code = RwSignal::new(String::new());
    // The last scan's error: under the field, gone at the next action.
    let error = RwSignal::new(None::<Two>);
    let open = RwSignal::new(None::<OpenCase>);
    // What one scan does is decided by `intake::desk::scan`; here it is kept and drawn.
    let open_case = move |text: String, freshness: Freshness| {
        error.set(None);
        let mut memory = DeskMemory {
            kiosks: kiosks.get_untracked(),
            // An unreadable list of opened codes cannot say whether this is a second scan:
            // the desk says so.
            opened: match store::opened_kept() {
                Kept::Unreadable => None,
                kept => Some(kept.value().unwrap_or_default()),
            },
        };
        let scanned = ring.with_value(|r| {
            desk.config
                .with_value(|c| scan(&text, r, &mut memory, c, now_minutes(), freshness))
        });
        match scanned {
            Scanned::KioskKey(line) => on_kiosk_key.run(line),
            Scanned::DeskKiosks(code) => on_desk_kiosks.run(code),
            Scanned::Refused(e) => error.set(Some(open_error(&e))),
            Scanned::Case(case) => {
                let mut replay_unknown = false;
                if freshness == Freshness::Fresh {
                    store::keep_open_case(text.trim(), now_minutes());
                    if ring.with_value(|r| store::keep_kiosks(r, &memory.kiosks)) {
                        kiosks.set(memory.kiosks);
                    }
                    match &memory.opened {
                        Some(list) => {
                            store::keep_opened(list);
                        }
                        None => replay_unknown = true,
                    }
                }
                open.set(Some(OpenCase {
                    code: text.trim().to_owned(),
                    sheet: case.sheet,
                    handoff: case.handoff,
                    sealed_to: case.sealed_to,
                    replay_unknown,
                }));
            }
        }
    };
    // Unlocked again: the case that was open comes back, with no second-scan warning.
    if let Some(code) = store::open_case(now_minutes()) {
        open_case(code, Freshness::Reopened);
    }
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let text = code.get_untracked();
        code.set(String::new()); // cleared after each open
        open_case(text, Freshness::Fresh);
    };
    // A code held in front of the camera is seen on frame after frame: it opens once.
    let camera_guard = StoredValue::new(RepeatGuard::default());
    let from_camera = Callback::new(move |text: String| {
        let now = js_sys::Date::now();
        if camera_guard
            .try_update_value(|g| g.is_new(&text, now))
            .unwrap_or(false)
        {
            open_case(text, Freshness::Fresh);
        }
    });
    let close = Callback::new(move |()| {
        store::forget_open_case();
        desk.printing.set(None);
        open.set(None);
    });
    let reopen = Callback::new(move |code: String| open_case(code, Freshness::Reopened));

    view! {
        <form class="panel desk__scan no-print" on:submit=submit>
            <label for="code"><Bi vi="Quét hoặc dán mã, rồi Enter" en="Scan or paste the code, then Enter"/></label>
            <div class="desk__scan-row">
                <input id="code" class="desk__code" type="text" inputmode="numeric" autocomplete="off"
                    autocapitalize="off" spellcheck="false" autofocus bind:value=code
                    on:input=move |_| error.set(None) aria-describedby="scan-error" />
                <button type="submit" class="desk-button desk-button--primary"><Bi vi="Mở" en="Open"/></button>
            </div>
            <p id="scan-error" class="desk__error" role="alert" hidden=move || error.with(Option::is_none)>
                {move || error.get().map(two)}
            </p>
            <super::camera::CameraScanner on_code=from_camera />
        </form>
        {move || match open.get() {
            Some(case) => view! { <CaseView case=case ring=ring stats=stats on_close=close /> }.into_any(),
            None => view! { <KeptCases ring=ring on_open=reopen /> }.into_any(),
        }}
    }
}
