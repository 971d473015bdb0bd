//! Reading a QR code from a camera frame (feature `scan`): the staff desk's decoder when the
//! browser has no `BarcodeDetector`. Pure, so the benchmarks and tests run the same code.

/// Decodes the first QR code in an RGBA frame of `width` × `height` pixels, if any.
///
/// A frame where nothing is found is tried once more at half size, each pixel the mean of
/// four: that averages away sensor noise and sharpens a blurred edge to within a pixel,
/// which is what a shaky hand at a desk produces (see BENCHMARKS.md, "QR").
pub fn decode_frame(rgba: &[u8], width: usize, height: usize) -> Option<String> {
    let pixels = width.checked_mul(height)?;
    if rgba.len() / 4 < pixels {
        return None;
    }
    let luma: Vec<u8> = rgba
        .chunks_exact(4)
        .take(pixels)
        // Integer luma (BT.601).
        .map(|p| ((u32::from(p[0]) * 77 + u32::from(p[1]) * 150 + u32::from(p[2]) * 29) >> 8) as u8)
        .collect();
    decode_grey(&luma, width, height).or_else(|| {
        let (w, h) = (width / 2, height / 2);
        let half: Vec<u8> = (0..w * h)
            .map(|i| {
                let (x, y) = (2 * (i % w), 2 * (i / w));
                let at = |dx: usize, dy: usize| u32::from(luma[(y + dy) * width + x + dx]);
                ((at(0, 0) + at(1, 0) + at(0, 1) + at(1, 1)) / 4) as u8
            })
            .collect();
        decode_grey(&half, w, h)
    })
}

fn decode_grey(luma: &[u8], width: usize, height: usize) -> Option<String> {
    if width == 0 || height == 0 {
        return None;
    }
    let mut image =
        rqrr::PreparedImage::prepare_from_greyscale(width, height, |x, y| luma[y * width + x]);
    image
        .detect_grids()
        .into_iter()
        .find_map(|g| g.decode().ok().map(|(_, text)| text))
}
