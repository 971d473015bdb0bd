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
/// Children with her: N small figures for N (5 for "5 or more"), a dashed one for none.
pub const CHILDREN: [&str; 6] = [
    icon!(
        r#"<g stroke-dasharray="3 3"><circle cx="24" cy="16" r="3.5"/><path d="M20 36V26c0-3 2-5 4-5s4 2 4 5v10"/></g>"#
    ),
    icon!(r#"<circle cx="24.0" cy="16" r="3.5"/><path d="M20.0 36V26c0-3 2-5 4-5s4 2 4 5v10"/>"#),
    icon!(
        r#"<circle cx="16.0" cy="16" r="3.5"/><path d="M12.0 36V26c0-3 2-5 4-5s4 2 4 5v10"/><circle cx="32.0" cy="16" r="3.5"/><path d="M28.0 36V26c0-3 2-5 4-5s4 2 4 5v10"/>"#
    ),
    icon!(
        r#"<circle cx="12.0" cy="16" r="3.5"/><path d="M8.0 36V26c0-3 2-5 4-5s4 2 4 5v10"/><circle cx="24.0" cy="16" r="3.5"/><path d="M20.0 36V26c0-3 2-5 4-5s4 2 4 5v10"/><circle cx="36.0" cy="16" r="3.5"/><path d="M32.0 36V26c0-3 2-5 4-5s4 2 4 5v10"/>"#
    ),
    icon!(
        r#"<circle cx="9.6" cy="16" r="3.5"/><path d="M5.6 36V26c0-3 2-5 4-5s4 2 4 5v10"/><circle cx="19.2" cy="16" r="3.5"/><path d="M15.2 36V26c0-3 2-5 4-5s4 2 4 5v10"/><circle cx="28.8" cy="16" r="3.5"/><path d="M24.8 36V26c0-3 2-5 4-5s4 2 4 5v10"/><circle cx="38.4" cy="16" r="3.5"/><path d="M34.4 36V26c0-3 2-5 4-5s4 2 4 5v10"/>"#
    ),
    icon!(
        r#"<circle cx="8.0" cy="16" r="3.5"/><path d="M4.0 36V26c0-3 2-5 4-5s4 2 4 5v10"/><circle cx="16.0" cy="16" r="3.5"/><path d="M12.0 36V26c0-3 2-5 4-5s4 2 4 5v10"/><circle cx="24.0" cy="16" r="3.5"/><path d="M20.0 36V26c0-3 2-5 4-5s4 2 4 5v10"/><circle cx="32.0" cy="16" r="3.5"/><path d="M28.0 36V26c0-3 2-5 4-5s4 2 4 5v10"/><circle cx="40.0" cy="16" r="3.5"/><path d="M36.0 36V26c0-3 2-5 4-5s4 2 4 5v10"/>"#
    ),
];
/// Quick exit: a door with an arrow leaving it.
pub const EXIT: &str = icon!(r#"<path d="M22 6H8v36h14"/><path d="M20 24h22M34 16l8 8-8 8"/>"#);
/// Talk to staff now: a person at a desk.
pub const STAFF: &str = icon!(
    r#"<circle cx="24" cy="12" r="6"/><path d="M12 30c0-6 5-10 12-10s12 4 12 10"/><path d="M4 30h40M10 30v12M38 30v12"/>"#
);
/// Headphones: read-aloud can be heard by people nearby.
pub const HEADPHONES: &str = icon!(
    r#"<path d="M8 30v-6a16 16 0 0 1 32 0v6"/><rect x="6" y="28" width="8" height="14" rx="3"/><rect x="34" y="28" width="8" height="14" rx="3"/>"#
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
        // Counselling: two speech bubbles (a heart beside a medical cross read as a heart doctor).
        Service::Psychosocial => {
            icon!(r#"<path d="M6 8h22v14H14l-6 6v-6H6z"/><path d="M20 26h22v12h-2v6l-6-6H20z"/>"#)
        }
        // A safe place: a bed (home may be where the person she fears is).
        Service::Shelter => icon!(
            r#"<path d="M4 36V12M4 28h40v8M44 36V24c0-3-2-5-5-5H20v9"/><circle cx="12" cy="22" r="4"/>"#
        ),
        Service::Legal => {
            icon!(r#"<path d="M24 6v34M12 40h24M10 14h28M10 14l-6 14h12zM38 14l-6 14h12z"/>"#)
        }
        // Police: a badge with a star (a shield with a tick read as a security guard).
        Service::Police => icon!(
            r#"<circle cx="24" cy="24" r="18"/><path d="M24 13l3 7h7l-6 4 2 7-6-4-6 4 2-7-6-4h7z"/>"#
        ),
        Service::SocialWork => icon!(
            r#"<circle cx="16" cy="14" r="5"/><circle cx="32" cy="14" r="5"/><path d="M6 38c0-8 5-13 10-13s10 5 10 13M22 38c0-8 5-13 10-13s10 5 10 13"/>"#
        ),
        Service::Livelihood => icon!(
            r#"<rect x="6" y="16" width="36" height="24" rx="3"/><path d="M18 16v-6h12v6M6 26h36"/>"#
        ),
        // Help for a child: an adult's hand held by a child-sized figure.
        Service::ChildProtection => icon!(
            r#"<circle cx="14" cy="10" r="5"/><path d="M8 44V26c0-5 3-8 6-8s6 3 6 8v18"/><circle cx="34" cy="24" r="4"/><path d="M29 44V36c0-4 2-6 5-6s5 2 5 6v8M20 30h9"/>"#
        ),
    }
}
