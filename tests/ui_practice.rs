//! The practice in the UI (DESIGN.md §13.2, §13.3): the access export
//! lists the names of other people before it writes anything; a form
//! taller than the terminal scrolls to the field in focus.

// Tests stop at the first surprise: unwrap, expect and panic are how they fail.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

pub mod common {
    pub mod ui;
    pub mod vault;
}

use common::ui::Harness;
use common::vault::{NOW, import_into, new_session};
use kluis::i18n::Lang;
use std::path::{Path, PathBuf};

const DATA: &str = r#"{
  "people": [
    {"ref": "anne", "name": "Anne Jansen", "email": "anne@example.nl", "created_on": "2026-09-01"},
    {"ref": "bas", "name": "Bas de Boer", "email": "bas@example.nl", "created_on": "2026-09-01"},
    {"ref": "karin", "name": "Karin Smit", "created_on": "2026-09-01"}
  ],
  "trajectories": [{"ref": "t1", "kind": "coaching", "title": "Loopbaancoaching Bas",
                    "participants": ["anne", "bas"], "started_on": "2026-09-10"}],
  "documents": [{"trajectory": "t1", "participant": "anne", "kind": "individual_report",
                 "title": "Verslag Anne", "body": "Anne sprak met Bas de Boer over haar loopbaan.", "created_on": "2026-10-01"}]
}"#;

fn vault(dir: &Path) -> PathBuf {
    let v = dir.join("vault");
    let mut s = new_session(&v, NOW);
    import_into(&mut s, DATA);
    v
}

#[test]
fn the_access_export_lists_other_names_before_it_writes_and_lets_the_coach_choose() {
    let dir = tempfile::tempdir().unwrap();
    let v = vault(dir.path());
    let mut h = Harness::open(&v, Lang::En, 100, 30);
    let kept = dir.path().join("anne-kept.md");
    let screen = h.step_and_draw("2/anne<Enter>x");
    // Listed in the form, before anything is written.
    assert!(screen.contains("Bas de Boer"), "{screen}");
    assert!(screen.contains("Nothing is"), "{screen}");
    assert!(
        screen.contains("Other people's names")
            && screen.contains("replace with [other participant]"),
        "{screen}"
    );
    let screen = h.step_and_draw(&format!("<Tab>{}<Tab><Right><Enter>", kept.display()));
    assert!(screen.contains("Access export written"), "{screen}");
    // No profile yet: the receipt says what the export still lacks.
    assert!(
        screen.contains("Not yet filled in in the practice profile: name of the practice"),
        "{screen}"
    );
    let text = std::fs::read_to_string(&kept).unwrap();
    assert!(text.contains("Loopbaancoaching Bas"), "{text}");

    // Replaced: the choice the form starts with.
    let replaced = dir.path().join("anne.md");
    h.step_and_draw("<Esc>");
    let screen = h.step_and_draw(&format!("x<Tab>{}<Enter>", replaced.display()));
    assert!(screen.contains("Access export written"), "{screen}");
    let text = std::fs::read_to_string(&replaced).unwrap();
    assert!(
        text.contains(r"Loopbaancoaching \[other participant\]"),
        "{text}"
    );
    assert!(!text.contains("Bas de Boer"), "{text}");
}

#[test]
fn an_export_without_other_names_asks_nothing_about_them() {
    let dir = tempfile::tempdir().unwrap();
    let v = vault(dir.path());
    let mut h = Harness::open(&v, Lang::Nl, 100, 30);
    let screen = h.step_and_draw("2/karin<Enter>x");
    assert!(
        screen.contains("Inzageverzoek") || screen.contains("Formaat"),
        "{screen}"
    );
    assert!(!screen.contains("Namen van anderen"), "{screen}");
}

/// A vault with one breach, discovered an hour ago.
fn breach_vault(dir: &Path) -> PathBuf {
    let v = dir.join("vault");
    let mut s = new_session(&v, NOW);
    let now = s.clock.now;
    let d = kluis::ops::breach::Details::new(now, "Laptop gestolen");
    kluis::ops::breach::create(&mut s, d).unwrap();
    v
}

#[test]
fn a_form_taller_than_the_terminal_scrolls_to_the_field_in_focus() {
    let dir = tempfile::tempdir().unwrap();
    let v = breach_vault(dir.path());
    let mut h = Harness::open(&v, Lang::En, 80, 24);
    let screen = h.step_and_draw("8e");
    assert!(screen.contains("▸ Title"), "{screen}");
    assert!(!screen.contains("Other remarks"), "{screen}");
    // Up from the first field is the last one: it is in sight, and the
    // problem of a failed save stays under the fields.
    let screen = h.step_and_draw("<Up>");
    assert!(screen.contains("▸ Other remarks"), "{screen}");
    assert!(!screen.contains("▸ Title"), "{screen}");
    let screen = h.step_and_draw("<Tab><Tab>x<Enter>");
    assert!(screen.contains("▸ Discovered at"), "{screen}");
    assert!(
        screen.contains("Write a moment as YYYY-MM-DD HH:MM."),
        "{screen}"
    );
}

/// The practice profile of the session behind the UI.
fn profile(h: &Harness) -> kluis::domain::practice::Practice {
    kluis::ops::practice::profile(&h.app.workspace().unwrap().session)
}

#[test]
fn the_settings_form_edits_the_profile_with_an_audit_entry_and_refuses_a_longer_period() {
    let dir = tempfile::tempdir().unwrap();
    let v = vault(dir.path());
    let mut h = Harness::open(&v, Lang::En, 100, 30);
    // The key is in the footer and the help, from the key table.
    let screen = h.draw();
    assert!(screen.contains("P practice"), "{screen}");
    let help = h.step_and_draw("?");
    assert!(help.contains("practice"), "{help}");
    let screen = h.step_and_draw("<Esc>P");
    assert!(screen.contains("Practice profile"), "{screen}");
    assert!(screen.contains("▸ Name of the practice"), "{screen}");
    // Name, then down to the e-mail address; the processors' editor, then
    // the period of declined quotes (the seventh rule), shortened to 6.
    let screen = h.step_and_draw(
        "Optiwork<Tab><Tab><Tab>info@optiwork.example<Tab><Tab><Tab><Tab><Tab><Tab><Tab><Tab><Tab><Tab><Tab>Laposta; newsletter; NL<Tab><Tab><Tab><Tab><Tab><Tab><Tab><BS><BS>6<Enter>",
    );
    assert!(screen.contains("Practice profile saved."), "{screen}");
    assert!(screen.contains("Not yet filled in"), "{screen}");
    let p = profile(&h);
    assert_eq!(p.name, "Optiwork");
    assert_eq!(p.email, "info@optiwork.example");
    assert_eq!(p.processors[0].name, "Laposta");
    assert_eq!(p.processors[0].country, "NL");
    assert_eq!(
        p.retention_months
            .get(&kluis::domain::retention::Rule::QuoteDeclined),
        Some(&6)
    );
    assert_eq!(p.retention_months.len(), 1);

    // A longer period than the rule's: refused with the rule, nothing kept.
    let screen = h.step_and_draw("<Esc>P<Up><Up><Up><Up><Up><Up><Up><Up><Up><BS><BS>48<Enter>");
    assert!(screen.contains("Practice profile"), "{screen}");
    assert!(
        screen.contains("48 months is longer than the rule for team advisory")
            && screen.contains("(36 months)"),
        "{screen}"
    );
    assert_eq!(profile(&h), p);
    h.step_and_draw("<Esc>y");
    // So is a backup period of more than a year (the last field).
    let screen = h.step_and_draw("P<Up><BS>13<Enter>");
    assert!(
        screen.contains("backup_months: 13 is not allowed"),
        "{screen}"
    );
    assert_eq!(profile(&h), p);
    h.step_and_draw("<Esc>y");
    drop(h);
    let vault = kluis::vault::Vault::open(&v, common::vault::PASS.as_bytes()).unwrap();
    let actions: Vec<String> = vault
        .audit_entries()
        .unwrap()
        .into_iter()
        .map(|e| e.action)
        .collect();
    assert_eq!(
        actions.iter().filter(|a| *a == "practice_set").count(),
        1,
        "{actions:?}"
    );
}

#[test]
fn the_first_run_asks_the_practices_name_and_email_and_may_be_left_for_later() {
    for (lang, title, later) in [
        (Lang::En, "Welcome: your practice", "fill in later with P"),
        (Lang::Nl, "Welkom: je praktijk", "later invullen met P"),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let v = dir.path().join("vault");
        let mut h = Harness::locked(&v, lang, 100, 30);
        let pass = "lange wachtwoordzin voor de test";
        let screen = h.step_and_draw(&format!("{pass}<Tab>{pass}<Enter>"));
        assert!(screen.contains(title), "{screen}");
        assert!(screen.contains(later), "{screen}");
        let screen = h.step_and_draw("Optiwork<Tab>info@optiwork.example<Enter>");
        assert!(!screen.contains(title), "{screen}");
        let p = profile(&h);
        assert_eq!(
            (p.name.as_str(), p.email.as_str()),
            ("Optiwork", "info@optiwork.example")
        );
    }
    // Skipped: the profile stays empty, to fill in later.
    let dir = tempfile::tempdir().unwrap();
    let v = dir.path().join("vault");
    let mut h = Harness::locked(&v, Lang::En, 100, 30);
    let pass = "lange wachtwoordzin voor de test";
    h.step_and_draw(&format!("{pass}<Tab>{pass}<Enter>"));
    let screen = h.step_and_draw("<Esc>");
    assert!(!screen.contains("Welcome: your practice"), "{screen}");
    assert_eq!(profile(&h), Default::default());
}

#[test]
fn the_breach_form_takes_the_lists_of_the_ap_form_as_pick_lists() {
    use kluis::domain::breach::{Damage, Nature, SubjectCategory};
    let dir = tempfile::tempdir().unwrap();
    let v = breach_vault(dir.path());
    let mut h = Harness::open(&v, Lang::En, 80, 24);
    // Down to the nature of the breach (the 22nd field): reading, altering.
    let screen = h.step_and_draw(&format!("8e{}", "<Down>".repeat(21)));
    assert!(
        screen.contains("▸ Nature") && screen.contains("[ ] reading (seen) (1/8)"),
        "{screen}"
    );
    assert!(screen.contains("(nothing chosen yet)"), "{screen}");
    assert!(screen.contains("Space add/remove"), "{screen}");
    let screen = h.step_and_draw("<Space><Right><Right><Space>");
    assert!(screen.contains("✓ reading (seen), altering"), "{screen}");
    // Three fields on, the kinds of people; four more, the damage.
    let screen =
        h.step_and_draw("<Down><Down><Down><Space><Right><Space><Right><Space><Left><Space>");
    assert!(
        screen.contains("✓ coaching or training participants, people who"),
        "{screen}"
    );
    h.step_and_draw("<Down><Down><Down><Down><Right><Right><Space><Enter>");
    let b = h
        .app
        .workspace()
        .unwrap()
        .session
        .data
        .breaches
        .values()
        .next()
        .unwrap()
        .clone();
    assert_eq!(b.form.nature, [Nature::Read, Nature::Altered]);
    assert_eq!(
        b.form.subject_categories,
        [SubjectCategory::Participants, SubjectCategory::Prospects]
    );
    assert_eq!(b.form.damage, [Damage::Immaterial]);
    // Opened again, the choices are there, in Dutch too.
    drop(h);
    let mut h = Harness::open(&v, Lang::Nl, 80, 24);
    let screen = h.step_and_draw(&format!("8e{}", "<Down>".repeat(21)));
    assert!(screen.contains("✓ lezen (inzien), veranderen"), "{screen}");
}

#[test]
fn the_draft_written_from_the_ui_says_what_the_profile_still_lacks() {
    let dir = tempfile::tempdir().unwrap();
    let v = breach_vault(dir.path());
    let draft = dir.path().join("melding.md");
    let mut h = Harness::open(&v, Lang::Nl, 120, 35);
    let keys = format!("8x<End>{}{}<Enter>", "<BS>".repeat(80), draft.display());
    let screen = h.step_and_draw(&keys);
    assert!(
        std::fs::read_to_string(&draft)
            .unwrap()
            .contains("Laptop gestolen")
    );
    assert!(
        screen.contains("Nog niet ingevuld in het praktijkprofiel: naam van de praktijk"),
        "{screen}"
    );
}
