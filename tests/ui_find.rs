//! Finding things: every filter ignores case and accents, the search across
//! records jumps to the record, and `s` sorts a list by a column.

// Tests stop at the first surprise: unwrap, expect and panic are how they fail.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

pub mod common {
    pub mod ui;
    pub mod vault;
}

use common::{ui::*, vault::*};
use kluis::i18n::Lang;
use std::path::{Path, PathBuf};

const PEOPLE: &str = r#"{ "people": [
  { "ref": "z", "name": "Zoë Rivier", "email": "zoe@rivier.example", "created_on": "2026-02-01" },
  { "ref": "y", "name": "Emre Yılmaz", "organisation": "Gemeente Ĳsselstein", "created_on": "2026-03-01" },
  { "ref": "a", "name": "Anna de Vries", "created_on": "2026-04-01" }
] }"#;

fn accented_vault(dir: &Path) -> PathBuf {
    let vault = dir.join("vault");
    drop(new_session(&vault, NOW));
    import_in_process(&vault, PEOPLE, NOW);
    vault
}

#[test]
fn the_people_filter_ignores_case_and_accents() {
    let dir = tempfile::tempdir().unwrap();
    let vault = accented_vault(dir.path());
    let mut h = Harness::open(&vault, Lang::En, 100, 30);
    let screen = h.step_and_draw("2/zoe rivier");
    assert!(screen.contains("Zoë Rivier"), "{screen}");
    assert!(!screen.contains("Anna de Vries"), "{screen}");
    let screen = h.step_and_draw("<Esc>/yilmaz");
    assert!(screen.contains("Emre Yılmaz"), "{screen}");
    assert!(!screen.contains("Zoë Rivier"), "{screen}");
    let screen = h.step_and_draw("<Esc>/ijsselstein");
    assert!(screen.contains("Emre Yılmaz"), "{screen}");
}
