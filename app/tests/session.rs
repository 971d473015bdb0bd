//! The session in headless Chromium: a tap the screen did not offer changes no flow, so it
//! wakes nothing that watches the flow; a forgotten session is a fresh one.
#![cfg(target_arch = "wasm32")]

use app::session::Session;
use intake::LangTag;
use intake::config::CentreConfig;
use intake::flow::{Event, Flow, Step};
use leptos::prelude::*;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn session() -> Session {
    let config =
        CentreConfig::parse(include_str!("../../public/centre.json")).expect("demo config");
    Session::new(Arc::new(config))
}

#[wasm_bindgen_test]
async fn a_refused_event_wakes_nothing_that_watches_the_flow() {
    // Effects run on the browser's executor (mounting an app starts it; here, by hand).
    let _ = any_spawner::Executor::init_wasm_bindgen();
    let owner = Owner::new();
    owner.set();
    let session = session();
    let runs = Arc::new(AtomicUsize::new(0));
    let counted = runs.clone();
    Effect::new(move |_| {
        session.watch(|f| f.step());
        counted.fetch_add(1, Ordering::SeqCst);
    });
    leptos::task::tick().await;
    let before = runs.load(Ordering::SeqCst);
    assert!(before >= 1, "the effect ran once");
    // "Continue" is not offered on the welcome screen: refused, kept to show, no wake-up.
    session.send(Event::Continue);
    leptos::task::tick().await;
    assert_eq!(
        runs.load(Ordering::SeqCst),
        before,
        "a refusal wakes no watcher"
    );
    assert!(session.read(|f| f.step() == Step::Welcome));
    // An accepted one does.
    session.send(Event::ChooseLanguage(LangTag::EN));
    leptos::task::tick().await;
    assert_eq!(runs.load(Ordering::SeqCst), before + 1);
    // Forgotten: the same as a new flow, the theme back to the default.
    session.forget();
    assert!(session.read(|f| *f == Flow::new()));
    assert!(session.is_fresh());
    drop(owner);
}
