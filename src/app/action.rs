//! The one semantic action enum: what a key means, independent of the key.
//! Keys become actions through the key table (`keymap`); tests drive the app
//! with actions directly. What a confirmation carries out is not a key's
//! meaning: that is `Confirmed`.

use super::screen::Screen;

/// Its snake_case name names a binding in `config.toml` (`new = "a"`).
#[derive(Debug, Clone, PartialEq, Eq, strum::IntoStaticStr)]
#[strum(serialize_all = "snake_case")]
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
    /// The detail view of the record under the cursor (`app::record_view`).
    ShowRecord,
    Back,
    Filter,
    // Changing records.
    New,
    Edit,
    Delete,
    Export,
    /// A backup of the whole vault (the Overview, DESIGN.md §13.4).
    Backup,
    StartTrajectory,
    Attach,
    /// The files of the selected document or team report.
    Files,
    Complete,
    // The To-delete screen.
    ToggleMark,
    MarkAll,
    DeleteMarked,
    // The application.
    Help,
    /// The demo's passphrase and passwords (`app::demo`).
    ShowDemo,
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
    /// Adds the person shown in a field of several people, or takes them out.
    TogglePick,
    Submit,
    /// A line break in the editor of a long-text field.
    NewLine,
    /// Tab in a path field: completes the name under way.
    CompletePath,
    // The Breaches screen (8).
    /// Ticks the selected checklist step (or opens its small form).
    Tick,
    /// Undoes the selected checklist step, after a confirmation.
    Untick,
    /// Opens the risk assessment questions.
    Assess,
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
    /// Corrects one of the person's consents (which one is asked first).
    CorrectConsent,
    /// Records a disclosure against an active consent (P6).
    RecordDisclosure,
    // Finding things.
    /// On the question about a shared e-mail address: opens the person who
    /// has it already, instead of saving the form.
    OpenExisting,
    /// The search across records, from any screen (`app::search`).
    Search,
    // The practice profile (DESIGN.md §13.2).
    /// Opens the practice profile's settings form.
    Practice,
    /// Moves the column cursor of a list (`app::sort`).
    ColumnLeft,
    ColumnRight,
    /// Sorts a list by the column under the column cursor, then the other
    /// way, then back to the screen's own order.
    Sort,
}
