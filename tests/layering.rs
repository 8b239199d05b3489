//! The layers of DESIGN.md §11, checked on the source: the domain is pure
//! (no catalogue, storage, operations or front end), the catalogue words
//! domain values without knowing the vault, the vault knows nothing of the
//! operations or the front ends, and the UI state opens vaults through
//! `ops::session` only. A `use` against these fails here, not in review.
//! The operations word nothing themselves: a Dutch/English pair in
//! `src/ops` fails here too.

// Tests stop at the first surprise: unwrap, expect and panic are how they fail.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::fs;
use std::path::{Path, PathBuf};

/// What each folder of `src` must not import.
const FORBIDDEN: [(&str, &[&str]); 5] = [
    ("domain", &["i18n", "vault", "ops", "app", "ui", "cli"]),
    ("i18n", &["vault", "ops", "app", "ui", "cli"]),
    ("vault", &["i18n", "ops", "app", "ui", "cli"]),
    ("ops", &["app", "ui", "cli"]),
    ("app", &["vault", "cli"]),
];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The `crate::<module>` paths of a file's code (comments left out).
fn crate_paths(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for line in text.lines() {
        let code = line.split("//").next().unwrap_or_default();
        for (i, _) in code.match_indices("crate::") {
            let module: String = code[i + "crate::".len()..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            out.push(module);
        }
    }
    out
}

#[test]
fn no_folder_imports_against_the_layers() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut wrong = Vec::new();
    for (folder, forbidden) in FORBIDDEN {
        let mut files = Vec::new();
        rust_files(&src.join(folder), &mut files);
        assert!(!files.is_empty(), "src/{folder} has no files");
        for file in files {
            let text = fs::read_to_string(&file).unwrap();
            for module in crate_paths(&text) {
                if forbidden.contains(&module.as_str()) {
                    wrong.push(format!("{} uses crate::{module}", file.display()));
                }
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "imports against the layers:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn the_check_sees_an_import_in_code_but_not_in_a_comment() {
    let text = "use crate::i18n::Lang;\n//! drawing (`crate::ui`) reads\nlet x = crate::vault::Vault::open(); // crate::app\n";
    assert_eq!(crate_paths(text), ["i18n", "vault"]);
}

/// The lines of a file's code before its test module, comments left out.
fn code_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines()
        .take_while(|l| !l.trim_start().starts_with("#[cfg(test)]"))
        .enumerate()
        .map(|(i, l)| (i + 1, l.split("//").next().unwrap_or_default()))
}

/// What a Dutch/English pair looks like in code: `lang.pick(nl, en)` or a
/// match on the language.
fn words_inline(code: &str) -> bool {
    code.contains(".pick(") || code.contains("Lang::Nl")
}

#[test]
fn the_operations_take_their_words_from_the_catalogue() {
    let mut files = Vec::new();
    rust_files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src/ops"),
        &mut files,
    );
    let mut wrong = Vec::new();
    for file in files {
        // Unit tests kept in their own file (`tests.rs` of a module folder,
        // or `#[path = "x_tests.rs"]` beside one).
        let name = file.file_name().unwrap().to_string_lossy();
        if name == "tests.rs" || name.ends_with("_tests.rs") {
            continue;
        }
        let text = fs::read_to_string(&file).unwrap();
        for (n, code) in code_lines(&text) {
            if words_inline(code) {
                wrong.push(format!("{}:{n}: {}", file.display(), code.trim()));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "Dutch/English pairs in src/ops (move them to src/i18n):\n{}",
        wrong.join("\n")
    );
}

#[test]
fn the_words_check_sees_a_pair_in_code_but_not_in_a_comment_or_a_test() {
    let text = "let a = lang.pick(\"ja\", \"yes\");\n// t.pick(\"x\", \"y\")\nmatch l { Lang::Nl => 1 }\n#[cfg(test)]\nlang.pick(\"a\", \"b\");\n";
    let found: Vec<usize> = code_lines(text)
        .filter(|(_, c)| words_inline(c))
        .map(|(n, _)| n)
        .collect();
    assert_eq!(found, [1, 3]);
}
