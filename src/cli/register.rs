//! `kluis register [--format md|json]` and `kluis statement [--format
//! md|html]` (DESIGN.md §13.3): the record of processing and the privacy
//! statement, in the language of `--lang`, made from the rules kluis
//! enforces and the practice profile.

use super::args::{RegisterFormat, StatementFormat};
use super::failure::CmdResult;
use super::{Context, open};
use crate::i18n::{Lang, register, statement};
use crate::ops::practice_facts::with_facts;

fn lang_code(lang: Lang) -> &'static str {
    match lang {
        Lang::Nl => "nl",
        Lang::En => "en",
    }
}

pub fn register(ctx: &Context, format: RegisterFormat) -> CmdResult {
    let s = open::session(ctx)?;
    let mut out = ctx.stdout();
    match format {
        RegisterFormat::Json => out.json(&with_facts(&s, |f| register::json(f, ctx.lang)))?,
        RegisterFormat::Md => {
            let md = with_facts(&s, |f| register::document(f, ctx.lang).markdown());
            out.text(&format!("{md}\n"))?
        }
    }
    Ok(())
}

pub fn statement(ctx: &Context, format: StatementFormat) -> CmdResult {
    let s = open::session(ctx)?;
    let doc = with_facts(&s, |f| statement::document(f, ctx.lang));
    let text = match format {
        StatementFormat::Md => format!("{}\n", doc.markdown()),
        StatementFormat::Html => doc.html(lang_code(ctx.lang)),
    };
    ctx.stdout().text(&text)?;
    Ok(())
}
