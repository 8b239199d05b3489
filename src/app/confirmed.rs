//! What a confirmation carries out once the coach says yes: the payload of
//! a `Confirm` popup, kept apart from the key intents of `Action`.

use crate::app::files::FilesOwner;
use crate::domain::breach::ChecklistStep;
use crate::domain::{Id, Kind};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Confirmed {
    /// Purge these expired records (`ops::purge::purge`).
    Purge(Vec<(Kind, Id)>),
    /// Delete these records and what exists only through them.
    DeleteRecords(Vec<(Kind, Id)>),
    /// Erase this person (the confirmation listed what goes and what stays).
    Erase(Id),
    /// Unsubscribe this subscriber.
    Unsubscribe(Id),
    /// Undo this step of this breach.
    UndoStep(Id, ChecklistStep),
    /// Remove this file from its record (DESIGN.md §13.1).
    DetachFile(FilesOwner, String),
    /// Save the form under the confirmation with the weak team-report
    /// password the coach chose.
    AcceptWeakPassword,
    /// Close the changed form under the confirmation without saving it.
    DiscardForm,
    /// Save the form under the confirmation, replacing the file that exists
    /// already (an export, the notification draft).
    OverwriteFile,
    /// Save the person form under the confirmation although this person
    /// has its e-mail address already (`o` opens them instead).
    SaveSharedEmail(Id),
}
