//! Exports of one recorded case as JSON and CSV, the desk's own format: nothing is exported
//! before staff record her decisions. Every name says where its value came from and collides
//! with no Primero field (Primero takes cases only through its API, in its own types: it
//! would drop or refuse these): `kiosk_…` is what she tapped at the kiosk (a wish, never
//! consent), `decided_…` what she decided with staff in person, and `handoff_id` and
//! `case_reference` are the desk's own. The private-room answer is never exported: it is for
//! the desk only.

use super::decisions::{Adult, ChildView, Entry, Report, ReportTo, Share};
use super::records::CaseRef;
use crate::answers::{Children, Wish};
use crate::handoff::Handoff;
use crate::services::Service;
use serde_json::{Map, Value, json};

/// The recorded case as a flat JSON object.
pub fn to_json(handoff: &Handoff, decided: &Entry) -> Value {
    let a = &handoff.answers;
    let d = &decided.decisions;
    let mut o = Map::new();
    o.insert("handoff_id".into(), json!(handoff.id.to_string()));
    o.insert(
        "case_reference".into(),
        json!(CaseRef::of(handoff.id).to_string()),
    );
    o.insert("kiosk_ticket".into(), json!(handoff.ticket.to_string()));
    o.insert(
        "kiosk_month".into(),
        json!(super::month_of(handoff.created_minutes)),
    );
    o.insert(
        "kiosk_screen_language".into(),
        json!(a.session_language.as_str()),
    );
    o.insert(
        "kiosk_spoken_language".into(),
        json!(a.spoken_language.as_str()),
    );
    o.insert("kiosk_interpreter".into(), json!(a.interpreter.as_str()));
    o.insert("kiosk_age_band".into(), json!(a.age_band.as_str()));
    o.insert("kiosk_sex".into(), json!(a.sex.as_str()));
    o.insert("kiosk_disability".into(), json!(a.disability.as_str()));
    o.insert(
        "kiosk_help_now".into(),
        json!(if a.help_now { "yes" } else { "no" }),
    );
    o.insert("kiosk_danger_now".into(), json!(a.danger_now.as_str()));
    o.insert("kiosk_doctor_now".into(), json!(a.doctor_now.as_str()));
    let children = match a.children {
        Children::Count(n) if n >= Children::MAX => json!("5_or_more"),
        Children::Count(n) => json!(n.to_string()),
        Children::Skipped => json!("skipped"),
        Children::NotAsked => json!("not_asked"),
    };
    o.insert("kiosk_children".into(), children);
    o.insert(
        "kiosk_consent_for_services".into(),
        json!(a.consent_services.as_str()),
    );
    o.insert(
        "decided_consent_for_services".into(),
        json!(yes_no(d.consent_services)),
    );
    for s in Service::ALL {
        let share = d.service(s).map_or("not_chosen", |x| x.share.as_str());
        o.insert(format!("decided_share_{}", s.id()), json!(share));
        let needs = d
            .service(s)
            .is_some_and(|x| x.share == Share::Share && x.share_needs);
        o.insert(
            format!("decided_share_needs_{}", s.id()),
            json!(yes_no(Some(needs))),
        );
    }
    for s in Service::ALL {
        // Her wish at the kiosk, to be confirmed with her in person before anything is shared.
        let wish = if a.services.contains(s) {
            a.sharing.wish(s)
        } else {
            Wish::NotAsked
        };
        o.insert(
            format!("kiosk_sharing_wish_{}", s.id()),
            json!(wish.as_str()),
        );
    }
    let chosen: Vec<&str> = a.services.iter().map(Service::id).collect();
    o.insert("kiosk_services".into(), json!(chosen));
    o.insert(
        "kiosk_talk_first".into(),
        json!(if a.talk_first { "yes" } else { "no" }),
    );
    o.insert(
        "kiosk_consent_for_statistics".into(),
        json!(a.consent_statistics.as_str()),
    );
    o.insert(
        "decided_enter_in_records".into(),
        json!(yes_no(d.enter_in_records)),
    );
    o.insert(
        "decided_count_in_reports".into(),
        json!(yes_no(d.count_in_reports)),
    );
    let (child_view, adult) = match d.child {
        None => ("not_a_child", "not_a_child"),
        Some(c) => (
            match c.child_view {
                Some(ChildView::Agrees) => "agrees",
                Some(ChildView::DoesNotAgree) => "does_not_agree",
                None => "not_recorded",
            },
            match c.adult {
                Some(Adult::Agrees) => "agrees",
                Some(Adult::DoesNotAgree) => "does_not_agree",
                Some(Adult::NotAskedMayBeAbuser) => "not_asked_may_be_abuser",
                Some(Adult::NotReachable) => "not_reachable",
                None => "not_recorded",
            },
        ),
    };
    o.insert("decided_child_view".into(), json!(child_view));
    o.insert("decided_adult_consent".into(), json!(adult));
    let (report, to, at) = match d.report {
        Report::Undecided => ("undecided", "", String::new()),
        Report::NotRequired => ("not_required", "", String::new()),
        Report::Required => ("required_not_yet_made", "", String::new()),
        Report::Made { to, at } => (
            "made",
            to.map_or("", ReportTo::as_str),
            super::local_moment(at),
        ),
    };
    o.insert("decided_mandatory_report".into(), json!(report));
    o.insert("decided_mandatory_report_to".into(), json!(to));
    o.insert("decided_mandatory_report_at".into(), json!(at));
    o.insert("decided_by".into(), json!(decided.by.as_str()));
    o.insert("decided_at".into(), json!(super::local_moment(decided.at)));
    Value::Object(o)
}

fn yes_no(v: Option<bool>) -> &'static str {
    match v {
        Some(true) => "yes",
        Some(false) => "no",
        None => "not_recorded",
    }
}

/// The case as CSV: a header row and one row, lists joined with `;`.
pub fn to_csv(handoff: &Handoff, decided: &Entry) -> String {
    let Value::Object(o) = to_json(handoff, decided) else {
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
    use crate::desk::decisions::{Decisions, Initials};
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

    fn decided(h: &Handoff) -> Entry {
        let mut d = Decisions::draft(&h.answers);
        d.set_share(Service::Health, Share::DecideLater);
        d.enter_in_records = Some(true);
        d.count_in_reports = Some(false);
        Entry {
            decisions: d,
            by: Initials::parse("LT").expect("initials"),
            at: crate::clock::Minutes(29_400_000),
        }
    }

    #[test]
    fn the_json_export_holds_her_decisions_apart_from_her_kiosk_wishes() {
        let h = case();
        let v = to_json(&h, &decided(&h));
        assert_eq!(v["decided_consent_for_services"], "yes");
        assert_eq!(
            v["decided_share_health"], "decide_later",
            "decided in person"
        );
        assert_eq!(v["decided_share_police"], "do_not_share");
        assert_eq!(v["decided_share_legal"], "not_chosen");
        assert_eq!(v["kiosk_sharing_wish_health"], "yes", "her tap, a wish");
        assert_eq!(v["kiosk_sharing_wish_police"], "no");
        assert_eq!(v["kiosk_sharing_wish_legal"], "not_asked");
        assert_eq!(v["decided_by"], "LT");
        assert_eq!(v["decided_at"], "2025-11-24 23:00");
        assert_eq!(v["case_reference"], CaseRef::of(h.id).to_string());
        assert_eq!(v["decided_child_view"], "not_a_child");
        assert_eq!(v["kiosk_services"], json!(["health", "police"]));
        assert_eq!(v["kiosk_ticket"], "A-042");
    }

    #[test]
    fn no_exported_name_is_a_primero_field() {
        // Names on Primero's GBV and CP case forms (primeroIMS/primero, db/forms/case/*.rb
        // at v1.8.17; docs in shared/design/primero.md): a desk export must not pass for them.
        const PRIMERO: [&str; 14] = [
            "id",
            "module_id",
            "sex",
            "age",
            "age_group",
            "language",
            "service_type",
            "consent_for_services",
            "consent_reporting",
            "disclosure_other_orgs",
            "disability_type",
            "gbv_disability_type",
            "registration_date",
            "case_id_display",
        ];
        let h = case();
        let Value::Object(o) = to_json(&h, &decided(&h)) else {
            panic!("an object");
        };
        for key in o.keys() {
            assert!(!PRIMERO.contains(&key.as_str()), "{key} is a Primero field");
            assert!(!key.starts_with("consent_to_share_info_by_"), "{key}");
            assert!(
                key.starts_with("kiosk_")
                    || key.starts_with("decided_")
                    || ["handoff_id", "case_reference"].contains(&key.as_str()),
                "{key} says where it came from"
            );
        }
    }

    #[test]
    fn the_private_room_answer_is_never_exported() {
        let mut h = case();
        h.answers.private_room = Reply::Yes;
        let e = decided(&h);
        let json = to_json(&h, &e).to_string();
        let csv = to_csv(&h, &e);
        for text in [&json, &csv] {
            assert!(
                !text.contains("private") && !text.contains("room"),
                "{text}"
            );
        }
        assert_eq!(
            to_json(&h, &e),
            to_json(&case(), &e),
            "the answer changes nothing exported"
        );
    }

    #[test]
    fn the_csv_export_has_one_header_and_one_row_of_the_same_width() {
        let h = case();
        let csv = to_csv(&h, &decided(&h));
        let lines: Vec<&str> = csv.lines().collect();
        assert_eq!(lines.len(), 2);
        assert!(lines[0].contains("kiosk_sharing_wish_health"));
        assert_eq!(lines[0].split(',').count(), lines[1].split(',').count());
        assert!(lines[1].contains("health;police"));
    }

    #[test]
    fn csv_fields_with_commas_or_quotes_are_quoted() {
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_field("plain"), "plain");
    }
}
