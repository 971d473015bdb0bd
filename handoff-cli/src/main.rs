//! `handoff`: demo keys, sample answers, and sealing, opening and drawing codes.
//! Every failure prints one line and exits with a code that names its kind.

mod args;
mod commands;
mod primero;
mod primero_api;
mod primero_push;
mod stats;

use std::process::ExitCode;

fn main() -> ExitCode {
    let argv: Vec<String> = std::env::args().skip(1).collect();
    match commands::run(&argv) {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) if failure.code == 0 => ExitCode::SUCCESS,
        Err(failure) => {
            eprintln!("handoff: {}", failure.message);
            ExitCode::from(failure.code)
        }
    }
}
