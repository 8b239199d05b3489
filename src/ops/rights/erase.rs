//! Erasure (P8, GDPR art. 17): the person and everything that exists only
//! through them go in one all-or-nothing change, crypto-shredded by the
//! vault. What a legal duty needs stays with the minimum fields and is
//! marked restricted (P7); records about other people stay, without the link.
//!
//! What goes:
//! - the person, their documents, consents and disclosures;
//! - trajectories in which they are the only participant (nobody else's
//!   coaching or documents hang on them);
//! - quotes they requested that were never accepted (no fiscal duty);
//! - their contact requests and subscriber entries, found by e-mail address;
//!   an unsubscribed address leaves a suppression hash so it is not re-added.
//!
//! What stays, and why:
//! - an accepted quote they requested: the fiscal duty (AWR art. 52); it keeps
//!   the requester's organisation and the amount, and is marked restricted;
//! - shared trajectories, with the other participants and their documents;
//! - quotes requested by someone else, without this participant;
//! - subject requests and complaints: the practice's log of requests and
//!   complaints, without the link to the person; an open erasure request of
//!   theirs is marked handled by this erasure.

use super::{RightsResult, person_exists};
use crate::domain::mailing::normalise_email;
use crate::domain::records::{AnyRecord, RequestKind, Suppression};
use crate::domain::removal::plan_removal;
use crate::domain::{Id, Kind};
pub use crate::i18n::erasure::KeptReason;
use crate::ops::session::Session;
use std::collections::{BTreeMap, BTreeSet};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Kept {
    pub kind: Kind,
    pub id: Id,
    pub reason: KeptReason,
}

/// What an erasure removes and keeps. Holds kinds, ids and counts only.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ErasureReceipt {
    pub person: Id,
    pub deleted: BTreeMap<Kind, usize>,
    pub total_deleted: usize,
    /// Files that went with the deleted records (DESIGN.md §13.1).
    pub files_deleted: usize,
    pub kept: Vec<Kept>,
    /// Open erasure requests of this person that this erasure answers.
    pub requests_handled: usize,
}

/// The planned change and its receipt.
#[derive(Debug, Clone, PartialEq)]
pub struct ErasurePlan {
    pub puts: Vec<(Id, AnyRecord)>,
    pub deletes: Vec<(Kind, Id)>,
    pub receipt: ErasureReceipt,
}

/// Plans the erasure of `person` without changing anything: the
/// confirmation shows its receipt.
pub fn plan_erasure(s: &Session, person: &Id) -> RightsResult<ErasurePlan> {
    person_exists(s, person)?;
    let ds = &s.data;
    let today = s.today();
    let email = ds
        .people
        .get(person)
        .and_then(|p| p.email.as_deref())
        .map(normalise_email);
    let same_email = |e: &str| email.as_deref() == Some(normalise_email(e).as_str());

    let mut roots: Vec<(Kind, Id)> = vec![(Kind::Person, person.clone())];
    for (id, t) in &ds.trajectories {
        let only_participant =
            t.participants.iter().all(|p| p == person) && t.participants.contains(person);
        let others_documents = ds
            .documents
            .values()
            .any(|d| &d.trajectory == id && &d.participant != person);
        if only_participant && !others_documents {
            roots.push((Kind::Trajectory, id.clone()));
        }
    }
    for (id, q) in &ds.quotes {
        if q.requester.as_ref() == Some(person) && q.accepted_on.is_none() {
            roots.push((Kind::Quote, id.clone()));
        }
    }
    for (id, c) in &ds.contact_requests {
        if c.email.as_deref().is_some_and(same_email) {
            roots.push((Kind::ContactRequest, id.clone()));
        }
    }
    let mut unsubscribed = false;
    for (id, sub) in &ds.subscribers {
        if same_email(&sub.email) {
            roots.push((Kind::Subscriber, id.clone()));
            unsubscribed = true;
        }
    }

    let removal = plan_removal(ds, &roots);
    let mut kept = Vec::new();
    let mut requests_handled = 0;
    let mut puts: Vec<(Id, AnyRecord)> = Vec::with_capacity(removal.updates.len() + 1);
    for (id, rec) in removal.updates {
        let (rec, reason) = match rec {
            AnyRecord::Quote(mut q) => {
                let reason = if q.requester.is_none() && q.accepted_on.is_some() {
                    q.restricted = true;
                    KeptReason::FiscalDuty
                } else {
                    KeptReason::OtherRequester
                };
                (AnyRecord::Quote(q), reason)
            }
            AnyRecord::SubjectRequest(mut r) => {
                let was_theirs = ds
                    .subject_requests
                    .get(&id)
                    .is_some_and(|old| old.person.as_ref() == Some(person));
                if was_theirs && r.kind == RequestKind::Erasure && r.handled_on.is_none() {
                    r.handled_on = Some(today.max(r.received_on));
                    requests_handled += 1;
                }
                (AnyRecord::SubjectRequest(r), KeptReason::RequestLog)
            }
            AnyRecord::Complaint(c) => (AnyRecord::Complaint(c), KeptReason::ComplaintLog),
            other => (other, KeptReason::OtherParticipants),
        };
        kept.push(Kept {
            kind: rec.kind(),
            id: id.clone(),
            reason,
        });
        puts.push((id, rec));
    }

    if unsubscribed && let Some(e) = &email {
        let hash = s.vault.suppression_hash(e);
        if !ds.suppressions.values().any(|x| x.hash == hash) {
            let taken: BTreeSet<&Id> = puts.iter().map(|(id, _)| id).collect();
            let id = loop {
                let id = ds.new_id();
                if !taken.contains(&id) {
                    break id;
                }
            };
            kept.push(Kept {
                kind: Kind::Suppression,
                id: id.clone(),
                reason: KeptReason::Suppression,
            });
            puts.push((
                id,
                AnyRecord::Suppression(Suppression {
                    hash,
                    suppressed_on: today,
                }),
            ));
        }
    }

    let mut deleted: BTreeMap<Kind, usize> = BTreeMap::new();
    for (k, _) in &removal.deletes {
        *deleted.entry(*k).or_default() += 1;
    }
    kept.sort_by(|a, b| (a.reason, a.kind, &a.id).cmp(&(b.reason, b.kind, &b.id)));
    Ok(ErasurePlan {
        receipt: ErasureReceipt {
            person: person.clone(),
            total_deleted: removal.deletes.len(),
            files_deleted: removal
                .deletes
                .iter()
                .map(|(k, id)| ds.file_count(*k, id))
                .sum(),
            deleted,
            kept,
            requests_handled,
        },
        puts,
        deletes: removal.deletes,
    })
}

/// Erases `person` in one all-or-nothing change (audit action `erase`).
pub fn erase(s: &mut Session, person: &Id) -> RightsResult<ErasureReceipt> {
    let plan = plan_erasure(s, person)?;
    s.commit("erase", plan.puts, plan.deletes)?;
    Ok(plan.receipt)
}
