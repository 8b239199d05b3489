//! `kluis backup --out FILE [--json] [--force]` and `kluis restore FILE
//! --vault DIR [--yes]` (DESIGN.md §13.4): one encrypted file that the
//! vault's passphrase opens, with a destroy-by date; a restore into a new
//! folder that refuses a backup past that date and leaves out what expired
//! since, with a receipt of kinds and counts.

use super::failure::{CmdResult, EXIT_INTEGRITY, EXIT_USAGE, EXIT_WRONG_PASSPHRASE, Failure};
use super::{Context, confirm, open, passphrase};
use crate::i18n::backup as words;
use crate::i18n::cli::Said;
use crate::ops::backup::restore::{self, RestoreError, Restored};
use crate::ops::backup::{self as ops, BackupError};
use serde_json::json;
use std::path::Path;

pub fn run_backup(ctx: &Context, out: &Path, as_json: bool, force: bool) -> CmdResult {
    let t = ctx.lang;
    let shown = out.display().to_string();
    if !force && crate::ops::files::exists(out) {
        return Err(Failure::error(words::exists(t, &shown)));
    }
    let mut s = open::session(ctx)?;
    let made = ops::backup(&mut s, out, force).map_err(|e| match e {
        BackupError::Exists => Failure::error(words::exists(t, &shown)),
        BackupError::NoFileName => Failure::usage(words::needs_file_name(t)),
        BackupError::Io(why) => Failure::error(words::write_failed(t, &shown, &why)),
        BackupError::Vault(v) => v.into(),
    })?;
    if as_json {
        ctx.stdout().json(&json!({
            "file": shown,
            "created": made.created,
            "destroy_by": made.destroy_by.to_string(),
            "records": made.records,
            "files": made.files,
            "bytes": made.bytes,
            "recorded": made.recorded,
        }))?;
    } else {
        writeln!(
            ctx.stdout(),
            "{}",
            words::written(t, &shown, made.records, made.files, made.destroy_by)
        )?;
    }
    if !made.recorded {
        writeln!(ctx.stderr(), "kluis: {}", words::not_recorded(t))?;
    }
    Ok(())
}

pub fn run_restore(ctx: &Context, file: &Path, yes: bool) -> CmdResult {
    let t = ctx.lang;
    let shown = file.display().to_string();
    let dir = ctx.vault_dir.display().to_string();
    let failure = |e: RestoreError| match e {
        RestoreError::Io(why) => Failure::error(words::read_failed(t, &shown, &why)),
        RestoreError::NotABackup => Failure::new(EXIT_USAGE, words::not_a_backup(t, &shown)),
        RestoreError::Damaged(what) => {
            Failure::new(EXIT_INTEGRITY, words::damaged(t, &shown, what.words(t)))
        }
        RestoreError::PastDestroyBy(d) => Failure::new(EXIT_USAGE, words::past_destroy_by(t, d)),
        RestoreError::WrongPassphrase => {
            Failure::new(EXIT_WRONG_PASSPHRASE, words::wrong_passphrase(t))
        }
        RestoreError::TargetNotEmpty(_) => Failure::error(words::target_not_empty(t, &dir)),
        RestoreError::Vault(v) => v.into(),
    };
    // Refusals that need no passphrase come first.
    let (created, destroy_by) = restore::peek(file).map_err(failure)?;
    if ctx.clock.today() > destroy_by {
        return Err(failure(RestoreError::PastDestroyBy(destroy_by)));
    }
    if !yes {
        confirm::ask(ctx, &mut ctx.stderr(), &words::confirm(t, &created, &dir))?;
    }
    let pass = passphrase::existing(ctx, Said::BackupPassphrasePrompt.get(t))?;
    let done =
        restore::restore(file, &ctx.vault_dir, pass.as_bytes(), ctx.clock).map_err(failure)?;
    print_receipt(ctx, &dir, &done)
}

fn print_receipt(ctx: &Context, dir: &str, r: &Restored) -> CmdResult {
    let t = ctx.lang;
    let mut out = ctx.stdout();
    writeln!(out, "{}", words::restored(t, &r.created, dir, r.files))?;
    for (kind, n) in &r.restored {
        writeln!(out, "  {:<22} {n}", kind.name())?;
    }
    if r.purged.is_empty() {
        writeln!(out, "{}", words::nothing_purged(t))?;
    } else {
        writeln!(out, "{}", words::purged_heading(t))?;
        for (kind, n) in &r.purged {
            writeln!(out, "  {:<22} {n}", kind.name())?;
        }
    }
    if r.shredded > 0 {
        writeln!(out, "{}", words::shredded(t, r.shredded))?;
    }
    Ok(())
}
