//! Language catalogues: one JSON file per language, a flat object of key → text.
//!
//! Vietnamese is the reference. Every other catalogue must have exactly its keys, no empty
//! text, and the same placeholders (`{0}`, `{1}`…) in each text — a missing placeholder
//! would drop a number she needs to see ("the screen clears in {0} seconds").
use std::collections::BTreeMap;

/// A catalogue as read from its file.
pub type Catalogue = BTreeMap<String, String>;

/// What is wrong with a catalogue, against the reference.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CatalogueProblem {
    #[error("not a flat JSON object of texts: {0}")]
    NotACatalogue(String),
    #[error("missing key `{0}`")]
    Missing(String),
    #[error("unknown key `{0}` (not in the Vietnamese catalogue)")]
    Unknown(String),
    #[error("empty text for `{0}`")]
    Empty(String),
    #[error("`{key}` has placeholders {found:?}, the Vietnamese text has {expected:?}")]
    Placeholders {
        key: String,
        expected: Vec<u32>,
        found: Vec<u32>,
    },
}

/// Reads a catalogue file's text.
///
/// Read the same way as the centre configuration, which also keeps the kiosk's wasm from
/// carrying a second copy of the JSON reader.
pub fn parse(text: &str) -> Result<Catalogue, CatalogueProblem> {
    crate::json::read(text)
        .map_err(|e| CatalogueProblem::NotACatalogue(format!("{}: {}", e.place, e.message)))
}

/// The numbered placeholders in `text`, sorted: `"{1} of {0}"` → `[0, 1]`.
pub fn placeholders(text: &str) -> Vec<u32> {
    let mut found = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        rest = &rest[open + 1..];
        if let Some(close) = rest.find('}')
            && let Ok(n) = rest[..close].parse::<u32>()
        {
            // Kept in order as found (a handful at most; no sort code in the kiosk's wasm).
            found.insert(found.partition_point(|&x| x < n), n);
        }
    }
    found
}

/// Every problem of `other` against `reference`; empty when it may be used.
pub fn compare(reference: &Catalogue, other: &Catalogue) -> Vec<CatalogueProblem> {
    let mut problems = Vec::new();
    for (key, text) in reference {
        match other.get(key) {
            None => problems.push(CatalogueProblem::Missing(key.clone())),
            Some(t) if t.trim().is_empty() => problems.push(CatalogueProblem::Empty(key.clone())),
            Some(t) => {
                let (expected, found) = (placeholders(text), placeholders(t));
                if expected != found {
                    problems.push(CatalogueProblem::Placeholders {
                        key: key.clone(),
                        expected,
                        found,
                    });
                }
            }
        }
    }
    for key in other.keys().filter(|k| !reference.contains_key(*k)) {
        problems.push(CatalogueProblem::Unknown(key.clone()));
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cat(pairs: &[(&str, &str)]) -> Catalogue {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    }

    #[test]
    fn placeholders_are_found_in_any_order() {
        assert_eq!(placeholders("Bước {0} / {1}"), vec![0, 1]);
        assert_eq!(placeholders("{1} of {0}"), vec![0, 1]);
        assert_eq!(placeholders("no braces, {x} is not one"), Vec::<u32>::new());
        assert_eq!(placeholders("{"), Vec::<u32>::new());
    }

    #[test]
    fn every_kind_of_difference_is_reported() {
        let vi = cat(&[("a", "Bước {0} / {1}"), ("b", "Có"), ("c", "Không")]);
        let other = cat(&[("a", "Step {0}"), ("b", " "), ("d", "extra")]);
        assert_eq!(
            compare(&vi, &other),
            vec![
                CatalogueProblem::Placeholders {
                    key: "a".into(),
                    expected: vec![0, 1],
                    found: vec![0]
                },
                CatalogueProblem::Empty("b".into()),
                CatalogueProblem::Missing("c".into()),
                CatalogueProblem::Unknown("d".into()),
            ]
        );
        assert_eq!(compare(&vi, &vi), vec![]);
    }

    #[test]
    fn a_file_that_is_not_a_flat_object_is_refused() {
        assert!(matches!(
            parse(r#"{"a": {"nested": "x"}}"#),
            Err(CatalogueProblem::NotACatalogue(_))
        ));
        assert!(matches!(
            parse("[1, 2]"),
            Err(CatalogueProblem::NotACatalogue(_))
        ));
        assert_eq!(parse(r#"{"a": "b"}"#), Ok(cat(&[("a", "b")])));
    }
}
