//! An admin makes demo keys, seals the sample answers, opens the code and draws it.

mod support;

use std::path::Path;
use std::process::Command;
use support::{handoff, keys_with_backup, recorded_case, staff_and_kiosk, stdout, temp_dir};

#[test]
fn sample_answers_seal_and_open_to_the_same_answers() {
    let dir = temp_dir("round");
    staff_and_kiosk(&dir);
    let sample = handoff(&dir, &["sample"]);
    std::fs::write(dir.join("a.json"), &sample.stdout).expect("write");
    let sealed = handoff(
        &dir,
        &[
            "seal",
            "--answers",
            "a.json",
            "--staff-key",
            "staff.pub",
            "--kiosk-key",
            "kiosk.key",
        ],
    );
    assert!(
        sealed.status.success(),
        "{}",
        String::from_utf8_lossy(&sealed.stderr)
    );
    let code = stdout(&sealed).trim().to_owned();
    assert!(code.starts_with("TK"));

    let opened = handoff(
        &dir,
        &[
            "open",
            &code,
            "--staff-backup",
            "staff.backup",
            "--kiosks",
            "kiosk.pub",
        ],
    );
    assert!(opened.status.success());
    let got: serde_json::Value = serde_json::from_str(&stdout(&opened)).expect("json");
    let want: serde_json::Value = serde_json::from_slice(&sample.stdout).expect("json");
    assert_eq!(got["answers"], want["answers"]);
    assert_eq!(got["ticket"], "A-042");

    let qr = handoff(&dir, &["qr", &code, "--out", "code.svg"]);
    assert!(qr.status.success());
    let svg = std::fs::read_to_string(dir.join("code.svg")).expect("svg written");
    assert!(svg.contains("<svg"));
}

#[test]
fn each_kind_of_failure_has_its_own_exit_code() {
    let dir = temp_dir("codes");
    for name in ["staff", "kiosk", "other"] {
        keys_with_backup(&dir, name);
    }
    std::fs::write(dir.join("a.json"), handoff(&dir, &["sample"]).stdout).expect("write");
    let code = stdout(&handoff(
        &dir,
        &[
            "seal",
            "--answers",
            "a.json",
            "--staff-key",
            "staff.pub",
            "--kiosk-key",
            "kiosk.key",
        ],
    ))
    .trim()
    .to_owned();
    let mut damaged = code.clone().into_bytes();
    let last = damaged.len() - 5;
    damaged[last] = if damaged[last] == b'1' { b'2' } else { b'1' };
    let damaged = String::from_utf8(damaged).expect("ascii");
    let other_version = format!("TK3{}", &code[3..]);
    let cases: [(&str, &[&str], i32); 6] = [
        (
            "https://example.org",
            &["--staff-backup", "staff.backup", "--kiosks", "kiosk.pub"],
            2,
        ),
        (
            &other_version,
            &["--staff-backup", "staff.backup", "--kiosks", "kiosk.pub"],
            3,
        ),
        (
            &damaged,
            &["--staff-backup", "staff.backup", "--kiosks", "kiosk.pub"],
            4,
        ),
        // Another desk's key and a kiosk not enrolled here look the same in format 2:
        // nothing in the clear says which.
        (
            &code,
            &["--staff-backup", "other.backup", "--kiosks", "kiosk.pub"],
            5,
        ),
        (
            &code,
            &["--staff-backup", "staff.backup", "--kiosks", "other.pub"],
            5,
        ),
        (
            &code,
            &[
                "--staff-backup",
                "staff.backup",
                "--kiosks",
                "other.pub",
                "--revoked",
                "kiosk.pub",
            ],
            6,
        ),
    ];
    for (text, rest, want) in cases {
        let mut args = vec!["open", text];
        args.extend_from_slice(rest);
        let out = handoff(&dir, &args);
        assert_eq!(
            out.status.code(),
            Some(want),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(
            String::from_utf8_lossy(&out.stderr).lines().count(),
            1,
            "one line"
        );
    }
    // An older staff key after the current one, and the kiosk among others with its letter.
    let older = handoff(
        &dir,
        &[
            "open",
            &code,
            "--staff-backup",
            "other.backup,staff.backup",
            "--kiosks",
            "B=other.pub,A=kiosk.pub",
        ],
    );
    assert!(older.status.success(), "{older:?}");
    assert!(stdout(&older).contains("\"letter_warning\": null"));
    let bad = handoff(&dir, &["open", &code, "--staff-key", "missing.key"]);
    assert_eq!(bad.status.code(), Some(1));
}

#[test]
fn check_config_and_check_language_name_what_is_wrong() {
    let dir = temp_dir("checks");
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let ok = handoff(
        &dir,
        &[
            "check-config",
            &root.join("public/centre.json").display().to_string(),
        ],
    );
    assert!(ok.status.success(), "{ok:?}");
    assert!(
        stdout(&ok).contains("uses the shipped DEMO staff key"),
        "the demo configuration is said to be one: {ok:?}"
    );

    // The retired `demo_keys` flag is refused by name.
    let old = dir.join("old.json");
    let text = std::fs::read_to_string(root.join("public/centre.json")).expect("demo config");
    std::fs::write(&old, text.replacen('{', "{\n  \"demo_keys\": false,", 1)).expect("write");
    let refused = handoff(&dir, &["check-config", &old.display().to_string()]);
    assert_eq!(refused.status.code(), Some(1));
    let err = String::from_utf8_lossy(&refused.stderr);
    assert!(
        err.contains("demo_keys") && err.contains("no longer used"),
        "{err}"
    );

    // A wrong type deep in the file is named by its path, not only its line.
    let bad = dir.join("centre.json");
    let text = std::fs::read_to_string(root.join("public/centre.json")).expect("demo config");
    std::fs::write(
        &bad,
        text.replacen(
            "\"idle_seconds\": ",
            "\"idle_seconds\": \"ninety\", \"x\": ",
            1,
        ),
    )
    .expect("write");
    let refused = handoff(&dir, &["check-config", &bad.display().to_string()]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&refused.stderr).contains("idle_seconds"),
        "{refused:?}"
    );

    let pseudo = root.join("tests/fixtures/lang/qaa.json");
    let ok = handoff(&dir, &["check-language", &pseudo.display().to_string()]);
    assert!(ok.status.success(), "{ok:?}");
    let broken = dir.join("xx.json");
    std::fs::write(&broken, r#"{"back": "Back {0}"}"#).expect("write");
    let refused = handoff(&dir, &["check-language", &broken.display().to_string()]);
    assert_eq!(refused.status.code(), Some(1));
    let err = String::from_utf8_lossy(&refused.stderr);
    assert!(
        err.contains("missing key `quick_exit`") && err.contains("`back` has placeholders"),
        "{err}"
    );
}

#[test]
fn a_reader_that_goes_away_ends_the_tool_quietly() {
    // `handoff sample | head -0`: the pipe's reading end is closed before the tool writes.
    let (reader, writer) = std::io::pipe().expect("a pipe");
    drop(reader);
    let out = Command::new(env!("CARGO_BIN_EXE_handoff"))
        .arg("sample")
        .stdout(writer)
        .stderr(std::process::Stdio::piped())
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{:?}: {stderr}", out.status);
    assert!(stderr.is_empty(), "nothing said on a closed pipe: {stderr}");
}

#[test]
fn a_real_staff_key_is_read_only_from_its_backup_and_no_passphrase_on_the_command_line() {
    let dir = temp_dir("backup-only");
    keys_with_backup(&dir, "staff");
    keys_with_backup(&dir, "kiosk");
    let code = {
        std::fs::write(dir.join("a.json"), handoff(&dir, &["sample"]).stdout).expect("write");
        let sealed = handoff(
            &dir,
            &[
                "seal",
                "--answers",
                "a.json",
                "--staff-key",
                "staff.pub",
                "--kiosk-key",
                "kiosk.key",
            ],
        );
        stdout(&sealed).trim().to_owned()
    };
    let raw = handoff(
        &dir,
        &[
            "open",
            &code,
            "--staff-key",
            "staff.key",
            "--kiosks",
            "kiosk.pub",
        ],
    );
    assert_eq!(raw.status.code(), Some(1), "a raw real key is refused");
    assert!(String::from_utf8_lossy(&raw.stderr).contains("--staff-backup"));
    let on_line = handoff(
        &dir,
        &["wrap", "staff.key", "--passphrase", "in my history"],
    );
    assert_eq!(on_line.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&on_line.stderr).contains("not taken"));
    let wrong = Command::new(env!("CARGO_BIN_EXE_handoff"))
        .current_dir(&dir)
        .args([
            "open",
            &code,
            "--staff-backup",
            "staff.backup",
            "--kiosks",
            "kiosk.pub",
        ])
        .stdin(std::process::Stdio::null())
        .output()
        .expect("runs");
    assert!(!wrong.status.success(), "no passphrase, no key");
    // The shipped demo key may still be given raw (tests and demos).
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let demo = root.join("tests/fixtures/demo-staff.key");
    let demo_code = stdout(&handoff(
        &dir,
        &[
            "seal",
            "--answers",
            "a.json",
            "--staff-key",
            &root
                .join("tests/fixtures/demo-staff.pub")
                .display()
                .to_string(),
            "--kiosk-key",
            "kiosk.key",
        ],
    ))
    .trim()
    .to_owned();
    let opened = handoff(
        &dir,
        &[
            "open",
            &demo_code,
            "--staff-key",
            &demo.display().to_string(),
            "--kiosks",
            "kiosk.pub",
        ],
    );
    assert!(opened.status.success(), "{opened:?}");
}

#[test]
fn apply_config_writes_the_neutral_title_and_refuses_one_that_names_the_centre() {
    let dir = temp_dir("apply");
    let dist = dir.join("dist");
    std::fs::create_dir_all(dist.join("setup")).expect("dirs");
    let page = "<!doctype html><html><head><title>Old</title></head><body></body></html>";
    std::fs::write(dist.join("index.html"), page).expect("write");
    // A page whose closing tag comes first is refused, not sliced.
    std::fs::write(dist.join("setup/index.html"), "</title> odd <title>").expect("write");
    std::fs::write(dist.join("manifest.webmanifest"), "{}").expect("write");
    let defaults = dir.join("defaults.json");
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../public/centre.json"),
        &defaults,
    )
    .expect("copy");
    let odd = handoff(&dir, &["apply-config", "defaults.json", "dist"]);
    assert_eq!(odd.status.code(), Some(1), "{odd:?}");
    assert!(String::from_utf8_lossy(&odd.stderr).contains("no <title>"));
    assert!(
        std::fs::read_to_string(dist.join("index.html"))
            .expect("page")
            .contains("<title>Old</title>"),
        "a refusal leaves dist/ as it was"
    );
    std::fs::write(dist.join("setup/index.html"), page).expect("write");
    std::fs::write(
        dist.join("manifest.webmanifest"),
        r#"{"name": "Old", "short_name": "Old", "display": "fullscreen"}"#,
    )
    .expect("write");
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut config: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(root.join("public/centre.json")).expect("demo config"),
    )
    .expect("json");
    config["page_title"] = serde_json::Value::from("Bảng tin");
    let file = dir.join("centre.json");
    std::fs::write(&file, config.to_string()).expect("write");
    let applied = handoff(&dir, &["apply-config", "centre.json", "dist"]);
    assert!(applied.status.success(), "{applied:?}");
    for page in ["index.html", "setup/index.html"] {
        let html = std::fs::read_to_string(dist.join(page)).expect("page");
        assert!(html.contains("<title>Bảng tin</title>"), "{page}: {html}");
    }
    let manifest: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(dist.join("manifest.webmanifest")).expect("manifest"),
    )
    .expect("json");
    assert_eq!(manifest["name"], "Bảng tin");
    assert_eq!(manifest["short_name"], "Bảng tin");
    assert_eq!(manifest["display"], "fullscreen", "the rest is kept");
    assert!(
        std::fs::read_to_string(dist.join("centre.json"))
            .expect("copied")
            .contains("Bảng tin")
    );
    // The kiosk's welcome screen is drawn into its page from this file, and drawn again,
    // once, when the centre changes it and applies it again.
    let kiosk = std::fs::read_to_string(dist.join("index.html")).expect("page");
    let drawn_from = |text: &str| format!("data-centre=\"{}\"", app::prerender::config_hash(text));
    assert!(kiosk.contains(&drawn_from(&config.to_string())), "{kiosk}");
    assert!(kiosk.contains("Ngôi nhà Ánh Dương"));
    config["name"]["vi"] = serde_json::Value::from("Trung tâm Bình Minh");
    std::fs::write(&file, config.to_string()).expect("write");
    let again = handoff(&dir, &["apply-config", "centre.json", "dist"]);
    assert!(again.status.success(), "{again:?}");
    let kiosk = std::fs::read_to_string(dist.join("index.html")).expect("page");
    assert!(kiosk.contains(&drawn_from(&config.to_string())), "{kiosk}");
    assert_eq!(kiosk.matches("id=\"prerendered\"").count(), 1);
    assert!(kiosk.contains("Trung tâm Bình Minh") && !kiosk.contains("Ngôi nhà Ánh Dương"));
    assert!(
        !std::fs::read_to_string(dist.join("setup/index.html"))
            .expect("page")
            .contains("prerendered"),
        "the setup page draws no welcome screen"
    );
    config["name"]["vi"] = serde_json::Value::from("Ngôi nhà Ánh Dương");

    // A title that names the centre is refused, and nothing is written.
    config["page_title"] = serde_json::Value::from("Ánh Dương kiosk");
    std::fs::write(&file, config.to_string()).expect("write");
    let refused = handoff(&dir, &["apply-config", "centre.json", "dist"]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("page_title"));
    assert!(
        std::fs::read_to_string(dist.join("index.html"))
            .expect("page")
            .contains("<title>Bảng tin</title>")
    );
}

/// Primero's body from a code and the desk's decisions file: opened with the staff key's
/// backup, built from what she decided, and accepted by Primero's rules (the contract
/// fixture); a decisions file for another case is refused.
#[test]
fn a_recorded_case_becomes_a_body_primero_accepts() {
    use intake::desk::decisions::Share;
    use intake::primero::contract::Contract;
    let dir = temp_dir("primero");
    staff_and_kiosk(&dir);
    recorded_case(
        &dir,
        "decisions",
        |_| {},
        |d| {
            d.consent_services = Some(true);
            d.enter_in_records = Some(true);
            d.count_in_reports = Some(true);
            d.set_share(intake::Service::Health, Share::Share);
        },
    );
    let other_code = recorded_case(&dir, "other", |_| {}, |_| {});

    let made = handoff(
        &dir,
        &[
            "primero",
            "body",
            "--decisions",
            "decisions.json",
            "--staff-backup",
            "staff.backup",
            "--kiosks",
            "kiosk.pub",
        ],
    );
    assert!(
        made.status.success(),
        "{}",
        String::from_utf8_lossy(&made.stderr)
    );
    let body: serde_json::Value = serde_json::from_str(&stdout(&made)).expect("json");
    let contract = Contract::parse(include_str!(
        "../../intake/tests/fixtures/primero_contract.json"
    ))
    .expect("fixture");
    assert_eq!(contract.check(&body), vec![], "{body}");
    assert_eq!(body["data"]["consent_to_share_info_by_health"], "true");
    assert_eq!(body["data"]["consent_for_services"], true);

    let wrong = handoff(
        &dir,
        &[
            "primero",
            "body",
            &other_code,
            "--decisions",
            "decisions.json",
            "--staff-backup",
            "staff.backup",
            "--kiosks",
            "kiosk.pub",
        ],
    );
    assert!(!wrong.status.success());
    assert!(String::from_utf8_lossy(&wrong.stderr).contains("another case"));
}
