//! The clap definition in the coach's language: the help and about lines,
//! the headings and clap's own help and version flags come from the
//! catalogue (`i18n::cli_help`) in Dutch; English is the definition
//! itself. Completions and the man page are generated from the same
//! command, so they follow the language too.

use super::args::Cli;
use crate::i18n::Lang;
use crate::i18n::cli_help;
use clap::{Command, CommandFactory};

/// The whole command line, built, in `lang`.
pub fn command(lang: Lang) -> Command {
    let mut cmd = Cli::command();
    // Builds the help flags and the `help` subcommand, so that they can be
    // worded too.
    cmd.build();
    match lang {
        Lang::En => cmd,
        Lang::Nl => dutch(cmd),
    }
}

fn dutch(cmd: Command) -> Command {
    let about = cmd.get_about().map(|s| nl(&s.to_string()));
    let long_about = cmd.get_long_about().map(|s| nl(&s.to_string()));
    let ids: Vec<String> = cmd
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    let subs: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    let mut cmd = cmd
        .help_template(cli_help::TEMPLATE_NL)
        .subcommand_help_heading(cli_help::COMMANDS_NL)
        .subcommand_value_name(cli_help::COMMAND_NL);
    if let Some(a) = about {
        cmd = cmd.about(a);
    }
    if let Some(a) = long_about {
        cmd = cmd.long_about(a);
    }
    for id in ids {
        cmd = cmd.mut_arg(id, |a| {
            let help = a.get_help().map(|h| nl(&h.to_string()));
            let long = a.get_long_help().map(|h| nl(&h.to_string()));
            let values: Vec<String> = a
                .get_possible_values()
                .iter()
                .filter(|v| !v.is_hide_set())
                .map(|v| v.get_name().to_string())
                .collect();
            let default: Vec<String> = a
                .get_default_values()
                .iter()
                .map(|v| v.to_string_lossy().into_owned())
                .collect();
            let heading = if a.is_positional() {
                cli_help::ARGUMENTS_NL
            } else {
                cli_help::OPTIONS_NL
            };
            // A flag's `false` is not shown in English either.
            let extra = if a.get_action().takes_values() {
                cli_help::values_nl(&values, &default)
            } else {
                String::new()
            };
            let a = a
                .help_heading(heading)
                .hide_possible_values(true)
                .hide_default_value(true);
            let a = match help {
                Some(h) => a.help(format!("{h}{extra}")),
                None => a,
            };
            match long {
                Some(h) => a.long_help(format!("{h}{extra}")),
                None => a,
            }
        });
    }
    for name in subs {
        cmd = cmd.mut_subcommand(name, dutch);
    }
    cmd
}

/// The Dutch of an English help text; the English itself where the
/// catalogue has none (a test keeps that from happening).
fn nl(en: &str) -> String {
    cli_help::dutch(en).map_or_else(|| en.to_string(), str::to_string)
}

/// Every about and help text of `cmd` and its subcommands, in English.
pub fn texts(cmd: &Command, out: &mut Vec<String>) {
    out.extend(cmd.get_about().map(|s| s.to_string()));
    out.extend(cmd.get_long_about().map(|s| s.to_string()));
    for a in cmd.get_arguments() {
        out.extend(a.get_help().map(|s| s.to_string()));
        out.extend(a.get_long_help().map(|s| s.to_string()));
    }
    for s in cmd.get_subcommands() {
        texts(s, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_help_text_of_the_command_line_has_its_dutch() {
        let mut all = Vec::new();
        texts(&command(Lang::En), &mut all);
        all.sort();
        all.dedup();
        let missing: Vec<&String> = all
            .iter()
            .filter(|t| cli_help::dutch(t).is_none())
            .collect();
        assert!(
            missing.is_empty(),
            "add the Dutch of these help texts to src/i18n/cli_help.rs:\n{}",
            missing
                .iter()
                .map(|t| format!("    ({t:?}, \"…\"),"))
                .collect::<Vec<_>>()
                .join("\n")
        );
    }

    #[test]
    fn the_dutch_help_has_dutch_headings_and_texts() {
        let help = command(Lang::Nl).render_help().to_string();
        for part in ["Gebruik:", "Opdrachten:", "Opties:", "Toon de hulp"] {
            assert!(help.contains(part), "{part} not in:\n{help}");
        }
        for english in ["Usage:", "Commands:", "Options:", "Print help"] {
            assert!(!help.contains(english), "{english} in:\n{help}");
        }
    }
}
