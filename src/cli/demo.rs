//! `kluis demo [--no-tui]`: a fresh vault with fictional demo data, dates
//! relative to today, in a new folder under the temp dir unless `--vault` is
//! given. Prints the folder and the passphrase, then opens the UI.

use super::failure::{CmdResult, Failure};
use super::{Context, import as import_cmd};
use crate::app::demo::Demo;
use crate::i18n::cli::Said;
use crate::i18n::cli::{Failed, failed};
use crate::ops::session::{self, KdfParams};
use crate::ops::{breach_demo, demo, import, rights};
use crate::vault::team_seal;
use std::path::PathBuf;

pub fn run(ctx: &Context, explicit_dir: Option<PathBuf>, no_tui: bool) -> CmdResult {
    let t = ctx.lang;
    let dir = match explicit_dir {
        Some(d) => d,
        None => std::env::temp_dir().join(format!("kluis-demo-{:08x}", fastrand::u32(..))),
    };
    let passphrase = team_seal::generate_password()?;
    let mut session = session::create(&dir, passphrase.as_bytes(), KdfParams::VAULT, ctx.clock)?;
    let file = demo::demo_file(ctx.clock.today());
    let plan = import::plan(&session, &file)
        .map_err(|e| Failure::error(failed(t, Failed::DemoImport, &e.to_string())))?;
    let mut out = ctx.stdout();
    import_cmd::show_passwords(&mut out, ctx, &plan.generated_passwords)?;
    let secrets = Demo {
        passphrase: passphrase.clone(),
        passwords: plan
            .generated_passwords
            .iter()
            .map(|g| (g.title.clone(), g.password.clone()))
            .collect(),
    };
    let done = import::apply(&mut session, plan)?;
    rights::demo::seed_demo(&mut session)
        .map_err(|e| Failure::error(failed(t, Failed::DemoRights, &e.message(t))))?;
    breach_demo::seed_demo(&mut session)
        .map_err(|e| Failure::error(failed(t, Failed::DemoBreaches, &e.message(t))))?;
    import_cmd::print_summary(&mut out, ctx, &done)?;
    writeln!(out)?;
    writeln!(out, "{} {}", Said::DemoVault.get(t), dir.display())?;
    writeln!(
        out,
        "{} {}",
        Said::DemoPassphrase.get(t),
        passphrase.as_str()
    )?;
    writeln!(
        out,
        "{} kluis --vault {} status",
        Said::OpenItAgain.get(t),
        dir.display()
    )?;
    drop(out);
    if no_tui {
        return Ok(());
    }
    super::tui::run(ctx, Some(session), Some(secrets))
}
