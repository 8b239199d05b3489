//! `kluis calendar [--out FILE] [--days N] [--force]` (DESIGN.md §13.3):
//! the coming deadline days as iCalendar, without personal data.

use super::export::{refuse_existing, write_private};
use super::failure::{CmdResult, Failure};
use super::{Context, open};
use crate::i18n::calendar::{bad_days, written};
use crate::ops::calendar::{DEFAULT_DAYS, MAX_DAYS, coming, ics};
use std::path::Path;

pub fn run(ctx: &Context, out: Option<&Path>, days: Option<u32>, force: bool) -> CmdResult {
    let days = days.unwrap_or(DEFAULT_DAYS);
    if !(1..=MAX_DAYS).contains(&days) {
        return Err(Failure::usage(bad_days(ctx.lang, MAX_DAYS)));
    }
    if let Some(path) = out {
        refuse_existing(ctx, path, force)?;
    }
    let s = open::session(ctx)?;
    let list = coming(&s, days);
    let text = ics(&s, ctx.lang, &list);
    match out {
        Some(path) => {
            write_private(ctx, path, text.as_bytes(), force)?;
            writeln!(
                ctx.stderr(),
                "{}",
                written(ctx.lang, &path.display().to_string(), list.len())
            )?;
        }
        None => ctx.stdout().text(&text)?,
    }
    Ok(())
}
