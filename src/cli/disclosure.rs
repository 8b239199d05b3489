//! `kluis disclosure add --person <ID|EMAIL> --recipient TEXT --what TEXT
//! [--on DATE]` (DESIGN.md §13.3, contract): records that something was
//! shared with a third party, only against an active consent of that person
//! naming that recipient (P6). A refusal is one sentence and exit 2.

use super::failure::{CmdResult, EXIT_USAGE, Failure};
use super::{Context, open};
use crate::i18n::corrections::disclosure_recorded;
use crate::i18n::ui::Text;
use crate::ops::edit::parse_date;
use crate::ops::rights::{RightsError, consent, resolve_person};
use clap::Subcommand;

#[derive(Debug, Subcommand)]
pub enum DisclosureCommand {
    /// Record a disclosure; refused without an active consent for that recipient (P6)
    Add {
        /// The person's id or e-mail address
        #[arg(long, value_name = "ID|EMAIL")]
        person: String,
        /// Who received it, as named in the consent
        #[arg(long, value_name = "TEXT")]
        recipient: String,
        /// What was disclosed
        #[arg(long, value_name = "TEXT")]
        what: String,
        /// The day it was disclosed (YYYY-MM-DD; default today)
        #[arg(long, value_name = "DATE")]
        on: Option<String>,
    },
}

pub fn run(ctx: &Context, command: DisclosureCommand) -> CmdResult {
    match command {
        DisclosureCommand::Add {
            person,
            recipient,
            what,
            on,
        } => add(ctx, &person, &recipient, &what, on.as_deref()),
    }
}

/// A refused disclosure: its sentence, exit 2; a vault error as any other.
fn refused(ctx: &Context, e: RightsError) -> Failure {
    match e {
        RightsError::Refused(_) => Failure::new(EXIT_USAGE, e.message(ctx.lang)),
        RightsError::Vault(v) => v.into(),
    }
}

fn add(ctx: &Context, person: &str, recipient: &str, what: &str, on: Option<&str>) -> CmdResult {
    let on = match on {
        Some(typed) => Some(
            parse_date(typed)
                .ok_or_else(|| Failure::usage(Text::ProblemBadDate.get(ctx.lang).to_string()))?,
        ),
        None => None,
    };
    let mut s = open::session(ctx)?;
    let on = on.unwrap_or_else(|| s.today());
    let person = resolve_person(&s.data, person).map_err(|e| refused(ctx, e))?;
    let id = consent::record_disclosure(&mut s, &person, recipient, what, on)
        .map_err(|e| refused(ctx, e))?;
    let given_on = s
        .data
        .disclosures
        .get(&id)
        .and_then(|d| s.data.consents.get(&d.consent))
        .map(|c| c.given_on.to_string())
        .unwrap_or_default();
    ctx.stdout().text(&format!(
        "{}\n",
        disclosure_recorded(ctx.lang, id.as_str(), &given_on)
    ))?;
    Ok(())
}
