//! How the kiosk looks for one session — default, high contrast, large text — chosen on the
//! welcome screen; a wipe returns to the default.

/// A display theme.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    #[default]
    Default,
    HighContrast,
    LargeText,
}

impl Theme {
    pub const ALL: [Theme; 3] = [Theme::Default, Theme::HighContrast, Theme::LargeText];

    /// The class set on the page's root element.
    pub fn class(self) -> &'static str {
        match self {
            Theme::Default => "",
            Theme::HighContrast => "theme-contrast",
            Theme::LargeText => "theme-large",
        }
    }
}
