//! Text input in the app: a paste is text for the field in focus and never
//! keys (`app::paste`), and a long text is written in the editor
//! (`app::editor`), driven by keys and pastes on a fixed clock.

// Tests stop at the first surprise: unwrap, expect and panic are how they fail.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

pub mod common {
    pub mod sample;
    pub mod ui;
    pub mod vault;
}

use common::{sample::*, ui::*, vault::PASS};
use kluis::app::popup::Popup;
use kluis::domain::Dataset;
use kluis::i18n::Lang;

/// A report whose lines hold keys of the Trajectories screen: `a` attach,
/// `c` complete, `d` delete, `y` yes, `q` quit.
const REPORT: &str = "Gesprek 1: a goed begin.\r\nc en d besproken, y gezegd.\r\n\r\nq tot slot";

fn counts(data: &Dataset) -> (usize, usize, usize) {
    (
        data.people.len(),
        data.trajectories.len(),
        data.documents.len(),
    )
}

fn data(h: &Harness) -> &Dataset {
    &h.app.workspace().unwrap().session.data
}

#[test]
fn a_pasted_report_goes_whole_into_the_document_text_and_runs_no_key() {
    let (_dir, vault) = sample();
    let mut h = Harness::open(&vault, Lang::En, 100, 30);
    let (people, trajectories, documents) = counts(data(&h));
    h.step_and_draw("3a<Tab><Tab>Verslag gesprek 1<Tab>");
    let screen = h.paste_and_draw(REPORT);
    assert_eq!(
        h.app.workspace().unwrap().popups.len(),
        1,
        "only the attach form: {screen}"
    );
    assert!(screen.contains("Attach a document"), "{screen}");
    assert!(
        screen.contains("c en d besproken, y gezegd.") && screen.contains("q tot slot"),
        "every line in the editor: {screen}"
    );
    let screen = h.step_and_draw("<C-s>");
    assert!(screen.contains("Document attached."), "{screen}");
    let d = data(&h);
    assert_eq!(
        counts(d),
        (people, trajectories, documents + 1),
        "one document more, nothing else changed"
    );
    let doc = d
        .documents
        .values()
        .find(|doc| doc.title == "Verslag gesprek 1")
        .unwrap();
    assert_eq!(
        doc.body,
        "Gesprek 1: a goed begin.\nc en d besproken, y gezegd.\n\nq tot slot"
    );
    assert!(!h.app.should_quit());
}

#[test]
fn a_paste_outside_a_field_does_nothing() {
    let (_dir, vault) = sample();
    let mut h = Harness::open(&vault, Lang::En, 100, 30);
    let before = h.step_and_draw("3");
    let (people, trajectories, documents) = counts(data(&h));
    let after = h.paste_and_draw("d\ny\nc\na\nq");
    assert_eq!(after, before);
    assert!(h.app.workspace().unwrap().popups.is_empty());
    assert_eq!(counts(data(&h)), (people, trajectories, documents));
    assert!(!h.app.should_quit());
    // Nor in a popup without a field: the help stays as it is.
    let help = h.step_and_draw("?");
    assert_eq!(h.paste_and_draw("q\n"), help);
    assert_eq!(h.app.workspace().unwrap().popups.len(), 1);
}

#[test]
fn a_one_line_field_takes_one_line_and_refuses_more_without_a_change() {
    let (_dir, vault) = sample();
    let mut h = Harness::open(&vault, Lang::Nl, 100, 30);
    h.step_and_draw("2n");
    let screen = h.paste_and_draw("Eva\r\nde Vries");
    assert!(
        screen.contains(
            "Dit veld neemt één regel; de geplakte tekst heeft er meer en is niet geplakt."
        ),
        "{screen}"
    );
    let Some(Popup::Form(form)) = h.app.workspace().unwrap().popups.last() else {
        panic!("the form stays open");
    };
    assert_eq!(form.value(0), "");
    // A name copied with its line break: the break is dropped.
    h.paste_and_draw("Eva de Vries\n");
    let screen = h.step_and_draw("<Enter>");
    assert!(screen.contains("Persoon toegevoegd."), "{screen}");
    assert!(data(&h).people.values().any(|p| p.name == "Eva de Vries"));
}

#[test]
fn the_editor_takes_line_breaks_and_moves_by_line() {
    let (_dir, vault) = sample();
    let mut h = Harness::open(&vault, Lang::En, 100, 30);
    h.step_and_draw("3a<Tab><Tab>Notities<Tab>");
    let screen = h.step_and_draw("eerste<Enter>tweede");
    let footer = screen.lines().last().unwrap();
    assert!(
        footer.contains("Enter new line") && footer.contains("Ctrl-s save"),
        "{footer}"
    );
    assert!(!footer.contains("Enter save"), "{footer}");
    // Up to the first line, to its end, and a word added there.
    h.step_and_draw("<Up><End> regel<Down><Home>de ");
    let screen = h.step_and_draw("<C-s>");
    assert!(screen.contains("Document attached."), "{screen}");
    let doc = data(&h)
        .documents
        .values()
        .find(|doc| doc.title == "Notities")
        .unwrap();
    assert_eq!(doc.body, "eerste regel\nde tweede");
}

#[test]
fn the_editor_wraps_a_long_line_and_scrolls_to_the_cursor() {
    let (_dir, vault) = sample();
    let mut h = Harness::open(&vault, Lang::En, 80, 24);
    h.step_and_draw("3a<Tab><Tab>Lang<Tab>");
    let words: Vec<String> = (1..=120).map(|i| format!("woord{i}")).collect();
    let screen = h.paste_and_draw(&words.join(" "));
    assert!(
        screen.contains("woord120"),
        "the end, where the cursor is: {screen}"
    );
    assert!(
        !screen.contains("woord1 "),
        "the start scrolled away: {screen}"
    );
    for line in screen.lines() {
        assert!(line.chars().count() <= 80, "{line}");
    }
    let screen = h.step_and_draw("<PgUp><PgUp><PgUp><PgUp><PgUp>");
    assert!(screen.contains("woord1 woord2"), "{screen}");
}

#[test]
fn a_passphrase_can_be_pasted_on_the_unlock_screen() {
    let (_dir, vault) = sample();
    let mut h = Harness::locked(&vault, Lang::En, 100, 30);
    h.paste_and_draw(&format!("{PASS}\n"));
    h.step_and_draw("<Enter>");
    assert!(!h.app.is_locked());
}
