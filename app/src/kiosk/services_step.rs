//! Services to choose, and her wish about sharing per chosen service (staff confirm it with
//! her in person before anything is shared).
use crate::session::{Screen, use_session};
use crate::ui::big_button::{BigButton, Variant};
use crate::ui::icons;
use crate::ui::more_below::MoreBelow;
use intake::flow::{Event, FlowError};
use intake::{Service, Wish};
use leptos::prelude::*;

/// The refusal message for the last event, if any.
fn problem_text(e: Option<FlowError>, t: &'static crate::i18n::Texts) -> Option<&'static str> {
    match e? {
        FlowError::NoServiceChosen => Some(t.choose_one_service),
        FlowError::NotHere { .. } => None,
    }
}

/// Which services she wants; any number, or "talk to someone first".
#[component]
pub fn ServicesStep() -> impl IntoView {
    let session = use_session();
    let t = session.texts();
    let config = session.config();
    let offered: Vec<(Service, &'static str)> = config
        .services
        .iter()
        .map(|o| {
            let place = crate::i18n::place(t, o.place);
            (o.id, place)
        })
        .collect();
    let screen = Screen::new(session);
    let chosen = move |s: Service| screen.answer(|a| a.services.contains(s));
    let talk_first = move || screen.answer(|a| a.talk_first);
    view! {
        <h1 class="step__title">{t.services_question}</h1>
        <p class="step__hint">{t.services_hint}</p>
        <div class="choices choices--services">
            {offered.into_iter().map(|(s, place)| view! {
                <ServiceButton label=t.service(s) icon=icons::service(s) place=Some(place)
                    pressed=Signal::derive(move || chosen(s)) on_press=move || screen.send(Event::ToggleService(s)) />
            }).collect_view()}
            <ServiceButton label=t.talk_first icon=icons::CHAT place=None pressed=Signal::derive(talk_first)
                on_press=move || screen.send(Event::ToggleTalkFirst) />
        </div>
        <MoreBelow />
        <p class="step__problem" role="alert">{move || problem_text(screen.problem(), t)}</p>
        <div class="choices">
            <BigButton label=t.next.to_string() variant=Variant::Primary on_press=move || screen.send(Event::Continue) />
        </div>
    }
}

/// A service to toggle: its pictogram above its name, and where it is given as a small tag
/// ("here at the centre" / "we refer you") rather than a sentence in brackets.
#[component]
fn ServiceButton(
    label: &'static str,
    icon: &'static str,
    place: Option<&'static str>,
    pressed: Signal<bool>,
    on_press: impl Fn() + 'static,
) -> impl IntoView {
    let aria_pressed = move || if pressed.get() { "true" } else { "false" };
    view! {
        <button type="button" class="big-button service" aria-pressed=aria_pressed on:click=move |_| on_press()>
            <span class="service__icon" aria-hidden="true" inner_html=icon></span>
            <span class="big-button__label">{label}</span>
            {place.map(|p| view! { <span class="service__place">{p}</span> })}
        </button>
    }
}

/// Per chosen service, yes or no to sharing; for a child, a plain explanation instead.
#[component]
pub fn SharingStep() -> impl IntoView {
    let session = use_session();
    let t = session.texts();
    let screen = Screen::new(session);
    let child = session.read(|f| f.is_child_path());
    let next = view! {
        <p class="step__problem" role="alert">{move || problem_text(screen.problem(), t)}</p>
        <div class="choices">
            <BigButton label=t.next.to_string() variant=Variant::Primary on_press=move || screen.send(Event::Continue) />
        </div>
    };
    if child {
        return view! {
            <h1 class="step__title">{t.child_sharing_title}</h1>
            <p class="step__lead">{t.child_sharing_body}</p>
            {next}
        }
        .into_any();
    }
    let chosen: Vec<Service> = session.read(|f| f.answers().services.iter().collect());
    let wish = move |s: Service| screen.answer(|a| a.sharing.wish(s));
    view! {
        <h1 class="step__title">{t.sharing_question}</h1>
        // Her wish, not consent: staff talk with her before sending anything, except where
        // the law obliges a report (Decree 56/2017 Art. 25 for a child at risk; Criminal
        // Code Art. 19, 389 for certain crimes), which the consent screen's limits state.
        // No promise that a referral she will not share with still happens.
        <p class="step__hint">{t.sharing_hint}</p>
        <div class="sharing">
            {chosen.into_iter().map(|s| {
                let id = format!("share-{}", s.id());
                let labelled_by = id.clone();
                view! {
                    <div class="sharing__row" role="group" aria-labelledby=labelled_by>
                        <span class="sharing__service" id=id>
                            <span class="big-button__icon" aria-hidden="true" inner_html=icons::service(s)></span>
                            {t.service(s)}
                        </span>
                        <BigButton label=t.share_yes.to_string() icon=icons::YES pressed=Signal::derive(move || wish(s) == Wish::Yes)
                            on_press=move || screen.send(Event::Share(s, Wish::Yes)) />
                        <BigButton label=t.share_no.to_string() icon=icons::NO pressed=Signal::derive(move || wish(s) == Wish::No)
                            on_press=move || screen.send(Event::Share(s, Wish::No)) />
                        <BigButton label=t.share_not_sure.to_string() icon=icons::NOT_SURE pressed=Signal::derive(move || wish(s) == Wish::NotSure)
                            on_press=move || screen.send(Event::Share(s, Wish::NotSure)) />
                    </div>
                }
            }).collect_view()}
        </div>
        <MoreBelow />
        {next}
    }
    .into_any()
}
