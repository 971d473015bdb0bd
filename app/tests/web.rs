//! Component tests in headless Chromium: the kiosk renders the flow and sends its events.
#![cfg(target_arch = "wasm32")]

use app::Kiosk;
use intake::config::CentreConfig;
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts the kiosk in a fresh element; the handle unmounts it (and disposes its reactive
/// owner) when the test ends, so no test leaves a kiosk running behind the next.
fn mount_kiosk() -> (web_sys::HtmlElement, impl Sized) {
    let config =
        CentreConfig::parse(include_str!("../../public/centre.json")).expect("demo config");
    let document = document();
    let root: web_sys::HtmlElement = document
        .create_element("div")
        .expect("div")
        .unchecked_into();
    document
        .body()
        .expect("body")
        .append_child(&root)
        .expect("append");
    let handle = leptos::mount::mount_to(
        root.clone(),
        move || view! { <Kiosk config=Arc::new(config) /> },
    );
    (root, handle)
}

fn click_button(root: &web_sys::HtmlElement, text: &str) {
    let buttons = root.query_selector_all("button").expect("query");
    for i in 0..buttons.length() {
        let b: web_sys::HtmlElement = buttons.item(i).expect("item").unchecked_into();
        if b.text_content().unwrap_or_default().contains(text) {
            b.click();
            return;
        }
    }
    panic!("no button saying {text:?} in {}", root.inner_text());
}

#[wasm_bindgen_test]
async fn the_welcome_screen_greets_in_vietnamese_then_english() {
    let (root, _mounted) = mount_kiosk();
    leptos::task::tick().await;
    let text = root.text_content().unwrap_or_default();
    assert!(text.contains("Chọn ngôn ngữ · Choose a language"), "{text}");
    // Her spoken language, each named in itself: a language without screens is offered too.
    for name in ["Tiếng Việt", "English", "Tày", "Ngôn ngữ ký hiệu"] {
        assert!(text.contains(name), "{name} in {text}");
    }
    let vi = text.find("Xin chào").expect("Vietnamese greeting");
    let en = text.find("Hello").expect("English greeting");
    assert!(vi < en, "Vietnamese comes first");
    assert!(
        text.contains("Thoát nhanh"),
        "quick exit on the first screen"
    );
    root.remove();
}

#[wasm_bindgen_test]
async fn choosing_english_asks_the_age_first_and_back_returns() {
    let (root, _mounted) = mount_kiosk();
    leptos::task::tick().await;
    click_button(&root, "English");
    leptos::task::tick().await;
    let text = root.text_content().unwrap_or_default();
    assert!(text.contains("How old are you?"), "{text}");
    assert!(text.contains("Quick exit"));
    click_button(&root, "Back");
    leptos::task::tick().await;
    assert!(root.text_content().unwrap_or_default().contains("Xin chào"));
    root.remove();
}

#[wasm_bindgen_test]
async fn i_need_help_now_says_what_staff_will_do_and_113_only_for_after() {
    let (root, _mounted) = mount_kiosk();
    leptos::task::tick().await;
    click_button(&root, "Gặp nhân viên ngay");
    leptos::task::tick().await;
    let text = root.text_content().unwrap_or_default();
    assert!(text.contains("Việc tiếp theo"), "{text}");
    assert!(text.contains("Hãy đến bàn tiếp đón ngay"), "{text}");
    assert!(
        text.contains("Sau khi về") && text.contains("113"),
        "{text}"
    );
    // The demo centre has a clinic on site: no 115 to call herself.
    assert!(!text.contains("115"), "{text}");
    root.remove();
}

#[wasm_bindgen_test]
async fn a_language_without_screens_shows_please_wait_here() {
    let (root, _mounted) = mount_kiosk();
    leptos::task::tick().await;
    click_button(&root, "Tày");
    leptos::task::tick().await;
    let text = root.text_content().unwrap_or_default();
    assert!(text.contains("Xin chờ ở đây · Please wait here"), "{text}");
    assert!(
        text.contains("phiên dịch") && text.contains("interpreter"),
        "{text}"
    );
    root.remove();
}
