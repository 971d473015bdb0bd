//! The floor the kiosk is measured against (`make bench`): Leptos mounting one heading,
//! one button and one QR code SVG. Anything the kiosk costs above this is its own.
use leptos::prelude::*;
use qrcode::render::svg;
use qrcode::{EcLevel, QrCode};

fn qr_svg(text: &str) -> String {
    QrCode::with_error_correction_level(text, EcLevel::Q)
        .map(|code| code.render::<svg::Color>().build())
        .unwrap_or_default()
}

#[component]
fn Floor() -> impl IntoView {
    let taps = RwSignal::new(0u32);
    let svg = qr_svg("TK0123456789");
    view! {
        <main>
            <h1>"Ngôi nhà Ánh Dương"</h1>
            <button type="button" on:click=move |_| taps.update(|n| *n += 1)>
                "Tiếng Việt " {move || taps.get()}
            </button>
            <div inner_html=svg></div>
        </main>
    }
}

fn main() {
    mount_to_body(Floor);
}
