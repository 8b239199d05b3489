//! Owning the terminal: raw mode and the alternate screen, restored on every
//! exit path and on panic.

use std::sync::atomic::{AtomicBool, Ordering};

static ACTIVE: AtomicBool = AtomicBool::new(false);

/// Marks the terminal as taken over by the UI.
pub fn set_active(active: bool) {
    ACTIVE.store(active, Ordering::SeqCst);
}

/// Called by the panic hook: gives the terminal back before anything is printed.
pub fn restore_after_panic() {
    if ACTIVE.swap(false, Ordering::SeqCst) {
        ratatui::restore();
    }
}
