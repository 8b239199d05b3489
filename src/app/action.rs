//! The one semantic action enum: what a key means, independent of the key.
//! Keys become actions through the key table (`keymap`); tests drive the app
//! with actions directly.

use super::screen::Screen;
use crate::domain::breach::ChecklistStep;
use crate::domain::{Id, Kind};
use std::path::PathBuf;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    // Moving in lists and text.
    Up,
    Down,
    PageUp,
    PageDown,
    First,
    Last,
    // Opening and leaving.
    Open,
    Back,
    Filter,
    // Changing records.
    New,
    Edit,
    Delete,
    Export,
    StartTrajectory,
    Attach,
    Complete,
    // The To-delete screen.
    ToggleMark,
    MarkAll,
    DeleteMarked,
    // The application.
    Help,
    Lock,
    Quit,
    GoTo(Screen),
    NextScreen,
    PrevScreen,
    // Popups: confirmation and forms.
    Confirm,
    Cancel,
    NextField,
    PrevField,
    NextChoice,
    PrevChoice,
    Submit,
    // Carried out after a confirmation (`Popup::Confirm` holds one of these).
    /// Purge these expired records (`ops::purge::purge`).
    Purge(Vec<(Kind, Id)>),
    /// Delete these records and what exists only through them.
    DeleteRecords(Vec<(Kind, Id)>),
    /// Save the team report form under the top of the stack with the weak
    /// password the coach chose.
    AcceptWeakPassword,
    // The Breaches screen (8).
    /// Ticks the selected checklist step (or opens its small form).
    Tick,
    /// Undoes the selected checklist step, after a confirmation.
    Untick,
    /// Opens the risk assessment questions.
    Assess,
    /// Undo this step of this breach (after the confirmation).
    UndoStep(Id, ChecklistStep),
    /// Write the notification draft of this breach over an existing file
    /// (after the confirmation).
    OverwriteReport(Id, PathBuf),
    // Screens 5–7 and the rights of a person (DESIGN.md §5, §10).
    /// Moves the keys to the other list of a two-list screen.
    OtherPane,
    FirstContact,
    ConvertToQuote,
    AcceptQuote,
    DeclineQuote,
    Unsubscribe,
    Extend,
    MarkHandled,
    ToggleReferred,
    RecordConsent,
    WithdrawConsent,
    RecordRequest,
    /// Unsubscribe this subscriber (after the confirmation).
    UnsubscribeSubscriber(Id),
    /// Erase this person (after the confirmation that lists what goes and
    /// what stays).
    Erase(Id),
    /// Save the export form under the top of the stack, replacing the file
    /// that exists already.
    OverwriteFile,
}
