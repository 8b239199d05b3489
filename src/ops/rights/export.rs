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
use super::{RightsError, RightsResult};
use crate::domain::mailing::normalise_email;
use crate::domain::records::*;
use crate::domain::requests::due_on;
use crate::domain::retention::{Deadline, PERIODS, deadlines};
use crate::domain::{Id, Kind};
use crate::i18n::Lang;
use crate::ops::session::Session;
use chrono::{Datelike, NaiveDate};
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
    pub purposes: Vec<Purpose>,
    pub categories: Vec<String>,
    pub recipients: Vec<String>,
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
            ExportFormat::Markdown => to_markdown(self),
        }
    }
}

/// Replaces the full names and e-mail addresses of other people by a
/// placeholder, matching whole words and ignoring case.
struct Redactor {
    /// Lower-cased, longest first.
    terms: Vec<Vec<char>>,
    placeholder: &'static str,
    count: usize,
}

fn lower(c: char) -> char {
    c.to_lowercase().next().unwrap_or(c)
}

impl Redactor {
    fn new(s: &Session, person: &Id, lang: Lang) -> Redactor {
        let own: BTreeSet<Vec<char>> = s
            .data
            .people
            .get(person)
            .map(|p| {
                let mut v = vec![p.name.trim().chars().map(lower).collect::<Vec<char>>()];
                if let Some(e) = &p.email {
                    v.push(normalise_email(e).chars().collect());
                }
                v.into_iter().collect()
            })
            .unwrap_or_default();
        let mut terms: BTreeSet<Vec<char>> = BTreeSet::new();
        for (id, p) in &s.data.people {
            if id == person {
                continue;
            }
            let name = p.name.trim();
            // A single word ("Anna") is too likely to be an ordinary word
            // or someone else's first name; full names only.
            if name.split_whitespace().count() >= 2 {
                terms.insert(name.chars().map(lower).collect());
            }
            if let Some(e) = &p.email {
                terms.insert(normalise_email(e).chars().collect());
            }
        }
        Redactor::with_terms(
            terms.into_iter().filter(|t| !own.contains(t)).collect(),
            lang.pick("[andere persoon]", "[another person]"),
        )
    }

    /// `terms` lower-cased already; shorter than 3 characters are ignored.
    fn with_terms(terms: Vec<Vec<char>>, placeholder: &'static str) -> Redactor {
        let mut terms: Vec<Vec<char>> = terms.into_iter().filter(|t| t.len() >= 3).collect();
        terms.sort_by_key(|t| std::cmp::Reverse(t.len()));
        Redactor {
            terms,
            placeholder,
            count: 0,
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
                    let end = i + t.len();
                    if end <= chars.len()
                        && low[i..end] == t[..]
                        && (end == chars.len() || !word(chars[end]))
                    {
                        out.push_str(self.placeholder);
                        self.count += 1;
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

fn months_words(n: u32, t: Lang) -> String {
    if n.is_multiple_of(12) {
        let y = n / 12;
        format!(
            "{y} {}",
            t.pick("jaar", if y == 1 { "year" } else { "years" })
        )
    } else {
        let word = if n == 1 {
            t.pick("maand", "month")
        } else {
            t.pick("maanden", "months")
        };
        format!("{n} {word}")
    }
}

fn not_started(t: Lang) -> &'static str {
    t.pick(
        " (die termijn is nog niet begonnen)",
        " (that period has not started yet)",
    )
}

struct Rules<'a> {
    t: Lang,
    deadlines: &'a HashMap<(Kind, Id), Deadline>,
}

impl Rules<'_> {
    fn deadline(&self, kind: Kind, id: &Id) -> Option<NaiveDate> {
        self.deadlines
            .get(&(kind, id.clone()))
            .and_then(|d| d.date())
    }

    fn after_completion(&self, kind: Kind, id: &Id, completed: bool) -> Retention {
        let t = self.t;
        let mut rule = format!(
            "{} {}",
            months_words(PERIODS.after_completion, t),
            t.pick(
                "na het einde van de coaching of training",
                "after the coaching or training ends"
            )
        );
        if !completed {
            rule.push_str(not_started(t));
        }
        Retention {
            rule,
            deadline: self.deadline(kind, id),
        }
    }

    fn person(&self, id: &Id) -> Retention {
        let t = self.t;
        let d = self.deadlines.get(&(Kind::Person, id.clone())).copied();
        let mut rule = t
            .pick(
                "zolang je traject, offerte of verzoek je gegevens nodig heeft (zie hieronder), en daarna niet langer",
                "as long as your trajectory, quote or request needs your details (see below), and no longer",
            )
            .to_string();
        if d == Some(Deadline::Open) {
            rule.push_str(t.pick(
                " (er loopt nog iets, dus er is nog geen datum)",
                " (something is still running, so there is no date yet)",
            ));
        }
        Retention {
            rule,
            deadline: d.and_then(|d| d.date()),
        }
    }

    fn quote(&self, id: &Id, q: &Quote) -> Retention {
        let t = self.t;
        let rule = if q.accepted_on.is_some() {
            format!(
                "{} {}",
                months_words(PERIODS.quote_accepted, t),
                t.pick(
                    "na acceptatie, de fiscale bewaarplicht van art. 52 AWR",
                    "after acceptance, the fiscal retention duty of Dutch AWR art. 52"
                )
            )
        } else if q.declined_on.is_some() {
            format!(
                "{} {}",
                months_words(PERIODS.quote_declined, t),
                t.pick("nadat hij is afgewezen", "after it was declined")
            )
        } else {
            format!(
                "{} {}",
                months_words(PERIODS.quote_open, t),
                t.pick("nadat hij is verstuurd", "after it was sent")
            )
        };
        Retention {
            rule,
            deadline: self.deadline(Kind::Quote, id),
        }
    }

    fn contact(&self, id: &Id) -> Retention {
        let t = self.t;
        Retention {
            rule: format!(
                "{} {}",
                months_words(PERIODS.contact_request, t),
                t.pick(
                    "na het eerste contact, of na ontvangst zolang dat er nog niet was",
                    "after the first contact, or after receipt until then"
                )
            ),
            deadline: self.deadline(Kind::ContactRequest, id),
        }
    }

    fn subscription(&self) -> Retention {
        Retention {
            rule: self
                .t
                .pick("tot je je afmeldt", "until you unsubscribe")
                .to_string(),
            deadline: None,
        }
    }

    fn with_person(&self, kind: Kind, id: &Id) -> Retention {
        Retention {
            rule: self
                .t
                .pick(
                    "zolang je andere gegevens worden bewaard",
                    "as long as your other details are kept",
                )
                .to_string(),
            deadline: self.deadline(kind, id),
        }
    }

    fn after_handling(&self, kind: Kind, id: &Id, months: u32, handled: bool) -> Retention {
        let t = self.t;
        let mut rule = format!(
            "{} {}",
            months_words(months, t),
            t.pick("na de afhandeling", "after it was handled")
        );
        if !handled {
            rule.push_str(not_started(t));
        }
        Retention {
            rule,
            deadline: self.deadline(kind, id),
        }
    }
}

/// Builds the export of everything about `person`, in `lang`.
pub fn access_export(s: &Session, person: &Id, lang: Lang) -> RightsResult<AccessExport> {
    let t = lang;
    let ds = &s.data;
    let p = ds
        .people
        .get(person)
        .ok_or(RightsError::Refused(super::Refusal::UnknownPerson))?;
    let all_deadlines = deadlines(ds);
    let rules = Rules {
        t,
        deadlines: &all_deadlines,
    };
    let mut red = Redactor::new(s, person, lang);
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
        trajectories.push(TrajectoryPart {
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
        quotes.push(QuotePart {
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
            recipient: red.apply(&d.recipient),
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
            retention: rules.after_handling(
                Kind::SubjectRequest,
                id,
                PERIODS.subject_request,
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
            retention: rules.after_handling(
                Kind::Complaint,
                id,
                PERIODS.complaint,
                c.handled_on.is_some(),
            ),
        });
    }
    complaints.sort_by(|a, b| (a.received_on, &a.id).cmp(&(b.received_on, &b.id)));

    let mut e = AccessExport {
        format: FORMAT,
        format_version: FORMAT_VERSION,
        generated_on: s.today(),
        language: t.pick("nl", "en"),
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
        lang,
    };
    e.information = information(&e, from_others);
    Ok(e)
}

/// The art. 15 information, for the records present in `e`.
fn information(e: &AccessExport, from_others: bool) -> Information {
    let t = e.lang;
    let mut purposes = vec![Purpose {
        records: "person",
        purpose: t
            .pick(
                "Je naam en contactgegevens: om contact met je te houden over je coaching, training, offerte of verzoek.",
                "Your name and contact details: to stay in touch with you about your coaching, training, quote or request.",
            )
            .into(),
    }];
    let mut categories = vec![
        t.pick(
            "Naam en contactgegevens (e-mailadres, telefoonnummer, organisatie)",
            "Name and contact details (e-mail address, phone number, organisation)",
        )
        .to_string(),
    ];
    let mut sources: Vec<String> = vec![
        t.pick(
            "Van jezelf: wat je ons hebt verteld of toegestuurd.",
            "From you: what you told or sent us.",
        )
        .into(),
    ];
    if from_others {
        sources.push(
            t.pick(
                "Van degene die de coaching of training voor je aanvroeg (bijvoorbeeld je werkgever), via een aanvraag of offerte.",
                "From whoever requested the coaching or training for you (your employer, for example), through a request or a quote.",
            )
            .into(),
        );
    }
    if !e.trajectories.is_empty() || !e.documents.is_empty() {
        purposes.push(Purpose {
            records: "trajectories",
            purpose: t
                .pick(
                    "Je traject, rapportages en uitslagen van vragenlijsten: om de coaching of training te geven en te begeleiden.",
                    "Your trajectory, reports and questionnaire results: to give and guide the coaching or training.",
                )
                .into(),
        });
        categories.push(
            t.pick(
                "Gegevens over je coaching- of trainingstraject (soort, titel, data)",
                "Details of your coaching or training (kind, title, dates)",
            )
            .into(),
        );
    }
    if !e.documents.is_empty() {
        categories.push(
            t.pick(
                "Individuele rapportages en uitslagen van vragenlijsten (de inhoud van je coaching)",
                "Individual reports and questionnaire results (the content of your coaching)",
            )
            .into(),
        );
        sources.push(
            t.pick(
                "Rapportages en uitslagen zijn door de coach gemaakt tijdens je traject, uit wat jij inbracht en invulde.",
                "Reports and results were written by the coach during your trajectory, from what you shared and filled in.",
            )
            .into(),
        );
    }
    if !e.quotes.is_empty() {
        purposes.push(Purpose {
            records: "quotes",
            purpose: t
                .pick(
                    "Offertes: om een aanbod te doen en, na acceptatie, voor de administratie die de wet voorschrijft (fiscale bewaarplicht).",
                    "Quotes: to make an offer and, once accepted, for the administration the law requires (fiscal retention duty).",
                )
                .into(),
        });
        categories.push(
            t.pick("Offertes (bedrag en data)", "Quotes (amount and dates)")
                .into(),
        );
    }
    if !e.contact_requests.is_empty() {
        purposes.push(Purpose {
            records: "contact_requests",
            purpose: t
                .pick(
                    "Je contactaanvraag: alleen om je eerste vraag te beantwoorden. Dit adres komt daardoor niet op de e-maillijst.",
                    "Your contact request: only to answer your first question. It does not put your address on the mailing list.",
                )
                .into(),
        });
        categories.push(
            t.pick(
                "Je contactaanvraag (naam, contactgegevens, bericht)",
                "Your contact request (name, contact details, message)",
            )
            .into(),
        );
    }
    if !e.subscriptions.is_empty() || e.unsubscribed.is_some() {
        purposes.push(Purpose {
            records: "subscriptions",
            purpose: t
                .pick(
                    "Je inschrijving op de e-maillijst: alleen voor de nieuwsbrief en aankondigingen van webinars; je adres wordt nooit aan anderen gegeven.",
                    "Your place on the mailing list: only for the newsletter and webinar announcements; your address is never passed on.",
                )
                .into(),
        });
        categories.push(
            t.pick(
                "E-mailadres en naam voor de nieuwsbrief, met hoe je je hebt ingeschreven",
                "E-mail address and name for the newsletter, with how you subscribed",
            )
            .into(),
        );
        for sub in &e.subscriptions {
            let src = match sub.source {
                SubscriberSource::Webinar => t.pick(
                    "Je inschrijving op de e-maillijst: je aanmelding voor een webinar.",
                    "Your place on the mailing list: your registration for a webinar.",
                ),
                SubscriberSource::Ebook => t.pick(
                    "Je inschrijving op de e-maillijst: je download van een e-book.",
                    "Your place on the mailing list: your download of an e-book.",
                ),
                SubscriberSource::Quote => t.pick(
                    "Je inschrijving op de e-maillijst: een geaccepteerde offerte.",
                    "Your place on the mailing list: an accepted quote.",
                ),
                SubscriberSource::Manual => t.pick(
                    "Je inschrijving op de e-maillijst: je uitdrukkelijke toestemming.",
                    "Your place on the mailing list: your explicit consent.",
                ),
            };
            if !sources.iter().any(|x| x == src) {
                sources.push(src.into());
            }
        }
    }
    if !e.consents.is_empty() || !e.disclosures.is_empty() {
        purposes.push(Purpose {
            records: "consents",
            purpose: t
                .pick(
                    "Toestemmingen en verstrekkingen: om vast te leggen wat we met jouw toestemming met wie hebben gedeeld.",
                    "Consents and disclosures: to record what we shared with whom, with your consent.",
                )
                .into(),
        });
        categories.push(
            t.pick(
                "Je toestemmingen en wat met wie is gedeeld",
                "Your consents and what was shared with whom",
            )
            .into(),
        );
    }
    if !e.subject_requests.is_empty() || !e.complaints.is_empty() {
        purposes.push(Purpose {
            records: "requests",
            purpose: t
                .pick(
                    "Je verzoeken en klachten: om ze af te handelen en te kunnen laten zien dat dat is gebeurd.",
                    "Your requests and complaints: to handle them and to be able to show that we did.",
                )
                .into(),
        });
        categories.push(
            t.pick("Je verzoeken en klachten", "Your requests and complaints")
                .into(),
        );
    }

    let mut recipients: Vec<String> = Vec::new();
    let mut seen: Vec<String> = Vec::new();
    for d in &e.disclosures {
        let key = d.recipient.trim().to_lowercase();
        if !seen.contains(&key) {
            seen.push(key);
            recipients.push(format!(
                "{}: {}",
                d.recipient.trim(),
                t.pick(
                    "met jouw toestemming (zie 'Gedeeld met anderen')",
                    "with your consent (see 'Shared with others')"
                )
            ));
        }
    }
    if !e.subscriptions.is_empty() {
        recipients.push(
            t.pick(
                "De dienst die de nieuwsbrief voor de praktijk verstuurt: alleen je e-mailadres en naam, en alleen in opdracht van de praktijk.",
                "The service that sends the newsletter for the practice: only your e-mail address and name, and only on the practice's behalf.",
            )
            .into(),
        );
    }
    if e.quotes.iter().any(|q| q.accepted_on.is_some()) {
        recipients.push(
            t.pick(
                "De Belastingdienst, alleen als die de administratie opvraagt (geaccepteerde offertes).",
                "The Dutch tax authority (Belastingdienst), only if it asks for the administration (accepted quotes).",
            )
            .into(),
        );
    }
    if recipients.is_empty() {
        recipients.push(
            t.pick(
                "Niemand: je gegevens zijn alleen voor de coach en staan versleuteld op de eigen computer van de praktijk.",
                "No one: your data is for the coach only and is kept encrypted on the practice's own computer.",
            )
            .into(),
        );
    }

    let rights = vec![
        Right {
            right: "access",
            article: "15",
            text: t
                .pick(
                    "Inzage: je gegevens inzien. Dit overzicht is daar het antwoord op.",
                    "Access: see your data. This overview is the answer to that.",
                )
                .into(),
        },
        Right {
            right: "rectification",
            article: "16",
            text: t
                .pick(
                    "Correctie: onjuiste of onvolledige gegevens laten verbeteren of aanvullen.",
                    "Rectification: have wrong or incomplete data corrected or completed.",
                )
                .into(),
        },
        Right {
            right: "erasure",
            article: "17",
            text: t
                .pick(
                    "Verwijdering: je gegevens laten wissen. Wat de wet ons verplicht te bewaren (de administratie van een geaccepteerde offerte) blijft tot het einde van die termijn bewaard, met zo min mogelijk gegevens en zonder dat we het nog voor iets anders gebruiken.",
                    "Erasure: have your data deleted. What the law obliges us to keep (the administration of an accepted quote) stays until that period ends, with as little data as possible and not used for anything else.",
                )
                .into(),
        },
        Right {
            right: "restriction",
            article: "18",
            text: t
                .pick(
                    "Beperking: het gebruik van je gegevens laten beperken, bijvoorbeeld zolang een correctie wordt beoordeeld.",
                    "Restriction: have the use of your data restricted, for example while a correction is being looked at.",
                )
                .into(),
        },
        Right {
            right: "portability",
            article: "20",
            text: t
                .pick(
                    "Overdraagbaarheid: je gegevens in een gangbaar, machineleesbaar formaat krijgen (dit overzicht bestaat ook als JSON).",
                    "Portability: receive your data in a common, machine-readable format (this overview also exists as JSON).",
                )
                .into(),
        },
        Right {
            right: "objection",
            article: "21",
            text: t
                .pick(
                    "Bezwaar: bezwaar maken tegen het gebruik van je gegevens, en altijd tegen de nieuwsbrief.",
                    "Objection: object to the use of your data, and always to the newsletter.",
                )
                .into(),
        },
        Right {
            right: "withdraw_consent",
            article: "7(3)",
            text: t
                .pick(
                    "Toestemming intrekken: een gegeven toestemming op elk moment intrekken, ook je inschrijving op de e-maillijst (afmelden).",
                    "Withdraw consent: withdraw a consent at any time, including your place on the mailing list (unsubscribe).",
                )
                .into(),
        },
    ];
    Information {
        purposes,
        categories,
        recipients,
        retention: t
            .pick(
                "Bij elk gegeven hierboven staat hoe lang het wordt bewaard en op welke dag het uiterlijk wordt verwijderd. Rapportages en uitslagen van vragenlijsten worden uiterlijk 2 maanden na het einde van de coaching of training verwijderd.",
                "Each item above says how long it is kept and the day it will be deleted at the latest. Reports and questionnaire results are deleted 2 months after the coaching or training ends at the latest.",
            )
            .into(),
        sources,
        automated_decisions: t
            .pick(
                "Er worden geen besluiten over je genomen die alleen op geautomatiseerde verwerking berusten, en er is geen profilering.",
                "No decisions about you are made by automated processing alone, and there is no profiling.",
            )
            .into(),
        rights,
        how_to_use_rights: t
            .pick(
                "Wil je een van deze rechten gebruiken, neem dan contact op met de praktijk. We antwoorden binnen een maand.",
                "To use any of these rights, contact the practice. We answer within one month.",
            )
            .into(),
        complaint: t
            .pick(
                "Ben je niet tevreden over hoe we met je gegevens omgaan, dan kun je een klacht indienen bij de praktijk of bij de Autoriteit Persoonsgegevens.",
                "If you are not satisfied with how we handle your data, you can complain to the practice or to the Dutch Data Protection Authority (Autoriteit Persoonsgegevens).",
            )
            .into(),
        complaint_authority: AUTHORITY,
    }
}

/// The export as pretty JSON.
pub fn to_json(e: &AccessExport) -> String {
    // invariant: the export holds only strings, dates, numbers, booleans and
    // enums with derived Serialize, which serde_json writes without error.
    let mut out = serde_json::to_string_pretty(e).expect("export serialises to JSON");
    out.push('\n');
    out
}

const MONTHS_NL: [&str; 12] = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// "31 mei 2026" / "31 May 2026".
pub fn long_date(d: NaiveDate, t: Lang) -> String {
    let names = match t {
        Lang::Nl => &MONTHS_NL,
        Lang::En => &MONTHS_EN,
    };
    format!("{} {} {}", d.day(), names[d.month0() as usize], d.year())
}

/// Text inside a Markdown line: one line, with the characters that would
/// start markup escaped.
fn md(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
    {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A block of text kept exactly as written, in a fence longer than any run
/// of fence characters inside it.
fn fenced(text: &str) -> String {
    let mut longest = 0;
    let mut run = 0;
    for c in text.chars() {
        if c == '~' {
            run += 1;
            longest = longest.max(run);
        } else {
            run = 0;
        }
    }
    let fence = "~".repeat(longest.max(2) + 1);
    let body = text.trim_end_matches(['\n', '\r']);
    format!("{fence}text\n{body}\n{fence}\n")
}

struct Md {
    out: String,
    t: Lang,
}

impl Md {
    fn line(&mut self, s: &str) {
        self.out.push_str(s);
        self.out.push('\n');
    }

    fn blank(&mut self) {
        if !self.out.ends_with("\n\n") {
            self.out.push('\n');
        }
    }

    fn heading(&mut self, level: usize, text: &str) {
        self.blank();
        self.line(&format!("{} {}", "#".repeat(level), text));
        self.out.push('\n');
    }

    fn item(&mut self, label: &str, value: &str) {
        self.line(&format!("- **{label}:** {value}"));
    }

    fn date_item(&mut self, label: &str, d: Option<NaiveDate>) {
        if let Some(d) = d {
            let v = long_date(d, self.t);
            self.item(label, &v);
        }
    }

    fn retention(&mut self, r: &Retention) {
        let t = self.t;
        let v = match r.deadline {
            Some(d) => format!(
                "{} {} — {}",
                t.pick("tot uiterlijk", "until"),
                long_date(d, t),
                md(&r.rule)
            ),
            None => md(&r.rule),
        };
        self.item(t.pick("Bewaard", "Kept"), &v);
    }
}

/// "coaching" and "training" are the same word in Dutch and English.
fn kind_words(k: TrajectoryKind) -> &'static str {
    match k {
        TrajectoryKind::Coaching => "coaching",
        TrajectoryKind::Training => "training",
    }
}

fn document_words(k: DocumentKind, t: Lang) -> &'static str {
    match k {
        DocumentKind::IndividualReport => t.pick("individuele rapportage", "individual report"),
        DocumentKind::QuestionnaireResult => t.pick("uitslag vragenlijst", "questionnaire result"),
    }
}

fn source_words(s: SubscriberSource, t: Lang) -> &'static str {
    match s {
        SubscriberSource::Webinar => t.pick("aanmelding voor een webinar", "webinar registration"),
        SubscriberSource::Ebook => t.pick("download van een e-book", "e-book download"),
        SubscriberSource::Quote => t.pick("geaccepteerde offerte", "accepted quote"),
        SubscriberSource::Manual => t.pick("uitdrukkelijke toestemming", "explicit consent"),
    }
}

fn request_words(k: RequestKind, t: Lang) -> &'static str {
    match k {
        RequestKind::Access => t.pick("inzage", "access"),
        RequestKind::Rectification => t.pick("correctie", "rectification"),
        RequestKind::Erasure => t.pick("verwijdering", "erasure"),
        RequestKind::Restriction => t.pick("beperking", "restriction"),
        RequestKind::Portability => t.pick("overdraagbaarheid", "portability"),
        RequestKind::Objection => t.pick("bezwaar", "objection"),
    }
}

/// The export as Markdown for the person to read.
pub fn to_markdown(e: &AccessExport) -> String {
    let t = e.lang;
    let mut m = Md {
        out: String::new(),
        t,
    };
    let yes = t.pick("ja", "yes");
    let no = t.pick("nee", "no");
    m.line(&format!(
        "# {} {}",
        t.pick("Jouw gegevens:", "Your personal data:"),
        md(&e.person.name)
    ));
    m.blank();
    m.line(&format!(
        "{} {}. {}",
        t.pick("Opgesteld op", "Made on"),
        long_date(e.generated_on, t),
        t.pick(
            "Dit is een volledig overzicht van alle gegevens die de praktijk over jou bewaart, met wat de AVG (artikel 15) daarbij vraagt: waarvoor we ze gebruiken, met wie ze worden gedeeld, hoe lang we ze bewaren, waar ze vandaan komen en welke rechten je hebt.",
            "This is a complete overview of all the data the practice keeps about you, with what the GDPR (article 15) asks for beside it: what we use it for, who it is shared with, how long we keep it, where it came from and which rights you have."
        )
    ));

    m.heading(2, t.pick("Over jou", "About you"));
    m.item(t.pick("Naam", "Name"), &md(&e.person.name));
    if let Some(v) = &e.person.email {
        m.item(t.pick("E-mailadres", "E-mail address"), &md(v));
    }
    if let Some(v) = &e.person.phone {
        m.item(t.pick("Telefoon", "Phone"), &md(v));
    }
    if let Some(v) = &e.person.organisation {
        m.item(t.pick("Organisatie", "Organisation"), &md(v));
    }
    m.date_item(
        t.pick("In ons bestand sinds", "In our records since"),
        Some(e.person.created_on),
    );
    m.retention(&e.person.retention);

    if !e.trajectories.is_empty() {
        m.heading(2, t.pick("Coaching en training", "Coaching and training"));
        for tr in &e.trajectories {
            m.heading(3, &md(&tr.title));
            m.item(t.pick("Soort", "Kind"), kind_words(tr.kind));
            let roles: Vec<&str> = tr
                .roles
                .iter()
                .map(|r| match *r {
                    "participant" => t.pick("deelnemer", "participant"),
                    _ => t.pick("aanvrager", "requester"),
                })
                .collect();
            m.item(t.pick("Jouw rol", "Your role"), &roles.join(", "));
            m.date_item(t.pick("Begonnen", "Started"), tr.started_on);
            m.date_item(t.pick("Afgerond", "Completed"), tr.completed_on);
            if tr.shared {
                m.item(
                    t.pick("Met anderen", "With others"),
                    t.pick(
                        "ook anderen nemen deel of vroegen het aan; hun gegevens staan niet in dit overzicht",
                        "other people take part in it or requested it; their details are not part of this overview",
                    ),
                );
            }
            m.retention(&tr.retention);
        }
    }

    if !e.documents.is_empty() {
        m.heading(
            2,
            t.pick(
                "Je rapportages en uitslagen",
                "Your reports and questionnaire results",
            ),
        );
        for d in &e.documents {
            m.heading(3, &md(&d.title));
            m.item(t.pick("Soort", "Kind"), document_words(d.kind, t));
            if let Some(tr) = e.trajectories.iter().find(|x| x.id == d.trajectory) {
                m.item(t.pick("Traject", "Trajectory"), &md(&tr.title));
            }
            m.date_item(t.pick("Gemaakt op", "Made on"), Some(d.created_on));
            m.retention(&d.retention);
            m.blank();
            let block = fenced(&d.body);
            m.out.push_str(&block);
        }
    }

    if !e.quotes.is_empty() {
        m.heading(2, t.pick("Offertes", "Quotes"));
        for q in &e.quotes {
            m.heading(
                3,
                &format!(
                    "{} {}",
                    t.pick("Offerte van", "Quote of"),
                    long_date(q.sent_on, t)
                ),
            );
            let role = if q.role == "requester" {
                t.pick("aanvrager", "requester")
            } else {
                t.pick("deelnemer", "participant")
            };
            m.item(t.pick("Jouw rol", "Your role"), role);
            m.item(t.pick("Bedrag", "Amount"), &format!("€ {}", md(&q.amount)));
            m.date_item(t.pick("Geaccepteerd", "Accepted"), q.accepted_on);
            m.date_item(t.pick("Afgewezen", "Declined"), q.declined_on);
            if q.restricted {
                m.item(
                    t.pick("Beperkt", "Restricted"),
                    t.pick(
                        "alleen nog bewaard voor de fiscale bewaarplicht",
                        "kept only for the fiscal retention duty",
                    ),
                );
            }
            m.retention(&q.retention);
        }
    }

    if !e.contact_requests.is_empty() {
        m.heading(2, t.pick("Je contactaanvragen", "Your contact requests"));
        for c in &e.contact_requests {
            m.heading(
                3,
                &format!(
                    "{} {}",
                    t.pick("Ontvangen op", "Received on"),
                    long_date(c.received_on, t)
                ),
            );
            m.item(t.pick("Naam", "Name"), &md(&c.name));
            if let Some(v) = &c.email {
                m.item(t.pick("E-mailadres", "E-mail address"), &md(v));
            }
            if let Some(v) = &c.phone {
                m.item(t.pick("Telefoon", "Phone"), &md(v));
            }
            m.date_item(
                t.pick("Eerste contact", "First contact"),
                c.first_contact_on,
            );
            m.retention(&c.retention);
            m.blank();
            let block = fenced(&c.message);
            m.out.push_str(&block);
        }
    }

    if !e.subscriptions.is_empty() || e.unsubscribed.is_some() {
        m.heading(2, t.pick("E-maillijst", "Mailing list"));
        for sub in &e.subscriptions {
            m.item(t.pick("E-mailadres", "E-mail address"), &md(&sub.email));
            if let Some(n) = &sub.name {
                m.item(t.pick("Naam", "Name"), &md(n));
            }
            m.item(
                t.pick("Ingeschreven via", "Subscribed through"),
                source_words(sub.source, t),
            );
            m.item(t.pick("Vastgelegd", "Recorded"), &md(&sub.evidence));
            m.date_item(
                t.pick("Ingeschreven op", "Subscribed on"),
                Some(sub.subscribed_on),
            );
            m.retention(&sub.retention);
            m.blank();
        }
        if let Some(u) = &e.unsubscribed {
            m.line(&format!(
                "{} {}. {}",
                t.pick("Je hebt je afgemeld op", "You unsubscribed on"),
                long_date(u.suppressed_on, t),
                t.pick(
                    "We bewaren alleen een versleutelde code van je adres (niet het adres zelf), zodat je niet per ongeluk opnieuw wordt toegevoegd.",
                    "We keep only an encrypted code of your address (not the address itself), so you are not added again by mistake."
                )
            ));
        }
    }

    if !e.consents.is_empty() {
        m.heading(
            2,
            t.pick("Je toestemmingen om te delen", "Your consents to share"),
        );
        for c in &e.consents {
            m.heading(3, &md(&c.recipient));
            m.item(t.pick("Doel", "Purpose"), &md(&c.purpose));
            m.date_item(t.pick("Gegeven op", "Given on"), Some(c.given_on));
            m.date_item(t.pick("Ingetrokken op", "Withdrawn on"), c.withdrawn_on);
            m.retention(&c.retention);
        }
    }

    if !e.disclosures.is_empty() {
        m.heading(2, t.pick("Gedeeld met anderen", "Shared with others"));
        for d in &e.disclosures {
            m.heading(3, &md(&d.recipient));
            m.item(t.pick("Wat", "What"), &md(&d.what));
            m.date_item(t.pick("Op", "On"), Some(d.on));
            m.retention(&d.retention);
        }
    }

    if !e.subject_requests.is_empty() {
        m.heading(2, t.pick("Je verzoeken", "Your requests"));
        for r in &e.subject_requests {
            m.heading(
                3,
                &format!(
                    "{}: {}",
                    t.pick("Verzoek", "Request"),
                    request_words(r.kind, t)
                ),
            );
            m.date_item(t.pick("Ontvangen op", "Received on"), Some(r.received_on));
            m.date_item(t.pick("Antwoord uiterlijk", "Answer due"), Some(r.due_on));
            if let Some(reason) = &r.extension_reason {
                m.item(t.pick("Verlengd, omdat", "Extended, because"), &md(reason));
            }
            m.date_item(t.pick("Afgehandeld op", "Handled on"), r.handled_on);
            m.retention(&r.retention);
        }
    }

    if !e.complaints.is_empty() {
        m.heading(2, t.pick("Je klachten", "Your complaints"));
        for c in &e.complaints {
            m.heading(
                3,
                &format!(
                    "{} {}",
                    t.pick("Klacht van", "Complaint of"),
                    long_date(c.received_on, t)
                ),
            );
            m.item(t.pick("Samenvatting", "Summary"), &md(&c.summary));
            m.date_item(t.pick("Afgehandeld op", "Handled on"), c.handled_on);
            m.item(
                t.pick(
                    "Doorverwezen naar de Autoriteit Persoonsgegevens",
                    "Referred to the Autoriteit Persoonsgegevens",
                ),
                if c.referred_to_ap { yes } else { no },
            );
            m.retention(&c.retention);
        }
    }

    let info = &e.information;
    m.heading(
        2,
        t.pick("Wat we met je gegevens doen", "What we do with your data"),
    );
    m.heading(3, t.pick("Waarvoor", "Purposes"));
    for p in &info.purposes {
        m.line(&format!("- {}", md(&p.purpose)));
    }
    m.heading(3, t.pick("Welke gegevens", "Categories of data"));
    for c in &info.categories {
        m.line(&format!("- {}", md(c)));
    }
    m.heading(3, t.pick("Met wie ze worden gedeeld", "Who receives them"));
    for r in &info.recipients {
        m.line(&format!("- {}", md(r)));
    }
    m.heading(3, t.pick("Hoe lang we ze bewaren", "How long we keep them"));
    m.line(&md(&info.retention));
    m.heading(3, t.pick("Waar ze vandaan komen", "Where they came from"));
    for s in &info.sources {
        m.line(&format!("- {}", md(s)));
    }
    m.heading(
        3,
        t.pick("Geautomatiseerde besluiten", "Automated decisions"),
    );
    m.line(&md(&info.automated_decisions));
    m.heading(3, t.pick("Je rechten", "Your rights"));
    for r in &info.rights {
        m.line(&format!(
            "- {} ({} {})",
            md(&r.text),
            t.pick("AVG artikel", "GDPR article"),
            r.article
        ));
    }
    m.blank();
    m.line(&md(&info.how_to_use_rights));
    m.heading(3, t.pick("Een klacht indienen", "Making a complaint"));
    m.line(&md(&info.complaint));
    m.blank();
    let a = &info.complaint_authority;
    m.line(&format!("{}  ", a.name));
    m.line(&format!("{}  ", a.address));
    m.line(&format!("{}  ", a.postcode_city));
    m.line(&format!("{}  ", a.website));
    m.line(&format!("{} {}", t.pick("Telefoon", "Phone"), a.phone));
    m.out
}

/// Writes an audit entry that an export was made: the ids of the records it
/// holds, nothing else. No record changes.
pub fn record_export(s: &mut Session, e: &AccessExport) -> RightsResult<()> {
    super::audit_only(s, "access_export", &e.records())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn redactor(terms: &[&str]) -> Redactor {
        Redactor::with_terms(
            terms
                .iter()
                .map(|t| t.chars().map(lower).collect())
                .collect(),
            "[x]",
        )
    }

    #[test]
    fn redaction_matches_whole_names_ignoring_case() {
        let mut r = redactor(&["bram jansen", "bram@example.nl", "ab"]);
        assert_eq!(
            r.apply("Met BRAM JANSEN (bram@example.nl) en Bram Jansens, ab."),
            "Met [x] ([x]) en Bram Jansens, ab."
        );
        assert_eq!(r.count, 2);
        assert_eq!(r.apply("Bram Jansen"), "[x]");
        assert_eq!(r.apply("Ünïcode Bram jansen."), "Ünïcode [x].");
    }

    #[test]
    fn markdown_text_is_escaped_and_fenced() {
        assert_eq!(md("# *a*\n  b_c"), "\\# \\*a\\* b\\_c");
        let block = fenced("a ~~~ b");
        assert!(block.starts_with("~~~~text\n"), "{block}");
        assert!(block.ends_with("\n~~~~\n"), "{block}");
    }

    #[test]
    fn dates_read_in_both_languages() {
        let d = NaiveDate::from_ymd_opt(2026, 5, 31).unwrap();
        assert_eq!(long_date(d, Lang::Nl), "31 mei 2026");
        assert_eq!(long_date(d, Lang::En), "31 May 2026");
        assert_eq!(months_words(84, Lang::En), "7 years");
        assert_eq!(months_words(1, Lang::Nl), "1 maand");
        assert_eq!(months_words(2, Lang::Nl), "2 maanden");
    }
}
