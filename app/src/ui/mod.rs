//! Widgets shared by the kiosk's screens.
pub mod big_button;
pub mod icons;
pub mod idle_guard;
pub mod quick_exit;
pub mod read_aloud;
pub mod theme;
