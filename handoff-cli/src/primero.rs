//! `handoff primero …`: her recorded case as Primero's API takes it.
//! - `body`: the `{"data": …}` of one case, to read or to send by other means;
//! - `check`: the centre's mapping compared with its instance's forms and lookups;
//! - `push`: cases sent, each once, with the flags staff ticked, resumable from a journal.
use crate::args::Args;
use crate::commands::{Failure, kiosk_list, now_minutes, read, say, staff_keys, to_json};
use crate::primero_api::Api;
use intake::clock::Span;
use intake::handoff::{KeyPair, open};
use intake::primero::case::PrimeroCase;
use intake::primero::decisions_file::DecisionsFile;
use intake::primero::mapping::Mapping;
use intake::primero::{contract::Contract, instance};

/// Runs `primero body|check|push`.
pub fn command(args: &Args) -> Result<(), Failure> {
    match args.positional(0, "a primero command (body, check or push)")? {
        "body" => body_command(args),
        "check" => check_command(args),
        "push" => crate::primero_push::push_command(args),
        other => Err(Failure::usage(format!(
            "primero {other:?}: body, check or push"
        ))),
    }
}

pub(crate) fn mapping(args: &Args) -> Result<Mapping, Failure> {
    match (args.option("mapping"), args.option("module")) {
        (Some(path), _) => {
            Mapping::parse(&read(path)?).map_err(|e| Failure::io(format!("{path}: {e}")))
        }
        (None, None | Some("gbv")) => Ok(Mapping::gbv()),
        (None, Some("cp")) => Ok(Mapping::cp()),
        (None, Some(other)) => Err(Failure::usage(format!("--module {other:?}: gbv or cp"))),
    }
}

/// Names a spoken language for an interpreter flag.
pub(crate) type LanguageNames = Box<dyn Fn(intake::LangTag) -> String>;

/// Her spoken language's name for a flag, from the centre's configuration (`--config`).
/// Without it there is none: a flag's words must be the same at every push, or a resumed
/// push could not tell that the flag is already there.
pub(crate) fn language_names(args: &Args) -> Result<Option<LanguageNames>, Failure> {
    let Some(path) = args.option("config") else {
        return Ok(None);
    };
    let config = intake::config::CentreConfig::parse(&read(path)?)
        .map_err(|e| Failure::io(format!("{path}: {e}")))?;
    Ok(Some(Box::new(move |tag| {
        intake::desk::words::language(tag, &config)
    })))
}

/// One decisions file's case: her code opened with the staff key, matched to the decisions.
pub(crate) fn case_of(
    file: &str,
    code: Option<&str>,
    staff: &[KeyPair],
    kiosks: &[intake::handoff::EnrolledKiosk],
    mapping: &Mapping,
    language: Option<&LanguageNames>,
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
    let decided = decisions.decided(staff).map_err(|e| {
        Failure::io(format!(
            "{file}: her decisions cannot be opened with these staff keys ({e}): the file was changed, or made with another key"
        ))
    })?;
    let tag = opened.handoff.answers.spoken_language;
    let spoken = match language {
        Some(name) => name(tag),
        None if decided.decisions.flag_interpreter
            && opened.handoff.answers.interpreter.is_yes() =>
        {
            return Err(Failure::usage(format!(
                "{file}: staff flagged that she needs an interpreter: give --config centre.json to name her language (the same file at every push)"
            )));
        }
        None => tag.as_str().to_owned(),
    };
    PrimeroCase::new(opened.kiosk, &opened.handoff, &decided, mapping, &spoken)
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
    let case = case_of(file, code, &staff, &kiosks, &mapping, language.as_ref())?;
    say(to_json(&case.body)?)
}

/// The Primero password: `PRIMERO_PASSWORD`, or typed at a prompt that does not echo it.
fn password(user: &str) -> Result<zeroize::Zeroizing<String>, Failure> {
    use std::io::IsTerminal;
    if let Ok(p) = std::env::var("PRIMERO_PASSWORD")
        && !p.is_empty()
    {
        return Ok(zeroize::Zeroizing::new(p));
    }
    if !std::io::stdin().is_terminal() {
        return Err(Failure::usage(
            "the Primero password: type it at the prompt, or give it in PRIMERO_PASSWORD",
        ));
    }
    rpassword::prompt_password(format!("Primero password for {user}: "))
        .map(zeroize::Zeroizing::new)
        .map_err(|e| Failure::io(format!("cannot read the password: {e}")))
}

/// Signs in and reads the instance's forms and lookups into a contract.
pub(crate) fn instance_contract(args: &Args) -> Result<(Api, Contract), Failure> {
    let url = args.required("url")?;
    crate::primero_api::base(url).map_err(Failure::usage)?;
    let user = args.required("user")?;
    let api = Api::login(url, user, &password(user)?).map_err(Failure::io)?;
    let forms = api.forms().map_err(Failure::io)?;
    let lookups = api.lookups().map_err(Failure::io)?;
    let contract = instance::contract(url, &forms, &lookups)
        .map_err(|e| Failure::io(format!("{url}: {e}")))?;
    Ok((api, contract))
}

pub(crate) fn differs(count: usize) -> Failure {
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
