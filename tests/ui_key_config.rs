//! Key bindings from `config.toml` in the UI (DESIGN.md §13.5): with the
//! key table in effect changed, the key, the footer and the help change
//! together. The table is installed once per process, so this file is a
//! process of its own.

// Tests stop at the first surprise: unwrap, expect and panic are how they fail.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

pub mod common {
    pub mod sample;
    pub mod ui;
    pub mod vault;
}

use common::{sample::*, ui::*};
use kluis::app::key_overrides::{Override, apply};
use kluis::app::keymap;
use kluis::i18n::Lang;

#[test]
fn a_rebound_key_works_and_the_footer_and_help_show_it() {
    let table = apply(&[Override {
        scope: "people".into(),
        binding: "new".into(),
        keys: vec!["a".into()],
    }])
    .unwrap();
    assert!(keymap::install(table));
    let (_dir, vault) = sample();
    let mut h = Harness::open(&vault, Lang::En, 120, 30);
    let screen = h.step_and_draw("2");
    let footer = screen.lines().rev().find(|l| !l.trim().is_empty()).unwrap();
    assert!(footer.contains("a new"), "{footer}");
    assert!(!footer.contains("n new"), "{footer}");
    // The old key does nothing; the new one opens the form.
    let screen = h.step_and_draw("n");
    assert!(!screen.contains("New person"), "{screen}");
    let screen = h.step_and_draw("a");
    assert!(screen.contains("New person"), "{screen}");
    // The help of the People screen lists the new key.
    let screen = h.step_and_draw("<Esc>?");
    let line = screen.lines().find(|l| l.contains(" new")).unwrap();
    assert!(line.contains(" a "), "{screen}");
}
