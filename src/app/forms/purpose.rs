//! What each form is for: the purpose decides how a form is saved. The
//! purposes of every feature are here, apart from their builders, so the
//! widget can carry one without knowing the features.

use crate::app::files::FilesOwner;
use crate::domain::Id;
use zeroize::Zeroizing;

/// What a form is for; decides how it is saved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormPurpose {
    NewPerson,
    EditPerson(Id),
    StartTrajectory,
    Attach {
        trajectory: Id,
        participants: Vec<Id>,
    },
    Complete(Id),
    NewTeamReport,
    OpenTeamReport(Id),
    /// A form of the Breaches screen.
    Breach(BreachForm),
    /// Screens 5–7 and a person's rights (DESIGN.md §5, §10).
    Rights(RightsForm),
    /// Correcting a record (P8).
    Correct(CorrectForm),
    /// A record's files (DESIGN.md §13.1).
    Files(FilesForm),
    /// A generated team-report password, shown once: it closes only when
    /// the coach types its last group back or saves it to a file.
    KeepPassword(Zeroizing<String>),
    /// Where a backup of the vault goes (DESIGN.md §13.4).
    Backup,
    /// The practice profile (DESIGN.md §13.2).
    Practice,
    /// The practice's name and e-mail address, asked on the first run.
    PracticeFirstRun,
}

/// What a form about a record's files is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FilesForm {
    /// The team report's password, then its files.
    TeamReportPassword(Id),
    /// Files to add.
    Attach(FilesOwner),
    /// Where a copy of the file `name` goes.
    SaveCopy { owner: FilesOwner, name: String },
}

/// Which record a correction form corrects.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CorrectForm {
    Trajectory(Id),
    /// A document; `participants` are its trajectory's, in the order of
    /// the choice.
    Document {
        id: Id,
        participants: Vec<Id>,
    },
    TeamReport(Id),
    Contact(Id),
    Quote(Id),
    Subscriber(Id),
    Consent(Id),
    /// Which of a person's consents to correct, in the order of the choice.
    PickConsent(Vec<Id>),
    Request(Id),
    Complaint(Id),
}

/// What a breach form is for; decides how it is saved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BreachForm {
    New,
    Edit(Id),
    /// The action plan's text, then the step is ticked.
    ActionPlan(Id),
    /// Notified (with the AP's reference) or not (with the reason).
    Authority(Id),
    /// Informed (and how) or not (with the reason).
    People(Id),
    /// The risk assessment questions.
    Assess(Id),
    /// Where to write the notification draft.
    Export(Id),
}

/// What a rights form is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RightsForm {
    NewContact,
    FirstContact(Id),
    Convert(Id),
    NewQuote,
    AcceptQuote(Id),
    DeclineQuote(Id),
    NewSubscriber,
    ExportMailing,
    NewRequest,
    ExtendRequest(Id),
    RequestHandled(Id),
    NewComplaint,
    ComplaintHandled(Id),
    AccessExport(Id),
    NewConsent(Id),
    /// The person's active consents, in the order of the choice.
    WithdrawConsent(Vec<Id>),
    /// A disclosure by `person` against one of their active consents, whose
    /// recipients are in the order of the choice.
    NewDisclosure {
        person: Id,
        recipients: Vec<String>,
    },
}
