//! Widgets shared by the pages.
pub mod big_button;
pub mod bilingual;
pub mod clips;
pub mod icons;
pub mod idle;
pub mod idle_guard;
pub mod more_below;
pub mod quick_exit;
pub mod read_aloud;
pub mod theme;
pub mod wake_lock;
