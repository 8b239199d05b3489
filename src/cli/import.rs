//! `kluis import FILE`: all or nothing; a refusal names the JSON path of the
//! first problem and writes nothing. A generated team-report password is
//! shown before the import commits, and nothing is imported if it could not
//! be shown. A CSV file (DESIGN.md §13.5) goes through the same checks, and
//! its refusals name the line and column.

use super::args::{CsvArgs, CsvRecordsArg, SourceArg};
use super::failure::{CmdResult, Failure};
use super::out::{Out, OutError};
use super::{Context, confirm, open};
use crate::domain::Id;
use crate::domain::mailing::JoinOutcome;
use crate::domain::records::SubscriberSource;
use crate::domain::text::escaped;
use crate::i18n::cli as said;
use crate::i18n::cli::Said;
use crate::i18n::corrections::{shared_email_more, shared_email_warning};
use crate::i18n::csv_import as words;
use crate::i18n::import as import_words;
use crate::i18n::ui_phrases::{kind_counted, weak_password};
use crate::ops::csv_import::{self, CsvError, Field, Options, Records};
use crate::ops::import::{self, GeneratedPassword, Imported, WeakPassword};
use crate::ops::shared_email;
use crate::vault::team_seal;
use std::path::Path;

/// How many shared-address warnings an import names one by one.
const SHARED_EMAIL_LINES: usize = 10;

pub fn run(ctx: &Context, file: &Path, csv: &CsvArgs) -> CmdResult {
    super::heap::lean_for_bulk();
    crate::vault::store::cache_for_writing_once();
    let bytes = std::fs::read(file).map_err(|e| {
        let path = file.display().to_string();
        Failure::error(said::import_unreadable(
            ctx.lang,
            &escaped(&path),
            &e.to_string(),
        ))
    })?;
    if csv_import::is_csv(file, &bytes) {
        return run_csv(ctx, &bytes, csv);
    }
    if csv.given() {
        return Err(Failure::usage(words::only_for_csv(ctx.lang)));
    }
    let text = String::from_utf8(bytes).map_err(|_| {
        let path = file.display().to_string();
        Failure::error(import_words::not_utf8(ctx.lang, &escaped(&path)))
    })?;
    let mut parsed = import::parse(&text).map_err(|e| refused(ctx, &e))?;
    // Each stage's data goes once the next one holds it: the file's bytes
    // here, the parsed file once it is planned.
    drop(text);
    // The paths of files in it are relative to the import file (§13.1).
    parsed.base = file.parent().map(Path::to_path_buf);
    let mut s = open::session(ctx)?;
    let plan = import::plan(&s, &parsed).map_err(|e| refused(ctx, &e))?;
    // A few lines name entries; a file of thousands of shared addresses gets
    // a count for the rest rather than thousands of lines.
    let shared = shared_email::in_import(&s.data, &parsed.people);
    for (index, existing) in shared.iter().take(SHARED_EMAIL_LINES) {
        let id = existing.as_ref().map(Id::as_str);
        writeln!(
            ctx.stderr(),
            "kluis: {}",
            shared_email_warning(ctx.lang, *index, id)
        )?;
    }
    if let Some(more) = shared
        .len()
        .checked_sub(SHARED_EMAIL_LINES)
        .filter(|n| *n > 0)
    {
        writeln!(ctx.stderr(), "kluis: {}", shared_email_more(ctx.lang, more))?;
    }
    drop(parsed);
    let mut out = ctx.stdout();
    consent_to_weak(&mut out, ctx, &plan.weak_passwords)?;
    show_passwords(&mut out, ctx, &plan.generated_passwords)?;
    let done = import::apply(&mut s, plan)?;
    print_summary(&mut out, ctx, &done)?;
    Ok(())
}

/// People or subscribers from a CSV: read and checked whole, with the JSON
/// import's plan, before the one change is written.
fn run_csv(ctx: &Context, bytes: &[u8], args: &CsvArgs) -> CmdResult {
    let t = ctx.lang;
    let options = csv_options(ctx, args)?;
    let csv_refused =
        |e: CsvError| Failure::error(format!("{} {}", words::import_refused(t), e.message(t)));
    let text = csv_import::decode(bytes).map_err(csv_refused)?;
    let (file, origins) =
        csv_import::read(&text, &options, ctx.clock.today()).map_err(csv_refused)?;
    let mut s = open::session(ctx)?;
    let plan = import::plan(&s, &file).map_err(|e| csv_refused(origins.locate(&e)))?;
    let done = import::apply(&mut s, plan)?;
    let mut out = ctx.stdout();
    print_summary(&mut out, ctx, &done)?;
    if !origins.left_out.is_empty() {
        let columns: Vec<String> = origins
            .left_out
            .iter()
            .map(|c| escaped(c).into_owned())
            .collect();
        writeln!(ctx.stderr(), "{}", words::left_out(t, &columns.join(", ")))?;
    }
    Ok(())
}

fn csv_options(ctx: &Context, args: &CsvArgs) -> Result<Options, Failure> {
    let t = ctx.lang;
    let subscribers = match args.records {
        Some(CsvRecordsArg::Subscribers) => true,
        Some(CsvRecordsArg::People) => false,
        None => args.source.is_some() || args.evidence.is_some(),
    };
    let records = match (subscribers, args.source, args.evidence.as_deref()) {
        (true, Some(source), Some(evidence)) => Records::Subscribers {
            source: match source {
                SourceArg::Webinar => SubscriberSource::Webinar,
                SourceArg::Ebook => SubscriberSource::Ebook,
                SourceArg::Quote => SubscriberSource::Quote,
                SourceArg::Manual => SubscriberSource::Manual,
            },
            evidence: evidence.to_string(),
        },
        (false, None, None) => Records::People,
        (false, _, _) => return Err(Failure::usage(words::consent_for_people(t))),
        (true, _, _) => return Err(Failure::usage(words::needs_consent(t))),
    };
    let fields: Vec<&str> = Field::NAMES.iter().map(|(n, _)| *n).collect();
    let mut map = Vec::new();
    for m in &args.map {
        let pair = m
            .rsplit_once('=')
            .and_then(|(c, f)| Some((c.trim().to_string(), Field::parse(f)?)))
            .filter(|(c, _)| !c.is_empty());
        match pair {
            Some(p) => map.push(p),
            None => return Err(Failure::usage(words::bad_map(t, &fields.join(", ")))),
        }
    }
    Ok(Options { records, map })
}

fn refused(ctx: &Context, e: &import::ImportError) -> Failure {
    Failure::error(format!(
        "{} {}",
        words::import_refused(ctx.lang),
        e.message(ctx.lang)
    ))
}

/// A chosen team-report password below the UI's strength needs the coach's
/// consent after the UI's warning (DESIGN.md 7.5): asked on a terminal,
/// refused (exit 2) without one.
fn consent_to_weak(out: &mut Out, ctx: &Context, weak: &[WeakPassword]) -> CmdResult {
    let t = ctx.lang;
    for w in weak {
        let warning = weak_password(t, w.bits, team_seal::GENERATED_BITS);
        let refusal = format!(
            "{} {}: {warning} {}",
            words::import_refused(t),
            w.path,
            Said::WeakPasswordWayOut.get(t)
        );
        let question = format!("{}: {warning} {} ", w.path, Said::YesNo.get(t));
        confirm::ask_or(out, &question, &refusal)?;
    }
    Ok(())
}

/// Shows the generated team-report passwords, the only copy there will
/// ever be, and makes sure they reached the reader. Call it before the
/// change commits: its failure means the import must not happen.
pub fn show_passwords(out: &mut Out, ctx: &Context, generated: &[GeneratedPassword]) -> CmdResult {
    if generated.is_empty() {
        return Ok(());
    }
    let t = ctx.lang;
    let mut write = || -> Result<(), OutError> {
        writeln!(out, "{}", Said::TeamReportPasswordsHeading.get(t))?;
        for g in generated {
            writeln!(out, "  {}  {}", g.password.as_str(), escaped(&g.title))?;
        }
        writeln!(out)?;
        out.flush()
    };
    write().map_err(|e| {
        let why = match &e {
            OutError::Closed => Said::StandardOutputWasClosed.get(t).to_string(),
            OutError::Failed { .. } => e.message(),
        };
        Failure::error(format!(
            "{why}; {}",
            Said::NothingImportedPasswordShownOnce.get(t)
        ))
    })
}

pub fn print_summary(out: &mut Out, ctx: &Context, done: &Imported) -> Result<(), OutError> {
    let t = ctx.lang;
    writeln!(out, "{}", Said::Imported.get(t))?;
    for (k, n) in import::written_kinds(done) {
        writeln!(out, "  {:<24} {n}", kind_counted(t, k, n))?;
    }
    let count = |f: fn(&JoinOutcome) -> bool| done.joins.iter().filter(|j| f(j)).count();
    let added = count(|j| matches!(j, JoinOutcome::Added { .. }));
    let suppressed = count(|j| matches!(j, JoinOutcome::Suppressed { .. }));
    let no_email = count(|j| matches!(j, JoinOutcome::NoEmail { .. }));
    if !done.joins.is_empty() {
        writeln!(
            out,
            "{} {added} · {} {suppressed} · {} {no_email}",
            Said::JoinedThroughQuotes.get(t),
            Said::NotReAdded.get(t),
            Said::WithoutEmail.get(t),
        )?;
    }
    if done.already_subscribed > 0 {
        writeln!(
            out,
            "{} {}",
            done.already_subscribed,
            Said::AlreadySubscribed.get(t)
        )?;
    }
    Ok(())
}
