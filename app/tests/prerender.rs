//! The welcome screen drawn ahead (`app::prerender`), natively: drawn by the kiosk's own
//! components from the configuration, hidden until the page has checked the served
//! `centre.json` against the hash it records, its quick exit a link, drawn once however
//! often a configuration is applied.
#![cfg(not(target_arch = "wasm32"))]

use app::prerender::{PrerenderError, config_hash, into_page, without_prerendered};
use sha2::{Digest, Sha256};

const CONFIG: &str = include_str!("../../public/centre.json");
const PAGE: &str = "<!doctype html><html><head><title>T</title></head><body class=\"x\"><script>start()</script></body></html>";

fn block(page: &str) -> &str {
    let start = page.find("<!--prerendered-->").expect("a block");
    let end = page.find("<!--/prerendered-->").expect("its end");
    &page[start..end]
}

#[test]
fn the_page_carries_the_welcome_screen_hidden_under_the_hash_of_its_configuration() {
    let page = into_page(PAGE, CONFIG).expect("drawn");
    let drawn = block(&page);
    let hash: String = Sha256::digest(CONFIG.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    assert_eq!(config_hash(CONFIG), hash);
    assert!(
        drawn.contains(&format!(
            "<div id=\"prerendered\" class=\"prerendered\" data-centre=\"{hash}\" hidden>"
        )),
        "{drawn}"
    );
    // Before the page's script, at the top of the body: painted as the page arrives.
    assert!(page.find("<body class=\"x\"><!--prerendered-->").is_some());
    assert!(
        page.find("<!--/prerendered--><script>start()</script>")
            .is_some()
    );
    // The same screen the kiosk draws: the centre, the title in both languages, every
    // spoken language's button in the configuration's order, the display choices.
    assert!(drawn.contains("Ngôi nhà Ánh Dương"));
    assert!(drawn.contains("Chọn ngôn ngữ</span> · <span lang=\"en\">Choose a language"));
    let mut at = 0;
    for name in ["Tiếng Việt", "English", "Tày", "Dao"] {
        let found = drawn[at..]
            .find(&format!("<span class=\"big-button__label\">{name}</span>"))
            .unwrap_or_else(|| panic!("{name} in order"));
        at += found;
    }
    assert!(drawn.contains("theme-picker"));
    // Quick exit works before the app: a link to the exit page (the skip link too).
    assert!(drawn.contains("<a href=\"exit.html\" role=\"button\" class=\"quick-exit\">"));
    assert!(drawn.contains("<a href=\"exit.html\" class=\"skip-exit\">"));
    assert!(drawn.contains("Thoát nhanh · Quick exit"));
}

#[test]
fn applying_again_replaces_the_screen_drawn_before() {
    let first = into_page(PAGE, CONFIG).expect("drawn");
    let renamed = CONFIG.replace("Ngôi nhà Ánh Dương", "Trung tâm Bình Minh");
    let second = into_page(&first, &renamed).expect("drawn again");
    assert_eq!(second.matches("<!--prerendered-->").count(), 1);
    assert!(second.contains("Trung tâm Bình Minh"));
    assert!(!second.contains("Ngôi nhà Ánh Dương"));
    assert!(second.contains(&config_hash(&renamed)));
    assert!(!second.contains(&config_hash(CONFIG)));
    assert_eq!(without_prerendered(&second), PAGE);
}

#[test]
fn an_invalid_configuration_or_a_page_without_a_body_is_refused() {
    assert!(matches!(
        into_page(PAGE, "{"),
        Err(PrerenderError::Config(_))
    ));
    assert_eq!(
        into_page("<html><head></head></html>", CONFIG),
        Err(PrerenderError::NoBody)
    );
}
