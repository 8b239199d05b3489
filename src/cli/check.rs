//! `kluis check`: decrypt every record and verify the audit chain. Reports
//! each problem with its record and goes on; exit 3 when anything is wrong.

use super::failure::{CmdResult, EXIT_INTEGRITY, Failure};
use super::{Context, open};
use crate::domain::records::AnyRecord;

pub fn run(ctx: &Context, json: bool) -> CmdResult {
    let t = ctx.lang;
    let vault = open::vault(ctx)?;
    let report = vault.check(AnyRecord::validate)?;
    let ok = report.problems.is_empty();
    if json {
        let out = serde_json::json!({
            "ok": ok,
            "records_checked": report.records_checked,
            "audit_chain": if report.audit_chain_ok { "ok" } else { "broken" },
            "problems": report.problems,
        });
        println!("{out}");
    } else {
        for p in &report.problems {
            println!("{} {}: {}", p.kind, p.id, p.problem);
        }
        println!(
            "{} {} · {} {} · {} {}",
            report.records_checked,
            t.pick("records gecontroleerd", "records checked"),
            t.pick("auditlog", "audit log"),
            if report.audit_chain_ok {
                "ok"
            } else {
                t.pick("verbroken", "broken")
            },
            report.problems.len(),
            t.pick("problemen", "problems"),
        );
    }
    if ok {
        Ok(())
    } else {
        Err(Failure {
            code: EXIT_INTEGRITY,
            message: t
                .pick(
                    "de kluis heeft integriteitsproblemen; zie hierboven",
                    "the vault has integrity problems; see above",
                )
                .to_string(),
        })
    }
}
