//! The kiosk page: Leptos components that render the `intake` flow and send its events.
//! Answers live only in memory, in the session's flow; nothing here logs or stores them.
// The welcome screen drawn natively (`prerender`, tachys `ssr`) walks deep view types.
#![recursion_limit = "256"]
pub mod configuration;
pub mod device;
pub mod fetch;
pub mod i18n;
pub mod kiosk;
#[cfg(not(target_arch = "wasm32"))]
pub mod prerender;
pub mod session;
pub mod setup;
pub mod setup_error;
pub mod staff;
pub mod storage;
pub mod ui;
pub mod wipe;

pub use configuration::{CONFIG_PATH, SetupError, load_config, load_config_from};
pub use kiosk::page::{App, Kiosk};
pub use setup_error::SetupErrorView;

/// Mounts the kiosk into the page's body.
pub fn start() {
    leptos::mount::mount_to_body(App);
}
