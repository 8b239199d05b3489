//! `kluis check`: decrypt every record and verify the audit chain. Reports
//! each problem with its record and goes on; exit 3 when anything is wrong.

use super::failure::{CmdResult, EXIT_INTEGRITY, Failure};
use super::out::{Out, OutError};
use super::{Context, open};
use crate::i18n::cli::Said;
use crate::i18n::{Lang, files};
use crate::ops::file_check::{self, FullReport};
use crate::vault::{CheckReport, VaultError};

/// A database too damaged to open or read is an integrity problem (exit 3).
fn integrity(e: VaultError) -> Failure {
    let damaged = matches!(e, VaultError::DatabaseDamaged(_));
    let mut failure = Failure::from(e);
    if damaged {
        failure.code = EXIT_INTEGRITY;
    }
    failure
}

pub fn run(ctx: &Context, json: bool) -> CmdResult {
    let t = ctx.lang;
    let mut vault = open::unlock(ctx)?.map_err(integrity)?;
    vault.end_with_process();
    let FullReport {
        report,
        files_checked,
    } = file_check::check(&vault).map_err(integrity)?;
    let ok = report.problems.is_empty();
    match print(&mut ctx.stdout(), t, &report, files_checked, json) {
        // A reader that went away does not hide the integrity problems.
        Err(OutError::Closed) if !ok => {}
        r => r?,
    }
    if ok {
        Ok(())
    } else {
        Err(Failure::new(EXIT_INTEGRITY, Said::IntegrityProblems.get(t)))
    }
}

fn print(
    out: &mut Out,
    t: Lang,
    report: &CheckReport,
    files_checked: usize,
    json: bool,
) -> Result<(), OutError> {
    if json {
        return out.json(&serde_json::json!({
            "ok": report.problems.is_empty(),
            "records_checked": report.records_checked,
            "files_checked": files_checked,
            "audit_chain": if report.audit_chain_ok { "ok" } else { "broken" },
            "problems": report.problems,
        }));
    }
    for p in &report.problems {
        writeln!(out, "{} {}: {}", p.kind, p.id, p.problem)?;
    }
    writeln!(
        out,
        "{} {} · {} · {} {} · {} {}",
        report.records_checked,
        Said::RecordsChecked.get(t),
        files::files_checked(t, files_checked),
        Said::AuditLogWord.get(t),
        if report.audit_chain_ok {
            "ok"
        } else {
            Said::BrokenWord.get(t)
        },
        report.problems.len(),
        Said::ProblemsWord.get(t),
    )
}
