//! The body the desk builds for Primero's API (`intake::primero::body`), checked against
//! Primero's own rules read from its source (`tests/fixtures/primero_contract.json` names the
//! files and commits): whatever she answered and whatever she decided with staff, the body
//! passes for the standard GBV and CP modules; a broken body fails at the JSON pointer
//! Primero would name; and nothing is sent that she did not decide in person.
mod common;

use common::handoff;
use intake::clock::Minutes;
use intake::desk::decisions::{
    Adult, ChildConsent, ChildView, Decisions, Entry, Initials, Report, Share,
};
use intake::handoff::{Handoff, KioskId};
use intake::primero::body::{body, case_id};
use intake::primero::case::{NotForPrimero, PrimeroCase};
use intake::primero::contract::{Contract, Problem};
use intake::primero::flags::urgent_needs;
use intake::primero::instance::differences;
use intake::primero::mapping::Mapping;
use intake::{Reply, Service, Sex};
use proptest::prelude::*;
use serde_json::{Value, json};

fn contract() -> Contract {
    Contract::parse(include_str!("fixtures/primero_contract.json")).expect("the fixture parses")
}

fn entry(decisions: Decisions) -> Entry {
    Entry {
        decisions,
        by: Initials::parse("LT").expect("initials"),
        at: Minutes(0),
    }
}

/// Staff's decisions: the draft, then every choice made one way or another.
fn decided(h: &Handoff, choices: &[u8]) -> Entry {
    let mut d = Decisions::draft(&h.answers);
    let pick = |i: usize| choices.get(i).copied().unwrap_or(0);
    d.consent_services = Some(pick(0) % 2 == 0);
    d.enter_in_records = Some(true);
    d.count_in_reports = Some(pick(1) % 2 == 0);
    for (i, s) in Service::ALL.into_iter().enumerate() {
        let share =
            [Share::Share, Share::DoNotShare, Share::DecideLater][usize::from(pick(2 + i)) % 3];
        d.set_share(s, share);
    }
    if d.child.is_some() {
        d.child = Some(ChildConsent {
            child_view: Some(
                [ChildView::Agrees, ChildView::DoesNotAgree][usize::from(pick(10)) % 2],
            ),
            adult: Some(
                [
                    Adult::Agrees,
                    Adult::DoesNotAgree,
                    Adult::NotAskedMayBeAbuser,
                ][usize::from(pick(11)) % 3],
            ),
        });
        d.report = Report::NotRequired;
    }
    entry(d)
}

proptest! {
    #[test]
    fn every_body_passes_primeros_rules(h in handoff(), choices in proptest::collection::vec(any::<u8>(), 12), kiosk in any::<u16>()) {
        let e = decided(&h, &choices);
        for mapping in [Mapping::gbv(), Mapping::cp()] {
            let b = body(KioskId(kiosk), &h, &e, &mapping);
            prop_assert_eq!(contract().check(&b), Vec::<Problem>::new(), "{}", b);
            let data = &b["data"];
            let id = case_id(KioskId(kiosk), &h);
            prop_assert_eq!(data["id"].as_str(), Some(id.as_str()));
            prop_assert!(!b.to_string().contains("private"), "never the private room");
            prop_assert!(data.get("age_group").is_none() && data.get("age").is_none());
            if !matches!(h.answers.sex, Sex::Female | Sex::Male) {
                prop_assert!(data.get("sex").is_none(), "sex only when female or male");
            }
            // A child's information is disclosed only with a parent's or guardian's agreement.
            if let Some(c) = e.decisions.child && c.adult != Some(Adult::Agrees) {
                prop_assert_ne!(data.get("disclosure_other_orgs"), Some(&json!(true)));
                for field in mapping.share_fields.values() {
                    prop_assert_ne!(data.get(field), Some(&json!("true")));
                }
            }
        }
    }
}

proptest! {
    #[test]
    fn a_flag_goes_only_where_staff_ticked_it_and_she_has_the_need(
        h in handoff(),
        choices in proptest::collection::vec(any::<u8>(), 12),
        urgent in any::<bool>(),
        interpreter in any::<bool>(),
        records in any::<bool>(),
    ) {
        let mut e = decided(&h, &choices);
        e.decisions.flag_urgent = urgent;
        e.decisions.flag_interpreter = interpreter;
        e.decisions.enter_in_records = Some(records);
        let made = PrimeroCase::new(KioskId(1), &h, &e, &Mapping::gbv(), "Khmer");
        if !records {
            prop_assert_eq!(made, Err(NotForPrimero::NoAgreementToRecords));
            return Ok(());
        }
        let case = made.expect("agreed to records");
        let has_urgent = urgent && !urgent_needs(&h.answers).is_empty();
        let has_interpreter = interpreter && h.answers.interpreter.is_yes();
        prop_assert_eq!(case.flags.len(), usize::from(has_urgent) + usize::from(has_interpreter));
        prop_assert_eq!(case.flags.iter().any(|m| m.contains("Urgent at intake")), has_urgent);
        prop_assert_eq!(case.flags.iter().any(|m| m.contains("Needs an interpreter: Khmer")), has_interpreter);
        prop_assert_eq!(case.flag_bodies().len(), case.flags.len());
        // The same case gives the same flags: a resumed push can tell which are there.
        let again = PrimeroCase::new(KioskId(1), &h, &e, &Mapping::gbv(), "Khmer").expect("same");
        prop_assert_eq!(again.flags, case.flags);
    }
}

#[test]
fn the_standard_mappings_match_primeros_own_forms() {
    assert_eq!(
        differences(&Mapping::gbv(), &contract()),
        Vec::<String>::new()
    );
    assert_eq!(
        differences(&Mapping::cp(), &contract()),
        Vec::<String>::new()
    );
    let mut other = Mapping::gbv();
    other.module_id = "primeromodule-mrm".into();
    assert!(differences(&other, &contract())[0].contains("not on this instance"));
}

fn woman() -> Handoff {
    let mut h = common::largest_handoff();
    h.answers.age_band = intake::AgeBand::Adult;
    h.answers.sex = Sex::Female;
    h.answers.consent_services = Reply::Yes;
    h
}

#[test]
fn what_she_decided_is_sent_in_primeros_types() {
    let h = woman();
    let mut d = Decisions::draft(&h.answers);
    d.consent_services = Some(true);
    d.enter_in_records = Some(true);
    d.count_in_reports = Some(false);
    d.set_share(Service::Health, Share::Share);
    d.set_share(Service::Police, Share::DoNotShare);
    d.set_share(Service::Legal, Share::DecideLater);
    let b = body(KioskId(7), &h, &entry(d), &Mapping::gbv());
    let data = &b["data"];
    assert_eq!(data["module_id"], "primeromodule-gbv");
    assert_eq!(
        data["consent_for_services"],
        json!(true),
        "a tick box is a boolean"
    );
    assert_eq!(
        data["consent_to_share_info_by_health"], "true",
        "a radio is an option id"
    );
    assert_eq!(
        data["consent_to_share_info_by_security"], "false",
        "police → security"
    );
    assert!(
        data.get("consent_to_share_info_by_legal").is_none(),
        "decide later: nothing"
    );
    assert_eq!(data["sex"], "female");
    let rows = data["action_plan_section"].as_array().expect("rows");
    assert_eq!(
        rows.len(),
        7,
        "every chosen service with a standard type (social work has none)"
    );
    assert_ne!(rows[0]["unique_id"], rows[1]["unique_id"]);
    assert_eq!(
        body(
            KioskId(7),
            &h,
            &entry(Decisions::draft(&h.answers)),
            &Mapping::gbv()
        )["data"]["id"],
        data["id"],
        "the same case, the same id"
    );
    assert_ne!(case_id(KioskId(8), &h), case_id(KioskId(7), &h));
}

#[test]
fn a_broken_body_fails_where_primero_would_say() {
    let h = woman();
    let mut d = Decisions::draft(&h.answers);
    d.consent_services = Some(true);
    d.set_share(Service::Health, Share::Share);
    let good = body(KioskId(1), &h, &entry(d), &Mapping::gbv());
    assert_eq!(contract().check(&good), vec![]);
    let broken = |f: &dyn Fn(&mut Value)| {
        let mut b = good.clone();
        f(&mut b);
        contract()
            .check(&b)
            .into_iter()
            .map(|p| p.pointer)
            .collect::<Vec<_>>()
    };
    assert_eq!(
        broken(&|b| b["data"]["consent_for_services"] = json!("yes")),
        ["/data/consent_for_services"]
    );
    assert_eq!(
        broken(&|b| b["data"]["consent_to_share_info_by_health"] = json!("yes")),
        ["/data/consent_to_share_info_by_health"]
    );
    assert_eq!(
        broken(&|b| b["data"]["age_group"] = json!("18_plus")),
        ["/data/age_group"]
    );
    assert_eq!(broken(&|b| b["data"]["id"] = json!("ABC")), ["/data/id"]);
    let upper = good["data"]["id"]
        .as_str()
        .map(str::to_uppercase)
        .unwrap_or_default();
    assert_eq!(broken(&|b| b["data"]["id"] = json!(upper)), ["/data/id"]);
    assert_eq!(
        broken(&|b| b["data"]["action_plan_section"][0]["service_type"] =
            json!("case_management_service")),
        ["/data/action_plan_section/0/service_type"]
    );
    assert_eq!(
        broken(&|b| b["data"]["action_plan_section"][1]["unique_id"] = json!("1")),
        ["/data/action_plan_section/1/unique_id"]
    );
    assert_eq!(
        broken(&|b| b["data"]["module_id"] = json!("primeromodule-xyz")),
        ["/data/module_id"]
    );
    assert_eq!(
        broken(&|b| b["data"]["sex"] = json!("other")),
        ["/data/sex"]
    );
}
