//! The command line of DESIGN.md §8 (contract).

pub mod args;
pub mod backup;
pub mod breach;
mod breach_fields;
pub mod breach_register;
pub mod calendar;
pub mod check;
pub mod config;
pub mod config_file;
pub mod confirm;
pub mod demo;
pub mod disclosure;
pub mod document;
pub mod erase;
pub mod export;
pub mod failure;
pub mod generate;
mod heap;
pub mod import;
pub mod init;
pub mod localize;
pub mod mailing;
pub mod open;
pub mod out;
pub mod passphrase;
pub mod passwd;
pub mod password_file;
pub mod practice;
pub mod purge;
pub mod register;
pub mod start;
pub mod status;
pub mod tui;
pub mod usage_error;

use crate::domain::text::escaped;
use crate::i18n::Lang;
use crate::i18n::cli::{self as said, Said};
use crate::ops::Clock;
use args::{Cli, Command};
use failure::{CmdResult, Failure};
use out::Out;
use std::path::PathBuf;

/// What every command gets: the resolved vault folder, language, clock and
/// passphrase source.
pub struct Context {
    pub vault_dir: PathBuf,
    pub lang: Lang,
    pub clock: Clock,
    pub password_file: Option<PathBuf>,
    /// `KLUIS_PASSWORD`, taken out of the environment at start.
    pub env_password: Option<passphrase::Secret>,
    /// `config.toml` as read at start.
    pub config: config_file::Config,
}

impl Context {
    /// Standard output, in the command's language (see `out`).
    pub fn stdout(&self) -> Out {
        Out::stdout(self.lang)
    }

    /// Standard error, for notes beside the output.
    pub fn stderr(&self) -> Out {
        Out::stderr(self.lang)
    }
}

/// Runs the program and returns its exit code. `env_password` is
/// `KLUIS_PASSWORD` as `process_guard::harden` took it from the environment.
pub fn run(env_password: Option<passphrase::Secret>) -> i32 {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let early = start::scan(&args);
    let env_lang = std::env::var("LANG").ok();
    let flag_lang = (early.lang.as_deref()).map(|f| Lang::resolve(Some(f), None));
    let early_lang = Lang::resolve(None, env_lang.as_deref());
    let config = match config_file::load(early.config.as_deref(), flag_lang, early_lang) {
        Ok(c) => c,
        Err(f) => {
            // Nowhere is left to report a failure to write this.
            let _ = writeln!(Out::stderr(early_lang), "kluis: {}", f.message);
            return f.code;
        }
    };
    let lang = match (flag_lang, config.language) {
        (None, Some(from_file)) => from_file,
        (flag, _) => flag.unwrap_or(early_lang),
    };
    let parsed = localize::command(lang)
        .try_get_matches_from(&args)
        .and_then(|m| <Cli as clap::FromArgMatches>::from_arg_matches(&m));
    let cli = match parsed {
        Ok(c) => c,
        Err(e) => return usage_error::print(&e, lang),
    };
    crate::i18n::dates::choose(config.date_style);
    crate::app::keymap::install(config.key_table.clone());
    match dispatch(cli, lang, env_password, config) {
        Ok(()) => 0,
        Err(f) => {
            if !f.message.is_empty() {
                // Nowhere is left to report a failure to write this.
                let _ = writeln!(Out::stderr(lang), "kluis: {}", f.said(lang));
            }
            f.code
        }
    }
}

fn dispatch(
    cli: Cli,
    lang: Lang,
    env_password: Option<passphrase::Secret>,
    config: config_file::Config,
) -> CmdResult {
    let clock = Clock::from_env().map_err(|_| {
        let value = std::env::var("KLUIS_NOW").unwrap_or_default();
        Failure::usage(said::bad_now(lang, &escaped(&value)))
    })?;
    let explicit_vault = cli
        .vault
        .clone()
        .or_else(|| std::env::var_os("KLUIS_VAULT").map(PathBuf::from));
    let vault_dir = match explicit_vault.clone() {
        Some(d) => d,
        None => default_vault_dir(lang)?,
    };
    let ctx = Context {
        vault_dir,
        lang,
        clock,
        password_file: cli.password_file.clone(),
        env_password,
        config,
    };
    match cli.command {
        Some(Command::Init { name, email }) => init::run(&ctx, name, email),
        Some(Command::Demo { no_tui }) => demo::run(&ctx, cli.vault.clone(), no_tui),
        Some(Command::Passwd { new_password_file }) => {
            passwd::run(&ctx, new_password_file.as_deref())
        }
        Some(Command::Check { json }) => check::run(&ctx, json),
        Some(Command::Completions { shell }) => generate::completions(&ctx, shell),
        Some(Command::Man) => generate::man(&ctx),
        Some(Command::Config { action }) => config::run(&ctx, action),
        Some(Command::Import { file, csv }) => import::run(&ctx, &file, &csv),
        Some(Command::Status { json }) => status::run(&ctx, json),
        Some(Command::Purge {
            expired,
            dry_run,
            yes,
            json,
        }) => purge::run(
            &ctx,
            purge::Options {
                expired,
                dry_run,
                yes,
                json,
            },
        ),
        Some(Command::Export { what }) => export::run(&ctx, what),
        Some(Command::Erase { what }) => erase::run(&ctx, what),
        Some(Command::Mailing { action }) => mailing::run(&ctx, action),
        Some(Command::Document { command }) => document::run(&ctx, *command),
        Some(Command::Disclosure { command }) => disclosure::run(&ctx, command),
        Some(Command::Breach { command }) => breach::run(&ctx, *command),
        Some(Command::Practice { command }) => practice::run(&ctx, command),
        Some(Command::Register { format }) => register::register(&ctx, format),
        Some(Command::Statement { format }) => register::statement(&ctx, format),
        Some(Command::Backup { out, json, force }) => backup::run_backup(&ctx, &out, json, force),
        Some(Command::Restore { file, yes }) => backup::run_restore(&ctx, &file, yes),
        Some(Command::Calendar { out, days, force }) => {
            calendar::run(&ctx, out.as_deref(), days, force)
        }
        None => tui::run(&ctx, None, None),
    }
}

fn default_vault_dir(lang: Lang) -> Result<PathBuf, Failure> {
    directories::ProjectDirs::from("nl", "Optiwork", "kluis")
        .map(|d| d.data_dir().to_path_buf())
        .ok_or_else(|| Failure::error(Said::NoHomeForVault.get(lang)))
}
