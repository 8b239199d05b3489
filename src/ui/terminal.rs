//! Owning the terminal: raw mode, the alternate screen and bracketed paste
//! (a paste arrives as one text, never as keys: `app::paste`), all given
//! back on every exit path and on panic.

use ratatui::crossterm::event::{DisableBracketedPaste, EnableBracketedPaste};
use ratatui::crossterm::execute;
use std::sync::atomic::{AtomicBool, Ordering};

static ACTIVE: AtomicBool = AtomicBool::new(false);

/// Takes the terminal over for the UI (`ratatui::try_init`) and turns
/// bracketed paste on.
pub fn take() -> std::io::Result<ratatui::DefaultTerminal> {
    let terminal = ratatui::try_init()?;
    ACTIVE.store(true, Ordering::SeqCst);
    if let Err(e) = execute!(std::io::stdout(), EnableBracketedPaste) {
        give_back();
        return Err(e);
    }
    Ok(terminal)
}

/// Gives the terminal back as it was: bracketed paste off, then what
/// `ratatui::restore` undoes. Does nothing when the UI does not own it.
/// The panic hook calls it before anything is printed.
pub fn give_back() {
    if ACTIVE.swap(false, Ordering::SeqCst) {
        // Nothing is left to tell when the terminal is gone.
        let _ = execute!(std::io::stdout(), DisableBracketedPaste);
        ratatui::restore();
    }
}
