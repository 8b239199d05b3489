//! Opening the vault for a command: passphrase from its sources or a prompt,
//! then every record decrypted into a session.

use super::Context;
use super::failure::Failure;
use super::passphrase;
use crate::i18n::ui::Text;
use crate::ops::Session;
use crate::vault::Vault;

/// Unlocks the vault without decrypting the records.
pub fn vault(ctx: &Context) -> Result<Vault, Failure> {
    let pass = passphrase::existing(
        ctx.password_file.as_deref(),
        ctx.lang.pick("Wachtzin: ", "Passphrase: "),
    )?;
    Ok(Vault::open(&ctx.vault_dir, pass.as_bytes())?)
}

pub fn session(ctx: &Context) -> Result<Session, Failure> {
    let t = ctx.lang;
    let vault = vault(ctx)?;
    if vault.missing_changes() {
        eprintln!("kluis: {}", Text::MissingChanges.get(t));
    }
    let s = Session::load(vault, ctx.clock)?;
    if !s.unreadable.is_empty() {
        eprintln!(
            "kluis: {} {}",
            s.unreadable.len(),
            t.pick(
                "records konden niet worden gelezen en blijven onaangeroerd; `kluis check` noemt ze",
                "records could not be read and are left untouched; `kluis check` names them"
            )
        );
    }
    Ok(s)
}
