//! Dutch that reads as Dutch: names on the tab bar, singular and plural,
//! no English words, the words of the practice ("wachtwoordzin"), keys
//! named, amounts and dates the Dutch way. One test per wording.

// Tests stop at the first surprise: unwrap, expect and panic are how they fail.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

pub mod common {
    pub mod sample;
    pub mod ui;
    pub mod vault;
}

use common::{sample::*, ui::*, vault::*};
use kluis::domain::{AnyRecord, Id, Subscriber, SubscriberSource};
use kluis::i18n::Lang;

fn rights() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let vault = rights_vault(dir.path());
    (dir, vault)
}

#[test]
fn the_tab_bar_keeps_names_at_120_columns_while_screen_9_shows_a_count() {
    let (_dir, vault) = sample();
    let mut h = Harness::open(&vault, Lang::Nl, 120, 35);
    let screen = h.step_and_draw("1");
    let tabs = screen.lines().next().unwrap();
    assert!(tabs.contains("(6)"), "screen 9 counts: {tabs}");
    assert!(
        tabs.contains("2 Personen") && tabs.contains("8 Datalekken"),
        "{tabs}"
    );
}

#[test]
fn the_overview_names_request_kinds_in_dutch() {
    let (_dir, vault) = sample();
    let mut h = Harness::open(&vault, Lang::Nl, 100, 30);
    let screen = h.step_and_draw("1");
    assert!(screen.contains("inzage (10-12-2026)"), "{screen}");
    assert!(!screen.contains("access"), "{screen}");
}

#[test]
fn counts_take_the_singular_for_one() {
    let (_dir, vault) = rights();
    let mut h = Harness::open(&vault, Lang::Nl, 100, 30);
    let screen = h.step_and_draw("6");
    assert!(
        screen.contains("3 abonnees · 2 afgemelde adressen"),
        "{screen}"
    );
    let screen = h.step_and_draw("2/anna<Enter>d");
    assert!(
        screen.contains("1 open verwijderverzoek van deze persoon wordt hiermee"),
        "{screen}"
    );
}

#[test]
fn the_passphrase_is_a_wachtwoordzin() {
    let (_dir, vault) = sample();
    let mut h = Harness::locked(&vault, Lang::Nl, 100, 30);
    let screen = h.step_and_draw("fout<Enter>");
    assert!(screen.contains("Wachtwoordzin"), "{screen}");
    assert!(
        screen.contains("Verkeerde wachtwoordzin. Probeer het opnieuw."),
        "{screen}"
    );
    assert!(!screen.contains("achtzin"), "{screen}");
}

#[test]
fn no_text_of_the_catalogue_says_wachtzin() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/i18n");
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "rs") {
            let text = std::fs::read_to_string(&path).unwrap().to_lowercase();
            assert!(!text.contains("wachtzin"), "{}", path.display());
        }
    }
}

#[test]
fn the_first_run_footer_says_enter_makes_the_vault() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = Harness::locked(&dir.path().join("nieuw"), Lang::Nl, 100, 30);
    let screen = h.draw();
    let footer = screen.lines().last().unwrap();
    assert!(footer.contains("Enter kluis maken"), "{footer}");
    assert!(!footer.contains("openen"), "{footer}");
}

#[test]
fn the_consent_form_names_no_principle_number() {
    let (_dir, vault) = rights();
    let mut h = Harness::open(&vault, Lang::Nl, 100, 30);
    let screen = h.step_and_draw("2<Enter>c");
    assert!(screen.contains("Zonder geldige toestemming"), "{screen}");
    assert!(!screen.contains("(P6)"), "{screen}");
}

#[test]
fn a_step_done_already_names_the_key_that_undoes_it() {
    let (_dir, vault) = sample();
    let mut h = Harness::open(&vault, Lang::Nl, 100, 30);
    h.step_and_draw("8<Enter><Enter>");
    let screen = h.step_and_draw("<Enter>");
    assert!(
        screen.contains("Deze stap is al gezet. Druk op u om hem terug te zetten."),
        "{screen}"
    );
}

#[test]
fn amounts_read_and_type_the_dutch_way() {
    let (_dir, vault) = rights();
    let mut h = Harness::open(&vault, Lang::Nl, 100, 30);
    let screen = h.step_and_draw("5");
    assert!(screen.contains("€ 2.450,00"), "{screen}");
    assert!(screen.contains("€ 1.200,50"), "{screen}");
    drop(h);
    let mut h = Harness::open(&vault, Lang::En, 100, 30);
    let screen = h.step_and_draw("5");
    assert!(screen.contains("€ 2,450.00"), "{screen}");
    use kluis::ops::rights::quotes::parse_amount;
    for typed in ["2.450,00", "2450,00", "2450.00", "€ 2450"] {
        assert_eq!(parse_amount(typed).as_deref(), Some("2450.00"), "{typed}");
    }
}

#[test]
fn dates_show_day_first_in_dutch_and_are_typed_either_way() {
    let field = |screen: &str| {
        screen
            .lines()
            .find(|l| l.contains("▸"))
            .unwrap_or_default()
            .to_string()
    };
    // The date after `word` in the status line.
    let date_after = |screen: &str, word: &str| -> String {
        let line = screen
            .lines()
            .find(|l| l.contains(word))
            .unwrap_or_default();
        let rest = &line[line.find(word).unwrap() + word.len()..];
        rest.chars().take(10).collect()
    };
    let (_dir, vault) = sample();
    let mut h = Harness::open(&vault, Lang::Nl, 100, 30);
    // The third trajectory is still running: complete it.
    let screen = h.step_and_draw("3jjc");
    assert!(field(&screen).contains("25-11-2026"), "day first: {screen}");
    let clear = "<BS>".repeat(10);
    let screen = h.step_and_draw(&format!("{clear}1-11-2026<Enter>"));
    let deadline = date_after(&screen, "Verwijderen uiterlijk op ");
    assert!(
        deadline.as_bytes()[2] == b'-' && deadline.ends_with("-2027"),
        "{deadline}: {screen}"
    );

    let (_dir, vault) = sample();
    let mut h = Harness::open(&vault, Lang::En, 100, 30);
    let screen = h.step_and_draw("3jjc");
    assert!(
        field(&screen).contains("2026-11-25"),
        "ISO in English: {screen}"
    );
    let screen = h.step_and_draw(&format!("{clear}1-11-2026<Enter>"));
    let deadline = date_after(&screen, "To be deleted on ");
    assert!(deadline.starts_with("2027-"), "{deadline}: {screen}");
}

#[test]
fn quote_evidence_is_worded_in_the_coachs_language() {
    let (_dir, vault) = rights();
    let mut h = Harness::open(&vault, Lang::Nl, 100, 30);
    h.step_and_draw("5<Right>a<Enter><Esc>");
    let screen = h.step_and_draw("6");
    assert!(
        screen.contains("offerte geaccepteerd op 25-11-2026"),
        "{screen}"
    );
    // The record keeps the fact (the quote's id), in no language.
    let ws = h.app.workspace().unwrap();
    let eva = ws
        .session
        .data
        .subscribers
        .values()
        .find(|s| s.email == "eva@example.nl")
        .unwrap();
    assert!(!eva.evidence.contains("accepted"), "{}", eva.evidence);
}

#[test]
fn evidence_stored_as_english_text_before_is_worded_too() {
    let (_dir, vault) = rights();
    let mut s = open_session(&vault, NOW);
    let old = Subscriber {
        email: "oud@example.nl".into(),
        name: Some("Oud Abonnee".into()),
        source: SubscriberSource::Quote,
        evidence: "quote 038314a8c0ffee00 accepted on 2026-09-15".into(),
        subscribed_on: d("2026-09-15"),
    };
    let id = Id::parse("00000000000000aa").unwrap();
    s.commit("test_setup", vec![(id, AnyRecord::Subscriber(old))], vec![])
        .unwrap();
    drop(s);
    let mut h = Harness::open(&vault, Lang::Nl, 100, 30);
    let screen = h.step_and_draw("6");
    assert!(
        screen.contains("offerte geaccepteerd op 15-09-2026"),
        "{screen}"
    );
    assert!(!screen.contains("accepted on"), "{screen}");
}

#[test]
fn a_breach_form_writes_its_moment_day_first_in_dutch_and_takes_it_back() {
    let (_dir, vault) = sample();
    let mut h = Harness::open(&vault, Lang::Nl, 100, 30);
    let screen = h.step_and_draw("8n");
    assert!(screen.contains("25-11-2026 09:00"), "{screen}");
    assert!(!screen.contains("2026-11-25 09:00"), "{screen}");
    // Typed back unchanged, and typed anew day first: both are taken.
    let screen = h.step_and_draw("Laptop kwijt<Enter>");
    assert!(
        screen.contains("28-11-2026 09:00"),
        "the AP deadline: {screen}"
    );
    h.step_and_draw("<Esc>8n");
    let clear = "<BS>".repeat(16);
    let screen_typed = h.step_and_draw(&format!("Mail verkeerd<Tab>{clear}24-11-2026 14:30"));
    assert!(screen_typed.contains("24-11-2026 14:30"), "{screen_typed}");
    let screen = h.step_and_draw("<Enter>");
    assert!(
        screen.contains("27-11-2026 14:30"),
        "the AP deadline: {screen}"
    );

    let (_dir, vault) = sample();
    let mut h = Harness::open(&vault, Lang::En, 100, 30);
    let screen = h.step_and_draw("8n");
    assert!(
        screen.contains("2026-11-25 09:00"),
        "ISO in English: {screen}"
    );
}

#[test]
fn a_refused_password_leaves_nothing_to_discard() {
    let (_dir, vault) = sample();
    let mut h = Harness::open(&vault, Lang::Nl, 100, 30);
    h.step_and_draw("4<Enter>fout<Enter>");
    let screen = h.step_and_draw("<Esc>");
    assert!(!screen.contains("Wijzigingen weggooien"), "{screen}");
    assert!(screen.contains("Adviesrapporten"), "{screen}");
}

#[test]
fn the_help_of_screen_5_says_what_left_and_right_do_there() {
    let (_dir, vault) = rights();
    let mut h = Harness::open(&vault, Lang::Nl, 100, 40);
    let screen = h.step_and_draw("5?");
    assert!(screen.contains("andere lijst"), "{screen}");
    assert!(!screen.contains("←/<"), "← changes lists here: {screen}");
}

#[test]
fn the_search_shows_a_quotes_amount_as_the_list_does() {
    let (_dir, vault) = rights();
    let mut h = Harness::open(&vault, Lang::Nl, 100, 30);
    let screen = h.step_and_draw("<C-f>bram");
    assert!(screen.contains("€ 2.450,00"), "{screen}");
    let screen = h.step_and_draw(&format!("{}2450", "<BS>".repeat(4)));
    assert!(
        screen.contains("€ 2.450,00"),
        "found by the amount as typed: {screen}"
    );
}
