//! The access export (P8, GDPR art. 15 and 20): every record about one
//! person, with what art. 15 requires beside the copy: purposes, categories,
//! recipients, the retention of each record, the rights, the supervisory
//! authority and where the data came from. JSON for portability, Markdown
//! that the person can read.
//!
//! Nothing about anyone else: a shared trajectory shows its title and dates,
//! not the other participants or their documents; team reports are about a
//! team and are left out; the full names and e-mail addresses of the other
//! people in the vault are replaced by a placeholder wherever they appear in
//! the exported text (art. 15(4)).

use super::complaints::{AUTHORITY, Authority};
pub use super::export_md::to_markdown;
use super::{RightsError, RightsResult};
use crate::domain::mailing::normalise_email;
use crate::domain::records::*;
use crate::domain::requests::due_on;
use crate::domain::retention::{Deadline, Periods, Rule, deadlines};
use crate::domain::{Id, Kind};
use crate::i18n::access_export::{self as words, Kept, Source};
use crate::i18n::practice::period;
use crate::i18n::{Lang, export::placeholder};
use crate::ops::session::Session;
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::{BTreeSet, HashMap};

/// The name of the format, for programs that read the JSON.
pub const FORMAT: &str = "kluis-access-export";
pub const FORMAT_VERSION: u32 = 1;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    Json,
    Markdown,
}

/// How long a record is kept: the rule in words and, once known, the day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Retention {
    pub rule: String,
    /// The day it must be deleted; `None` while its clock has not started,
    /// and for a subscription (kept until you unsubscribe).
    pub deadline: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PersonPart {
    pub id: Id,
    pub name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub organisation: Option<String>,
    pub created_on: NaiveDate,
    pub retention: Retention,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TrajectoryPart {
    pub id: Id,
    pub kind: TrajectoryKind,
    pub title: String,
    /// `participant`, `requester`, or both.
    pub roles: Vec<&'static str>,
    pub started_on: Option<NaiveDate>,
    pub completed_on: Option<NaiveDate>,
    /// Other people take part in it or requested it; their details are not
    /// part of this export.
    pub shared: bool,
    /// Where the record came from (art. 15(1)(g)).
    pub source: String,
    pub retention: Retention,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DocumentPart {
    pub id: Id,
    pub kind: DocumentKind,
    pub title: String,
    pub trajectory: Id,
    pub created_on: NaiveDate,
    pub body: String,
    /// Where the record came from (art. 15(1)(g)).
    pub source: String,
    pub retention: Retention,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct QuotePart {
    pub id: Id,
    /// `requester` or `participant`.
    pub role: &'static str,
    pub amount: String,
    pub sent_on: NaiveDate,
    pub accepted_on: Option<NaiveDate>,
    pub declined_on: Option<NaiveDate>,
    pub restricted: bool,
    /// Where the record came from (art. 15(1)(g)).
    pub source: String,
    pub retention: Retention,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ContactRequestPart {
    pub id: Id,
    pub name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub message: String,
    pub received_on: NaiveDate,
    pub first_contact_on: Option<NaiveDate>,
    /// Where the record came from (art. 15(1)(g)).
    pub source: String,
    pub retention: Retention,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SubscriptionPart {
    pub id: Id,
    pub email: String,
    pub name: Option<String>,
    pub source: SubscriberSource,
    pub evidence: String,
    pub subscribed_on: NaiveDate,
    pub retention: Retention,
}

/// What is left of an unsubscribed address: a keyed code, not the address.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SuppressionPart {
    pub id: Id,
    pub suppressed_on: NaiveDate,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ConsentPart {
    pub id: Id,
    pub recipient: String,
    pub purpose: String,
    pub given_on: NaiveDate,
    pub withdrawn_on: Option<NaiveDate>,
    pub retention: Retention,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DisclosurePart {
    pub id: Id,
    pub recipient: String,
    pub what: String,
    pub on: NaiveDate,
    pub consent: Id,
    pub retention: Retention,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RequestPart {
    pub id: Id,
    pub kind: RequestKind,
    pub received_on: NaiveDate,
    pub due_on: NaiveDate,
    pub extension_reason: Option<String>,
    pub handled_on: Option<NaiveDate>,
    pub retention: Retention,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ComplaintPart {
    pub id: Id,
    pub summary: String,
    pub received_on: NaiveDate,
    pub handled_on: Option<NaiveDate>,
    pub referred_to_ap: bool,
    pub retention: Retention,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Purpose {
    /// The records it is about, as a key: `person`, `trajectories`, ...
    pub records: &'static str,
    pub purpose: String,
    /// Its legal basis (GDPR art. 6(1)), in words with the article.
    pub legal_basis: String,
}

/// The controller (GDPR art. 15(1), 13(1)(a)): the practice profile.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Controller {
    pub name: String,
    pub address: String,
    pub kvk: String,
    pub email: String,
    pub phone: String,
    pub website: String,
    pub contact_person: String,
    pub dpo: Option<String>,
    /// The profile's fields still empty (their JSON paths).
    pub missing: Vec<&'static str>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Right {
    /// `access`, `rectification`, `erasure`, `restriction`, `portability`,
    /// `objection`, `withdraw_consent`.
    pub right: &'static str,
    /// The GDPR article.
    pub article: &'static str,
    pub text: String,
}

/// What art. 15(1) and (2) require beside the copy of the data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Information {
    pub controller: Controller,
    pub purposes: Vec<Purpose>,
    pub categories: Vec<String>,
    pub recipients: Vec<String>,
    /// Transfers outside the EEA, or that there are none.
    pub transfers: String,
    pub retention: String,
    pub sources: Vec<String>,
    pub automated_decisions: String,
    pub rights: Vec<Right>,
    pub how_to_use_rights: String,
    pub complaint: String,
    pub complaint_authority: Authority,
}

/// The whole export. Field names are fixed; texts follow the language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AccessExport {
    pub format: &'static str,
    pub format_version: u32,
    pub generated_on: NaiveDate,
    pub language: &'static str,
    pub person: PersonPart,
    pub trajectories: Vec<TrajectoryPart>,
    pub documents: Vec<DocumentPart>,
    pub quotes: Vec<QuotePart>,
    pub contact_requests: Vec<ContactRequestPart>,
    pub subscriptions: Vec<SubscriptionPart>,
    pub unsubscribed: Option<SuppressionPart>,
    pub consents: Vec<ConsentPart>,
    pub disclosures: Vec<DisclosurePart>,
    pub subject_requests: Vec<RequestPart>,
    pub complaints: Vec<ComplaintPart>,
    pub information: Information,
    /// How many mentions of other people were replaced by a placeholder.
    #[serde(skip)]
    pub redactions: usize,
    /// The names and addresses of other people found in the texts, for
    /// the coach to decide on before the export is written.
    #[serde(skip)]
    pub other_names: Vec<String>,
    #[serde(skip)]
    pub lang: Lang,
}

impl AccessExport {
    /// Every record in the export, as (kind, id).
    pub fn records(&self) -> Vec<(Kind, Id)> {
        let mut out = vec![(Kind::Person, self.person.id.clone())];
        out.extend(
            self.trajectories
                .iter()
                .map(|x| (Kind::Trajectory, x.id.clone())),
        );
        out.extend(
            self.documents
                .iter()
                .map(|x| (x.kind.record_kind(), x.id.clone())),
        );
        out.extend(self.quotes.iter().map(|x| (Kind::Quote, x.id.clone())));
        out.extend(
            self.contact_requests
                .iter()
                .map(|x| (Kind::ContactRequest, x.id.clone())),
        );
        out.extend(
            self.subscriptions
                .iter()
                .map(|x| (Kind::Subscriber, x.id.clone())),
        );
        out.extend(
            self.unsubscribed
                .iter()
                .map(|x| (Kind::Suppression, x.id.clone())),
        );
        out.extend(self.consents.iter().map(|x| (Kind::Consent, x.id.clone())));
        out.extend(
            self.disclosures
                .iter()
                .map(|x| (Kind::Disclosure, x.id.clone())),
        );
        out.extend(
            self.subject_requests
                .iter()
                .map(|x| (Kind::SubjectRequest, x.id.clone())),
        );
        out.extend(
            self.complaints
                .iter()
                .map(|x| (Kind::Complaint, x.id.clone())),
        );
        out
    }

    pub fn render(&self, format: ExportFormat) -> String {
        match format {
            ExportFormat::Json => to_json(self),
            ExportFormat::Markdown => super::export_md::to_markdown(self),
        }
    }
}

/// A name or address of another person to look for in the export's texts.
struct Term {
    chars: Vec<char>,
    /// Full names and addresses match in any case; a single first or last
    /// name only as written with its capital ("Bas", not "bas").
    any_case: bool,
    /// As the coach is shown it.
    shown: String,
}

/// Finds the names and e-mail addresses of other people in the vault in
/// the exported texts (whole words), and replaces them by a placeholder
/// when asked to (art. 15(4)). What it found is listed to the coach before
/// the export is written, either way.
struct Redactor {
    /// Longest first.
    terms: Vec<Term>,
    replace: bool,
    placeholder: &'static str,
    count: usize,
    found: BTreeSet<String>,
}

fn lower(c: char) -> char {
    c.to_lowercase().next().unwrap_or(c)
}

/// Name words too common to be a name on their own (Dutch particles).
const PARTICLES: [&str; 12] = [
    "van", "de", "der", "den", "het", "ten", "ter", "te", "op", "in", "la", "le",
];

impl Redactor {
    fn new(s: &Session, person: &Id, lang: Lang, replace: bool) -> Redactor {
        let own = s.data.people.get(person);
        let own_name: Vec<String> = own
            .map(|p| p.name.split_whitespace().map(str::to_lowercase).collect())
            .unwrap_or_default();
        let own_email = own.and_then(|p| p.email.as_deref()).map(normalise_email);
        let mut terms: Vec<Term> = Vec::new();
        let mut add = |chars: Vec<char>, any_case: bool, shown: &str| {
            if chars.len() >= 3 && !terms.iter().any(|t| t.chars == chars) {
                terms.push(Term {
                    chars,
                    any_case,
                    shown: shown.to_string(),
                });
            }
        };
        for (id, p) in &s.data.people {
            if id == person {
                continue;
            }
            let name = p.name.trim();
            let words: Vec<&str> = name.split_whitespace().collect();
            if words.len() >= 2 && name.to_lowercase() != own_name.join(" ") {
                add(name.chars().map(lower).collect(), true, name);
            }
            for w in words {
                let w = w.trim_matches(|c: char| !c.is_alphanumeric());
                let is_name = w.chars().next().is_some_and(char::is_uppercase);
                let low = w.to_lowercase();
                if is_name && !PARTICLES.contains(&low.as_str()) && !own_name.contains(&low) {
                    add(w.chars().collect(), false, w);
                }
            }
            if let Some(e) = &p.email {
                let e = normalise_email(e);
                if Some(&e) != own_email.as_ref() {
                    add(e.chars().collect(), true, &e);
                }
            }
        }
        terms.sort_by_key(|t| std::cmp::Reverse(t.chars.len()));
        Redactor {
            terms,
            replace,
            placeholder: placeholder(lang),
            count: 0,
            found: BTreeSet::new(),
        }
    }

    fn apply(&mut self, text: &str) -> String {
        if self.terms.is_empty() {
            return text.to_string();
        }
        let chars: Vec<char> = text.chars().collect();
        let low: Vec<char> = chars.iter().copied().map(lower).collect();
        let word = |c: char| c.is_alphanumeric();
        let mut out = String::with_capacity(text.len());
        let mut i = 0;
        'scan: while i < chars.len() {
            if i == 0 || !word(chars[i - 1]) {
                for t in &self.terms {
                    let end = i + t.chars.len();
                    let hay = if t.any_case { &low } else { &chars };
                    if end <= chars.len()
                        && hay[i..end] == t.chars[..]
                        && (end == chars.len() || !word(chars[end]))
                    {
                        self.found.insert(t.shown.clone());
                        if self.replace {
                            out.push_str(self.placeholder);
                            self.count += 1;
                        } else {
                            out.extend(&chars[i..end]);
                        }
                        i = end;
                        continue 'scan;
                    }
                }
            }
            out.push(chars[i]);
            i += 1;
        }
        out
    }

    fn opt(&mut self, text: &Option<String>) -> Option<String> {
        text.as_deref().map(|t| self.apply(t))
    }
}

struct Rules<'a> {
    t: Lang,
    /// The practice's periods (the table, shortened where its profile says).
    periods: Periods,
    deadlines: &'a HashMap<(Kind, Id), Deadline>,
}

/// The rule of a record whose clock starts when its trajectory ends.
fn completion_rule(kind: Kind) -> Rule {
    match kind {
        Kind::IndividualReport => Rule::IndividualReport,
        Kind::QuestionnaireResult => Rule::QuestionnaireResult,
        _ => Rule::Trajectory,
    }
}

impl Rules<'_> {
    fn deadline(&self, kind: Kind, id: &Id) -> Option<NaiveDate> {
        self.deadlines
            .get(&(kind, id.clone()))
            .and_then(|d| d.date())
    }

    /// The period of `rule` as the privacy statement words it, with a note
    /// when its clock has not started.
    fn period(&self, kind: Kind, id: &Id, rule: Rule, started: bool) -> Retention {
        let t = self.t;
        let mut rule = period(t, rule, self.periods.months(rule));
        if !started {
            rule.push_str(Kept::NotStarted.get(t));
        }
        Retention {
            rule,
            deadline: self.deadline(kind, id),
        }
    }

    fn after_completion(&self, kind: Kind, id: &Id, completed: bool) -> Retention {
        self.period(kind, id, completion_rule(kind), completed)
    }

    fn person(&self, id: &Id) -> Retention {
        let t = self.t;
        let d = self.deadlines.get(&(Kind::Person, id.clone())).copied();
        let mut rule = Kept::AsLongAsNeeded.get(t).to_string();
        if d == Some(Deadline::Open) {
            rule.push_str(Kept::NoDateYet.get(t));
        }
        Retention {
            rule,
            deadline: d.and_then(|d| d.date()),
        }
    }

    fn quote(&self, id: &Id, q: &Quote) -> Retention {
        let rule = if q.accepted_on.is_some() {
            Rule::QuoteAccepted
        } else if q.declined_on.is_some() {
            Rule::QuoteDeclined
        } else {
            Rule::QuoteOpen
        };
        self.period(Kind::Quote, id, rule, true)
    }

    fn contact(&self, id: &Id) -> Retention {
        self.period(Kind::ContactRequest, id, Rule::ContactRequest, true)
    }

    fn subscription(&self) -> Retention {
        Retention {
            rule: Kept::UntilUnsubscribed.get(self.t).to_string(),
            deadline: None,
        }
    }

    fn with_person(&self, kind: Kind, id: &Id) -> Retention {
        Retention {
            rule: Kept::WithYourDetails.get(self.t).to_string(),
            deadline: self.deadline(kind, id),
        }
    }
}

/// Builds the export of everything about `person`, in `lang`, with the
/// names of other people found in its texts replaced.
pub fn access_export(s: &Session, person: &Id, lang: Lang) -> RightsResult<AccessExport> {
    access_export_with(s, person, lang, true)
}

/// The same, replacing the names of other people found in its texts only
/// when `redact`; `other_names` lists them either way, for the coach.
pub fn access_export_with(
    s: &Session,
    person: &Id,
    lang: Lang,
    redact: bool,
) -> RightsResult<AccessExport> {
    let t = lang;
    let ds = &s.data;
    let p = ds
        .people
        .get(person)
        .ok_or(RightsError::Refused(super::Refusal::UnknownPerson))?;
    let all_deadlines = deadlines(ds);
    let rules = Rules {
        periods: ds.periods(),
        t,
        deadlines: &all_deadlines,
    };
    let mut red = Redactor::new(s, person, lang, redact);
    let email = p.email.as_deref().map(normalise_email);
    let same_email = |e: &str| email.as_deref() == Some(normalise_email(e).as_str());

    let person_part = PersonPart {
        id: person.clone(),
        name: p.name.clone(),
        email: p.email.clone(),
        phone: p.phone.clone(),
        organisation: p.organisation.clone(),
        created_on: p.created_on,
        retention: rules.person(person),
    };

    let mut trajectories = Vec::new();
    let mut from_others = false;
    for (id, tr) in &ds.trajectories {
        let participant = tr.participants.contains(person);
        let requester = tr.requester.as_ref() == Some(person);
        if !participant && !requester {
            continue;
        }
        let mut roles = Vec::new();
        if participant {
            roles.push("participant");
        }
        if requester {
            roles.push("requester");
        }
        let others = tr.participants.iter().any(|x| x != person)
            || tr.requester.as_ref().is_some_and(|r| r != person);
        if participant && tr.requester.as_ref().is_some_and(|r| r != person) {
            from_others = true;
        }
        let source = match tr.requester.as_ref() {
            Some(r) if r == person => Source::OwnRequest.get(t).to_string(),
            Some(r) => {
                let who = ds
                    .people
                    .get(r)
                    .map(|p| p.organisation.clone().unwrap_or_else(|| red.apply(&p.name)))
                    .unwrap_or_default();
                words::requested_by(t, &who)
            }
            None => Source::FromYou.get(t).to_string(),
        };
        trajectories.push(TrajectoryPart {
            source,
            id: id.clone(),
            kind: tr.kind,
            title: red.apply(&tr.title),
            roles,
            started_on: tr.started_on,
            completed_on: tr.completed_on,
            shared: others,
            retention: rules.after_completion(Kind::Trajectory, id, tr.completed_on.is_some()),
        });
    }

    let mut documents = Vec::new();
    for (id, d) in ds
        .documents
        .iter()
        .filter(|(_, d)| &d.participant == person)
    {
        let completed = ds
            .trajectories
            .get(&d.trajectory)
            .is_some_and(|tr| tr.completed_on.is_some());
        documents.push(DocumentPart {
            source: Source::ByTheCoach.get(t).to_string(),
            id: id.clone(),
            kind: d.kind,
            title: red.apply(&d.title),
            trajectory: d.trajectory.clone(),
            created_on: d.created_on,
            body: red.apply(&d.body),
            retention: rules.after_completion(d.kind.record_kind(), id, completed),
        });
    }
    documents.sort_by(|a, b| (a.created_on, &a.id).cmp(&(b.created_on, &b.id)));

    let mut quotes = Vec::new();
    for (id, q) in &ds.quotes {
        let role = if q.requester.as_ref() == Some(person) {
            "requester"
        } else if q.participants.contains(person) {
            if q.requester.is_some() {
                from_others = true;
            }
            "participant"
        } else {
            continue;
        };
        let source = match (role, q.requester.as_ref().and_then(|r| ds.people.get(r))) {
            ("participant", Some(p)) => {
                let who = p.organisation.clone().unwrap_or_else(|| red.apply(&p.name));
                words::quote_requested_by(t, &who)
            }
            _ => Source::OwnQuoteRequest.get(t).to_string(),
        };
        quotes.push(QuotePart {
            source,
            id: id.clone(),
            role,
            amount: q.amount.clone(),
            sent_on: q.sent_on,
            accepted_on: q.accepted_on,
            declined_on: q.declined_on,
            restricted: q.restricted,
            retention: rules.quote(id, q),
        });
    }
    quotes.sort_by(|a, b| (a.sent_on, &a.id).cmp(&(b.sent_on, &b.id)));

    let mut contact_requests = Vec::new();
    for (id, c) in &ds.contact_requests {
        if !c.email.as_deref().is_some_and(same_email) {
            continue;
        }
        contact_requests.push(ContactRequestPart {
            source: Source::ContactForm.get(t).to_string(),
            id: id.clone(),
            name: c.name.clone(),
            email: c.email.clone(),
            phone: c.phone.clone(),
            message: red.apply(&c.message),
            received_on: c.received_on,
            first_contact_on: c.first_contact_on,
            retention: rules.contact(id),
        });
    }

    let mut subscriptions = Vec::new();
    for (id, sub) in &ds.subscribers {
        if !same_email(&sub.email) {
            continue;
        }
        subscriptions.push(SubscriptionPart {
            id: id.clone(),
            email: sub.email.clone(),
            name: sub.name.clone(),
            source: sub.source,
            evidence: red.apply(&sub.evidence),
            subscribed_on: sub.subscribed_on,
            retention: rules.subscription(),
        });
    }
    let unsubscribed = email.as_deref().and_then(|e| {
        let h = s.vault.suppression_hash(e);
        ds.suppressions
            .iter()
            .find(|(_, x)| x.hash == h)
            .map(|(id, x)| SuppressionPart {
                id: id.clone(),
                suppressed_on: x.suppressed_on,
            })
    });

    let mut consents = Vec::new();
    for (id, c) in super::consent::consents_of(ds, person) {
        consents.push(ConsentPart {
            retention: rules.with_person(Kind::Consent, &id),
            id,
            recipient: red.apply(&c.recipient),
            purpose: red.apply(&c.purpose),
            given_on: c.given_on,
            withdrawn_on: c.withdrawn_on,
        });
    }
    let mut disclosures = Vec::new();
    for (id, d) in super::consent::disclosures_of(ds, person) {
        disclosures.push(DisclosurePart {
            retention: rules.with_person(Kind::Disclosure, &id),
            id,
            // The actual recipient, never hidden (CJEU C-154/21).
            recipient: d.recipient.clone(),
            what: red.apply(&d.what),
            on: d.on,
            consent: d.consent,
        });
    }

    let mut subject_requests = Vec::new();
    for (id, r) in &ds.subject_requests {
        if r.person.as_ref() != Some(person) {
            continue;
        }
        subject_requests.push(RequestPart {
            id: id.clone(),
            kind: r.kind,
            received_on: r.received_on,
            due_on: due_on(r),
            extension_reason: red.opt(&r.extension_reason),
            handled_on: r.handled_on,
            retention: rules.period(
                Kind::SubjectRequest,
                id,
                Rule::SubjectRequest,
                r.handled_on.is_some(),
            ),
        });
    }
    subject_requests.sort_by(|a, b| (a.received_on, &a.id).cmp(&(b.received_on, &b.id)));

    let mut complaints = Vec::new();
    for (id, c) in &ds.complaints {
        if c.person.as_ref() != Some(person) {
            continue;
        }
        complaints.push(ComplaintPart {
            id: id.clone(),
            summary: red.apply(&c.summary),
            received_on: c.received_on,
            handled_on: c.handled_on,
            referred_to_ap: c.referred_to_ap,
            retention: rules.period(Kind::Complaint, id, Rule::Complaint, c.handled_on.is_some()),
        });
    }
    complaints.sort_by(|a, b| (a.received_on, &a.id).cmp(&(b.received_on, &b.id)));

    let mut e = AccessExport {
        format: FORMAT,
        format_version: FORMAT_VERSION,
        generated_on: s.today(),
        language: t.code(),
        person: person_part,
        trajectories,
        documents,
        quotes,
        contact_requests,
        subscriptions,
        unsubscribed,
        consents,
        disclosures,
        subject_requests,
        complaints,
        information: Information {
            controller: controller(&super::super::practice::profile(s)),
            transfers: String::new(),
            purposes: Vec::new(),
            categories: Vec::new(),
            recipients: Vec::new(),
            retention: String::new(),
            sources: Vec::new(),
            automated_decisions: String::new(),
            rights: Vec::new(),
            how_to_use_rights: String::new(),
            complaint: String::new(),
            complaint_authority: AUTHORITY,
        },
        redactions: red.count,
        other_names: red.found.iter().cloned().collect(),
        lang,
    };
    let practice = super::super::practice::profile(s);
    e.information = super::export_info::information(&e, from_others, &practice);
    Ok(e)
}

fn controller(p: &crate::domain::practice::Practice) -> Controller {
    Controller {
        name: p.name.clone(),
        address: p.address.clone(),
        kvk: p.kvk.clone(),
        email: p.email.clone(),
        phone: p.phone.clone(),
        website: p.website.clone(),
        contact_person: p.contact_person.name.clone(),
        dpo: p.dpo.as_ref().map(|d| {
            [&d.name, &d.email, &d.phone]
                .into_iter()
                .filter(|x| !x.trim().is_empty())
                .cloned()
                .collect::<Vec<_>>()
                .join(", ")
        }),
        missing: p.missing().iter().map(|f| f.path()).collect(),
    }
}

/// The export as pretty JSON.
#[expect(
    clippy::expect_used,
    reason = "the export holds only strings, dates, numbers and derived enums"
)]
pub fn to_json(e: &AccessExport) -> String {
    // invariant: the export holds only strings, dates, numbers, booleans and
    // enums with derived Serialize, which serde_json writes without error.
    let mut out = serde_json::to_string_pretty(e).expect("export serialises to JSON");
    out.push('\n');
    out
}

/// Writes an audit entry that an export was made: the ids of the records it
/// holds, nothing else. No record changes.
pub fn record_export(s: &mut Session, e: &AccessExport) -> RightsResult<()> {
    super::audit_only(s, "access_export", &e.records())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn redactor(full: &[&str], single: &[&str]) -> Redactor {
        let term = |t: &&str, any_case: bool| Term {
            chars: if any_case {
                t.chars().map(lower).collect()
            } else {
                t.chars().collect()
            },
            any_case,
            shown: t.to_string(),
        };
        let mut terms: Vec<Term> = full.iter().map(|t| term(t, true)).collect();
        terms.extend(single.iter().map(|t| term(t, false)));
        terms.sort_by_key(|t| std::cmp::Reverse(t.chars.len()));
        Redactor {
            terms,
            replace: true,
            placeholder: "[x]",
            count: 0,
            found: BTreeSet::new(),
        }
    }

    #[test]
    fn redaction_matches_whole_names_ignoring_case() {
        let mut r = redactor(&["bram jansen", "bram@example.nl"], &[]);
        assert_eq!(
            r.apply("Met BRAM JANSEN (bram@example.nl) en Bram Jansens, ab."),
            "Met [x] ([x]) en Bram Jansens, ab."
        );
        assert_eq!(r.count, 2);
        assert_eq!(r.apply("Bram Jansen"), "[x]");
        assert_eq!(r.apply("Ünïcode Bram jansen."), "Ünïcode [x].");
    }

    #[test]
    fn a_single_name_matches_only_as_written_and_is_found_without_replacing() {
        let mut r = redactor(&["bas de boer"], &["Bas", "Boer"]);
        assert_eq!(r.apply("Loopbaancoaching Bas"), "Loopbaancoaching [x]");
        assert_eq!(r.apply("bas en Basis"), "bas en Basis");
        r.replace = false;
        r.found.clear();
        assert_eq!(r.apply("Bas de Boer belde"), "Bas de Boer belde");
        assert_eq!(r.found.iter().collect::<Vec<_>>(), ["bas de boer"]);
    }
}
