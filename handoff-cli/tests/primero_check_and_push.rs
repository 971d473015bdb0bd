//! `handoff primero check` and `push` against a stand-in instance on 127.0.0.1 that applies
//! Primero's rules (tests/support/primero_instance.rs): the mapping is compared with the
//! instance before anything is sent; each case goes once with the flags staff ticked; a push
//! cut between a case and its flags resumes without a duplicate flag; a refusal names
//! Primero's pointers; nothing goes without her agreement to case records.
mod support;

use intake::desk::decisions::{Decisions, Share};
use intake::primero::contract::Contract;
use std::path::{Path, PathBuf};
use std::process::Output;
use support::primero_instance::{Instance, PASSWORD, USER};
use support::{handoff_with, recorded_case, staff_and_kiosk, temp_dir};

/// The demo centre's configuration: it names her spoken language in an interpreter flag.
const CONFIG: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../public/centre.json");

fn contract() -> Contract {
    Contract::parse(include_str!(
        "../../intake/tests/fixtures/primero_contract.json"
    ))
    .expect("the fixture parses")
}

fn primero(dir: &Path, instance: &Instance, args: &[&str]) -> Output {
    let mut all = vec!["primero"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--url", &instance.url, "--user", USER]);
    handoff_with(dir, &all, &[("PRIMERO_PASSWORD", PASSWORD)])
}

fn push(dir: &Path, instance: &Instance, files: &[&str]) -> Output {
    let mut args = vec!["push"];
    args.extend_from_slice(files);
    args.extend_from_slice(&[
        "--staff-backup",
        "staff.backup",
        "--kiosks",
        "kiosk.pub",
        "--config",
        CONFIG,
    ]);
    primero(dir, instance, &args)
}

fn lines(o: &Output) -> Vec<String> {
    String::from_utf8_lossy(&o.stdout)
        .lines()
        .map(str::to_owned)
        .collect()
}

fn agreed(d: &mut Decisions) {
    d.consent_services = Some(true);
    d.enter_in_records = Some(true);
    d.count_in_reports = Some(true);
    d.set_share(intake::Service::Health, Share::Share);
}

/// Two recorded cases: `urgent.json` (help now, in danger, an interpreter; both flags
/// ticked) and `calm.json` (the sample: a doctor now, but no flag ticked).
fn two_cases(name: &str) -> PathBuf {
    let dir = temp_dir(name);
    staff_and_kiosk(&dir);
    recorded_case(
        &dir,
        "urgent",
        |a| {
            a["help_now"] = true.into();
            a["danger_now"] = "yes".into();
            a["interpreter"] = "yes".into();
            a["spoken_language"] = "tyz".into();
        },
        |d| {
            agreed(d);
            d.flag_urgent = true;
            d.flag_interpreter = true;
        },
    );
    recorded_case(&dir, "calm", |_| {}, agreed);
    dir
}

#[test]
fn check_names_every_field_and_option_the_instance_lacks() {
    let dir = temp_dir("primero-check");
    let same = Instance::start(contract());
    let ok = primero(&dir, &same, &["check"]);
    assert!(ok.status.success(), "{ok:?}");
    assert!(lines(&ok)[0].contains("defines every field and option"));
    let cp = primero(&dir, &same, &["check", "--module", "cp"]);
    assert!(cp.status.success(), "{cp:?}");

    let mut c = contract();
    let gbv = c.modules.get_mut("primeromodule-gbv").expect("gbv");
    gbv.remove("consent_to_share_info_by_legal");
    if let Some(f) = gbv.get_mut("consent_for_services") {
        f.kind = "radio_button".into();
    }
    c.lookups
        .get_mut("lookup-service-type")
        .expect("services")
        .retain(|o| o != "psychosocial_service");
    let differs = Instance::start(c);
    let found = primero(&dir, &differs, &["check"]);
    assert_eq!(found.status.code(), Some(7), "{found:?}");
    let said = lines(&found);
    assert_eq!(said.len(), 3, "{said:?}");
    assert!(
        said.iter()
            .any(|l| l.contains("consent_to_share_info_by_legal: not on"))
    );
    assert!(
        said.iter()
            .any(|l| l.contains("consent_for_services: a radio_button here"))
    );
    assert!(
        said.iter()
            .any(|l| l.contains("option psychosocial_service is not in lookup-service-type"))
    );
    // Nothing was written to the instance by a check.
    assert_eq!(differs.with(|s| s.writes), 0);

    let wrong = handoff_with(
        &dir,
        &["primero", "check", "--url", &same.url, "--user", USER],
        &[("PRIMERO_PASSWORD", "not it")],
    );
    assert!(!wrong.status.success());
    assert!(String::from_utf8_lossy(&wrong.stderr).contains("password was refused"));
    let plain = handoff_with(
        &dir,
        &[
            "primero",
            "check",
            "--url",
            "http://primero.example.org",
            "--user",
            USER,
        ],
        &[("PRIMERO_PASSWORD", PASSWORD)],
    );
    assert!(String::from_utf8_lossy(&plain.stderr).contains("https://"));
}

#[test]
fn each_case_goes_once_with_the_flags_staff_ticked() {
    let dir = two_cases("primero-push");
    let instance = Instance::start(contract());
    let first = push(&dir, &instance, &["urgent.json", "calm.json"]);
    assert!(first.status.success(), "{first:?}");
    let said = lines(&first);
    assert!(
        said[0].starts_with("urgent.json: sent") && said[0].contains("2 flag(s)"),
        "{said:?}"
    );
    assert!(
        said[1].starts_with("calm.json: sent") && said[1].contains("0 flag(s)"),
        "{said:?}"
    );
    let (cases, flags) = instance.with(|s| (s.cases.clone(), s.flags.clone()));
    assert_eq!(cases.len(), 2);
    let urgent: Vec<&Vec<String>> = flags.values().collect();
    assert_eq!(
        urgent.len(),
        1,
        "only the case with ticked flags has any: {flags:?}"
    );
    assert_eq!(urgent[0].len(), 2);
    assert!(urgent[0][0].contains("in danger now") && urgent[0][0].contains("needs help now"));
    assert!(urgent[0][0].contains("needs a doctor now"));
    assert!(urgent[0][1].contains("Needs an interpreter: Tày"));
    for case in cases.values() {
        assert!(case.get("private_room").is_none());
    }

    // Again: the journal knows both are there; nothing is written.
    let writes = instance.with(|s| s.writes);
    let again = push(&dir, &instance, &["urgent.json", "calm.json"]);
    assert!(again.status.success(), "{again:?}");
    assert!(lines(&again).iter().all(|l| l.contains(": already there")));
    assert_eq!(instance.with(|s| s.writes), writes);

    // Without the journal (another machine): 409 for each, flags read back, none posted.
    std::fs::remove_file(dir.join("primero-journal.sealed")).expect("journal");
    let fresh = push(&dir, &instance, &["urgent.json", "calm.json"]);
    assert!(fresh.status.success(), "{fresh:?}");
    assert!(lines(&fresh).iter().all(|l| l.contains(": already there")));
    assert_eq!(instance.with(|s| s.flags.clone()), flags, "no flag twice");
    assert_eq!(instance.with(|s| s.cases.len()), 2);
}

#[test]
fn a_push_cut_between_a_case_and_its_flags_resumes_without_a_duplicate() {
    let dir = two_cases("primero-cut");
    let instance = Instance::start(contract());
    // The first flag is kept by the instance but its answer never comes back.
    instance.with(|s| s.lose_flag_answers = 1);
    let cut = push(&dir, &instance, &["urgent.json", "calm.json"]);
    assert_eq!(cut.status.code(), Some(8), "{cut:?}");
    let said = lines(&cut);
    assert!(
        said[0].starts_with("urgent.json: flags missing"),
        "{said:?}"
    );
    assert!(
        said[1].starts_with("calm.json: not sent") && said[1].contains("not tried"),
        "{said:?}"
    );
    assert_eq!(instance.with(|s| s.cases.len()), 1);

    let journal = std::fs::read_to_string(dir.join("primero-journal.sealed")).expect("journal");
    let id = instance
        .with(|s| s.cases.keys().next().cloned())
        .expect("a case");
    assert!(
        !journal.contains(&id) && !journal.contains("interpreter"),
        "sealed"
    );

    let resumed = push(&dir, &instance, &["urgent.json", "calm.json"]);
    assert!(resumed.status.success(), "{resumed:?}");
    let said = lines(&resumed);
    assert!(
        said[0].starts_with("urgent.json: already there"),
        "{said:?}"
    );
    assert!(said[1].starts_with("calm.json: sent"), "{said:?}");
    let flags = instance.with(|s| s.flags.get(&id).cloned()).expect("flags");
    assert_eq!(flags.len(), 2, "each flag once: {flags:?}");
    assert_ne!(flags[0], flags[1]);
}

#[test]
fn a_newer_primero_signs_in_with_basic_credentials_and_a_dropped_field_is_said() {
    let dir = two_cases("primero-basic");
    let instance = Instance::start(contract());
    instance.with(|s| {
        s.no_bearer = true;
        s.unwritable = vec!["consent_for_services".into()];
    });
    let pushed = push(&dir, &instance, &["calm.json"]);
    assert_eq!(pushed.status.code(), Some(8), "{pushed:?}");
    let said = lines(&pushed);
    assert!(
        said[0].starts_with("calm.json: sent, but Primero did not keep consent_for_services"),
        "{said:?}"
    );
    assert_eq!(instance.with(|s| s.cases.len()), 1);

    // The same journal means nothing for another instance: the training instance's push
    // does not make the live one "already there".
    let live = Instance::start(contract());
    let to_live = push(&dir, &live, &["calm.json"]);
    assert!(to_live.status.success(), "{to_live:?}");
    assert!(lines(&to_live)[0].starts_with("calm.json: sent"));
    assert_eq!(live.with(|s| s.cases.len()), 1);

    // An interpreter flag names her language from the centre's configuration: without it
    // the push stops before anything is sent.
    let mut args = vec![
        "primero",
        "push",
        "urgent.json",
        "--url",
        &live.url,
        "--user",
        USER,
    ];
    args.extend_from_slice(&["--staff-backup", "staff.backup", "--kiosks", "kiosk.pub"]);
    let writes = live.with(|s| s.writes);
    let no_config = handoff_with(&dir, &args, &[("PRIMERO_PASSWORD", PASSWORD)]);
    assert!(!no_config.status.success());
    assert!(String::from_utf8_lossy(&no_config.stderr).contains("--config"));
    assert_eq!(live.with(|s| s.writes), writes);

    // A journal locked by a push still running (or cut short) is not used twice at once.
    std::fs::write(dir.join("primero-journal.sealed.lock"), "").expect("lock");
    let locked = push(&dir, &live, &["urgent.json"]);
    assert!(String::from_utf8_lossy(&locked.stderr).contains("another push is running"));
    assert_eq!(live.with(|s| s.writes), writes);

    // A decisions file changed in Downloads (a refusal made an agreement) is refused.
    std::fs::remove_file(dir.join("primero-journal.sealed.lock")).expect("unlock");
    let mut file: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("calm.json")).expect("file"))
            .expect("json");
    let c = file["decided"]["ciphertext"]
        .as_str()
        .expect("sealed")
        .to_owned();
    let flipped = if c.ends_with('0') { '1' } else { '0' };
    file["decided"]["ciphertext"] = format!("{}{flipped}", &c[..c.len() - 1]).into();
    std::fs::write(dir.join("changed.json"), file.to_string()).expect("write");
    let changed = push(&dir, &live, &["changed.json"]);
    assert!(!changed.status.success());
    assert!(String::from_utf8_lossy(&changed.stderr).contains("the file was changed"));
}

#[test]
fn a_refusal_names_primeros_pointers_and_nothing_goes_without_her_agreement() {
    let dir = two_cases("primero-refused");
    let instance = Instance::start(contract());
    instance.with(|s| s.required = Some("survivor_code_no".into()));
    let refused = push(&dir, &instance, &["urgent.json", "calm.json"]);
    assert_eq!(refused.status.code(), Some(8));
    let said = lines(&refused);
    assert_eq!(said.len(), 2);
    for l in &said {
        assert!(
            l.contains(": refused (") && l.contains("/data/survivor_code_no: is required"),
            "{l}"
        );
    }
    assert!(instance.with(|s| s.cases.is_empty()));

    recorded_case(
        &dir,
        "no-records",
        |_| {},
        |d| {
            agreed(d);
            d.enter_in_records = Some(false);
        },
    );
    let writes = instance.with(|s| s.writes);
    let none = push(&dir, &instance, &["calm.json", "no-records.json"]);
    assert!(!none.status.success());
    assert!(String::from_utf8_lossy(&none.stderr).contains("case records"));
    assert!(lines(&none).is_empty());
    assert_eq!(
        instance.with(|s| s.writes),
        writes,
        "nothing sent, not even the other case"
    );
}
