//! The QR code of a handoff: error correction Q, never above version 8.

use qrcode::{EcLevel, QrCode, render::svg};

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

/// An SVG of the code with a 4-module quiet zone, scaled to fill its container.
pub fn qr_svg(text: &str) -> Result<String, QrError> {
    let code = qr_code(text)?;
    Ok(code
        .render::<svg::Color<'_>>()
        .quiet_zone(true)
        .module_dimensions(1, 1)
        .dark_color(svg::Color("#000"))
        .light_color(svg::Color("#fff"))
        .build())
}
