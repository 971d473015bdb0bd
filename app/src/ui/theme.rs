//! Display themes — default, high contrast, large text — chosen on the welcome screen for
//! this session only: a wipe returns to the default.
use crate::session::use_session;
use crate::ui::big_button::BigButton;
use intake::display::Theme;
use leptos::prelude::*;

/// The words and pictogram of a theme's button.
trait ThemeButton {
    fn label(self) -> &'static str;
    fn icon(self) -> &'static str;
}

impl ThemeButton for Theme {
    /// Its name in both built-in languages (it is chosen before the language).
    fn label(self) -> &'static str {
        match self {
            Theme::Default => "Bình thường · Standard",
            Theme::HighContrast => "Tương phản cao · High contrast",
            Theme::LargeText => "Chữ to · Large text",
        }
    }

    fn icon(self) -> &'static str {
        match self {
            Theme::Default => crate::ui::icons::THEME_DEFAULT,
            Theme::HighContrast => crate::ui::icons::THEME_CONTRAST,
            Theme::LargeText => crate::ui::icons::THEME_LARGE,
        }
    }
}

/// Keeps the page's root element's class in step with the session's theme.
pub fn use_theme_on_page() {
    let session = use_session();
    Effect::new(move |_| {
        let class = session.theme.get().class();
        if let Some(root) = document().document_element() {
            root.set_class_name(class);
        }
    });
}

/// The three theme buttons on the welcome screen.
#[component]
pub fn ThemePicker() -> impl IntoView {
    let session = use_session();
    // The screen's own copy (see `session::Screen`): nothing here subscribes to the session.
    let shown = RwSignal::new(session.theme.get_untracked());
    view! {
        <div class="choices choices--row theme-picker" role="group" aria-label="Hiển thị · Display">
            {Theme::ALL.into_iter().map(|theme| view! {
                <BigButton label=theme.label().to_string() icon=theme.icon()
                    pressed=Signal::derive(move || shown.get() == theme)
                    on_press=move || {
                        session.theme.set(theme);
                        shown.set(theme);
                    } />
            }).collect_view()}
        </div>
    }
}
