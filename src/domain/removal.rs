//! What removing records takes with it (DESIGN.md §4): a trajectory's
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
    // Every kind by name: a new kind does not compile until it says whether
    // removing a person or a trajectory takes it along or changes it. The
    // kinds named `_` point at neither.
    let Dataset {
        people,
        trajectories,
        documents,
        team_reports: _,
        contact_requests: _,
        quotes,
        subscribers: _,
        suppressions: _,
        consents,
        disclosures,
        subject_requests,
        complaints,
        breaches: _,
        practice: _,
    } = ds;
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
    for (id, d) in documents {
        if gone_trajectories.contains(&d.trajectory) || gone_people.contains(&d.participant) {
            extra.push((d.kind.record_kind(), id.clone()));
        }
    }
    for (id, c) in consents {
        if gone_people.contains(&c.person) {
            extra.push((Kind::Consent, id.clone()));
        }
    }
    for (id, d) in disclosures {
        if gone_people.contains(&d.person) {
            extra.push((Kind::Disclosure, id.clone()));
        }
    }

    let mut updates = Vec::new();
    if !gone_people.is_empty() {
        for (id, t) in trajectories {
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
        for (id, q) in quotes {
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
                        .and_then(|r| people.get(r))
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
        for (id, r) in subject_requests {
            if gone.contains(&(Kind::SubjectRequest, id.clone())) {
                continue;
            }
            if r.person.as_ref().is_some_and(|p| gone_people.contains(p)) {
                let mut r = r.clone();
                r.person = None;
                updates.push((id.clone(), AnyRecord::SubjectRequest(r)));
            }
        }
        for (id, c) in complaints {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::records::*;
    use chrono::NaiveDate;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn id(n: u64) -> Id {
        Id::parse(&format!("{n:016x}")).unwrap()
    }

    fn person(name: &str, org: Option<&str>) -> Person {
        Person {
            name: name.into(),
            email: None,
            phone: None,
            organisation: org.map(str::to_string),
            created_on: d("2026-01-05"),
        }
    }

    fn trajectory(participants: &[u64], requester: Option<u64>) -> Trajectory {
        Trajectory {
            kind: TrajectoryKind::Training,
            title: "Teamtraining".into(),
            participants: participants.iter().map(|n| id(*n)).collect(),
            requester: requester.map(id),
            started_on: None,
            completed_on: Some(d("2026-03-31")),
        }
    }

    fn document(trajectory: u64, participant: u64, kind: DocumentKind) -> Document {
        Document {
            trajectory: id(trajectory),
            participant: id(participant),
            kind,
            title: "Eindrapport".into(),
            body: "tekst".into(),
            created_on: d("2026-03-30"),
            files: Vec::new(),
        }
    }

    fn sorted(mut v: Vec<(Kind, Id)>) -> Vec<(Kind, Id)> {
        v.sort();
        v
    }

    /// Two trajectories with two documents each, and their people.
    fn practice() -> Dataset {
        let mut ds = Dataset::default();
        ds.insert(id(1), AnyRecord::Person(person("Anna de Vries", None)));
        ds.insert(
            id(2),
            AnyRecord::Person(person("Bram Jansen", Some("Gemeente Utrecht"))),
        );
        ds.insert(
            id(3),
            AnyRecord::Person(person("Zoë Ĳsselmeer-Çelik", None)),
        );
        ds.insert(id(10), AnyRecord::Trajectory(trajectory(&[1], Some(2))));
        ds.insert(id(11), AnyRecord::Trajectory(trajectory(&[1, 3], Some(2))));
        ds.insert(
            id(20),
            AnyRecord::Document(document(10, 1, DocumentKind::IndividualReport)),
        );
        ds.insert(
            id(21),
            AnyRecord::Document(document(10, 1, DocumentKind::QuestionnaireResult)),
        );
        ds.insert(
            id(22),
            AnyRecord::Document(document(11, 1, DocumentKind::IndividualReport)),
        );
        ds.insert(
            id(23),
            AnyRecord::Document(document(11, 3, DocumentKind::QuestionnaireResult)),
        );
        ds
    }

    #[test]
    fn a_trajectory_takes_its_documents_and_nothing_else() {
        let ds = practice();
        let r = plan_removal(&ds, &[(Kind::Trajectory, id(10))]);
        assert_eq!(
            sorted(r.deletes),
            sorted(vec![
                (Kind::Trajectory, id(10)),
                (Kind::IndividualReport, id(20)),
                (Kind::QuestionnaireResult, id(21)),
            ])
        );
        // Its people stay (they have their own deadline) and are not changed.
        assert!(r.updates.is_empty());
    }

    #[test]
    fn removing_what_is_not_there_does_nothing() {
        let ds = practice();
        let r = plan_removal(&ds, &[(Kind::Trajectory, id(99)), (Kind::Person, id(98))]);
        assert_eq!(r, Removal::default());
        // A kind that does not match the id is not there either.
        let r = plan_removal(&ds, &[(Kind::QuestionnaireResult, id(20))]);
        assert!(r.deletes.is_empty());
    }

    #[test]
    fn a_removed_person_takes_their_documents_consents_and_disclosures() {
        let mut ds = practice();
        ds.insert(
            id(30),
            AnyRecord::Consent(Consent {
                person: id(3),
                recipient: "Arbodienst".into(),
                purpose: "re-integratie".into(),
                given_on: d("2026-02-01"),
                withdrawn_on: None,
            }),
        );
        ds.insert(
            id(31),
            AnyRecord::Disclosure(Disclosure {
                person: id(3),
                recipient: "Arbodienst".into(),
                what: "Eindrapport".into(),
                on: d("2026-02-02"),
                consent: id(30),
            }),
        );
        let r = plan_removal(&ds, &[(Kind::Person, id(3))]);
        assert_eq!(
            sorted(r.deletes),
            sorted(vec![
                (Kind::Person, id(3)),
                (Kind::QuestionnaireResult, id(23)),
                (Kind::Consent, id(30)),
                (Kind::Disclosure, id(31)),
            ])
        );
        // The trajectory stays for Anna, without Zoë.
        assert_eq!(r.updates.len(), 1);
        let (tid, AnyRecord::Trajectory(t)) = &r.updates[0] else {
            panic!("expected a trajectory update, got {:?}", r.updates[0]);
        };
        assert_eq!(tid, &id(11));
        assert_eq!(t.participants, vec![id(1)]);
        assert_eq!(t.requester, Some(id(2)));
    }

    #[test]
    fn a_removed_person_leaves_a_marker_on_records_that_stay() {
        let mut ds = practice();
        // Bram requested an accepted quote (kept 7 years) with Anna and Zoë.
        ds.insert(
            id(40),
            AnyRecord::Quote(Quote {
                requester: Some(id(2)),
                requester_organisation: None,
                participants: vec![id(1), id(3)],
                amount: "2450.00".into(),
                sent_on: d("2026-02-10"),
                accepted_on: Some(d("2026-03-01")),
                declined_on: None,
                restricted: false,
            }),
        );
        // Zoë is a participant of another quote requested by Anna.
        ds.insert(
            id(41),
            AnyRecord::Quote(Quote {
                requester: Some(id(1)),
                requester_organisation: None,
                participants: vec![id(3), id(1)],
                amount: "980.50".into(),
                sent_on: d("2026-02-10"),
                accepted_on: None,
                declined_on: None,
                restricted: false,
            }),
        );
        ds.insert(
            id(50),
            AnyRecord::SubjectRequest(SubjectRequest {
                person: Some(id(2)),
                kind: RequestKind::Erasure,
                received_on: d("2026-04-01"),
                extension_reason: None,
                handled_on: Some(d("2026-04-10")),
            }),
        );
        ds.insert(
            id(51),
            AnyRecord::Complaint(Complaint {
                person: Some(id(2)),
                summary: "Te late reactie".into(),
                received_on: d("2026-04-01"),
                handled_on: None,
                referred_to_ap: false,
            }),
        );

        let r = plan_removal(&ds, &[(Kind::Person, id(2)), (Kind::Person, id(3))]);
        // Bram has no documents; Zoë's questionnaire result goes.
        assert_eq!(
            sorted(r.deletes.clone()),
            sorted(vec![
                (Kind::Person, id(2)),
                (Kind::Person, id(3)),
                (Kind::QuestionnaireResult, id(23)),
            ])
        );
        let mut after = ds.clone();
        for (k, i) in &r.deletes {
            after.remove(*k, i);
        }
        for (i, rec) in r.updates.clone() {
            after.insert(i, rec);
        }

        // The accepted quote keeps the organisation and the amount, not the people.
        let q = &after.quotes[&id(40)];
        assert_eq!(q.requester, None);
        assert_eq!(
            q.requester_organisation.as_deref(),
            Some("Gemeente Utrecht")
        );
        assert_eq!(q.amount, "2450.00");
        assert!(q.participants.is_empty(), "{:?}", q.participants);
        assert_eq!(q.accepted_on, Some(d("2026-03-01")));
        // ...and its label becomes the organisation (DESIGN.md §8).
        assert_eq!(after.label(Kind::Quote, &id(40)), "Gemeente Utrecht");
        // A quote whose requester stays only loses the removed participant.
        let q = &after.quotes[&id(41)];
        assert_eq!(q.requester, Some(id(1)));
        assert_eq!(q.participants, vec![id(1)]);
        assert_eq!(after.label(Kind::Quote, &id(41)), "Anna de Vries");
        // Trajectories lose the requester and the participant, keep Anna.
        assert_eq!(after.trajectories[&id(10)].requester, None);
        assert_eq!(after.trajectories[&id(11)].requester, None);
        assert_eq!(after.trajectories[&id(11)].participants, vec![id(1)]);
        // The request log and the complaint stay, with the marker.
        assert_eq!(after.subject_requests[&id(50)].person, None);
        assert_eq!(after.complaints[&id(51)].person, None);
        assert_eq!(after.label(Kind::SubjectRequest, &id(50)), "erasure");

        // No record that stays still points at a removed person.
        for (_, rec) in &r.updates {
            let json = String::from_utf8(rec.encode()).unwrap();
            assert!(!json.contains(id(2).as_str()), "{json}");
            assert!(!json.contains(id(3).as_str()), "{json}");
        }
        for (k, i) in after.keys() {
            let json = String::from_utf8(after.get(k, &i).unwrap().encode()).unwrap();
            assert!(!json.contains(id(2).as_str()), "{k}/{i}: {json}");
            assert!(!json.contains(id(3).as_str()), "{k}/{i}: {json}");
        }
    }

    #[test]
    fn removing_a_person_and_their_quote_together_updates_nothing_twice() {
        let mut ds = practice();
        ds.insert(
            id(40),
            AnyRecord::Quote(Quote {
                requester: Some(id(2)),
                requester_organisation: None,
                participants: vec![],
                amount: "100.00".into(),
                sent_on: d("2025-09-01"),
                accepted_on: None,
                declined_on: Some(d("2025-10-01")),
                restricted: false,
            }),
        );
        let r = plan_removal(&ds, &[(Kind::Person, id(2)), (Kind::Quote, id(40))]);
        assert!(r.deletes.contains(&(Kind::Quote, id(40))));
        assert!(
            r.updates.iter().all(|(i, _)| i != &id(40)),
            "a deleted quote must not also be rewritten"
        );
    }
}
