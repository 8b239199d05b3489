//! Snapshots of every screen at 100×30 on a fixed clock, and of the
//! too-small message. Review changes with `cargo insta review`.

// Tests stop at the first surprise: unwrap, expect and panic are how they fail.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

pub mod common {
    pub mod sample;
    pub mod snapshots;
    pub mod ui;
    pub mod vault;
}

use common::snapshots::screens;
use common::{sample::*, ui::*};
use kluis::i18n::Lang;

screens! {
    on sample_vault;
    s1_overview: Lang::En, "1";
    s2_people: Lang::En, "2";
    s2_person_detail: Lang::En, "2<Enter>";
    s2_people_filtered: Lang::En, "2/an";
    s2_new_person_form: Lang::En, "2nEva";
    s3_trajectories: Lang::En, "3";
    s3_trajectory_documents: Lang::En, "3<Enter>";
    s3_document_reader: Lang::En, "3<Enter><Enter>";
    s3_complete_form: Lang::En, "3jc";
    s3_attach_form: Lang::En, "3ja";
    s3_start_trajectory_form: Lang::En, "2jjt";
    s4_team_reports: Lang::En, "4";
    s4_open_team_report: Lang::En, "4<Enter>";
    s4_new_team_report_form: Lang::En, "4n";
    s9_to_delete: Lang::En, "9 ";
    s9_confirm: Lang::En, "9aD";
    s9_receipt: Lang::En, "9aDy";
    help_popup: Lang::En, "?";
    help_on_breaches: Lang::En, "8?";
    nl_people: Lang::Nl, "2";
    nl_to_delete: Lang::Nl, "9";
    nl_overview: Lang::Nl, "1";
}

#[test]
fn unlock_screen() {
    let dir = tempfile::tempdir().unwrap();
    let vault = sample_vault(dir.path());
    let mut h = Harness::locked(&vault, Lang::En, 100, 30);
    insta::assert_snapshot!("unlock_wrong_passphrase", h.step_and_draw("nope<Enter>ab"));
}

#[test]
fn create_screen() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = Harness::locked(&dir.path().join("new-vault"), Lang::Nl, 100, 30);
    let screen = h.step_and_draw("kort");
    // The folder is a temporary path: keep it out of the snapshot.
    let screen = screen.replace(&dir.path().display().to_string(), "TMP");
    insta::assert_snapshot!("create_vault", screen);
}

#[test]
fn too_small() {
    let dir = tempfile::tempdir().unwrap();
    let vault = sample_vault(dir.path());
    let mut h = Harness::open(&vault, Lang::En, 59, 14);
    insta::assert_snapshot!("too_small", h.step_and_draw("2"));
}
