//! The staff desk page: keys, scanning, the case sheet. Its own page (and wasm), so the
//! kiosk's first load carries none of it.
mod camera;
mod case_sheet;
mod case_view;
mod decisions_form;
mod desk_transfer;
mod desk_view;
mod download;
mod initials;
mod intake_view;
mod key_ring;
mod keys;
mod kiosks;
pub mod labels;
mod messages;
mod primero_flags;
mod referral_slips;
mod statistics;
mod store;
mod strength;

use crate::storage::{self, Kept};
use crate::ui::bilingual::{Bi, two};
use crate::{SetupError, SetupErrorView, load_config_from};
use intake::config::CentreConfig;
use intake::desk::keyring::{Keyring, WrappedKeyring};
use intake::desk::wrap::WrappingKey;
use intake::two::Two;
use leptos::prelude::*;
use std::sync::Arc;
use std::time::Duration;

/// Where the desk is in a shift.
#[derive(Clone)]
pub enum DeskState {
    NoKey,
    Locked(WrappedKeyring),
    Unlocked(Unlocked),
}

/// An unlocked desk: its keys, and the key that wraps them again after a change.
#[derive(Clone)]
pub struct Unlocked {
    pub ring: Keyring,
    pub wrapping: WrappingKey,
}

/// Now, by the desk's clock.
pub fn now_minutes() -> intake::clock::Minutes {
    intake::clock::Minutes::from_ms(js_sys::Date::now())
}

/// Shared by the desk's components.
#[derive(Clone, Copy)]
pub struct Desk {
    pub state: RwSignal<DeskState>,
    pub config: StoredValue<Arc<CentreConfig>>,
    /// What a change to the desk's keys did, and what comes next (kept across the redraw
    /// the change causes).
    pub notice: RwSignal<Option<Two>>,
    /// The initials of the staff member at the desk: asked at unlock, forgotten at lock.
    pub initials: RwSignal<Option<intake::desk::decisions::Initials>>,
    /// The referral slip being printed (drawn apart from the page, alone on the paper).
    pub printing: RwSignal<Option<referral_slips::Printed>>,
    /// The view shown (kept across the redraw a change of keys causes).
    pub page: RwSignal<desk_view::DeskPage>,
}

impl Desk {
    /// Locks the desk if it is unlocked (the open case comes back after unlock).
    pub fn lock_if_open(&self) {
        if self
            .state
            .with_untracked(|s| matches!(s, DeskState::Unlocked(_)))
        {
            self.lock();
        }
    }

    /// Forgets the unwrapped key: the passphrase is needed again.
    pub fn lock(&self) {
        self.notice.set(None);
        self.initials.set(None);
        self.printing.set(None);
        self.page.set(desk_view::DeskPage::Intake);
        self.state.set(match store::keyring() {
            Kept::Value(w) => DeskState::Locked(w),
            // An unreadable key: the desk says so (see `Unreadable`) and offers its backup.
            Kept::Absent | Kept::Unreadable => DeskState::NoKey,
        });
    }
}

/// Minutes without input before the desk locks itself.
const IDLE_LOCK_MINUTES: f64 = 10.0;

/// The desk once configured.
#[component]
fn StaffDesk(
    /// The centre configuration.
    config: Arc<CentreConfig>,
) -> impl IntoView {
    let demo_keys = config.uses_demo_key();
    let desk = Desk {
        state: RwSignal::new(DeskState::NoKey),
        config: StoredValue::new(config),
        notice: RwSignal::new(None),
        initials: RwSignal::new(None),
        printing: RwSignal::new(None),
        page: RwSignal::new(desk_view::DeskPage::Intake),
    };
    // What the desk keeps is deleted when its time comes, whoever unlocks the desk or not.
    desk.config
        .with_value(|c| store::apply_retention(now_minutes(), c));
    desk.lock();
    provide_context(desk);

    // Locked when the page is left, and after a while hidden (another app, the screen off):
    // a laptop left open must not show her case to whoever passes.
    let lock_after = desk.config.with_value(|c| c.desk_lock_hidden_seconds);
    let hidden_timer = StoredValue::new(None::<TimeoutHandle>);
    // When it was hidden: a laptop that sleeps while hidden freezes the timer, so coming
    // back counts the time itself.
    let hidden_at = StoredValue::new(None::<f64>);
    let on_pagehide = window_event_listener(leptos::ev::pagehide, move |_| desk.lock_if_open());
    let on_visibility = window_event_listener(leptos::ev::visibilitychange, move |_| {
        if let Some(t) = hidden_timer.try_update_value(Option::take).flatten() {
            t.clear();
        }
        if !document().hidden() {
            let away = hidden_at
                .try_update_value(Option::take)
                .flatten()
                .map(|at| js_sys::Date::now() - at);
            if away.is_some_and(|ms| ms >= f64::from(lock_after) * 1000.0) {
                desk.lock_if_open();
            }
            return;
        }
        hidden_at.set_value(Some(js_sys::Date::now()));
        if lock_after == 0 {
            desk.lock_if_open();
            return;
        }
        let timer = set_timeout_with_handle(
            move || {
                if document().hidden() {
                    desk.lock_if_open();
                }
            },
            Duration::from_secs(u64::from(lock_after)),
        )
        .ok();
        hidden_timer.set_value(timer);
    });
    on_cleanup(move || {
        on_pagehide.remove();
        on_visibility.remove();
        if let Some(t) = hidden_timer.try_update_value(Option::take).flatten() {
            t.clear();
        }
    });

    // Locked after a while without input, by the same idle hook as the kiosk's guard.
    crate::ui::idle::use_idle(
        crate::ui::idle::UseIdleOptions {
            every: Duration::from_secs(5),
        },
        move |_, elapsed| {
            if elapsed > IDLE_LOCK_MINUTES * 60_000.0 {
                desk.lock_if_open();
            }
        },
    );

    view! {
        <Show when=move || desk.state.with(|s| desk_view::demo(s, demo_keys))>
            <header><p class="demo-banner">"KHOÁ DEMO — không dùng cho trường hợp thật · "<span lang="en">"DEMO KEYS — not for real cases"</span></p></header>
        </Show>
        <main class="desk" id="main">
            <Unreadable />
            {move || match desk.state.get() {
                DeskState::NoKey => view! { <keys::CreateOrImport /> }.into_any(),
                DeskState::Locked(w) => view! { <keys::Unlock wrapped=w /> }.into_any(),
                DeskState::Unlocked(keys) => view! { <desk_view::DeskView keys=keys /> }.into_any(),
            }}
        </main>
        <referral_slips::PrintedSlip />
    }
}

/// Kept values of the desk that cannot be read, each with what it means and, for a list, a
/// "start again" that staff choose.
#[component]
fn Unreadable() -> impl IntoView {
    store::check_kept();
    let names = RwSignal::new(storage::unreadable());
    move || {
        let list = names.get();
        (!list.is_empty()).then(|| view! {
            <section class="panel desk__error unreadable" role="alert" aria-labelledby="unreadable-title">
                <h2 id="unreadable-title"><Bi vi="Dữ liệu lưu trên máy không đọc được" en="Kept data that cannot be read"/></h2>
                <ul>
                    {list.into_iter().map(|name| view! {
                        <li>{two(store::describe(name))}
                            {(name != store::KEYRING).then(|| {
                                // Starting again loses what the list held: asked first.
                                let asking = RwSignal::new(false);
                                view! {
                                    <button type="button" class="desk-button" hidden=move || asking.get()
                                        on:click=move |_| asking.set(true)><Bi vi="Bắt đầu lại…" en="Start again…"/></button>
                                    <span class="kiosks__confirm" role="group" hidden=move || !asking.get()>
                                        <Bi vi="Bắt đầu lại danh sách này? Những gì nó giữ sẽ mất." en="Start this list again? What it held is lost."/>
                                        <button type="button" class="desk-button desk-button--primary" on:click=move |_| {
                                            store::start_again(name);
                                            names.set(storage::unreadable());
                                        }><Bi vi="Xác nhận bắt đầu lại" en="Confirm start again"/></button>
                                        <button type="button" class="desk-button" on:click=move |_| asking.set(false)><Bi vi="Huỷ" en="Cancel"/></button>
                                    </span>
                                }
                            })}
                        </li>
                    }).collect_view()}
                </ul>
            </section>
        })
    }
}

/// The whole staff page.
#[component]
pub fn StaffApp() -> impl IntoView {
    let loaded = LocalResource::new(|| load_config_from("../centre.json"));
    move || {
        loaded
            .get()
            .map(|result: Result<CentreConfig, SetupError>| match result {
                Ok(config) => view! { <StaffDesk config=Arc::new(config) /> }.into_any(),
                Err(error) => view! { <SetupErrorView error=error /> }.into_any(),
            })
    }
}

/// Mounts the staff page, or the kiosk's setup page (`/setup/`), which shares this wasm so
/// that the survivor's page carries neither.
pub fn start() {
    let setup = web_sys::window()
        .and_then(|w| w.location().pathname().ok())
        .is_some_and(|p| p.contains("/setup"));
    if setup {
        leptos::mount::mount_to_body(crate::setup::SetupApp);
    } else {
        leptos::mount::mount_to_body(StaffApp);
    }
}
