//! The retention rules of DESIGN.md §4 (contract): one table of
//! periods, and the deadline of every record computed from it.

use super::calendar::{add_months, days_left};
use super::dataset::Dataset;
use super::id::Id;
use super::id_hash::{IdMap, id_map};
use super::kind::Kind;
use super::records::DocumentKind;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;
use std::ops::{Deref, DerefMut};
use strum::VariantArray;

/// One row of the period table of DESIGN.md §4: a retention period that a
/// practice profile may shorten (`retention_months`, DESIGN.md §13.2). The
/// names are contract: they are the keys of `retention_months`.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, VariantArray,
)]
#[serde(rename_all = "snake_case")]
pub enum Rule {
    IndividualReport,
    QuestionnaireResult,
    Trajectory,
    TeamReport,
    ContactRequest,
    QuoteAccepted,
    QuoteDeclined,
    QuoteOpen,
    /// A person linked to nothing.
    Person,
    SubjectRequest,
    Complaint,
}

impl Rule {
    pub const ALL: &'static [Rule] = <Rule as VariantArray>::VARIANTS;

    pub fn name(self) -> &'static str {
        match self {
            Rule::IndividualReport => "individual_report",
            Rule::QuestionnaireResult => "questionnaire_result",
            Rule::Trajectory => "trajectory",
            Rule::TeamReport => "team_report",
            Rule::ContactRequest => "contact_request",
            Rule::QuoteAccepted => "quote_accepted",
            Rule::QuoteDeclined => "quote_declined",
            Rule::QuoteOpen => "quote_open",
            Rule::Person => "person",
            Rule::SubjectRequest => "subject_request",
            Rule::Complaint => "complaint",
        }
    }

    pub fn from_name(name: &str) -> Option<Rule> {
        Rule::ALL.iter().copied().find(|r| r.name() == name)
    }

    /// The record kind the rule gives a deadline to.
    pub fn kind(self) -> Kind {
        match self {
            Rule::IndividualReport => Kind::IndividualReport,
            Rule::QuestionnaireResult => Kind::QuestionnaireResult,
            Rule::Trajectory => Kind::Trajectory,
            Rule::TeamReport => Kind::TeamReport,
            Rule::ContactRequest => Kind::ContactRequest,
            Rule::QuoteAccepted | Rule::QuoteDeclined | Rule::QuoteOpen => Kind::Quote,
            Rule::Person => Kind::Person,
            Rule::SubjectRequest => Kind::SubjectRequest,
            Rule::Complaint => Kind::Complaint,
        }
    }

    /// Whether the period is also a minimum the law sets, so a practice may
    /// not shorten it: an accepted quote is part of the administration,
    /// which the fiscal retention duty keeps for seven years (AWR art. 52).
    pub fn fixed_by_law(self) -> bool {
        matches!(self, Rule::QuoteAccepted)
    }

    /// The promise of DESIGN.md §1 the rule keeps, when it keeps one.
    pub fn promise(self) -> Option<&'static str> {
        match self {
            Rule::IndividualReport | Rule::QuestionnaireResult | Rule::Trajectory => Some("P1"),
            Rule::TeamReport => Some("P2"),
            Rule::ContactRequest => Some("P3"),
            Rule::QuoteAccepted => Some("P7"),
            _ => None,
        }
    }

    /// What starts the rule's clock.
    pub fn clock_start(self) -> ClockStart {
        match self {
            Rule::IndividualReport | Rule::QuestionnaireResult | Rule::Trajectory => {
                ClockStart::Completed
            }
            Rule::TeamReport => ClockStart::Delivered,
            Rule::ContactRequest => ClockStart::FirstContact,
            Rule::QuoteAccepted => ClockStart::Accepted,
            Rule::QuoteDeclined => ClockStart::Declined,
            Rule::QuoteOpen => ClockStart::Sent,
            Rule::Person => ClockStart::Created,
            Rule::SubjectRequest | Rule::Complaint => ClockStart::Handled,
        }
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The moment a rule's clock starts, for the documents that state the rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClockStart {
    /// The trajectory is completed.
    Completed,
    Delivered,
    /// The first contact, else receipt.
    FirstContact,
    Accepted,
    Declined,
    Sent,
    /// The person was entered (and is linked to nothing).
    Created,
    Handled,
}

/// Retention periods in calendar months. The one table in the code; a
/// practice profile may shorten these but never lengthen one (P1 and P2 are
/// maxima the statement promises; the others are the practice's own).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Periods {
    /// Individual reports (P1).
    pub individual_report: u32,
    /// Questionnaire results (P1).
    pub questionnaire_result: u32,
    /// A trajectory, which its documents go with (P1).
    pub trajectory: u32,
    /// Team advisory reports (P2).
    pub team_report: u32,
    /// Contact requests, from first contact or receipt (P3).
    pub contact_request: u32,
    /// Accepted quotes: the fiscal retention of AWR art. 52 (P7).
    pub quote_accepted: u32,
    pub quote_declined: u32,
    pub quote_open: u32,
    /// A person linked to nothing.
    pub person_unlinked: u32,
    pub subject_request: u32,
    pub complaint: u32,
}

pub const PERIODS: Periods = Periods {
    individual_report: 2,
    questionnaire_result: 2,
    trajectory: 2,
    team_report: 36,
    contact_request: 1,
    quote_accepted: 84,
    quote_declined: 12,
    quote_open: 12,
    person_unlinked: 1,
    subject_request: 24,
    complaint: 24,
};

/// A period a profile may not set: `months` for `rule`, whose period is at
/// most `max` (longer, zero, or shorter where the law fixes the period).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PeriodRefused {
    pub rule: Rule,
    pub months: u32,
    pub max: u32,
}

impl Periods {
    pub fn months(&self, rule: Rule) -> u32 {
        *self.slot(rule)
    }

    fn slot(&self, rule: Rule) -> &u32 {
        match rule {
            Rule::IndividualReport => &self.individual_report,
            Rule::QuestionnaireResult => &self.questionnaire_result,
            Rule::Trajectory => &self.trajectory,
            Rule::TeamReport => &self.team_report,
            Rule::ContactRequest => &self.contact_request,
            Rule::QuoteAccepted => &self.quote_accepted,
            Rule::QuoteDeclined => &self.quote_declined,
            Rule::QuoteOpen => &self.quote_open,
            Rule::Person => &self.person_unlinked,
            Rule::SubjectRequest => &self.subject_request,
            Rule::Complaint => &self.complaint,
        }
    }

    fn slot_mut(&mut self, rule: Rule) -> &mut u32 {
        match rule {
            Rule::IndividualReport => &mut self.individual_report,
            Rule::QuestionnaireResult => &mut self.questionnaire_result,
            Rule::Trajectory => &mut self.trajectory,
            Rule::TeamReport => &mut self.team_report,
            Rule::ContactRequest => &mut self.contact_request,
            Rule::QuoteAccepted => &mut self.quote_accepted,
            Rule::QuoteDeclined => &mut self.quote_declined,
            Rule::QuoteOpen => &mut self.quote_open,
            Rule::Person => &mut self.person_unlinked,
            Rule::SubjectRequest => &mut self.subject_request,
            Rule::Complaint => &mut self.complaint,
        }
    }

    /// These periods with some shortened. A value longer than the period it
    /// shortens is refused with the first rule it breaks, as is 0 (a record
    /// must exist for at least its first month) and any other value for a
    /// period the law fixes.
    pub fn shortened(&self, by: &BTreeMap<Rule, u32>) -> Result<Periods, PeriodRefused> {
        let mut out = *self;
        for (rule, months) in by {
            let max = self.months(*rule);
            if *months > max || *months == 0 || (rule.fixed_by_law() && *months != max) {
                return Err(PeriodRefused {
                    rule: *rule,
                    months: *months,
                    max,
                });
            }
            *out.slot_mut(*rule) = *months;
        }
        Ok(out)
    }

    /// The same, where a value that is not a shortening is left out: what a
    /// stored profile means even if it were ever out of bounds.
    pub fn shortened_where_shorter(&self, by: &BTreeMap<Rule, u32>) -> Periods {
        let mut out = *self;
        for (rule, months) in by {
            if !rule.fixed_by_law() && (1..self.months(*rule)).contains(months) {
                *out.slot_mut(*rule) = *months;
            }
        }
        out
    }
}

/// When a record must be gone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Deadline {
    /// Must be deleted on this day (expired when `today >= date`).
    On(NaiveDate),
    /// No deadline yet: the clock has not started (an open trajectory, an
    /// open request). It will get one.
    Open,
    /// Kept for good: subscribers until they unsubscribe, the breach register.
    Never,
}

impl Deadline {
    pub fn date(self) -> Option<NaiveDate> {
        match self {
            Deadline::On(d) => Some(d),
            _ => None,
        }
    }

    pub fn is_expired(self, today: NaiveDate) -> bool {
        matches!(self, Deadline::On(d) if today >= d)
    }

    /// Days left: 0 on the deadline, negative after; `None` without a date.
    pub fn days_left(self, today: NaiveDate) -> Option<i64> {
        self.date().map(|d| days_left(d, today))
    }

    /// The later of two deadlines, where `Open` outranks any date (the record
    /// is still needed) and `Never` means "imposes nothing".
    fn keep_longest(self, other: Deadline) -> Deadline {
        match (self, other) {
            (Deadline::Open, _) | (_, Deadline::Open) => Deadline::Open,
            (Deadline::On(a), Deadline::On(b)) => Deadline::On(a.max(b)),
            (Deadline::On(a), Deadline::Never) | (Deadline::Never, Deadline::On(a)) => {
                Deadline::On(a)
            }
            (Deadline::Never, Deadline::Never) => Deadline::Never,
        }
    }
}

/// One record with its deadline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Due {
    pub kind: Kind,
    pub id: Id,
    pub deadline: Deadline,
}

/// The deadline of every record, computed once per change of the data: a
/// hash map by kind and id, with the id hasher (`id_hash`) since it is
/// built for every record on every change.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Deadlines(IdMap<(Kind, Id), Deadline>);

impl Deadlines {
    pub fn new() -> Deadlines {
        Deadlines::default()
    }

    pub fn with_capacity(n: usize) -> Deadlines {
        Deadlines(id_map(n))
    }
}

impl Deref for Deadlines {
    type Target = IdMap<(Kind, Id), Deadline>;

    fn deref(&self) -> &Self::Target {
        &self.0
    }
}

impl DerefMut for Deadlines {
    fn deref_mut(&mut self) -> &mut Self::Target {
        &mut self.0
    }
}

impl<'a> IntoIterator for &'a Deadlines {
    type Item = (&'a (Kind, Id), &'a Deadline);
    type IntoIter = std::collections::hash_map::Iter<'a, (Kind, Id), Deadline>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

/// The deadline of one record in `deadlines`. Every record of the data they
/// were computed from has one; a record that is not there (gone since)
/// imposes nothing: `Never`.
pub fn deadline_of(deadlines: &Deadlines, kind: Kind, id: &Id) -> Deadline {
    deadlines
        .get(&(kind, id.clone()))
        .copied()
        .unwrap_or(Deadline::Never)
}

/// The deadline of every record in `ds`, computed in one pass with the
/// periods of its practice profile (the table, shortened where it says).
pub fn deadlines(ds: &Dataset) -> Deadlines {
    deadlines_with(ds, &ds.periods())
}

pub fn deadlines_with(ds: &Dataset, p: &Periods) -> Deadlines {
    // Every kind by name: a new kind does not compile until it has a rule.
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
    } = ds;
    let mut out = Deadlines::with_capacity(ds.len());
    // Each trajectory's completion, found by id for its documents.
    let completed: IdMap<&Id, Option<NaiveDate>> = {
        let mut m = id_map(trajectories.len());
        m.extend(trajectories.iter().map(|(id, t)| (id, t.completed_on)));
        m
    };
    let trajectory_deadline = |completed_on: Option<NaiveDate>| {
        completed_on.map_or(Deadline::Open, |c| {
            Deadline::On(add_months(c, p.trajectory))
        })
    };
    // What each person is needed for, folded into one deadline; `Never`
    // until something needs them.
    let mut person_needs: IdMap<&Id, Deadline> = id_map(people.len());
    person_needs.extend(people.keys().map(|id| (id, Deadline::Never)));
    let mut need = |person: &Id, d: Deadline| {
        if let Some(e) = person_needs.get_mut(person) {
            *e = e.keep_longest(d);
        }
    };

    for (id, t) in trajectories {
        let d = trajectory_deadline(t.completed_on);
        out.insert((Kind::Trajectory, id.clone()), d);
        for p in t.participants.iter().chain(t.requester.iter()) {
            need(p, d);
        }
    }
    for (id, doc) in documents {
        let own = match doc.kind {
            DocumentKind::IndividualReport => p.individual_report,
            DocumentKind::QuestionnaireResult => p.questionnaire_result,
        };
        let d = match completed.get(&doc.trajectory) {
            // Its own period, and never after its trajectory's: the
            // documents go with it.
            Some(completed_on) => completed_on.map_or(Deadline::Open, |c| {
                Deadline::On(add_months(c, own.min(p.trajectory)))
            }),
            // A document whose trajectory is gone has lost its reason to exist.
            None => Deadline::On(doc.created_on),
        };
        out.insert((doc.kind.record_kind(), id.clone()), d);
    }
    for (id, r) in team_reports {
        let d = Deadline::On(add_months(r.delivered_on, p.team_report));
        out.insert((Kind::TeamReport, id.clone()), d);
    }
    for (id, c) in contact_requests {
        let start = c.first_contact_on.unwrap_or(c.received_on);
        let d = Deadline::On(add_months(start, p.contact_request));
        out.insert((Kind::ContactRequest, id.clone()), d);
    }
    for (id, q) in quotes {
        let d = Deadline::On(if let Some(a) = q.accepted_on {
            add_months(a, p.quote_accepted)
        } else if let Some(dec) = q.declined_on {
            add_months(dec, p.quote_declined)
        } else {
            add_months(q.sent_on, p.quote_open)
        });
        out.insert((Kind::Quote, id.clone()), d);
        if let Some(r) = &q.requester {
            need(r, d);
        }
    }
    for (id, r) in subject_requests {
        let d = r.handled_on.map_or(Deadline::Open, |h| {
            Deadline::On(add_months(h, p.subject_request))
        });
        out.insert((Kind::SubjectRequest, id.clone()), d);
        if r.handled_on.is_none()
            && let Some(person) = &r.person
        {
            need(person, Deadline::Open);
        }
    }
    for (id, c) in complaints {
        let d = c
            .handled_on
            .map_or(Deadline::Open, |h| Deadline::On(add_months(h, p.complaint)));
        out.insert((Kind::Complaint, id.clone()), d);
    }
    for id in subscribers.keys() {
        out.insert((Kind::Subscriber, id.clone()), Deadline::Never);
    }
    for id in suppressions.keys() {
        out.insert((Kind::Suppression, id.clone()), Deadline::Never);
    }
    for id in breaches.keys() {
        out.insert((Kind::Breach, id.clone()), Deadline::Never);
    }
    for id in practice.keys() {
        out.insert((Kind::Practice, id.clone()), Deadline::Never);
    }

    let mut person_deadline: IdMap<&Id, Deadline> = id_map(people.len());
    for (id, person) in people {
        let d = match person_needs.get(id) {
            Some(Deadline::Never) | None => {
                Deadline::On(add_months(person.created_on, p.person_unlinked))
            }
            Some(d) => *d,
        };
        person_deadline.insert(id, d);
        out.insert((Kind::Person, id.clone()), d);
    }
    // Consents and disclosures exist only through their person.
    let through_person = |p: &Id| {
        person_deadline
            .get(p)
            .copied()
            .unwrap_or(Deadline::On(NaiveDate::MIN))
    };
    for (id, c) in consents {
        out.insert((Kind::Consent, id.clone()), through_person(&c.person));
    }
    for (id, d) in disclosures {
        out.insert((Kind::Disclosure, id.clone()), through_person(&d.person));
    }
    out
}

/// Every record whose deadline in `deadlines` has passed on `today`, oldest
/// deadline first.
pub fn expired(deadlines: &Deadlines, today: NaiveDate) -> Vec<Due> {
    let mut out: Vec<Due> = deadlines
        .iter()
        .filter(|(_, d)| d.is_expired(today))
        .map(|((kind, id), deadline)| Due {
            kind: *kind,
            id: id.clone(),
            deadline: *deadline,
        })
        .collect();
    sort_by_deadline(&mut out);
    out
}

/// Records with a deadline, soonest first; ties by kind then id so the order
/// is stable between runs.
pub fn sort_by_deadline(list: &mut [Due]) {
    list.sort_by(|a, b| (a.deadline, a.kind, &a.id).cmp(&(b.deadline, b.kind, &b.id)));
}

#[cfg(test)]
mod tests {
    //! Every row of the DESIGN.md §4 table, on the day before, on and
    //! after its deadline, plus the month-end cases and the person rule.

    use super::*;
    use crate::domain::breach::Breach;
    use crate::domain::records::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn id(n: u64) -> Id {
        Id::parse(&format!("{n:016x}")).unwrap()
    }

    fn person(created_on: &str) -> Person {
        Person {
            name: "Zoë Ĳsselmeer-Çelik".into(),
            email: Some("zoe@example.nl".into()),
            phone: None,
            organisation: Some("Gemeente Utrecht".into()),
            created_on: d(created_on),
        }
    }

    fn trajectory(participants: &[u64], requester: Option<u64>, done: Option<&str>) -> Trajectory {
        Trajectory {
            kind: TrajectoryKind::Coaching,
            title: "Loopbaancoaching".into(),
            participants: participants.iter().map(|n| id(*n)).collect(),
            requester: requester.map(id),
            started_on: Some(d("2020-01-01")),
            completed_on: done.map(d),
        }
    }

    fn document(trajectory: u64, participant: u64, kind: DocumentKind) -> Document {
        Document {
            trajectory: id(trajectory),
            participant: id(participant),
            kind,
            title: "Eindrapport".into(),
            body: "één".into(),
            created_on: d("2020-01-02"),
            files: Vec::new(),
        }
    }

    fn quote(
        requester: Option<u64>,
        sent: &str,
        accepted: Option<&str>,
        declined: Option<&str>,
    ) -> Quote {
        Quote {
            requester: requester.map(id),
            requester_organisation: None,
            participants: Vec::new(),
            amount: "2450.00".into(),
            sent_on: d(sent),
            accepted_on: accepted.map(d),
            declined_on: declined.map(d),
            restricted: false,
        }
    }

    fn request(person: Option<u64>, received: &str, handled: Option<&str>) -> SubjectRequest {
        SubjectRequest {
            person: person.map(id),
            kind: RequestKind::Access,
            received_on: d(received),
            extension_reason: None,
            handled_on: handled.map(d),
        }
    }

    fn deadline_of(ds: &Dataset, kind: Kind, n: u64) -> Deadline {
        *deadlines(ds)
            .get(&(kind, id(n)))
            .unwrap_or_else(|| panic!("no deadline for {kind}/{n}"))
    }

    fn in_expired(ds: &Dataset, kind: Kind, n: u64, today: NaiveDate) -> bool {
        expired(&deadlines(ds), today)
            .iter()
            .any(|due| due.kind == kind && due.id == id(n))
    }

    /// The record has deadline `deadline` and expires on that very day: not
    /// the day before, yes on the day and the day after.
    #[track_caller]
    fn assert_deadline(ds: &Dataset, kind: Kind, n: u64, deadline: &str) {
        let want = d(deadline);
        let got = deadline_of(ds, kind, n);
        assert_eq!(got, Deadline::On(want), "{kind}/{n}");
        let before = want.pred_opt().unwrap();
        let after = want.succ_opt().unwrap();
        assert!(!got.is_expired(before), "{kind} expired the day before");
        assert!(got.is_expired(want), "{kind} not expired on its deadline");
        assert!(got.is_expired(after), "{kind} not expired the day after");
        assert_eq!(got.days_left(before), Some(1));
        assert_eq!(got.days_left(want), Some(0));
        assert_eq!(got.days_left(after), Some(-1));
        assert!(
            !in_expired(ds, kind, n, before),
            "{kind} listed the day before"
        );
        assert!(
            in_expired(ds, kind, n, want),
            "{kind} not listed on its deadline"
        );
        assert!(
            in_expired(ds, kind, n, after),
            "{kind} not listed the day after"
        );
    }

    #[track_caller]
    fn assert_never_expires(ds: &Dataset, kind: Kind, n: u64, expect: Deadline) {
        let got = deadline_of(ds, kind, n);
        assert_eq!(got, expect, "{kind}/{n}");
        for day in ["1900-01-01", "2026-11-25", "2199-12-31"] {
            assert!(!got.is_expired(d(day)));
            assert!(!in_expired(ds, kind, n, d(day)), "{kind} listed on {day}");
        }
    }

    #[test]
    fn the_period_table_matches_the_contract() {
        assert_eq!(PERIODS.individual_report, 2, "P1");
        assert_eq!(PERIODS.questionnaire_result, 2, "P1");
        assert_eq!(PERIODS.trajectory, 2, "P1");
        assert_eq!(PERIODS.team_report, 36, "P2");
        assert_eq!(PERIODS.contact_request, 1);
        assert_eq!(PERIODS.quote_accepted, 84, "P7");
        assert_eq!(PERIODS.quote_declined, 12);
        assert_eq!(PERIODS.quote_open, 12);
        assert_eq!(PERIODS.person_unlinked, 1);
        assert_eq!(PERIODS.subject_request, 24);
        assert_eq!(PERIODS.complaint, 24);
    }

    #[test]
    fn documents_and_their_trajectory_expire_two_months_after_completion() {
        let mut ds = Dataset::default();
        ds.insert(id(1), AnyRecord::Person(person("2026-01-05")));
        ds.insert(
            id(10),
            AnyRecord::Trajectory(trajectory(&[1], None, Some("2026-03-31"))),
        );
        ds.insert(
            id(20),
            AnyRecord::Document(document(10, 1, DocumentKind::IndividualReport)),
        );
        ds.insert(
            id(21),
            AnyRecord::Document(document(10, 1, DocumentKind::QuestionnaireResult)),
        );
        assert_deadline(&ds, Kind::Trajectory, 10, "2026-05-31");
        assert_deadline(&ds, Kind::IndividualReport, 20, "2026-05-31");
        assert_deadline(&ds, Kind::QuestionnaireResult, 21, "2026-05-31");
        assert_deadline(&ds, Kind::Person, 1, "2026-05-31");
    }

    #[test]
    fn a_practice_profile_shortens_the_periods_it_names_and_no_others() {
        let mut ds = Dataset::default();
        ds.insert(id(1), AnyRecord::Person(person("2026-01-05")));
        ds.insert(
            id(10),
            AnyRecord::Trajectory(trajectory(&[1], None, Some("2026-03-31"))),
        );
        ds.insert(
            id(20),
            AnyRecord::Document(document(10, 1, DocumentKind::IndividualReport)),
        );
        ds.insert(
            id(21),
            AnyRecord::Document(document(10, 1, DocumentKind::QuestionnaireResult)),
        );
        let mut profile = crate::domain::practice::Practice::default();
        profile.retention_months.insert(Rule::IndividualReport, 1);
        ds.insert(id(90), AnyRecord::Practice(profile.clone()));
        assert_deadline(&ds, Kind::IndividualReport, 20, "2026-04-30");
        assert_deadline(&ds, Kind::QuestionnaireResult, 21, "2026-05-31");
        assert_deadline(&ds, Kind::Trajectory, 10, "2026-05-31");
        assert_never_expires(&ds, Kind::Practice, 90, Deadline::Never);
        // A shorter trajectory takes its documents along, whatever their own period.
        profile.retention_months.insert(Rule::Trajectory, 1);
        profile.retention_months.remove(&Rule::IndividualReport);
        ds.insert(id(90), AnyRecord::Practice(profile));
        assert_deadline(&ds, Kind::Trajectory, 10, "2026-04-30");
        assert_deadline(&ds, Kind::IndividualReport, 20, "2026-04-30");
    }

    #[test]
    fn rule_names_are_the_retention_months_keys() {
        for rule in Rule::ALL {
            assert_eq!(Rule::from_name(rule.name()), Some(*rule));
            let json = serde_json::to_string(rule).unwrap();
            assert_eq!(json, format!("\"{}\"", rule.name()));
            assert_eq!(
                PERIODS.shortened(&BTreeMap::from([(*rule, PERIODS.months(*rule))])),
                Ok(PERIODS)
            );
        }
        assert_eq!(Rule::ALL.len(), 11);
    }

    #[test]
    fn an_open_trajectory_and_its_documents_have_no_deadline() {
        let mut ds = Dataset::default();
        ds.insert(id(1), AnyRecord::Person(person("2020-01-01")));
        ds.insert(id(10), AnyRecord::Trajectory(trajectory(&[1], None, None)));
        ds.insert(
            id(20),
            AnyRecord::Document(document(10, 1, DocumentKind::IndividualReport)),
        );
        ds.insert(
            id(21),
            AnyRecord::Document(document(10, 1, DocumentKind::QuestionnaireResult)),
        );
        assert_never_expires(&ds, Kind::Trajectory, 10, Deadline::Open);
        assert_never_expires(&ds, Kind::IndividualReport, 20, Deadline::Open);
        assert_never_expires(&ds, Kind::QuestionnaireResult, 21, Deadline::Open);
        // An open trajectory keeps its participant, however old the person is.
        assert_never_expires(&ds, Kind::Person, 1, Deadline::Open);
    }

    #[test]
    fn documents_share_the_deadline_of_their_own_trajectory() {
        let mut ds = Dataset::default();
        ds.insert(id(1), AnyRecord::Person(person("2026-01-05")));
        ds.insert(
            id(10),
            AnyRecord::Trajectory(trajectory(&[1], None, Some("2026-12-31"))),
        );
        ds.insert(
            id(11),
            AnyRecord::Trajectory(trajectory(&[1], None, Some("2027-12-31"))),
        );
        ds.insert(
            id(20),
            AnyRecord::Document(document(10, 1, DocumentKind::IndividualReport)),
        );
        ds.insert(
            id(21),
            AnyRecord::Document(document(11, 1, DocumentKind::QuestionnaireResult)),
        );
        // Month-end clamping: 2026-12-31 + 2 = 2027-02-28; 2027-12-31 + 2 = 2028-02-29.
        assert_deadline(&ds, Kind::Trajectory, 10, "2027-02-28");
        assert_deadline(&ds, Kind::IndividualReport, 20, "2027-02-28");
        assert_deadline(&ds, Kind::Trajectory, 11, "2028-02-29");
        assert_deadline(&ds, Kind::QuestionnaireResult, 21, "2028-02-29");
        // The person is kept for the later one.
        assert_deadline(&ds, Kind::Person, 1, "2028-02-29");
        let all = deadlines(&ds);
        for (doc_id, doc) in &ds.documents {
            assert_eq!(
                all[&(doc.kind.record_kind(), doc_id.clone())],
                all[&(Kind::Trajectory, doc.trajectory.clone())]
            );
        }
    }

    #[test]
    fn team_reports_expire_36_months_after_delivery() {
        let mut ds = Dataset::default();
        let report = |on: &str| TeamReport {
            organisation: "Gemeente Utrecht".into(),
            team: "Team Noord".into(),
            title: "Adviesrapport".into(),
            delivered_on: d(on),
            sealed_body: String::new(),
            files: Vec::new(),
        };
        ds.insert(id(30), AnyRecord::TeamReport(report("2023-11-01")));
        ds.insert(id(31), AnyRecord::TeamReport(report("2024-02-29")));
        assert_deadline(&ds, Kind::TeamReport, 30, "2026-11-01");
        // Leap day + 36 months clamps to 2027-02-28.
        assert_deadline(&ds, Kind::TeamReport, 31, "2027-02-28");
    }

    #[test]
    fn contact_requests_expire_a_month_after_first_contact_else_receipt() {
        let mut ds = Dataset::default();
        let req = |received: &str, first: Option<&str>| ContactRequest {
            name: "Anna de Vries".into(),
            email: Some("anna@example.nl".into()),
            phone: None,
            message: "Graag contact".into(),
            received_on: d(received),
            first_contact_on: first.map(d),
        };
        ds.insert(
            id(40),
            AnyRecord::ContactRequest(req("2026-09-01", Some("2026-09-15"))),
        );
        ds.insert(id(41), AnyRecord::ContactRequest(req("2026-01-31", None)));
        assert_deadline(&ds, Kind::ContactRequest, 40, "2026-10-15");
        assert_deadline(&ds, Kind::ContactRequest, 41, "2026-02-28");
    }

    #[test]
    fn quotes_keep_84_months_accepted_12_declined_12_open() {
        let mut ds = Dataset::default();
        ds.insert(id(1), AnyRecord::Person(person("2019-01-01")));
        ds.insert(
            id(50),
            AnyRecord::Quote(quote(Some(1), "2026-02-10", Some("2026-03-01"), None)),
        );
        ds.insert(
            id(51),
            AnyRecord::Quote(quote(None, "2025-09-01", None, Some("2025-10-01"))),
        );
        ds.insert(
            id(52),
            AnyRecord::Quote(quote(None, "2025-12-31", None, None)),
        );
        ds.insert(
            id(53),
            AnyRecord::Quote(quote(None, "2019-02-01", Some("2020-02-29"), None)),
        );
        assert_deadline(&ds, Kind::Quote, 50, "2033-03-01");
        assert_deadline(&ds, Kind::Quote, 51, "2026-10-01");
        assert_deadline(&ds, Kind::Quote, 52, "2026-12-31");
        assert_deadline(&ds, Kind::Quote, 53, "2027-02-28");
        // The accepted quote keeps its requester for the same 84 months.
        assert_deadline(&ds, Kind::Person, 1, "2033-03-01");
    }

    #[test]
    fn subject_requests_and_complaints_keep_24_months_after_handling() {
        let mut ds = Dataset::default();
        ds.insert(
            id(60),
            AnyRecord::SubjectRequest(request(None, "2024-01-01", Some("2024-01-20"))),
        );
        ds.insert(
            id(61),
            AnyRecord::SubjectRequest(request(None, "2020-01-01", None)),
        );
        let complaint = |handled: Option<&str>| Complaint {
            person: None,
            summary: "Klacht".into(),
            received_on: d("2024-02-01"),
            handled_on: handled.map(d),
            referred_to_ap: false,
        };
        ds.insert(id(70), AnyRecord::Complaint(complaint(Some("2024-02-29"))));
        ds.insert(id(71), AnyRecord::Complaint(complaint(None)));
        assert_deadline(&ds, Kind::SubjectRequest, 60, "2026-01-20");
        assert_deadline(&ds, Kind::Complaint, 70, "2026-02-28");
        assert_never_expires(&ds, Kind::SubjectRequest, 61, Deadline::Open);
        assert_never_expires(&ds, Kind::Complaint, 71, Deadline::Open);
    }

    #[test]
    fn subscribers_suppressions_and_breaches_never_expire() {
        let mut ds = Dataset::default();
        ds.insert(
            id(80),
            AnyRecord::Subscriber(Subscriber {
                email: "lotte@example.nl".into(),
                name: None,
                source: SubscriberSource::Webinar,
                evidence: "Webinar Teamdynamiek, 12 mei 2026".into(),
                subscribed_on: d("2000-01-01"),
            }),
        );
        ds.insert(
            id(81),
            AnyRecord::Suppression(Suppression {
                hash: "00".into(),
                suppressed_on: d("2000-01-01"),
            }),
        );
        let breach: Breach = serde_json::from_value(serde_json::json!({
            "discovered_at": "2001-01-01T10:00:00+01:00",
            "title": "Laptop gestolen",
        }))
        .unwrap();
        ds.insert(id(82), AnyRecord::Breach(breach));
        assert_never_expires(&ds, Kind::Subscriber, 80, Deadline::Never);
        assert_never_expires(&ds, Kind::Suppression, 81, Deadline::Never);
        assert_never_expires(&ds, Kind::Breach, 82, Deadline::Never);
    }

    #[test]
    fn a_person_linked_to_nothing_expires_a_month_after_creation() {
        let mut ds = Dataset::default();
        ds.insert(id(1), AnyRecord::Person(person("2026-09-01")));
        ds.insert(id(2), AnyRecord::Person(person("2026-12-31")));
        assert_deadline(&ds, Kind::Person, 1, "2026-10-01");
        assert_deadline(&ds, Kind::Person, 2, "2027-01-31");
        // A subscriber or a contact request with the same address is no link.
        ds.insert(
            id(80),
            AnyRecord::Subscriber(Subscriber {
                email: "zoe@example.nl".into(),
                name: None,
                source: SubscriberSource::Manual,
                evidence: "gevraagd".into(),
                subscribed_on: d("2026-09-01"),
            }),
        );
        assert_deadline(&ds, Kind::Person, 1, "2026-10-01");
    }

    #[test]
    fn a_person_is_kept_for_the_latest_record_that_needs_them() {
        let mut ds = Dataset::default();
        ds.insert(id(1), AnyRecord::Person(person("2020-01-01")));
        // Participant of a trajectory completed 2026-03-31 (→ 2026-05-31).
        ds.insert(
            id(10),
            AnyRecord::Trajectory(trajectory(&[1], None, Some("2026-03-31"))),
        );
        assert_deadline(&ds, Kind::Person, 1, "2026-05-31");
        // Requester of another trajectory completed later (→ 2026-09-30).
        ds.insert(id(2), AnyRecord::Person(person("2020-01-01")));
        ds.insert(
            id(11),
            AnyRecord::Trajectory(trajectory(&[2], Some(1), Some("2026-07-31"))),
        );
        assert_deadline(&ds, Kind::Person, 1, "2026-09-30");
        // Requester of a declined quote (→ 2026-10-01) still later.
        ds.insert(
            id(50),
            AnyRecord::Quote(quote(Some(1), "2025-09-01", None, Some("2025-10-01"))),
        );
        assert_deadline(&ds, Kind::Person, 1, "2026-10-01");
        // A handled subject request does not keep them.
        ds.insert(
            id(60),
            AnyRecord::SubjectRequest(request(Some(1), "2026-01-01", Some("2026-01-02"))),
        );
        assert_deadline(&ds, Kind::Person, 1, "2026-10-01");
        // An open one does, with no date at all.
        ds.insert(
            id(61),
            AnyRecord::SubjectRequest(request(Some(1), "2026-11-01", None)),
        );
        assert_never_expires(&ds, Kind::Person, 1, Deadline::Open);
        ds.remove(Kind::SubjectRequest, &id(61));
        assert_deadline(&ds, Kind::Person, 1, "2026-10-01");
        // An open trajectory they take part in keeps them as well.
        ds.insert(id(12), AnyRecord::Trajectory(trajectory(&[1], None, None)));
        assert_never_expires(&ds, Kind::Person, 1, Deadline::Open);
        ds.remove(Kind::Trajectory, &id(12));
        // An accepted quote they requested keeps them 84 months.
        ds.insert(
            id(51),
            AnyRecord::Quote(quote(Some(1), "2026-02-10", Some("2026-03-01"), None)),
        );
        assert_deadline(&ds, Kind::Person, 1, "2033-03-01");
    }

    #[test]
    fn a_quote_participant_is_not_kept_by_the_quote() {
        // The table names quotes they *requested*; a participant of a quote
        // is kept by the trajectory, not the administration.
        let mut ds = Dataset::default();
        ds.insert(id(1), AnyRecord::Person(person("2026-01-05")));
        ds.insert(id(2), AnyRecord::Person(person("2026-01-05")));
        let mut q = quote(Some(1), "2026-02-10", Some("2026-03-01"), None);
        q.participants = vec![id(2)];
        ds.insert(id(50), AnyRecord::Quote(q));
        assert_deadline(&ds, Kind::Person, 1, "2033-03-01");
        assert_deadline(&ds, Kind::Person, 2, "2026-02-05");
    }

    #[test]
    fn expired_lists_oldest_deadline_first() {
        let mut ds = Dataset::default();
        ds.insert(id(1), AnyRecord::Person(person("2026-09-01")));
        ds.insert(
            id(52),
            AnyRecord::Quote(quote(None, "2025-01-31", None, None)),
        );
        ds.insert(
            id(40),
            AnyRecord::ContactRequest(ContactRequest {
                name: "Anna".into(),
                email: None,
                phone: None,
                message: String::new(),
                received_on: d("2026-03-01"),
                first_contact_on: None,
            }),
        );
        let list = expired(&deadlines(&ds), d("2026-11-25"));
        let dates: Vec<_> = list.iter().map(|e| e.deadline.date().unwrap()).collect();
        assert_eq!(
            dates,
            vec![d("2026-01-31"), d("2026-04-01"), d("2026-10-01")]
        );
        assert_eq!(list[0].kind, Kind::Quote);
    }
}
