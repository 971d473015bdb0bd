//! `handoff primero …`: her recorded case as Primero's API takes it.
//! - `body`: the `{"data": …}` of one case, to read or to send by other means;
//! - `check`: the centre's mapping compared with its instance's forms and lookups;
//! - `push`: cases sent, each once, with the flags staff ticked, resumable from a journal.
use crate::args::Args;
use crate::commands::{
    Failure, kiosk_list, now_minutes, read, say, staff_keys, to_json, write_secret,
};
use crate::primero_api::{Api, Posted};
use intake::clock::Span;
use intake::handoff::{KeyPair, open};
use intake::primero::case::PrimeroCase;
use intake::primero::decisions_file::DecisionsFile;
use intake::primero::journal::Journal;
use intake::primero::mapping::Mapping;
use intake::primero::{contract::Contract, instance};

/// Runs `primero body|check|push`.
pub fn command(args: &Args) -> Result<(), Failure> {
    match args.positional(0, "a primero command (body, check or push)")? {
        "body" => body_command(args),
        "check" => check_command(args),
        "push" => push_command(args),
        other => Err(Failure::usage(format!(
            "primero {other:?}: body, check or push"
        ))),
    }
}

fn mapping(args: &Args) -> Result<Mapping, Failure> {
    match (args.option("mapping"), args.option("module")) {
        (Some(path), _) => {
            Mapping::parse(&read(path)?).map_err(|e| Failure::io(format!("{path}: {e}")))
        }
        (None, None | Some("gbv")) => Ok(Mapping::gbv()),
        (None, Some("cp")) => Ok(Mapping::cp()),
        (None, Some(other)) => Err(Failure::usage(format!("--module {other:?}: gbv or cp"))),
    }
}

/// Her spoken language's name for a flag: from the centre's configuration when given
/// (`--config`), else its tag.
fn language_names(args: &Args) -> Result<Box<dyn Fn(intake::LangTag) -> String>, Failure> {
    let Some(path) = args.option("config") else {
        return Ok(Box::new(|tag: intake::LangTag| tag.as_str().to_owned()));
    };
    let config = intake::config::CentreConfig::parse(&read(path)?)
        .map_err(|e| Failure::io(format!("{path}: {e}")))?;
    Ok(Box::new(move |tag| {
        intake::desk::words::language(tag, &config)
    }))
}

/// One decisions file's case: her code opened with the staff key, matched to the decisions.
fn case_of(
    file: &str,
    code: Option<&str>,
    staff: &[KeyPair],
    kiosks: &[intake::handoff::EnrolledKiosk],
    mapping: &Mapping,
    language: &dyn Fn(intake::LangTag) -> String,
) -> Result<PrimeroCase, Failure> {
    let decisions = DecisionsFile::parse(&read(file)?)
        .map_err(|e| Failure::io(format!("{file}: not a decisions file from the desk: {e}")))?;
    let code = code.unwrap_or(&decisions.code);
    // A code older than any window still opens here: the case was recorded at the desk.
    let opened = open(code, staff, kiosks, now_minutes(), Span(u32::MAX / 2))
        .map_err(|e| Failure::io(format!("{file}: {e}")))?;
    if opened.handoff.id != decisions.handoff {
        return Err(Failure::io(format!(
            "{file}: these decisions are for another case than this code"
        )));
    }
    let spoken = language(opened.handoff.answers.spoken_language);
    PrimeroCase::new(
        opened.kiosk,
        &opened.handoff,
        &decisions.decided,
        mapping,
        &spoken,
    )
    .map_err(|e| Failure::io(format!("{file}: {e}")))
}

/// `primero body [CODE] --decisions FILE …`: Primero's body for one recorded case.
fn body_command(args: &Args) -> Result<(), Failure> {
    let file = args.required("decisions")?;
    let mapping = mapping(args)?;
    let language = language_names(args)?;
    let staff = staff_keys(args)?;
    let kiosks = kiosk_list(args.option("kiosks"), false)?;
    let code = args.positional(1, "CODE").ok();
    let case = case_of(file, code, &staff, &kiosks, &mapping, &*language)?;
    say(to_json(&case.body)?)
}

/// The Primero password: `PRIMERO_PASSWORD`, or typed at a prompt that does not echo it.
fn password(user: &str) -> Result<String, Failure> {
    use std::io::IsTerminal;
    if let Ok(p) = std::env::var("PRIMERO_PASSWORD")
        && !p.is_empty()
    {
        return Ok(p);
    }
    if !std::io::stdin().is_terminal() {
        return Err(Failure::usage(
            "the Primero password: type it at the prompt, or give it in PRIMERO_PASSWORD",
        ));
    }
    rpassword::prompt_password(format!("Primero password for {user}: "))
        .map_err(|e| Failure::io(format!("cannot read the password: {e}")))
}

/// Signs in and reads the instance's forms and lookups into a contract.
fn instance_contract(args: &Args) -> Result<(Api, Contract), Failure> {
    let url = args.required("url")?;
    let user = args.required("user")?;
    let api = Api::login(url, user, &password(user)?).map_err(Failure::io)?;
    let forms = api.forms().map_err(Failure::io)?;
    let lookups = api.lookups().map_err(Failure::io)?;
    let contract = instance::contract(url, &forms, &lookups)
        .map_err(|e| Failure::io(format!("{url}: {e}")))?;
    Ok((api, contract))
}

fn differs(count: usize) -> Failure {
    Failure {
        code: 7,
        message: format!(
            "the mapping differs from the instance in {count} place(s): correct the mapping file (--mapping) or the instance's forms"
        ),
    }
}

/// `primero check --url URL --user NAME`: every field or option of the mapping the instance
/// does not define, before anything is sent.
fn check_command(args: &Args) -> Result<(), Failure> {
    let mapping = mapping(args)?;
    let (_, contract) = instance_contract(args)?;
    let found = instance::differences(&mapping, &contract);
    for line in &found {
        say(line)?;
    }
    if !found.is_empty() {
        return Err(differs(found.len()));
    }
    say(format!(
        "{}: the instance defines every field and option of the mapping ({})",
        args.required("url")?,
        mapping.module_id
    ))
}

/// The push journal, kept beside the command (or at `--journal`).
struct JournalFile {
    path: String,
    journal: Journal,
    key: KeyPair,
}

impl JournalFile {
    fn load(path: &str, staff: &[KeyPair]) -> Result<JournalFile, Failure> {
        let key = staff
            .first()
            .cloned()
            .ok_or_else(|| Failure::usage("a staff key is needed"))?;
        let journal = match std::fs::read_to_string(path) {
            Ok(text) => Journal::open(&text, staff).map_err(|e| {
                Failure::io(format!(
                    "{path}: the push journal cannot be opened ({e}); nothing was sent"
                ))
            })?,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Journal::default(),
            Err(e) => return Err(Failure::io(format!("{path}: {e}"))),
        };
        Ok(JournalFile {
            path: path.to_owned(),
            journal,
            key,
        })
    }

    fn save(&self) -> Result<(), Failure> {
        let text = self
            .journal
            .seal(&self.key)
            .map_err(|e| Failure::io(format!("{}: {e}", self.path)))?;
        write_secret(&self.path, text.as_bytes())
    }
}

/// How one case ended.
enum Outcome {
    Sent,
    AlreadyThere,
    FlagsMissing(String),
    Refused(Vec<String>),
    NotSent(String),
}

/// Sends one case and its missing flags, keeping the journal after every step.
fn push_one(api: &Api, case: &PrimeroCase, j: &mut JournalFile) -> Result<Outcome, Failure> {
    let mut created = false;
    if !j.journal.progress(&case.id).on_instance {
        match api.post_case(&case.body) {
            Posted::Done => created = true,
            Posted::Conflict => {}
            Posted::Refused(problems) => return Ok(Outcome::Refused(problems)),
            Posted::Failed(e) => return Ok(Outcome::NotSent(e)),
        }
        j.journal.on_instance(&case.id);
        j.save()?;
    }
    if !j.journal.progress(&case.id).missing(&case.flags).is_empty() {
        // Primero keeps every flag posted, duplicates too: read what is there first (a
        // post may have landed without its answer reaching us).
        match api.flags(&case.id) {
            Ok(there) => {
                for m in there.iter().filter(|m| case.flags.contains(m)) {
                    j.journal.flag_there(&case.id, m);
                }
                j.save()?;
            }
            Err(e) => return Ok(Outcome::FlagsMissing(e)),
        }
        let missing: Vec<String> = j
            .journal
            .progress(&case.id)
            .missing(&case.flags)
            .into_iter()
            .cloned()
            .collect();
        for message in missing {
            match api.post_flag(&case.id, &intake::primero::flags::flag_body(&message)) {
                Posted::Done | Posted::Conflict => {
                    j.journal.flag_there(&case.id, &message);
                    j.save()?;
                }
                Posted::Refused(p) => return Ok(Outcome::FlagsMissing(p.join("; "))),
                Posted::Failed(e) => return Ok(Outcome::FlagsMissing(e)),
            }
        }
    }
    Ok(if created {
        Outcome::Sent
    } else {
        Outcome::AlreadyThere
    })
}

/// `primero push FILE… --url URL --user NAME …`: each case once, with its flags.
fn push_command(args: &Args) -> Result<(), Failure> {
    let files = args.positionals_from(1);
    if files.is_empty() {
        return Err(Failure::usage(
            "primero push: give the decisions files the desk exported",
        ));
    }
    let mapping = mapping(args)?;
    let language = language_names(args)?;
    let staff = staff_keys(args)?;
    let kiosks = kiosk_list(args.option("kiosks"), false)?;
    // Every file is read and opened first: a bad one stops the push before anything is sent.
    let mut cases = Vec::new();
    for file in files {
        cases.push((
            file,
            case_of(file, None, &staff, &kiosks, &mapping, &*language)?,
        ));
    }
    let mut journal = JournalFile::load(
        args.option("journal").unwrap_or("primero-journal.sealed"),
        &staff,
    )?;
    let (api, contract) = instance_contract(args)?;
    let found = instance::differences(&mapping, &contract);
    if !found.is_empty() {
        for line in &found {
            say(line)?;
        }
        return Err(differs(found.len()));
    }
    let mut incomplete = 0;
    let mut stopped: Option<String> = None;
    for (file, case) in &cases {
        let id = &case.id;
        let outcome = match &stopped {
            Some(why) => Outcome::NotSent(format!("not tried: the push stopped ({why})")),
            None => {
                let problems: Vec<String> = contract
                    .check(&case.body)
                    .into_iter()
                    .map(|p| format!("{}: {}", p.pointer, p.what))
                    .collect();
                if problems.is_empty() {
                    push_one(&api, case, &mut journal)?
                } else {
                    Outcome::Refused(problems)
                }
            }
        };
        let flags = case.flags.len();
        let line = match outcome {
            Outcome::Sent => format!("{file}: sent ({id}, {flags} flag(s))"),
            Outcome::AlreadyThere => format!("{file}: already there ({id}, {flags} flag(s))"),
            Outcome::FlagsMissing(why) => {
                incomplete += 1;
                stopped.get_or_insert(why.clone());
                format!("{file}: flags missing ({id}: {why}) — run the same command again")
            }
            Outcome::Refused(problems) => {
                incomplete += 1;
                format!("{file}: refused ({id}): {}", problems.join("; "))
            }
            Outcome::NotSent(why) => {
                incomplete += 1;
                stopped.get_or_insert(why.clone());
                format!("{file}: not sent ({why}) — run the same command again")
            }
        };
        say(line)?;
    }
    if incomplete > 0 {
        return Err(Failure {
            code: 8,
            message: format!(
                "{incomplete} of {} case(s) not complete on the instance",
                cases.len()
            ),
        });
    }
    Ok(())
}
