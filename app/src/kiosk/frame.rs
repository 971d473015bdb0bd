//! The frame of every screen: skip link, quick exit, back, step counter and progress bar,
//! "talk to staff now".
//! Drawn once for the kiosk's life: its parts are hidden, not removed, so that nothing in
//! it is dropped while subscribed to the session (see `session::Screen`).
use crate::i18n::fill;
use crate::session::use_session;
use crate::ui::icons;
use crate::ui::quick_exit::{QuickExitButton, SkipToExit};
use crate::ui::read_aloud::ReadAloudButton;
use intake::flow::Event;
use intake::progress::Segment;
use leptos::prelude::*;

/// The path as segments: behind her filled, here marked, ahead outlined, optional hollow.
/// Drawn for the eye only; "step n of m" says the same in words.
#[component]
fn ProgressBar() -> impl IntoView {
    let session = use_session();
    let segments = move || session.watch(|f| f.progress().segments);
    view! {
        <div class="progress" aria-hidden="true">
            {move || segments().into_iter().map(|s| {
                let class = match s {
                    Segment::Done => "progress__segment progress__segment--done",
                    Segment::Here => "progress__segment progress__segment--here",
                    Segment::Ahead => "progress__segment",
                    Segment::Optional => "progress__segment progress__segment--optional",
                };
                view! { <span class=class></span> }
            }).collect_view()}
        </div>
    }
}

/// Wraps the current step.
#[component]
pub fn StepFrame(children: Children) -> impl IntoView {
    let session = use_session();
    let t = move || session.watch_texts();
    let can_back = move || session.watch(|f| f.can_go_back());
    let progress = move || session.watch(|f| f.progress());
    let show_help = move || session.watch(|f| f.step().offers_help_now());
    let demo = session.config().uses_demo_key();
    let lang = move || session.watch(|f| f.language().as_str().to_owned());
    view! {
        <div class="kiosk" lang=lang hidden=move || session.hidden.get()>
            <header class="kiosk__header">
                <SkipToExit />
                <div class="kiosk__bar">
                <div class="kiosk__nav">
                    <button type="button" class="nav-button" hidden=move || !can_back()
                        on:click=move |_| session.send(Event::Back)>
                        <span aria-hidden="true">"← "</span>{move || t().back}
                    </button>
                    <span class="kiosk__progress">{move || {
                        let p = progress();
                        fill(t().step_of, &[&p.at().to_string(), &p.of().to_string()])
                    }}</span>
                </div>
                <QuickExitButton />
                </div>
                <ProgressBar />
                {demo.then(|| view! { <p class="demo-banner">"KHOÁ DEMO — không dùng cho trường hợp thật · "<span lang="en">"DEMO KEYS — not for real cases"</span></p> })}
            </header>
            <main class="step" id="main"><ReadAloudButton />{children()}</main>
            // In the flow after the screen's own answers, never fixed over them (a tap meant for
            // Next cannot land on it), and calm: red is Quick exit's alone.
            <footer class="kiosk__footer" hidden=move || !show_help()>
                <button type="button" class="big-button help-now" on:click=move |_| session.send(Event::HelpNow)>
                    <span class="big-button__icon" aria-hidden="true" inner_html=icons::STAFF></span>
                    <span class="big-button__label">{move || t().help_now}</span>
                </button>
            </footer>
        </div>
    }
}
