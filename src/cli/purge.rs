//! `kluis purge --expired [--dry-run] [--yes] [--json]`: delete every expired
//! record in one all-or-nothing, crypto-shredded change, with a receipt.

use super::failure::{CmdResult, Failure};
use super::out::{Out, OutError};
use super::{Context, confirm, open};
use crate::domain::text::escaped;
use crate::i18n::cli::{self as said, Said};
use crate::i18n::files;
use crate::ops::purge::{Expired, Receipt, expired, preview, purge};
use serde_json::json;

pub struct Options {
    pub expired: bool,
    pub dry_run: bool,
    pub yes: bool,
    pub json: bool,
}

pub fn run(ctx: &Context, o: Options) -> CmdResult {
    let t = ctx.lang;
    if !o.expired {
        return Err(Failure::usage(Said::SayWhatToPurge.get(t)));
    }
    let mut s = open::session(ctx)?;
    let list = expired(&s, &s.deadlines());
    let today = s.today();
    let selection: Vec<_> = list.iter().map(|e| (e.kind, e.id.clone())).collect();
    let mut out = ctx.stdout();
    if o.dry_run {
        if o.json {
            out.json(&list_json(&today.to_string(), true, &list))?;
        } else {
            print_list(&mut out, ctx, &list)?;
            let n = list.len() as u64;
            writeln!(out, "{}", said::would_be_deleted(t, n))?;
        }
        return Ok(());
    }
    if list.is_empty() {
        if o.json {
            out.json(&receipt_json(
                &today.to_string(),
                &list,
                &Receipt::default(),
            ))?;
        } else {
            writeln!(out, "{}", Said::NothingHasExpiredNothingDeleted.get(t))?;
        }
        return Ok(());
    }
    if !o.yes {
        if !o.json {
            print_list(&mut out, ctx, &list)?;
        }
        let p = preview(&s, &selection);
        let question = said::purge_question(t, p.total);
        confirm::ask(ctx, &mut out, &question)?;
    }
    let receipt = purge(&mut s, &selection)?;
    if o.json {
        out.json(&receipt_json(&today.to_string(), &list, &receipt))?;
    } else {
        print_receipt(&mut out, ctx, &receipt)?;
    }
    Ok(())
}

fn print_list(out: &mut Out, ctx: &Context, list: &[Expired]) -> Result<(), OutError> {
    let t = ctx.lang;
    for e in list {
        let overdue = if e.overdue_days == 0 {
            Said::TodayWord.get(t).to_string()
        } else {
            format!("{} {}", e.overdue_days, Said::DOverdue.get(t))
        };
        writeln!(
            out,
            "  {}  {:>14}  {:<20} {}  {}",
            e.deadline,
            overdue,
            e.kind.name(),
            e.id,
            escaped(&e.label)
        )?;
    }
    Ok(())
}

pub fn print_receipt(out: &mut Out, ctx: &Context, r: &Receipt) -> Result<(), OutError> {
    let t = ctx.lang;
    writeln!(out, "{}", Said::DeletedUnrecoverably.get(t))?;
    for (k, n) in &r.counts {
        writeln!(out, "  {:<22} {n}", k.name())?;
    }
    writeln!(out, "  {:<22} {}", Said::TotalWord.get(t), r.total)?;
    if r.files > 0 {
        writeln!(out, "  {:<22} {}", files::files_word(t), r.files)?;
    }
    if let Some(d) = r.oldest_deadline {
        writeln!(out, "{} {d}", Said::OldestDeadline.get(t))?;
    }
    Ok(())
}

fn list_json(now: &str, dry_run: bool, list: &[Expired]) -> serde_json::Value {
    json!({
        "now": now,
        "dry_run": dry_run,
        "count": list.len(),
        "records": list.iter().map(|e| json!({
            "kind": e.kind.name(), "id": e.id.as_str(), "label": e.label,
            "deadline": e.deadline.to_string(), "overdue_days": e.overdue_days,
        })).collect::<Vec<_>>(),
    })
}

fn receipt_json(now: &str, list: &[Expired], r: &Receipt) -> serde_json::Value {
    let mut v = list_json(now, false, list);
    let counts: serde_json::Map<String, serde_json::Value> = r
        .counts
        .iter()
        .map(|(k, n)| (k.name().to_string(), json!(n)))
        .collect();
    v["deleted"] = json!({
        "counts": counts,
        "total": r.total,
        "files": r.files,
        "oldest_deadline": r.oldest_deadline.map(|d| d.to_string()),
    });
    v
}
