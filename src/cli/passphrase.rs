//! Where the passphrase comes from, following restic: `--password-file` or
//! `KLUIS_PASSWORD_FILE` (first line, see `password_file`), else
//! `KLUIS_PASSWORD` (taken out of the environment at start, see
//! `process_guard`), else a prompt without echo on the terminal.

use super::Context;
use super::confirm;
use super::failure::Failure;
use super::password_file;
use crate::i18n::Lang;
use crate::i18n::cli::{Failed, Said, failed};
use crate::i18n::ui::{self, Text};
use crate::ops::strength;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use zeroize::Zeroizing;

pub type Secret = Zeroizing<String>;

/// The non-interactive sources, if any is set.
pub fn from_sources(ctx: &Context) -> Result<Option<Secret>, Failure> {
    let file: Option<PathBuf> = ctx
        .password_file
        .clone()
        .or_else(|| std::env::var_os("KLUIS_PASSWORD_FILE").map(PathBuf::from));
    if let Some(path) = file {
        return read_first_line(&path, ctx.lang).map(Some);
    }
    Ok(ctx.env_password.clone())
}

pub fn read_first_line(path: &Path, lang: Lang) -> Result<Secret, Failure> {
    password_file::read_first_line(path, lang)
}

/// The passphrase of an existing vault: a source, else a prompt.
pub fn existing(ctx: &Context, prompt: &str) -> Result<Secret, Failure> {
    if let Some(p) = from_sources(ctx)? {
        return Ok(p);
    }
    ask(prompt, ctx.lang)
}

/// A new passphrase: a source, else asked twice on the terminal. A weak
/// one (`ops::strength`) typed on the terminal is used only when the coach
/// says yes to the warning; one from a file or the environment gets the
/// warning on standard error, as a script cannot answer.
pub fn new(
    ctx: &Context,
    source: Option<Secret>,
    prompt: &str,
    again: &str,
) -> Result<Secret, Failure> {
    let lang = ctx.lang;
    if let Some(p) = source {
        if strength::is_weak(&p) {
            let warning = ui::weak_passphrase(lang, strength::bits(&p));
            writeln!(ctx.stderr(), "kluis: {warning}")?;
        }
        return Ok(p);
    }
    let first = ask(prompt, lang)?;
    let second = ask(again, lang)?;
    if *first != *second {
        return Err(Failure::error(Said::PassphrasesDiffer.get(lang)));
    }
    if strength::is_weak(&first) {
        let question = format!(
            "{} {} ",
            ui::weak_passphrase(lang, strength::bits(&first)),
            Text::WeakPassphraseQuestion.get(lang)
        );
        confirm::ask_or(
            &mut ctx.stderr(),
            &question,
            Text::WeakPassphraseRefused.get(lang),
        )?;
    }
    Ok(first)
}

fn ask(prompt: &str, lang: Lang) -> Result<Secret, Failure> {
    if !std::io::stdin().is_terminal() {
        return Err(Failure::usage(Said::NoPassphrase.get(lang)));
    }
    rpassword::prompt_password(prompt)
        .map(Zeroizing::new)
        .map_err(|e| Failure::error(failed(lang, Failed::ReadPassphrase, &e.to_string())))
}
