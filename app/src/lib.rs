//! The kiosk page: Leptos components that render the `intake` flow and send its events.
//! Answers live only in memory, in the session's flow; nothing here logs or stores them.
pub mod device;
pub mod i18n;
pub mod kiosk;
pub mod session;
pub mod setup;
pub mod staff;
pub mod storage;
pub mod ui;
pub mod wipe;

use intake::config::CentreConfig;
use kiosk::{CurrentStep, StepFrame};
use leptos::prelude::*;
use session::Session;
use std::sync::Arc;
use ui::idle_guard::IdleGuard;
use ui::quick_exit::use_shift_three_times;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The centre configuration's address, beside the page.
pub const CONFIG_PATH: &str = "centre.json";

/// Why the kiosk cannot start: shown to staff, never a broken flow.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SetupError {
    NotSecure,
    Unreachable(String),
    Invalid(String),
}

pub(crate) async fn fetch_text(path: &str) -> Result<String, String> {
    let window = web_sys::window().ok_or("no window")?;
    let init = web_sys::RequestInit::new();
    init.set_cache(web_sys::RequestCache::NoCache);
    let response = JsFuture::from(window.fetch_with_str_and_init(path, &init))
        .await
        .map_err(|_| format!("{path} could not be fetched"))?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| "not a response")?;
    if !response.ok() {
        return Err(format!("{path}: HTTP {}", response.status()));
    }
    let text = JsFuture::from(response.text().map_err(|_| "no body")?)
        .await
        .map_err(|_| format!("{path} could not be read"))?;
    text.as_string().ok_or_else(|| "not text".to_owned())
}

/// Loads and validates the centre configuration beside the kiosk page.
pub async fn load_config() -> Result<CentreConfig, SetupError> {
    load_config_from(CONFIG_PATH).await
}

/// Loads and validates the centre configuration at `path`.
pub async fn load_config_from(path: &str) -> Result<CentreConfig, SetupError> {
    let secure = web_sys::window().is_some_and(|w| w.is_secure_context());
    // Read even when the page cannot run, so that the page's preload of it is used.
    let text = fetch_text(path).await;
    if !secure {
        return Err(SetupError::NotSecure);
    }
    let text = text.map_err(SetupError::Unreachable)?;
    CentreConfig::parse(&text).map_err(|e| SetupError::Invalid(e.to_string()))
}

/// A staff-facing message when the kiosk cannot start.
#[component]
pub fn SetupErrorView(
    /// What went wrong.
    error: SetupError,
) -> impl IntoView {
    let detail = match error {
        SetupError::NotSecure => "This page is not served over HTTPS or from localhost. The kiosk needs a secure context (see docs/deploy.md).".to_owned(),
        SetupError::Unreachable(e) => format!("The centre configuration could not be loaded: {e}."),
        SetupError::Invalid(e) => format!("The centre configuration ({CONFIG_PATH}) has a problem: {e}."),
    };
    // A survivor may be the one who sees this: Vietnamese first, telling her where to go;
    // the detail below is for staff.
    view! {
        <main class="step setup-error" id="main">
            <h1 class="step__title">"Máy đang tạm ngừng"</h1>
            <p class="step__lead">"Mời bạn đến bàn tiếp đón, nhân viên sẽ giúp bạn."</p>
            <p class="step__lead" lang="en">"This tablet is paused. Please go to the front desk; staff will help you."</p>
            <h2>"Dành cho nhân viên · "<span lang="en">"For staff"</span></h2>
            <p>"Máy tiếp đón cần được cài đặt lại (xem docs/deploy.md). · "<span lang="en">"The kiosk needs setting up (see docs/deploy.md)."</span></p>
            <p class="setup-error__detail" lang="en">{detail}</p>
        </main>
    }
}

/// How long after the first screen the sealing worker and language files are fetched.
const AFTER_FIRST_SCREEN_MS: u64 = 1_500;

/// The kiosk once configured: frame, current step, idle guard, Shift×3.
#[component]
pub fn Kiosk(
    /// The validated centre configuration.
    config: Arc<CentreConfig>,
) -> impl IntoView {
    let session = Session::new(config);
    provide_context(session);
    use_shift_three_times();
    ui::theme::use_theme_on_page();
    // Once the first screen is up, not before: start the sealing worker and fetch the
    // configured language files and recorded clips (all of them, so the fetch says nothing
    // of her choice).
    let config = session.config();
    set_timeout(
        move || {
            kiosk::sealer::warm();
            leptos::task::spawn_local(async move {
                i18n::load_language_files(&config, move || {
                    session.languages_loaded.update(|n| *n += 1);
                })
                .await;
                ui::clips::load_clips(&config, move || {
                    session.clips_loaded.update(|n| *n += 1);
                })
                .await;
            });
        },
        std::time::Duration::from_millis(AFTER_FIRST_SCREEN_MS),
    );
    view! {
        <StepFrame><CurrentStep /></StepFrame>
        <IdleGuard />
    }
}

/// The whole kiosk page: loads the configuration, then the kiosk or a setup error.
#[component]
pub fn App() -> impl IntoView {
    let loaded = LocalResource::new(load_config);
    move || {
        loaded.get().map(|result| match result {
            Ok(config) => view! { <Kiosk config=Arc::new(config) /> }.into_any(),
            Err(error) => view! { <SetupErrorView error=error /> }.into_any(),
        })
    }
}

/// Mounts the kiosk into the page's body.
pub fn start() {
    leptos::mount::mount_to_body(App);
}
