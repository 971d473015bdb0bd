//! Taking over from the welcome screen drawn ahead (`crate::prerender`, shown by the page's
//! start-up script in `index.html`): the app removes it as it draws its own screen, in the
//! same task (no frame shows neither or both), and applies what she tapped meanwhile.
use intake::config::CentreConfig;
use intake::display::Theme;
use intake::flow::Event;

/// The pre-rendered block's id (`crate::prerender::ROOT_ID`, natively).
const ROOT_ID: &str = "prerendered";

/// What she tapped on the pre-rendered screen before the app started, as the start-up
/// script recorded it: positions among its language buttons and its display buttons, and
/// "see someone now" (anything else she tapped showed it was waiting, and is not replayed).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct EarlyTaps {
    pub language: Option<usize>,
    pub theme: Option<usize>,
    pub help_now: bool,
}

impl EarlyTaps {
    /// The event her language tap stands for, as the welcome screen would send it now.
    pub fn language_event(self, config: &CentreConfig) -> Option<Event> {
        let spoken = config.spoken_languages.get(self.language?)?;
        Some(super::welcome_step::language_event(config, spoken.tag))
    }

    /// The display she chose.
    pub fn theme(self) -> Option<Theme> {
        Theme::ALL.get(self.theme?).copied()
    }
}

/// Removes the pre-rendered screen, returning what she tapped on it. A screen that was never
/// shown (drawn from another configuration) took no tap.
pub fn take_over() -> EarlyTaps {
    let Some(root) = leptos::prelude::document().get_element_by_id(ROOT_ID) else {
        return EarlyTaps::default();
    };
    let shown = !root.has_attribute("hidden");
    let read = |name: &str| {
        root.get_attribute(name)
            .and_then(|v| v.parse::<usize>().ok())
            .filter(|_| shown)
    };
    let taps = EarlyTaps {
        language: read("data-language"),
        theme: read("data-theme"),
        help_now: read("data-help").is_some(),
    };
    root.remove();
    taps
}
