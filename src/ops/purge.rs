//! Bulk deletion of expired records: the same operation for `kluis purge
//! --expired` and the To-delete screen. One all-or-nothing change, crypto-
//! shredded by the vault, one audit entry with kinds and counts.

use super::session::Session;
use crate::domain::removal::plan_removal;
use crate::domain::retention::{self, Deadlines};
use crate::domain::{Id, Kind};
use crate::vault::VaultError;
use chrono::NaiveDate;
use std::collections::BTreeMap;

/// One expired record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Expired {
    pub kind: Kind,
    pub id: Id,
    pub label: String,
    pub deadline: NaiveDate,
    pub overdue_days: i64,
}

/// Every record expired on the session's date, by `deadlines` (computed once
/// for this change): oldest deadline first, ties by kind then id
/// (`retention::sort_by_deadline`). The To-delete screen shows these rows.
pub fn expired(s: &Session, deadlines: &Deadlines) -> Vec<Expired> {
    let today = s.today();
    retention::expired(deadlines, today)
        .into_iter()
        .filter_map(|due| {
            let deadline = due.deadline.date()?;
            Some(Expired {
                label: s.data.label(due.kind, &due.id),
                kind: due.kind,
                id: due.id,
                deadline,
                overdue_days: (today - deadline).num_days(),
            })
        })
        .collect()
}

/// What a purge removed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Receipt {
    pub counts: BTreeMap<Kind, usize>,
    pub total: usize,
    pub oldest_deadline: Option<NaiveDate>,
    /// Records that stay but lost a link to a removed person.
    pub updated: usize,
    /// Files that went with the deleted records (DESIGN.md §13.1).
    pub files: usize,
}

/// What removing `selection` takes with it, by kind, before anything is done:
/// the confirmation popup shows this.
pub fn preview(s: &Session, selection: &[(Kind, Id)]) -> Receipt {
    let removal = plan_removal(&s.data, selection);
    receipt_for(s, &s.deadlines(), &removal.deletes, removal.updates.len())
}

fn receipt_for(
    s: &Session,
    deadlines: &Deadlines,
    deletes: &[(Kind, Id)],
    updated: usize,
) -> Receipt {
    let mut r = Receipt {
        updated,
        ..Receipt::default()
    };
    for (k, id) in deletes {
        *r.counts.entry(*k).or_default() += 1;
        r.total += 1;
        r.files += s.data.file_count(*k, id);
        if let Some(d) = deadlines.get(&(*k, id.clone())).and_then(|d| d.date()) {
            r.oldest_deadline = Some(r.oldest_deadline.map_or(d, |o: NaiveDate| o.min(d)));
        }
    }
    r
}

/// Removes the selected expired records and what exists only through them.
/// Records in `selection` that have not expired are left alone, so a stale
/// selection can never delete something that must be kept.
pub fn purge(s: &mut Session, selection: &[(Kind, Id)]) -> Result<Receipt, VaultError> {
    let today = s.today();
    let deadlines = s.deadlines();
    let roots: Vec<(Kind, Id)> = selection
        .iter()
        .filter(|key| deadlines.get(key).is_some_and(|d| d.is_expired(today)))
        .cloned()
        .collect();
    if roots.is_empty() {
        return Ok(Receipt::default());
    }
    let removal = plan_removal(&s.data, &roots);
    let receipt = receipt_for(s, &deadlines, &removal.deletes, removal.updates.len());
    s.commit("purge", removal.updates, removal.deletes)?;
    Ok(receipt)
}
