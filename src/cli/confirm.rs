//! Asking before something irreversible: only on a terminal; without one the
//! command refuses with exit 2 and `--yes` is the way for scripts.

use super::Context;
use super::failure::Failure;
use super::out::Out;
use crate::i18n::cli::Said;
use std::io::{BufRead, IsTerminal};

/// Asks `question` on `out` (no line break) and reads the answer; without
/// a terminal, or with any answer but yes, the command refuses and points
/// to `--yes`.
pub fn ask(ctx: &Context, out: &mut Out, question: &str) -> Result<(), Failure> {
    let refusal = Said::RefusedWithoutConfirmation.get(ctx.lang);
    ask_or(out, question, refusal)
}

/// As `ask`, with the sentence of the refusal (exit 2) given.
pub fn ask_or(out: &mut Out, question: &str, refusal: &str) -> Result<(), Failure> {
    let refused = || Failure::usage(refusal);
    if !std::io::stdin().is_terminal() {
        return Err(refused());
    }
    write!(out, "{question}")?;
    out.flush()?;
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
