//! Snapshots of screens 5–7 and of a person's rights at 100×30 on a fixed
//! clock, on the sample vault with rights records. Review changes with
//! `cargo insta review`.

// Tests stop at the first surprise: unwrap, expect and panic are how they fail.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

pub mod common {
    pub mod sample;
    pub mod snapshots;
    pub mod ui;
    pub mod vault;
}

use common::sample::rights_vault;
use common::snapshots::screens;
use kluis::i18n::Lang;

screens! {
    on rights_vault;
    s5_inquiries: Lang::En, "5";
    s5_quotes_focused: Lang::En, "5<Right>";
    s5_accept_result: Lang::En, "5<Right>a<Enter>";
    s5_convert_form: Lang::En, "5c";
    s6_mailing: Lang::En, "6";
    s6_unsubscribe_confirm: Lang::En, "6u";
    s7_requests: Lang::En, "7";
    s7_complaints_focused: Lang::En, "7<Right>";
    s2_erase_confirm: Lang::En, "2/anna<Enter>d";
    s2_person_rights: Lang::En, "2/anna<Enter><Enter>";
    nl_s7_requests: Lang::Nl, "7";
}
