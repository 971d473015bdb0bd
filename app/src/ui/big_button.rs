//! A large touch target: at least 56 CSS px high, an optional icon, one action.
use leptos::prelude::*;

/// How a big button looks.
#[derive(Clone, Copy, PartialEq, Eq, Default)]
pub enum Variant {
    #[default]
    Choice,
    Primary,
    Urgent,
}

impl Variant {
    fn class(self) -> &'static str {
        match self {
            Variant::Choice => "big-button",
            Variant::Primary => "big-button big-button--primary",
            Variant::Urgent => "big-button big-button--urgent",
        }
    }
}

/// One big button.
#[component]
pub fn BigButton(
    /// What it says.
    #[prop(into)]
    label: Signal<String>,
    /// What tapping it does.
    on_press: impl Fn() + 'static,
    /// Its look.
    #[prop(optional)]
    variant: Variant,
    /// Whether it is pressed (for toggles), shown and announced.
    #[prop(optional, into)]
    pressed: Option<Signal<bool>>,
    /// An icon drawn before the label.
    #[prop(optional)]
    icon: Option<&'static str>,
) -> impl IntoView {
    let aria_pressed = move || pressed.map(|p| if p.get() { "true" } else { "false" });
    view! {
        <button type="button" class=variant.class() aria-pressed=aria_pressed on:click=move |_| on_press()>
            {icon.map(|svg| view! { <span class="big-button__icon" aria-hidden="true" inner_html=svg></span> })}
            <span class="big-button__label">{move || label.get()}</span>
        </button>
    }
}
