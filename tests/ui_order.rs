//! Lists in an order that does not change from run to run: records with
//! the same deadline (or due day) are ordered by name, then id, on every
//! screen that shows them; and a column of kinds sorts and filters by the
//! name shown, in the coach's language. Driven by keys on a fixed clock.

// Tests stop at the first surprise: unwrap, expect and panic are how they fail.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

pub mod common {
    pub mod ui;
    pub mod vault;
}

use common::{ui::*, vault::*};
use kluis::domain::{AnyRecord, Id, Person, RequestKind, SubjectRequest, TeamReport};
use kluis::i18n::Lang;
use kluis::vault::team_seal;
use std::path::{Path, PathBuf};

fn id(n: u64) -> Id {
    Id::parse(&format!("{n:016x}")).unwrap()
}

fn person(name: &str, created: &str) -> AnyRecord {
    AnyRecord::Person(Person {
        name: name.into(),
        email: None,
        phone: None,
        organisation: None,
        created_on: d(created),
    })
}

fn request(person: u64) -> AnyRecord {
    AnyRecord::SubjectRequest(SubjectRequest {
        person: Some(id(person)),
        kind: RequestKind::Access,
        received_on: d("2026-11-20"),
        extension_reason: None,
        handled_on: None,
    })
}

/// Pairs of records on one day whose ids are in the opposite order of
/// their names: an order by id puts Zoë before Anna.
fn ties_vault(dir: &Path) -> PathBuf {
    let vault_dir = dir.join("vault");
    let mut s = new_session(&vault_dir, NOW);
    let report = TeamReport {
        organisation: "Gemeente Noord".into(),
        team: "Team Noord".into(),
        title: "Advies Team Noord".into(),
        delivered_on: d("2023-01-01"),
        sealed_body: team_seal::seal_with("team-wachtwoord-2023", "Advies.", FAST).unwrap(),
        files: Vec::new(),
    };
    let puts = vec![
        // Expired on 2026-10-01 (linked to nothing: created + 1 month).
        (id(1), person("Zoë Zwart", "2026-09-01")),
        (id(2), person("Anna Aalders", "2026-09-01")),
        // Expired on 2026-01-01.
        (id(3), AnyRecord::TeamReport(report)),
        // Due on 2026-12-10.
        (id(4), person("Yara Ypma", "2026-11-10")),
        (id(5), person("Bas Bos", "2026-11-10")),
        // Two open requests due on the same day.
        (id(8), person("Xander Xu", "2026-11-01")),
        (id(9), person("Bea Berg", "2026-11-01")),
        (id(10), request(8)),
        (id(11), request(9)),
    ];
    s.commit("test_setup", puts, vec![]).unwrap();
    drop(s);
    vault_dir
}

#[track_caller]
fn before(screen: &str, first: &str, second: &str) {
    let (a, b) = (screen.find(first), screen.find(second));
    assert!(
        a.is_some() && b.is_some() && a < b,
        "{first:?} before {second:?}:\n{screen}"
    );
}

#[test]
fn records_due_on_one_day_are_in_name_order_on_every_screen() {
    let dir = tempfile::tempdir().unwrap();
    let vault = ties_vault(dir.path());
    for lang in [Lang::Nl, Lang::En] {
        let mut h = Harness::open(&vault, lang, 120, 35);
        let overview = h.step_and_draw("1");
        before(&overview, "Bas Bos", "Yara Ypma");
        before(&overview, "Bea Berg", "Xander Xu");
        before(&h.step_and_draw("2"), "Bas Bos", "Yara Ypma");
        before(&h.step_and_draw("7"), "Bea Berg", "Xander Xu");
        before(&h.step_and_draw("9"), "Anna Aalders", "Zoë Zwart");
        drop(h);
        wait_until_free(&vault);
    }
}

#[test]
fn the_to_delete_kinds_sort_and_filter_by_the_name_shown() {
    let dir = tempfile::tempdir().unwrap();
    let vault = ties_vault(dir.path());
    // Descending by kind: "persoon" after "adviesrapport" in Dutch, "team
    // report" after "person" in English.
    let mut h = Harness::open(&vault, Lang::Nl, 120, 35);
    before(
        &h.step_and_draw("9<Right>ss"),
        "Anna Aalders",
        "Advies Team Noord",
    );
    let screen = h.step_and_draw("s/adviesrapport");
    assert!(
        screen.contains("Advies Team Noord") && !screen.contains("Anna Aalders"),
        "{screen}"
    );
    drop(h);
    wait_until_free(&vault);
    let mut h = Harness::open(&vault, Lang::En, 120, 35);
    before(
        &h.step_and_draw("9<Right>ss"),
        "Advies Team Noord",
        "Anna Aalders",
    );
}
