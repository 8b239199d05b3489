//! Key monkey: 100 000 random keys through the app (every key followed by a
//! frame drawn into ratatui's `TestBackend`), spread over all nine screens,
//! at random terminal sizes down to 1×1. Nothing may panic.
//!
//! Each screen starts on its own copy of a vault with the demo data, so the
//! keys meet full lists, forms, popups and deletions; locking (Ctrl-l) and
//! unlocking happen along the way. `KLUIS_MONKEY_KEYS` sets the number of keys
//! (default 100 000), `KLUIS_MONKEY_SEED` replays a run; the seed is printed,
//! and a panic reports the screen, the size and the last keys.

// Tests stop at the first surprise: unwrap, expect and panic are how they fail.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

pub mod common {
    pub mod files;
    pub mod vault;
}

use common::{
    files::{copy_dir, wait_until_released},
    vault::{FAST, NOW, PASS, clock, open_session},
};
use kluis::app::{Action, App, Screen, Settings};
use kluis::i18n::Lang;
use kluis::ops::{Session, demo, import};
use kluis::vault::Vault;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use std::collections::VecDeque;
use std::panic::{AssertUnwindSafe, catch_unwind, resume_unwind};
use std::time::Instant;

fn random_key(rng: &mut fastrand::Rng) -> KeyEvent {
    let plain = |c: KeyCode| KeyEvent::new(c, KeyModifiers::NONE);
    match rng.u16(0..2000) {
        // Locking is rare: unlocking again costs a vault open.
        0 => KeyEvent::new(KeyCode::Char('l'), KeyModifiers::CONTROL),
        1..=500 => {
            // The keys the key table binds, and digits for the screens.
            let c = *rng
                .choice(b"jkgGnedxatcDy /?123456789qJKNY".iter())
                .unwrap();
            let mods = if c.is_ascii_uppercase() {
                KeyModifiers::SHIFT
            } else {
                KeyModifiers::NONE
            };
            KeyEvent::new(KeyCode::Char(c as char), mods)
        }
        501..=800 => plain(KeyCode::Char(rng.alphanumeric())),
        801..=880 => plain(KeyCode::Char(
            rng.choice([
                'é', 'ü', '€', '—', '字', '👍', '\u{301}', '\t', '-', '.', '@',
            ])
            .unwrap(),
        )),
        881..=1080 => plain(KeyCode::Enter),
        1081..=1230 => plain(KeyCode::Esc),
        1231..=1330 => plain(KeyCode::Tab),
        1331..=1380 => KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT),
        1381..=1600 => plain(
            *rng.choice(&[KeyCode::Up, KeyCode::Down, KeyCode::Left, KeyCode::Right])
                .unwrap(),
        ),
        1601..=1700 => plain(KeyCode::Backspace),
        1701..=1800 => plain(
            *rng.choice(&[
                KeyCode::PageUp,
                KeyCode::PageDown,
                KeyCode::Home,
                KeyCode::End,
                KeyCode::Delete,
                KeyCode::Insert,
                KeyCode::F(1),
                KeyCode::F(12),
                KeyCode::Null,
            ])
            .unwrap(),
        ),
        // Modifiers on anything.
        _ => {
            let mods = *rng
                .choice(&[
                    KeyModifiers::CONTROL,
                    KeyModifiers::ALT,
                    KeyModifiers::SHIFT | KeyModifiers::CONTROL,
                ])
                .unwrap();
            let mut k = KeyEvent::new(KeyCode::Char(rng.lowercase()), mods);
            if k.code == KeyCode::Char('l') && mods.contains(KeyModifiers::CONTROL) {
                k.code = KeyCode::Char('m');
            }
            k
        }
    }
}

/// Terminal sizes down to 1×1; small ones are the likeliest to break a layout.
fn random_size(rng: &mut fastrand::Rng) -> (u16, u16) {
    match rng.u8(0..10) {
        0..=3 => (rng.u16(1..=24), rng.u16(1..=8)),
        4..=5 => (rng.u16(1..=80), rng.u16(1..=24)),
        _ => (rng.u16(40..=220), rng.u16(10..=70)),
    }
}

#[test]
fn random_keys_on_every_screen_at_any_size_never_panic() {
    let total: usize = std::env::var("KLUIS_MONKEY_KEYS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000);
    let seed: u64 = std::env::var("KLUIS_MONKEY_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| fastrand::u64(..));
    println!("key monkey: {total} keys, seed {seed} (replay with KLUIS_MONKEY_SEED={seed})");
    let mut rng = fastrand::Rng::with_seed(seed);
    let started = Instant::now();

    let tmp = tempfile::tempdir().unwrap();
    // Exports the keys ask for (a breach report draft, say) land in the
    // working folder: make that a temporary one, never the source tree.
    // (This test is alone in its binary, so changing it affects no other.)
    std::env::set_current_dir(tmp.path()).unwrap();
    let base = tmp.path().join("base");
    {
        let v = Vault::create(&base, PASS.as_bytes(), FAST, NOW).unwrap();
        let mut s = Session::load(v, clock(NOW)).unwrap();
        let mut file = demo::demo_file(clock(NOW).today());
        // Sealing team reports with the real cost is slow in a debug build;
        // one is enough to have the screen filled.
        file.team_reports.truncate(1);
        let plan = import::plan(&s, &file).unwrap();
        import::apply(&mut s, plan).unwrap();
    }
    wait_until_released(&base);

    let (base_records, base_entries) = {
        let s = open_session(&base, NOW);
        (s.data.len(), s.vault.audit_entries().unwrap().len())
    };
    wait_until_released(&base);
    let mut changes = 0usize;
    let per_screen = total.div_ceil(Screen::ALL.len());
    let mut keys = 0usize;
    let (mut locks, mut resizes) = (0, 0);
    for (n, screen) in Screen::ALL.into_iter().enumerate() {
        let vault = tmp.path().join(format!("screen{n}"));
        copy_dir(&base, &vault);
        let (mut w, mut h) = random_size(&mut rng);
        let mut settings = Settings::new(Lang::Nl, clock(NOW), vault.clone());
        settings.create_params = FAST;
        settings.color = rng.bool();
        let mut app = App::open(settings, open_session(&vault, NOW), Rect::new(0, 0, w, h));
        let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
        app.apply(Action::GoTo(screen));
        let mut last: VecDeque<String> = VecDeque::new();
        for i in 0..per_screen.min(total - keys) {
            let key = random_key(&mut rng);
            let resize = i % 50 == 0;
            if resize {
                // Every screen meets the smallest terminal at least once.
                (w, h) = if i == 50 {
                    (1, 1)
                } else {
                    random_size(&mut rng)
                };
                resizes += 1;
            }
            let unlock = app.is_locked() && rng.u8(0..4) == 0;
            last.push_back(format!("{:?} {:?} at {w}x{h}", key.code, key.modifiers));
            if last.len() > 25 {
                last.pop_front();
            }
            let step = catch_unwind(AssertUnwindSafe(|| {
                if resize {
                    terminal.backend_mut().resize(w, h);
                    app.resize(w, h);
                }
                if unlock {
                    for c in PASS.chars() {
                        app.on_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
                    }
                    app.on_key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
                }
                let was_locked = app.is_locked();
                app.on_key(key);
                terminal.draw(|f| kluis::ui::draw(&app, f)).unwrap();
                !was_locked && app.is_locked()
            }));
            match step {
                Ok(locked) => locks += usize::from(locked),
                Err(panic) => {
                    eprintln!(
                        "panic on screen {screen:?} after {i} keys (seed {seed}); last keys:\n{}",
                        last.iter().cloned().collect::<Vec<_>>().join("\n")
                    );
                    resume_unwind(panic);
                }
            }
            keys += 1;
        }
        // `q` only asks the main loop to stop; the state stays usable, so
        // the monkey goes on typing into it.
        drop(app);
        wait_until_released(&vault);
        // What the keys changed in the vault: new, edited and deleted records.
        let s = open_session(&vault, NOW);
        let written = s.vault.audit_entries().unwrap().len() - base_entries;
        changes += written;
        println!(
            "{screen:?}: {written} changes written, {} records left (of {base_records})",
            s.data.len()
        );
        drop(s);
        wait_until_released(&vault);
    }
    assert_eq!(keys, total);
    if total >= 50_000 {
        // The keys reached forms and confirmations, not only lists.
        assert!(changes > 0, "no key sequence changed the vault");
    }
    println!(
        "key monkey: {keys} keys and frames, {resizes} resizes, {locks} locks, {:.1} s",
        started.elapsed().as_secs_f64()
    );
}
