//! The kiosk page: Leptos components that render the `intake` flow and send its events.
//! Answers live only in memory, in the session's flow; nothing here logs or stores them.
pub mod configuration;
pub mod device;
pub mod fetch;
pub mod i18n;
pub mod kiosk;
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
