//! What the tool's tests share: running the tool in a directory, keys with a backup.
#![allow(dead_code)] // each test file uses its own part

pub mod primero_instance;

use std::path::Path;
use std::process::{Command, Output};

/// The passphrase of the test backups, given on standard input as a script would.
pub const PASSPHRASE: &str = "a test passphrase, never on the command line";

pub fn handoff(dir: &Path, args: &[&str]) -> Output {
    handoff_with(dir, args, &[])
}

/// Runs the tool with `env` set (the Primero password, in the push tests).
pub fn handoff_with(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_handoff"))
        .current_dir(dir)
        .args(args)
        .envs(env.iter().copied())
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("runs");
    if let Some(mut input) = child.stdin.take() {
        // The tool may not read it (most commands do not): a closed pipe is fine.
        let _ = writeln!(input, "{PASSPHRASE}");
    }
    child.wait_with_output().expect("runs")
}

/// Makes `NAME.key` and `NAME.pub`, and the key's wrapped backup `NAME.backup`.
pub fn keys_with_backup(dir: &Path, name: &str) {
    assert!(handoff(dir, &["keygen", "--out", name]).status.success());
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(dir.join(format!("{name}.key")))
            .expect("key written")
            .permissions()
            .mode();
        assert_eq!(
            mode & 0o077,
            0,
            "a private key is readable by its owner alone"
        );
    }
    let wrapped = handoff(dir, &["wrap", &format!("{name}.key")]);
    assert!(wrapped.status.success(), "{wrapped:?}");
    std::fs::write(dir.join(format!("{name}.backup")), &wrapped.stdout).expect("write");
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn temp_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("handoff-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

/// A staff key with its backup (`staff.*`) and a kiosk key (`kiosk.*`).
pub fn staff_and_kiosk(dir: &Path) {
    keys_with_backup(dir, "staff");
    assert!(handoff(dir, &["keygen", "--out", "kiosk"]).status.success());
}

/// A case recorded at the desk: the sample answers changed by `answers`, sealed by
/// `kiosk.key` to `staff.pub`, and the decisions file the desk would export after `decide`
/// (written to `NAME.json`). Returns her code.
pub fn recorded_case(
    dir: &Path,
    name: &str,
    answers: impl FnOnce(&mut serde_json::Value),
    decide: impl FnOnce(&mut intake::desk::decisions::Decisions),
) -> String {
    use intake::desk::decisions::{Decisions, Entry, Initials};
    use intake::primero::decisions_file::DecisionsFile;
    let mut sample: serde_json::Value =
        serde_json::from_slice(&handoff(dir, &["sample"]).stdout).expect("sample answers");
    answers(&mut sample["answers"]);
    let answers_file = format!("{name}.answers.json");
    std::fs::write(dir.join(&answers_file), sample.to_string()).expect("write");
    let sealed = handoff(
        dir,
        &[
            "seal",
            "--answers",
            &answers_file,
            "--staff-key",
            "staff.pub",
            "--kiosk-key",
            "kiosk.key",
        ],
    );
    assert!(sealed.status.success(), "{sealed:?}");
    let code = stdout(&sealed).trim().to_owned();
    let opened = handoff(
        dir,
        &[
            "open",
            &code,
            "--staff-backup",
            "staff.backup",
            "--kiosks",
            "kiosk.pub",
        ],
    );
    let opened: serde_json::Value = serde_json::from_str(&stdout(&opened)).expect("json");
    let hex = opened["handoff_id"].as_str().expect("id");
    let mut id = [0u8; 8];
    for (i, b) in id.iter_mut().enumerate() {
        *b = u8::from_str_radix(&hex[2 * i..2 * i + 2], 16).expect("hex");
    }
    let answers: intake::Answers =
        serde_json::from_value(opened["answers"].clone()).expect("answers");
    let mut d = Decisions::draft(&answers);
    decide(&mut d);
    let entry = Entry {
        decisions: d,
        by: Initials::parse("LT").expect("initials"),
        at: intake::clock::Minutes(0),
    };
    let staff_key = std::fs::read_to_string(dir.join("staff.key")).expect("the staff key");
    let staff = intake::handoff::KeyPair::from_private_hex(staff_key.trim()).expect("a key");
    let file =
        DecisionsFile::new(&staff, intake::handoff::HandoffId(id), &code, &entry).expect("seals");
    std::fs::write(
        dir.join(format!("{name}.json")),
        serde_json::to_string(&file).expect("json"),
    )
    .expect("write");
    code
}
