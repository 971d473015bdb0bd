//! The kiosk page: the configuration loaded, then the kiosk (frame, current step, idle
//! guard, Shift×3) or the setup error.
use super::{CurrentStep, StepFrame};
use crate::configuration::load_config;
use crate::session::Session;
use crate::setup_error::SetupErrorView;
use crate::ui::idle_guard::IdleGuard;
use crate::ui::quick_exit::use_shift_three_times;
use crate::{i18n, ui};
use intake::config::CentreConfig;
use leptos::prelude::*;
use std::sync::Arc;

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
            super::sealer::warm();
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
        loaded.get().map(|result| {
            // Drawn in this same task: the page never shows both screens, or neither.
            super::prerendered::take_over();
            match result {
                Ok(config) => view! { <Kiosk config=Arc::new(config) /> }.into_any(),
                Err(error) => view! { <SetupErrorView error=error /> }.into_any(),
            }
        })
    }
}
