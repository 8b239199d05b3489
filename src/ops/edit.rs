//! The record operations of the terminal UI: each builds records from what
//! the coach entered, checks them, and changes the vault through
//! `Session::commit` (all or nothing, with an audit entry).

use super::purge::{self, Receipt};
use super::session::Session;
use crate::domain::calendar::{add_months, in_future};
use crate::domain::removal::plan_removal;
use crate::domain::retention::{self, Deadline};
use crate::domain::text;
use crate::domain::{
    AnyRecord, Document, DocumentKind, Id, Kind, Person, TeamReport, Trajectory, TrajectoryKind,
};
use crate::i18n::Lang;
use crate::i18n::ui::{self, Text};
use crate::vault::VaultError;
use crate::vault::team_seal;
/// A team report's password: how it can fail, the strength of a generated
/// one, and the estimate a chosen one is held against.
pub use crate::vault::team_seal::{GENERATED_BITS, TeamSealError, estimate_bits};
use chrono::NaiveDate;
use std::path::{Path, PathBuf};
use zeroize::Zeroizing;

/// The largest text file that can be attached.
pub const MAX_FILE_BYTES: u64 = 1024 * 1024;
/// A chosen team-report password below this many bits needs the coach's
/// explicit consent after a warning.
pub const STRONG_BITS: u32 = 100;

/// What is wrong with the input. Carries no content, so it can be shown and
/// logged safely; the UI words it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Problem {
    NameRequired,
    TitleRequired,
    FieldRequired,
    BadDate,
    BadEmail,
    ParticipantRequired,
    UnknownPerson,
    UnknownRecord,
    NotParticipant,
    AlreadyCompleted,
    CompletedBeforeStart,
    DateInFuture,
    BodyRequired,
    /// A record of text and files has neither (DESIGN.md §13.1).
    TextOrFiles,
    FileUnreadable,
    FileTooLarge,
    FileNotText,
    PasswordRequired,
    /// A control character (an escape code, a line break in a one-line
    /// field) in what was entered or read.
    ControlCharacter,
    /// A participant removed from a trajectory still has documents in it.
    ParticipantHasDocuments,
}

#[derive(Debug, thiserror::Error)]
pub enum EditError {
    #[error("the input is not valid: {0:?}")]
    Invalid(Problem),
    /// The chosen password is weak; `accept_weak` was not given.
    #[error("the chosen password is weak (about {bits} bits)")]
    WeakPassword { bits: u32 },
    #[error("{0}")]
    Seal(TeamSealError),
    #[error(transparent)]
    Vault(#[from] VaultError),
}

impl From<Problem> for EditError {
    fn from(p: Problem) -> EditError {
        EditError::Invalid(p)
    }
}

impl Problem {
    /// What a problem with the input says.
    pub fn text(self) -> Text {
        match self {
            Problem::NameRequired => Text::ProblemNameRequired,
            Problem::TitleRequired => Text::ProblemTitleRequired,
            Problem::FieldRequired => Text::ProblemFieldRequired,
            Problem::BadDate => Text::ProblemBadDate,
            Problem::BadEmail => Text::ProblemBadEmail,
            Problem::ParticipantRequired => Text::ProblemParticipantRequired,
            Problem::UnknownPerson => Text::ProblemUnknownPerson,
            Problem::UnknownRecord => Text::ProblemUnknownRecord,
            Problem::NotParticipant => Text::ProblemNotParticipant,
            Problem::AlreadyCompleted => Text::ProblemAlreadyCompleted,
            Problem::CompletedBeforeStart => Text::ProblemCompletedBeforeStart,
            Problem::DateInFuture => Text::ProblemDateInFuture,
            Problem::BodyRequired => Text::ProblemBodyRequired,
            Problem::TextOrFiles => Text::ProblemTextOrFiles,
            Problem::FileUnreadable => Text::ProblemFileUnreadable,
            Problem::FileTooLarge => Text::ProblemFileTooLarge,
            Problem::FileNotText => Text::ProblemFileNotText,
            Problem::PasswordRequired => Text::ProblemPasswordRequired,
            Problem::ControlCharacter => Text::ProblemControlCharacter,
            Problem::ParticipantHasDocuments => Text::ProblemParticipantHasDocuments,
        }
    }
}

impl EditError {
    /// The sentence for a failed change, for both front ends; never
    /// contains record content.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            EditError::Invalid(p) => p.text().get(lang).to_string(),
            EditError::WeakPassword { bits } => ui::weak_password(lang, *bits, GENERATED_BITS),
            EditError::Seal(TeamSealError::WrongPassword) => {
                Text::WrongTeamPassword.get(lang).into()
            }
            EditError::Seal(_) => Text::DamagedTeamReport.get(lang).into(),
            EditError::Vault(v) => super::vault_words::vault_failed(lang, v),
        }
    }
}

pub type EditResult<T> = Result<T, EditError>;

/// A person as typed in the form. Empty optional fields become `None`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PersonInput {
    pub name: String,
    pub email: String,
    pub phone: String,
    pub organisation: String,
}

/// A single-line field: trimmed, `None` when blank, refused with a control
/// character in it (`domain::text`, the rule of an import too).
pub(crate) fn optional(s: &str) -> EditResult<Option<String>> {
    if !text::is_clean_line(s) {
        return Err(Problem::ControlCharacter.into());
    }
    let t = s.trim();
    Ok((!t.is_empty()).then(|| t.to_string()))
}

pub(crate) fn required(s: &str, problem: Problem) -> EditResult<String> {
    optional(s)?.ok_or(EditError::Invalid(problem))
}

fn person_from(input: &PersonInput, created_on: NaiveDate) -> EditResult<Person> {
    let name = required(&input.name, Problem::NameRequired)?;
    let email = optional(&input.email)?;
    if let Some(e) = &email {
        let (local, domain) = e.split_once('@').ok_or(Problem::BadEmail)?;
        if local.is_empty() || !domain.contains('.') || e.contains(char::is_whitespace) {
            return Err(Problem::BadEmail.into());
        }
    }
    Ok(Person {
        name,
        email,
        phone: optional(&input.phone)?,
        organisation: optional(&input.organisation)?,
        created_on,
    })
}

pub fn add_person(s: &mut Session, input: &PersonInput) -> EditResult<Id> {
    let person = person_from(input, s.today())?;
    let id = s.data.new_id();
    s.commit(
        "person_add",
        vec![(id.clone(), AnyRecord::Person(person))],
        vec![],
    )?;
    Ok(id)
}

pub fn edit_person(s: &mut Session, id: &Id, input: &PersonInput) -> EditResult<()> {
    let old = s.data.people.get(id).ok_or(Problem::UnknownPerson)?;
    let person = person_from(input, old.created_on)?;
    s.commit(
        "person_edit",
        vec![(id.clone(), AnyRecord::Person(person))],
        vec![],
    )?;
    Ok(())
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrajectoryInput {
    pub kind: TrajectoryKind,
    pub title: String,
    pub participants: Vec<Id>,
    pub requester: Option<Id>,
    pub started_on: Option<NaiveDate>,
}

pub fn start_trajectory(s: &mut Session, input: &TrajectoryInput) -> EditResult<Id> {
    let title = required(&input.title, Problem::TitleRequired)?;
    if input.participants.is_empty() {
        return Err(Problem::ParticipantRequired.into());
    }
    let known = |p: &Id| s.data.people.contains_key(p);
    if !input.participants.iter().all(known) || !input.requester.iter().all(known) {
        return Err(Problem::UnknownPerson.into());
    }
    let trajectory = Trajectory {
        kind: input.kind,
        title,
        participants: input.participants.clone(),
        requester: input.requester.clone(),
        started_on: input.started_on,
        completed_on: None,
    };
    let id = s.data.new_id();
    s.commit(
        "trajectory_start",
        vec![(id.clone(), AnyRecord::Trajectory(trajectory))],
        vec![],
    )?;
    Ok(id)
}

/// Where a document's text comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Body {
    Typed(String),
    File(PathBuf),
}

impl Body {
    /// The text, with line breaks and tabs but no other control character.
    fn read(&self) -> EditResult<Zeroizing<String>> {
        let body = match self {
            Body::Typed(t) => Zeroizing::new(t.clone()),
            Body::File(p) => read_text_file(p)?,
        };
        if !text::is_clean_text(&body) {
            return Err(Problem::ControlCharacter.into());
        }
        Ok(body)
    }
}

/// The contents of a text file: at most `MAX_FILE_BYTES`, UTF-8.
pub fn read_text_file(path: &Path) -> EditResult<Zeroizing<String>> {
    let meta = std::fs::metadata(path).map_err(|_| Problem::FileUnreadable)?;
    if !meta.is_file() {
        return Err(Problem::FileUnreadable.into());
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(Problem::FileTooLarge.into());
    }
    let bytes = Zeroizing::new(std::fs::read(path).map_err(|_| Problem::FileUnreadable)?);
    let text = std::str::from_utf8(&bytes).map_err(|_| Problem::FileNotText)?;
    if text.trim().is_empty() {
        return Err(Problem::BodyRequired.into());
    }
    Ok(Zeroizing::new(text.to_string()))
}

/// A new document, checked, without files: of a participant of the
/// trajectory, with a title, and with the text of `body` (empty without one:
/// a document of files only, see `attachments::add_document`).
pub fn new_document(
    s: &Session,
    trajectory: &Id,
    participant: &Id,
    kind: DocumentKind,
    title: &str,
    body: Option<&Body>,
) -> EditResult<Document> {
    let t = s
        .data
        .trajectories
        .get(trajectory)
        .ok_or(Problem::UnknownRecord)?;
    if !t.participants.contains(participant) {
        return Err(Problem::NotParticipant.into());
    }
    let title = required(title, Problem::TitleRequired)?;
    let body = match body {
        Some(b) => b.read()?.to_string(),
        None => String::new(),
    };
    Ok(Document {
        trajectory: trajectory.clone(),
        participant: participant.clone(),
        kind,
        title,
        body,
        created_on: s.today(),
        files: Vec::new(),
    })
}

/// Completes a trajectory on `on`, which starts the P1 clock; returns the
/// new deadline of the trajectory and its documents.
pub fn complete_trajectory(s: &mut Session, id: &Id, on: NaiveDate) -> EditResult<NaiveDate> {
    let t = s.data.trajectories.get(id).ok_or(Problem::UnknownRecord)?;
    if t.completed_on.is_some() {
        return Err(Problem::AlreadyCompleted.into());
    }
    if t.started_on.is_some_and(|st| on < st) {
        return Err(Problem::CompletedBeforeStart.into());
    }
    if in_future(on, s.today()) {
        return Err(Problem::DateInFuture.into());
    }
    let mut done = t.clone();
    done.completed_on = Some(on);
    s.commit(
        "trajectory_complete",
        vec![(id.clone(), AnyRecord::Trajectory(done))],
        vec![],
    )?;
    let deadline = s
        .deadlines()
        .get(&(Kind::Trajectory, id.clone()))
        .and_then(|d| d.date())
        .unwrap_or_else(|| add_months(on, s.data.periods().trajectory));
    Ok(deadline)
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TeamReportInput {
    pub organisation: String,
    pub team: String,
    pub title: String,
    pub delivered_on: NaiveDate,
    pub body: Body,
}

/// How a team report's password is chosen (DESIGN.md §7.5).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PasswordChoice {
    /// Generated (125 bits), returned once to be shown.
    Generated,
    /// Chosen by the coach; a weak one needs `accept_weak` after a warning.
    Chosen {
        password: Zeroizing<String>,
        accept_weak: bool,
    },
}

/// Seals and stores a team report. Returns its id and, for a generated
/// password, that password (to be shown once and then dropped).
pub fn add_team_report(
    s: &mut Session,
    input: &TeamReportInput,
    choice: &PasswordChoice,
) -> EditResult<(Id, Option<Zeroizing<String>>)> {
    let sealed = new_team_report(s, input, choice)?;
    let id = s.data.new_id();
    s.commit(
        "team_report_add",
        vec![(id.clone(), AnyRecord::TeamReport(sealed.report))],
        vec![],
    )?;
    Ok((id, sealed.shown))
}

/// A team report checked and sealed, not stored yet.
pub struct SealedTeamReport {
    pub report: TeamReport,
    /// The password it is sealed under.
    pub password: Zeroizing<String>,
    /// A generated password, to be shown once.
    pub shown: Option<Zeroizing<String>>,
}

/// Checks `input` and seals it under the chosen or a generated password.
pub fn new_team_report(
    s: &Session,
    input: &TeamReportInput,
    choice: &PasswordChoice,
) -> EditResult<SealedTeamReport> {
    let organisation = required(&input.organisation, Problem::FieldRequired)?;
    let team = required(&input.team, Problem::FieldRequired)?;
    let title = required(&input.title, Problem::TitleRequired)?;
    if in_future(input.delivered_on, s.today()) {
        return Err(Problem::DateInFuture.into());
    }
    let body = input.body.read()?;
    let (password, shown) = match choice {
        PasswordChoice::Generated => {
            let p = team_seal::generate_password()?;
            (p.clone(), Some(p))
        }
        PasswordChoice::Chosen {
            password,
            accept_weak,
        } => {
            if password.is_empty() {
                return Err(Problem::PasswordRequired.into());
            }
            let bits = team_seal::estimate_bits(password);
            if bits < STRONG_BITS && !accept_weak {
                return Err(EditError::WeakPassword { bits });
            }
            (password.clone(), None)
        }
    };
    let sealed_body = team_seal::seal(&password, &body).map_err(EditError::Seal)?;
    let report = TeamReport {
        organisation,
        team,
        title,
        delivered_on: input.delivered_on,
        sealed_body,
        files: Vec::new(),
    };
    Ok(SealedTeamReport {
        report,
        password,
        shown,
    })
}

/// The body of a team report, only with its own password.
pub fn open_team_report(s: &Session, id: &Id, password: &str) -> EditResult<Zeroizing<String>> {
    let r = s.data.team_reports.get(id).ok_or(Problem::UnknownRecord)?;
    team_seal::open(password, &r.sealed_body).map_err(EditError::Seal)
}

/// What deleting `selection` takes with it (for the confirmation).
pub fn delete_preview(s: &Session, selection: &[(Kind, Id)]) -> Receipt {
    purge::preview(s, selection)
}

/// Deletes records the coach chose (expired or not) and what exists only
/// through them, in one change.
pub fn delete(s: &mut Session, selection: &[(Kind, Id)]) -> EditResult<Receipt> {
    let receipt = purge::preview(s, selection);
    if receipt.total == 0 {
        return Ok(receipt);
    }
    let removal = plan_removal(&s.data, selection);
    s.commit("delete", removal.updates, removal.deletes)?;
    Ok(receipt)
}

/// Parses a typed date: `2026-12-01` or `1-12-2026` (`calendar::parse_date`).
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    crate::domain::calendar::parse_date(s)
}

/// The deadline of one record, for messages after a change.
pub fn deadline_of(s: &Session, kind: Kind, id: &Id) -> Deadline {
    retention::deadline_of(&s.deadlines(), kind, id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ops::Clock;
    use crate::ops::attachments::{FileError, NewDocument, add_document};
    use crate::vault::{KdfParams, Vault};

    fn session(dir: &Path) -> Session {
        let clock = Clock::parse("2026-11-25T09:00:00+01:00").unwrap();
        let vault =
            Vault::create(&dir.join("v"), b"pw", KdfParams::FOR_TESTS, &clock.stamp()).unwrap();
        Session::load(vault, clock).unwrap()
    }

    fn person(s: &mut Session, name: &str) -> Id {
        let input = PersonInput {
            name: name.into(),
            ..PersonInput::default()
        };
        add_person(s, &input).unwrap()
    }

    fn d(s: &str) -> NaiveDate {
        parse_date(s).unwrap()
    }

    /// A trajectory with `participant` as its one participant.
    fn trajectory(
        s: &mut Session,
        kind: TrajectoryKind,
        title: &str,
        participant: &Id,
        started_on: Option<NaiveDate>,
    ) -> Id {
        let input = TrajectoryInput {
            kind,
            title: title.into(),
            participants: vec![participant.clone()],
            requester: None,
            started_on,
        };
        start_trajectory(s, &input).unwrap()
    }

    #[test]
    fn control_characters_are_refused_as_at_an_import() {
        let dir = tempfile::tempdir().unwrap();
        let mut s = session(dir.path());
        for (name, phone) in [
            ("Anna\u{1b}[2J", ""),
            ("Anna", "06\r\n12"),
            ("A\u{202e}", ""),
        ] {
            let input = PersonInput {
                name: name.into(),
                phone: phone.into(),
                ..PersonInput::default()
            };
            assert!(matches!(
                add_person(&mut s, &input),
                Err(EditError::Invalid(Problem::ControlCharacter))
            ));
        }
        assert!(s.data.people.is_empty());
        assert!(matches!(
            Body::Typed("regel\u{1b}]0;x\u{7}".into()).read(),
            Err(EditError::Invalid(Problem::ControlCharacter))
        ));
        assert_eq!(
            Body::Typed("regel 1\r\n\tregel 2".into())
                .read()
                .unwrap()
                .as_str(),
            "regel 1\r\n\tregel 2"
        );
    }

    #[test]
    fn people_are_checked_and_edited() {
        let dir = tempfile::tempdir().unwrap();
        let mut s = session(dir.path());
        let bad = PersonInput {
            name: " ".into(),
            ..PersonInput::default()
        };
        assert!(matches!(
            add_person(&mut s, &bad),
            Err(EditError::Invalid(Problem::NameRequired))
        ));
        let bad_mail = PersonInput {
            name: "Anna".into(),
            email: "anna".into(),
            ..PersonInput::default()
        };
        assert!(matches!(
            add_person(&mut s, &bad_mail),
            Err(EditError::Invalid(Problem::BadEmail))
        ));
        let id = person(&mut s, "Anna de Vries");
        let edit = PersonInput {
            name: "Anna de Vries".into(),
            email: "anna@example.nl".into(),
            phone: String::new(),
            organisation: "Gemeente Utrecht".into(),
        };
        edit_person(&mut s, &id, &edit).unwrap();
        let p = &s.data.people[&id];
        assert_eq!(p.email.as_deref(), Some("anna@example.nl"));
        assert_eq!(p.phone, None);
        assert_eq!(p.created_on, d("2026-11-25"));
    }

    #[test]
    fn completing_starts_the_two_month_clock_for_documents() {
        let dir = tempfile::tempdir().unwrap();
        let mut s = session(dir.path());
        let anna = person(&mut s, "Anna");
        let t = trajectory(
            &mut s,
            TrajectoryKind::Coaching,
            "Loopbaancoaching",
            &anna,
            Some(d("2026-09-01")),
        );
        let file = dir.path().join("rapport.txt");
        std::fs::write(&file, "Eindrapport: goed gegaan").unwrap();
        let doc = add_document(
            &mut s,
            &NewDocument {
                trajectory: t.clone(),
                participant: anna.clone(),
                kind: DocumentKind::IndividualReport,
                title: "Eindrapport".into(),
                body: Some(Body::File(file)),
                files: Vec::new(),
            },
        )
        .unwrap();
        assert_eq!(s.data.documents[&doc].body, "Eindrapport: goed gegaan");
        assert_eq!(
            deadline_of(&s, Kind::IndividualReport, &doc),
            Deadline::Open
        );
        assert!(matches!(
            complete_trajectory(&mut s, &t, d("2026-08-01")),
            Err(EditError::Invalid(Problem::CompletedBeforeStart))
        ));
        let deadline = complete_trajectory(&mut s, &t, d("2026-10-31")).unwrap();
        assert_eq!(deadline, d("2026-12-31"));
        assert_eq!(
            deadline_of(&s, Kind::IndividualReport, &doc),
            Deadline::On(d("2026-12-31"))
        );
        assert!(matches!(
            complete_trajectory(&mut s, &t, d("2026-11-01")),
            Err(EditError::Invalid(Problem::AlreadyCompleted))
        ));
        // Reloading from the vault shows the same.
        let reloaded = s.data.clone();
        assert_eq!(
            reloaded.trajectories[&t].completed_on,
            Some(d("2026-10-31"))
        );
    }

    #[test]
    fn a_document_needs_a_participant_and_a_readable_text_file() {
        let dir = tempfile::tempdir().unwrap();
        let mut s = session(dir.path());
        let anna = person(&mut s, "Anna");
        let bob = person(&mut s, "Bob");
        let t = trajectory(&mut s, TrajectoryKind::Training, "Training", &anna, None);
        let r = add_document(
            &mut s,
            &NewDocument {
                trajectory: t,
                participant: bob,
                kind: DocumentKind::QuestionnaireResult,
                title: "Uitslag".into(),
                body: Some(Body::Typed("x".into())),
                files: Vec::new(),
            },
        );
        assert!(matches!(
            r,
            Err(FileError::Edit(EditError::Invalid(Problem::NotParticipant)))
        ));
        let missing = read_text_file(&dir.path().join("nope.txt"));
        assert!(matches!(
            missing,
            Err(EditError::Invalid(Problem::FileUnreadable))
        ));
        let binary = dir.path().join("bin");
        std::fs::write(&binary, [0xff, 0xfe, 0x00]).unwrap();
        assert!(matches!(
            read_text_file(&binary),
            Err(EditError::Invalid(Problem::FileNotText))
        ));
    }

    #[test]
    fn team_reports_open_only_with_their_password() {
        let dir = tempfile::tempdir().unwrap();
        let mut s = session(dir.path());
        let input = TeamReportInput {
            organisation: "Gemeente".into(),
            team: "Team Noord".into(),
            title: "Teamadvies".into(),
            delivered_on: d("2026-10-01"),
            body: Body::Typed("Vertrouwen herstellen".into()),
        };
        let (id, shown) = add_team_report(&mut s, &input, &PasswordChoice::Generated).unwrap();
        let password = shown.unwrap();
        assert_eq!(
            &open_team_report(&s, &id, &password).unwrap()[..],
            "Vertrouwen herstellen"
        );
        assert!(matches!(
            open_team_report(&s, &id, "wrong"),
            Err(EditError::Seal(TeamSealError::WrongPassword))
        ));
        assert!(!s.data.team_reports[&id].sealed_body.contains("Vertrouwen"));

        let weak = PasswordChoice::Chosen {
            password: Zeroizing::new("welkom".into()),
            accept_weak: false,
        };
        assert!(matches!(
            add_team_report(&mut s, &input, &weak),
            Err(EditError::WeakPassword { .. })
        ));
        let accepted = PasswordChoice::Chosen {
            password: Zeroizing::new("welkom".into()),
            accept_weak: true,
        };
        let (id2, shown2) = add_team_report(&mut s, &input, &accepted).unwrap();
        assert!(shown2.is_none());
        assert!(open_team_report(&s, &id2, "welkom").is_ok());
    }

    #[test]
    fn delete_takes_documents_with_the_trajectory() {
        let dir = tempfile::tempdir().unwrap();
        let mut s = session(dir.path());
        let anna = person(&mut s, "Anna");
        let t = trajectory(&mut s, TrajectoryKind::Coaching, "Coaching", &anna, None);
        add_document(
            &mut s,
            &NewDocument {
                trajectory: t.clone(),
                participant: anna,
                kind: DocumentKind::IndividualReport,
                title: "Rapport".into(),
                body: Some(Body::Typed("tekst".into())),
                files: Vec::new(),
            },
        )
        .unwrap();
        let sel = vec![(Kind::Trajectory, t)];
        let preview = delete_preview(&s, &sel);
        assert_eq!(preview.total, 2);
        let receipt = delete(&mut s, &sel).unwrap();
        assert_eq!(receipt.total, 2);
        assert!(s.data.documents.is_empty() && s.data.trajectories.is_empty());
    }
}
