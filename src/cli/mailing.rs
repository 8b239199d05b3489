//! `kluis mailing export [--out FILE] [--force]`: the CSV for the newsletter
//! tool (`email,name,source,subscribed_on`), and `kluis mailing unsubscribe
//! <EMAIL>...`: the subscribers go and only a keyed hash of each address
//! stays, so a later quote or import does not add it again (P9).

use super::args::MailingAction;
use super::export::{refuse_existing, rights_failure, write_private};
use super::failure::{CmdResult, Failure};
use super::{Context, open};
use crate::i18n::cli::Said;
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
            Said::SubscribersWrittenTo.get(t),
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
            Said::ArgumentWord.get(t),
            Said::NotAnEmailNothingChanged.get(t)
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
                Said::RemovedFromTheListOnly.get(t)
            }
            (Unsubscribed::NotOnList, true) => {
                absent += 1;
                Said::WasNotOnTheList.get(t)
            }
            (Unsubscribed::NotOnList, false) => {
                absent += 1;
                Said::WasNotOnTheListAndUnsubscribed.get(t)
            }
        };
        writeln!(out, "  {}. {what}", i + 1)?;
    }
    writeln!(
        out,
        "{} {removed} · {} {absent}",
        Said::Unsubscribed.get(t),
        Said::NotOnTheList.get(t),
    )?;
    Ok(())
}
