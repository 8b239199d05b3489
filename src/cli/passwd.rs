//! `kluis passwd`: a new passphrase, and new keys under it (a new root key,
//! new bucket keys that re-wrap every data key; `Vault::change_passphrase`).
//! No record is re-encrypted: a few bytes per record are rewritten.

use super::failure::CmdResult;
use super::{Context, passphrase};
use crate::i18n::cli::Said;
use crate::vault::Vault;
use std::path::Path;

pub fn run(ctx: &Context, new_password_file: Option<&Path>) -> CmdResult {
    let t = ctx.lang;
    let current = passphrase::existing(ctx, Said::PassphrasePrompt.get(t))?;
    let mut vault = Vault::open(&ctx.vault_dir, current.as_bytes())?;
    let source = match new_password_file {
        Some(f) => Some(passphrase::read_first_line(f, t)?),
        None => None,
    };
    let new = passphrase::new(
        ctx,
        source,
        Said::NewPassphrasePrompt.get(t),
        Said::AgainPrompt.get(t),
    )?;
    vault.change_passphrase(new.as_bytes(), &ctx.clock.stamp())?;
    writeln!(ctx.stdout(), "{}", Said::PassphraseChanged.get(t))?;
    Ok(())
}
