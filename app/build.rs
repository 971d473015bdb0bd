//! Turns the compiled-in language catalogues (`lang/vi.json`, `lang/en.json`) into typed
//! Rust: a `Texts` struct with one field per key, and one static per language. A key
//! missing from a catalogue stops the build, naming the file and the key.
use std::collections::BTreeMap;
use std::fmt::Write;
use std::path::Path;

const COMPILED_IN: [(&str, &str); 2] = [("VI", "lang/vi.json"), ("EN", "lang/en.json")];

fn read(path: &str) -> BTreeMap<String, String> {
    println!("cargo::rerun-if-changed={path}");
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn main() {
    let reference = read(COMPILED_IN[0].1);
    let mut out = String::new();
    out.push_str(
        "/// Every text a survivor sees, in one language (one field per catalogue key).\n",
    );
    out.push_str("pub struct Texts {\n");
    for key in reference.keys() {
        let _ = writeln!(out, "    pub {key}: &'static str,");
    }
    out.push_str("}\n\n");
    for (name, path) in COMPILED_IN {
        let catalogue = read(path);
        for key in catalogue.keys() {
            assert!(reference.contains_key(key), "{path}: unknown key `{key}`");
        }
        let _ = writeln!(out, "pub static {name}: Texts = Texts {{");
        for key in reference.keys() {
            let text = catalogue
                .get(key)
                .unwrap_or_else(|| panic!("{path}: missing key `{key}`"));
            let _ = writeln!(out, "    {key}: {text:?},");
        }
        out.push_str("};\n\n");
    }
    // A loaded catalogue is read key by key, in this order.
    let _ = writeln!(out, "pub const KEYS: [&str; {}] = [", reference.len());
    for key in reference.keys() {
        let _ = writeln!(out, "    {key:?},");
    }
    out.push_str("];\n\n");
    out.push_str("impl Texts {\n");
    out.push_str("    /// Builds a catalogue from texts given in the order of `KEYS`.\n");
    let _ = writeln!(
        out,
        "    pub fn from_ordered(t: &[&'static str; {}]) -> Texts {{",
        reference.len()
    );
    out.push_str("        Texts {\n");
    for (i, key) in reference.keys().enumerate() {
        let _ = writeln!(out, "            {key}: t[{i}],");
    }
    out.push_str("        }\n    }\n\n");
    // The child path (12–15) reads `child_K` wherever a catalogue has one, in place of `K`.
    out.push_str("    /// The child path's words: each `child_K` text in place of `K`.\n");
    out.push_str("    pub fn for_child(&self) -> Texts {\n        Texts {\n");
    for key in reference.keys() {
        let child = format!("child_{key}");
        let from = if reference.contains_key(&child) {
            &child
        } else {
            key
        };
        let _ = writeln!(out, "            {key}: self.{from},");
    }
    out.push_str("        }\n    }\n");
    out.push_str("}\n\n");
    let dest = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("texts.rs");
    std::fs::write(dest, out).expect("write the generated catalogue");
}
