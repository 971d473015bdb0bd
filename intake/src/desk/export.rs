//! Exports of one case as JSON and CSV, using Primero's field names where they exist
//! (`consent_for_services`, Primero service types). Her sharing choice at the kiosk is a wish
//! (`sharing_wish_<service>`), never written as consent. The private-room answer is never
//! exported: it is for the desk only.

use crate::answers::{Children, Wish};
use crate::handoff::Handoff;
use crate::services::Service;
use serde_json::{Map, Value, json};

/// The case as a flat JSON object with Primero-style field names.
pub fn to_json(handoff: &Handoff) -> Value {
    let a = &handoff.answers;
    let mut o = Map::new();
    o.insert("handoff_id".into(), json!(handoff.id.to_string()));
    o.insert("ticket_number".into(), json!(handoff.ticket.to_string()));
    o.insert(
        "created_month".into(),
        json!(super::month_of(handoff.created_minutes)),
    );
    o.insert("language".into(), json!(a.session_language.as_str()));
    o.insert("language_spoken".into(), json!(a.spoken_language.as_str()));
    o.insert("interpreter_needed".into(), json!(a.interpreter.as_str()));
    o.insert("age_group".into(), json!(a.age_band.as_str()));
    o.insert("sex".into(), json!(a.sex.as_str()));
    o.insert("disability".into(), json!(a.disability.as_str()));
    o.insert(
        "help_now".into(),
        json!(if a.help_now { "yes" } else { "no" }),
    );
    o.insert("danger_now".into(), json!(a.danger_now.as_str()));
    o.insert("needs_doctor_now".into(), json!(a.doctor_now.as_str()));
    let children = match a.children {
        Children::Count(n) if n >= Children::MAX => json!("5_or_more"),
        Children::Count(n) => json!(n.to_string()),
        Children::Skipped => json!("skipped"),
        Children::NotAsked => json!("not_asked"),
    };
    o.insert("children_present".into(), children);
    o.insert(
        "consent_for_services".into(),
        json!(a.consent_services.as_str()),
    );
    for s in Service::ALL {
        // Her wish at the kiosk, to be confirmed with her in person before anything is shared.
        let wish = if a.services.contains(s) {
            a.sharing.wish(s)
        } else {
            Wish::NotAsked
        };
        o.insert(format!("sharing_wish_{}", s.id()), json!(wish.as_str()));
    }
    let types: Vec<&str> = a.services.iter().map(Service::primero_type).collect();
    o.insert("service_type".into(), json!(types));
    o.insert(
        "wants_to_talk_first".into(),
        json!(if a.talk_first { "yes" } else { "no" }),
    );
    o.insert(
        "consent_for_statistics".into(),
        json!(a.consent_statistics.as_str()),
    );
    Value::Object(o)
}

/// The case as CSV: a header row and one row, lists joined with `;`.
pub fn to_csv(handoff: &Handoff) -> String {
    let Value::Object(o) = to_json(handoff) else {
        return String::new();
    };
    let header: Vec<String> = o.keys().map(|k| csv_field(k)).collect();
    let row: Vec<String> = o
        .values()
        .map(|v| match v {
            Value::String(s) => csv_field(s),
            Value::Array(items) => csv_field(
                &items
                    .iter()
                    .filter_map(Value::as_str)
                    .collect::<Vec<_>>()
                    .join(";"),
            ),
            other => csv_field(&other.to_string()),
        })
        .collect();
    format!("{}\n{}\n", header.join(","), row.join(","))
}

/// Quotes a CSV field when it holds a comma, a quote or a line break.
fn csv_field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answers::{AgeBand, Answers, Reply, Sharing};
    use crate::handoff::{HandoffId, KioskLetter, Ticket};
    use crate::services::ServiceSet;

    fn case() -> Handoff {
        Handoff {
            created_minutes: crate::clock::Minutes(29_400_000),
            id: HandoffId([0xab; 8]),
            ticket: Ticket {
                letter: KioskLetter::DEFAULT,
                number: 42,
            },
            answers: Answers {
                age_band: AgeBand::Adult,
                consent_services: Reply::Yes,
                services: ServiceSet::of([Service::Health, Service::Police]),
                sharing: Sharing {
                    yes: ServiceSet::of([Service::Health]),
                    no: ServiceSet::of([Service::Police]),
                    not_sure: ServiceSet::EMPTY,
                },
                ..Answers::default()
            },
        }
    }

    #[test]
    fn the_json_export_uses_primero_names() {
        let v = to_json(&case());
        assert_eq!(v["consent_for_services"], "yes");
        assert_eq!(v["sharing_wish_health"], "yes");
        assert_eq!(v["sharing_wish_police"], "no");
        assert_eq!(v["sharing_wish_legal"], "not_asked");
        assert_eq!(
            v["service_type"],
            json!(["health_medical_service", "police_other_service"])
        );
        assert_eq!(v["ticket_number"], "A-042");
    }

    #[test]
    fn the_private_room_answer_is_never_exported() {
        let mut h = case();
        h.answers.private_room = Reply::Yes;
        let json = to_json(&h).to_string();
        let csv = to_csv(&h);
        for text in [&json, &csv] {
            assert!(
                !text.contains("private") && !text.contains("room"),
                "{text}"
            );
        }
        assert_eq!(
            to_json(&h),
            to_json(&case()),
            "the answer changes nothing exported"
        );
    }

    #[test]
    fn the_csv_export_has_one_header_and_one_row_of_the_same_width() {
        let csv = to_csv(&case());
        let lines: Vec<&str> = csv.lines().collect();
        assert_eq!(lines.len(), 2);
        assert!(lines[0].contains("sharing_wish_health"));
        assert_eq!(lines[0].split(',').count(), lines[1].split(',').count());
        assert!(lines[1].contains("health_medical_service;police_other_service"));
    }

    #[test]
    fn csv_fields_with_commas_or_quotes_are_quoted() {
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_field("plain"), "plain");
    }
}
