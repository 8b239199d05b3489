//! A long random key sequence (fixed seed) on every screen at several
//! sizes, each frame drawn into a `TestBackend`: nothing may panic. The
//! vault has records on every screen (screens 5–7 included), so their
//! popups (forms, confirmations, the erasure, the exports) are reached too.

// Tests stop at the first surprise: unwrap, expect and panic are how they fail.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

pub mod common {
    pub mod sample;
    pub mod ui;
    pub mod vault;
}

use common::{sample::*, ui::*, vault::*};
use kluis::app::Screen;
use kluis::app::forms::purpose::{FormPurpose, RightsForm};
use kluis::app::popup::Popup;
use kluis::i18n::Lang;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

const SIZES: [(u16, u16); 6] = [(100, 30), (60, 15), (59, 14), (200, 60), (20, 5), (80, 24)];
const KEYS_PER_RUN: usize = 700;

fn random_key(rng: &mut fastrand::Rng) -> KeyEvent {
    let plain = |c: KeyCode| KeyEvent::new(c, KeyModifiers::NONE);
    match rng.u8(0..100) {
        0..=29 => {
            let c = *rng
                .choice(b"jkgGnedxatcD /?y123456789qJKfruhw".iter())
                .unwrap_or(&b'j');
            plain(KeyCode::Char(c as char))
        }
        30..=49 => plain(KeyCode::Char(rng.alphanumeric())),
        50..=57 => plain(KeyCode::Enter),
        58..=64 => plain(KeyCode::Esc),
        65..=68 => plain(KeyCode::Tab),
        69..=70 => KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT),
        71..=76 => plain(
            *rng.choice(&[KeyCode::Up, KeyCode::Down, KeyCode::Left, KeyCode::Right])
                .unwrap_or(&KeyCode::Up),
        ),
        77..=80 => plain(KeyCode::Backspace),
        81..=83 => plain(
            *rng.choice(&[
                KeyCode::PageUp,
                KeyCode::PageDown,
                KeyCode::Home,
                KeyCode::End,
                KeyCode::Delete,
            ])
            .unwrap_or(&KeyCode::Home),
        ),
        84 => KeyEvent::new(KeyCode::Char('l'), KeyModifiers::CONTROL),
        85..=89 => plain(KeyCode::Char(
            rng.choice(['é', 'ü', '€', '—', '字']).unwrap_or('é'),
        )),
        _ => plain(KeyCode::Char(' ')),
    }
}

/// Whether the popup on top asks for the path of an export file.
fn typing_a_path(h: &Harness) -> bool {
    let top = h.app.workspace().and_then(|ws| ws.popups.last());
    matches!(
        top,
        Some(Popup::Form(f)) if matches!(
            f.purpose,
            FormPurpose::Rights(RightsForm::AccessExport(_) | RightsForm::ExportMailing)
        )
    )
}

/// A short name for the kind of popup: the rights form, or the popup kind.
fn popup_name(p: &Popup) -> String {
    match p {
        Popup::Form(f) => match &f.purpose {
            FormPurpose::Rights(r) => {
                let name = format!("{r:?}");
                name.split('(').next().unwrap_or("").to_string()
            }
            other => format!("{other:?}"),
        },
        Popup::Confirm(_) => "confirm".into(),
        Popup::Reader(_) => "reader".into(),
        Popup::Help(_) => "help".into(),
        Popup::Files(_) => "files".into(),
        Popup::Copy(_) => "copy".into(),
        Popup::Search(_) => "search".into(),
    }
}

#[test]
fn random_keys_on_every_screen_and_size_never_panic() {
    let dir = tempfile::tempdir().unwrap();
    let vault = rights_vault(dir.path());
    // Random exports write relative paths: keep them in the temporary folder.
    let files = dir.path().join("exports");
    std::fs::create_dir(&files).unwrap();
    std::env::set_current_dir(&files).unwrap();
    let mut rng = fastrand::Rng::with_seed(0x6b6c7569);
    let mut h = Harness::open(&vault, Lang::Nl, 100, 30);
    let mut keys = 0usize;
    let mut seen = std::collections::BTreeSet::new();
    for screen in Screen::ALL {
        for (w, hgt) in SIZES {
            h.resize(w, hgt);
            if h.app.is_locked() {
                h.step_and_draw(&format!("{PASS}<Enter>"));
            }
            // A changed form asks before it closes: y drops it.
            h.step_and_draw("<Esc>y<Esc>y<Esc>y<Esc>y");
            h.app.apply(kluis::app::Action::GoTo(screen));
            for i in 0..KEYS_PER_RUN {
                if h.app.is_locked() {
                    // Unlock again half of the time; type at the unlock screen otherwise.
                    if rng.bool() {
                        h.step_and_draw(&format!("{PASS}<Enter>"));
                    }
                }
                let mut key = random_key(&mut rng);
                if key.code == KeyCode::Char('/') && typing_a_path(&h) {
                    // Never an absolute path outside the temporary folder.
                    key = KeyEvent::new(KeyCode::Char('_'), KeyModifiers::NONE);
                }
                h.app.on_key(key);
                if let Some(p) = h.app.workspace().and_then(|ws| ws.popups.last()) {
                    seen.insert(popup_name(p));
                }
                if i % 97 == 0 {
                    let (w2, h2) = (rng.u16(1..220), rng.u16(1..70));
                    h.resize(w2, h2);
                    h.draw();
                    h.resize(w, hgt);
                }
                h.draw();
                keys += 1;
            }
        }
    }
    assert!(keys >= 30_000, "{keys} keys");
    // The popups of screens 5–7 and of a person's rights were reached.
    for name in [
        "NewContact",
        "NewQuote",
        "NewSubscriber",
        "ExportMailing",
        "NewRequest",
        "NewComplaint",
        "AccessExport",
        "confirm",
    ] {
        assert!(seen.contains(name), "{name} never opened: {seen:?}");
    }
}
