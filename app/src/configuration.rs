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
    let text = match started_by_page(path) {
        Some(started) => started.await,
        None => fetch_text(path).await,
    };
    if !secure {
        return Err(SetupError::NotSecure);
    }
    let text = text.map_err(SetupError::Unreachable)?;
    CentreConfig::parse(&text).map_err(|e| SetupError::Invalid(e.to_string()))
}

/// The kiosk page's start-up script fetches `centre.json` at once (to check the welcome
/// screen drawn ahead against it, `index.html`) and leaves the promise of its text here: the
/// app reads that, once, rather than fetching it again. Anything else fetches as usual.
fn started_by_page(path: &str) -> Option<impl Future<Output = Result<String, String>>> {
    use wasm_bindgen::JsCast;
    const KEY: &str = "kioskCentre";
    if path != CONFIG_PATH {
        return None;
    }
    let window = web_sys::window()?;
    let promise = js_sys::Reflect::get(&window, &KEY.into())
        .ok()?
        .dyn_into::<js_sys::Promise>()
        .ok()?;
    let _ = js_sys::Reflect::delete_property(&window, &KEY.into());
    Some(async move {
        match wasm_bindgen_futures::JsFuture::from(promise).await {
            Ok(text) => text.as_string().ok_or_else(|| "not text".to_owned()),
            // The page's fetch failed: fetch again for the reason, in the app's own words.
            Err(_) => fetch_text(CONFIG_PATH).await,
        }
    })
}
