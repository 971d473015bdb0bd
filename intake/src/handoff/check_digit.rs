//! Damm check digits: one per group of a code's digits, so a mistyped or mangled code is
//! told apart from a genuine code that this desk cannot open.
//!
//! Damm's algorithm (H. M. Damm, 2004) catches every single-digit error and every swap of
//! two neighbouring digits. It is a 10×10 table (a totally anti-symmetric quasigroup of
//! order 10) and a fold. The one crate that implements it (`damm` 0.1, 2018) works on
//! `u128` numbers and has not been updated since; the table is short enough to keep here,
//! checked against the published example below.

/// Damm's quasigroup of order 10, as published.
const TABLE: [[u8; 10]; 10] = [
    [0, 3, 1, 7, 5, 9, 8, 6, 4, 2],
    [7, 0, 9, 2, 1, 5, 4, 8, 6, 3],
    [4, 2, 0, 6, 8, 7, 1, 3, 5, 9],
    [1, 7, 5, 0, 9, 8, 3, 4, 2, 6],
    [6, 1, 2, 3, 0, 4, 5, 9, 7, 8],
    [3, 6, 7, 4, 2, 0, 9, 5, 8, 1],
    [5, 8, 6, 9, 7, 2, 0, 1, 3, 4],
    [8, 9, 4, 5, 3, 6, 2, 0, 1, 7],
    [9, 4, 3, 8, 6, 1, 7, 2, 0, 5],
    [2, 5, 8, 1, 4, 3, 6, 7, 9, 0],
];

/// The check digit of `digits` (each 0–9). Digits above 9 are the caller's error: they
/// are reduced modulo 10 rather than panicking.
pub(crate) fn check_digit(digits: &[u8]) -> u8 {
    digits.iter().fold(0u8, |interim, d| {
        TABLE[usize::from(interim)][usize::from(d % 10)]
    })
}

/// Whether `digits`, ending in their check digit, are intact.
pub(crate) fn is_valid(digits_with_check: &[u8]) -> bool {
    check_digit(digits_with_check) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_published_example_572_gets_4() {
        assert_eq!(check_digit(&[5, 7, 2]), 4);
        assert!(is_valid(&[5, 7, 2, 4]));
    }

    #[test]
    fn every_single_digit_error_and_neighbour_swap_is_caught() {
        let digits = [3u8, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8, 9, 7, 9, 3, 2];
        let mut with_check = digits.to_vec();
        with_check.push(check_digit(&digits));
        assert!(is_valid(&with_check));
        for i in 0..with_check.len() {
            for d in 0..10u8 {
                if d == with_check[i] {
                    continue;
                }
                let mut changed = with_check.clone();
                changed[i] = d;
                assert!(!is_valid(&changed), "digit {i} changed to {d}");
            }
            if i + 1 < with_check.len() && with_check[i] != with_check[i + 1] {
                let mut swapped = with_check.clone();
                swapped.swap(i, i + 1);
                assert!(!is_valid(&swapped), "digits {i} and {} swapped", i + 1);
            }
        }
    }
}
