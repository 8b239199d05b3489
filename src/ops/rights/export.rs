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
//! the exported text (art. 15(4), `export_redact`). How long each record is
//! kept is `export_retention`; the Markdown `export_md`, the art. 15
//! information `export_info`.

use super::complaints::{AUTHORITY, Authority};
pub use super::export_md::to_markdown;
use super::export_redact::Redactor;
use super::export_retention::Rules;
use super::{RightsError, RightsResult};
use crate::domain::mailing::normalise_email;
use crate::domain::records::*;
use crate::domain::requests::due_on;
use crate::domain::retention::{Rule, deadlines};
use crate::domain::{Id, Kind};
use crate::i18n::Lang;
use crate::i18n::access_export::{self as words, Source};
use crate::ops::session::Session;
use chrono::NaiveDate;
use serde::Serialize;

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
    let rules = Rules::new(t, ds.periods(), &all_deadlines);
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
