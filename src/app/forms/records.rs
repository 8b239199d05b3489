//! The record forms (people, trajectories, documents, team reports), built
//! with their fields and sensible defaults.

use super::form::{Field, Form, PeopleIndex};
use super::purpose::FormPurpose;
use crate::domain::{Id, Person};
use crate::i18n::ui::Text;
use chrono::NaiveDate;
use zeroize::Zeroizing;

/// Field positions, shared by the builders and `save::records`.
pub mod person {
    pub const NAME: usize = 0;
    pub const EMAIL: usize = 1;
    pub const PHONE: usize = 2;
    pub const ORGANISATION: usize = 3;
}

pub mod trajectory {
    pub const KIND: usize = 0;
    pub const TITLE: usize = 1;
    pub const PARTICIPANT: usize = 2;
    pub const REQUESTER: usize = 3;
    pub const STARTED_ON: usize = 4;
}

pub mod attach {
    pub const KIND: usize = 0;
    pub const PARTICIPANT: usize = 1;
    pub const TITLE: usize = 2;
    pub const TEXT: usize = 3;
    pub const FILES: usize = 4;
}

pub mod team_report {
    pub const ORGANISATION: usize = 0;
    pub const TEAM: usize = 1;
    pub const TITLE: usize = 2;
    pub const DELIVERED_ON: usize = 3;
    pub const TEXT: usize = 4;
    pub const FILES: usize = 5;
    pub const PASSWORD_MODE: usize = 6;
    /// The choice of `PASSWORD_MODE` that shows `OWN_PASSWORD`.
    pub const OWN: usize = 1;
    pub const OWN_PASSWORD: usize = 7;
}

pub fn new_person() -> Form {
    Form::new(
        Text::FormNewPerson,
        FormPurpose::NewPerson,
        person_fields(None),
    )
}

pub fn edit_person(id: Id, p: &Person) -> Form {
    Form::new(
        Text::FormEditPerson,
        FormPurpose::EditPerson(id),
        person_fields(Some(p)),
    )
}

fn person_fields(p: Option<&Person>) -> Vec<Field> {
    let get = |f: fn(&Person) -> Option<&String>| p.and_then(f).map_or("", String::as_str);
    vec![
        Field::text(Text::FieldName, p.map_or("", |p| p.name.as_str())),
        Field::text(Text::FieldEmail, get(|p| p.email.as_ref())).with_hint(Text::OptionalHint),
        Field::text(Text::FieldPhone, get(|p| p.phone.as_ref())).with_hint(Text::OptionalHint),
        Field::text(Text::FieldOrganisation, get(|p| p.organisation.as_ref()))
            .with_hint(Text::OptionalHint),
    ]
}

pub fn start_trajectory(people: PeopleIndex, participant: Option<&Id>, today: NaiveDate) -> Form {
    let mut form = Form::new(
        Text::FormStartTrajectory,
        FormPurpose::StartTrajectory,
        vec![
            Field::choice(
                Text::FieldKind,
                vec![Text::KindCoaching, Text::KindTraining],
            ),
            Field::text(Text::FieldTitle, ""),
            Field::people(
                Text::FieldParticipants,
                people.clone(),
                &participant.cloned().into_iter().collect::<Vec<_>>(),
            ),
            Field::person(Text::FieldRequester, people, None, true).with_hint(Text::OptionalHint),
            Field::date(Text::FieldStartedOn, today),
        ],
    );
    form.focus = trajectory::TITLE;
    form
}

pub fn attach(trajectory: Id, participants: Vec<(Id, String)>) -> Form {
    let (ids, names): (Vec<Id>, Vec<String>) = participants.into_iter().unzip();
    Form::new(
        Text::FormAttach,
        FormPurpose::Attach {
            trajectory,
            participants: ids,
        },
        vec![
            Field::choice(
                Text::FieldKind,
                vec![Text::KindIndividualReport, Text::KindQuestionnaireResult],
            ),
            Field::names(Text::FieldParticipant, names),
            Field::text(Text::FieldTitle, ""),
            Field::long_text(Text::FieldText, ""),
            Field::path(Text::FieldFiles, "").with_hint(Text::FilesHint),
        ],
    )
}

pub fn complete(trajectory: Id, today: NaiveDate) -> Form {
    Form::new(
        Text::FormComplete,
        FormPurpose::Complete(trajectory),
        vec![Field::date(Text::FieldCompletedOn, today)],
    )
    .with_note(Text::CompleteHint)
}

pub fn new_team_report(today: NaiveDate) -> Form {
    Form::new(
        Text::FormNewTeamReport,
        FormPurpose::NewTeamReport,
        vec![
            Field::text(Text::FieldOrganisation, ""),
            Field::text(Text::FieldTeam, ""),
            Field::text(Text::FieldTitle, ""),
            Field::date(Text::FieldDeliveredOn, today),
            Field::long_text(Text::FieldText, ""),
            Field::path(Text::FieldFiles, "").with_hint(Text::FilesHint),
            Field::choice(
                Text::FieldPasswordMode,
                vec![Text::ChoiceGenerated, Text::ChoiceOwn],
            ),
            Field::secret(Text::FieldOwnPassword)
                .shown_when(team_report::PASSWORD_MODE, team_report::OWN),
        ],
    )
}

pub mod keep_password {
    pub const LAST_GROUP: usize = 0;
    pub const SAVE_TO: usize = 1;
}

/// A generated password shown once, with the two ways to close it: its
/// last group typed back, or a file to keep it in.
pub fn keep_password(password: Zeroizing<String>, shown: String) -> Form {
    let mut form = Form::new(
        Text::PasswordShownOnceTitle,
        FormPurpose::KeepPassword(password),
        vec![
            Field::text(Text::FieldLastGroup, ""),
            Field::text(Text::FieldSaveTo, "").with_hint(Text::NewFileHint),
        ],
    )
    .with_note(Text::KeepPasswordHow);
    form.shown = Some(Zeroizing::new(shown));
    form
}

pub fn open_team_report(id: Id) -> Form {
    Form::new(
        Text::FormOpenTeamReport,
        FormPurpose::OpenTeamReport(id),
        vec![Field::secret(Text::FieldPassword)],
    )
}
