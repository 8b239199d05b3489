//! All records of a vault in memory, by kind. The vault holds them encrypted;
//! the front ends work on this decrypted copy while the vault is unlocked.

use super::breach::Breach;
use super::id::Id;
use super::kind::Kind;
use super::practice::Practice;
use super::records::*;
use super::retention::Periods;
use std::collections::BTreeMap;

/// One kind's records, whatever their type.
trait Table {
    fn has(&self, id: &Id) -> bool;
    fn count(&self) -> usize;
}

impl<R> Table for BTreeMap<Id, R> {
    fn has(&self, id: &Id) -> bool {
        self.contains_key(id)
    }

    fn count(&self) -> usize {
        self.len()
    }
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Dataset {
    pub people: BTreeMap<Id, Person>,
    pub trajectories: BTreeMap<Id, Trajectory>,
    pub documents: BTreeMap<Id, Document>,
    pub team_reports: BTreeMap<Id, TeamReport>,
    pub contact_requests: BTreeMap<Id, ContactRequest>,
    pub quotes: BTreeMap<Id, Quote>,
    pub subscribers: BTreeMap<Id, Subscriber>,
    pub suppressions: BTreeMap<Id, Suppression>,
    pub consents: BTreeMap<Id, Consent>,
    pub disclosures: BTreeMap<Id, Disclosure>,
    pub subject_requests: BTreeMap<Id, SubjectRequest>,
    pub complaints: BTreeMap<Id, Complaint>,
    pub breaches: BTreeMap<Id, Breach>,
    /// The practice profile: at most one (`ops::practice` keeps it so).
    pub practice: BTreeMap<Id, Practice>,
}

impl Dataset {
    pub fn insert(&mut self, id: Id, record: AnyRecord) {
        match record {
            AnyRecord::Person(r) => drop(self.people.insert(id, r)),
            AnyRecord::Trajectory(r) => drop(self.trajectories.insert(id, r)),
            AnyRecord::Document(r) => drop(self.documents.insert(id, r)),
            AnyRecord::TeamReport(r) => drop(self.team_reports.insert(id, r)),
            AnyRecord::ContactRequest(r) => drop(self.contact_requests.insert(id, r)),
            AnyRecord::Quote(r) => drop(self.quotes.insert(id, r)),
            AnyRecord::Subscriber(r) => drop(self.subscribers.insert(id, r)),
            AnyRecord::Suppression(r) => drop(self.suppressions.insert(id, r)),
            AnyRecord::Consent(r) => drop(self.consents.insert(id, r)),
            AnyRecord::Disclosure(r) => drop(self.disclosures.insert(id, r)),
            AnyRecord::SubjectRequest(r) => drop(self.subject_requests.insert(id, r)),
            AnyRecord::Complaint(r) => drop(self.complaints.insert(id, r)),
            AnyRecord::Breach(r) => drop(self.breaches.insert(id, r)),
            AnyRecord::Practice(r) => drop(self.practice.insert(id, r)),
        }
    }

    /// Removes a record; true when it was there.
    pub fn remove(&mut self, kind: Kind, id: &Id) -> bool {
        match kind {
            Kind::Person => self.people.remove(id).is_some(),
            Kind::Trajectory => self.trajectories.remove(id).is_some(),
            Kind::IndividualReport | Kind::QuestionnaireResult => {
                let is_kind = self
                    .documents
                    .get(id)
                    .is_some_and(|d| d.kind.record_kind() == kind);
                is_kind && self.documents.remove(id).is_some()
            }
            Kind::TeamReport => self.team_reports.remove(id).is_some(),
            Kind::ContactRequest => self.contact_requests.remove(id).is_some(),
            Kind::Quote => self.quotes.remove(id).is_some(),
            Kind::Subscriber => self.subscribers.remove(id).is_some(),
            Kind::Suppression => self.suppressions.remove(id).is_some(),
            Kind::Consent => self.consents.remove(id).is_some(),
            Kind::Disclosure => self.disclosures.remove(id).is_some(),
            Kind::SubjectRequest => self.subject_requests.remove(id).is_some(),
            Kind::Complaint => self.complaints.remove(id).is_some(),
            Kind::Breach => self.breaches.remove(id).is_some(),
            Kind::Practice => self.practice.remove(id).is_some(),
        }
    }

    /// The plaintext of one record (`AnyRecord::encode`), made from the
    /// record where it is kept.
    pub fn encode(&self, kind: Kind, id: &Id) -> Option<Vec<u8>> {
        use super::records::encode_json as json;
        match kind {
            Kind::Person => self.people.get(id).map(json),
            Kind::Trajectory => self.trajectories.get(id).map(json),
            Kind::IndividualReport | Kind::QuestionnaireResult => self
                .documents
                .get(id)
                .filter(|d| d.kind.record_kind() == kind)
                .map(json),
            Kind::TeamReport => self.team_reports.get(id).map(json),
            Kind::ContactRequest => self.contact_requests.get(id).map(json),
            Kind::Quote => self.quotes.get(id).map(json),
            Kind::Subscriber => self.subscribers.get(id).map(json),
            Kind::Suppression => self.suppressions.get(id).map(json),
            Kind::Consent => self.consents.get(id).map(json),
            Kind::Disclosure => self.disclosures.get(id).map(json),
            Kind::SubjectRequest => self.subject_requests.get(id).map(json),
            Kind::Complaint => self.complaints.get(id).map(json),
            Kind::Breach => self.breaches.get(id).map(json),
            Kind::Practice => self.practice.get(id).map(json),
        }
    }

    /// A copy of one record, tagged with its kind.
    pub fn get(&self, kind: Kind, id: &Id) -> Option<AnyRecord> {
        match kind {
            Kind::Person => self.people.get(id).cloned().map(AnyRecord::Person),
            Kind::Trajectory => self
                .trajectories
                .get(id)
                .cloned()
                .map(AnyRecord::Trajectory),
            Kind::IndividualReport | Kind::QuestionnaireResult => self
                .documents
                .get(id)
                .filter(|d| d.kind.record_kind() == kind)
                .cloned()
                .map(AnyRecord::Document),
            Kind::TeamReport => self
                .team_reports
                .get(id)
                .cloned()
                .map(AnyRecord::TeamReport),
            Kind::ContactRequest => self
                .contact_requests
                .get(id)
                .cloned()
                .map(AnyRecord::ContactRequest),
            Kind::Quote => self.quotes.get(id).cloned().map(AnyRecord::Quote),
            Kind::Subscriber => self.subscribers.get(id).cloned().map(AnyRecord::Subscriber),
            Kind::Suppression => self
                .suppressions
                .get(id)
                .cloned()
                .map(AnyRecord::Suppression),
            Kind::Consent => self.consents.get(id).cloned().map(AnyRecord::Consent),
            Kind::Disclosure => self.disclosures.get(id).cloned().map(AnyRecord::Disclosure),
            Kind::SubjectRequest => self
                .subject_requests
                .get(id)
                .cloned()
                .map(AnyRecord::SubjectRequest),
            Kind::Complaint => self.complaints.get(id).cloned().map(AnyRecord::Complaint),
            Kind::Breach => self.breaches.get(id).cloned().map(AnyRecord::Breach),
            Kind::Practice => self.practice.get(id).cloned().map(AnyRecord::Practice),
        }
    }

    /// Every kind's records, to count or search them all. Every field by
    /// name: a new kind does not compile until it is here.
    fn tables(&self) -> [&dyn Table; 14] {
        let Dataset {
            people,
            trajectories,
            documents,
            team_reports,
            contact_requests,
            quotes,
            subscribers,
            suppressions,
            consents,
            disclosures,
            subject_requests,
            complaints,
            breaches,
            practice,
        } = self;
        [
            people,
            trajectories,
            documents,
            team_reports,
            contact_requests,
            quotes,
            subscribers,
            suppressions,
            consents,
            disclosures,
            subject_requests,
            complaints,
            breaches,
            practice,
        ]
    }

    /// How many files the record holds (a document or a team report).
    pub fn file_count(&self, kind: Kind, id: &Id) -> usize {
        match kind {
            Kind::IndividualReport | Kind::QuestionnaireResult => {
                self.documents.get(id).map_or(0, |d| d.files.len())
            }
            Kind::TeamReport => self.team_reports.get(id).map_or(0, |r| r.files.len()),
            _ => 0,
        }
    }

    /// The ids of every file of every document and team report.
    pub fn file_ids(&self) -> Vec<Id> {
        let docs = self
            .documents
            .values()
            .flat_map(|d| d.files.iter().map(|f| &f.id));
        let reports = self
            .team_reports
            .values()
            .flat_map(|r| r.files.iter().map(|f| &f.id));
        docs.chain(reports).cloned().collect()
    }

    /// Whether any record of any kind has this id.
    pub fn contains_id(&self, id: &Id) -> bool {
        self.tables().iter().any(|t| t.has(id))
    }

    /// A fresh id not used by any record here.
    pub fn new_id(&self) -> Id {
        loop {
            let id = Id::generate();
            if !self.contains_id(&id) {
                return id;
            }
        }
    }

    /// Every record as (kind, id), in kind order then id order.
    pub fn keys(&self) -> Vec<(Kind, Id)> {
        // Every field by name: a new kind does not compile until it is here.
        let Dataset {
            people,
            trajectories,
            documents,
            team_reports,
            contact_requests,
            quotes,
            subscribers,
            suppressions,
            consents,
            disclosures,
            subject_requests,
            complaints,
            breaches,
            practice,
        } = self;
        fn of<'a, R: 'a>(
            kind: Kind,
            map: &'a BTreeMap<Id, R>,
        ) -> impl Iterator<Item = (Kind, Id)> + 'a {
            map.keys().map(move |id| (kind, id.clone()))
        }
        let mut out = Vec::with_capacity(self.len());
        out.extend(of(Kind::Person, people));
        out.extend(of(Kind::Trajectory, trajectories));
        out.extend(
            documents
                .iter()
                .map(|(id, d)| (d.kind.record_kind(), id.clone())),
        );
        out.extend(of(Kind::TeamReport, team_reports));
        out.extend(of(Kind::ContactRequest, contact_requests));
        out.extend(of(Kind::Quote, quotes));
        out.extend(of(Kind::Subscriber, subscribers));
        out.extend(of(Kind::Suppression, suppressions));
        out.extend(of(Kind::Consent, consents));
        out.extend(of(Kind::Disclosure, disclosures));
        out.extend(of(Kind::SubjectRequest, subject_requests));
        out.extend(of(Kind::Complaint, complaints));
        out.extend(of(Kind::Breach, breaches));
        out.extend(of(Kind::Practice, practice));
        out
    }

    pub fn len(&self) -> usize {
        self.tables().iter().map(|t| t.count()).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Number of records per kind (kinds with none left out).
    pub fn counts(&self) -> BTreeMap<Kind, usize> {
        // Every field by name: a new kind does not compile until it is here.
        let Dataset {
            people,
            trajectories,
            documents,
            team_reports,
            contact_requests,
            quotes,
            subscribers,
            suppressions,
            consents,
            disclosures,
            subject_requests,
            complaints,
            breaches,
            practice,
        } = self;
        let mut out = BTreeMap::new();
        let mut add = |kind: Kind, n: usize| {
            if n > 0 {
                *out.entry(kind).or_insert(0) += n;
            }
        };
        add(Kind::Person, people.len());
        add(Kind::Trajectory, trajectories.len());
        let (mut reports, mut results) = (0, 0);
        for d in documents.values() {
            match d.kind {
                DocumentKind::IndividualReport => reports += 1,
                DocumentKind::QuestionnaireResult => results += 1,
            }
        }
        add(Kind::IndividualReport, reports);
        add(Kind::QuestionnaireResult, results);
        add(Kind::TeamReport, team_reports.len());
        add(Kind::ContactRequest, contact_requests.len());
        add(Kind::Quote, quotes.len());
        add(Kind::Subscriber, subscribers.len());
        add(Kind::Suppression, suppressions.len());
        add(Kind::Consent, consents.len());
        add(Kind::Disclosure, disclosures.len());
        add(Kind::SubjectRequest, subject_requests.len());
        add(Kind::Complaint, complaints.len());
        add(Kind::Breach, breaches.len());
        add(Kind::Practice, practice.len());
        out
    }

    /// The label of DESIGN.md §8: title, name, e-mail, or the
    /// requester's name (organisation once the requester is removed).
    pub fn label(&self, kind: Kind, id: &Id) -> String {
        match kind {
            Kind::Person => self.people.get(id).map(|p| p.name.clone()),
            Kind::Trajectory => self.trajectories.get(id).map(|t| t.title.clone()),
            Kind::IndividualReport | Kind::QuestionnaireResult => {
                self.documents.get(id).map(|d| d.title.clone())
            }
            Kind::TeamReport => self.team_reports.get(id).map(|t| t.title.clone()),
            Kind::ContactRequest => self.contact_requests.get(id).map(|c| c.name.clone()),
            Kind::Quote => self.quotes.get(id).map(|q| self.quote_label(q)),
            Kind::Subscriber => self.subscribers.get(id).map(|s| s.email.clone()),
            Kind::Suppression => Some(String::from("—")),
            Kind::Consent => self.consents.get(id).map(|c| c.recipient.clone()),
            Kind::Disclosure => self.disclosures.get(id).map(|d| d.recipient.clone()),
            Kind::SubjectRequest => self.subject_requests.get(id).map(|r| {
                r.person
                    .as_ref()
                    .and_then(|p| self.people.get(p))
                    .map(|p| p.name.clone())
                    .unwrap_or_else(|| r.kind.name().to_string())
            }),
            Kind::Complaint => self.complaints.get(id).map(|c| c.summary.clone()),
            Kind::Breach => self.breaches.get(id).map(|b| b.title.clone()),
            Kind::Practice => self.practice.get(id).map(|p| p.name.clone()),
        }
        .unwrap_or_default()
    }

    fn quote_label(&self, q: &Quote) -> String {
        q.requester
            .as_ref()
            .and_then(|r| self.people.get(r))
            .map(|p| p.name.clone())
            .or_else(|| q.requester_organisation.clone())
            .unwrap_or_default()
    }

    /// The practice profile, when one was set.
    pub fn profile(&self) -> Option<(&Id, &Practice)> {
        self.practice.iter().next()
    }

    /// The retention periods of this practice: the table of DESIGN.md §4,
    /// shortened where the profile says.
    pub fn periods(&self) -> Periods {
        self.profile()
            .map_or(super::retention::PERIODS, |(_, p)| p.periods())
    }

    /// Finds a person by id or (case-insensitively) by e-mail address.
    pub fn find_person(&self, id_or_email: &str) -> Option<Id> {
        if let Some(id) = Id::parse(id_or_email)
            && self.people.contains_key(&id)
        {
            return Some(id);
        }
        let wanted = super::mailing::normalise_email(id_or_email);
        self.people
            .iter()
            .find(|(_, p)| {
                p.email
                    .as_deref()
                    .is_some_and(|e| super::mailing::normalise_email(e) == wanted)
            })
            .map(|(id, _)| id.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn counts_are_the_keys_by_kind() {
        let on = NaiveDate::from_ymd_opt(2025, 3, 1).unwrap();
        let mut ds = Dataset::default();
        let document = |kind| Document {
            trajectory: Id::generate(),
            participant: Id::generate(),
            kind,
            title: "Eindrapport".into(),
            body: String::new(),
            created_on: on,
            files: Vec::new(),
        };
        for kind in [
            DocumentKind::IndividualReport,
            DocumentKind::QuestionnaireResult,
            DocumentKind::QuestionnaireResult,
        ] {
            ds.insert(Id::generate(), AnyRecord::Document(document(kind)));
        }
        ds.insert(
            Id::generate(),
            AnyRecord::Person(Person {
                name: "Zoë".into(),
                email: None,
                phone: None,
                organisation: None,
                created_on: on,
            }),
        );
        let mut by_keys = BTreeMap::new();
        for (kind, _) in ds.keys() {
            *by_keys.entry(kind).or_insert(0) += 1;
        }
        assert_eq!(ds.counts(), by_keys);
        assert_eq!(ds.counts().get(&Kind::QuestionnaireResult), Some(&2));
        assert_eq!(Dataset::default().counts(), BTreeMap::new());
    }
}
