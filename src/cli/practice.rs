//! `kluis practice show [--json]` and `kluis practice set --file FILE`: the
//! practice profile of DESIGN.md §13.2 (contract). `set` replaces the fields
//! the file gives and keeps the others; a retention period longer than the
//! rule allows is refused with exit 2, naming the rule.

use super::failure::{CmdResult, EXIT_USAGE, Failure};
use super::{Context, open};
use crate::i18n::practice as words;
use crate::ops::edit::MAX_FILE_BYTES;
use crate::ops::practice::{self, PracticeError};
use clap::Subcommand;
use std::path::{Path, PathBuf};
use zeroize::Zeroizing;

#[derive(Debug, Subcommand)]
pub enum PracticeCommand {
    /// The practice's name, contact details, processors and retention periods
    Show {
        #[arg(long)]
        json: bool,
    },
    /// Replace the fields a JSON file gives (DESIGN.md §13.2); the others stay
    Set {
        #[arg(long, value_name = "FILE")]
        file: PathBuf,
    },
}

pub fn run(ctx: &Context, command: PracticeCommand) -> CmdResult {
    match command {
        PracticeCommand::Show { json } => show(ctx, json),
        PracticeCommand::Set { file } => set(ctx, &file),
    }
}

fn show(ctx: &Context, as_json: bool) -> CmdResult {
    let s = open::session(ctx)?;
    let p = practice::profile(&s);
    let mut out = ctx.stdout();
    if as_json {
        // invariant: the profile holds only strings, numbers and maps with
        // string keys, which always serialise.
        let value = serde_json::to_value(&p).unwrap_or_default();
        out.json(&value)?;
    } else {
        out.text(&words::show(ctx.lang, &p))?;
    }
    Ok(())
}

fn set(ctx: &Context, file: &Path) -> CmdResult {
    let json = read(file).ok_or_else(|| Failure::error(words::file_unreadable(ctx.lang)))?;
    let mut s = open::session(ctx)?;
    let p = practice::set_fields(&mut s, &json).map_err(|e| failure(ctx, e))?;
    let mut err = ctx.stderr();
    writeln!(err, "{}", words::saved(ctx.lang))?;
    if let Some(note) = words::missing_note(ctx.lang, &p.missing()) {
        writeln!(err, "{note}")?;
    }
    Ok(())
}

/// The file's text: at most `MAX_FILE_BYTES`, UTF-8.
fn read(file: &Path) -> Option<Zeroizing<String>> {
    let meta = std::fs::metadata(file).ok()?;
    if !meta.is_file() || meta.len() > MAX_FILE_BYTES {
        return None;
    }
    let bytes = Zeroizing::new(std::fs::read(file).ok()?);
    std::str::from_utf8(&bytes)
        .ok()
        .map(|t| Zeroizing::new(t.to_string()))
}

/// A vault error keeps its own exit code; a profile that does not fit is
/// bad input (exit 2).
fn failure(ctx: &Context, e: PracticeError) -> Failure {
    match e {
        PracticeError::Vault(v) => Failure::from(v),
        other => Failure::new(EXIT_USAGE, other.message(ctx.lang)),
    }
}
