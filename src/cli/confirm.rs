//! Asking before something irreversible: only on a terminal; without one the
//! command refuses with exit 2 and `--yes` is the way for scripts.

use super::Context;
use super::failure::Failure;
use std::io::{BufRead, IsTerminal, Write};

pub fn ask(ctx: &Context, question: &str) -> Result<(), Failure> {
    let t = ctx.lang;
    let refused = || {
        Failure::usage(t.pick(
            "geweigerd zonder bevestiging: draai op een terminal of geef --yes; er is niets veranderd",
            "refused without confirmation: run on a terminal or pass --yes; nothing was changed",
        ))
    };
    if !std::io::stdin().is_terminal() {
        return Err(refused());
    }
    print!("{question}");
    let _ = std::io::stdout().flush();
    let mut answer = String::new();
    std::io::stdin()
        .lock()
        .read_line(&mut answer)
        .map_err(|_| refused())?;
    match answer.trim().to_lowercase().as_str() {
        "y" | "yes" | "j" | "ja" => Ok(()),
        _ => Err(refused()),
    }
}
