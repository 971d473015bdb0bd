//! The QR code of a handoff: error correction Q, never above version 8.

use qrcode::{Color, EcLevel, QrCode};

/// The largest QR version a code may need; cheap cameras and 58 mm prints need it small.
pub const MAX_QR_VERSION: i16 = 8;

/// Why a QR could not be drawn.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum QrError {
    #[error("the text does not fit in a QR code of version {MAX_QR_VERSION} at level Q")]
    TooLarge,
}

/// The QR code of a code's text at level Q.
pub fn qr_code(text: &str) -> Result<QrCode, QrError> {
    let code =
        QrCode::with_error_correction_level(text, EcLevel::Q).map_err(|_| QrError::TooLarge)?;
    match code.version() {
        qrcode::Version::Normal(v) if v <= MAX_QR_VERSION => Ok(code),
        _ => Err(QrError::TooLarge),
    }
}

/// The QR version the text needs at level Q.
pub fn qr_version(text: &str) -> Result<i16, QrError> {
    match qr_code(text)?.version() {
        qrcode::Version::Normal(v) => Ok(v),
        qrcode::Version::Micro(_) => Err(QrError::TooLarge),
    }
}

/// The quiet zone around a code, in modules (the standard's minimum).
pub const QUIET_MODULES: usize = 4;

/// An SVG of the code with a 4-module quiet zone, scaled to fill its container.
///
/// Each run of dark modules in a row is its own `<rect>` on a white square, not one path
/// of many sub-paths: a PDF rasteriser (Chromium's print to a receipt printer, poppler)
/// leaves a grey pixel wherever two sub-paths of one path meet at a corner, and a thermal
/// printer breaks such pixels up (tests/e2e/the_printed_slip_scans_at_thermal_resolution.test.mjs rasterises the slip at 203 dpi).
pub fn qr_svg(text: &str) -> Result<String, QrError> {
    Ok(svg_of(&qr_code(text)?))
}

/// The largest QR version of a code shown on a desk's screen for another desk (a kiosk
/// list): read by a camera or a handheld scanner from a screen, never printed.
pub const MAX_SCREEN_QR_VERSION: i16 = 25;

/// An SVG of `text` for a screen, at level M, up to [`MAX_SCREEN_QR_VERSION`].
pub fn screen_qr_svg(text: &str) -> Result<String, QrError> {
    let code =
        QrCode::with_error_correction_level(text, EcLevel::M).map_err(|_| QrError::TooLarge)?;
    match code.version() {
        qrcode::Version::Normal(v) if v <= MAX_SCREEN_QR_VERSION => Ok(svg_of(&code)),
        _ => Err(QrError::TooLarge),
    }
}

fn svg_of(code: &QrCode) -> String {
    use std::fmt::Write;
    let width = code.width();
    let size = width + 2 * QUIET_MODULES;
    let mut svg = format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="{size}" height="{size}" viewBox="0 0 {size} {size}" shape-rendering="crispEdges"><rect width="{size}" height="{size}" fill="#fff"/>"##
    );
    for (y, row) in code.to_colors().chunks(width).enumerate() {
        let mut x = 0;
        while x < width {
            let run = row[x..].iter().take_while(|c| **c == Color::Dark).count();
            if run > 0 {
                let _ = write!(
                    svg,
                    r#"<rect x="{}" y="{}" width="{run}" height="1"/>"#,
                    x + QUIET_MODULES,
                    y + QUIET_MODULES
                );
            }
            x += run.max(1);
        }
    }
    svg.push_str("</svg>");
    svg
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The modules the SVG's rectangles cover, read back from its text.
    fn dark_modules(svg: &str, size: usize) -> Vec<bool> {
        let mut dark = vec![false; size * size];
        let number = |rect: &str, name: &str| -> usize {
            let at = rect.find(&format!(" {name}=\"")).expect("attribute") + name.len() + 3;
            rect[at..]
                .split('"')
                .next()
                .expect("value")
                .parse()
                .expect("a number")
        };
        for rect in svg.split("<rect").skip(2) {
            let (x, y, w) = (number(rect, "x"), number(rect, "y"), number(rect, "width"));
            for i in x..x + w {
                dark[y * size + i] = true;
            }
        }
        dark
    }

    #[test]
    fn the_svg_draws_exactly_the_codes_dark_modules_inside_its_quiet_zone() {
        let longest = format!("TK{}", "7".repeat(251));
        for text in ["TK1", "TK0123456789", &longest] {
            let code = qr_code(text).expect("fits");
            let svg = qr_svg(text).expect("fits");
            let size = code.width() + 2 * QUIET_MODULES;
            let drawn = dark_modules(&svg, size);
            for y in 0..size {
                for x in 0..size {
                    let inside = (QUIET_MODULES..size - QUIET_MODULES).contains(&x)
                        && (QUIET_MODULES..size - QUIET_MODULES).contains(&y);
                    let expected =
                        inside && code[(x - QUIET_MODULES, y - QUIET_MODULES)] == Color::Dark;
                    assert_eq!(drawn[y * size + x], expected, "{text}: module {x},{y}");
                }
            }
        }
    }
}
