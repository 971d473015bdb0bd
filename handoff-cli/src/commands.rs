//! The `handoff` commands.

use crate::args::Args;
use intake::clock::{Minutes, Span};
use intake::handoff::{
    DEFAULT_WINDOW, EnrolledKiosk, Handoff, HandoffId, KeyPair, KioskLetter, KioskState, OpenError,
    Opened, PublicKey, Ticket, TimeWarning, open, qr_code, qr_svg, seal,
};
use intake::{AgeBand, Answers, Children, LangTag, Reply, Service, ServiceSet, Sex, Sharing, Wish};
use serde::{Deserialize, Serialize};
use std::time::{SystemTime, UNIX_EPOCH};

const USAGE: &str = "usage: handoff keygen --out NAME | sample | seal --answers FILE --staff-key PUB --kiosk-key KEY \
| open CODE --staff-backup FILE[,OLDER-FILE...] --kiosks [L=]PUB[,...] [--revoked [L=]PUB[,...]] [--window-minutes N] [--now MINUTES] \
| qr CODE --out FILE.svg|FILE.png|FILE.y4m | public KEY | wrap KEY | check-config FILE | apply-config FILE DIST | check-language FILE \
| primero body [CODE] --decisions FILE --staff-backup FILE --kiosks [L=]PUB[,...] [--mapping FILE | --module gbv|cp] [--config centre.json] \
| primero check --url URL --user NAME [--mapping FILE | --module gbv|cp] \
| primero push DECISIONS-FILE... --url URL --user NAME --staff-backup FILE --kiosks [L=]PUB[,...] [--mapping FILE | --module gbv|cp] [--config centre.json] [--journal FILE]\n\
| stats merge MONTH-FILE... --staff-backup FILE (--config centre.json | --desks N)\n\
The Primero password is typed at the prompt or given in PRIMERO_PASSWORD. \
A real staff key is read only from its wrapped backup (--staff-backup); the passphrase is typed at the prompt or given on \
standard input, never on the command line. --staff-key KEY (a raw private key) is accepted only for the shipped demo key.";

/// A failure: one line for people, an exit code for scripts.
#[derive(Debug)]
pub struct Failure {
    pub code: u8,
    pub message: String,
}

/// Writes one line to standard output. A reader that went away (`handoff open … | head`)
/// ends the command quietly: `Failure::closed_pipe`, which `main` turns into success.
pub(crate) fn say(line: impl std::fmt::Display) -> Result<(), Failure> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    match writeln!(out, "{line}").and_then(|()| out.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Err(Failure::closed_pipe()),
        Err(e) => Err(Failure::io(format!("standard output: {e}"))),
    }
}

impl Failure {
    /// Standard output was closed by its reader: nothing more to say, and nothing wrong.
    pub fn closed_pipe() -> Failure {
        Failure {
            code: 0,
            message: String::new(),
        }
    }

    pub fn usage(message: impl Into<String>) -> Failure {
        Failure {
            code: 1,
            message: format!("{}\n{USAGE}", message.into()),
        }
    }

    pub(crate) fn io(message: impl Into<String>) -> Failure {
        Failure {
            code: 1,
            message: message.into(),
        }
    }
}

impl From<OpenError> for Failure {
    fn from(e: OpenError) -> Failure {
        let code = match e {
            OpenError::NotAHandoffCode => 2,
            OpenError::UnsupportedVersion(_) => 3,
            OpenError::Damaged => 4,
            OpenError::NotForThisDesk => 5,
            OpenError::RevokedKiosk(_) => 6,
        };
        Failure {
            code,
            message: e.to_string(),
        }
    }
}

/// The answers file `seal` reads and `sample` prints.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct AnswersFile {
    /// Like `A-042`.
    ticket: String,
    /// Minutes since 1970; now when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    created_minutes: Option<u32>,
    answers: Answers,
}

/// What `open` prints.
#[derive(Serialize)]
struct OpenedJson {
    kiosk: String,
    created_minutes: Minutes,
    handoff_id: String,
    ticket: String,
    time_warning: Option<String>,
    letter_warning: Option<String>,
    answers: Answers,
}

/// Runs one command line.
pub fn run(argv: &[String]) -> Result<(), Failure> {
    let (command, rest) = argv
        .split_first()
        .ok_or_else(|| Failure::usage("no command given"))?;
    let args = Args::parse(rest)?;
    match command.as_str() {
        "keygen" => keygen(&args),
        "sample" => sample(),
        "seal" => seal_command(&args),
        "open" => open_command(&args),
        "primero" => crate::primero::command(&args),
        "stats" => crate::stats::command(&args),
        "qr" => qr_command(&args),
        "wrap" => {
            let pair = key_pair(args.positional(0, "KEY")?)?;
            let wrapped = intake::desk::wrap::wrap(&pair, &passphrase(&args)?)
                .map_err(|e| Failure::io(e.to_string()))?;
            say(wrapped.to_json())?;
            Ok(())
        }
        "public" => {
            let pair = key_pair(args.positional(0, "KEY")?)?;
            say(pair.public().to_hex())?;
            Ok(())
        }
        "check-config" => {
            let path = args.positional(0, "FILE")?;
            let text =
                std::fs::read_to_string(path).map_err(|e| Failure::io(format!("{path}: {e}")))?;
            let config = intake::config::CentreConfig::parse(&text)
                .and_then(|c| c.check_for_publishing().map(|()| c))
                .map_err(|e| Failure::io(format!("{path}: {e}")))?;
            say(format!(
                "{path}: valid — {} languages, {} services, staff key {}",
                config.languages.len(),
                config.services.len(),
                config
                    .staff_key()
                    .map(|k| k.fingerprint())
                    .unwrap_or_default()
            ))?;
            if config.uses_demo_key() {
                say(format!(
                    "{path}: uses the shipped DEMO staff key — its private half is public; not for real cases (make the centre's own key at the staff desk)"
                ))?;
            }
            Ok(())
        }
        "apply-config" => apply_config(args.positional(0, "FILE")?, args.positional(1, "DIST")?),
        "check-language" => {
            // Against the Vietnamese catalogue compiled into the kiosk.
            let path = args.positional(0, "FILE")?;
            let read = |text: &str| {
                intake::catalogue::parse(text).map_err(|e| Failure::io(format!("{path}: {e}")))
            };
            let reference = read(include_str!("../../app/lang/vi.json"))?;
            let text =
                std::fs::read_to_string(path).map_err(|e| Failure::io(format!("{path}: {e}")))?;
            let problems = intake::catalogue::compare(&reference, &read(&text)?);
            if problems.is_empty() {
                say(format!(
                    "{path}: valid — every key, no empty text, the same placeholders"
                ))?;
                return Ok(());
            }
            let lines: Vec<String> = problems.iter().map(|p| format!("{path}: {p}")).collect();
            Err(Failure::io(lines.join("\n")))
        }
        "help" | "--help" | "-h" => {
            say(USAGE)?;
            Ok(())
        }
        other => Err(Failure::usage(format!("unknown command {other:?}"))),
    }
}

pub(crate) fn now_minutes() -> Minutes {
    Minutes(
        SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| (d.as_secs() / 60) as u32)
            .unwrap_or(0),
    )
}

pub(crate) fn read(path: &str) -> Result<String, Failure> {
    std::fs::read_to_string(path).map_err(|e| Failure::io(format!("cannot read {path}: {e}")))
}

/// Writes a private key readable by its owner alone (0600 on Unix).
pub(crate) fn write_secret(path: &str, contents: &[u8]) -> Result<(), Failure> {
    use std::io::Write;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options
        .open(path)
        .and_then(|mut f| f.write_all(contents))
        .map_err(|e| Failure::io(format!("cannot write {path}: {e}")))
}

fn write(path: &str, contents: &[u8]) -> Result<(), Failure> {
    std::fs::write(path, contents).map_err(|e| Failure::io(format!("cannot write {path}: {e}")))
}

/// A key given as hex on the command line or as a file holding hex.
fn key_text(arg: &str) -> Result<String, Failure> {
    if arg.len() == 64 && arg.bytes().all(|b| b.is_ascii_hexdigit()) {
        Ok(arg.to_owned())
    } else {
        read(arg)
    }
}

fn public_key(arg: &str) -> Result<PublicKey, Failure> {
    PublicKey::from_hex(&key_text(arg)?)
        .map_err(|e| Failure::io(format!("{arg}: not a public key: {e}")))
}

fn key_pair(arg: &str) -> Result<KeyPair, Failure> {
    KeyPair::from_private_hex(&key_text(arg)?)
        .map_err(|e| Failure::io(format!("{arg}: not a private key: {e}")))
}

/// Applies a centre configuration to a built `dist/`: validates it, copies it in as
/// `centre.json`, and writes what depends on it — the kiosk and setup pages' `<title>`, the
/// web-app manifest's names (the neutral `page_title`, never the centre's name), and the
/// kiosk's welcome screen drawn ahead into its page (`app::prerender`). `make dist` runs it
/// on the build's own `centre.json`; a centre runs it again after every change.
fn apply_config(file: &str, dist: &str) -> Result<(), Failure> {
    let text = read(file)?;
    let config = intake::config::CentreConfig::parse(&text)
        .and_then(|c| c.check_for_publishing().map(|()| c))
        .map_err(|e| Failure::io(format!("{file}: {e}")))?;
    let dist = std::path::Path::new(dist);
    let title = config.page_title.trim();
    let at = |name: &str| dist.join(name).display().to_string();
    // Everything is worked out first, then written: a refusal leaves dist/ as it was.
    let mut writes = Vec::new();
    for page in ["index.html", "setup/index.html"] {
        let path = at(page);
        let html = read(&path)?;
        let open = html.find("<title>");
        let close = open.and_then(|o| html[o..].find("</title>").map(|c| o + c));
        let (Some(open), Some(close)) = (open, close) else {
            return Err(Failure::io(format!("{path}: no <title>…</title> to set")));
        };
        let mut html = format!("{}<title>{title}{}", &html[..open], &html[close..]);
        if page == "index.html" {
            // The kiosk's welcome screen, drawn ahead from this configuration.
            html = app::prerender::into_page(&html, &text)
                .map_err(|e| Failure::io(format!("{path}: {e}")))?;
        }
        writes.push((path, html));
    }
    let manifest_path = at("manifest.webmanifest");
    let mut manifest: serde_json::Value = serde_json::from_str(&read(&manifest_path)?)
        .map_err(|e| Failure::io(format!("{manifest_path}: {e}")))?;
    manifest["name"] = serde_json::Value::from(title);
    manifest["short_name"] = serde_json::Value::from(title);
    let manifest =
        serde_json::to_string_pretty(&manifest).map_err(|e| Failure::io(e.to_string()))?;
    writes.push((manifest_path, format!("{manifest}\n")));
    writes.push((at("centre.json"), text.clone()));
    for (path, contents) in &writes {
        write(path, contents.as_bytes())?;
    }
    say(format!(
        "{file}: valid; applied to {} (centre.json, the kiosk's welcome screen, page titles and the app's name: {title:?})",
        dist.display()
    ))?;
    if config.uses_demo_key() {
        say(format!(
            "{file}: uses the shipped DEMO staff key — not for real cases: a release build's kiosks make no code with it (make the centre's own key at the staff desk: docs/deploy.md section 10)"
        ))?;
    }
    Ok(())
}

/// The passphrase of a backup: typed at a prompt that does not echo it, or, when standard
/// input is not a terminal (a script, a test), its first line. Never an argument: the
/// command line stays in shell history and is visible to every user of the machine.
pub(crate) fn passphrase(args: &Args) -> Result<String, Failure> {
    use std::io::IsTerminal;
    if args.option("passphrase").is_some() {
        return Err(Failure::usage(
            "--passphrase is not taken: a passphrase on the command line stays in shell history and process lists. Type it at the prompt, or give it on standard input.",
        ));
    }
    let text = if std::io::stdin().is_terminal() {
        rpassword::prompt_password("Passphrase / Mật khẩu: ")
            .map_err(|e| Failure::io(format!("cannot read the passphrase: {e}")))?
    } else {
        let mut line = String::new();
        std::io::stdin()
            .read_line(&mut line)
            .map_err(|e| Failure::io(format!("cannot read the passphrase: {e}")))?;
        line.trim_end_matches(['\r', '\n']).to_owned()
    };
    if text.is_empty() {
        return Err(Failure::io("no passphrase given"));
    }
    Ok(text)
}

/// The staff keys to open codes with: wrapped backups (`--staff-backup`, one passphrase for
/// all), or, for the shipped demo key only, a raw key file (`--staff-key`).
pub(crate) fn staff_keys(args: &Args) -> Result<Vec<KeyPair>, Failure> {
    let list = |name: &str| -> Vec<String> {
        args.option(name)
            .unwrap_or_default()
            .split(',')
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
            .collect()
    };
    let mut keys = Vec::new();
    for file in list("staff-key") {
        let pair = key_pair(&file)?;
        if !intake::pairing::is_demo_key(pair.public()) {
            return Err(Failure::usage(format!(
                "{file}: --staff-key takes only the shipped demo key. A real staff key is read from its backup: --staff-backup FILE"
            )));
        }
        keys.push(pair);
    }
    let backups = list("staff-backup");
    if !backups.is_empty() {
        let secret = passphrase(args)?;
        for file in backups {
            let wrapped = intake::desk::wrap::WrappedKey::parse(&read(&file)?)
                .map_err(|e| Failure::io(format!("{file}: {e}")))?;
            keys.push(
                wrapped
                    .unwrap_key(&secret)
                    .map_err(|e| Failure::io(format!("{file}: {e}")))?,
            );
        }
    }
    if keys.is_empty() {
        return Err(Failure::usage(
            "give --staff-backup FILE (or, for the demo key, --staff-key FILE)",
        ));
    }
    Ok(keys)
}

fn keygen(args: &Args) -> Result<(), Failure> {
    let name = args.required("out")?;
    let pair = KeyPair::generate().map_err(|e| Failure::io(e.to_string()))?;
    write_secret(
        &format!("{name}.key"),
        format!("{}\n", pair.private_hex()).as_bytes(),
    )?;
    write(
        &format!("{name}.pub"),
        format!("{}\n", pair.public().to_hex()).as_bytes(),
    )?;
    say(format!(
        "private key: {name}.key (keep it secret; demo and test use only)"
    ))?;
    say(format!(
        "public key:  {name}.pub {}",
        pair.public().to_hex()
    ))?;
    say(format!("fingerprint: {}", pair.public().fingerprint()))?;
    Ok(())
}

fn sample_answers() -> AnswersFile {
    let chosen = ServiceSet::of([Service::Health, Service::Psychosocial, Service::Legal]);
    AnswersFile {
        ticket: "A-042".to_owned(),
        created_minutes: None,
        answers: Answers {
            session_language: LangTag::VI,
            spoken_language: LangTag::VI,
            interpreter: Reply::No,
            age_band: AgeBand::Adult,
            help_now: false,
            danger_now: Reply::No,
            doctor_now: Reply::Yes,
            private_room: Reply::Yes,
            children: Children::Count(2),
            services: chosen,
            talk_first: false,
            consent_services: Reply::Yes,
            sharing: {
                let mut sharing = Sharing::default();
                sharing.set(Service::Health, Wish::Yes);
                sharing.set(Service::Psychosocial, Wish::NotSure);
                sharing.set(Service::Legal, Wish::No);
                sharing
            },
            consent_statistics: Reply::Yes,
            sex: Sex::Female,
            disability: Reply::Skipped,
        },
    }
}

pub(crate) fn to_json<T: Serialize>(value: &T) -> Result<String, Failure> {
    serde_json::to_string_pretty(value).map_err(|e| Failure::io(e.to_string()))
}

fn sample() -> Result<(), Failure> {
    say(to_json(&sample_answers())?)?;
    Ok(())
}

fn seal_command(args: &Args) -> Result<(), Failure> {
    let path = args.required("answers")?;
    let file: AnswersFile =
        serde_json::from_str(&read(path)?).map_err(|e| Failure::io(format!("{path}: {e}")))?;
    let ticket: Ticket = file.ticket.parse().map_err(Failure::io)?;
    let staff = public_key(args.required("staff-key")?)?;
    // Like the kiosk: never sealed to a key anyone can open, outside a demo build.
    if intake::pairing::is_demo_key(&staff) && !intake::pairing::DEMO_KEY_ALLOWED {
        return Err(Failure::usage(
            intake::handoff::KeyError::DemoKey.to_string(),
        ));
    }
    let kiosk = key_pair(args.required("kiosk-key")?)?;
    let now = now_minutes();
    let handoff = Handoff {
        created_minutes: file.created_minutes.map_or(now, Minutes),
        id: HandoffId::random().ok_or_else(|| Failure::io("no randomness"))?,
        ticket,
        answers: file.answers,
    };
    let code = seal(&handoff, &staff, &kiosk, now.max(handoff.created_minutes))
        .map_err(|e| Failure::io(e.to_string()))?;
    say(code)?;
    Ok(())
}

/// Kiosks as `PUB` (letter A) or `L=PUB` (letter L, A-H), comma-separated.
pub(crate) fn kiosk_list(list: Option<&str>, revoked: bool) -> Result<Vec<EnrolledKiosk>, Failure> {
    let Some(list) = list else {
        return Ok(Vec::new());
    };
    list.split(',')
        .filter(|s| !s.is_empty())
        .map(|entry| {
            let (letter, key) = match entry.split_once('=') {
                Some((l, key)) => {
                    let letter = l
                        .chars()
                        .next()
                        .filter(|_| l.chars().count() == 1)
                        .and_then(KioskLetter::from_char)
                        .ok_or_else(|| {
                            Failure::usage(format!("{l:?}: a kiosk letter is one of A-H"))
                        })?;
                    (letter, key)
                }
                None => (KioskLetter::DEFAULT, entry),
            };
            let mut kiosk = EnrolledKiosk::enrolled(public_key(key)?, letter, Minutes(0));
            if revoked {
                kiosk.set_state(KioskState::Revoked, Minutes(0));
            }
            Ok(kiosk)
        })
        .collect()
}

fn number(args: &Args, name: &str, default: u32) -> Result<u32, Failure> {
    args.option(name).map_or(Ok(default), |v| {
        v.parse()
            .map_err(|_| Failure::usage(format!("--{name} takes a whole number")))
    })
}

fn open_command(args: &Args) -> Result<(), Failure> {
    let code = args.positional(0, "CODE")?;
    let staff = staff_keys(args)?;
    let mut kiosks = kiosk_list(args.option("kiosks"), false)?;
    kiosks.extend(kiosk_list(args.option("revoked"), true)?);
    let now = Minutes(number(args, "now", now_minutes().0)?);
    let window = Span(number(args, "window-minutes", DEFAULT_WINDOW.0)?);
    let Opened {
        handoff,
        kiosk,
        warning,
        letter_warning,
        ..
    } = open(code, &staff, &kiosks, now, window)?;
    let time_warning = warning.map(|w| match w {
        TimeWarning::Old { minutes } => format!("older than the window by {minutes} minutes"),
        TimeWarning::Future { minutes } => {
            format!("made {minutes} minutes in the future: the kiosk's clock is ahead")
        }
    });
    let letter_warning = letter_warning.map(|w| {
        format!(
            "the ticket's letter is {}, but this kiosk was enrolled as {}",
            w.in_code, w.enrolled
        )
    });
    let json = OpenedJson {
        kiosk: kiosk.to_string(),
        created_minutes: handoff.created_minutes,
        handoff_id: handoff.id.to_string(),
        ticket: handoff.ticket.to_string(),
        time_warning,
        letter_warning,
        answers: handoff.answers,
    };
    say(to_json(&json)?)?;
    Ok(())
}

fn qr_command(args: &Args) -> Result<(), Failure> {
    let code = args.positional(0, "CODE")?.trim();
    let out = args.required("out")?;
    if out.ends_with(".svg") {
        let svg = qr_svg(code).map_err(|e| Failure::io(e.to_string()))?;
        write(out, svg.as_bytes())
    } else if out.ends_with(".png") {
        let qr = qr_code(code).map_err(|e| Failure::io(e.to_string()))?;
        png(&qr, out)
    } else if out.ends_with(".y4m") {
        let qr = qr_code(code).map_err(|e| Failure::io(e.to_string()))?;
        write(out, &y4m(&qr))
    } else {
        Err(Failure::usage("--out must end in .svg, .png or .y4m"))
    }
}

/// A one-second 640×480 Y4M video of the code (for Chromium's fake camera in tests):
/// grey frames with the code at 6 pixels per module in the middle.
fn y4m(qr: &qrcode::QrCode) -> Vec<u8> {
    const W: usize = 640;
    const H: usize = 480;
    const SCALE: usize = 6;
    const QUIET: usize = 4;
    let width = qr.width();
    let colors = qr.to_colors();
    let side = (width + 2 * QUIET) * SCALE;
    let (left, top) = ((W - side.min(W)) / 2, (H - side.min(H)) / 2);
    let mut luma = vec![200u8; W * H];
    for y in 0..side.min(H) {
        for x in 0..side.min(W) {
            let m = |p: usize| (p / SCALE).checked_sub(QUIET).filter(|v| *v < width);
            let dark = match (m(x), m(y)) {
                (Some(mx), Some(my)) => colors[my * width + mx] == qrcode::Color::Dark,
                _ => false,
            };
            luma[(top + y) * W + left + x] = if dark { 16 } else { 235 };
        }
    }
    let mut out = format!("YUV4MPEG2 W{W} H{H} F30:1 Ip A1:1 C420jpeg\n").into_bytes();
    for _ in 0..30 {
        out.extend_from_slice(b"FRAME\n");
        out.extend_from_slice(&luma);
        out.extend(std::iter::repeat_n(128u8, W * H / 2));
    }
    out
}

/// Draws the code at 8 pixels per module with a 4-module quiet zone.
fn png(qr: &qrcode::QrCode, out: &str) -> Result<(), Failure> {
    const SCALE: usize = 8;
    const QUIET: usize = 4;
    let width = qr.width();
    let colors = qr.to_colors();
    let side = ((width + 2 * QUIET) * SCALE) as u32;
    let image = image::GrayImage::from_fn(side, side, |x, y| {
        let m = |p: u32| {
            (p as usize / SCALE)
                .checked_sub(QUIET)
                .filter(|v| *v < width)
        };
        let dark = match (m(x), m(y)) {
            (Some(mx), Some(my)) => colors[my * width + mx] == qrcode::Color::Dark,
            _ => false,
        };
        image::Luma([if dark { 0 } else { 255 }])
    });
    image
        .save(out)
        .map_err(|e| Failure::io(format!("cannot write {out}: {e}")))
}
