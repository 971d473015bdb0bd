//! Reading a QR code from a camera frame (feature `scan`): the staff desk's decoder when the
//! browser has no `BarcodeDetector`. Pure, so the benchmarks and tests run the same code.
//!
//! The decoder is `rxing` (a Rust port of ZXing), trying harder: on the frames of a slip held
//! in a hand (`bench/frames`: tilted, steep with motion blur, dim and noisy, far, glare, a
//! phone's screen) it reads every frame `zbarimg` reads and every far one, where `rqrr`, the
//! desk's decoder before, read a third of them (BENCHMARKS.md, "Reading a code held to the
//! camera").
use rxing::{BarcodeFormat, DecodeHintValue, DecodeHints};

/// Decodes the first QR code in an RGBA frame of `width` × `height` pixels, if any.
pub fn decode_frame(rgba: &[u8], width: usize, height: usize) -> Option<String> {
    let pixels = width.checked_mul(height)?;
    if pixels == 0 || rgba.len() / 4 < pixels {
        return None;
    }
    let luma: Vec<u8> = rgba
        .chunks_exact(4)
        .take(pixels)
        // Integer luma (BT.601).
        .map(|p| ((u32::from(p[0]) * 77 + u32::from(p[1]) * 150 + u32::from(p[2]) * 29) >> 8) as u8)
        .collect();
    decode_grey(luma, width, height)
}

/// Decodes the first QR code in a greyscale frame (one byte a pixel), if any.
pub fn decode_grey(luma: Vec<u8>, width: usize, height: usize) -> Option<String> {
    let (w, h) = (u32::try_from(width).ok()?, u32::try_from(height).ok()?);
    if w == 0 || h == 0 || luma.len() < width.checked_mul(height)? {
        return None;
    }
    let mut hints = DecodeHints::default().with(DecodeHintValue::TryHarder(true));
    rxing::helpers::detect_in_luma_with_hints(luma, w, h, Some(BarcodeFormat::QR_CODE), &mut hints)
        .ok()
        .map(|found| found.getText().to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A code drawn as the screen's QR draws it, `scale` pixels a module, as RGBA.
    fn drawn(text: &str, scale: usize) -> (Vec<u8>, usize) {
        let code = crate::handoff::qr_code(text).expect("a code");
        let (n, quiet) = (code.width(), 4);
        let side = (n + 2 * quiet) * scale;
        let colors = code.to_colors();
        let mut rgba = Vec::with_capacity(side * side * 4);
        for y in 0..side {
            for x in 0..side {
                let (mx, my) = (
                    (x / scale).checked_sub(quiet),
                    (y / scale).checked_sub(quiet),
                );
                let dark = matches!((mx, my), (Some(mx), Some(my)) if mx < n && my < n
                    && colors[my * n + mx].select(true, false));
                let v = if dark { 0 } else { 255 };
                rgba.extend_from_slice(&[v, v, v, 255]);
            }
        }
        (rgba, side)
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]
        /// A camera frame is outside input: whatever it holds — noise, a code torn or
        /// scribbled over — the decoder answers, never panics (a panic would stop the whole
        /// desk's page: its release build aborts).
        #[test]
        fn any_frame_is_answered_without_a_panic(
            seed in proptest::prelude::any::<u64>(),
            scribbles in proptest::collection::vec((0usize..1_000_000, 0u8..=255), 0..4000),
        ) {
            let text = "TK2".to_owned() + &"0123456789".repeat(20);
            let (mut rgba, side) = drawn(&text, 2);
            let mut s = seed;
            for (at, value) in scribbles {
                s = s.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
                let i = (at ^ (s >> 33) as usize) % (side * side);
                rgba[4 * i..4 * i + 3].fill(value);
            }
            let _ = decode_frame(&rgba, side, side);
            let noise: Vec<u8> = (0..side * side * 4).map(|i| {
                s = s.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(i as u64);
                (s >> 56) as u8
            }).collect();
            proptest::prop_assert_eq!(decode_frame(&noise, side, side), None);
        }
    }

    #[test]
    fn a_drawn_code_reads_back_and_a_blank_or_short_frame_reads_nothing() {
        let text = "TK2".to_owned() + &"0123456789".repeat(20);
        let (rgba, side) = drawn(&text, 3);
        assert_eq!(decode_frame(&rgba, side, side), Some(text));
        assert_eq!(decode_frame(&vec![255; side * side * 4], side, side), None);
        assert_eq!(
            decode_frame(&rgba[..100], side, side),
            None,
            "too few pixels"
        );
        assert_eq!(decode_frame(&[], 0, 0), None);
        assert_eq!(decode_frame(&rgba, usize::MAX, 2), None, "no overflow");
    }
}
