//! Placeholder until the terminal UI lands: says so instead of failing silently.

use super::Context;
use super::failure::{CmdResult, Failure};
use crate::ops::Session;

pub fn run(ctx: &Context, _session: Option<Session>) -> CmdResult {
    Err(Failure::usage(ctx.lang.pick(
        "de terminalinterface is er nog niet; gebruik de opdrachten van `kluis --help`",
        "the terminal UI is not built yet; use the commands of `kluis --help`",
    )))
}
