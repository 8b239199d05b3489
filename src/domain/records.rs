//! The records of DESIGN.md §3 as plain data. No I/O, no rules: the
//! retention rules live in `retention`, the mailing rules in `mailing`.

use super::attachment::{Attachment, SealedAttachment};
use super::breach::Breach;
use super::id::Id;
use super::kind::Kind;
use super::practice::Practice;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Person {
    pub name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub organisation: Option<String>,
    pub created_on: NaiveDate,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TrajectoryKind {
    Coaching,
    Training,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Trajectory {
    pub kind: TrajectoryKind,
    pub title: String,
    pub participants: Vec<Id>,
    pub requester: Option<Id>,
    pub started_on: Option<NaiveDate>,
    pub completed_on: Option<NaiveDate>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DocumentKind {
    IndividualReport,
    QuestionnaireResult,
}

impl DocumentKind {
    pub fn record_kind(self) -> Kind {
        match self {
            DocumentKind::IndividualReport => Kind::IndividualReport,
            DocumentKind::QuestionnaireResult => Kind::QuestionnaireResult,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    pub trajectory: Id,
    pub participant: Id,
    pub kind: DocumentKind,
    pub title: String,
    pub body: String,
    pub created_on: NaiveDate,
    /// Its files (DESIGN.md §13.1), in the order they were added.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub files: Vec<Attachment>,
}

/// A team advisory report. Its body is sealed under the report's own
/// password (see `vault::team_seal`); the vault key never sees that key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TeamReport {
    pub organisation: String,
    pub team: String,
    pub title: String,
    pub delivered_on: NaiveDate,
    /// Opaque sealed body (hex), produced and opened by `vault::team_seal`.
    pub sealed_body: String,
    /// Its files, sealed under its password too (DESIGN.md §13.1).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub files: Vec<SealedAttachment>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContactRequest {
    pub name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub message: String,
    pub received_on: NaiveDate,
    pub first_contact_on: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    /// `None` once the requester has been removed (erasure); the quote then
    /// keeps only `requester_organisation` and the amount (DESIGN.md §4).
    pub requester: Option<Id>,
    pub requester_organisation: Option<String>,
    pub participants: Vec<Id>,
    /// A decimal amount in euros as text ("2450.00"), validated on entry.
    pub amount: String,
    pub sent_on: NaiveDate,
    pub accepted_on: Option<NaiveDate>,
    pub declined_on: Option<NaiveDate>,
    /// Kept only for a legal duty after an erasure request: processing restricted.
    #[serde(default)]
    pub restricted: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SubscriberSource {
    Webinar,
    Ebook,
    Quote,
    Manual,
}

impl SubscriberSource {
    pub fn name(self) -> &'static str {
        match self {
            SubscriberSource::Webinar => "webinar",
            SubscriberSource::Ebook => "ebook",
            SubscriberSource::Quote => "quote",
            SubscriberSource::Manual => "manual",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Subscriber {
    pub email: String,
    pub name: Option<String>,
    pub source: SubscriberSource,
    pub evidence: String,
    pub subscribed_on: NaiveDate,
}

/// What remains of an unsubscribed address: a keyed hash of the normalised
/// address (hex), never the address itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Suppression {
    pub hash: String,
    pub suppressed_on: NaiveDate,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Consent {
    pub person: Id,
    pub recipient: String,
    pub purpose: String,
    pub given_on: NaiveDate,
    pub withdrawn_on: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Disclosure {
    pub person: Id,
    pub recipient: String,
    pub what: String,
    pub on: NaiveDate,
    pub consent: Id,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RequestKind {
    Access,
    Rectification,
    Erasure,
    Restriction,
    Portability,
    Objection,
}

impl RequestKind {
    pub const ALL: [RequestKind; 6] = [
        RequestKind::Access,
        RequestKind::Rectification,
        RequestKind::Erasure,
        RequestKind::Restriction,
        RequestKind::Portability,
        RequestKind::Objection,
    ];

    pub fn name(self) -> &'static str {
        match self {
            RequestKind::Access => "access",
            RequestKind::Rectification => "rectification",
            RequestKind::Erasure => "erasure",
            RequestKind::Restriction => "restriction",
            RequestKind::Portability => "portability",
            RequestKind::Objection => "objection",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubjectRequest {
    /// `None` once the person has been erased (the request log stays).
    pub person: Option<Id>,
    pub kind: RequestKind,
    pub received_on: NaiveDate,
    /// Extended once by two months (art. 12(3)), with the reason given.
    pub extension_reason: Option<String>,
    pub handled_on: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Complaint {
    pub person: Option<Id>,
    pub summary: String,
    pub received_on: NaiveDate,
    pub handled_on: Option<NaiveDate>,
    pub referred_to_ap: bool,
}

/// Any record, tagged by its kind: what the vault stores and the loader reads.
#[derive(Debug, Clone, PartialEq)]
pub enum AnyRecord {
    Person(Person),
    Trajectory(Trajectory),
    Document(Document),
    TeamReport(TeamReport),
    ContactRequest(ContactRequest),
    Quote(Quote),
    Subscriber(Subscriber),
    Suppression(Suppression),
    Consent(Consent),
    Disclosure(Disclosure),
    SubjectRequest(SubjectRequest),
    Complaint(Complaint),
    Breach(Breach),
    Practice(Practice),
}

impl AnyRecord {
    pub fn kind(&self) -> Kind {
        match self {
            AnyRecord::Person(_) => Kind::Person,
            AnyRecord::Trajectory(_) => Kind::Trajectory,
            AnyRecord::Document(d) => d.kind.record_kind(),
            AnyRecord::TeamReport(_) => Kind::TeamReport,
            AnyRecord::ContactRequest(_) => Kind::ContactRequest,
            AnyRecord::Quote(_) => Kind::Quote,
            AnyRecord::Subscriber(_) => Kind::Subscriber,
            AnyRecord::Suppression(_) => Kind::Suppression,
            AnyRecord::Consent(_) => Kind::Consent,
            AnyRecord::Disclosure(_) => Kind::Disclosure,
            AnyRecord::SubjectRequest(_) => Kind::SubjectRequest,
            AnyRecord::Complaint(_) => Kind::Complaint,
            AnyRecord::Breach(_) => Kind::Breach,
            AnyRecord::Practice(_) => Kind::Practice,
        }
    }

    /// The ids of the files this record holds (DESIGN.md §13.1).
    pub fn file_ids(&self) -> Vec<&Id> {
        match self {
            AnyRecord::Document(d) => d.files.iter().map(|f| &f.id).collect(),
            AnyRecord::TeamReport(r) => r.files.iter().map(|f| &f.id).collect(),
            _ => Vec::new(),
        }
    }

    /// The plaintext the vault seals (JSON).
    pub fn encode(&self) -> Vec<u8> {
        match self {
            AnyRecord::Person(r) => encode_json(r),
            AnyRecord::Trajectory(r) => encode_json(r),
            AnyRecord::Document(r) => encode_json(r),
            AnyRecord::TeamReport(r) => encode_json(r),
            AnyRecord::ContactRequest(r) => encode_json(r),
            AnyRecord::Quote(r) => encode_json(r),
            AnyRecord::Subscriber(r) => encode_json(r),
            AnyRecord::Suppression(r) => encode_json(r),
            AnyRecord::Consent(r) => encode_json(r),
            AnyRecord::Disclosure(r) => encode_json(r),
            AnyRecord::SubjectRequest(r) => encode_json(r),
            AnyRecord::Complaint(r) => encode_json(r),
            AnyRecord::Breach(r) => encode_json(r),
            AnyRecord::Practice(r) => encode_json(r),
        }
    }

    /// Whether `bytes` is a well-formed record of `kind`, or what is wrong with
    /// its structure: the structure test `Vault::check` takes.
    pub fn validate(kind: Kind, bytes: &[u8]) -> Result<(), String> {
        AnyRecord::decode(kind, bytes)
            .map(|_| ())
            .map_err(|e| e.to_string())
    }

    /// Reads the plaintext of a record of `kind`. The error says what was wrong
    /// with the structure, never the content.
    pub fn decode(kind: Kind, bytes: &[u8]) -> Result<AnyRecord, DecodeError> {
        fn de<T: serde::de::DeserializeOwned>(b: &[u8]) -> Result<T, DecodeError> {
            // UTF-8 checked once for the whole record (FORMAT.md: records
            // are JSON in UTF-8): quicker than `from_slice`, which checks
            // every string on its own, and it refuses a bad byte in a
            // field kluis ignores too.
            let text = std::str::from_utf8(b).map_err(|e| DecodeError::at(b, e.valid_up_to()))?;
            serde_json::from_str(text).map_err(|e| DecodeError {
                line: e.line(),
                column: e.column(),
            })
        }
        Ok(match kind {
            Kind::Person => AnyRecord::Person(de(bytes)?),
            Kind::Trajectory => AnyRecord::Trajectory(de(bytes)?),
            Kind::IndividualReport | Kind::QuestionnaireResult => {
                let d: Document = de(bytes)?;
                if d.kind.record_kind() != kind {
                    return Err(DecodeError { line: 0, column: 0 });
                }
                AnyRecord::Document(d)
            }
            Kind::TeamReport => AnyRecord::TeamReport(de(bytes)?),
            Kind::ContactRequest => AnyRecord::ContactRequest(de(bytes)?),
            Kind::Quote => AnyRecord::Quote(de(bytes)?),
            Kind::Subscriber => AnyRecord::Subscriber(de(bytes)?),
            Kind::Suppression => AnyRecord::Suppression(de(bytes)?),
            Kind::Consent => AnyRecord::Consent(de(bytes)?),
            Kind::Disclosure => AnyRecord::Disclosure(de(bytes)?),
            Kind::SubjectRequest => AnyRecord::SubjectRequest(de(bytes)?),
            Kind::Complaint => AnyRecord::Complaint(de(bytes)?),
            Kind::Breach => AnyRecord::Breach(de(bytes)?),
            Kind::Practice => AnyRecord::Practice(de(bytes)?),
        })
    }
}

/// The plaintext of one record of any kind (JSON), as the vault seals it.
#[expect(
    clippy::expect_used,
    reason = "records hold only strings, dates, numbers and derived enums"
)]
pub fn encode_json<T: serde::Serialize>(record: &T) -> Vec<u8> {
    // invariant: the record types hold only strings, dates, numbers and
    // enums with derived Serialize, which serde_json serialises without error.
    serde_json::to_vec(record).expect("record serialises to JSON")
}

/// A decrypted record that does not have the structure its kind needs.
/// Carries positions only, so it can be shown without leaking content.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("record structure is not valid (line {line}, column {column})")]
pub struct DecodeError {
    pub line: usize,
    pub column: usize,
}

impl DecodeError {
    /// The position of byte `offset` of `bytes`, counted as serde_json
    /// counts: lines from 1, columns from 1 within the line.
    fn at(bytes: &[u8], offset: usize) -> DecodeError {
        let before = &bytes[..offset.min(bytes.len())];
        let line_start = before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1);
        DecodeError {
            line: 1 + before.iter().filter(|&&b| b == b'\n').count(),
            column: before.len() - line_start + 1,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn subscriber(text: &str) -> Vec<u8> {
        format!(
            "{{\"email\":\"a@example.org\",\"name\":\"{text}\",\"source\":\"webinar\",\"evidence\":\"form\",\"subscribed_on\":\"2026-03-01\"}}"
        )
        .into_bytes()
    }

    #[test]
    fn a_record_decodes_to_what_was_encoded() {
        // Escaped and raw: two and four bytes of UTF-8 in the record.
        let bytes = subscriber("Anne-Marie van Dijk \\u00e9\\n Zoë 🌷");
        let record = AnyRecord::decode(Kind::Subscriber, &bytes).unwrap();
        let AnyRecord::Subscriber(s) = &record else {
            panic!("not a subscriber: {record:?}");
        };
        assert_eq!(s.name.as_deref(), Some("Anne-Marie van Dijk é\n Zoë 🌷"));
        assert_eq!(
            AnyRecord::decode(Kind::Subscriber, &record.encode()),
            Ok(record)
        );
    }

    /// A byte that is not UTF-8 is refused at the place serde_json names for
    /// it, on the first line and on a later one.
    #[test]
    fn a_record_that_is_not_utf8_is_refused_where_the_byte_is() {
        for newline in [false, true] {
            let mut bytes = subscriber("abcde");
            let at = bytes.windows(5).position(|w| w == b"abcde").unwrap() + 2;
            bytes[at] = 0xff;
            if newline {
                bytes.insert(1, b'\n');
            }
            let from_slice = serde_json::from_slice::<Subscriber>(&bytes).unwrap_err();
            let ours = AnyRecord::decode(Kind::Subscriber, &bytes).unwrap_err();
            assert_eq!(
                (ours.line, ours.column),
                (from_slice.line(), from_slice.column()),
                "newline: {newline}"
            );
            assert_eq!(ours.line, 1 + usize::from(newline));
        }
    }
}
