//! `kluis mailing export [--out FILE] [--force]`: the CSV for the newsletter
//! tool (`email,name,source,subscribed_on`), and `kluis mailing unsubscribe
//! <EMAIL>...`: the subscribers go and only a keyed hash of each address
//! stays, so a later quote or import does not add it again (P9).

use super::args::MailingAction;
use super::export::{refuse_existing, rights_failure, write_private};
use super::failure::{CmdResult, Failure};
use super::{Context, open};
use crate::ops::rights::mailing::{
    Unsubscribed, csv, first_bad_address, record_csv_export, unsubscribe,
};

pub fn run(ctx: &Context, action: MailingAction) -> CmdResult {
    match action {
        MailingAction::Export { out, force } => export(ctx, out.as_deref(), force),
        MailingAction::Unsubscribe { emails } => unsubscribe_cmd(ctx, &emails),
    }
}

fn export(ctx: &Context, out: Option<&std::path::Path>, force: bool) -> CmdResult {
    let t = ctx.lang;
    if let Some(path) = out {
        refuse_existing(ctx, path, force)?;
    }
    let mut s = open::session(ctx)?;
    let bytes = csv(&s.data);
    match out {
        Some(path) => write_private(ctx, path, &bytes, force)?,
        None => ctx.stdout().text(&String::from_utf8_lossy(&bytes))?,
    }
    record_csv_export(&mut s).map_err(|e| rights_failure(ctx, e))?;
    if let Some(path) = out {
        writeln!(
            ctx.stderr(),
            "{} {} {}",
            s.data.subscribers.len(),
            t.pick("abonnees geschreven naar", "subscribers written to"),
            path.display()
        )?;
    }
    Ok(())
}

fn unsubscribe_cmd(ctx: &Context, emails: &[String]) -> CmdResult {
    let t = ctx.lang;
    let list: Vec<&str> = emails.iter().map(String::as_str).collect();
    if let Some(n) = first_bad_address(&list) {
        return Err(Failure::usage(format!(
            "{} {n} {}",
            t.pick("argument", "argument"),
            t.pick(
                "is geen e-mailadres; er is niets veranderd",
                "is not an e-mail address; nothing was changed"
            )
        )));
    }
    let mut s = open::session(ctx)?;
    let outcomes = unsubscribe(&mut s, &list).map_err(|e| rights_failure(ctx, e))?;
    let mut out = ctx.stdout();
    let mut removed = 0;
    let mut absent = 0;
    for (i, o) in outcomes.iter().enumerate() {
        let what = match (o.result, o.newly_suppressed) {
            (Unsubscribed::Removed, _) => {
                removed += 1;
                t.pick(
                    "van de lijst gehaald; alleen een sleutel-hash blijft",
                    "removed from the list; only a keyed hash stays",
                )
            }
            (Unsubscribed::NotOnList, true) => {
                absent += 1;
                t.pick(
                    "stond niet op de lijst; toch geblokkeerd, zodat het later niet wordt toegevoegd",
                    "was not on the list; blocked all the same, so it is not added later",
                )
            }
            (Unsubscribed::NotOnList, false) => {
                absent += 1;
                t.pick(
                    "stond niet op de lijst en was al afgemeld",
                    "was not on the list and had unsubscribed before",
                )
            }
        };
        writeln!(out, "  {}. {what}", i + 1)?;
    }
    writeln!(
        out,
        "{} {removed} · {} {absent}",
        t.pick("Afgemeld:", "Unsubscribed:"),
        t.pick("niet op de lijst:", "not on the list:"),
    )?;
    Ok(())
}
