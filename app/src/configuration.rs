//! The centre configuration: fetched beside the page, validated by `intake::config`, or
//! the reason the page cannot start.
use crate::fetch::fetch_text;
use intake::config::CentreConfig;

/// The centre configuration's address, beside the page.
pub const CONFIG_PATH: &str = "centre.json";

/// Why the kiosk cannot start: shown to staff, never a broken flow.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SetupError {
    NotSecure,
    Unreachable(String),
    Invalid(String),
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
