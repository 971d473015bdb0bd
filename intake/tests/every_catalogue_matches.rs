//! Every language catalogue in the project — compiled in (`app/lang/`), shipped as a file
//! (`public/lang/`) or used by the tests (`tests/fixtures/lang/`) — has exactly the
//! Vietnamese keys, no empty text and the same placeholders in every text.
use intake::catalogue::{Catalogue, compare, parse};
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn read(path: &Path) -> Catalogue {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    parse(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn catalogues() -> Vec<PathBuf> {
    let mut found = Vec::new();
    for dir in ["app/lang", "public/lang", "tests/fixtures/lang"] {
        let Ok(entries) = std::fs::read_dir(root().join(dir)) else {
            continue;
        };
        for entry in entries.flatten() {
            if entry.path().extension().is_some_and(|e| e == "json") {
                found.push(entry.path());
            }
        }
    }
    found.sort();
    found
}

#[test]
fn every_catalogue_has_the_vietnamese_keys_and_placeholders() {
    let vi = read(&root().join("app/lang/vi.json"));
    let all = catalogues();
    assert!(
        all.iter().any(|p| p.ends_with("app/lang/en.json")),
        "English is compiled in"
    );
    let mut failures = Vec::new();
    for path in &all {
        for problem in compare(&vi, &read(path)) {
            failures.push(format!("{}: {problem}", path.display()));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_check_catches_a_missing_key_and_a_changed_placeholder() {
    // The same check as above, on a broken copy of English: it must fail.
    let vi = read(&root().join("app/lang/vi.json"));
    let mut broken = read(&root().join("app/lang/en.json"));
    broken.remove("back");
    broken.insert("idle_body".into(), "The screen will clear soon.".into());
    let problems = compare(&vi, &broken);
    assert_eq!(problems.len(), 2, "{problems:?}");
}

/// Texts a child of 12–15 never sees: the first screens (before her age is known), the
/// wait screen (before her age is asked), and the adult consent and sharing screens, which
/// the child path replaces with its own.
const BEFORE_AGE_OR_ADULT_ONLY: [&str; 13] = [
    "welcome_hello",
    "welcome_exit_note",
    "age_question",
    "prefer_not_to_say",
    "wait_body",
    "consent_what",
    "consent_no_name",
    "consent_code",
    "consent_skip",
    "consent_question",
    "yes_consent",
    "sharing_question",
    "sharing_hint",
];

/// Whether a Vietnamese text speaks to an adult: "bạn" (you), or "tôi" (I) outside
/// "chúng tôi" (we, the staff).
fn speaks_to_an_adult(text: &str) -> bool {
    let text = text.replace("Chúng tôi", "").replace("chúng tôi", "");
    text.split(|c: char| !c.is_alphabetic())
        .any(|w| matches!(w, "bạn" | "Bạn" | "tôi" | "Tôi"))
}

/// What she is told, finding 5: the 12–15 path mixed "em" and "bạn". Every text a child
/// sees that speaks to an adult has a `child_` variant, and no child text speaks to an adult.
#[test]
fn the_child_path_speaks_to_her_as_em() {
    let vi = read(&root().join("app/lang/vi.json"));
    let mut failures = Vec::new();
    for (key, text) in &vi {
        if key.starts_with("child_") {
            if speaks_to_an_adult(text) {
                failures.push(format!("{key} says bạn or tôi: {text}"));
            }
            continue;
        }
        let child_sees = !BEFORE_AGE_OR_ADULT_ONLY.contains(&key.as_str());
        if child_sees && speaks_to_an_adult(text) && !vi.contains_key(&format!("child_{key}")) {
            failures.push(format!("{key} has no child_ variant: {text}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(speaks_to_an_adult("Bạn cần gì?") && !speaks_to_an_adult("Chúng tôi giúp em."));
}
