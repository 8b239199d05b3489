//! `kluis export person <ID|EMAIL> [--format json|md|zip] [--out FILE] [--force]`:
//! the access export of GDPR art. 15 and 20. The one place where plaintext
//! leaves the vault, because the coach asked for it: to standard output, or
//! to a new file readable by its owner only (mode 0600).

use super::args::{ExportFormatArg, ExportWhat};
use super::failure::{CmdResult, Failure};
use super::{Context, open};
use crate::domain::records::RequestKind;
use crate::i18n::cli::{self as said, Said};
use crate::i18n::export as words;
use crate::i18n::files_ui;
use crate::ops::attachments::FileError;
use crate::ops::files::{self, WriteError};
use crate::ops::rights::export::{ExportFormat, access_export_with, record_export};
use crate::ops::rights::export_zip;
use crate::ops::rights::{RightsError, requests, resolve_person};
use std::io::{BufRead, IsTerminal};
use std::path::Path;

pub fn run(ctx: &Context, what: ExportWhat) -> CmdResult {
    let t = ctx.lang;
    let ExportWhat::Person {
        person,
        format,
        out,
        force,
        redact_names,
        keep_names,
    } = what;
    if let Some(path) = &out {
        refuse_existing(ctx, path, force)?;
    }
    if format == ExportFormatArg::Zip && out.is_none() {
        return Err(Failure::usage(files_ui::zip_needs_out(t)));
    }
    let mut s = open::session(ctx)?;
    let id = resolve_person(&s.data, &person).map_err(|e| rights_failure(ctx, e))?;
    let found = access_export_with(&s, &id, t, false).map_err(|e| rights_failure(ctx, e))?;
    let redact = decide_redaction(ctx, &found.other_names, redact_names, keep_names)?;
    let export = if redact {
        access_export_with(&s, &id, t, true).map_err(|e| rights_failure(ctx, e))?
    } else {
        found
    };
    let format = match format {
        ExportFormatArg::Json => ExportFormat::Json,
        ExportFormatArg::Md => ExportFormat::Markdown,
        ExportFormatArg::Zip => {
            let Some(path) = &out else {
                return Err(Failure::usage(files_ui::zip_needs_out(t)));
            };
            let receipt =
                export_zip::write_zip(&s, &export, &id, path, force).map_err(|e| match e {
                    FileError::DestinationExists => exists_failure(ctx, path),
                    e => super::document::file_failure(ctx, e),
                })?;
            record_export(&mut s, &export).map_err(|e| rights_failure(ctx, e))?;
            let shown = path.display().to_string();
            let mut err = ctx.stderr();
            writeln!(
                err,
                "{}",
                files_ui::zip_written(t, &shown, export.records().len(), receipt.files)
            )?;
            return Ok(());
        }
    };
    let text = export.render(format);
    match (&out, format) {
        (Some(path), _) => write_private(ctx, path, text.as_bytes(), force)?,
        (None, ExportFormat::Json) => ctx.stdout().json_text(&text)?,
        (None, ExportFormat::Markdown) => ctx.stdout().text(&text)?,
    }
    record_export(&mut s, &export).map_err(|e| rights_failure(ctx, e))?;

    let mut err = ctx.stderr();
    if let Some(path) = &out {
        writeln!(
            err,
            "{} {} ({} {})",
            Said::AccessExportWrittenTo.get(t),
            path.display(),
            export.records().len(),
            Said::RecordsWord.get(t),
        )?;
    }
    let profile = crate::ops::practice::profile(&s);
    if let Some(note) = crate::i18n::practice::missing_note(t, &profile.missing()) {
        writeln!(err, "{note}")?;
    }
    if export.redactions > 0 {
        writeln!(err, "{}", words::redacted(t, export.redactions))?;
    } else if !export.other_names.is_empty() {
        writeln!(err, "{}", words::kept(t))?;
    }
    for r in requests::of_person(&s, &id) {
        if r.is_open() && matches!(r.kind, RequestKind::Access | RequestKind::Portability) {
            writeln!(
                err,
                "{} {} ({} {}): {}",
                Said::OpenRequest.get(t),
                r.id,
                Said::DueWord.get(t),
                r.due_on,
                Said::MarkHandledOnceSent.get(t)
            )?;
        }
    }
    Ok(())
}

/// Lists the other people's names found to the coach and decides whether
/// to replace them: the flag when given, else the coach's answer on a
/// terminal (yes unless an explicit no), else yes.
fn decide_redaction(
    ctx: &Context,
    names: &[String],
    redact: bool,
    keep: bool,
) -> Result<bool, Failure> {
    if names.is_empty() {
        return Ok(true);
    }
    let mut err = ctx.stderr();
    writeln!(err, "{}", words::other_names_found(ctx.lang, names))?;
    if redact || keep {
        return Ok(redact);
    }
    if !std::io::stdin().is_terminal() {
        writeln!(err, "{}", words::no_terminal(ctx.lang))?;
        return Ok(true);
    }
    write!(err, "{}", words::redact_question(ctx.lang))?;
    err.flush()?;
    let mut answer = String::new();
    // An unreadable answer is no explicit no: replace.
    let _ = std::io::stdin().lock().read_line(&mut answer);
    Ok(!words::keeps_names(&answer))
}

/// A refusal or vault error of a rights operation, as a command failure.
pub fn rights_failure(ctx: &Context, e: RightsError) -> Failure {
    match e {
        RightsError::Vault(v) => v.into(),
        RightsError::Refused(r) => Failure::error(r.message(ctx.lang)),
    }
}

/// Refuses early, before the vault is opened, when `path` exists and
/// `--force` was not given. `write_private` checks again, atomically.
pub fn refuse_existing(ctx: &Context, path: &Path, force: bool) -> CmdResult {
    if !force && files::exists(path) {
        return Err(exists_failure(ctx, path));
    }
    Ok(())
}

fn exists_failure(ctx: &Context, path: &Path) -> Failure {
    Failure::error(said::file_exists(ctx.lang, &path.display().to_string()))
}

/// Writes an export to a private file (mode 0600); see `files::write_private`.
pub fn write_private(ctx: &Context, path: &Path, bytes: &[u8], force: bool) -> CmdResult {
    files::write_private(path, bytes, force).map_err(|e| match e {
        WriteError::Exists => exists_failure(ctx, path),
        WriteError::Io(e) => Failure::error(said::not_written(
            ctx.lang,
            &path.display().to_string(),
            &e.to_string(),
        )),
    })
}
