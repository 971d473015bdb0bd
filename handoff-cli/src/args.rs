//! A small command-line reader: `--name value` options after positional arguments.

use crate::commands::Failure;

/// The arguments of one command.
pub struct Args {
    positional: Vec<String>,
    options: Vec<(String, String)>,
}

impl Args {
    /// Splits `argv` into positional arguments and `--name value` options.
    pub fn parse(argv: &[String]) -> Result<Args, Failure> {
        let mut positional = Vec::new();
        let mut options = Vec::new();
        let mut it = argv.iter();
        while let Some(arg) = it.next() {
            if let Some(name) = arg.strip_prefix("--") {
                let value = it
                    .next()
                    .ok_or_else(|| Failure::usage(format!("--{name} needs a value")))?;
                options.push((name.to_owned(), value.clone()));
            } else {
                positional.push(arg.clone());
            }
        }
        Ok(Args {
            positional,
            options,
        })
    }

    /// The value of `--name`, if given.
    pub fn option(&self, name: &str) -> Option<&str> {
        self.options
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// The value of `--name`, which must be given.
    pub fn required(&self, name: &str) -> Result<&str, Failure> {
        self.option(name)
            .ok_or_else(|| Failure::usage(format!("--{name} is required")))
    }

    /// The positional argument at `index`, which must be given.
    pub fn positional(&self, index: usize, what: &str) -> Result<&str, Failure> {
        self.positional
            .get(index)
            .map(String::as_str)
            .ok_or_else(|| Failure::usage(format!("{what} is required")))
    }

    /// The positional arguments from `index` on.
    pub fn positionals_from(&self, index: usize) -> &[String] {
        self.positional.get(index..).unwrap_or_default()
    }
}
