//! Staff passphrases: a generated one by default — six words drawn uniformly from 2,048
//! common Vietnamese words written without accents (11 bits each, 66 bits in all), which
//! any keyboard types the same way — and a strength check for one staff type themselves.
//!
//! The words: `passphrase_words.txt`, made by `scripts/passphrase_words.py` from the
//! Viet11K word list shipped in underthesea (Apache-2.0), ranked by wordfreq's Vietnamese
//! frequencies, with words about violence, the body, death and the like left out (NOTICE.md).

/// The word list, one word per line, sorted.
const WORD_LIST: &str = include_str!("passphrase_words.txt");
/// How many words the list holds: a power of two, so every word is equally likely.
pub const WORD_COUNT: usize = 2048;
/// How many words a generated passphrase has.
pub const GENERATED_WORDS: usize = 6;

/// The words a passphrase is drawn from.
pub fn words() -> impl Iterator<Item = &'static str> {
    WORD_LIST.lines()
}

/// A new passphrase of `GENERATED_WORDS` words separated by spaces, or `None` when the
/// device gives no randomness.
pub fn generate() -> Option<String> {
    let list: Vec<&str> = words().collect();
    if list.len() != WORD_COUNT {
        return None;
    }
    let mut chosen = Vec::with_capacity(GENERATED_WORDS);
    for _ in 0..GENERATED_WORDS {
        let mut two = [0u8; 2];
        getrandom::fill(&mut two).ok()?;
        // 11 of 16 random bits: uniform over 2,048 words, no modulo bias.
        let index = usize::from(u16::from_le_bytes(two)) % WORD_COUNT;
        chosen.push(list[index]);
    }
    Some(chosen.join(" "))
}

/// What a typed passphrase is worth.
#[cfg(feature = "strength")]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Strength {
    /// At least 10^10 guesses by zxcvbn's estimate: kept.
    Strong,
    /// Fewer: refused, with a plain message.
    TooEasy,
}

/// Checks a typed passphrase with zxcvbn (Dropbox's estimator). The generated words count
/// as a dictionary an attacker holds: a passphrase of list words is worth only its words.
#[cfg(feature = "strength")]
pub fn strength(passphrase: &str) -> Strength {
    let list: Vec<&str> = words().collect();
    match zxcvbn::zxcvbn(passphrase, &list).score() {
        zxcvbn::Score::Four => Strength::Strong,
        _ => Strength::TooEasy,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_has_2048_distinct_plain_words() {
        let list: Vec<&str> = words().collect();
        assert_eq!(list.len(), WORD_COUNT);
        let mut sorted = list.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted.len(), WORD_COUNT, "no word twice");
        assert!(
            list.iter()
                .all(|w| (5..=10).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_lowercase())),
            "unaccented lowercase letters only"
        );
    }

    #[test]
    fn a_generated_passphrase_is_six_list_words_and_they_vary() {
        let a = generate().expect("randomness");
        let b = generate().expect("randomness");
        assert_ne!(a, b);
        for p in [&a, &b] {
            let parts: Vec<&str> = p.split(' ').collect();
            assert_eq!(parts.len(), GENERATED_WORDS);
            assert!(parts.iter().all(|w| words().any(|x| x == *w)));
        }
    }

    #[test]
    fn every_word_is_drawn() {
        // 2,048 words × 6 per passphrase: 20,000 passphrases reach every word (each is
        // missed with probability (1 − 1/2048)^120000 ≈ e^−58).
        let mut seen = std::collections::HashSet::new();
        for _ in 0..20_000 {
            for w in generate().expect("randomness").split(' ') {
                seen.insert(w.to_owned());
            }
        }
        assert_eq!(seen.len(), WORD_COUNT);
    }

    #[cfg(feature = "strength")]
    #[test]
    fn generated_passphrases_are_strong_and_easy_ones_are_not() {
        for _ in 0..20 {
            let p = generate().expect("randomness");
            assert_eq!(strength(&p), Strength::Strong, "{p}");
        }
        for easy in [
            "password123",
            "matkhau123456",
            "password2026!",
            "iloveyou2026",
            "1234567890",
            "qwertyuiop",
        ] {
            assert_eq!(strength(easy), Strength::TooEasy, "{easy}");
        }
        // Two list words are two list words, however long they look.
        let two: Vec<&str> = words().take(2).collect();
        assert_eq!(strength(&two.join(" ")), Strength::TooEasy);
    }
}
