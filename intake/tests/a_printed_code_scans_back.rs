//! A sealed code drawn at the size the kiosk prints it decodes with an independent
//! decoder (rqrr) and opens to the same answers.
mod common;

use common::{Desk, largest_handoff};
use intake::handoff::{DEFAULT_WINDOW, open, qr_code, seal};

/// Dots per module on a 203 dpi thermal printer: version 8 (49 modules + 8 quiet) at
/// 5 dots is 285 dots, about 36 mm, above the 30 mm the slip promises.
const DOTS_PER_MODULE: usize = 5;

fn render(code: &qrcode::QrCode) -> image::GrayImage {
    let width = code.width();
    let quiet = 4;
    let side = (width + 2 * quiet) * DOTS_PER_MODULE;
    let colors = code.to_colors();
    image::GrayImage::from_fn(side as u32, side as u32, |x, y| {
        let mx = (x as usize / DOTS_PER_MODULE).checked_sub(quiet);
        let my = (y as usize / DOTS_PER_MODULE).checked_sub(quiet);
        let dark = match (mx, my) {
            (Some(mx), Some(my)) if mx < width && my < width => {
                colors[my * width + mx] == qrcode::Color::Dark
            }
            _ => false,
        };
        image::Luma([if dark { 0 } else { 255 }])
    })
}

#[test]
fn a_code_rendered_at_print_size_decodes_and_opens_to_the_same_answers() {
    let desk = Desk::new();
    let mut handoff = largest_handoff();
    handoff.created_minutes = intake::handoff::build_minutes() + intake::clock::Span(60);
    let code = seal(
        &handoff,
        desk.staff.public(),
        &desk.kiosk,
        handoff.created_minutes,
    )
    .expect("seals");
    let image = render(&qr_code(&code).expect("fits"));
    let side_mm = f64::from(image.width()) / 203.0 * 25.4;
    assert!(side_mm >= 30.0, "printed QR is only {side_mm:.1} mm wide");

    let mut prepared = rqrr::PreparedImage::prepare(image);
    let grids = prepared.detect_grids();
    assert_eq!(grids.len(), 1, "one QR code found");
    let (_, scanned) = grids[0].decode().expect("rqrr decodes the print");
    assert_eq!(scanned, code);

    let opened = open(
        &scanned,
        std::slice::from_ref(&desk.staff),
        &desk.enrolled(),
        handoff.created_minutes,
        DEFAULT_WINDOW,
    )
    .expect("opens");
    assert_eq!(opened.handoff, handoff);
}

/// The staff desk's camera decoder (`intake::scan`, feature `scan`) reads the code from a
/// 640×480 colour frame with the code off centre on a tinted background, and answers
/// nothing for a frame without a code or a buffer too short for its size.
#[cfg(feature = "scan")]
#[test]
fn the_desk_camera_decoder_reads_the_code_from_a_colour_frame() {
    use intake::scan::decode_frame;
    let desk = Desk::new();
    let handoff = largest_handoff();
    let code = seal(
        &handoff,
        desk.staff.public(),
        &desk.kiosk,
        intake::handoff::build_minutes() + intake::clock::Span(60),
    )
    .expect("seals");
    let print = render(&qr_code(&code).expect("fits"));
    let (w, h) = (640usize, 480usize);
    let mut frame = vec![0u8; w * h * 4];
    for (i, px) in frame.chunks_exact_mut(4).enumerate() {
        let (x, y) = (i % w, i / w);
        let (ox, oy) = (x.wrapping_sub(150), y.wrapping_sub(80));
        let dark = ox < print.width() as usize
            && oy < print.height() as usize
            && print.get_pixel(ox as u32, oy as u32)[0] == 0;
        px.copy_from_slice(if dark {
            &[40, 30, 70, 255]
        } else {
            &[235, 220, 190, 255]
        });
    }
    assert_eq!(decode_frame(&frame, w, h).as_deref(), Some(code.as_str()));
    assert_eq!(decode_frame(&frame[..frame.len() - 4], w, h), None);
    assert_eq!(decode_frame(&vec![200u8; w * h * 4], w, h), None);
    assert_eq!(decode_frame(&frame, usize::MAX, 2), None);
}
