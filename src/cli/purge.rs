//! `kluis purge --expired [--dry-run] [--yes] [--json]`: delete every expired
//! record in one all-or-nothing, crypto-shredded change, with a receipt.

use super::failure::{CmdResult, Failure};
use super::{Context, confirm, open};
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
        return Err(Failure::usage(t.pick(
            "zeg wat er weg moet: `kluis purge --expired`",
            "say what to purge: `kluis purge --expired`",
        )));
    }
    let mut s = open::session(ctx)?;
    let list = expired(&s);
    let today = s.today();
    let selection: Vec<_> = list.iter().map(|e| (e.kind, e.id.clone())).collect();
    if o.dry_run {
        if o.json {
            println!("{}", list_json(&today.to_string(), true, &list));
        } else {
            print_list(ctx, &list);
            println!(
                "{} {}",
                list.len(),
                t.pick(
                    "records zouden worden verwijderd (proefdraai).",
                    "records would be deleted (dry run)."
                )
            );
        }
        return Ok(());
    }
    if list.is_empty() {
        if o.json {
            println!(
                "{}",
                receipt_json(&today.to_string(), &list, &Receipt::default())
            );
        } else {
            println!(
                "{}",
                t.pick(
                    "Niets verlopen; niets verwijderd.",
                    "Nothing has expired; nothing deleted."
                )
            );
        }
        return Ok(());
    }
    if !o.yes {
        if !o.json {
            print_list(ctx, &list);
        }
        let p = preview(&s, &selection);
        let question = format!(
            "{} {} {} ",
            t.pick("Deze", "Delete these"),
            p.total,
            t.pick(
                "records definitief verwijderen? [j/N]",
                "records for good? [y/N]"
            )
        );
        confirm::ask(ctx, &question)?;
    }
    let receipt = purge(&mut s, &selection)?;
    if o.json {
        println!("{}", receipt_json(&today.to_string(), &list, &receipt));
    } else {
        print_receipt(ctx, &receipt);
    }
    Ok(())
}

fn print_list(ctx: &Context, list: &[Expired]) {
    let t = ctx.lang;
    for e in list {
        let overdue = if e.overdue_days == 0 {
            t.pick("vandaag", "today").to_string()
        } else {
            format!("{} {}", e.overdue_days, t.pick("d over tijd", "d overdue"))
        };
        println!(
            "  {}  {:>14}  {:<20} {}  {}",
            e.deadline,
            overdue,
            e.kind.name(),
            e.id,
            e.label
        );
    }
}

pub fn print_receipt(ctx: &Context, r: &Receipt) {
    let t = ctx.lang;
    println!(
        "{}",
        t.pick("Verwijderd (onherstelbaar):", "Deleted (unrecoverably):")
    );
    for (k, n) in &r.counts {
        println!("  {:<22} {n}", k.name());
    }
    println!("  {:<22} {}", t.pick("totaal", "total"), r.total);
    if let Some(d) = r.oldest_deadline {
        println!("{} {d}", t.pick("Oudste termijn:", "Oldest deadline:"));
    }
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
        "oldest_deadline": r.oldest_deadline.map(|d| d.to_string()),
    });
    v
}
