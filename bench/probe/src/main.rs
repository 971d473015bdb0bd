//! The benchmark probe (`make bench`): the same functions the sealing worker and the staff
//! desk run, built with the same profile, exported to the benchmark page's script.
use intake::handoff::{SealReply, SealRequest, Ticket, make_code};
use intake::{Answers, Reply, Service, ServiceSet};
use wasm_bindgen::prelude::wasm_bindgen;

/// The demo kiosk and staff keys (published, for demonstrations and tests only).
const KIOSK_PRIVATE: &str = "0001f73bff7be9f8cd5f36d834ee42f35d5c5c3930b954b3f7880da13e754541";
const STAFF_PUBLIC: &str = "d703ea365cf7df0ef580433002e4fa60da77df7b98ce39739ccc90c4408a3258";

/// Seals a typical set of answers and draws its QR code, as the worker does for every
/// handoff. Returns the code's text and the SVG, separated by a newline (empty if refused).
#[wasm_bindgen]
pub fn seal_and_draw(now_minutes: u32, ticket: u16) -> String {
    let wanted = ServiceSet::default()
        .with(Service::Health)
        .with(Service::Psychosocial);
    let request = SealRequest {
        id: 1,
        answers: Answers {
            consent_services: Reply::Yes,
            services: wanted,
            ..Answers::default()
        },
        ticket: Ticket {
            prefix: b'A',
            number: ticket.clamp(1, Ticket::MAX),
        },
        now_minutes,
        kiosk_private_hex: Some(KIOSK_PRIVATE.to_owned()),
        staff_public_hex: STAFF_PUBLIC.to_owned(),
        pinned_staff_key: None,
        demo_keys: true,
    };
    match make_code(&request) {
        SealReply::Made { code, svg, .. } => format!("{code}\n{svg}"),
        SealReply::Refused { .. } => String::new(),
    }
}

/// The QR drawing alone: the SVG the worker draws for a code's text.
#[wasm_bindgen]
pub fn draw(text: &str) -> String {
    intake::handoff::qr_svg(text).unwrap_or_default()
}

/// The staff desk's camera decoder on one RGBA frame.
#[wasm_bindgen]
pub fn decode(rgba: &[u8], width: usize, height: usize) -> Option<String> {
    intake::scan::decode_frame(rgba, width, height)
}

fn main() {}
