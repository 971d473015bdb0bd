//! Fuzzing run of the centre configuration parser: N arbitrary and mutated inputs, counting
//! panics (there must be none). Kept out of `make test`; run by `make bench` (with and
//! without the `field-paths` feature, so both the handoff tool's and the kiosk's way of
//! reading JSON are covered).
//!
//! Inputs: a tenth arbitrary bytes as text, three tenths byte-level mutations of genuine
//! configurations (changed, deleted and inserted bytes, JSON punctuation, truncation),
//! six tenths structural mutations (a value somewhere in the tree replaced by another type
//! or an extreme value, a key removed, an array emptied or grown).

use intake::config::CentreConfig;
use serde_json::{Map, Value};
use std::panic::{AssertUnwindSafe, catch_unwind};

const SEEDS: [&str; 2] = [
    include_str!("../../public/centre.json"),
    include_str!("../../tests/fixtures/centre-test.json"),
];

#[path = "support/inputs.rs"]
mod inputs;
use inputs::Inputs;

const PUNCTUATION: &[u8] = b"{}[]:,\"\\0123456789-.eE tfn";

fn byte_mutation(seed: &str, r: &mut Inputs) -> String {
    let mut bytes = seed.as_bytes().to_vec();
    for _ in 0..1 + r.below(4) {
        if bytes.is_empty() {
            bytes.push(b'{');
        }
        let at = r.below(bytes.len());
        match r.below(5) {
            0 => bytes[at] = r.next() as u8,
            1 => {
                bytes.remove(at);
            }
            2 => bytes.insert(at, PUNCTUATION[r.below(PUNCTUATION.len())]),
            3 => bytes.truncate(at),
            _ => bytes[at] = PUNCTUATION[r.below(PUNCTUATION.len())],
        }
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

/// A value of any type, often one a validator must think about (huge, negative, empty,
/// long, not ASCII, a path that leaves the origin).
fn odd_value(r: &mut Inputs) -> Value {
    const STRINGS: [&str; 10] = [
        "",
        "vi",
        "xx-Invalid",
        "https://example.org/a.json",
        "../../etc/passwd.json",
        "lang/qaa.json",
        "Ngôi nhà Ánh Dương",
        "\u{0}\u{202e}",
        "0000000000000000000000000000000000000000000000000000000000000000",
        "d703ea365cf7df0ef580433002e4fa60da77df7b98ce39739ccc90c4408a3258",
    ];
    match r.below(9) {
        0 => Value::Null,
        1 => Value::Bool(r.below(2) == 0),
        2 => Value::from(r.next() as i64),
        3 => Value::from([0u64, 1, 5, 59, 60, 3600, u32::MAX as u64, u64::MAX][r.below(8)]),
        4 => Value::from(-1.5e300),
        5 => Value::from(STRINGS[r.below(STRINGS.len())]),
        6 => Value::from("x".repeat(r.below(5000))),
        7 => Value::Array(vec![Value::from("vi"); r.below(40)]),
        _ => Value::Object(Map::new()),
    }
}

/// Walks to a random node and changes it.
fn tree_mutation(value: &mut Value, r: &mut Inputs) {
    match value {
        Value::Object(map) if !map.is_empty() && r.below(4) != 0 => {
            let key = map
                .keys()
                .nth(r.below(map.len()))
                .cloned()
                .unwrap_or_default();
            match r.below(6) {
                0 => {
                    map.remove(&key);
                }
                1 => {
                    map.insert(format!("{key}_extra"), odd_value(r));
                }
                _ => {
                    if let Some(child) = map.get_mut(&key) {
                        tree_mutation(child, r);
                    }
                }
            }
        }
        Value::Array(items) if !items.is_empty() && r.below(4) != 0 => match r.below(5) {
            0 => items.clear(),
            1 => {
                let copy = items[0].clone();
                items.extend(std::iter::repeat_n(copy, 1 + r.below(30)));
            }
            _ => {
                let at = r.below(items.len());
                tree_mutation(&mut items[at], r);
            }
        },
        other => *other = odd_value(r),
    }
}

fn main() {
    let n: u64 = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(1_000_000);
    let trees: Vec<Value> = SEEDS
        .iter()
        .map(|s| serde_json::from_str(s).expect("the seed configurations are JSON"))
        .collect();
    for seed in SEEDS {
        CentreConfig::parse(seed).expect("the seed configurations are valid");
    }

    std::panic::set_hook(Box::new(|_| {}));
    let mut r = Inputs(0x2545_f491_4f6c_dd1d);
    let (mut panics, mut accepted, mut rejected) = (0u64, 0u64, 0u64);
    for i in 0..n {
        let input = match i % 10 {
            0 => {
                let len = r.below(600);
                let bytes: Vec<u8> = (0..len).map(|_| r.next() as u8).collect();
                String::from_utf8_lossy(&bytes).into_owned()
            }
            1..=3 => byte_mutation(SEEDS[r.below(SEEDS.len())], &mut r),
            _ => {
                let mut tree = trees[r.below(trees.len())].clone();
                for _ in 0..1 + r.below(3) {
                    tree_mutation(&mut tree, &mut r);
                }
                tree.to_string()
            }
        };
        // An accepted configuration is then used as the kiosk uses it.
        let result = catch_unwind(AssertUnwindSafe(|| match CentreConfig::parse(&input) {
            Ok(config) => {
                let _ = config.staff_key();
                let _ = config.extra_languages().count();
                true
            }
            Err(e) => {
                let _ = e.to_string();
                false
            }
        }));
        match result {
            Err(_) => panics += 1,
            Ok(true) => accepted += 1,
            Ok(false) => rejected += 1,
        }
    }
    let reading = if cfg!(feature = "field-paths") {
        "with field paths"
    } else {
        "as in the kiosk"
    };
    println!(
        "fuzz_config ({reading}): {n} inputs, {panics} panics, {rejected} rejected, {accepted} accepted"
    );
    if panics > 0 {
        std::process::exit(1);
    }
}
