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
