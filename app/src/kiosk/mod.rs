//! The kiosk: a frame (quick exit, back, progress, help now) around the current step.
mod frame;
mod handoff_step;
mod info_steps;
pub mod page;
pub mod prerendered;
mod question_steps;
mod review_step;
pub mod sealer;
mod services_step;
mod wait_step;
mod welcome_step;

pub use frame::StepFrame;
pub use welcome_step::WelcomeStep;

use crate::session::use_session;
use intake::flow::Step;
use leptos::prelude::*;

/// Renders whichever step the flow is on.
#[component]
pub fn CurrentStep() -> impl IntoView {
    let session = use_session();
    let step = Memo::new(move |_| session.watch(|f| f.step()));
    move || match step.get() {
        Step::Welcome => {
            // A language file or a clip that arrives changes a button: draw it again.
            session.languages_loaded.track();
            session.clips_loaded.track();
            view! { <WelcomeStep /> }.into_any()
        }
        Step::Age => view! { <question_steps::AgeStep /> }.into_any(),
        Step::ChildToDesk => view! { <info_steps::ChildToDeskStep /> }.into_any(),
        Step::ChildNotice => view! { <info_steps::ChildNoticeStep /> }.into_any(),
        Step::Consent => view! { <question_steps::ConsentStep /> }.into_any(),
        Step::ConsentRefused => view! { <info_steps::ConsentRefusedStep /> }.into_any(),
        Step::InformationOnly => view! { <info_steps::InformationStep /> }.into_any(),
        Step::WaitHere => view! { <wait_step::WaitHereStep /> }.into_any(),
        s @ (Step::Danger
        | Step::Doctor
        | Step::PrivateRoom
        | Step::Statistics
        | Step::Disability) => match s.question() {
            Some(question) => view! { <question_steps::YesNoStep question=question /> }.into_any(),
            None => ().into_any(),
        },
        Step::Children => view! { <question_steps::ChildrenStep /> }.into_any(),
        Step::GoToDeskNow => view! { <info_steps::GoToDeskNowStep /> }.into_any(),
        Step::Services => view! { <services_step::ServicesStep /> }.into_any(),
        Step::Sharing => view! { <services_step::SharingStep /> }.into_any(),
        Step::Sex => view! { <question_steps::SexStep /> }.into_any(),
        Step::Review => view! { <review_step::ReviewStep /> }.into_any(),
        Step::Handoff => view! { <handoff_step::HandoffStep /> }.into_any(),
    }
}
