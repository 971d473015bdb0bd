//! The initials of the staff member at the desk: each recorded decision and each referral
//! slip carries them. Asked at unlock and kept for the session only (the desk stores no
//! staff name, and none of hers).
use crate::ui::bilingual::Bi;
use intake::two::Two;
use leptos::prelude::*;

/// What to type when the initials are not 1 to 4 letters.
pub const PROBLEM: Two = Two::new(
    "Ghi chữ cái đầu của họ tên bạn: 1 đến 4 chữ cái, ví dụ LT.",
    "Type your initials: 1 to 4 letters, like LT.",
);

/// The field for the initials.
#[component]
pub fn InitialsField(
    /// What is typed.
    value: RwSignal<String>,
) -> impl IntoView {
    view! {
        <label><Bi vi="Chữ cái đầu họ tên của bạn (ví dụ LT)" en="Your initials (like LT)"/>
            <input class="initials" type="text" autocomplete="off" autocapitalize="characters"
                spellcheck="false" maxlength="8" bind:value=value /></label>
    }
}
