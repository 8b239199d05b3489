//! What removing records takes with it (DESIGN.md section 4): a trajectory's
//! documents go with it; a removed person takes their consents, disclosures and
//! documents, and records that stay for another reason keep a "removed person"
//! marker instead of the link.

use super::dataset::Dataset;
use super::id::Id;
use super::kind::Kind;
use super::records::AnyRecord;
use std::collections::BTreeSet;

/// The full effect of removing some records: everything that goes, and the
/// new version of every record that stays but pointed at something that went.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Removal {
    pub deletes: Vec<(Kind, Id)>,
    pub updates: Vec<(Id, AnyRecord)>,
}

/// Plans the removal of `roots` and of everything that exists only through them.
pub fn plan_removal(ds: &Dataset, roots: &[(Kind, Id)]) -> Removal {
    let mut gone: BTreeSet<(Kind, Id)> = roots
        .iter()
        .filter(|(k, id)| ds.get(*k, id).is_some())
        .cloned()
        .collect();
    let gone_people: BTreeSet<&Id> = gone
        .iter()
        .filter(|(k, _)| *k == Kind::Person)
        .map(|(_, id)| id)
        .collect();
    let gone_trajectories: BTreeSet<&Id> = gone
        .iter()
        .filter(|(k, _)| *k == Kind::Trajectory)
        .map(|(_, id)| id)
        .collect();

    let mut extra: Vec<(Kind, Id)> = Vec::new();
    for (id, d) in &ds.documents {
        if gone_trajectories.contains(&d.trajectory) || gone_people.contains(&d.participant) {
            extra.push((d.kind.record_kind(), id.clone()));
        }
    }
    for (id, c) in &ds.consents {
        if gone_people.contains(&c.person) {
            extra.push((Kind::Consent, id.clone()));
        }
    }
    for (id, d) in &ds.disclosures {
        if gone_people.contains(&d.person) {
            extra.push((Kind::Disclosure, id.clone()));
        }
    }

    let mut updates = Vec::new();
    if !gone_people.is_empty() {
        for (id, t) in &ds.trajectories {
            if gone_trajectories.contains(id) {
                continue;
            }
            let touches = t.participants.iter().any(|p| gone_people.contains(p))
                || t.requester
                    .as_ref()
                    .is_some_and(|r| gone_people.contains(r));
            if touches {
                let mut t = t.clone();
                t.participants.retain(|p| !gone_people.contains(p));
                if t.requester
                    .as_ref()
                    .is_some_and(|r| gone_people.contains(r))
                {
                    t.requester = None;
                }
                updates.push((id.clone(), AnyRecord::Trajectory(t)));
            }
        }
        for (id, q) in &ds.quotes {
            if gone.contains(&(Kind::Quote, id.clone())) {
                continue;
            }
            let requester_gone = q
                .requester
                .as_ref()
                .is_some_and(|r| gone_people.contains(r));
            let participant_gone = q.participants.iter().any(|p| gone_people.contains(p));
            if requester_gone || participant_gone {
                let mut q = q.clone();
                if requester_gone {
                    let org = q
                        .requester
                        .as_ref()
                        .and_then(|r| ds.people.get(r))
                        .and_then(|p| p.organisation.clone());
                    q.requester = None;
                    q.requester_organisation = q.requester_organisation.or(org);
                    // Without its requester a quote keeps organisation and amount only.
                    q.participants.clear();
                } else {
                    q.participants.retain(|p| !gone_people.contains(p));
                }
                updates.push((id.clone(), AnyRecord::Quote(q)));
            }
        }
        for (id, r) in &ds.subject_requests {
            if gone.contains(&(Kind::SubjectRequest, id.clone())) {
                continue;
            }
            if r.person.as_ref().is_some_and(|p| gone_people.contains(p)) {
                let mut r = r.clone();
                r.person = None;
                updates.push((id.clone(), AnyRecord::SubjectRequest(r)));
            }
        }
        for (id, c) in &ds.complaints {
            if gone.contains(&(Kind::Complaint, id.clone())) {
                continue;
            }
            if c.person.as_ref().is_some_and(|p| gone_people.contains(p)) {
                let mut c = c.clone();
                c.person = None;
                updates.push((id.clone(), AnyRecord::Complaint(c)));
            }
        }
    }
    gone.extend(extra);
    Removal {
        deletes: gone.into_iter().collect(),
        updates,
    }
}
