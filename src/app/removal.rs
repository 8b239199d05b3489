//! Removing records from the screens: the confirmation that lists what goes
//! (deleting, purging, erasing a person), carrying it out, and the receipt.

use super::confirmed::Confirmed;
use super::effect::Effect;
use super::popup::{Confirm, Reader};
use super::screen::Screen;
use super::screen_component::Cx;
use crate::domain::{Id, Kind};
use crate::i18n::Lang;
use crate::i18n::ui::{self, Text};
use crate::ops::edit::{self, EditError};
use crate::ops::purge::Receipt;
use crate::ops::rights::erase::{ErasureReceipt, KeptReason};
use std::collections::BTreeMap;

/// `d` on a record: asks first, listing what goes with it.
pub fn ask_delete(record: Option<(Kind, Id)>, cx: &Cx, out: &mut Vec<Effect>) {
    let Some(record) = record else {
        return out.push(cx.say(Text::SelectFirst));
    };
    let selection = vec![record];
    let preview = edit::delete_preview(cx.session, &selection);
    out.push(Effect::Ask(Confirm {
        title: Text::ConfirmDeleteTitle.get(cx.lang).into(),
        lines: receipt_lines(cx.lang, &preview, true),
        on_yes: Confirmed::DeleteRecords(selection),
    }));
}

/// Deletes what the coach confirmed; a person's detail shown on screen 2
/// closes (it may list what went).
pub fn delete(selection: &[(Kind, Id)], cx: &mut Cx, out: &mut Vec<Effect>) {
    let result = edit::delete(cx.session, selection);
    out.push(Effect::CloseDetail(Screen::People));
    finish(result, cx.lang, out);
}

/// The receipt of a removal, or why it failed.
pub fn finish(result: Result<Receipt, EditError>, lang: Lang, out: &mut Vec<Effect>) {
    match result {
        Ok(receipt) => {
            let text = if receipt.total == 0 {
                Text::NothingDeleted.get(lang).to_string()
            } else {
                receipt_lines(lang, &receipt, false).join("\n")
            };
            out.push(Effect::Refresh);
            out.push(Effect::Read(Reader::new(
                Text::ReceiptTitle.get(lang),
                text,
            )));
        }
        Err(e) => out.push(Effect::Say(e.message(lang))),
    }
}

/// Kinds, counts and the total of a removal, for the confirmation and the receipt.
pub fn receipt_lines(lang: Lang, r: &Receipt, asking: bool) -> Vec<String> {
    let mut lines = Vec::new();
    if asking {
        lines.push(Text::WillGo.get(lang).to_string());
        lines.push(String::new());
    }
    for (kind, n) in &r.counts {
        lines.push(format!("{n:>6}  {}", ui::kind_counted(lang, *kind, *n)));
    }
    lines.push(format!(
        "{:>6}  {}",
        r.total,
        Text::Total.get(lang).to_lowercase()
    ));
    if let Some(d) = r.oldest_deadline {
        lines.push(String::new());
        lines.push(ui::oldest_deadline(lang, d));
    }
    if r.updated > 0 {
        lines.push(ui::kept_with_marker(lang, r.updated));
    }
    lines
}

/// What an erasure removes (kinds and counts) and what stays and why, for
/// the confirmation (`asking`) and the receipt.
pub fn erasure_lines(lang: Lang, r: &ErasureReceipt, asking: bool) -> Vec<String> {
    let mut lines = vec![
        if asking { Text::WillGo } else { Text::HasGone }
            .get(lang)
            .to_string(),
        String::new(),
    ];
    for (kind, n) in &r.deleted {
        lines.push(format!("{n:>6}  {}", ui::kind_counted(lang, *kind, *n)));
    }
    lines.push(format!(
        "{:>6}  {}",
        r.total_deleted,
        Text::Total.get(lang).to_lowercase()
    ));
    lines.push(String::new());
    if r.kept.is_empty() {
        lines.push(Text::NothingStays.get(lang).to_string());
    } else {
        lines.push(Text::WhatStays.get(lang).to_string());
        let mut groups: BTreeMap<(KeptReason, Kind), usize> = BTreeMap::new();
        for k in &r.kept {
            *groups.entry((k.reason, k.kind)).or_default() += 1;
        }
        for ((reason, kind), n) in groups {
            lines.push(format!(
                "{n:>6}  {}: {}",
                ui::kind_counted(lang, kind, n),
                reason.explain(lang)
            ));
        }
    }
    if r.requests_handled > 0 {
        lines.push(String::new());
        lines.push(ui::erasure_requests_handled(lang, r.requests_handled));
    }
    lines
}
