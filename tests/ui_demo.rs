//! The demo's passphrase and team-report passwords inside the UI
//! (`app::demo`): shown at start, again on Ctrl-d, and the passphrase on the
//! unlock screen after a lock.

// Tests stop at the first surprise: unwrap, expect and panic are how they fail.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

pub mod common {
    pub mod sample;
    pub mod ui;
    pub mod vault;
}

use common::{sample::*, ui::*, vault::*};
use kluis::app::App;
use kluis::app::demo::Demo;
use kluis::i18n::Lang;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use zeroize::Zeroizing;

#[test]
fn the_demo_secrets_show_at_start_on_ctrl_d_and_at_the_unlock_screen() {
    let (_dir, vault) = sample();
    let mut settings = settings(&vault, Lang::En);
    settings.demo = Some(Demo {
        passphrase: Zeroizing::new(PASS.to_string()),
        passwords: vec![(
            "Advies Team Noord".to_string(),
            Zeroizing::new(TEAM_PASSWORD.to_string()),
        )],
    });
    let app = App::open(
        settings,
        open_session(&vault, NOW),
        Rect::new(0, 0, 100, 30),
    );
    let mut h = Harness::with(app, 100, 30);
    let screen = h.draw();
    assert!(
        screen.contains("Demo: passphrase and passwords")
            && screen.contains(PASS)
            && screen.contains(TEAM_PASSWORD)
            && screen.contains("Advies Team Noord"),
        "{screen}"
    );
    let screen = h.step_and_draw("<Esc>");
    assert!(!screen.contains(TEAM_PASSWORD), "{screen}");
    h.app
        .on_key(KeyEvent::new(KeyCode::Char('d'), KeyModifiers::CONTROL));
    let screen = h.draw();
    assert!(screen.contains(TEAM_PASSWORD), "{screen}");
    let screen = h.step_and_draw("<Esc><C-l>");
    assert!(h.app.is_locked());
    assert!(
        screen.contains(&format!("Demo: the passphrase is {PASS}")),
        "{screen}"
    );
    h.step_and_draw(&format!("{PASS}<Enter>"));
    assert!(!h.app.is_locked());
}
