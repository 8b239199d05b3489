//! `kluis init`: create an empty vault. On an existing vault it refuses and
//! changes nothing. The first run asks the practice's name and e-mail
//! address for the practice profile (DESIGN.md §13.2): from `--name` and
//! `--email`, or on a terminal; Enter leaves them for later.

use super::failure::{CmdResult, EXIT_USAGE, Failure};
use super::{Context, passphrase};
use crate::domain::practice::{Invalid, Practice};
use crate::i18n::cli::Said;
use crate::i18n::practice as words;
use crate::ops::practice::{self, PracticeError};
use crate::ops::session;
use crate::vault::KdfParams;
use std::io::{BufRead, IsTerminal};

pub fn run(ctx: &Context, name: Option<String>, email: Option<String>) -> CmdResult {
    let t = ctx.lang;
    let source = passphrase::from_sources(ctx)?;
    if crate::vault::Vault::exists(&ctx.vault_dir) {
        return Err(crate::vault::VaultError::AlreadyExists(ctx.vault_dir.clone()).into());
    }
    let pass = passphrase::new(
        ctx,
        source,
        Said::NewPassphrasePrompt.get(t),
        Said::AgainPrompt.get(t),
    )?;
    // Asked before the vault is made: a bad answer leaves nothing behind.
    let mut profile = Practice {
        name: given_or_asked(ctx, name, words::ask_name(t))?,
        email: given_or_asked(ctx, email, words::ask_email(t))?,
        ..Practice::default()
    };
    profile.name = profile.name.trim().to_string();
    profile.email = profile.email.trim().to_string();
    if let Err(Invalid::ControlCharacter(path)) = profile.check() {
        return Err(Failure::new(EXIT_USAGE, words::control_character(t, &path)));
    }
    let mut s = session::create(&ctx.vault_dir, pass.as_bytes(), KdfParams::VAULT, ctx.clock)?;
    if profile != Practice::default() {
        practice::save(&mut s, profile.clone()).map_err(|e| match e {
            PracticeError::Vault(v) => Failure::from(v),
            other => Failure::new(EXIT_USAGE, other.message(t)),
        })?;
    }
    writeln!(
        ctx.stdout(),
        "{} {}",
        Said::CreatedANewVaultIn.get(t),
        ctx.vault_dir.display()
    )?;
    if let Some(note) = words::missing_note(t, &profile.missing()) {
        writeln!(ctx.stderr(), "{note}")?;
    }
    Ok(())
}

/// The value given on the command line, or else the answer to `question`
/// on a terminal (empty without one, or when the coach presses Enter).
fn given_or_asked(ctx: &Context, given: Option<String>, question: &str) -> Result<String, Failure> {
    if let Some(v) = given {
        return Ok(v);
    }
    if !std::io::stdin().is_terminal() {
        return Ok(String::new());
    }
    let mut err = ctx.stderr();
    write!(err, "{question}")?;
    err.flush()?;
    let mut answer = String::new();
    // A failed read is an answer left for later, like Enter.
    let _ = std::io::stdin().lock().read_line(&mut answer);
    Ok(answer.trim_end_matches(['\r', '\n']).to_string())
}
