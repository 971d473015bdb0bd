//! `handoff stats merge FILE… --staff-backup FILE (--config centre.json | --desks N)`: the
//! centre's report from each desk's closed month (files the desks export, sealed under the
//! staff key): every desk's month is needed, a case seen at two desks counts once, "<5" is
//! applied after combining, no totals.
use crate::args::Args;
use crate::commands::{Failure, read, say, staff_keys};
use intake::desk::stats::combine;
use intake::desk::transfer::{Incoming, import_with};

/// Runs `stats merge`.
pub fn command(args: &Args) -> Result<(), Failure> {
    if args.positional(0, "a stats command (merge)")? != "merge" {
        return Err(Failure::usage(
            "handoff stats merge FILE… --staff-backup FILE",
        ));
    }
    let files = args.positionals_from(1);
    if files.is_empty() {
        return Err(Failure::usage(
            "stats merge: give each desk's month file (Statistics → Export this month for the report)",
        ));
    }
    let desks = match (args.option("desks"), args.option("config")) {
        (Some(n), _) => n
            .parse::<u32>()
            .ok()
            .filter(|n| (1..=10).contains(n))
            .ok_or_else(|| Failure::usage(format!("--desks {n:?}: 1 to 10")))?,
        (None, Some(path)) => {
            intake::config::CentreConfig::parse(&read(path)?)
                .map_err(|e| Failure::io(format!("{path}: {e}")))?
                .desks
        }
        (None, None) => {
            return Err(Failure::usage(
                "stats merge: say how many desks the centre has (--config centre.json or --desks N)",
            ));
        }
    };
    let staff = staff_keys(args)?;
    let mut parts = Vec::new();
    for file in files {
        match import_with(&read(file)?, &staff) {
            Ok(Incoming::Month(part)) => parts.push(part),
            Ok(_) => {
                return Err(Failure::io(format!(
                    "{file}: not a month of statistics (a kiosk list or opened codes)"
                )));
            }
            Err(e) => return Err(Failure::io(format!("{file}: {e}"))),
        }
    }
    let combined = combine(&parts, desks).map_err(|e| Failure::io(e.to_string()))?;
    for month in &combined.without_ids {
        eprintln!(
            "handoff: {month}: a file was sent after its case ids were dropped; someone seen at two desks may count twice"
        );
    }
    say(combined.to_csv().trim_end())
}
