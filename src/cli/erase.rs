//! `kluis erase person <ID|EMAIL> [--yes] [--json]`: an erasure request
//! (GDPR art. 17). The person and what exists only through them go in one
//! all-or-nothing, crypto-shredded change; the receipt says what went and
//! what stayed, and why. Without `--yes` it asks on a terminal and refuses
//! (exit 2) without one.

use super::args::EraseWhat;
use super::export::rights_failure;
use super::failure::CmdResult;
use super::out::{Out, OutError};
use super::{Context, confirm, open};
use crate::i18n::cli::{self as said, Said};
use crate::i18n::files;
use crate::i18n::plural::{self, Noun};
use crate::ops::rights::erase::{ErasureReceipt, erase, plan_erasure};
use crate::ops::rights::resolve_person;
use serde_json::json;

pub fn run(ctx: &Context, what: EraseWhat) -> CmdResult {
    let t = ctx.lang;
    let EraseWhat::Person { person, yes, json } = what;
    let mut s = open::session(ctx)?;
    let id = resolve_person(&s.data, &person).map_err(|e| rights_failure(ctx, e))?;
    let mut out = ctx.stdout();
    if !yes {
        let plan = plan_erasure(&s, &id).map_err(|e| rights_failure(ctx, e))?;
        if !json {
            print_receipt(&mut out, ctx, &plan.receipt, true)?;
        }
        let question =
            said::erase_question(t, plan.receipt.total_deleted.saturating_sub(1) as usize);
        confirm::ask(ctx, &mut out, &question)?;
    }
    let receipt = erase(&mut s, &id).map_err(|e| rights_failure(ctx, e))?;
    if json {
        out.json(&receipt_json(ctx, &receipt))?;
    } else {
        print_receipt(&mut out, ctx, &receipt, false)?;
    }
    Ok(())
}

pub fn print_receipt(
    out: &mut Out,
    ctx: &Context,
    r: &ErasureReceipt,
    preview: bool,
) -> Result<(), OutError> {
    let t = ctx.lang;
    writeln!(
        out,
        "{} {}",
        if preview {
            Said::WillGoUnrecoverablyForPerson.get(t)
        } else {
            Said::ErasedUnrecoverablyForPerson.get(t)
        },
        r.person
    )?;
    for (k, n) in &r.deleted {
        writeln!(out, "  {:<22} {n}", k.name())?;
    }
    writeln!(out, "  {:<22} {}", Said::TotalWord.get(t), r.total_deleted)?;
    if r.files_deleted > 0 {
        writeln!(out, "  {:<22} {}", files::files_word(t), r.files_deleted)?;
    }
    if !r.kept.is_empty() {
        writeln!(
            out,
            "{}",
            if preview {
                Said::StaysAndWhy.get(t)
            } else {
                Said::KeptAndWhy.get(t)
            }
        )?;
        for k in &r.kept {
            writeln!(
                out,
                "  {:<16} {}  {}",
                k.kind.name(),
                k.id,
                k.reason.explain(t)
            )?;
        }
    }
    if r.requests_handled > 0 {
        writeln!(
            out,
            "{} {}",
            plural::count(t, r.requests_handled as u64, Noun::OpenErasureRequest),
            Said::OfThisPersonMarkedHandled.get(t)
        )?;
    }
    Ok(())
}

pub fn receipt_json(ctx: &Context, r: &ErasureReceipt) -> serde_json::Value {
    let counts: serde_json::Map<String, serde_json::Value> = r
        .deleted
        .iter()
        .map(|(k, n)| (k.name().to_string(), json!(n)))
        .collect();
    json!({
        "person": r.person.as_str(),
        "deleted": {"counts": counts, "total": r.total_deleted, "files": r.files_deleted},
        "kept": r.kept.iter().map(|k| json!({
            "kind": k.kind.name(),
            "id": k.id.as_str(),
            "reason": k.reason.name(),
            "explanation": k.reason.explain(ctx.lang),
        })).collect::<Vec<_>>(),
        "requests_handled": r.requests_handled,
    })
}
