//! The screen rule, natively (an `Owner`, in leptos-use's style): a screen reads its own copy
//! of the flow, made when it is drawn, never the session's signal. In reactive_graph 0.2 an
//! effect that went with its screen stayed subscribed to a session-wide signal, so every
//! screen drawn left memory behind — the leak the 10,000-session soak found (`make bench`).
//! A screen's copy changes only through the screen's own events; the session's `flow` is
//! private, so no screen can subscribe to it.
#![cfg(not(target_arch = "wasm32"))]

use app::session::{Screen, Session};
use intake::config::CentreConfig;
use intake::flow::{ConsentChoice, Event};
use intake::{AgeBand, LangTag, Reply};
use leptos::prelude::*;
use std::sync::Arc;

fn session() -> Session {
    let config =
        CentreConfig::parse(include_str!("../../public/centre.json")).expect("demo config");
    Session::new(Arc::new(config))
}

#[test]
fn a_screen_reads_its_own_copy_never_the_sessions_signal() {
    let owner = Owner::new();
    owner.set();
    let session = session();
    session.send(Event::ChooseLanguage(LangTag::EN));
    session.send(Event::ChooseAge(AgeBand::Adult));
    session.send(Event::Consent(ConsentChoice::Yes));
    // The danger screen is drawn: its copy is made now.
    let child = owner.child();
    let screen = child.with(|| Screen::new(session));
    assert_eq!(
        child.with(|| screen.answer(|a| a.danger_now)),
        Reply::NotAsked
    );
    // Something else changes the session (no screen does, but if it did): the drawn screen
    // does not follow it, because it holds no subscription to the session's signal.
    session.send(Event::Reply(Reply::Yes));
    assert_eq!(session.read(|f| f.answers().danger_now), Reply::Yes);
    assert_eq!(
        child.with(|| screen.answer(|a| a.danger_now)),
        Reply::NotAsked,
        "the screen's copy is its own"
    );
    // Its own event goes to the session and refreshes its copy.
    let drawn = owner.child();
    let next = drawn.with(|| Screen::new(session));
    drawn.with(|| next.send(Event::Reply(Reply::No)));
    assert_eq!(drawn.with(|| next.answer(|a| a.doctor_now)), Reply::No);
    // The screen goes with its owner; the session stays whole.
    drop(child);
    drop(drawn);
    assert_eq!(session.read(|f| f.answers().doctor_now), Reply::No);
}
