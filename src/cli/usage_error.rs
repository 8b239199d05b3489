//! A command line clap refused: in English clap's own message, in Dutch
//! the same facts from the catalogue (`i18n::cli_usage`). Help and version
//! are written by clap from the worded command (`localize`).

use crate::i18n::Lang;
use crate::i18n::cli_usage::{self, Usage};
use clap::error::{ContextKind, ContextValue, ErrorKind};
use std::fmt;

/// The refusal of a value by one of our own value parsers, in both
/// languages; clap shows the English, the Dutch message finds the Dutch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadValue {
    pub nl: String,
    pub en: String,
}

impl BadValue {
    pub fn new(nl: impl Into<String>, en: impl Into<String>) -> BadValue {
        BadValue {
            nl: nl.into(),
            en: en.into(),
        }
    }
}

impl fmt::Display for BadValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.en)
    }
}

impl std::error::Error for BadValue {}

/// Writes `e` where clap would (help and version on standard output, the
/// rest on standard error) and returns the exit code: 0 for help and
/// version, else 2.
pub fn print(e: &clap::Error, lang: Lang) -> i32 {
    let code = match e.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => 0,
        _ => super::failure::EXIT_USAGE,
    };
    // Nowhere is left to report a failure to write any of this.
    if lang == Lang::En {
        let _ = e.print();
    } else if code == 0 {
        let _ = write!(super::out::Out::stdout(lang), "{}", rendered(e, lang));
    } else {
        let _ = write!(super::out::Out::stderr(lang), "{}", rendered(e, lang));
    }
    code
}

/// clap writes `[OPTIONS]` in every usage line, whatever the headings say.
fn dutch_usage(s: &str) -> String {
    s.replace("[OPTIONS]", "[OPTIES]")
}

/// What to write for `e` in `lang`: clap's own rendering in English.
pub fn rendered(e: &clap::Error, lang: Lang) -> String {
    let dutch = lang == Lang::Nl
        && !matches!(
            e.kind(),
            ErrorKind::DisplayHelp
                | ErrorKind::DisplayVersion
                | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
        );
    if lang == Lang::En {
        return e.render().to_string();
    }
    if !dutch {
        return dutch_usage(&e.render().to_string());
    }
    let usage = e.get(ContextKind::Usage).map(|u| {
        let u = u.to_string();
        dutch_usage(u.trim().strip_prefix("Usage:").unwrap_or(u.trim()).trim())
    });
    // The command's own words of the usage line: `kluis export person`.
    let command: Vec<&str> = usage
        .as_deref()
        .unwrap_or("kluis")
        .split_whitespace()
        .take_while(|w| !w.starts_with(['-', '[', '<']))
        .collect();
    let hint = format!("{} --help", command.join(" "));
    cli_usage::dutch(&usage_of(e), usage.as_deref(), &hint)
}

fn one(e: &clap::Error, kind: ContextKind) -> Option<String> {
    match e.get(kind)? {
        ContextValue::String(s) => Some(s.clone()),
        ContextValue::Strings(v) => v.first().cloned(),
        ContextValue::StyledStr(s) => Some(s.to_string()),
        ContextValue::StyledStrs(v) => v.first().map(|s| s.to_string()),
        _ => None,
    }
}

fn many(e: &clap::Error, kind: ContextKind) -> Vec<String> {
    match e.get(kind) {
        Some(ContextValue::String(s)) => vec![s.clone()],
        Some(ContextValue::Strings(v)) => v.clone(),
        Some(ContextValue::StyledStr(s)) => vec![s.to_string()],
        Some(ContextValue::StyledStrs(v)) => v.iter().map(|s| s.to_string()).collect(),
        _ => Vec::new(),
    }
}

fn usage_of(e: &clap::Error) -> Usage {
    let arg = || one(e, ContextKind::InvalidArg).unwrap_or_default();
    match e.kind() {
        ErrorKind::UnknownArgument => Usage::UnknownArgument {
            arg: arg(),
            suggested: one(e, ContextKind::SuggestedArg),
        },
        ErrorKind::InvalidSubcommand => Usage::UnknownCommand {
            command: one(e, ContextKind::InvalidSubcommand).unwrap_or_default(),
            suggested: one(e, ContextKind::SuggestedSubcommand),
        },
        ErrorKind::InvalidValue => Usage::InvalidValue {
            value: one(e, ContextKind::InvalidValue).unwrap_or_default(),
            arg: arg(),
            valid: many(e, ContextKind::ValidValue),
        },
        ErrorKind::ValueValidation => {
            let source = std::error::Error::source(e);
            let why = match source.and_then(|s| s.downcast_ref::<BadValue>()) {
                Some(bad) => bad.nl.clone(),
                None => source.map(|s| s.to_string()).unwrap_or_default(),
            };
            Usage::BadValue {
                value: one(e, ContextKind::InvalidValue).unwrap_or_default(),
                arg: arg(),
                why,
            }
        }
        ErrorKind::MissingRequiredArgument => Usage::Missing {
            args: many(e, ContextKind::InvalidArg),
        },
        ErrorKind::MissingSubcommand => Usage::MissingCommand,
        ErrorKind::ArgumentConflict => Usage::Conflict {
            arg: arg(),
            prior: one(e, ContextKind::PriorArg),
        },
        ErrorKind::TooManyValues | ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            Usage::WrongNumberOfValues { arg: arg() }
        }
        _ => Usage::Other,
    }
}
