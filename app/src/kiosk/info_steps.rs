//! Screens that inform: the desk for a young child, the child's reporting notice, consent
//! refused, information only, and "go to the desk now".
use crate::session::use_session;
use crate::ui::big_button::{BigButton, Variant};
use crate::ui::quick_exit::fresh_kiosk;
use intake::LangTag;
use intake::flow::Event;
use leptos::prelude::*;

/// The centre's hotlines, or only those with the given numbers.
#[component]
fn Hotlines(
    /// Numbers to show; all when empty.
    #[prop(optional)]
    only: &'static [&'static str],
) -> impl IntoView {
    let session = use_session();
    let config = session.config();
    let lang = session.flow.with_untracked(|f| f.language());
    let rows: Vec<(String, String)> = config
        .hotlines
        .iter()
        .filter(|h| only.is_empty() || only.contains(&h.number.as_str()))
        .map(|h| (h.number.clone(), config.text(&h.label, lang).to_owned()))
        .collect();
    view! {
        <ul class="hotlines">
            {rows.into_iter().map(|(number, label)| view! {
                <li><strong class="hotlines__number">{number}</strong>" "<span>{label}</span></li>
            }).collect_view()}
        </ul>
    }
}

/// A Finish button: wipes and replaces the page with a fresh kiosk.
#[component]
fn FinishButton() -> impl IntoView {
    let session = use_session();
    view! { <BigButton label=session.texts().finish.to_string() variant=Variant::Primary on_press=move || fresh_kiosk(session) /> }
}

/// Under 12: please go to the desk; 111; no further questions.
#[component]
pub fn ChildToDeskStep() -> impl IntoView {
    let t = use_session().texts();
    view! {
        <h1 class="step__title">{t.child_desk_title}</h1>
        <p class="step__lead">{t.child_desk_body}</p>
        <Hotlines only=&["111"] />
        <div class="choices"><FinishButton /></div>
    }
}

/// 12–15: what staff must report, and 111, before any question.
#[component]
pub fn ChildNoticeStep() -> impl IntoView {
    let session = use_session();
    let t = session.texts();
    view! {
        <h1 class="step__title">{t.child_notice_title}</h1>
        <p class="step__lead">{t.child_notice_body}</p>
        <Hotlines only=&["111"] />
        <div class="choices">
            <BigButton label=t.i_understand.to_string() variant=Variant::Primary on_press=move || session.send(Event::Continue) />
        </div>
    }
}

/// She said no: hotlines and "you can still talk to the staff".
#[component]
pub fn ConsentRefusedStep() -> impl IntoView {
    let t = use_session().texts();
    view! {
        <h1 class="step__title">{t.refused_title}</h1>
        <p class="step__lead">{t.refused_body}</p>
        <Hotlines />
        <div class="choices"><FinishButton /></div>
    }
}

/// Public information only: services, hotlines, directory. Never a shelter address.
#[component]
pub fn InformationStep() -> impl IntoView {
    let session = use_session();
    let t = session.texts();
    let config = session.config();
    let lang: LangTag = session.flow.with_untracked(|f| f.language());
    let services: Vec<(String, &'static str)> = config
        .services
        .iter()
        .map(|o| {
            let place = crate::i18n::place(t, o.place);
            (t.service(o.id).to_owned(), place)
        })
        .collect();
    let directory: Vec<(String, String)> = config
        .directory
        .iter()
        .map(|d| (config.text(&d.name, lang).to_owned(), d.phone.clone()))
        .collect();
    view! {
        <h1 class="step__title">{t.info_title}</h1>
        <h2>{t.info_services}</h2>
        <ul class="info-list">
            {services.into_iter().map(|(name, place)| view! { <li>{name}" — "{place}</li> }).collect_view()}
        </ul>
        <h2>{t.info_hotlines}</h2>
        <Hotlines />
        {(!directory.is_empty()).then(|| view! {
            <h2>{t.info_directory}</h2>
            <ul class="info-list">
                {directory.into_iter().map(|(name, phone)| view! { <li>{name}": "<strong>{phone}</strong></li> }).collect_view()}
            </ul>
        })}
        <div class="choices"><FinishButton /></div>
    }
}

/// Danger, hurt or "I need help now": 113/115, go to the desk now, or a code at once.
#[component]
pub fn GoToDeskNowStep() -> impl IntoView {
    let session = use_session();
    let t = session.texts();
    view! {
        <h1 class="step__title step__title--urgent">{t.desk_now_title}</h1>
        <p class="step__lead">{t.desk_now_body}</p>
        <Hotlines only=&["113", "115"] />
        <div class="choices">
            <BigButton label=t.code_now.to_string() variant=Variant::Primary on_press=move || session.send(Event::CodeNow) />
            <BigButton label=t.continue_questions.to_string() on_press=move || session.send(Event::Continue) />
        </div>
    }
}
