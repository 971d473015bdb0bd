//! Fuzzing run of the handoff text decoder and opener: N arbitrary and mutated inputs,
//! counting panics (there must be none). Kept out of `make test`; run with `make fuzz`.
//!
//! Inputs: a quarter arbitrary bytes as text, a quarter arbitrary digits behind the prefix
//! (right and wrong lengths), half single and multiple mutations of genuine codes
//! (digit changes, symbols a mis-set scanner types, deletions, insertions, truncation, Unicode).

use intake::handoff::{
    CODE_DIGITS, EnrolledKiosk, Handoff, HandoffId, KeyPair, KioskLetter, Ticket, open, seal,
};
use intake::{Answers, Reply};
use std::panic::{AssertUnwindSafe, catch_unwind};

#[path = "support/inputs.rs"]
mod inputs;
use inputs::Inputs;

const ODD: [&str; 8] = ["&", "é", "\"", "'", "ç", "à", "\u{0}", "ệ"];

fn mutate(code: &str, r: &mut Inputs) -> String {
    let mut chars: Vec<String> = code.chars().map(String::from).collect();
    for _ in 0..1 + r.below(3) {
        if chars.is_empty() {
            chars.push("7".to_owned());
        }
        let at = r.below(chars.len());
        match r.below(6) {
            0 => chars[at] = ((b'0' + r.below(10) as u8) as char).to_string(),
            1 => chars[at] = ODD[r.below(ODD.len())].to_owned(),
            2 if chars.len() > 1 => {
                chars.remove(at);
            }
            3 => chars.insert(at, ((b'0' + r.below(10) as u8) as char).to_string()),
            4 => chars.truncate(at),
            _ => {
                chars[at] = char::from_u32(r.next() as u32 % 0x11_0000)
                    .unwrap_or('x')
                    .to_string()
            }
        }
    }
    chars.concat()
}

fn main() {
    let n: u64 = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(1_000_000);
    let staff = KeyPair::generate().expect("randomness");
    let kiosk = KeyPair::generate().expect("randomness");
    let kiosks = [EnrolledKiosk {
        public: kiosk.public().clone(),
        letter: KioskLetter::DEFAULT,
        state: intake::handoff::KioskState::Enrolled,
        state_since_minutes: intake::clock::Minutes(0),
        last_seen_minutes: intake::clock::Minutes(0),
    }];
    let now = intake::handoff::build_minutes() + intake::clock::Span(1);
    let answers = Answers {
        consent_services: Reply::Yes,
        ..Answers::default()
    };
    let codes: Vec<String> = (0..16)
        .map(|i| {
            let h = Handoff {
                created_minutes: now,
                id: HandoffId::random().expect("randomness"),
                ticket: Ticket {
                    letter: KioskLetter::DEFAULT,
                    number: i + 1,
                },
                answers: answers.clone(),
            };
            seal(&h, staff.public(), &kiosk, now).expect("seals")
        })
        .collect();

    std::panic::set_hook(Box::new(|_| {}));
    let mut r = Inputs(0x9e37_79b9_7f4a_7c15);
    let (mut panics, mut opened, mut rejected, mut altered_opened) = (0u64, 0u64, 0u64, 0u64);
    for i in 0..n {
        let input = match i % 4 {
            0 => {
                let len = r.below(300);
                let bytes: Vec<u8> = (0..len).map(|_| r.next() as u8).collect();
                String::from_utf8_lossy(&bytes).into_owned()
            }
            1 => {
                // Right and wrong lengths, the right version digit and others.
                let len = CODE_DIGITS - 10 + r.below(20);
                let digits: String = (0..len)
                    .map(|_| (b'0' + r.below(10) as u8) as char)
                    .collect();
                let version = if r.below(4) == 0 { r.below(10) } else { 2 };
                format!("TK{version}{digits}")
            }
            _ => mutate(&codes[r.below(codes.len())], &mut r),
        };
        let result = catch_unwind(AssertUnwindSafe(|| {
            open(
                &input,
                std::slice::from_ref(&staff),
                &kiosks,
                now,
                intake::clock::Span(24 * 60),
            )
        }));
        match result {
            Err(_) => panics += 1,
            Ok(Ok(_)) if codes.iter().any(|c| c.eq_ignore_ascii_case(input.trim())) => opened += 1,
            Ok(Ok(_)) => altered_opened += 1,
            Ok(Err(_)) => rejected += 1,
        }
    }
    println!(
        "fuzz_open: {n} inputs, {panics} panics, {rejected} rejected, {opened} unchanged codes opened, {altered_opened} altered codes opened"
    );
    if panics > 0 || altered_opened > 0 {
        std::process::exit(1);
    }
}
