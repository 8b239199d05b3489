//! A panic must never print personal data: a panic message can quote the
//! string it failed on. This hook restores the terminal and prints only where
//! the panic happened. A panic that the program catches and reports itself
//! (inside sled, see `vault::store`) prints nothing at all.

use std::cell::Cell;
use std::io::Write;

thread_local! {
    /// How many `silenced` calls this thread is inside.
    static SILENCED: Cell<u32> = const { Cell::new(0) };
}

/// Runs `f` with the hook silent for panics on this thread: for code whose
/// panic the caller catches and reports as one clear sentence of its own.
pub fn silenced<T>(f: impl FnOnce() -> T) -> T {
    struct Leave;
    impl Drop for Leave {
        fn drop(&mut self) {
            SILENCED.with(|s| s.set(s.get().saturating_sub(1)));
        }
    }
    SILENCED.with(|s| s.set(s.get() + 1));
    let _leave = Leave;
    f()
}

pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        if SILENCED.with(Cell::get) > 0 {
            return;
        }
        crate::ui::terminal::give_back();
        let place = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        // A failed write here has nowhere left to go; `eprintln!` would
        // panic inside the panic.
        let _ = writeln!(
            std::io::stderr(),
            "kluis: internal error{place}. Your vault was not changed by the interrupted step. Please report this location."
        );
    }));
}
