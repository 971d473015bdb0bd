//! Screens that inform: the desk for a young child, the child's reporting notice, consent
//! refused, information only, and "go to the desk now".
use crate::session::use_session;
use crate::ui::big_button::{BigButton, Variant};
use crate::ui::quick_exit::{SmallFinish, fresh_kiosk};
use intake::flow::Event;
use intake::{LangTag, UrgentReason};
use leptos::prelude::*;

/// The centre's hotlines, or only those with the given numbers.
#[component]
fn Hotlines(
    /// Only the numbers the configuration marks as for children.
    #[prop(optional)]
    for_children: bool,
) -> impl IntoView {
    let session = use_session();
    let config = session.config();
    let lang = session.read(|f| f.language());
    let rows: Vec<(String, String)> = config
        .hotlines
        .iter()
        .filter(|h| !for_children || h.for_children)
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
    let session = use_session();
    let t = session.texts();
    view! {
        <h1 class="step__title">{t.child_desk_title}</h1>
        // The main action is to show this screen to a staff member; Finish is small.
        <p class="show-staff">{t.child_show_staff}</p>
        <p class="step__lead">{t.child_desk_body}</p>
        <Hotlines for_children=true />
        <div class="finish">
            <SmallFinish />
        </div>
    }
}

/// 12–15: what staff must report, and 111, before any question.
#[component]
pub fn ChildNoticeStep() -> impl IntoView {
    let session = use_session();
    let t = session.texts();
    view! {
        <h1 class="step__title" id="explain-title">{t.child_notice_title}</h1>
        <p class="step__hint">{t.read_all}</p>
        // A long read in its own box, so that her answer is on screen without scrolling.
        <div class="explain" tabindex="0" role="region" aria-labelledby="explain-title">
            <p class="step__lead">{t.child_notice_body}</p>
            <Hotlines for_children=true />
        </div>
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
    let lang: LangTag = session.read(|f| f.language());
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

/// Danger, a doctor now, or "I need help now": what staff will do, by reason, and a code
/// at once. No line says or implies that staff will call the police: prosecution for most
/// injury and rape offences starts only at her request (Criminal Procedure Code Art. 155).
/// 113 is a number for after she leaves; 115 shows only where the centre has no clinic on
/// site; a child reads 111 instead.
#[component]
pub fn GoToDeskNowStep() -> impl IntoView {
    let session = use_session();
    let t = session.texts();
    let config = session.config();
    let clinic_here = config
        .offer(intake::Service::Health)
        .is_some_and(|o| o.place == intake::config::Where::OnSite);
    let reasons = session.read(|f| f.answers().urgent_reasons());
    // What staff will do for each reason, then what she does now (the same for all).
    let lines: Vec<&'static str> = reasons
        .iter()
        .filter_map(|r| match r {
            UrgentReason::Danger => Some(t.urgent_danger),
            UrgentReason::Doctor if clinic_here => Some(t.urgent_doctor),
            UrgentReason::Doctor => Some(t.urgent_doctor_away),
            UrgentReason::HelpNow => None,
        })
        .chain([t.urgent_help])
        .collect();
    view! {
        <h1 class="step__title step__title--urgent">{t.urgent_title}</h1>
        {lines.into_iter().map(|l| view! { <p class="step__lead">{l}</p> }).collect_view()}
        <p class="step__hint">{t.urgent_after}</p>
        <div class="choices">
            <BigButton label=t.code_now.to_string() variant=Variant::Primary on_press=move || session.send(Event::CodeNow) />
            <BigButton label=t.continue_questions.to_string() on_press=move || session.send(Event::Continue) />
        </div>
    }
}
