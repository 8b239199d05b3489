//! `kluis breach register [--json|--md|--csv]` (DESIGN.md §13.3): the
//! register of GDPR art. 33(5), every breach whatever its outcome.

use super::failure::CmdResult;
use super::{Context, open};
use crate::i18n::breach_register;
use crate::ops::breach_register as register;

pub fn run(ctx: &Context, as_json: bool, as_csv: bool) -> CmdResult {
    let s = open::session(ctx)?;
    let mut out = ctx.stdout();
    if as_json {
        out.json(&register::json(&s.data))?;
    } else if as_csv {
        out.text(&String::from_utf8_lossy(&register::csv(&s.data)))?;
    } else {
        out.text(&breach_register::markdown(
            &register::breaches(&s.data),
            ctx.lang,
        ))?;
    }
    Ok(())
}
