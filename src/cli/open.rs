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
pub fn session(ctx: &Context) -> Result<CommandSession, Failure> {
    let pass = existing_passphrase(ctx)?;
    let s = CommandSession(Some(session::open(
        &ctx.vault_dir,
        pass.as_bytes(),
        ctx.clock,
    )?));
    let mut err = ctx.stderr();
    for notice in s.opening_notices(ctx.lang) {
        writeln!(err, "kluis: {notice}")?;
    }
    Ok(s)
}

/// The session of a command: a command is the whole process, so its
/// session ends as [`Session::leave_at_exit`] ends one, whichever way the
/// command ends.
pub struct CommandSession(Option<Session>);

impl std::ops::Deref for CommandSession {
    type Target = Session;

    #[expect(clippy::expect_used, reason = "only drop takes the session out")]
    fn deref(&self) -> &Session {
        // invariant: the session is taken out only by drop, after which no
        // one can deref.
        self.0.as_ref().expect("a session until dropped")
    }
}

impl std::ops::DerefMut for CommandSession {
    #[expect(clippy::expect_used, reason = "only drop takes the session out")]
    fn deref_mut(&mut self) -> &mut Session {
        // invariant: as in `deref`.
        self.0.as_mut().expect("a session until dropped")
    }
}

impl Drop for CommandSession {
    fn drop(&mut self) {
        if let Some(s) = self.0.take() {
            s.leave_at_exit();
        }
    }
}
