//! A panic must never print personal data: a panic message can quote the
//! string it failed on. This hook restores the terminal and prints only where
//! the panic happened.

use std::io::Write;

pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        crate::ui::terminal::restore_after_panic();
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
