//! The text form of a code: a neutral prefix, the format version, then digits only.
//!
//! `TK` · one version digit · the sealed bytes, seven at a time, each group written as 17
//! digits (2^56 < 10^17; a shorter last group gets the fewest digits that hold it) and
//! followed by its Damm check digit. Nothing but the version is in the clear: the sealed
//! bytes are an ephemeral key, a kiosk hint and a ciphertext, different in every code.
//!
//! Digits survive keyboard-wedge scanners on any layout and use QR numeric mode. Every code
//! of a format version has the same length.

use super::check_digit;

/// The fixed prefix: reads like a queue ticket, says nothing about the centre's purpose.
/// `T` and `K` sit in the same place on QWERTY, AZERTY and QWERTZ keyboards.
pub const PREFIX: &str = "TK";

/// Total bytes sealed in every code of this version: encapsulated key + kiosk hint +
/// ciphertext + tag.
pub(crate) const SEALED_LEN: usize = 32 + super::hint::HINT_LEN + super::PLAINTEXT_LEN + 16;

const GROUP_BYTES: usize = 7;

/// Number of characters after the prefix: the version digit, then each group's digits and
/// its check digit.
pub const CODE_DIGITS: usize = 1 + digits_for(SEALED_LEN);

/// Digits needed to write `len` bytes, check digits included.
const fn digits_for(len: usize) -> usize {
    let full = len / GROUP_BYTES;
    let rest = len % GROUP_BYTES;
    let last = if rest == 0 {
        0
    } else {
        digits_for_group(rest) + 1
    };
    full * (digits_for_group(GROUP_BYTES) + 1) + last
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

/// Writes the version and the sealed bytes as the code's text.
pub(crate) fn encode(version: u8, bytes: &[u8]) -> String {
    encode_with(PREFIX, version, bytes)
}

/// Writes `bytes` of any length after `prefix` and a version digit, in the same groups of
/// digits with their check digits (another desk's kiosk list uses this, with its own prefix).
pub(crate) fn encode_with(prefix: &str, version: u8, bytes: &[u8]) -> String {
    let mut out = String::with_capacity(prefix.len() + 1 + digits_for(bytes.len()));
    out.push_str(prefix);
    out.push(char::from(b'0' + version % 10));
    for group in bytes.chunks(GROUP_BYTES) {
        let value = group.iter().fold(0u64, |acc, b| (acc << 8) | u64::from(*b));
        let width = digits_for_group(group.len());
        let digits = format!("{value:0width$}");
        let values: Vec<u8> = digits.bytes().map(|b| b - b'0').collect();
        out.push_str(&digits);
        out.push(char::from(b'0' + check_digit::check_digit(&values)));
    }
    out
}

/// Why text is not a code of this version.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TextError {
    /// No prefix: this is some other barcode or text.
    NotACode,
    /// The prefix is there, with another format's version digit.
    Version(u8),
    /// The prefix and version are there but the digits are wrong in number, value or check.
    Damaged,
}

/// Reads the code's text back into sealed bytes, checking every group's check digit. A
/// scanner set to the wrong keyboard layout types symbols instead of digits: that is
/// `Damaged`, and the desk says to scan again. Surrounding whitespace and a trailing
/// newline (a scanner's Enter) are ignored; the prefix is matched in either case (a
/// scanner with caps lock on types it in lower case).
pub(crate) fn decode(text: &str, version: u8) -> Result<Vec<u8>, TextError> {
    let digits = digits_after(text, PREFIX, version)?;
    // Every character of a code is ASCII: anything longer or shorter is damaged, refused
    // before it is read any further.
    if digits.len() != CODE_DIGITS - 1 {
        return Err(TextError::Damaged);
    }
    read_groups(&digits, SEALED_LEN)
}

/// Reads text written by [`encode_with`] back, whatever its length up to `max_len` bytes.
pub(crate) fn decode_with(
    text: &str,
    prefix: &str,
    version: u8,
    max_len: usize,
) -> Result<Vec<u8>, TextError> {
    let digits = digits_after(text, prefix, version)?;
    let full = digits.len() / (digits_for_group(GROUP_BYTES) + 1);
    let rest = digits.len() % (digits_for_group(GROUP_BYTES) + 1);
    let last = match rest {
        0 => 0,
        _ => (1..GROUP_BYTES)
            .find(|k| digits_for_group(*k) + 1 == rest)
            .ok_or(TextError::Damaged)?,
    };
    let len = full * GROUP_BYTES + last;
    if len > max_len {
        return Err(TextError::Damaged);
    }
    read_groups(&digits, len)
}

/// The digits after `prefix` and the version digit.
fn digits_after(text: &str, prefix: &str, version: u8) -> Result<Vec<u8>, TextError> {
    let text = text.trim();
    let prefix_ok = text
        .get(..prefix.len())
        .is_some_and(|p| p.eq_ignore_ascii_case(prefix));
    if !prefix_ok {
        return Err(TextError::NotACode);
    }
    let mut chars = text[prefix.len()..].chars();
    match chars.next().and_then(|c| c.to_digit(10)) {
        Some(v) if v == u32::from(version) => {}
        Some(v) => return Err(TextError::Version(v as u8)),
        None => return Err(TextError::Damaged),
    }
    chars
        .map(|c| c.to_digit(10).map(|d| d as u8))
        .collect::<Option<Vec<u8>>>()
        .ok_or(TextError::Damaged)
}

/// `len` bytes from groups of digits, each checked.
fn read_groups(digits: &[u8], len: usize) -> Result<Vec<u8>, TextError> {
    if digits.len() != digits_for(len) {
        return Err(TextError::Damaged);
    }
    let mut out = Vec::with_capacity(len);
    let mut remaining = len;
    let mut at = 0;
    while remaining > 0 {
        let n = remaining.min(GROUP_BYTES);
        let width = digits_for_group(n);
        let group = &digits[at..at + width + 1];
        if !check_digit::is_valid(group) {
            return Err(TextError::Damaged);
        }
        let value = group[..width]
            .iter()
            .try_fold(0u64, |acc, d| {
                acc.checked_mul(10)?.checked_add(u64::from(*d))
            })
            .ok_or(TextError::Damaged)?;
        if value >> (8 * n) != 0 {
            return Err(TextError::Damaged);
        }
        out.extend((0..n).rev().map(|i| (value >> (8 * i)) as u8));
        at += width + 1;
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
        let text = encode(2, &bytes);
        assert_eq!(text.len(), PREFIX.len() + CODE_DIGITS);
        assert_eq!(&text[..3], "TK2");
        assert_eq!(decode(&format!("  {text}\n"), 2), Ok(bytes));
    }

    #[test]
    fn bytes_of_any_length_round_trip_with_their_own_prefix() {
        for len in 0..40 {
            let bytes: Vec<u8> = (0..len).map(|i| (i * 53 + 7) as u8).collect();
            let text = encode_with("DK", 1, &bytes);
            assert_eq!(decode_with(&text, "DK", 1, 64), Ok(bytes.clone()), "{len}");
            assert_eq!(decode_with(&text, "TK", 1, 64), Err(TextError::NotACode));
            if len > 0 {
                // One digit changed is caught by its group's check digit.
                let mut d: Vec<char> = text.chars().collect();
                let at = 4;
                d[at] = if d[at] == '0' { '1' } else { '0' };
                let changed: String = d.into_iter().collect();
                assert_eq!(decode_with(&changed, "DK", 1, 64), Err(TextError::Damaged));
                assert_eq!(
                    decode_with(&text[..text.len() - 1], "DK", 1, 64),
                    Err(TextError::Damaged)
                );
            }
        }
        assert_eq!(
            decode_with(&encode_with("DK", 1, &[1; 30]), "DK", 1, 29),
            Err(TextError::Damaged)
        );
    }

    #[test]
    fn another_version_digit_is_told_apart() {
        let text = encode(2, &[7u8; SEALED_LEN]);
        assert_eq!(decode(&text, 3), Err(TextError::Version(2)));
    }

    #[test]
    fn a_group_larger_than_its_bytes_is_damaged_even_with_a_valid_check() {
        let bytes = vec![0xffu8; SEALED_LEN];
        let text = encode(2, &bytes);
        // The last group is short; a value above its byte range must not wrap around.
        let last_width = digits_for_group(SEALED_LEN % GROUP_BYTES);
        let start = text.len() - last_width - 1;
        let digits = vec![9u8; last_width];
        let check = check_digit::check_digit(&digits);
        let forged = format!("{}{}{check}", &text[..start], "9".repeat(last_width));
        assert_eq!(decode(&forged, 2), Err(TextError::Damaged));
    }
}
