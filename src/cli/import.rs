//! `kluis import FILE`: all or nothing; a refusal names the JSON path of the
//! first problem and writes nothing.

use super::failure::{CmdResult, Failure};
use super::{Context, open};
use crate::domain::mailing::JoinOutcome;
use crate::ops::import::{self, Imported};
use std::path::Path;

pub fn run(ctx: &Context, file: &Path) -> CmdResult {
    let t = ctx.lang;
    let text = std::fs::read_to_string(file).map_err(|e| {
        Failure::error(format!(
            "could not read the import file {}: {e}",
            file.display()
        ))
    })?;
    let parsed = import::parse(&text).map_err(|e| refused(ctx, &e))?;
    let mut s = open::session(ctx)?;
    let plan = import::plan(&s, &parsed).map_err(|e| refused(ctx, &e))?;
    let done = import::apply(&mut s, plan)?;
    print_summary(ctx, &done);
    let _ = t;
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

pub fn print_summary(ctx: &Context, done: &Imported) {
    let t = ctx.lang;
    println!("{}", t.pick("Geïmporteerd:", "Imported:"));
    for (k, n) in import::written_kinds(done) {
        println!("  {:<22} {n}", k.name());
    }
    let added = done
        .joins
        .iter()
        .filter(|j| matches!(j, JoinOutcome::Added { .. }))
        .count();
    let suppressed = done
        .joins
        .iter()
        .filter(|j| matches!(j, JoinOutcome::Suppressed { .. }))
        .count();
    let no_email = done
        .joins
        .iter()
        .filter(|j| matches!(j, JoinOutcome::NoEmail { .. }))
        .count();
    if !done.joins.is_empty() {
        println!(
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
        );
    }
    if done.already_subscribed > 0 {
        println!(
            "{} {}",
            done.already_subscribed,
            t.pick(
                "abonnees stonden al op de lijst.",
                "subscribers were on the list already."
            )
        );
    }
    if !done.generated_passwords.is_empty() {
        println!();
        println!(
            "{}",
            t.pick(
                "Wachtwoorden van adviesrapporten — ze worden maar één keer getoond; bewaar ze nu:",
                "Team report passwords — shown this once only; store them now:"
            )
        );
        for g in &done.generated_passwords {
            println!("  {}  {}", g.password.as_str(), g.title);
        }
    }
}
