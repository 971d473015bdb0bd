//! The welcome screen: the centre's neutral name, in Vietnamese first and English second.
use leptos::prelude::*;

/// The first screen a survivor sees.
#[component]
pub fn Welcome(
    /// The centre's neutral name, from its configuration.
    centre_name: String,
) -> impl IntoView {
    view! {
        <main class="step" id="main">
            <h1 class="step__title">{centre_name}</h1>
            <p lang="vi">"Xin chào. Chúng tôi ở đây để giúp bạn."</p>
            <p lang="en">"Hello. We are here to help you."</p>
        </main>
    }
}
