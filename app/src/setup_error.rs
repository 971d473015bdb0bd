//! What the page shows when it cannot start: where she should go, then the detail for staff.
use crate::configuration::{CONFIG_PATH, SetupError};
use leptos::prelude::*;

/// A staff-facing message when the kiosk cannot start.
#[component]
pub fn SetupErrorView(
    /// What went wrong.
    error: SetupError,
) -> impl IntoView {
    let detail = match error {
        SetupError::NotSecure => "This page is not served over HTTPS or from localhost. The kiosk needs a secure context (see docs/deploy.md).".to_owned(),
        SetupError::Unreachable(e) => format!("The centre configuration could not be loaded: {e}."),
        SetupError::Invalid(e) => format!("The centre configuration ({CONFIG_PATH}) has a problem: {e}."),
    };
    // A survivor may be the one who sees this: Vietnamese first, telling her where to go;
    // the detail below is for staff.
    view! {
        <main class="step setup-error" id="main">
            <h1 class="step__title">"Máy đang tạm ngừng"</h1>
            <p class="step__lead">"Mời bạn đến bàn tiếp đón, nhân viên sẽ giúp bạn."</p>
            <p class="step__lead" lang="en">"This tablet is paused. Please go to the front desk; staff will help you."</p>
            <h2>"Dành cho nhân viên · "<span lang="en">"For staff"</span></h2>
            <p>"Máy tiếp đón cần được cài đặt lại (xem docs/deploy.md). · "<span lang="en">"The kiosk needs setting up (see docs/deploy.md)."</span></p>
            <p class="setup-error__detail" lang="en">{detail}</p>
        </main>
    }
}
