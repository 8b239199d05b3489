//! `kluis passwd`: a new passphrase, and new keys under it (a new root key,
//! new bucket keys that re-wrap every data key; `Vault::change_passphrase`).
//! No record is re-encrypted: a few bytes per record are rewritten.

use super::failure::CmdResult;
use super::{Context, passphrase};
use crate::vault::Vault;
use std::path::Path;

pub fn run(ctx: &Context, new_password_file: Option<&Path>) -> CmdResult {
    let t = ctx.lang;
    let current = passphrase::existing(ctx, t.pick("Wachtwoordzin: ", "Passphrase: "))?;
    let mut vault = Vault::open(&ctx.vault_dir, current.as_bytes())?;
    let source = match new_password_file {
        Some(f) => Some(passphrase::read_first_line(f, t)?),
        None => None,
    };
    let new = passphrase::new(
        ctx,
        source,
        t.pick("Nieuwe wachtwoordzin: ", "New passphrase: "),
        t.pick("Nogmaals: ", "Again: "),
    )?;
    vault.change_passphrase(new.as_bytes(), &ctx.clock.stamp())?;
    writeln!(
        ctx.stdout(),
        "{}",
        t.pick("Wachtwoordzin gewijzigd.", "Passphrase changed.")
    )?;
    Ok(())
}
