//! Finding things: every filter ignores case and accents, the search across
//! records jumps to the record, and `s` sorts a list by a column.

// Tests stop at the first surprise: unwrap, expect and panic are how they fail.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

pub mod common {
    pub mod sample;
    pub mod snapshots;
    pub mod ui;
    pub mod vault;
}

use common::snapshots::layouts;
use common::{sample::*, ui::*, vault::*};
use kluis::app::Screen;
use kluis::domain::{AnyRecord, Complaint, Id, Kind};
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

/// The record under the cursor of the screen shown.
fn shown(h: &Harness) -> (Screen, Option<(Kind, String)>) {
    let ws = h.app.workspace().unwrap();
    let record = ws.screens.get(ws.screen).selected_record();
    (ws.screen, record.map(|(k, id)| (k, id.to_string())))
}

#[test]
fn the_search_finds_people_by_name_without_case_or_accents_and_opens_them() {
    let dir = tempfile::tempdir().unwrap();
    let vault = accented_vault(dir.path());
    let mut h = Harness::open(&vault, Lang::En, 100, 30);
    // From another screen, whose own filter hides nobody of interest.
    let screen = h.step_and_draw("3<C-f>");
    assert!(screen.contains("Type a name, e-mail address"), "{screen}");
    let screen = h.step_and_draw("zoe rivier");
    assert!(
        screen.contains("1 record found") && screen.contains("person  Zoë Rivier"),
        "{screen}"
    );
    assert!(screen.contains("zoe@rivier.example"), "{screen}");
    assert!(!screen.contains("Emre"), "{screen}");
    let screen = h.step_and_draw("<Enter>");
    assert!(
        screen.contains("People · Zoë Rivier"),
        "the detail: {screen}"
    );
    let ws = h.app.workspace().unwrap();
    assert_eq!(ws.screen, Screen::People);
    assert!(ws.popups.is_empty());
    // Dotless ı, and the organisation's ligature Ĳ; Esc closes the search.
    let screen = h.step_and_draw("<Esc><C-f>YILMAZ");
    assert!(screen.contains("person  Emre Yılmaz"), "{screen}");
    let screen = h.step_and_draw("<BS><BS><BS><BS><BS><BS>ijssel");
    assert!(screen.contains("Emre Yılmaz"), "{screen}");
    let screen = h.step_and_draw("<Esc>");
    assert!(!screen.contains("Find:"), "{screen}");
    assert!(h.app.workspace().unwrap().popups.is_empty());
}

#[test]
fn the_search_clears_a_filter_that_hides_the_record_it_jumps_to() {
    let dir = tempfile::tempdir().unwrap();
    let vault = accented_vault(dir.path());
    let mut h = Harness::open(&vault, Lang::En, 100, 30);
    h.step_and_draw("2/anna<Enter>");
    // Emre's detail is not what Enter on the search does for... the list:
    // back on the list, the cursor is on him and the filter is gone.
    let screen = h.step_and_draw("<C-f>emre<Enter><Esc>");
    assert!(
        screen.contains("Zoë Rivier") && screen.contains("Anna de Vries"),
        "{screen}"
    );
    let (screen_shown, record) = shown(&h);
    assert_eq!(screen_shown, Screen::People);
    let emre = h
        .app
        .workspace()
        .unwrap()
        .session
        .data
        .people
        .iter()
        .find(|(_, p)| p.name == "Emre Yılmaz")
        .map(|(id, _)| id.to_string());
    assert_eq!(record.map(|r| r.1), emre);
}

#[test]
fn the_search_jumps_to_every_kind_of_record() {
    let (_dir, vault) = rights_sample();
    let mut h = Harness::open(&vault, Lang::En, 120, 35);
    // A document: its trajectory's documents, the cursor on it.
    let screen = h.step_and_draw("<C-f>eindrapport");
    assert!(
        screen.contains("individual report  Eindrapport Anna"),
        "{screen}"
    );
    let screen = h.step_and_draw("<Enter>");
    let (on, record) = shown(&h);
    assert_eq!(on, Screen::Trajectories);
    assert_eq!(record.expect(&screen).0, Kind::Trajectory);
    let ws = h.app.workspace().unwrap();
    assert_eq!(
        ws.screens.trajectories.selected_document().unwrap().title,
        "Eindrapport Anna"
    );
    // A team report by its organisation; never by what its password guards.
    let screen = h.step_and_draw("<C-f>vertrouwen");
    assert!(screen.contains("Nothing found."), "{screen}");
    let screen = h.step_and_draw("<Esc><C-f>team noord");
    assert!(
        screen.contains("team report  Advies Team Noord"),
        "{screen}"
    );
    h.step_and_draw("<Enter>");
    let (on, _) = shown(&h);
    assert_eq!(on, Screen::TeamReports);
    let ws = h.app.workspace().unwrap();
    assert_eq!(
        ws.screens.team_reports.selected().unwrap().title,
        "Advies Team Noord"
    );
    // A contact request by its e-mail address: its screen, and its detail view.
    let screen = h.step_and_draw("<C-f>FEMKE@");
    assert!(screen.contains("contact request  Femke Mulder"), "{screen}");
    let screen = h.step_and_draw("<Enter>");
    assert!(screen.contains("Contact request: Femke Mulder"), "{screen}");
    let (on, record) = shown(&h);
    assert_eq!(
        (on, record.unwrap().0),
        (Screen::Inquiries, Kind::ContactRequest)
    );
}

#[test]
fn the_search_shows_no_control_characters_of_stored_text() {
    let dir = tempfile::tempdir().unwrap();
    let vault = dir.path().join("vault");
    // Stored before the checks on input (an older vault): an escape code
    // and a line break in a complaint's summary.
    let mut s = new_session(&vault, NOW);
    let complaint = Complaint {
        person: None,
        summary: "Eva \u{1b}[2J belde over de factuur\nen de btw".into(),
        received_on: chrono::NaiveDate::from_ymd_opt(2026, 11, 1).unwrap(),
        handled_on: None,
        referred_to_ap: false,
    };
    let id = Id::parse("00000000000000e1").unwrap();
    s.commit(
        "test_setup",
        vec![(id, AnyRecord::Complaint(complaint))],
        vec![],
    )
    .unwrap();
    drop(s);
    let mut h = Harness::open(&vault, Lang::En, 100, 30);
    // Found by the summary's second line too.
    let screen = h.step_and_draw("<C-f>btw");
    assert!(screen.contains("complaint  Eva "), "{screen}");
    let buffer = h.terminal.backend().buffer().clone();
    assert!(
        buffer
            .content()
            .iter()
            .all(|c| !c.symbol().contains('\u{1b}')),
        "{screen}"
    );
}

layouts! {
    on sample_vault;
    search_popup: "2<C-f>an";
    search_hint: "<C-f>";
}
