//! `kluis breach …`: the breach register from the command line (DESIGN.md
//! §6 and §8). `assess`, `list` and `report` are the contract; `new`,
//! `edit`, `tick`, `untick` and `decline` work the checklist until the UI
//! screen does. Every command is a thin layer over `ops::breach`.

use super::breach_fields::{Fields, parse_at, parse_step_arg};
use super::failure::{CmdResult, Failure};
use super::out::{Out, OutError};
use super::{Context, open};
use crate::domain::Id;
use crate::domain::breach::{At, ChecklistStep, Clock as BreachClock};
use crate::domain::breach_assessment::{Assessment, parse_answers};
use crate::domain::text::escaped;
use crate::i18n::Lang;
use crate::i18n::cli::Said;
use crate::ops::Session;
use crate::ops::breach::{
    self as ops, AuthorityDecision, BreachError, BreachRow, Details, OpenBreach, PeopleDecision,
};
use chrono::SecondsFormat;
use clap::Subcommand;
use serde_json::{Value, json};
use std::io::{IsTerminal, Read};
use std::path::PathBuf;

#[derive(Debug, Subcommand)]
pub enum BreachCommand {
    /// Read assessment answers (JSON) on stdin and print the recommendation
    Assess {
        #[arg(long)]
        json: bool,
        /// Also record the answers on this breach (ticks the assessment step)
        #[arg(long, value_name = "ID")]
        record: Option<String>,
    },
    /// The breach register with the 72-hour clocks
    List {
        #[arg(long)]
        json: bool,
    },
    /// The breach register of GDPR art. 33(5): every breach with its facts,
    /// effects, measures and decisions (Markdown unless --json or --csv)
    Register {
        #[arg(long, conflicts_with_all = ["md", "csv"])]
        json: bool,
        #[arg(long, conflicts_with = "csv")]
        md: bool,
        #[arg(long)]
        csv: bool,
    },
    /// The notification draft for the AP, in Markdown
    Report {
        /// The breach id (`kluis breach list` shows them)
        #[arg(value_name = "ID")]
        id: String,
        /// Write it to FILE (created with mode 0600) instead of stdout
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        /// Overwrite FILE if it exists
        #[arg(long, requires = "out")]
        force: bool,
    },
    /// Register a breach; the 72-hour clock starts at its discovery
    New {
        #[arg(long)]
        title: String,
        /// When it was discovered, RFC 3339 (default: now)
        #[arg(long, value_name = "TIME", value_parser = parse_at)]
        discovered_at: Option<At>,
        #[command(flatten)]
        fields: Fields,
        #[arg(long)]
        json: bool,
    },
    /// Change the entered fields of a breach; what is not given stays
    Edit {
        /// The breach id (`kluis breach list` shows them)
        #[arg(value_name = "ID")]
        id: String,
        #[arg(long)]
        title: Option<String>,
        #[arg(long, value_name = "TIME", value_parser = parse_at)]
        discovered_at: Option<At>,
        #[command(flatten)]
        fields: Fields,
    },
    /// Mark a checklist step done (now, or --at); `closed` closes the breach
    Tick {
        /// The breach id (`kluis breach list` shows them)
        #[arg(value_name = "ID")]
        id: String,
        /// expert_contacted, nature_and_cause_established, action_plan_made, assessed,
        /// authority_notified, people_informed, action_plan_executed or closed
        #[arg(value_name = "STEP", value_parser = parse_step_arg)]
        step: ChecklistStep,
        /// When it was done, RFC 3339 (default: now)
        #[arg(long, value_name = "TIME", value_parser = parse_at)]
        at: Option<At>,
        /// The AP's reference (with authority_notified)
        #[arg(long)]
        reference: Option<String>,
        /// How the people were informed (with people_informed)
        #[arg(long)]
        how: Option<String>,
    },
    /// Undo a checklist step; `closed` reopens the breach
    Untick {
        /// The breach id (`kluis breach list` shows them)
        #[arg(value_name = "ID")]
        id: String,
        /// The step to undo (as for `tick`)
        #[arg(value_name = "STEP", value_parser = parse_step_arg)]
        step: ChecklistStep,
    },
    /// Record why the AP or the people affected are not notified or informed
    Decline {
        /// The breach id (`kluis breach list` shows them)
        #[arg(value_name = "ID")]
        id: String,
        /// authority_notified or people_informed
        #[arg(value_name = "STEP", value_parser = parse_step_arg)]
        step: ChecklistStep,
        #[arg(long)]
        reason: String,
    },
}

fn stamp(t: At) -> String {
    t.to_rfc3339_opts(SecondsFormat::Secs, false)
}

fn shown(t: At) -> String {
    t.format("%Y-%m-%d %H:%M %:z").to_string()
}

fn parse_id(ctx: &Context, s: &str) -> Result<Id, Failure> {
    Id::parse(s.trim()).ok_or_else(|| Failure::usage(Said::NotABreachId.get(ctx.lang)))
}

fn failure(ctx: &Context, e: BreachError) -> Failure {
    use BreachError::*;
    match e {
        Vault(v) => v.into(),
        EmptyTitle
        | ControlCharacter
        | InFuture { .. }
        | EndsBeforeStart
        | RangeReversed
        | NeedsReason(_)
        | CannotDecline(_) => Failure::usage(message(&e, ctx.lang)),
        NotFound(_)
        | NotAssessed
        | AlreadyDone(_)
        | CannotClose(_)
        | FileExists(_)
        | Write { .. } => Failure::error(message(&e, ctx.lang)),
    }
}

/// The refusal's sentence with the command line's own hint: which command
/// shows the ids, how the assessment is recorded, which option replaces a
/// file.
fn message(e: &BreachError, lang: Lang) -> String {
    let hint = match e {
        BreachError::NotFound(_) => Said::BreachListHint.get(lang),
        BreachError::NotAssessed => " (`kluis breach assess --record ID`)",
        BreachError::FileExists(_) => Said::ForceHint.get(lang),
        _ => return e.message(lang),
    };
    let sentence = e.message(lang);
    let sentence = sentence.strip_suffix('.').unwrap_or(&sentence);
    format!("{sentence}{hint}.")
}

pub fn run(ctx: &Context, cmd: BreachCommand) -> CmdResult {
    match cmd {
        BreachCommand::Assess { json, record } => assess(ctx, json, record.as_deref()),
        BreachCommand::List { json } => list(ctx, json),
        BreachCommand::Register { json, md: _, csv } => super::breach_register::run(ctx, json, csv),
        BreachCommand::Report { id, out, force } => report(ctx, &id, out, force),
        BreachCommand::New {
            title,
            discovered_at,
            fields,
            json,
        } => new(ctx, title, discovered_at, fields, json),
        BreachCommand::Edit {
            id,
            title,
            discovered_at,
            fields,
        } => edit(ctx, &id, title, discovered_at, fields),
        BreachCommand::Tick {
            id,
            step,
            at,
            reference,
            how,
        } => tick(ctx, &id, step, at, reference, how),
        BreachCommand::Untick { id, step } => {
            let id = parse_id(ctx, &id)?;
            let mut s = open::session(ctx)?;
            ops::untick(&mut s, &id, step).map_err(|e| failure(ctx, e))?;
            Ok(print_next(ctx, &s, &id)?)
        }
        BreachCommand::Decline { id, step, reason } => {
            let id = parse_id(ctx, &id)?;
            let mut s = open::session(ctx)?;
            ops::decline(&mut s, &id, step, &reason).map_err(|e| failure(ctx, e))?;
            Ok(print_next(ctx, &s, &id)?)
        }
    }
}

// ---- assess ----

fn assess(ctx: &Context, as_json: bool, record: Option<&str>) -> CmdResult {
    let t = ctx.lang;
    let record = record.map(|r| parse_id(ctx, r)).transpose()?;
    let mut stdin = std::io::stdin();
    if stdin.is_terminal() {
        writeln!(ctx.stderr(), "{}", Said::PasteTheAnswersAsJson.get(t))?;
    }
    let mut text = String::new();
    stdin
        .read_to_string(&mut text)
        .map_err(|e| Failure::error(format!("{} {e}.", Said::CouldNotReadTheAnswers.get(t))))?;
    let answers = parse_answers(&text).map_err(|e| Failure::usage(e.message(t)))?;
    let result = match &record {
        Some(id) => {
            let mut s = open::session(ctx)?;
            ops::record_assessment(&mut s, id, answers).map_err(|e| failure(ctx, e))?
        }
        None => crate::domain::breach_assessment::assess(&answers),
    };
    let mut out = ctx.stdout();
    if as_json {
        out.json(&assessment_json(&result, t))?;
        return Ok(());
    }
    print_assessment(&mut out, t, &result)?;
    if let Some(id) = record {
        writeln!(out, "{} {id}.", Said::RecordedOnTheBreachThe.get(t))?;
    }
    Ok(())
}

/// The contract JSON of `breach assess --json`.
pub fn assessment_json(a: &Assessment, lang: Lang) -> Value {
    // invariant: `WordedAssessment` is plain data with derived Serialize.
    serde_json::to_value(a.worded(lang)).unwrap_or(Value::Null)
}

fn print_assessment(out: &mut Out, t: Lang, a: &Assessment) -> Result<(), OutError> {
    let yes_no = |b: bool| {
        if b {
            Said::YesWord.get(t)
        } else {
            Said::NoWord.get(t)
        }
    };
    writeln!(out, "{} {}", Said::Risk.get(t), a.risk.label(t))?;
    writeln!(
        out,
        "{} {}",
        Said::NotifyTheAp.get(t),
        yes_no(a.notify_authority)
    )?;
    writeln!(
        out,
        "{} {}",
        Said::InformThePeopleAffected.get(t),
        yes_no(a.inform_subjects)
    )?;
    writeln!(
        out,
        "{} {}",
        Said::RecordInTheRegister.get(t),
        yes_no(a.register)
    )?;
    writeln!(out, "{}", Said::Reasons.get(t))?;
    for r in &a.reasons {
        writeln!(out, "  - {}", r.text(t))?;
    }
    Ok(())
}

// ---- list ----

fn clock_state(c: BreachClock) -> &'static str {
    match c {
        BreachClock::Left { .. } => "left",
        BreachClock::Overdue { .. } => "overdue",
        BreachClock::Done => "done",
    }
}

fn row_json(r: &BreachRow, lang: Lang) -> Value {
    let running = r.clock != BreachClock::Done;
    json!({
        "id": r.id.as_str(),
        "title": r.title,
        "discovered_at": stamp(r.discovered_at),
        "notify_deadline": stamp(r.notify_deadline),
        "clock": clock_state(r.clock),
        "clock_text": r.clock.text(lang),
        "hours_left": if running { json!(r.hours_left) } else { Value::Null },
        "risk": r.risk,
        "closed": r.closed_at.is_some(),
        "closed_at": r.closed_at.map(stamp),
        "next_step": r.next_step.map(ops::step_key),
    })
}

fn list(ctx: &Context, as_json: bool) -> CmdResult {
    let t = ctx.lang;
    let s = open::session(ctx)?;
    let rows = ops::list(&s);
    let mut out = ctx.stdout();
    if as_json {
        out.json(&json!({
            "now": stamp(s.clock.now),
            "breaches": rows.iter().map(|r| row_json(r, t)).collect::<Vec<_>>(),
        }))?;
        return Ok(());
    }
    if rows.is_empty() {
        writeln!(out, "{}", Said::TheBreachRegisterIsEmpty.get(t))?;
        return Ok(());
    }
    writeln!(
        out,
        "{:<16}  {:<23}  {:<22}  {:<12}  {}",
        Said::IdColumn.get(t),
        Said::DiscoveredColumn.get(t),
        Said::ApClock72Hours.get(t),
        Said::RiskColumn.get(t),
        Said::TitleColumn.get(t),
    )?;
    for r in &rows {
        let clock = if r.closed_at.is_some() {
            Said::ClosedWord.get(t).to_string()
        } else {
            r.clock.text(t)
        };
        let risk = r
            .risk
            .map_or_else(|| Said::NotAssessed.get(t), |k| k.label(t));
        writeln!(
            out,
            "{:<16}  {:<23}  {:<22}  {:<12}  {}",
            r.id.as_str(),
            shown(r.discovered_at),
            clock,
            risk,
            escaped(&r.title)
        )?;
    }
    Ok(())
}

/// `status --json` `open_breaches` (contract).
pub fn open_breaches_json(open: &[OpenBreach]) -> Vec<Value> {
    open.iter()
        .map(|o| {
            json!({
                "id": o.id.as_str(),
                "title": o.title,
                "notify_deadline": stamp(o.notify_deadline),
                "hours_left": o.hours_left,
            })
        })
        .collect()
}

/// The open breaches in `kluis status`.
pub fn print_open_breaches(out: &mut Out, t: Lang, open: &[OpenBreach]) -> Result<(), OutError> {
    if open.is_empty() {
        return Ok(());
    }
    writeln!(out, "{}", Said::OpenBreachesNotifyTheAp.get(t))?;
    for o in open {
        writeln!(
            out,
            "  {}  {:<22} {}  {}",
            shown(o.notify_deadline),
            o.clock.text(t),
            o.id,
            escaped(&o.title)
        )?;
    }
    Ok(())
}

// ---- report ----

fn report(ctx: &Context, id: &str, out: Option<PathBuf>, force: bool) -> CmdResult {
    let t = ctx.lang;
    let id = parse_id(ctx, id)?;
    let s = open::session(ctx)?;
    match out {
        None => {
            let text = ops::report(&s, &id, t).map_err(|e| failure(ctx, e))?;
            ctx.stdout().text(&text)?;
        }
        Some(path) => {
            ops::export_report(&s, &id, t, &path, force).map_err(|e| failure(ctx, e))?;
            writeln!(
                ctx.stdout(),
                "{} {}",
                Said::WroteTheNotificationDraftTo.get(t),
                path.display()
            )?;
        }
    }
    Ok(())
}

// ---- new, edit, tick ----

fn new(
    ctx: &Context,
    title: String,
    discovered_at: Option<At>,
    fields: Fields,
    as_json: bool,
) -> CmdResult {
    let t = ctx.lang;
    let mut s = open::session(ctx)?;
    let mut d = Details::new(discovered_at.unwrap_or(s.clock.now), title);
    fields.apply(&mut d);
    let id = ops::create(&mut s, d).map_err(|e| failure(ctx, e))?;
    let b = ops::get(&s, &id).map_err(|e| failure(ctx, e))?;
    let now = s.clock.now;
    let mut out = ctx.stdout();
    if as_json {
        out.json(&json!({
            "id": id.as_str(),
            "notify_deadline": stamp(b.notify_deadline()),
            "hours_left": b.hours_left(now),
        }))?;
        return Ok(());
    }
    writeln!(out, "{} {id}", Said::BreachEnteredInTheRegister.get(t))?;
    writeln!(
        out,
        "{} {} ({})",
        Said::NotifyTheApBy.get(t),
        shown(b.notify_deadline()),
        b.clock_text(now, t)
    )?;
    Ok(())
}

fn edit(
    ctx: &Context,
    id: &str,
    title: Option<String>,
    discovered_at: Option<At>,
    fields: Fields,
) -> CmdResult {
    let t = ctx.lang;
    let id = parse_id(ctx, id)?;
    let mut s = open::session(ctx)?;
    let mut d = Details::of(ops::get(&s, &id).map_err(|e| failure(ctx, e))?);
    if let Some(title) = title {
        d.title = title;
    }
    if let Some(at) = discovered_at {
        d.discovered_at = at;
    }
    fields.apply(&mut d);
    ops::update(&mut s, &id, d).map_err(|e| failure(ctx, e))?;
    writeln!(ctx.stdout(), "{} {id}", Said::BreachUpdated.get(t))?;
    Ok(())
}

fn tick(
    ctx: &Context,
    id: &str,
    step: ChecklistStep,
    at: Option<At>,
    reference: Option<String>,
    how: Option<String>,
) -> CmdResult {
    let t = ctx.lang;
    let id = parse_id(ctx, id)?;
    if reference.is_some() && step != ChecklistStep::AuthorityNotified {
        return Err(Failure::usage(Said::ReferenceGoesWithTheStep.get(t)));
    }
    if how.is_some() && step != ChecklistStep::PeopleInformed {
        return Err(Failure::usage(Said::HowGoesWithTheStep.get(t)));
    }
    let mut s = open::session(ctx)?;
    let at = at.unwrap_or(s.clock.now);
    let result = match (reference, how) {
        (Some(reference), _) => {
            ops::decide_authority_at(&mut s, &id, AuthorityDecision::Notified { reference }, at)
        }
        (_, Some(how)) => ops::decide_people_at(&mut s, &id, PeopleDecision::Informed { how }, at),
        (None, None) => ops::tick_at(&mut s, &id, step, at),
    };
    result.map_err(|e| failure(ctx, e))?;
    Ok(print_next(ctx, &s, &id)?)
}

/// After a checklist change: the clock and the next open step.
fn print_next(ctx: &Context, s: &Session, id: &Id) -> Result<(), OutError> {
    let t = ctx.lang;
    let Ok(b) = ops::get(s, id) else {
        return Ok(());
    };
    let mut out = ctx.stdout();
    writeln!(
        out,
        "{} {}",
        Said::ApClock.get(t),
        b.clock_text(s.clock.now, t)
    )?;
    match b.next_open_step() {
        Some(step) => writeln!(
            out,
            "{} {} ({})",
            Said::NextStep.get(t),
            step.label(t),
            ops::step_key(step)
        ),
        None => writeln!(out, "{}", Said::EveryStepIsDone.get(t)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refusals_carry_the_command_line_hints() {
        let id = Id::parse("0123456789abcdef").unwrap();
        assert_eq!(
            message(&BreachError::NotFound(id.clone()), Lang::En),
            "There is no breach with id 0123456789abcdef; `kluis breach list` shows the ids."
        );
        assert_eq!(
            message(&BreachError::NotFound(id), Lang::Nl),
            "Er is geen datalek met nummer 0123456789abcdef; `kluis breach list` toont de nummers."
        );
        assert_eq!(
            message(&BreachError::NotAssessed, Lang::En),
            "The risk assessment is ticked by answering its questions (`kluis breach assess --record ID`)."
        );
        let file = BreachError::FileExists(PathBuf::from("breach-x.md"));
        assert_eq!(
            message(&file, Lang::En),
            "breach-x.md exists already and was not overwritten; choose another name or pass --force."
        );
        assert_eq!(
            message(&file, Lang::Nl),
            "breach-x.md bestaat al en is niet overschreven; kies een andere naam of geef --force."
        );
        // The sentence itself, for both front ends, has no hint.
        assert!(!BreachError::NotAssessed.message(Lang::En).contains("kluis"));
    }
}
