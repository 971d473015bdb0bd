//! Reading a QR code from a camera frame (feature `scan`): the staff desk's decoder when the
//! browser has no `BarcodeDetector`. Pure, so the benchmarks and tests run the same code.

/// Decodes the first QR code in an RGBA frame of `width` × `height` pixels, if any.
pub fn decode_frame(rgba: &[u8], width: usize, height: usize) -> Option<String> {
    let pixels = width.checked_mul(height)?.checked_mul(4)?;
    if rgba.len() < pixels {
        return None;
    }
    let mut image = rqrr::PreparedImage::prepare_from_greyscale(width, height, |x, y| {
        let i = (y * width + x) * 4;
        // Integer luma (BT.601).
        ((u32::from(rgba[i]) * 77 + u32::from(rgba[i + 1]) * 150 + u32::from(rgba[i + 2]) * 29)
            >> 8) as u8
    });
    image
        .detect_grids()
        .into_iter()
        .find_map(|g| g.decode().ok().map(|(_, text)| text))
}
