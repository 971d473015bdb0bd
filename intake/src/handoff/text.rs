//! The text form of a code: a neutral prefix, then digits only.
//!
//! Digits survive keyboard-wedge scanners on any layout and use QR numeric mode. Bytes go
//! seven at a time into 17 digits (2^56 < 10^17); a shorter last group gets the fewest
//! digits that hold it. Every code of a format version therefore has the same length.

/// The fixed prefix: reads like a queue ticket, says nothing about the centre's purpose.
/// `T` and `K` sit in the same place on QWERTY, AZERTY and QWERTZ keyboards.
pub const PREFIX: &str = "TK";

/// Total bytes sealed in every code of this version: header + encapsulated key + ciphertext.
pub(crate) const SEALED_LEN: usize = super::HEADER_LEN + 32 + super::PLAINTEXT_LEN + 16;

/// Number of digits after the prefix.
pub const CODE_DIGITS: usize = digits_for(SEALED_LEN);

const GROUP_BYTES: usize = 7;
const GROUP_DIGITS: usize = 17;

/// Digits needed to write `len` bytes.
const fn digits_for(len: usize) -> usize {
    let full = len / GROUP_BYTES;
    let rest = len % GROUP_BYTES;
    full * GROUP_DIGITS + digits_for_group(rest)
}

/// Digits needed to write a group of `n` bytes (n ≤ 7): the length of 256^n − 1 in base 10.
const fn digits_for_group(n: usize) -> usize {
    if n == 0 {
        return 0;
    }
    let mut max: u64 = (1u64 << (8 * n)) - 1;
    let mut d = 0;
    while max > 0 {
        max /= 10;
        d += 1;
    }
    d
}

/// Writes sealed bytes as the code's text.
pub(crate) fn encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(PREFIX.len() + digits_for(bytes.len()));
    out.push_str(PREFIX);
    for group in bytes.chunks(GROUP_BYTES) {
        let value = group.iter().fold(0u64, |acc, b| (acc << 8) | u64::from(*b));
        let width = digits_for_group(group.len());
        out.push_str(&format!("{value:0width$}"));
    }
    out
}

/// Why text is not a code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TextError {
    /// No prefix: this is some other barcode or text.
    NotACode,
    /// The prefix is there but the digits are wrong in number or value.
    Damaged,
}

/// Reads the code's text back into sealed bytes. A scanner set to the wrong keyboard
/// layout types symbols instead of digits: that is `Damaged`, and the desk says to check it.
/// Surrounding whitespace and a trailing
/// newline (a scanner's Enter) are ignored; the prefix is matched in either case.
pub(crate) fn decode(text: &str) -> Result<Vec<u8>, TextError> {
    let text = text.trim();
    let prefix_ok = text
        .get(..PREFIX.len())
        .is_some_and(|p| p.eq_ignore_ascii_case(PREFIX));
    if !prefix_ok {
        return Err(TextError::NotACode);
    }
    let digits: Option<Vec<u8>> = text[PREFIX.len()..]
        .chars()
        .map(|c| c.to_digit(10).map(|d| d as u8))
        .collect();
    let digits = digits.ok_or(TextError::Damaged)?;
    if digits.len() != CODE_DIGITS {
        return Err(TextError::Damaged);
    }
    let mut out = Vec::with_capacity(SEALED_LEN);
    let mut remaining = SEALED_LEN;
    let mut at = 0;
    while remaining > 0 {
        let n = remaining.min(GROUP_BYTES);
        let width = digits_for_group(n);
        let value = digits[at..at + width]
            .iter()
            .try_fold(0u64, |acc, d| {
                acc.checked_mul(10)?.checked_add(u64::from(*d))
            })
            .ok_or(TextError::Damaged)?;
        if n < 8 && value >> (8 * n) != 0 {
            return Err(TextError::Damaged);
        }
        out.extend((0..n).rev().map(|i| (value >> (8 * i)) as u8));
        at += width;
        remaining -= n;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn group_widths_are_the_fewest_digits_that_hold_the_bytes() {
        assert_eq!(digits_for_group(1), 3);
        assert_eq!(digits_for_group(2), 5);
        assert_eq!(digits_for_group(7), 17);
    }

    #[test]
    fn bytes_round_trip_through_digits() {
        let bytes: Vec<u8> = (0..SEALED_LEN).map(|i| (i * 37 + 11) as u8).collect();
        let text = encode(&bytes);
        assert_eq!(text.len(), PREFIX.len() + CODE_DIGITS);
        assert_eq!(decode(&format!("  {text}\n")), Ok(bytes));
    }

    #[test]
    fn a_group_larger_than_its_bytes_is_damaged() {
        let bytes = vec![0xffu8; SEALED_LEN];
        let mut text = encode(&bytes);
        // The last group is short; a value above its byte range must not wrap around.
        text.replace_range(text.len() - 1.., "9");
        assert_eq!(decode(&text), Err(TextError::Damaged));
    }
}
