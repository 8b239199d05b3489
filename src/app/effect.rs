//! What a screen, a confirmation or a saved form asks of the workspace, in
//! the way gitui's components send `InternalEvent`s through a queue: the
//! component decides, the workspace applies the effects in order.

use super::files::{CopyNotice, FilesView};
use super::forms::form::Form;
use super::popup::{Confirm, Reader};
use super::screen::Screen;
use crate::domain::{Id, Kind};

#[derive(Debug)]
pub enum Effect {
    /// The status line says this until the next key.
    Say(String),
    /// Opens a form on top of the popup stack.
    Form(Form),
    /// Shows text to read on top of the popup stack.
    Read(Reader),
    /// Asks before something that cannot be undone.
    Ask(Confirm),
    /// Shows another screen.
    GoTo(Screen),
    /// The data changed: every screen rebuilds its rows.
    Refresh,
    /// Puts the cursor on a record on the screens that list it.
    Select(Kind, Id),
    /// Opens the detail of a record on the screens that have one for it
    /// (unless one is open there already).
    Open(Kind, Id),
    /// Shows a record's files on top of the popup stack.
    Files(FilesView),
    /// Says a decrypted copy is open in a viewer, until the coach is done.
    Copy(CopyNotice),
    /// Closes the detail open on this screen.
    CloseDetail(Screen),
}
