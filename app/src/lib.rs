//! The kiosk page: Leptos components that render the `intake` flow and send its events.
pub mod kiosk;

pub use kiosk::welcome::Welcome;

use leptos::prelude::*;

/// The whole kiosk page.
#[component]
pub fn App() -> impl IntoView {
    view! { <Welcome centre_name="Ngôi nhà Ánh Dương".to_string() /> }
}

/// Mounts the kiosk into the page's body.
pub fn start() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(App);
}
