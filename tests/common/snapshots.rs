//! Snapshot tests of whole screens: the frame at 100×30 after a few keys,
//! one insta snapshot a screen. Builds on `ui`.

// Test helpers stop the test at the first surprise: unwrap, expect and
// panic are how they fail.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use super::ui::Harness;
use kluis::i18n::Lang;
use std::path::{Path, PathBuf};

/// The frame at 100×30 after `keys`, on the vault `make` creates in a new
/// temporary folder.
pub fn frame_after(make: fn(&Path) -> PathBuf, lang: Lang, keys: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let vault = make(dir.path());
    let mut h = Harness::open(&vault, lang, 100, 30);
    h.step_and_draw(keys)
}

/// `screens! { on sample_vault; name: Lang::En, "keys"; … }`: a snapshot
/// test a line, named `name`, of the frame after `keys`.
macro_rules! screens {
    (on $make:path; $($name:ident: $lang:expr, $keys:expr;)*) => {
        $(
            #[test]
            fn $name() {
                insta::assert_snapshot!(
                    stringify!($name),
                    $crate::common::snapshots::frame_after($make, $lang, $keys)
                );
            }
        )*
    };
}
pub(crate) use screens;
