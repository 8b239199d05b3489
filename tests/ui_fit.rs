//! Layouts that fit, checked on every screen and detail view at 80×24 and
//! 120×35 in Dutch and English: `?` and `q` stay in the footer, no date is
//! cut at a cell's edge, and Dutch screens write dates day first.

// Tests stop at the first surprise: unwrap, expect and panic are how they fail.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

pub mod common {
    pub mod fit;
    pub mod sample;
    pub mod snapshots;
    pub mod ui;
    pub mod vault;
}

use common::fit::{cut_dates, footer, footer_keeps_help_and_quit, iso_dates};
use common::sample::rights_vault;
use common::snapshots::SIZES;
use common::ui::Harness;
use common::vault::wait_until_free;
use kluis::i18n::Lang;

/// Every screen, and the detail views and second lists behind them, as
/// the keys that reach them from the Overview.
const VISITS: [&str; 15] = [
    "1",
    "2",
    "2/anna<Enter><Enter>",
    "3",
    "3<Enter>",
    "4",
    "5",
    "5<Right>",
    "6",
    "7",
    "7<Right>",
    "8",
    "8<Enter>",
    "8<Enter>G",
    "9",
];

fn each_frame(check: impl Fn(&str, Lang, (u16, u16), &str)) {
    let dir = tempfile::tempdir().unwrap();
    let vault = rights_vault(dir.path());
    for lang in [Lang::Nl, Lang::En] {
        for size in SIZES {
            let mut h = Harness::open(&vault, lang, size.0, size.1);
            for keys in VISITS {
                // From the Overview each time: Esc leaves a detail view.
                let screen = h.step_and_draw(&format!("<Esc><Esc>1{keys}"));
                check(&screen, lang, size, keys);
            }
        }
    }
}

#[test]
fn the_footer_keeps_help_and_quit_on_every_screen() {
    each_frame(|screen, lang, size, keys| {
        assert!(
            footer_keeps_help_and_quit(screen, lang),
            "{lang:?} {size:?} after {keys:?}: {:?}\n{screen}",
            footer(screen)
        );
    });
}

#[test]
fn no_date_is_cut_on_any_screen() {
    each_frame(|screen, lang, size, keys| {
        let cut = cut_dates(screen);
        assert!(
            cut.is_empty(),
            "{lang:?} {size:?} after {keys:?}: {cut:?}\n{screen}"
        );
    });
}

#[test]
fn dutch_person_details_write_dates_day_first() {
    let dir = tempfile::tempdir().unwrap();
    let vault = rights_vault(dir.path());
    let mut h = Harness::open(&vault, Lang::Nl, 120, 35);
    let screen = h.step_and_draw("2/anna<Enter><Enter>");
    assert!(screen.contains("Aangemaakt    05-01-2026"), "{screen}");
    assert!(
        screen.contains("UWV — verslag (20-01-2026) ✗ ingetrokken 01-03-2026"),
        "{screen}"
    );
    assert!(screen.contains("verwijdering (20-10-2026)"), "{screen}");
    assert_eq!(iso_dates(&screen), Vec::<String>::new(), "{screen}");
}

#[test]
fn the_checks_find_a_cut_date_and_pass_a_whole_one() {
    let screen =
        "│completed 2026-05-1  │\n│geaccepteerd 2026-0│\n01-12-2026 2026-12-01 1-9 088-1805\n";
    assert_eq!(cut_dates(screen).len(), 2, "{screen}");
    assert_eq!(iso_dates(screen).len(), 1, "{screen}");
    assert!(footer_keeps_help_and_quit(
        " n nieuw  q stoppen  ? help\n\n",
        Lang::Nl
    ));
    assert!(!footer_keeps_help_and_quit(" n new  e edit\n", Lang::En));
}

#[test]
fn the_breach_details_action_plan_shows_whole_at_80_by_24() {
    let plan = "Wachtwoorden van mail en cloud wijzigen, de laptop op afstand wissen, \
                aangifte doen en schijfversleuteling op alle apparaten aanzetten";
    for lang in [Lang::Nl, Lang::En] {
        let dir = tempfile::tempdir().unwrap();
        let vault = common::sample::sample_vault(dir.path());
        let mut h = Harness::open(&vault, lang, 80, 24);
        let screen = h.step_and_draw(&format!("8<Enter>jj<Enter><Enter>{plan}<Enter>"));
        // The rows of the detail, their borders off, as one text.
        let text: String = screen
            .lines()
            .map(|l| l.trim_matches('│').trim())
            .collect::<Vec<_>>()
            .join(" ");
        assert!(text.contains(plan), "{lang:?}: the plan whole:\n{screen}");
        assert!(!screen.contains('…'), "{lang:?}: nothing cut:\n{screen}");
        // On the last step, what follows the checklist: the advice.
        let screen = h.step_and_draw("G");
        let advice = match lang {
            Lang::Nl => "Nog niet beoordeeld.",
            Lang::En => "Not assessed yet.",
        };
        assert!(screen.contains(advice), "{lang:?}:\n{screen}");
        assert!(footer_keeps_help_and_quit(&screen, lang), "{screen}");
    }
}

#[test]
fn the_overview_writes_each_months_count_under_its_month() {
    let dir = tempfile::tempdir().unwrap();
    let vault = rights_vault(dir.path());
    for (lang, months) in [(Lang::Nl, "nov   dec   jan"), (Lang::En, "Nov   Dec   Jan")] {
        let mut h = Harness::open(&vault, lang, 80, 24);
        let screen = h.step_and_draw("1");
        let rows: Vec<&str> = screen.lines().collect();
        let labels = rows
            .iter()
            .position(|r| r.contains(months))
            .unwrap_or_else(|| panic!("{lang:?}: the months:\n{screen}"));
        let counts: Vec<u32> = rows[labels + 1]
            .trim_matches('│')
            .split_whitespace()
            .map(|n| n.parse().unwrap_or_else(|_| panic!("{lang:?}: {screen}")))
            .collect();
        assert_eq!(counts.len(), 12, "{lang:?}: a count a month:\n{screen}");
        let ws = h.app.workspace().unwrap();
        let by_month: Vec<u32> = ws
            .screens
            .overview
            .status
            .by_month
            .iter()
            .map(|(_, n)| u32::try_from(*n).unwrap())
            .collect();
        assert_eq!(counts, by_month, "{lang:?}:\n{screen}");
    }
}

#[test]
fn the_overview_wraps_a_request_rather_than_cut_its_date() {
    let dir = tempfile::tempdir().unwrap();
    let vault = rights_vault(dir.path());
    let mut h = Harness::open(&vault, Lang::Nl, 90, 30);
    let screen = h.step_and_draw("1");
    assert!(screen.contains("(20-11-2026) Anna de Vries"), "{screen}");
    assert_eq!(cut_dates(&screen), Vec::<String>::new(), "{screen}");
    // At 80×24 the chart is shorter, so the open requests keep their room.
    drop(h);
    let mut h = Harness::open(&vault, Lang::Nl, 80, 24);
    let screen = h.step_and_draw("1");
    assert!(screen.contains("(20-11-2026) Anna de"), "{screen}");
    assert_eq!(cut_dates(&screen), Vec::<String>::new(), "{screen}");
    // What does not fit is counted, not silently left out.
    let shown = screen.matches("-2026)").count();
    assert!(
        shown == 3 || screen.contains(&format!("en nog {} op scherm 7", 3 - shown)),
        "{screen}"
    );
}

#[test]
fn a_long_overdue_breach_clock_counts_days_on_every_screen_that_shows_it() {
    let dir = tempfile::tempdir().unwrap();
    let vault = rights_vault(dir.path());
    for (lang, days) in [
        (Lang::Nl, "1281 d 22 u te laat"),
        (Lang::En, "1281 d 22 h overdue"),
    ] {
        let mut h = Harness::open(&vault, lang, 80, 24);
        // Three and a half years after the discovery.
        h.app.settings.clock = kluis::ops::Clock::parse("2030-06-01T09:00:00+02:00").unwrap();
        for keys in ["1", "8", "8<Enter>"] {
            let screen = h.step_and_draw(&format!("<Esc>{keys}"));
            assert!(screen.contains(days), "{lang:?} {keys}:\n{screen}");
            assert!(!screen.contains(" min "), "{lang:?} {keys}:\n{screen}");
        }
    }
}

#[test]
fn a_name_too_long_for_its_column_at_80_columns_ends_in_an_ellipsis() {
    let dir = tempfile::tempdir().unwrap();
    let vault = rights_vault(dir.path());
    let mut h = Harness::open(&vault, Lang::Nl, 80, 24);
    // The Overview's next deadlines: the name whole, the long kind name in
    // a word (it was "Teamtrai" beside "individuele rapportage").
    let screen = h.step_and_draw("1");
    assert!(
        screen.contains("Teamtraining Daan") && screen.contains(" rapportage "),
        "{screen}"
    );
    assert!(!screen.contains("individuele"), "{screen}");
    // The trajectories: the completion date alone under "Afgerond", so the
    // titles keep their room (it was "Loopbaancoac").
    let screen = h.step_and_draw("3");
    assert!(
        screen.contains("Afgerond") && screen.contains("Loopbaancoaching…"),
        "{screen}"
    );
    // The mailing list's line above the list, whole.
    let screen = h.step_and_draw("6");
    assert!(
        screen.contains("3 abonnees · 2 afgemelde adressen, alleen als sleutel-hash bewaard"),
        "{screen}"
    );
    drop(h);
    wait_until_free(&vault);
    let mut h = Harness::open(&vault, Lang::En, 80, 24);
    // The quotes' participants; the date sent gives way to the names.
    let screen = h.step_and_draw("5<Right>");
    assert!(
        screen.contains("Bram Jansen ") && screen.contains("Eva Visser, Anna de V…"),
        "{screen}"
    );
    assert!(!screen.contains("Sent"), "{screen}");
    // The search: a long detail ends in "…" at the popup's edge.
    let screen = h.step_and_draw("<C-f>an");
    assert!(
        screen.contains("anna@example.nl · Gemeent…")
            && screen.contains("Anna de Vries · Loopbaanc…"),
        "{screen}"
    );
}

#[test]
fn below_80_columns_the_footer_still_keeps_help_and_quit() {
    let dir = tempfile::tempdir().unwrap();
    let vault = rights_vault(dir.path());
    for lang in [Lang::Nl, Lang::En] {
        for size in [(60, 20), (70, 24)] {
            let mut h = Harness::open(&vault, lang, size.0, size.1);
            for keys in VISITS {
                let screen = h.step_and_draw(&format!("<Esc><Esc>1{keys}"));
                assert!(
                    footer_keeps_help_and_quit(&screen, lang),
                    "{lang:?} {size:?} after {keys:?}: {:?}\n{screen}",
                    footer(&screen)
                );
            }
            drop(h);
            wait_until_free(&vault);
        }
    }
}

#[test]
fn the_footer_offers_sort_on_lists_and_search_where_there_is_room() {
    let dir = tempfile::tempdir().unwrap();
    let vault = rights_vault(dir.path());
    let mut h = Harness::open(&vault, Lang::Nl, 120, 35);
    for keys in ["2", "3", "4", "5", "5<Right>", "6", "7", "8", "9"] {
        let screen = h.step_and_draw(&format!("<Esc><Esc>1{keys}"));
        let footer = footer(&screen);
        assert!(footer.contains("s sorteren"), "{keys:?}: {footer:?}");
        assert!(footer.contains("? help") && footer.contains("q stoppen"));
    }
    // Not where there is no list to sort; search where the footer has room.
    for (keys, room) in [
        ("1", true),
        ("2/anna<Enter><Enter>", true),
        ("8<Enter>", false),
    ] {
        let screen = h.step_and_draw(&format!("<Esc><Esc>1{keys}"));
        let footer = footer(&screen);
        assert!(!footer.contains("sorteren"), "{keys:?}: {footer:?}");
        assert_eq!(
            footer.contains("Ctrl-f zoeken"),
            room,
            "{keys:?}: {footer:?}"
        );
    }
    // At 80 columns the screen's own keys, help and quit come first.
    h.resize(80, 24);
    let screen = h.step_and_draw("<Esc><Esc>12");
    let footer = footer(&screen);
    assert!(
        footer.contains("n nieuw") && footer.contains("? help") && !footer.contains("Ctrl-f"),
        "{footer:?}"
    );
}

#[test]
fn while_a_filter_is_typed_the_footer_offers_only_the_filter_keys() {
    let dir = tempfile::tempdir().unwrap();
    let vault = rights_vault(dir.path());
    for lang in [Lang::Nl, Lang::En] {
        let mut h = Harness::open(&vault, lang, 100, 30);
        for screen_key in ["2", "4", "6"] {
            let screen = h.step_and_draw(&format!("<Esc><Esc>{screen_key}/aq"));
            let footer = footer(&screen);
            // `q` and `?` are letters of the filter now, not commands.
            assert!(!footer.contains("q "), "{lang:?} {screen_key}: {footer:?}");
            assert!(!footer.contains("? "), "{lang:?} {screen_key}: {footer:?}");
            assert!(
                footer.contains("Enter") && footer.contains("Esc"),
                "{footer:?}"
            );
            assert!(
                screen.contains("/ aq"),
                "the q went into the filter: {screen}"
            );
        }
        drop(h);
        wait_until_free(&vault);
    }
}

#[test]
fn a_team_reports_password_form_says_enter_opens() {
    let dir = tempfile::tempdir().unwrap();
    let vault = rights_vault(dir.path());
    for (lang, open, save) in [
        (Lang::Nl, "Enter openen", "opslaan"),
        (Lang::En, "Enter open", "save"),
    ] {
        let mut h = Harness::open(&vault, lang, 100, 30);
        // The report itself, and its files.
        for keys in ["4<Enter>", "4f"] {
            let screen = h.step_and_draw(&format!("<Esc><Esc><Esc>{keys}"));
            let footer = footer(&screen);
            assert!(footer.contains(open), "{lang:?} {keys}: {footer:?}");
            assert!(!footer.contains(save), "{lang:?} {keys}: {footer:?}");
        }
        drop(h);
        wait_until_free(&vault);
    }
}

#[test]
fn the_mailing_list_scrolls_only_when_the_cursor_leaves_it_under_a_wrapped_summary() {
    use kluis::domain::{Subscriber, SubscriberSource};
    let dir = tempfile::tempdir().unwrap();
    let vault = rights_vault(dir.path());
    let mut s = common::vault::open_session(&vault, common::vault::NOW);
    for n in 0..20 {
        let sub = Subscriber {
            email: format!("lezer{n:02}@example.nl"),
            name: None,
            source: SubscriberSource::Manual,
            evidence: "formulier".into(),
            subscribed_on: common::vault::d("2026-11-01"),
        };
        kluis::ops::rights::mailing::subscribe(&mut s, sub).unwrap();
    }
    drop(s);
    wait_until_free(&vault);
    // At 60 columns the Dutch summary takes two rows.
    let mut h = Harness::open(&vault, Lang::Nl, 60, 20);
    let first_row = |screen: &str| -> String {
        let mut lines = screen.lines().skip_while(|l| !l.contains("│E-mail"));
        lines.nth(1).unwrap_or_default().to_string()
    };
    let at_end = h.step_and_draw("6G");
    assert!(at_end.contains("piet@example"), "the last row: {at_end}");
    let summary = at_end.lines().nth(2).unwrap_or_default();
    assert!(summary.contains("abonnees"), "{at_end}");
    // One row up stays within the rows shown: nothing scrolls.
    let up = h.step_and_draw("k");
    assert_eq!(first_row(&up), first_row(&at_end), "{at_end}\n{up}");
}

#[test]
fn a_long_status_message_takes_the_dates_room_rather_than_running_into_it() {
    let dir = tempfile::tempdir().unwrap();
    let vault = rights_vault(dir.path());
    let mut h = Harness::open(&vault, Lang::Nl, 80, 24);
    // Person detail, `v`: a disclosure needs a consent first.
    let screen = h.step_and_draw("2<Enter>v");
    let status = screen.lines().nth(22).unwrap();
    assert!(
        status.trim_end().ends_with("vast.") || status.trim_end().ends_with('…'),
        "{status:?}\n{screen}"
    );
    assert!(!status.contains("2026"), "no date glued on: {status:?}");
}

#[test]
fn the_to_delete_names_stay_readable_at_60_columns() {
    let dir = tempfile::tempdir().unwrap();
    let vault = rights_vault(dir.path());
    let mut h = Harness::open(&vault, Lang::Nl, 60, 15);
    let screen = h.step_and_draw("9");
    assert!(screen.contains("Loopbaancoaching Anna"), "{screen}");
    assert!(
        screen.contains("rapportage"),
        "the kind in a word: {screen}"
    );
}

#[test]
fn a_breachs_data_continues_under_its_first_line() {
    let dir = tempfile::tempdir().unwrap();
    let vault = rights_vault(dir.path());
    let mut h = Harness::open(&vault, Lang::Nl, 80, 24);
    let cats = "coachverslagen, contactgegevens, uitslagen vragenlijsten, facturen, agenda";
    h.step_and_draw(&format!("8e<Tab><Tab><Tab><Tab>{cats}<Enter>"));
    let screen = h.step_and_draw("<Esc>8<Enter>");
    let at = screen.lines().position(|l| l.contains("Gegevens")).unwrap();
    let first = screen.lines().nth(at).unwrap();
    let next = screen.lines().nth(at + 1).unwrap();
    let column = |l: &str| l.chars().position(|c| c != '│' && c != ' ');
    let value = first
        .find("coachverslagen")
        .map(|b| first[..b].chars().count());
    assert_eq!(column(next), value, "{screen}");
}
