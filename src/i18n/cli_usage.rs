//! clap's usage errors in Dutch (`cli::usage_error` takes them apart);
//! in English clap's own words are used.

/// What was wrong with the command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Usage {
    UnknownArgument {
        arg: String,
        suggested: Option<String>,
    },
    UnknownCommand {
        command: String,
        suggested: Option<String>,
    },
    InvalidValue {
        value: String,
        arg: String,
        valid: Vec<String>,
    },
    /// A value our own parser refused, with its Dutch reason.
    BadValue {
        value: String,
        arg: String,
        why: String,
    },
    Missing {
        args: Vec<String>,
    },
    MissingCommand,
    Conflict {
        arg: String,
        prior: Option<String>,
    },
    WrongNumberOfValues {
        arg: String,
    },
    Other,
}

/// `fout: …` and, on the next lines, the usage and where to find help.
pub fn dutch(usage: &Usage, usage_line: Option<&str>, help_hint: &str) -> String {
    let quoted = |s: &str| format!("'{s}'");
    let suggestion = |s: &Option<String>| {
        s.as_ref()
            .map(|s| format!("; bedoel je {}?", quoted(s)))
            .unwrap_or_default()
    };
    let what = match usage {
        Usage::UnknownArgument { arg, suggested } => {
            format!("onbekend argument {}{}", quoted(arg), suggestion(suggested))
        }
        Usage::UnknownCommand { command, suggested } => {
            format!(
                "onbekende opdracht {}{}",
                quoted(command),
                suggestion(suggested)
            )
        }
        Usage::InvalidValue { value, arg, valid } => {
            let mut s = format!("{} is geen geldige waarde voor {}", quoted(value), arg);
            if !valid.is_empty() {
                s += &format!("; mogelijk zijn {}", valid.join(", "));
            }
            s
        }
        Usage::BadValue { value, arg, why } => {
            format!("{} is geen geldige waarde voor {arg}: {why}", quoted(value))
        }
        Usage::Missing { args } => format!("dit moet gegeven worden: {}", args.join(", ")),
        Usage::MissingCommand => "zeg welke opdracht".to_string(),
        Usage::Conflict { arg, prior } => match prior {
            Some(p) => format!("{arg} gaat niet samen met {p}"),
            None => format!("{arg} gaat niet samen met wat er al gegeven is"),
        },
        Usage::WrongNumberOfValues { arg } => format!("verkeerd aantal waarden voor {arg}"),
        Usage::Other => "de opdrachtregel klopt niet".to_string(),
    };
    let mut s = format!("fout: {what}\n");
    if let Some(line) = usage_line {
        s += &format!("\nGebruik: {line}\n");
    }
    s += &format!("\nMeer hulp met '{help_hint}'.\n");
    s
}
