//! One question per screen: age, consent, the yes/no questions, children, sex.
use crate::session::{Screen, use_session};
use crate::ui::big_button::BigButton;
use crate::ui::icons;
use intake::flow::{ConsentChoice, Event};
use intake::{AgeBand, Children, Question, Reply, Sex};
use leptos::prelude::*;

/// How old are you?
#[component]
pub fn AgeStep() -> impl IntoView {
    let session = use_session();
    let t = session.texts();
    let screen = Screen::new(session);
    let current = move || screen.answer(|a| a.age_band);
    let label = move |band: AgeBand| match band {
        AgeBand::Under12 => t.age_under_12,
        AgeBand::From12To15 => t.age_12_15,
        AgeBand::From16To17 => t.age_16_17,
        AgeBand::Adult => t.age_adult,
        _ => t.prefer_not_to_say,
    };
    view! {
        <h1 class="step__title">{t.age_question}</h1>
        <div class="choices">
            {AgeBand::CHOICES.into_iter().map(|band| view! {
                <BigButton label=label(band).to_string() pressed=Signal::derive(move || current() == band)
                    on_press=move || screen.send(Event::ChooseAge(band)) />
            }).collect_view()}
        </div>
    }
}

/// Consent to services (assent for a child of 12–15), or information only.
#[component]
pub fn ConsentStep() -> impl IntoView {
    let session = use_session();
    let t = session.texts();
    let config = session.config();
    let lang = session.read(|f| f.language());
    let child = session.read(|f| f.is_child_path());
    // The centre's limits of confidentiality, as its lawyer approved them; a child of 12–15
    // reads the law's rule for children in her own words instead (Decree 56/2017 Art. 25).
    let yes_label = if child {
        t.child_assent_yes
    } else {
        t.yes_consent
    };
    let limits: Vec<String> = if child {
        vec![t.child_limits.to_owned()]
    } else {
        config.points(&config.confidentiality_limits, lang).to_vec()
    };
    let title = if child {
        t.child_assent_title
    } else {
        t.consent_title
    };
    let notice = view! {
        <section class="notice" aria-labelledby="limits-title">
            <h2 id="limits-title">{t.consent_limits_title}</h2>
            <ul class="notice__points">{limits.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
        </section>
    };
    // The limits come right after what the centre does: her consent depends on them; the
    // reassurances (no name, the code, skip any question) follow.
    let points = if child {
        view! { <p>{t.child_assent_body}</p>{notice} }.into_any()
    } else {
        view! {
            <ul class="consent__points"><li>{t.consent_what}</li></ul>
            {notice}
            <ul class="consent__points">
                <li>{t.consent_no_name}</li>
                <li>{t.consent_code}</li>
                <li>{t.consent_skip}</li>
            </ul>
        }
        .into_any()
    };
    // The explanation scrolls in its own box (a shadow shows there is more), so that the
    // question and its answers are on screen without scrolling on any tablet.
    view! {
        <h1 class="step__title" id="explain-title">{title}</h1>
        <div class="explain" tabindex="0" role="region" aria-labelledby="explain-title">
            <p class="explain__hint">{t.read_all}</p>
            {points}
        </div>
        <h2 class="step__question">{if child { t.child_assent_question } else { t.consent_question }}</h2>
        <div class="choices">
            // Equal choices: no answer looks chosen before she taps one.
            <BigButton label=yes_label.to_string() icon=icons::YES
                on_press=move || session.send(Event::Consent(ConsentChoice::Yes)) />
            <BigButton label=t.no_consent.to_string() icon=icons::NO
                on_press=move || session.send(Event::Consent(ConsentChoice::No)) />
            <BigButton label=t.info_only.to_string()
                on_press=move || session.send(Event::Consent(ConsentChoice::InformationOnly)) />
        </div>
    }
}

/// Danger, a doctor now, a private room, statistics, disability: yes, no or skip.
#[component]
pub fn YesNoStep(
    /// Which question.
    question: Question,
) -> impl IntoView {
    let session = use_session();
    let t = session.texts();
    let (question_text, hint) = match question {
        Question::Danger => (t.danger_question, None),
        // What the review of what she is told asked: one question, with the time window
        // after rape in plain words (PEP within 72 hours, emergency contraception within
        // about 5 days); nothing asks about the incident itself.
        Question::Doctor => (t.doctor_question, Some(t.doctor_hint)),
        Question::PrivateRoom => (t.private_room_question, Some(t.optional)),
        Question::Statistics => (t.statistics_question, Some(t.statistics_hint)),
        Question::Disability => (t.disability_question, Some(t.disability_hint)),
    };
    let screen = Screen::new(session);
    let current = move || screen.answer(|a| a.reply(question));
    // No ✓ or ✗ on the answers about danger and a doctor: a tick on "yes, I am in danger"
    // reads as approval.
    let marked = !matches!(question, Question::Danger | Question::Doctor);
    let choice = move |reply: Reply, label: &'static str, icon: &'static str| {
        let pressed = Signal::derive(move || current() == reply);
        let press = move || screen.send(Event::Reply(reply));
        if marked || reply == Reply::Skipped {
            view! { <BigButton label=label.to_string() icon=icon pressed=pressed on_press=press /> }
                .into_any()
        } else {
            view! { <BigButton label=label.to_string() pressed=pressed on_press=press /> }
                .into_any()
        }
    };
    view! {
        <h1 class="step__title">{question_text}</h1>
        {hint.map(|h| view! { <p class="step__hint">{h}</p> })}
        <div class="choices">
            {choice(Reply::Yes, t.yes, icons::YES)}
            {choice(Reply::No, t.no, icons::NO)}
            {choice(Reply::Skipped, t.skip, icons::SKIP)}
        </div>
    }
}

/// Are children with you? 0 … 5+, or skip.
#[component]
pub fn ChildrenStep() -> impl IntoView {
    let session = use_session();
    let t = session.texts();
    let screen = Screen::new(session);
    let current = move || screen.answer(|a| a.children);
    let options: Vec<(Children, String, &'static str)> = (0..=Children::MAX)
        .map(|n| {
            let label = match n {
                0 => t.children_none.to_owned(),
                Children::MAX => t.children_five_plus.to_owned(),
                n => n.to_string(),
            };
            let icon = icons::CHILDREN[usize::from(n).min(icons::CHILDREN.len() - 1)];
            (Children::Count(n), label, icon)
        })
        .chain([(Children::Skipped, t.skip.to_owned(), icons::SKIP)])
        .collect();
    view! {
        <h1 class="step__title">{t.children_question}</h1>
        <div class="choices choices--grid">
            {options.into_iter().map(|(c, label, icon)| view! {
                <BigButton label=label icon=icon pressed=Signal::derive(move || current() == c)
                    on_press=move || screen.send(Event::ChooseChildren(c)) />
            }).collect_view()}
        </div>
    }
}

/// Sex, optional.
#[component]
pub fn SexStep() -> impl IntoView {
    let session = use_session();
    let t = session.texts();
    let screen = Screen::new(session);
    let current = move || screen.answer(|a| a.sex);
    let options = [
        (Sex::Female, t.sex_female),
        (Sex::Male, t.sex_male),
        (Sex::Other, t.sex_other),
        (Sex::Skipped, t.skip),
    ];
    view! {
        <h1 class="step__title">{t.sex_question}</h1>
        <p class="step__hint">{t.optional}</p>
        <div class="choices">
            {options.into_iter().map(|(sex, label)| view! {
                <BigButton label=label.to_string() pressed=Signal::derive(move || current() == sex)
                    on_press=move || screen.send(Event::ChooseSex(sex)) />
            }).collect_view()}
        </div>
    }
}
