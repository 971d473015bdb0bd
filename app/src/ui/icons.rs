//! Inline pictograms. Each is decorative next to its text label (the label is the text
//! alternative), so they are `aria-hidden`.
use intake::Service;

macro_rules! icon {
    ($body:literal) => {
        concat!(
            r#"<svg viewBox="0 0 48 48" width="40" height="40" fill="none" stroke="currentColor" stroke-width="3" stroke-linecap="round" stroke-linejoin="round" focusable="false">"#,
            $body,
            "</svg>"
        )
    };
}

pub const YES: &str = icon!(r#"<circle cx="24" cy="24" r="20"/><path d="M14 25l7 7 13-15"/>"#);
pub const NO: &str =
    icon!(r#"<circle cx="24" cy="24" r="20"/><path d="M16 16l16 16M32 16L16 32"/>"#);
/// "Not sure yet": a question mark in a circle.
pub const NOT_SURE: &str = icon!(
    r#"<circle cx="24" cy="24" r="20"/><path d="M18 19a6 6 0 1 1 8 5.6c-1.4.6-2 1.6-2 3V30M24 35v1"/>"#
);
pub const SKIP: &str = icon!(r#"<path d="M10 24h26M28 14l10 10-10 10"/>"#);
pub const HELP: &str = icon!(r#"<path d="M24 6l20 36H4z"/><path d="M24 20v10M24 36v1"/>"#);
pub const CHAT: &str = icon!(r#"<path d="M8 10h32v22H20l-8 8v-8H8z"/>"#);
pub const CHILD: &str =
    icon!(r#"<circle cx="24" cy="12" r="6"/><path d="M14 44V28l10-8 10 8v16M20 44V34h8v10"/>"#);
pub const SPEAKER: &str = icon!(
    r#"<path d="M6 18h8l10-8v28l-10-8H6z"/><path d="M31 17a10 10 0 0 1 0 14M36 12a17 17 0 0 1 0 24"/>"#
);
/// Quick exit: a door with an arrow leaving it.
pub const EXIT: &str = icon!(r#"<path d="M22 6H8v36h14"/><path d="M20 24h22M34 16l8 8-8 8"/>"#);
/// Talk to staff now: a person at a desk.
pub const STAFF: &str = icon!(
    r#"<circle cx="24" cy="12" r="6"/><path d="M12 30c0-6 5-10 12-10s12 4 12 10"/><path d="M4 30h40M10 30v12M38 30v12"/>"#
);
/// A spoken language: two faces talking.
pub const SPEECH: &str = icon!(
    r#"<circle cx="14" cy="18" r="6"/><path d="M4 40c0-7 4-12 10-12s10 5 10 12"/><path d="M28 8h16v12h-8l-4 4v-4h-4z"/>"#
);
/// A sign language: an open hand.
pub const SIGN: &str = icon!(
    r#"<path d="M16 42c-4-3-8-9-9-14l3-2 6 6V10a2.5 2.5 0 0 1 5 0v14V6a2.5 2.5 0 0 1 5 0v18V8a2.5 2.5 0 0 1 5 0v16-12a2.5 2.5 0 0 1 5 0v18c0 6-3 12-8 12z"/>"#
);
/// Another language: a globe.
pub const WORLD: &str = icon!(
    r#"<circle cx="24" cy="24" r="18"/><path d="M6 24h36M24 6c-6 6-6 30 0 36M24 6c6 6 6 30 0 36"/>"#
);
/// Waiting: an hourglass.
pub const WAIT: &str = icon!(
    r#"<path d="M12 6h24M12 42h24M15 6c0 12 18 12 18 18S15 30 15 42M33 6c0 12-18 12-18 18s18 6 18 18"/>"#
);
pub const THEME_DEFAULT: &str = icon!(r#"<path d="M10 38l10-28h2l10 28M14 28h14"/>"#);
pub const THEME_CONTRAST: &str = icon!(
    r#"<circle cx="24" cy="24" r="18"/><path d="M24 6a18 18 0 0 1 0 36z" fill="currentColor"/>"#
);
pub const THEME_LARGE: &str =
    icon!(r#"<path d="M4 40l12-32h2l12 32M8 30h18M32 40l6-16h1l6 16M34 35h9"/>"#);

/// The pictogram of a service.
pub fn service(s: Service) -> &'static str {
    match s {
        Service::Health => icon!(
            r#"<rect x="8" y="8" width="32" height="32" rx="6"/><path d="M24 15v18M15 24h18"/>"#
        ),
        Service::Psychosocial => {
            icon!(r#"<path d="M24 40S8 30 8 18a8 8 0 0 1 16-2 8 8 0 0 1 16 2c0 12-16 22-16 22z"/>"#)
        }
        Service::Shelter => icon!(r#"<path d="M6 24L24 8l18 16M12 20v20h24V20M20 40V30h8v10"/>"#),
        Service::Legal => {
            icon!(r#"<path d="M24 6v34M12 40h24M10 14h28M10 14l-6 14h12zM38 14l-6 14h12z"/>"#)
        }
        Service::Police => icon!(
            r#"<path d="M24 4l16 6v12c0 10-7 17-16 20C15 39 8 32 8 22V10z"/><path d="M17 23l5 5 9-10"/>"#
        ),
        Service::SocialWork => icon!(
            r#"<circle cx="16" cy="14" r="5"/><circle cx="32" cy="14" r="5"/><path d="M6 38c0-8 5-13 10-13s10 5 10 13M22 38c0-8 5-13 10-13s10 5 10 13"/>"#
        ),
        Service::Livelihood => icon!(
            r#"<rect x="6" y="16" width="36" height="24" rx="3"/><path d="M18 16v-6h12v6M6 26h36"/>"#
        ),
        Service::ChildProtection => icon!(
            r#"<circle cx="24" cy="14" r="6"/><path d="M12 44V30c0-5 5-8 12-8s12 3 12 8v14"/>"#
        ),
    }
}
