//! `kluis import FILE`: all or nothing; a refusal names the JSON path of the
//! first problem and writes nothing. A generated team-report password is
//! shown before the import commits, and nothing is imported if it could not
//! be shown.

use super::failure::{CmdResult, Failure};
use super::out::{Out, OutError};
use super::{Context, confirm, open};
use crate::domain::mailing::JoinOutcome;
use crate::domain::text::escaped;
use crate::i18n::ui_phrases::weak_password;
use crate::ops::import::{self, GeneratedPassword, Imported, WeakPassword};
use crate::vault::team_seal;
use std::path::Path;

pub fn run(ctx: &Context, file: &Path) -> CmdResult {
    let text = std::fs::read_to_string(file).map_err(|e| {
        Failure::error(format!(
            "could not read the import file {}: {e}",
            file.display()
        ))
    })?;
    let parsed = import::parse(&text).map_err(|e| refused(ctx, &e))?;
    let mut s = open::session(ctx)?;
    let plan = import::plan(&s, &parsed).map_err(|e| refused(ctx, &e))?;
    let mut out = ctx.stdout();
    consent_to_weak(&mut out, ctx, &plan.weak_passwords)?;
    show_passwords(&mut out, ctx, &plan.generated_passwords)?;
    let done = import::apply(&mut s, plan)?;
    print_summary(&mut out, ctx, &done)?;
    Ok(())
}

fn refused(ctx: &Context, e: &import::ImportError) -> Failure {
    Failure::error(format!(
        "{} {e}",
        ctx.lang.pick(
            "import geweigerd, er is niets geschreven:",
            "import refused, nothing was written:"
        )
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
            t.pick("import geweigerd, er is niets geschreven:", "import refused, nothing was written:"),
            w.path,
            t.pick(
                "Bevestig op een terminal, of kies een sterker wachtwoord of laat het weg voor een gegenereerd.",
                "Confirm on a terminal, or choose a stronger password or leave it out to get a generated one."
            )
        );
        let question = format!("{}: {warning} {} ", w.path, t.pick("[j/N]", "[y/N]"));
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
        writeln!(
            out,
            "{}",
            t.pick(
                "Wachtwoorden van adviesrapporten — ze worden maar één keer getoond; bewaar ze nu:",
                "Team report passwords — shown this once only; store them now:"
            )
        )?;
        for g in generated {
            writeln!(out, "  {}  {}", g.password.as_str(), escaped(&g.title))?;
        }
        writeln!(out)?;
        out.flush()
    };
    write().map_err(|e| {
        let why = match &e {
            OutError::Closed => t
                .pick(
                    "de standaarduitvoer was gesloten",
                    "standard output was closed",
                )
                .to_string(),
            OutError::Failed { .. } => e.message(),
        };
        Failure::error(format!(
            "{why}; {}",
            t.pick(
                "er is niets geïmporteerd, want een gegenereerd wachtwoord van een adviesrapport wordt maar één keer getoond",
                "nothing was imported, because a generated team report password is shown this once only"
            )
        ))
    })
}

pub fn print_summary(out: &mut Out, ctx: &Context, done: &Imported) -> Result<(), OutError> {
    let t = ctx.lang;
    writeln!(out, "{}", t.pick("Geïmporteerd:", "Imported:"))?;
    for (k, n) in import::written_kinds(done) {
        writeln!(out, "  {:<22} {n}", k.name())?;
    }
    let count = |f: fn(&JoinOutcome) -> bool| done.joins.iter().filter(|j| f(j)).count();
    let added = count(|j| matches!(j, JoinOutcome::Added { .. }));
    let suppressed = count(|j| matches!(j, JoinOutcome::Suppressed { .. }));
    let no_email = count(|j| matches!(j, JoinOutcome::NoEmail { .. }));
    if !done.joins.is_empty() {
        writeln!(
            out,
            "{} {added} · {} {suppressed} · {} {no_email}",
            t.pick(
                "Via geaccepteerde offertes op de e-maillijst:",
                "Joined the mailing list through accepted quotes:"
            ),
            t.pick(
                "niet opnieuw toegevoegd (eerder afgemeld):",
                "not re-added (unsubscribed before):"
            ),
            t.pick("zonder e-mailadres:", "without an e-mail address:"),
        )?;
    }
    if done.already_subscribed > 0 {
        writeln!(
            out,
            "{} {}",
            done.already_subscribed,
            t.pick(
                "abonnees stonden al op de lijst.",
                "subscribers were on the list already."
            )
        )?;
    }
    Ok(())
}
