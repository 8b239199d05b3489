//! Opening the vault for a command: passphrase from its sources or a prompt,
//! then every record decrypted into a session.

use super::Context;
use super::failure::Failure;
use super::passphrase;
use crate::i18n::cli::Said;
use crate::ops::Session;
use crate::ops::session;
use crate::vault::{Vault, VaultError};

/// The passphrase of the existing vault, from its sources or a prompt.
fn existing_passphrase(ctx: &Context) -> Result<passphrase::Secret, Failure> {
    passphrase::existing(ctx, Said::PassphrasePrompt.get(ctx.lang))
}

/// Unlocks the vault without decrypting the records.
pub fn vault(ctx: &Context) -> Result<Vault, Failure> {
    Ok(unlock(ctx)??)
}

/// Reads the passphrase and opens the vault; the vault's own error is left
/// for the caller to turn into an exit code.
pub fn unlock(ctx: &Context) -> Result<Result<Vault, VaultError>, Failure> {
    let pass = existing_passphrase(ctx)?;
    Ok(Vault::open(&ctx.vault_dir, pass.as_bytes()))
}

/// Opens the session; what the coach must know about it goes to stderr.
/// A command is the whole process (`Vault::end_with_process`).
pub fn session(ctx: &Context) -> Result<Session, Failure> {
    let pass = existing_passphrase(ctx)?;
    let mut s = session::open(&ctx.vault_dir, pass.as_bytes(), ctx.clock)?;
    s.vault.end_with_process();
    let mut err = ctx.stderr();
    for notice in s.opening_notices(ctx.lang) {
        writeln!(err, "kluis: {notice}")?;
    }
    Ok(s)
}
