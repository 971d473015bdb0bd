//! The welcome screen drawn ahead, natively, from the same components and texts the kiosk
//! draws it with, and put into the kiosk's `index.html` when a configuration is applied
//! (`make dist`, `handoff apply-config`): the page paints it as it arrives, before the wasm.
//!
//! The block records the SHA-256 of the `centre.json` it was drawn from. It starts hidden;
//! the page's start-up script (`index.html`) shows it when the served `centre.json` has that
//! hash, so a screen drawn from another configuration is never shown. Until the app takes
//! over (`kiosk::prerendered`), that script makes its links work (quick exit replaces the
//! page with the exit page) and keeps a language or display tapped meanwhile, shown pressed.
use crate::kiosk::{StepFrame, WelcomeStep};
use crate::session::Session;
use intake::config::CentreConfig;
use leptos::prelude::*;
use sha2::{Digest, Sha256};
use std::sync::Arc;

/// The id of the pre-rendered block; the page's script and the app find it by this.
pub const ROOT_ID: &str = "prerendered";
const BEGIN: &str = "<!--prerendered-->";
const END: &str = "<!--/prerendered-->";

/// Why a page could not be given its pre-rendered screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PrerenderError {
    /// `centre.json` is not a valid configuration.
    Config(String),
    /// The page has no `<body>` to draw into.
    NoBody,
}

impl std::fmt::Display for PrerenderError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PrerenderError::Config(e) => write!(f, "centre.json: {e}"),
            PrerenderError::NoBody => {
                f.write_str("the page has no <body> to draw the welcome screen into")
            }
        }
    }
}

impl std::error::Error for PrerenderError {}

/// The lowercase hex SHA-256 of `centre.json`'s bytes, as the page's script computes it.
pub fn config_hash(config_text: &str) -> String {
    Sha256::digest(config_text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// No effect runs in a screen drawn once to text: futures are dropped unpolled.
struct DrawOnly;

impl any_spawner::CustomExecutor for DrawOnly {
    fn spawn(&self, _: any_spawner::PinnedFuture<()>) {}
    fn spawn_local(&self, _: any_spawner::PinnedLocalFuture<()>) {}
    fn poll_local(&self) {}
}

/// The welcome screen in its frame, as the kiosk draws it for `config` before anything is
/// chosen (Vietnamese and English; further languages' files arrive after the first screen).
pub fn welcome_markup(config: CentreConfig) -> String {
    // Already set by an earlier call (or a test): either way effects are not run.
    let _ = any_spawner::Executor::init_custom_executor(DrawOnly);
    let owner = Owner::new();
    let html = owner.with(|| {
        provide_context(Session::new(Arc::new(config)));
        view! { <StepFrame><WelcomeStep /></StepFrame> }.to_html()
    });
    drop(owner);
    html
}

/// `page` (the kiosk's `index.html`) with the welcome screen for `config_text` drawn at the
/// top of its body, replacing one drawn before.
pub fn into_page(page: &str, config_text: &str) -> Result<String, PrerenderError> {
    let config =
        CentreConfig::parse(config_text).map_err(|e| PrerenderError::Config(e.to_string()))?;
    let page = without_prerendered(page);
    let body = page.find("<body").ok_or(PrerenderError::NoBody)?;
    let open_end = page[body..]
        .find('>')
        .map(|i| body + i + 1)
        .ok_or(PrerenderError::NoBody)?;
    let block = format!(
        "{BEGIN}<div id=\"{ROOT_ID}\" class=\"prerendered\" data-centre=\"{}\" hidden>{}</div>{END}",
        config_hash(config_text),
        welcome_markup(config)
    );
    Ok(format!("{}{block}{}", &page[..open_end], &page[open_end..]))
}

/// `page` without a pre-rendered block (as the build left it).
pub fn without_prerendered(page: &str) -> String {
    match (page.find(BEGIN), page.find(END)) {
        (Some(begin), Some(end)) if end > begin => {
            format!("{}{}", &page[..begin], &page[end + END.len()..])
        }
        _ => page.to_owned(),
    }
}
