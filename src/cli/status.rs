//! `kluis status [--json]`: counts, expired, due soon, next deadlines, open
//! requests and breaches.

use super::failure::CmdResult;
use super::{Context, open};
use crate::domain::text::escaped;
use crate::i18n::backup as backup_words;
use crate::i18n::cli::Said;
use crate::ops::status::{Status, status};
use serde_json::json;

pub fn run(ctx: &Context, as_json: bool) -> CmdResult {
    let s = open::session(ctx)?;
    let st = status(&s);
    let mut out = ctx.stdout();
    if as_json {
        out.json(&to_json(&st))?;
        return Ok(());
    }
    let t = ctx.lang;
    writeln!(out, "{} {}", Said::DateLabel.get(t), st.now)?;
    for (kind, n) in &st.counts {
        writeln!(out, "  {:<22} {n}", kind.name())?;
    }
    writeln!(out, "{} {}", Said::ExpiredDeleteNow.get(t), st.expired)?;
    writeln!(
        out,
        "{} {}",
        Said::DueWithin30Days.get(t),
        st.due_within_30_days
    )?;
    if !st.next_deadlines.is_empty() {
        writeln!(out, "{}", Said::NextDeadlines.get(t))?;
        for u in &st.next_deadlines {
            writeln!(
                out,
                "  {}  {:>4} d  {:<20} {}",
                u.deadline,
                u.days_left,
                u.kind.name(),
                escaped(&u.label)
            )?;
        }
    }
    match &st.backup {
        Some(b) => writeln!(
            out,
            "{}",
            backup_words::last_backup(t, b.made_on, b.destroy_by)
        )?,
        None => writeln!(out, "{}", backup_words::no_backup(t))?,
    }
    super::breach::print_open_breaches(&mut out, t, &st.open_breaches)?;
    if !st.open_requests.is_empty() {
        writeln!(out, "{}", Said::OpenRequests.get(t))?;
        for r in &st.open_requests {
            writeln!(
                out,
                "  {}  {:>4} d  {:<14} {}",
                r.due_on,
                r.days_left,
                r.kind.name(),
                r.id
            )?;
        }
    }
    Ok(())
}

pub fn to_json(st: &Status) -> serde_json::Value {
    let counts: serde_json::Map<String, serde_json::Value> = st
        .counts
        .iter()
        .map(|(k, n)| (k.name().to_string(), json!(n)))
        .collect();
    let mut v = json!({
        "now": st.now.to_string(),
        "counts": counts,
        "expired": st.expired,
        "due_within_30_days": st.due_within_30_days,
        "next_deadlines": st.next_deadlines.iter().map(|u| json!({
            "kind": u.kind.name(), "id": u.id.as_str(), "label": u.label,
            "deadline": u.deadline.to_string(), "days_left": u.days_left,
        })).collect::<Vec<_>>(),
        "open_breaches": super::breach::open_breaches_json(&st.open_breaches),
        "open_requests": st.open_requests.iter().map(|r| json!({
            "id": r.id.as_str(), "kind": r.kind.name(), "due_on": r.due_on.to_string(), "days_left": r.days_left,
        })).collect::<Vec<_>>(),
    });
    if let (Some(b), Some(map)) = (&st.backup, v.as_object_mut()) {
        map.insert(
            "backup".to_string(),
            json!({"last": b.created, "destroy_by": b.destroy_by.to_string()}),
        );
    }
    v
}
