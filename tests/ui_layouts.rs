//! Every screen and popup at 80×24 and 120×35, in Dutch and English, on a
//! fixed clock: one snapshot a screen with its four frames. Read a changed
//! snapshot whole before accepting it: columns apart, no date or header
//! cut, popups whole, `?` and `q` in the footer.

// Tests stop at the first surprise: unwrap, expect and panic are how they fail.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

pub mod common {
    pub mod sample;
    pub mod snapshots;
    pub mod ui;
    pub mod vault;
}

use common::sample::{rights_vault, sample_vault};
use common::snapshots::layouts;

mod records {
    use super::*;
    layouts! {
        on sample_vault;
        overview: "1";
        people: "2";
        person_detail: "2<Enter>";
        new_person_form: "2n";
        trajectories: "3";
        trajectory_documents: "3<Enter>";
        document_reader: "3<Enter><Enter>";
        complete_form: "3jc";
        attach_form: "3ja";
        start_trajectory_form: "2jjt";
        team_reports: "4";
        open_team_report: "4<Enter>";
        new_team_report_form: "4n";
        breaches: "8";
        breach_detail: "8<Enter>";
        breach_form: "8n";
        assessment_form: "8<Enter>a";
        to_delete: "9";
        delete_confirm: "9aD";
        delete_receipt: "9aDy";
        help: "?";
        help_on_breaches: "8?";
        discard_confirm: "2nEva<Esc>";
        edit_person_form: "2e";
        team_report_files: "4f";
        breach_detail_end: "8<Enter>G";
        locked_with_a_form_open: "2nEva<C-l>";
        practice_form: "P";
        backup_form: "1b";
    }
}

mod rights {
    use super::*;
    layouts! {
        on rights_vault;
        inquiries: "5";
        quotes_focused: "5<Right>";
        new_contact_form: "5n";
        convert_form: "5c";
        new_quote_form: "5<Right>n";
        accept_result: "5<Right>a<Enter>";
        mailing: "6";
        new_subscriber_form: "6n";
        unsubscribe_confirm: "6u";
        requests: "7";
        complaints_focused: "7<Right>";
        new_request_form: "7n";
        new_complaint_form: "7<Right>n";
        person_rights: "2/anna<Enter><Enter>";
        consent_form: "2/anna<Enter><Enter>c";
        erase_confirm: "2/anna<Enter>d";
        contact_request_view: "5<Enter>";
        edit_quote_form: "5<Right>e";
        complaint_view: "7<Right><Enter>";
        subscriber_view: "6<Enter>";
    }
}

/// The unlock screen (a wrong passphrase tried) and the create screen of
/// the first run (a weak passphrase typed), at both sizes in both
/// languages.
mod locked {
    use super::common::snapshots::SIZES;
    use super::common::ui::Harness;
    use super::*;
    use kluis::i18n::Lang;

    fn frames(vault_of: impl Fn(&std::path::Path) -> std::path::PathBuf, keys: &str) -> String {
        let mut out = String::new();
        for lang in [Lang::Nl, Lang::En] {
            for size in SIZES {
                let dir = tempfile::tempdir().unwrap();
                let vault = vault_of(dir.path());
                let mut h = Harness::locked(&vault, lang, size.0, size.1);
                let screen = h.step_and_draw(keys);
                // The folder is a temporary path: out of the snapshot, its
                // length kept so the lines still line up.
                let tmp = dir.path().display().to_string();
                let shown = format!("{:_<width$}", "/TMP", width = tmp.chars().count());
                let screen = screen.replace(&tmp, &shown);
                out.push_str(&format!("── {lang:?} {}×{} ──\n{screen}", size.0, size.1));
            }
        }
        out
    }

    #[test]
    fn unlock_screen() {
        insta::assert_snapshot!("unlock_screen", frames(sample_vault, "nope<Enter>ab"));
    }

    #[test]
    fn create_screen() {
        insta::assert_snapshot!(
            "create_screen",
            frames(|dir| dir.join("nieuw"), "kort<Tab>kort<Enter>")
        );
    }
}

/// The generated team-report password, shown once: random, so each frame
/// has it replaced by a mask of the same shape (five groups of five), and
/// the test checks that one was there to replace.
mod generated {
    use super::common::snapshots::frames_everywhere;
    use super::*;

    const MASK: &str = "XXXXX-XXXXX-XXXXX-XXXXX-XXXXX";

    fn is_password(chars: &[char]) -> bool {
        chars.len() == MASK.len()
            && chars.iter().enumerate().all(|(i, c)| {
                if i % 6 == 5 {
                    *c == '-'
                } else {
                    c.is_ascii_lowercase() || c.is_ascii_digit()
                }
            })
    }

    /// `screen` with every generated password masked, and how many there were.
    fn masked(screen: &str) -> (String, usize) {
        let mut found = 0;
        let lines: Vec<String> = screen
            .lines()
            .map(|line| {
                let mut chars: Vec<char> = line.chars().collect();
                let n = MASK.len();
                let mut i = 0;
                while i + n <= chars.len() {
                    if is_password(&chars[i..i + n]) {
                        chars.splice(i..i + n, MASK.chars());
                        found += 1;
                        i += n;
                    } else {
                        i += 1;
                    }
                }
                chars.into_iter().collect()
            })
            .collect();
        (lines.join("\n"), found)
    }

    #[test]
    fn password_shown_once() {
        let frames = frames_everywhere(
            sample_vault,
            "4nGemeente Noord<Tab>Team Oost<Tab>Advies Team Oost<Tab><Tab>Rapport.<C-s>",
        );
        let (frames, found) = masked(&frames);
        assert_eq!(found, 4, "one password in each frame:\n{frames}");
        insta::assert_snapshot!("password_shown_once", frames);
    }
}
