//! `kluis init`: create an empty vault. On an existing vault it refuses and
//! changes nothing.

use super::failure::CmdResult;
use super::{Context, passphrase};
use crate::vault::{KdfParams, Vault};

pub fn run(ctx: &Context) -> CmdResult {
    let t = ctx.lang;
    let source = passphrase::from_sources(ctx)?;
    if crate::vault::Vault::exists(&ctx.vault_dir) {
        return Err(crate::vault::VaultError::AlreadyExists(ctx.vault_dir.clone()).into());
    }
    let pass = passphrase::new(
        ctx,
        source,
        t.pick("Nieuwe wachtwoordzin: ", "New passphrase: "),
        t.pick("Nogmaals: ", "Again: "),
    )?;
    Vault::create(
        &ctx.vault_dir,
        pass.as_bytes(),
        KdfParams::VAULT,
        &ctx.clock.stamp(),
    )?;
    writeln!(
        ctx.stdout(),
        "{} {}",
        t.pick("Nieuwe kluis gemaakt in", "Created a new vault in"),
        ctx.vault_dir.display()
    )?;
    Ok(())
}
