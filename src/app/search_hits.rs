//! What the search across records looks through (DESIGN.md §10): a hit per
//! record a coach would look for, with a short label, a detail, and the
//! texts it is found by (name, e-mail, title, organisation), folded once
//! (`domain::fold`). A team report is found by its public details only:
//! what its password guards is never read here.

use crate::domain::fold;
use crate::domain::{Dataset, Id, Kind};
use crate::i18n::Lang;
use crate::i18n::{dates, ui};

/// One record the search can find.
#[derive(Debug, Clone)]
pub struct Hit {
    pub kind: Kind,
    pub id: Id,
    /// What the record is called (a name, a title, an address).
    pub label: String,
    /// A second text beside it (an e-mail address, an organisation).
    pub detail: String,
}

/// The hits, and the texts each is found by, folded.
#[derive(Debug, Clone, Default)]
pub struct Hits {
    pub hits: Vec<Hit>,
    pub folded: Vec<String>,
}

impl Hit {
    /// The hit, and the texts it is found by (label, detail and `found_by`) folded.
    fn new(
        kind: Kind,
        id: &Id,
        label: &str,
        detail: &[Option<&str>],
        found_by: &[&str],
    ) -> (Hit, String) {
        let detail: Vec<&str> = detail
            .iter()
            .flatten()
            .copied()
            .filter(|d| !d.is_empty())
            .collect();
        let mut texts = vec![label];
        texts.extend(found_by);
        texts.extend(detail.iter().copied());
        let hit = Hit {
            kind,
            id: id.clone(),
            label: label.to_string(),
            detail: detail.join(" · "),
        };
        (hit, fold::folded(&texts.join("\n")))
    }
}

/// Every record the search finds, people first, then in the order of the
/// screens; within a kind by label. `lang` words a request's kind.
pub fn hits(data: &Dataset, lang: Lang) -> Hits {
    let name = |id: Option<&Id>| {
        id.and_then(|id| data.people.get(id))
            .map(|p| p.name.as_str())
    };
    let mut out = Hits::default();
    let mut kind = |mut hits: Vec<(Hit, String)>| {
        hits.sort_by_cached_key(|(h, _)| fold::folded(&h.label));
        for (hit, folded) in hits {
            out.hits.push(hit);
            out.folded.push(folded);
        }
    };
    kind(
        data.people
            .iter()
            .map(|(id, p)| {
                let detail = [p.email.as_deref(), p.organisation.as_deref()];
                Hit::new(Kind::Person, id, &p.name, &detail, &[])
            })
            .collect(),
    );
    kind(
        data.trajectories
            .iter()
            .map(|(id, t)| {
                let people: Vec<&str> = t
                    .participants
                    .iter()
                    .filter_map(|p| name(Some(p)))
                    .collect();
                let people = people.join(", ");
                Hit::new(Kind::Trajectory, id, &t.title, &[Some(&people)], &[])
            })
            .collect(),
    );
    kind(
        data.documents
            .iter()
            .map(|(id, d)| {
                let trajectory = data
                    .trajectories
                    .get(&d.trajectory)
                    .map(|t| t.title.as_str());
                let detail = [name(Some(&d.participant)), trajectory];
                Hit::new(d.kind.record_kind(), id, &d.title, &detail, &[])
            })
            .collect(),
    );
    kind(
        data.team_reports
            .iter()
            .map(|(id, t)| {
                let detail = [Some(t.organisation.as_str()), Some(t.team.as_str())];
                Hit::new(Kind::TeamReport, id, &t.title, &detail, &[])
            })
            .collect(),
    );
    kind(
        data.contact_requests
            .iter()
            .map(|(id, c)| {
                Hit::new(
                    Kind::ContactRequest,
                    id,
                    &c.name,
                    &[c.email.as_deref()],
                    &[],
                )
            })
            .collect(),
    );
    kind(
        data.quotes
            .iter()
            .map(|(id, q)| {
                let label = data.label(Kind::Quote, id);
                // Found by the amount as typed ("2450") too.
                let others: Vec<&str> = q
                    .participants
                    .iter()
                    .filter_map(|p| name(Some(p)))
                    .chain([q.amount.as_str()])
                    .collect();
                let amount = dates::euro(lang, &q.amount);
                let detail = [q.requester_organisation.as_deref(), Some(amount.as_str())];
                Hit::new(Kind::Quote, id, &label, &detail, &others)
            })
            .collect(),
    );
    kind(
        data.subscribers
            .iter()
            .map(|(id, s)| Hit::new(Kind::Subscriber, id, &s.email, &[s.name.as_deref()], &[]))
            .collect(),
    );
    kind(
        data.subject_requests
            .iter()
            .map(|(id, r)| {
                let what = ui::request_kind(r.kind).get(lang);
                match name(r.person.as_ref()) {
                    Some(who) => Hit::new(Kind::SubjectRequest, id, who, &[Some(what)], &[]),
                    None => Hit::new(Kind::SubjectRequest, id, what, &[], &[]),
                }
            })
            .collect(),
    );
    kind(
        data.complaints
            .iter()
            .map(|(id, c)| {
                let first_line = c.summary.lines().next().unwrap_or_default();
                let who = [name(c.person.as_ref())];
                Hit::new(Kind::Complaint, id, first_line, &who, &[&c.summary])
            })
            .collect(),
    );
    kind(
        data.breaches
            .iter()
            .map(|(id, b)| Hit::new(Kind::Breach, id, &b.title, &[], &[]))
            .collect(),
    );
    out
}
