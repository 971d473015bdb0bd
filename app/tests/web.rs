//! Component tests in headless Chromium.
#![cfg(target_arch = "wasm32")]

use app::Welcome;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn the_welcome_screen_greets_in_vietnamese_then_english() {
    let document = document();
    let root = document.create_element("div").expect("div");
    document
        .body()
        .expect("body")
        .append_child(&root)
        .expect("append");
    let _handle = leptos::mount::mount_to(
        root.clone().unchecked_into(),
        || view! { <Welcome centre_name="Trung tâm".to_string() /> },
    );
    leptos::task::tick().await;
    let text = root.text_content().unwrap_or_default();
    assert!(text.contains("Trung tâm"), "{text}");
    let vi = text.find("Xin chào").expect("Vietnamese greeting");
    let en = text.find("Hello").expect("English greeting");
    assert!(vi < en, "Vietnamese comes first");
}
