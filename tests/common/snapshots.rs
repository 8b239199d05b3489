//! Snapshot tests of whole screens: the frame at 100×30 after a few keys,
//! one insta snapshot a screen; or at 80×24 and 120×35 in both languages.
//! Builds on `ui`.

// Test helpers stop the test at the first surprise: unwrap, expect and
// panic are how they fail.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use super::ui::Harness;
use kluis::i18n::Lang;
use std::path::{Path, PathBuf};

/// The frame at 100×30 after `keys`, on the vault `make` creates in a new
/// temporary folder.
pub fn frame_after(make: fn(&Path) -> PathBuf, lang: Lang, keys: &str) -> String {
    frame_at(make, lang, (100, 30), keys)
}

/// The frame at `size` (width, height) after `keys`.
pub fn frame_at(make: fn(&Path) -> PathBuf, lang: Lang, size: (u16, u16), keys: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let vault = make(dir.path());
    let mut h = Harness::open(&vault, lang, size.0, size.1);
    h.step_and_draw(keys)
}

/// The sizes every screen is snapshotted at: the smallest usual terminal
/// and a roomy one.
pub const SIZES: [(u16, u16); 2] = [(80, 24), (120, 35)];

/// The frames of one screen at both `SIZES` in Dutch and English, in one
/// text (a snapshot a screen, so a change shows all four together).
pub fn frames_everywhere(make: fn(&Path) -> PathBuf, keys: &str) -> String {
    let mut out = String::new();
    for lang in [Lang::Nl, Lang::En] {
        for size in SIZES {
            out.push_str(&format!("── {lang:?} {}×{} ──\n", size.0, size.1));
            out.push_str(&frame_at(make, lang, size, keys));
        }
    }
    out
}

/// `screens! { on sample_vault; name: Lang::En, "keys"; … }`: a snapshot
/// test a line, named `name`, of the frame after `keys`.
#[allow(unused_macros)]
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
#[allow(unused_imports)]
pub(crate) use screens;

/// `layouts! { on sample_vault; name: "keys"; … }`: a snapshot test a line,
/// of the frame after `keys` at 80×24 and 120×35, in Dutch and English.
#[allow(unused_macros)]
macro_rules! layouts {
    (on $make:path; $($name:ident: $keys:expr;)*) => {
        $(
            #[test]
            fn $name() {
                insta::assert_snapshot!(
                    stringify!($name),
                    $crate::common::snapshots::frames_everywhere($make, $keys)
                );
            }
        )*
    };
}
#[allow(unused_imports)]
pub(crate) use layouts;
