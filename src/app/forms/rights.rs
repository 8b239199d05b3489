//! The forms of screens 5–7 and of a person's rights, with their fields and
//! sensible defaults (dates default to the session's today).

use super::form::{Field, Form, PeopleIndex};
use super::purpose::{FormPurpose, RightsForm};
use crate::domain::Id;
use crate::domain::records::RequestKind;
use crate::i18n::Lang;
use crate::i18n::ui::{self, Text};
use chrono::NaiveDate;
use zeroize::Zeroizing;

/// Field positions, shared by the builders and `save::rights`.
pub mod contact {
    pub const NAME: usize = 0;
    pub const EMAIL: usize = 1;
    pub const PHONE: usize = 2;
    pub const MESSAGE: usize = 3;
    pub const RECEIVED_ON: usize = 4;
}

pub mod convert {
    pub const ORGANISATION: usize = 0;
    pub const TAKES_PART: usize = 1;
    pub const PARTICIPANT: usize = 2;
    pub const AMOUNT: usize = 3;
    pub const SENT_ON: usize = 4;
}

pub mod quote {
    pub const REQUESTER: usize = 0;
    pub const TAKES_PART: usize = 1;
    pub const PARTICIPANT: usize = 2;
    pub const AMOUNT: usize = 3;
    pub const SENT_ON: usize = 4;
}

pub mod subscriber {
    pub const EMAIL: usize = 0;
    pub const NAME: usize = 1;
    pub const SOURCE: usize = 2;
    pub const EVIDENCE: usize = 3;
    pub const SUBSCRIBED_ON: usize = 4;
}

pub mod request {
    pub const PERSON: usize = 0;
    pub const KIND: usize = 1;
    pub const RECEIVED_ON: usize = 2;
}

pub mod complaint {
    pub const PERSON: usize = 0;
    pub const SUMMARY: usize = 1;
    pub const RECEIVED_ON: usize = 2;
}

pub mod export {
    pub const FORMAT: usize = 0;
    pub const FILE: usize = 1;
    pub const OTHER_NAMES: usize = 2;
}

pub mod csv_export {
    pub const FILE: usize = 0;
}

pub mod consent {
    pub const RECIPIENT: usize = 0;
    pub const PURPOSE: usize = 1;
    pub const GIVEN_ON: usize = 2;
}

pub mod disclosure {
    pub const CONSENT: usize = 0;
    pub const WHAT: usize = 1;
    pub const ON: usize = 2;
}

pub mod withdraw {
    pub const CONSENT: usize = 0;
    pub const ON: usize = 1;
}

/// The choice of the "takes part" fields: index 0 is yes.
const YES_NO: [Text; 2] = [Text::ChoiceYes, Text::ChoiceNo];

/// The sources a subscriber can be added with by hand, in choice order
/// (people from quotes join only by accepting the quote).
pub const SOURCES: [Text; 3] = [Text::SourceWebinar, Text::SourceEbook, Text::SourceManual];

fn form(title: Text, purpose: RightsForm, fields: Vec<Field>) -> Form {
    Form::new(title, FormPurpose::Rights(purpose), fields)
}

fn date(label: Text, on: NaiveDate) -> Field {
    Field::date(label, on)
}

pub fn new_contact(today: NaiveDate) -> Form {
    form(
        Text::FormNewContact,
        RightsForm::NewContact,
        vec![
            Field::text(Text::FieldName, ""),
            Field::text(Text::FieldEmail, "").with_hint(Text::OptionalHint),
            Field::text(Text::FieldPhone, "").with_hint(Text::OptionalHint),
            Field::long_text(Text::FieldMessage, ""),
            date(Text::FieldReceivedOn, today),
        ],
    )
    .with_note(Text::ContactNote)
}

pub fn first_contact(id: Id, today: NaiveDate) -> Form {
    form(
        Text::FormFirstContact,
        RightsForm::FirstContact(id),
        vec![date(Text::FieldFirstContactOn, today)],
    )
    .with_note(Text::FirstContactNote)
}

pub fn convert(id: Id, people: PeopleIndex, today: NaiveDate) -> Form {
    form(
        Text::FormConvert,
        RightsForm::Convert(id),
        vec![
            Field::text(Text::FieldOrganisation, "").with_hint(Text::OptionalHint),
            Field::choice(Text::FieldTakesPart, YES_NO.to_vec()),
            Field::people(Text::FieldOtherParticipants, people, &[]),
            Field::text(Text::FieldAmount, "").with_hint(Text::AmountHint),
            date(Text::FieldSentOn, today),
        ],
    )
    .with_note(Text::ConvertNote)
}

pub fn new_quote(people: PeopleIndex, today: NaiveDate) -> Form {
    form(
        Text::FormNewQuote,
        RightsForm::NewQuote,
        vec![
            Field::person(Text::FieldRequester, people.clone(), None, false)
                .with_hint(Text::PickHint),
            Field::choice(Text::FieldTakesPart, YES_NO.to_vec()),
            Field::people(Text::FieldOtherParticipants, people, &[]),
            Field::text(Text::FieldAmount, "").with_hint(Text::AmountHint),
            date(Text::FieldSentOn, today),
        ],
    )
}

pub fn accept_quote(id: Id, today: NaiveDate) -> Form {
    form(
        Text::FormAcceptQuote,
        RightsForm::AcceptQuote(id),
        vec![date(Text::FieldAcceptedOn, today)],
    )
    .with_note(Text::AcceptNote)
}

pub fn decline_quote(id: Id, today: NaiveDate) -> Form {
    form(
        Text::FormDeclineQuote,
        RightsForm::DeclineQuote(id),
        vec![date(Text::FieldDeclinedOn, today)],
    )
    .with_note(Text::DeclineNote)
}

pub fn new_subscriber(today: NaiveDate) -> Form {
    form(
        Text::FormNewSubscriber,
        RightsForm::NewSubscriber,
        vec![
            Field::text(Text::FieldEmail, ""),
            Field::text(Text::FieldName, "").with_hint(Text::OptionalHint),
            Field::choice(Text::FieldSource, SOURCES.to_vec()),
            Field::text(Text::FieldEvidence, "").with_hint(Text::EvidenceHint),
            date(Text::FieldSubscribedOn, today),
        ],
    )
    .with_note(Text::SubscriberNote)
}

pub fn export_mailing() -> Form {
    form(
        Text::FormExportMailing,
        RightsForm::ExportMailing,
        vec![Field::text(Text::FieldPath, "").with_hint(Text::NewFileHint)],
    )
    .with_note(Text::ExportMailingNote)
}

pub fn new_request(people: PeopleIndex, person: Option<&Id>, today: NaiveDate) -> Form {
    let kinds = RequestKind::ALL
        .iter()
        .map(|k| ui::request_kind(*k))
        .collect();
    let mut f = form(
        Text::FormNewRequest,
        RightsForm::NewRequest,
        vec![
            Field::person(Text::FieldPerson, people, person, false).with_hint(Text::PickHint),
            Field::choice(Text::FieldRequestKind, kinds),
            date(Text::FieldReceivedOn, today),
        ],
    )
    .with_note(Text::RequestNote);
    if person.is_some() {
        f.focus = request::KIND;
    }
    f
}

pub fn extend_request(id: Id) -> Form {
    form(
        Text::FormExtendRequest,
        RightsForm::ExtendRequest(id),
        vec![Field::text(Text::FieldReason, "")],
    )
    .with_note(Text::ExtendNote)
}

pub fn request_handled(id: Id, today: NaiveDate) -> Form {
    form(
        Text::FormRequestHandled,
        RightsForm::RequestHandled(id),
        vec![date(Text::FieldHandledOn, today)],
    )
}

pub fn new_complaint(people: PeopleIndex, today: NaiveDate) -> Form {
    form(
        Text::FormNewComplaint,
        RightsForm::NewComplaint,
        vec![
            Field::person(Text::FieldPerson, people, None, true).with_hint(Text::OptionalHint),
            Field::long_text(Text::FieldSummary, ""),
            date(Text::FieldReceivedOn, today),
        ],
    )
}

pub fn complaint_handled(id: Id, today: NaiveDate) -> Form {
    form(
        Text::FormComplaintHandled,
        RightsForm::ComplaintHandled(id),
        vec![date(Text::FieldHandledOn, today)],
    )
}

/// The access export of `person`. `other_names` are the names and
/// addresses of other people its titles and texts hold: they are listed
/// above the fields, with the choice to replace or keep them, before
/// anything is written.
pub fn access_export(person: Id, other_names: &[String], lang: Lang) -> Form {
    let mut fields = vec![
        Field::choice(
            Text::FieldFormat,
            vec![Text::FormatMarkdown, Text::FormatJson],
        ),
        Field::text(Text::FieldPath, "").with_hint(Text::NewFileHint),
    ];
    let mut f = if other_names.is_empty() {
        form(
            Text::FormAccessExport,
            RightsForm::AccessExport(person),
            fields,
        )
    } else {
        fields.push(Field::choice(
            Text::FieldOtherNames,
            vec![Text::OtherNamesReplace, Text::OtherNamesKeep],
        ));
        let mut f = form(
            Text::FormAccessExport,
            RightsForm::AccessExport(person),
            fields,
        );
        let found = crate::i18n::export::other_names_found(lang, other_names);
        f.shown = Some(Zeroizing::new(format!(
            "{found}\n{}",
            Text::OtherNamesChoose.get(lang)
        )));
        f
    };
    f.note = Some(Text::AccessExportNote);
    f
}

pub fn new_consent(person: Id, today: NaiveDate) -> Form {
    form(
        Text::FormNewConsent,
        RightsForm::NewConsent(person),
        vec![
            Field::text(Text::FieldRecipient, ""),
            Field::text(Text::FieldPurpose, ""),
            date(Text::FieldGivenOn, today),
        ],
    )
    .with_note(Text::ConsentNote)
}

/// `consents`: the active consents, with their text for the choice.
pub fn withdraw_consent(consents: Vec<(Id, String)>, today: NaiveDate) -> Form {
    let (ids, names): (Vec<Id>, Vec<String>) = consents.into_iter().unzip();
    form(
        Text::FormWithdrawConsent,
        RightsForm::WithdrawConsent(ids),
        vec![
            Field::names(Text::FieldConsent, names),
            date(Text::FieldWithdrawnOn, today),
        ],
    )
}

/// A disclosure of `person`'s data: `consents` are their active consents,
/// as (recipient, text for the choice); only those recipients can be chosen.
pub fn new_disclosure(person: Id, consents: Vec<(String, String)>, today: NaiveDate) -> Form {
    let (recipients, names): (Vec<String>, Vec<String>) = consents.into_iter().unzip();
    form(
        Text::FormNewDisclosure,
        RightsForm::NewDisclosure { person, recipients },
        vec![
            Field::names(Text::FieldConsent, names),
            Field::text(Text::FieldWhat, ""),
            date(Text::FieldDisclosedOn, today),
        ],
    )
    .with_note(Text::DisclosureNote)
}
