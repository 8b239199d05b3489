//! A long random key sequence (fixed seed) on every screen at several
//! sizes, each frame drawn into a `TestBackend`: nothing may panic.

mod support;

use kluis::app::Screen;
use kluis::i18n::Lang;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use support::*;

const SIZES: [(u16, u16); 6] = [(100, 30), (60, 15), (59, 14), (200, 60), (20, 5), (80, 24)];
const KEYS_PER_RUN: usize = 700;

fn random_key(rng: &mut fastrand::Rng) -> KeyEvent {
    let plain = |c: KeyCode| KeyEvent::new(c, KeyModifiers::NONE);
    match rng.u8(0..100) {
        0..=29 => {
            let c = *rng
                .choice(b"jkgGnedxatcD /?y12345689qJKu".iter())
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

#[test]
fn random_keys_on_every_screen_and_size_never_panic() {
    let dir = tempfile::tempdir().unwrap();
    let vault = sample_vault(dir.path());
    // Screen 8 exports drafts to typed (relative) paths: keep them in the
    // temporary folder. This is the only test of this binary.
    std::env::set_current_dir(dir.path()).unwrap();
    let mut rng = fastrand::Rng::with_seed(0x6b6c7569);
    let mut h = Harness::open(&vault, Lang::Nl, 100, 30);
    let mut keys = 0usize;
    for screen in Screen::ALL {
        for (w, hgt) in SIZES {
            h.resize(w, hgt);
            if h.app.is_locked() {
                h.step_and_draw(&format!("{PASSPHRASE}<Enter>"));
            }
            h.step_and_draw("<Esc><Esc><Esc>");
            h.app.apply(kluis::app::Action::GoTo(screen));
            for i in 0..KEYS_PER_RUN {
                if h.app.is_locked() {
                    // Unlock again half of the time; type at the unlock screen otherwise.
                    if rng.bool() {
                        h.step_and_draw(&format!("{PASSPHRASE}<Enter>"));
                    }
                }
                h.app.on_key(random_key(&mut rng));
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
}
