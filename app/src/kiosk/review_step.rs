//! Review: everything in plain words, each with a Change button.
use crate::i18n::Texts;
use crate::session::use_session;
use crate::ui::big_button::{BigButton, Variant};
use intake::flow::{Event, Step};
use intake::{AgeBand, Answers, Children, Reply, Sex, Wish};
use leptos::prelude::*;

fn reply(t: &Texts, r: Reply) -> String {
    match r {
        Reply::Yes => t.yes,
        Reply::No => t.no,
        Reply::Skipped => t.skipped,
        Reply::NotAsked => t.not_answered,
    }
    .to_owned()
}

/// Steps whose answer a bystander must not read at a glance (danger, a doctor, a private
/// room): the row says "answered", and she taps to show it.
fn is_sensitive(step: Step) -> bool {
    matches!(step, Step::Danger | Step::Doctor | Step::PrivateRoom)
}

/// The review rows: label, her answer in words, and the step that changes it.
fn rows(t: &'static Texts, a: &Answers, child: bool) -> Vec<(&'static str, String, Step)> {
    let age = match a.age_band {
        AgeBand::Under12 => t.age_under_12,
        AgeBand::From12To15 => t.age_12_15,
        AgeBand::From16To17 => t.age_16_17,
        AgeBand::Adult => t.age_adult,
        AgeBand::PreferNotToSay => t.prefer_not_to_say,
        AgeBand::NotAsked => t.not_answered,
    };
    let children = match a.children {
        Children::Count(0) => t.children_none.to_owned(),
        Children::Count(n) if n >= Children::MAX => t.children_five_plus.to_owned(),
        Children::Count(n) => n.to_string(),
        Children::Skipped => t.skipped.to_owned(),
        Children::NotAsked => t.not_answered.to_owned(),
    };
    let mut services: Vec<&str> = a.services.iter().map(|s| t.service(s)).collect();
    if a.talk_first {
        services.push(t.talk_first_short);
    }
    let sex = match a.sex {
        Sex::Female => t.sex_female,
        Sex::Male => t.sex_male,
        Sex::Other => t.sex_other,
        Sex::Skipped => t.skipped,
        Sex::NotAsked => t.not_answered,
    };
    let mut out = vec![
        (t.review_age, age.to_owned(), Step::Age),
        (t.review_danger, reply(t, a.danger_now), Step::Danger),
        (t.review_doctor, reply(t, a.doctor_now), Step::Doctor),
        (t.review_children, children, Step::Children),
        (t.review_services, services.join(", "), Step::Services),
    ];
    if !child && !a.services.is_empty() {
        // Every chosen service with her wish, so "not sure" and unanswered are not lost.
        let wishes: Vec<String> = a
            .services
            .iter()
            .map(|s| {
                let wish = match a.sharing.wish(s) {
                    Wish::Yes => t.share_yes,
                    Wish::No => t.share_no,
                    Wish::NotSure => t.share_not_sure,
                    Wish::NotAsked => t.not_answered,
                };
                format!("{}: {wish}", t.service(s))
            })
            .collect();
        out.push((t.review_sharing, wishes.join("; "), Step::Sharing));
    }
    out.extend([
        (
            t.review_private_room,
            reply(t, a.private_room),
            Step::PrivateRoom,
        ),
        (
            t.review_statistics,
            reply(t, a.consent_statistics),
            Step::Statistics,
        ),
        (t.review_sex, sex.to_owned(), Step::Sex),
        (
            t.review_disability,
            reply(t, a.disability),
            Step::Disability,
        ),
    ]);
    out
}

/// Everything she said, changeable.
#[component]
pub fn ReviewStep() -> impl IntoView {
    let session = use_session();
    let t = session.texts();
    let (answers, child) = session.read(|f| (f.answers().clone(), f.is_child_path()));
    view! {
        <h1 class="step__title">{t.review_title}</h1>
        <p class="step__hint">{t.review_hint}</p>
        <dl class="review">
            {rows(t, &answers, child).into_iter().map(|(label, value, step)| view! {
                <div class="review__row">
                    <dt>{label}</dt>
                    {if is_sensitive(step) && value != t.not_answered {
                        view! { <HiddenAnswer value label /> }.into_any()
                    } else {
                        view! { <dd data-no-read="">{value}</dd> }.into_any()
                    }}
                    <dd>
                        <button type="button" class="nav-button" aria-label=format!("{} — {label}", t.change)
                            on:click=move |_| session.send(Event::Change(step))>{t.change}</button>
                    </dd>
                </div>
            }).collect_view()}
        </dl>
        <div class="choices">
            <BigButton label=t.make_my_code.to_string() variant=Variant::Primary on_press=move || session.send(Event::Continue) />
        </div>
    }
}

/// An answer shown as "answered" until she taps Show (and hidden again on Hide).
#[component]
fn HiddenAnswer(value: String, label: &'static str) -> impl IntoView {
    let t = use_session().texts();
    let shown = RwSignal::new(false);
    view! {
        <dd data-no-read="" class="review__hidden">
            <span>{move || if shown.get() { value.clone() } else { t.review_answered.to_owned() }}</span>
            " "
            <button type="button" class="nav-button" aria-pressed=move || shown.get().to_string()
                aria-label=move || format!("{} — {label}", if shown.get() { t.hide } else { t.show })
                on:click=move |_| shown.update(|s| *s = !*s)>
                {move || if shown.get() { t.hide } else { t.show }}
            </button>
        </dd>
    }
}
