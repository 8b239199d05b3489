//! `kluis completions bash|zsh|fish` and `kluis man` (DESIGN.md §13.5):
//! both generated from the one clap definition, so they cannot drift from
//! the commands.

use super::Context;
use super::args::CompletionShell;
use super::failure::CmdResult;
use super::localize;
use clap_complete::Shell;

pub fn completions(ctx: &Context, shell: CompletionShell) -> CmdResult {
    let shell = match shell {
        CompletionShell::Bash => Shell::Bash,
        CompletionShell::Zsh => Shell::Zsh,
        CompletionShell::Fish => Shell::Fish,
    };
    let mut cmd = localize::command(ctx.lang);
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut cmd, "kluis", &mut script);
    ctx.stdout().bytes(&script)?;
    Ok(())
}

pub fn man(ctx: &Context) -> CmdResult {
    let mut page = Vec::new();
    // invariant: rendering into a Vec has no I/O to fail.
    let _ = clap_mangen::Man::new(localize::command(ctx.lang)).render(&mut page);
    ctx.stdout().bytes(&page)?;
    Ok(())
}
