//! The forms that correct a record, prefilled from the stored record: a
//! trajectory, a document, a team report's details, a contact request, a
//! quote, a subscriber, a consent, a subject request and a complaint (the
//! person form is in `records`). Saved by `save::corrections`.

use super::form::{Field, Form, PeopleIndex};
use super::purpose::{CorrectForm, FormPurpose};
use crate::domain::records::{
    Complaint, Consent, ContactRequest, Quote, RequestKind, SubjectRequest, Subscriber,
};
use crate::domain::{Document, DocumentKind, Id, TeamReport, Trajectory, TrajectoryKind};
use crate::i18n::ui::{self, Text};
use crate::i18n::{Lang, dates};
use chrono::NaiveDate;

/// Field positions, shared by the builders and `save::corrections`.
pub mod trajectory {
    pub const KIND: usize = 0;
    pub const TITLE: usize = 1;
    pub const PARTICIPANTS: usize = 2;
    pub const REQUESTER: usize = 3;
    pub const STARTED_ON: usize = 4;
    pub const COMPLETED_ON: usize = 5;
}

pub mod document {
    pub const KIND: usize = 0;
    pub const PARTICIPANT: usize = 1;
    pub const TITLE: usize = 2;
    pub const TEXT: usize = 3;
}

pub mod team_report {
    pub const ORGANISATION: usize = 0;
    pub const TEAM: usize = 1;
    pub const TITLE: usize = 2;
    pub const DELIVERED_ON: usize = 3;
}

pub mod contact {
    pub const NAME: usize = 0;
    pub const EMAIL: usize = 1;
    pub const PHONE: usize = 2;
    pub const MESSAGE: usize = 3;
    pub const RECEIVED_ON: usize = 4;
    pub const FIRST_CONTACT_ON: usize = 5;
}

pub mod quote {
    pub const REQUESTER: usize = 0;
    pub const PARTICIPANTS: usize = 1;
    pub const AMOUNT: usize = 2;
    pub const SENT_ON: usize = 3;
    /// Only for a decided quote: the day it was accepted or declined.
    pub const DECIDED_ON: usize = 4;
}

pub mod subscriber {
    pub const EMAIL: usize = 0;
    pub const NAME: usize = 1;
    pub const EVIDENCE: usize = 2;
    pub const SUBSCRIBED_ON: usize = 3;
}

pub mod consent {
    pub const RECIPIENT: usize = 0;
    pub const PURPOSE: usize = 1;
    pub const GIVEN_ON: usize = 2;
    pub const WITHDRAWN_ON: usize = 3;
}

pub mod request {
    pub const PERSON: usize = 0;
    pub const KIND: usize = 1;
    pub const RECEIVED_ON: usize = 2;
    pub const HANDLED_ON: usize = 3;
    /// Only for an extended request.
    pub const REASON: usize = 4;
}

pub mod complaint {
    pub const PERSON: usize = 0;
    pub const SUMMARY: usize = 1;
    pub const RECEIVED_ON: usize = 2;
    pub const HANDLED_ON: usize = 3;
    pub const REFERRED: usize = 4;
}

/// The choice of the referred field: index 0 is yes.
const YES_NO: [Text; 2] = [Text::ChoiceYes, Text::ChoiceNo];

fn form(title: Text, purpose: CorrectForm, fields: Vec<Field>) -> Form {
    Form::new(title, FormPurpose::Correct(purpose), fields)
}

fn date(label: Text, on: NaiveDate) -> Field {
    Field::date(label, on)
}

/// A date that may be empty (not completed, not handled, not withdrawn).
fn optional_date(label: Text, on: Option<NaiveDate>) -> Field {
    let typed = on.map(|d| d.to_string()).unwrap_or_default();
    Field::text(label, &typed).with_hint(Text::OptionalDateHint)
}

fn opt(s: &Option<String>) -> &str {
    s.as_deref().unwrap_or("")
}

/// A trajectory's kind, title, participants, requester and dates. With
/// `at_completion` the completion date has the focus (`c` on a completed
/// trajectory: a wrong completion date is corrected here).
pub fn trajectory(id: Id, t: &Trajectory, people: PeopleIndex, at_completion: bool) -> Form {
    let kind = match t.kind {
        TrajectoryKind::Coaching => 0,
        TrajectoryKind::Training => 1,
    };
    let mut f = form(
        Text::FormEditTrajectory,
        CorrectForm::Trajectory(id),
        vec![
            Field::choice(
                Text::FieldKind,
                vec![Text::KindCoaching, Text::KindTraining],
            )
            .with_choice(kind),
            Field::text(Text::FieldTitle, &t.title),
            Field::people(Text::FieldParticipants, people.clone(), &t.participants),
            Field::person(Text::FieldRequester, people, t.requester.as_ref(), true)
                .with_hint(Text::OptionalHint),
            optional_date(Text::FieldStartedOn, t.started_on),
            optional_date(Text::FieldCompletedOn, t.completed_on),
        ],
    )
    .with_note(Text::EditTrajectoryNote);
    if at_completion {
        f.focus = trajectory::COMPLETED_ON;
    }
    f
}

/// A document's kind, participant (one of its trajectory's), title and text.
pub fn document(id: Id, d: &Document, participants: Vec<(Id, String)>) -> Form {
    let at = participants
        .iter()
        .position(|(p, _)| *p == d.participant)
        .unwrap_or(0);
    let (ids, names): (Vec<Id>, Vec<String>) = participants.into_iter().unzip();
    let kind = match d.kind {
        DocumentKind::IndividualReport => 0,
        DocumentKind::QuestionnaireResult => 1,
    };
    let mut f = form(
        Text::FormEditDocument,
        CorrectForm::Document {
            id,
            participants: ids,
        },
        vec![
            Field::choice(
                Text::FieldKind,
                vec![Text::KindIndividualReport, Text::KindQuestionnaireResult],
            )
            .with_choice(kind),
            Field::names(Text::FieldParticipant, names).with_choice(at),
            Field::text(Text::FieldTitle, &d.title),
            Field::long_text(Text::FieldText, &d.body),
        ],
    );
    f.focus = document::TITLE;
    f
}

/// A team report's organisation, team, title and delivery date; its text
/// stays sealed.
pub fn team_report(id: Id, r: &TeamReport) -> Form {
    form(
        Text::FormEditTeamReport,
        CorrectForm::TeamReport(id),
        vec![
            Field::text(Text::FieldOrganisation, &r.organisation),
            Field::text(Text::FieldTeam, &r.team),
            Field::text(Text::FieldTitle, &r.title),
            date(Text::FieldDeliveredOn, r.delivered_on),
        ],
    )
    .with_note(Text::EditTeamReportNote)
}

pub fn contact(id: Id, c: &ContactRequest) -> Form {
    form(
        Text::FormEditContact,
        CorrectForm::Contact(id),
        vec![
            Field::text(Text::FieldName, &c.name),
            Field::text(Text::FieldEmail, opt(&c.email)).with_hint(Text::OptionalHint),
            Field::text(Text::FieldPhone, opt(&c.phone)).with_hint(Text::OptionalHint),
            Field::long_text(Text::FieldMessage, &c.message),
            date(Text::FieldReceivedOn, c.received_on),
            optional_date(Text::FieldFirstContactOn, c.first_contact_on),
        ],
    )
}

/// A quote's requester, participants, amount and dates; the date of its
/// decision only once it is decided.
pub fn quote(id: Id, q: &Quote, people: PeopleIndex, lang: Lang) -> Form {
    let mut fields = vec![
        Field::person(
            Text::FieldRequester,
            people.clone(),
            q.requester.as_ref(),
            false,
        )
        .with_hint(Text::PickHint),
        Field::people(Text::FieldParticipants, people, &q.participants),
        Field::text(Text::FieldAmount, &dates::typed_amount(lang, &q.amount))
            .with_hint(Text::AmountHint),
        date(Text::FieldSentOn, q.sent_on),
    ];
    let decided = match (q.accepted_on, q.declined_on) {
        (Some(on), _) => Some((Text::FieldAcceptedOn, on)),
        (None, Some(on)) => Some((Text::FieldDeclinedOn, on)),
        (None, None) => None,
    };
    if let Some((label, on)) = decided {
        fields.push(date(label, on));
    }
    form(Text::FormEditQuote, CorrectForm::Quote(id), fields)
}

pub fn subscriber(id: Id, s: &Subscriber) -> Form {
    form(
        Text::FormEditSubscriber,
        CorrectForm::Subscriber(id),
        vec![
            Field::text(Text::FieldEmail, &s.email),
            Field::text(Text::FieldName, opt(&s.name)).with_hint(Text::OptionalHint),
            Field::text(Text::FieldEvidence, &s.evidence).with_hint(Text::EvidenceHint),
            date(Text::FieldSubscribedOn, s.subscribed_on),
        ],
    )
}

pub fn consent(id: Id, c: &Consent) -> Form {
    form(
        Text::FormEditConsent,
        CorrectForm::Consent(id),
        vec![
            Field::text(Text::FieldRecipient, &c.recipient),
            Field::text(Text::FieldPurpose, &c.purpose),
            date(Text::FieldGivenOn, c.given_on),
            optional_date(Text::FieldWithdrawnOn, c.withdrawn_on),
        ],
    )
}

/// Which of a person's consents to correct: `consents` with their text.
pub fn pick_consent(consents: Vec<(Id, String)>) -> Form {
    let (ids, names): (Vec<Id>, Vec<String>) = consents.into_iter().unzip();
    form(
        Text::FormPickConsent,
        CorrectForm::PickConsent(ids),
        vec![Field::names(Text::FieldConsent, names)],
    )
}

/// A subject request's person, kind and dates, and its extension's reason
/// when it was extended. The person of an erased person's request is gone.
pub fn request(id: Id, r: &SubjectRequest, people: PeopleIndex) -> Form {
    let kinds = RequestKind::ALL
        .iter()
        .map(|k| ui::request_kind(*k))
        .collect();
    let kind = RequestKind::ALL
        .iter()
        .position(|k| *k == r.kind)
        .unwrap_or(0);
    let mut fields = vec![
        Field::person(
            Text::FieldPerson,
            people,
            r.person.as_ref(),
            r.person.is_none(),
        )
        .with_hint(Text::PickHint),
        Field::choice(Text::FieldRequestKind, kinds).with_choice(kind),
        date(Text::FieldReceivedOn, r.received_on),
        optional_date(Text::FieldHandledOn, r.handled_on),
    ];
    if let Some(reason) = &r.extension_reason {
        fields.push(Field::text(Text::FieldReason, reason));
    }
    let mut f = form(Text::FormEditRequest, CorrectForm::Request(id), fields);
    f.focus = request::KIND;
    f
}

pub fn complaint(id: Id, c: &Complaint, people: PeopleIndex) -> Form {
    let referred = if c.referred_to_ap { 0 } else { 1 };
    form(
        Text::FormEditComplaint,
        CorrectForm::Complaint(id),
        vec![
            Field::person(Text::FieldPerson, people, c.person.as_ref(), true)
                .with_hint(Text::OptionalHint),
            Field::long_text(Text::FieldSummary, &c.summary),
            date(Text::FieldReceivedOn, c.received_on),
            optional_date(Text::FieldHandledOn, c.handled_on),
            Field::choice(Text::FieldReferredToAp, YES_NO.to_vec()).with_choice(referred),
        ],
    )
}
