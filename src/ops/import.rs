//! `kluis import FILE` (DESIGN.md §9, contract): the whole file is
//! checked before anything is written, and written in one change. A refusal
//! names the JSON path of the first problem and writes nothing.

use super::attachments::{FileError, NewFiles, Owner, TeamKey, open_sources, store_all};
use super::edit::STRONG_BITS;
use super::session::{Applied, Session};
use crate::domain::amount::Amount;
use crate::domain::calendar::in_future;
use crate::domain::mailing::{self, JoinOutcome, SubscribeCheck};
use crate::domain::records::*;
use crate::domain::{Dataset, Id, Kind, text};
use crate::i18n::Lang;
use crate::i18n::import::{self as words, ImportProblem, ImportProblem as P, WHOLE_FILE};
use crate::vault::VaultError;
use crate::vault::team_seal::{self, TeamSealError};
use chrono::NaiveDate;
use serde::Deserialize;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use zeroize::Zeroizing;

/// The first problem in an import file: where (a JSON path, or
/// `WHOLE_FILE`), and what.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", words::at(Lang::En, path, problem))]
pub struct ImportError {
    pub path: String,
    pub problem: ImportProblem,
}

impl ImportError {
    /// The refusal in the coach's language: `people[0].email: …`.
    pub fn message(&self, lang: Lang) -> String {
        words::at(lang, &self.path, &self.problem)
    }
}

fn err(path: impl Into<String>, problem: ImportProblem) -> ImportError {
    ImportError {
        path: path.into(),
        problem,
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ImportFile {
    #[serde(default)]
    pub people: Vec<PersonIn>,
    #[serde(default)]
    pub trajectories: Vec<TrajectoryIn>,
    #[serde(default)]
    pub documents: Vec<DocumentIn>,
    #[serde(default)]
    pub team_reports: Vec<TeamReportIn>,
    #[serde(default)]
    pub contact_requests: Vec<ContactRequestIn>,
    #[serde(default)]
    pub quotes: Vec<QuoteIn>,
    #[serde(default)]
    pub subscribers: Vec<SubscriberIn>,
    #[serde(default)]
    pub subject_requests: Vec<SubjectRequestIn>,
    /// The folder the paths of `files` are relative to: the import file's
    /// (DESIGN.md §13.1); the working folder when not set.
    #[serde(skip)]
    pub base: Option<PathBuf>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PersonIn {
    #[serde(rename = "ref")]
    pub reference: String,
    pub name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub organisation: Option<String>,
    pub created_on: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TrajectoryIn {
    #[serde(rename = "ref")]
    pub reference: String,
    pub kind: TrajectoryKind,
    pub title: String,
    pub participants: Vec<String>,
    pub requester: Option<String>,
    pub started_on: Option<String>,
    pub completed_on: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocumentIn {
    pub trajectory: String,
    pub participant: String,
    pub kind: DocumentKind,
    pub title: String,
    /// The text; a document with files may do without (DESIGN.md §13.1).
    pub body: Option<String>,
    pub created_on: Option<String>,
    /// Files to hold, relative to the import file.
    #[serde(default)]
    pub files: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TeamReportIn {
    pub organisation: String,
    pub team: String,
    pub title: String,
    /// The text; a report with files may do without (DESIGN.md §13.1).
    pub body: Option<String>,
    pub delivered_on: String,
    pub password: Option<String>,
    /// Files to hold, relative to the import file.
    #[serde(default)]
    pub files: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ContactRequestIn {
    pub name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub message: String,
    pub received_on: String,
    pub first_contact_on: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuoteIn {
    pub requester: String,
    #[serde(default)]
    pub participants: Vec<String>,
    pub amount: String,
    pub sent_on: String,
    pub accepted_on: Option<String>,
    pub declined_on: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SubscriberIn {
    pub email: String,
    pub name: Option<String>,
    pub source: SubscriberSource,
    pub evidence: String,
    pub subscribed_on: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SubjectRequestIn {
    pub person: String,
    pub kind: RequestKind,
    pub received_on: String,
    pub handled_on: Option<String>,
}

/// Reads the JSON; a structural problem (wrong type, unknown kind, missing
/// or unknown field) comes back with its path.
/// Anything after the one object is refused: a second object pasted below
/// the first would otherwise be dropped without a word.
pub fn parse(json: &str) -> Result<ImportFile, ImportError> {
    // Windows editors may start a UTF-8 file with a byte order mark.
    let json = json.strip_prefix('\u{feff}').unwrap_or(json);
    let de = &mut serde_json::Deserializer::from_str(json);
    let file = serde_path_to_error::deserialize(&mut *de).map_err(|e| {
        let path = e.path().to_string();
        let problem = super::json_problem::problem(e.inner(), json);
        // An unknown top-level field named "" has an empty path; a file
        // that is no JSON at all has no path worth naming.
        let whole = matches!(
            problem,
            P::LooksLikeCsv | P::EmptyFile | P::CutShort | P::Syntax { .. }
        );
        let path = if whole || path == "." || path.is_empty() {
            String::from(WHOLE_FILE)
        } else {
            path
        };
        err(path, problem)
    })?;
    de.end().map_err(|_| err(WHOLE_FILE, P::MoreAfterObject))?;
    Ok(file)
}

/// serde quotes the value it refused. A value in the wrong field can be
/// personal (a name where a date belongs, after a column shift), and errors
/// never show personal data: only word-like values (kind and field names,
/// refs) are kept.
pub(crate) fn without_values(msg: &str) -> String {
    let mut out = String::with_capacity(msg.len());
    let mut rest = msg;
    while let Some(open) = rest.find(['"', '`']) {
        let quote = rest.as_bytes()[open];
        let body = &rest[open + 1..];
        let mut end = None;
        let mut escaped = false;
        for (i, b) in body.bytes().enumerate() {
            match b {
                b'\\' if !escaped => escaped = true,
                _ if b == quote && !escaped => {
                    end = Some(i);
                    break;
                }
                _ => escaped = false,
            }
        }
        out.push_str(&rest[..open]);
        let Some(end) = end else {
            out.push_str("(value not shown)");
            return out;
        };
        let value = &body[..end];
        if is_word(value) {
            out.push_str(&rest[open..open + end + 2]);
        } else {
            out.push_str("(value not shown)");
        }
        rest = &body[end + 1..];
    }
    out.push_str(rest);
    out
}

fn is_word(s: &str) -> bool {
    (1..=40).contains(&s.len())
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

/// A refused value is shown only when it looks like an attempt at the
/// expected form, never when it could be a name or an address.
fn shown(s: &str, allowed: &str) -> String {
    if !s.is_empty() && s.chars().count() <= 16 && s.chars().all(|c| allowed.contains(c)) {
        format!(" {s:?}")
    } else {
        String::new()
    }
}

fn date(path: String, s: &str) -> Result<NaiveDate, ImportError> {
    parse_date(s).ok_or_else(|| bad_date(path, s))
}

fn parse_date(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .ok()
        .filter(|d| s.len() == 10 && (1900..=2200).contains(&chrono::Datelike::year(d)))
}

fn bad_date(path: String, s: &str) -> ImportError {
    let v = shown(s, "0123456789-/. ");
    err(path, P::BadDate { shown: v })
}

fn opt_date(path: String, s: &Option<String>) -> Result<Option<NaiveDate>, ImportError> {
    s.as_deref().map(|v| date(path, v)).transpose()
}

/// The date of something that happened: the UI's rule, no later than today.
fn past_date(path: String, s: &str, today: NaiveDate) -> Result<NaiveDate, ImportError> {
    match parse_date(s) {
        Some(d) if !in_future(d, today) => Ok(d),
        Some(_) => Err(err(path, P::InFuture { today })),
        None => Err(bad_date(path, s)),
    }
}

fn opt_past_date(
    path: String,
    s: &Option<String>,
    today: NaiveDate,
) -> Result<Option<NaiveDate>, ImportError> {
    s.as_deref().map(|v| past_date(path, v, today)).transpose()
}

/// A single-line field (name, address, title): trimmed, one line of text.
fn line(path: String, s: &str) -> Result<String, ImportError> {
    if !text::is_clean_line(s) {
        return Err(not_one_line(path));
    }
    Ok(s.trim().to_string())
}

fn not_one_line(path: String) -> ImportError {
    err(path, P::NotOneLine)
}

// The path is made for every field of the file, so it is moved into the
// error rather than cloned for the checks that pass.
fn non_empty(path: String, s: &str) -> Result<String, ImportError> {
    if !text::is_clean_line(s) {
        return Err(not_one_line(path));
    }
    let t = s.trim();
    if t.is_empty() {
        return Err(err(path, P::Empty));
    }
    Ok(t.to_string())
}

/// An optional single-line field; empty or blank is `None`.
fn clean(path: String, s: &Option<String>) -> Result<Option<String>, ImportError> {
    let t = s.as_deref().map(|v| line(path, v)).transpose()?;
    Ok(t.filter(|v| !v.is_empty()))
}

/// A multi-line field (a document body, a message): line breaks and tabs,
/// no other control character.
fn multi_line(path: String, s: &str) -> Result<String, ImportError> {
    if !text::is_clean_text(s) {
        return Err(err(path, P::ControlCharacter));
    }
    Ok(s.to_string())
}

/// The body of a record that holds text, files or both: without files it
/// must be there (`at` makes the path of a field of the record).
fn text_or_files(
    at: &dyn Fn(&str) -> String,
    body: Option<&str>,
    files: &[String],
) -> Result<String, ImportError> {
    match body {
        Some(b) => multi_line(at("body"), b),
        None if files.is_empty() => Err(err(at("body"), P::BodyMissing)),
        None => Ok(String::new()),
    }
}

/// The amount is kept as written (trimmed), not normalised.
fn amount(path: String, s: &str) -> Result<String, ImportError> {
    let t = s.trim();
    if Amount::parse(t).is_none() {
        let v = shown(t, "0123456789.,-€ ");
        return Err(err(path, P::BadAmount { shown: v }));
    }
    Ok(t.to_string())
}

/// A team report's password, shown once before the import is applied.
pub struct GeneratedPassword {
    pub title: String,
    pub password: Zeroizing<String>,
}

/// A team report's chosen password below `STRONG_BITS`: the import needs
/// the coach's consent after the warning, as the UI does.
pub struct WeakPassword {
    pub path: String,
    pub bits: u32,
}

/// Everything the import will write, checked.
pub struct Plan {
    pub records: Vec<(Id, AnyRecord)>,
    /// The files the records hold, stored already; no record names them
    /// until the plan is applied (a plan dropped instead leaves them for the
    /// next open to remove).
    pub stored: Vec<Id>,
    pub generated_passwords: Vec<GeneratedPassword>,
    pub weak_passwords: Vec<WeakPassword>,
    /// Who joined the mailing list through accepted quotes, and who did not.
    pub joins: Vec<JoinOutcome>,
    /// Subscribers in the file already on the list: left as they are.
    pub already_subscribed: usize,
}

/// Summary of a finished import. The generated passwords are not in it:
/// they are shown from the plan, before it is applied.
pub struct Imported {
    pub applied: Applied,
    pub joins: Vec<JoinOutcome>,
    pub already_subscribed: usize,
}

/// Checks the whole file against the session's vault and plans the records.
/// Team report bodies are sealed here (with a generated password when none is
/// given); nothing is written.
pub fn plan(s: &Session, file: &ImportFile) -> Result<Plan, ImportError> {
    let today = s.today();
    let existing = &s.data;
    // The ids given out so far: the planned records themselves are not kept
    // twice (a second copy of every document body doubled the memory).
    let mut taken: HashSet<Id> = HashSet::new();
    let mut records: Vec<(Id, AnyRecord)> = Vec::new();
    let mut new_id = || loop {
        let id = Id::generate();
        if !existing.contains_id(&id) && taken.insert(id.clone()) {
            return id;
        }
    };
    // What the mailing-list rules read: the vault's people and subscribers
    // with the file's people, quotes and subscribers.
    let mut view = Dataset {
        people: existing.people.clone(),
        subscribers: existing.subscribers.clone(),
        ..Dataset::default()
    };

    let mut people: HashMap<&str, Id> = HashMap::new();
    for (i, p) in file.people.iter().enumerate() {
        let at = |f: &str| format!("people[{i}].{f}");
        let r = non_empty(at("ref"), &p.reference)?;
        if people.contains_key(p.reference.as_str()) {
            return Err(err(at("ref"), P::DuplicateRef(r)));
        }
        let email = clean(at("email"), &p.email)?;
        if let Some(e) = &email
            && !mailing::looks_like_email(e)
        {
            return Err(err(at("email"), P::NotEmail));
        }
        let person = Person {
            name: non_empty(at("name"), &p.name)?,
            email,
            phone: clean(at("phone"), &p.phone)?,
            organisation: clean(at("organisation"), &p.organisation)?,
            created_on: opt_past_date(at("created_on"), &p.created_on, today)?.unwrap_or(today),
        };
        let id = new_id();
        people.insert(p.reference.as_str(), id.clone());
        view.people.insert(id.clone(), person.clone());
        records.push((id, AnyRecord::Person(person)));
    }
    let person_ref = |path: String, r: &str| -> Result<Id, ImportError> {
        people
            .get(r)
            .cloned()
            .ok_or_else(|| err(path, P::UnknownRef(r.to_string())))
    };

    let mut trajectories: HashMap<&str, (Id, Vec<Id>)> = HashMap::new();
    for (i, t) in file.trajectories.iter().enumerate() {
        let at = |f: &str| format!("trajectories[{i}].{f}");
        let r = non_empty(at("ref"), &t.reference)?;
        if trajectories.contains_key(t.reference.as_str())
            || people.contains_key(t.reference.as_str())
        {
            return Err(err(at("ref"), P::DuplicateRef(r)));
        }
        let mut participants = Vec::new();
        for (j, p) in t.participants.iter().enumerate() {
            let id = person_ref(format!("trajectories[{i}].participants[{j}]"), p)?;
            if !participants.contains(&id) {
                participants.push(id);
            }
        }
        if participants.is_empty() {
            return Err(err(at("participants"), P::NoParticipant));
        }
        let requester = t
            .requester
            .as_deref()
            .map(|r| person_ref(at("requester"), r))
            .transpose()?;
        let started_on = opt_date(at("started_on"), &t.started_on)?;
        let completed_on = opt_past_date(at("completed_on"), &t.completed_on, today)?;
        if let (Some(s0), Some(c)) = (started_on, completed_on)
            && c < s0
        {
            return Err(err(at("completed_on"), P::CompletedBeforeStarted));
        }
        let traj = Trajectory {
            kind: t.kind,
            title: non_empty(at("title"), &t.title)?,
            participants: participants.clone(),
            requester,
            started_on,
            completed_on,
        };
        let id = new_id();
        trajectories.insert(t.reference.as_str(), (id.clone(), participants));
        records.push((id, AnyRecord::Trajectory(traj)));
    }

    // Records with files: where in `records`, the JSON path of their
    // `files`, the paths, and a team report's files key.
    let mut with_files: Vec<(usize, String, Vec<String>, Option<TeamKey>)> = Vec::new();
    for (i, d) in file.documents.iter().enumerate() {
        let at = |f: &str| format!("documents[{i}].{f}");
        let (tid, members) = trajectories
            .get(d.trajectory.as_str())
            .cloned()
            .ok_or_else(|| err(at("trajectory"), P::UnknownRef(d.trajectory.clone())))?;
        let pid = person_ref(at("participant"), &d.participant)?;
        if !members.contains(&pid) {
            return Err(err(
                at("participant"),
                P::NotAParticipant {
                    participant: d.participant.clone(),
                    trajectory: d.trajectory.clone(),
                },
            ));
        }
        let doc = Document {
            trajectory: tid,
            participant: pid,
            kind: d.kind,
            title: non_empty(at("title"), &d.title)?,
            body: text_or_files(&at, d.body.as_deref(), &d.files)?,
            created_on: opt_past_date(at("created_on"), &d.created_on, today)?.unwrap_or(today),
            files: Vec::new(),
        };
        let id = new_id();
        if !d.files.is_empty() {
            let at = format!("documents[{i}].files");
            with_files.push((records.len(), at, d.files.clone(), None));
        }
        records.push((id, AnyRecord::Document(doc)));
    }

    let mut reports_to_seal: Vec<(usize, Zeroizing<String>, bool)> = Vec::new();

    let mut weak_passwords = Vec::new();
    for (i, t) in file.team_reports.iter().enumerate() {
        let at = |f: &str| format!("team_reports[{i}].{f}");
        non_empty(at("organisation"), &t.organisation)?;
        non_empty(at("team"), &t.team)?;
        non_empty(at("title"), &t.title)?;
        text_or_files(&at, t.body.as_deref(), &t.files)?;
        past_date(at("delivered_on"), &t.delivered_on, today)?;
        let (password, generated) = match t.password.as_deref() {
            Some(p) if !p.is_empty() => {
                // The UI's rule (DESIGN.md 7.5): a weak chosen password
                // needs the coach's consent after a warning.
                let bits = team_seal::estimate_bits(p);
                if bits < STRONG_BITS {
                    weak_passwords.push(WeakPassword {
                        path: at("password"),
                        bits,
                    });
                }
                (Zeroizing::new(p.to_string()), false)
            }
            Some(_) => {
                return Err(err(at("password"), P::EmptyPassword));
            }
            None => (
                team_seal::generate_password()
                    .map_err(|e| err(at("password"), vault_problem(&e)))?,
                true,
            ),
        };
        reports_to_seal.push((i, password, generated));
    }

    for (i, c) in file.contact_requests.iter().enumerate() {
        let at = |f: &str| format!("contact_requests[{i}].{f}");
        let received_on = past_date(at("received_on"), &c.received_on, today)?;
        let first_contact_on = opt_past_date(at("first_contact_on"), &c.first_contact_on, today)?;
        if first_contact_on.is_some_and(|f| f < received_on) {
            return Err(err(at("first_contact_on"), P::FirstContactBeforeReceived));
        }
        let email = clean(at("email"), &c.email)?;
        if let Some(e) = &email
            && !mailing::looks_like_email(e)
        {
            return Err(err(at("email"), P::NotEmail));
        }
        let rec = ContactRequest {
            name: non_empty(at("name"), &c.name)?,
            email,
            phone: clean(at("phone"), &c.phone)?,
            message: multi_line(at("message"), &c.message)?,
            received_on,
            first_contact_on,
        };
        let id = new_id();
        records.push((id, AnyRecord::ContactRequest(rec)));
    }

    let mut accepted: Vec<(Id, NaiveDate)> = Vec::new();
    for (i, q) in file.quotes.iter().enumerate() {
        let at = |f: &str| format!("quotes[{i}].{f}");
        let requester = person_ref(at("requester"), &q.requester)?;
        let mut participants = Vec::new();
        for (j, p) in q.participants.iter().enumerate() {
            let id = person_ref(format!("quotes[{i}].participants[{j}]"), p)?;
            if !participants.contains(&id) {
                participants.push(id);
            }
        }
        let sent_on = past_date(at("sent_on"), &q.sent_on, today)?;
        let accepted_on = opt_past_date(at("accepted_on"), &q.accepted_on, today)?;
        let declined_on = opt_past_date(at("declined_on"), &q.declined_on, today)?;
        if accepted_on.is_some_and(|a| a < sent_on) {
            return Err(err(at("accepted_on"), P::AcceptedBeforeSent));
        }
        if declined_on.is_some_and(|d| d < sent_on) {
            return Err(err(at("declined_on"), P::DeclinedBeforeSent));
        }
        if accepted_on.is_some() && declined_on.is_some() {
            return Err(err(at("declined_on"), P::AcceptedAndDeclined));
        }
        let quote = Quote {
            requester: Some(requester),
            requester_organisation: None,
            participants,
            amount: amount(at("amount"), &q.amount)?,
            sent_on,
            accepted_on,
            declined_on,
            restricted: false,
        };
        let id = new_id();
        if let Some(a) = accepted_on {
            accepted.push((id.clone(), a));
        }
        view.quotes.insert(id.clone(), quote.clone());
        records.push((id, AnyRecord::Quote(quote)));
    }

    // Subscribers are checked against the vault's list and the file itself.
    // One set of suppression hashes and one of listed addresses for the
    // whole file, so checking many addresses stays linear.
    let suppression_hashes: HashSet<&str> = s
        .data
        .suppressions
        .values()
        .map(|x| x.hash.as_str())
        .collect();
    let suppressed = |e: &str| suppression_hashes.contains(s.vault.suppression_hash(e).as_str());
    let mut listed = mailing::listed_emails(&view);
    let mut already_subscribed = 0;
    for (i, sub) in file.subscribers.iter().enumerate() {
        let at = |f: &str| format!("subscribers[{i}].{f}");
        let rec = Subscriber {
            email: line(at("email"), &sub.email)?,
            name: clean(at("name"), &sub.name)?,
            source: sub.source,
            evidence: non_empty(at("evidence"), &sub.evidence)?,
            subscribed_on: past_date(at("subscribed_on"), &sub.subscribed_on, today)?,
        };
        match mailing::check_subscribe_with(&listed, &rec, &suppressed) {
            SubscribeCheck::Allowed => {}
            SubscribeCheck::AlreadySubscribed => {
                already_subscribed += 1;
                continue;
            }
            SubscribeCheck::InvalidEmail => return Err(err(at("email"), P::NotEmail)),
            SubscribeCheck::Suppressed => return Err(err(at("email"), P::Suppressed)),
        }
        let id = new_id();
        listed.insert(mailing::normalise_email(&rec.email));
        view.insert(id.clone(), AnyRecord::Subscriber(rec.clone()));
        records.push((id, AnyRecord::Subscriber(rec)));
    }

    for (i, r) in file.subject_requests.iter().enumerate() {
        let at = |f: &str| format!("subject_requests[{i}].{f}");
        let received_on = past_date(at("received_on"), &r.received_on, today)?;
        let handled_on = opt_past_date(at("handled_on"), &r.handled_on, today)?;
        if handled_on.is_some_and(|h| h < received_on) {
            return Err(err(at("handled_on"), P::HandledBeforeReceived));
        }
        let rec = SubjectRequest {
            person: Some(person_ref(at("person"), &r.person)?),
            kind: r.kind,
            received_on,
            extension_reason: None,
            handled_on,
        };
        let id = new_id();
        records.push((id, AnyRecord::SubjectRequest(rec)));
    }

    // P4: accepted quotes put their people on the mailing list.
    let mut joins = Vec::new();
    for (qid, on) in &accepted {
        for o in mailing::join_on_acceptance_with(&view, &listed, qid, *on, &suppressed) {
            if let JoinOutcome::Added { subscriber, .. } = &o {
                let id = new_id();
                listed.insert(mailing::normalise_email(&subscriber.email));
                view.insert(id.clone(), AnyRecord::Subscriber(subscriber.clone()));
                records.push((id, AnyRecord::Subscriber(subscriber.clone())));
            }
            joins.push(o);
        }
    }

    // Sealing is slow on purpose (a memory-hard KDF per report), so it comes
    // last, once everything else is known to be valid.
    let mut generated_passwords = Vec::new();
    for (i, password, generated) in reports_to_seal {
        let t = &file.team_reports[i];
        let sealed = team_seal::seal(&password, t.body.as_deref().unwrap_or_default())
            .map_err(|e: TeamSealError| err(format!("team_reports[{i}].body"), seal_problem(e)))?;
        let rec = TeamReport {
            organisation: t.organisation.trim().to_string(),
            team: t.team.trim().to_string(),
            title: t.title.trim().to_string(),
            delivered_on: date(format!("team_reports[{i}].delivered_on"), &t.delivered_on)?,
            sealed_body: sealed,
            files: Vec::new(),
        };
        let id = new_id();
        if !t.files.is_empty() {
            let key = TeamKey::for_new_report(id.clone(), &password, &rec.sealed_body)
                .map_err(|e| err(format!("team_reports[{i}].files"), seal_problem(e)))?;
            let at = format!("team_reports[{i}].files");
            with_files.push((records.len(), at, t.files.clone(), Some(key)));
        }
        if generated {
            generated_passwords.push(GeneratedPassword {
                title: rec.title.clone(),
                password,
            });
        }
        records.push((id, AnyRecord::TeamReport(rec)));
    }

    // The files are read and stored last, once the rest is known to be
    // valid; their record names them only once the import is applied.
    let mut stored: Vec<Id> = Vec::new();
    for (at, path, listed, key) in &with_files {
        match store_files(s, file.base.as_deref(), listed, key.as_ref(), path) {
            Ok((files, ids)) => {
                stored.extend(ids);
                if let Some((_, rec)) = records.get_mut(*at) {
                    add_files(rec, files);
                }
            }
            Err(e) => {
                s.vault.remove_files(&stored);
                return Err(e);
            }
        }
    }

    Ok(Plan {
        records,
        stored,
        generated_passwords,
        weak_passwords,
        joins,
        already_subscribed,
    })
}

/// Reads and stores the files `listed` (relative to `base`) of the record
/// whose `files` are at JSON path `path`; a team report's with its key.
fn store_files(
    s: &Session,
    base: Option<&Path>,
    listed: &[String],
    team: Option<&TeamKey>,
    path: &str,
) -> Result<(NewFiles, Vec<Id>), ImportError> {
    let paths: Vec<PathBuf> = listed
        .iter()
        .map(|p| base.map_or_else(|| PathBuf::from(p), |b| b.join(p)))
        .collect();
    let fail = |e: FileError| match e {
        // The path names the file; the sentence needs no "file 2 of 3".
        FileError::Source { index, problem, .. } => {
            let alone = FileError::Source {
                index,
                of: 1,
                problem,
            };
            err(format!("{path}[{index}]"), P::said(|l| alone.message(l)))
        }
        FileError::DuplicateName => err(path, P::TwoFilesOfOneName),
        other => err(path, P::said(|l| other.message(l))),
    };
    let sources = open_sources(&paths, &[]).map_err(fail)?;
    // A document's files need no key of its record to be stored.
    let unnamed = Id::generate();
    let owner = match team {
        Some(key) => Owner::TeamReport(key),
        None => Owner::Document(&unnamed),
    };
    store_all(s, owner, sources).map_err(fail)
}

/// A vault failure while planning (the random number generator).
fn vault_problem(e: &VaultError) -> ImportProblem {
    P::said(|l| super::vault_words::vault_failed(l, e))
}

/// Sealing a new team report fails only when the random number generator
/// does.
fn seal_problem(e: TeamSealError) -> ImportProblem {
    match e {
        TeamSealError::Random => vault_problem(&VaultError::Random),
        other => P::said(|l| FileError::Seal(other.clone()).message(l)),
    }
}

/// Puts stored files into the record planned for them.
fn add_files(rec: &mut AnyRecord, files: NewFiles) {
    match (rec, files) {
        (AnyRecord::Document(d), NewFiles::Document(f)) => d.files = f,
        (AnyRecord::TeamReport(r), NewFiles::TeamReport(f)) => r.files = f,
        _ => {}
    }
}

/// Writes a checked plan in one change.
pub fn apply(s: &mut Session, plan: Plan) -> Result<Imported, VaultError> {
    let applied = match s.commit("import", plan.records, Vec::new()) {
        Ok(a) => a,
        Err(e) => {
            s.vault.remove_files(&plan.stored);
            return Err(e);
        }
    };
    Ok(Imported {
        applied,
        joins: plan.joins,
        already_subscribed: plan.already_subscribed,
    })
}

/// The kinds an import writes, for its summary.
pub fn written_kinds(i: &Imported) -> Vec<(Kind, usize)> {
    i.applied.written.iter().map(|(k, n)| (*k, *n)).collect()
}
