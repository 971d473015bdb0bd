//! One file per kiosk screen.
pub mod welcome;
