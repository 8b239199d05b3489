//! `kluis` without a command: the terminal UI. The password file or the
//! environment skip the unlock screen; without a vault the first run
//! creates one.

use super::failure::{CmdResult, Failure};
use super::{Context, config_file, passphrase};
use crate::app::demo::Demo;
use crate::app::{App, Settings};
use crate::i18n::Lang;
use crate::i18n::cli::{Failed, failed};
use crate::ops::Session;
use crate::ops::session::{self, KdfParams};
use crate::ui;
use ratatui::crossterm::event::{self, Event};
use ratatui::layout::Rect;
use std::time::{Duration, Instant};
use zeroize::Zeroize;

/// How often the loop wakes without input (for the idle lock).
const TICK: Duration = Duration::from_millis(250);
/// How long no key must come before the rows of other screens are built.
const IDLE: Duration = Duration::from_millis(40);

/// `demo`: the secrets of `kluis demo`, shown inside the UI too. A session
/// opened already (the demo's, in a folder of its own) is the vault that a
/// lock unlocks again.
pub fn run(ctx: &Context, session: Option<Session>, demo: Option<Demo>) -> CmdResult {
    let vault_dir = session
        .as_ref()
        .map_or_else(|| ctx.vault_dir.clone(), |s| s.vault.dir().to_path_buf());
    let mut settings = Settings::new(ctx.lang, ctx.clock, vault_dir);
    settings.demo = demo;
    let config = &ctx.config;
    settings.color &= config.theme != Some(config_file::Theme::Plain);
    if let Some(minutes) = config.idle_lock_minutes {
        settings.idle_lock = Duration::from_secs(u64::from(minutes) * 60);
    }
    let session = match session {
        Some(s) => Some(s),
        None => open_from_sources(ctx)?,
    };
    let mut terminal = TerminalGuard::take(ctx.lang)?;
    let size = terminal
        .0
        .size()
        .map_err(|e| Failure::error(failed(ctx.lang, Failed::TerminalSize, &e.to_string())))?;
    let area = Rect::new(0, 0, size.width, size.height);
    let mut app = match session {
        Some(s) => App::open(settings, s, area),
        None => App::locked(settings, area),
    };
    event_loop(&mut terminal.0, &mut app, ctx.lang)
}

/// With a passphrase from `--password-file`, `KLUIS_PASSWORD_FILE` or
/// `KLUIS_PASSWORD`, opens (or on the first run creates) the vault before the
/// terminal is taken, so a wrong passphrase exits with code 4.
fn open_from_sources(ctx: &Context) -> Result<Option<Session>, Failure> {
    let Some(pass) = passphrase::from_sources(ctx)? else {
        return Ok(None);
    };
    let s = if session::exists(&ctx.vault_dir) {
        session::open(&ctx.vault_dir, pass.as_bytes(), ctx.clock)?
    } else {
        session::create(&ctx.vault_dir, pass.as_bytes(), KdfParams::VAULT, ctx.clock)?
    };
    Ok(Some(s))
}

/// Owns the terminal: raw mode, the alternate screen and bracketed paste,
/// given back on every way out (return, error, panic).
struct TerminalGuard(ratatui::DefaultTerminal);

impl TerminalGuard {
    fn take(lang: Lang) -> Result<TerminalGuard, Failure> {
        let terminal = ui::terminal::take()
            .map_err(|e| Failure::error(failed(lang, Failed::OpenTerminal, &e.to_string())))?;
        Ok(TerminalGuard(terminal))
    }
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        ui::terminal::give_back();
    }
}

fn event_loop(terminal: &mut ratatui::DefaultTerminal, app: &mut App, lang: Lang) -> CmdResult {
    let io = |e: std::io::Error| Failure::error(failed(lang, Failed::Terminal, &e.to_string()));
    let mut last = Instant::now();
    while !app.should_quit() {
        terminal.draw(|f| ui::draw(app, f)).map_err(io)?;
        let wait = if app.has_idle_work() { IDLE } else { TICK };
        if !event::poll(wait).map_err(io)? {
            app.on_idle();
        } else {
            match event::read().map_err(io)? {
                Event::Key(key) => app.on_key(key),
                // One text for the field in focus, never keys; wiped after.
                Event::Paste(mut pasted) => {
                    app.on_paste(&pasted);
                    pasted.zeroize();
                }
                Event::Resize(w, h) => app.resize(w, h),
                _ => {}
            }
        }
        let now = Instant::now();
        app.tick(now - last);
        last = now;
    }
    Ok(())
}
