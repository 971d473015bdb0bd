//! `handoff primero push FILE… --url URL --user NAME …`: each recorded case sent once, with
//! the flags staff ticked, never half-sent. Every file is opened before anything is sent; the
//! mapping is compared with the instance first; a case is read back after it is created, so
//! a field Primero dropped silently (the user's role may not write it) is said; a journal
//! sealed under the staff key, kept after every step and locked while a push runs, lets a
//! push that was cut short resume; flags already on a case are read back before any is
//! posted (Primero keeps every flag posted, duplicates too).
use crate::args::Args;
use crate::commands::{Failure, kiosk_list, say, staff_keys, write_secret};
use crate::primero::{case_of, differs, instance_contract, language_names, mapping};
use crate::primero_api::{Api, Posted, base};
use intake::handoff::KeyPair;
use intake::primero::case::PrimeroCase;
use intake::primero::instance;
use intake::primero::journal::Journal;

/// The push journal (at `--journal`, else beside the command), locked while the push runs.
struct JournalFile {
    path: String,
    lock: String,
    journal: Journal,
    key: KeyPair,
}

impl JournalFile {
    fn load(path: &str, staff: &[KeyPair]) -> Result<JournalFile, Failure> {
        let key = staff
            .first()
            .cloned()
            .ok_or_else(|| Failure::usage("a staff key is needed"))?;
        let lock = format!("{path}.lock");
        // Two pushes at once would both find a flag missing and both post it.
        std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&lock)
            .map_err(|e| match e.kind() {
                std::io::ErrorKind::AlreadyExists => Failure::io(format!(
                    "{lock}: another push is running with this journal; if none is (a push was cut short), delete {lock} and run again. Nothing was sent"
                )),
                _ => Failure::io(format!("{lock}: {e}")),
            })?;
        let mut file = JournalFile {
            path: path.to_owned(),
            lock,
            journal: Journal::default(),
            key,
        };
        file.journal = match std::fs::read_to_string(path) {
            Ok(text) => Journal::open(&text, staff).map_err(|e| {
                Failure::io(format!(
                    "{path}: the push journal cannot be opened ({e}); nothing was sent. If it was made with another staff key, give that key's backup too"
                ))
            })?,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Journal::default(),
            Err(e) => return Err(Failure::io(format!("{path}: {e}"))),
        };
        Ok(file)
    }

    /// Writes the journal whole, then puts it in place: a write cut short leaves the
    /// journal as it was.
    fn save(&self) -> Result<(), Failure> {
        let text = self
            .journal
            .seal(&self.key)
            .map_err(|e| Failure::io(format!("{}: {e}", self.path)))?;
        let next = format!("{}.next", self.path);
        write_secret(&next, text.as_bytes())?;
        std::fs::rename(&next, &self.path).map_err(|e| Failure::io(format!("{}: {e}", self.path)))
    }
}

impl Drop for JournalFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.lock);
    }
}

/// How one case ended.
enum Outcome {
    Sent,
    AlreadyThere,
    /// Created, but Primero kept without these fields (the user's role may not write them).
    Dropped(Vec<String>),
    FlagsMissing(String),
    Refused(Vec<String>),
    NotSent(String),
}

/// The fields of `case` Primero did not keep.
fn dropped(api: &Api, case: &PrimeroCase) -> Result<Vec<String>, String> {
    let kept = api.case(&case.id)?;
    Ok(case
        .body
        .get("data")
        .and_then(serde_json::Value::as_object)
        .into_iter()
        .flatten()
        .map(|(k, _)| k)
        .filter(|k| *k != "id" && kept.get(k.as_str()).is_none())
        .cloned()
        .collect())
}

/// Sends one case and its missing flags to instance `at`, keeping the journal after every
/// step.
fn push_one(
    api: &Api,
    at: &str,
    case: &PrimeroCase,
    j: &mut JournalFile,
) -> Result<Outcome, Failure> {
    let mut created = false;
    let mut lost = Vec::new();
    if !j.journal.progress(at, &case.id).on_instance {
        match api.post_case(&case.body) {
            Posted::Done => created = true,
            Posted::Conflict => {}
            Posted::Refused(problems) => return Ok(Outcome::Refused(problems)),
            Posted::Failed(e) => return Ok(Outcome::NotSent(e)),
        }
        j.journal.on_instance(at, &case.id);
        j.save()?;
        if created {
            lost = match dropped(api, case) {
                Ok(fields) => fields,
                Err(e) => vec![format!("(could not read the case back: {e})")],
            };
        }
    }
    if !j
        .journal
        .progress(at, &case.id)
        .missing(&case.flags)
        .is_empty()
    {
        // A post may have landed without its answer reaching us: read what is there first.
        match api.flags(&case.id) {
            Ok(there) => {
                for m in there.iter().filter(|m| case.flags.contains(m)) {
                    j.journal.flag_there(at, &case.id, m);
                }
                j.save()?;
            }
            Err(e) => return Ok(Outcome::FlagsMissing(e)),
        }
        let missing: Vec<String> = j
            .journal
            .progress(at, &case.id)
            .missing(&case.flags)
            .into_iter()
            .cloned()
            .collect();
        for message in missing {
            match api.post_flag(&case.id, &intake::primero::flags::flag_body(&message)) {
                Posted::Done | Posted::Conflict => {
                    j.journal.flag_there(at, &case.id, &message);
                    j.save()?;
                }
                Posted::Refused(p) => return Ok(Outcome::FlagsMissing(p.join("; "))),
                Posted::Failed(e) => return Ok(Outcome::FlagsMissing(e)),
            }
        }
    }
    Ok(match (created, lost.is_empty()) {
        (true, false) => Outcome::Dropped(lost),
        (true, true) => Outcome::Sent,
        (false, _) => Outcome::AlreadyThere,
    })
}

/// `primero push FILE… --url URL --user NAME …`.
pub fn push_command(args: &Args) -> Result<(), Failure> {
    let files = args.positionals_from(1);
    if files.is_empty() {
        return Err(Failure::usage(
            "primero push: give the decisions files the desk exported",
        ));
    }
    let at = base(args.required("url")?).map_err(Failure::usage)?;
    let mapping = mapping(args)?;
    let language = language_names(args)?;
    let staff = staff_keys(args)?;
    let kiosks = kiosk_list(args.option("kiosks"), false)?;
    // Every file is read and opened first: a bad one stops the push before anything is sent.
    let mut cases = Vec::new();
    for file in files {
        cases.push((
            file,
            case_of(file, None, &staff, &kiosks, &mapping, language.as_ref())?,
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
                    push_one(&api, &at, case, &mut journal)?
                } else {
                    Outcome::Refused(problems)
                }
            }
        };
        let flags = case.flags.len();
        let line = match outcome {
            Outcome::Sent => format!("{file}: sent ({id}, {flags} flag(s))"),
            Outcome::AlreadyThere => format!("{file}: already there ({id}, {flags} flag(s))"),
            Outcome::Dropped(fields) => {
                incomplete += 1;
                format!(
                    "{file}: sent, but Primero did not keep {} ({id}) — the user's role may not write them: ask the Primero administrator, then enter them by hand",
                    fields.join(", ")
                )
            }
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
