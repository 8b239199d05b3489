//! `config.toml` (DESIGN.md §13.5): every setting takes effect, `config
//! show` and `config path` say what is in effect and where it is read
//! from, and each kind of mistake stops the start with one sentence naming
//! the file, the line and the key, exit 2, in the coach's language.

// Tests stop at the first surprise: unwrap, expect and panic are how they fail.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

pub mod common {
    pub mod cli;
    pub mod fixture;
    pub mod vault;
}

use common::cli::*;
use std::path::{Path, PathBuf};

/// A folder with `config.toml` holding `text`, and the vault path beside it.
fn with_config(text: &str) -> (tempfile::TempDir, PathBuf, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("config.toml");
    std::fs::write(&file, text).unwrap();
    let vault = dir.path().join("vault");
    (dir, file, vault)
}

fn kluis_with(vault: &Path, file: &Path, args: &[&str]) -> Run {
    run(kluis(vault).arg("--config").arg(file).args(args))
}

/// One sentence on stderr, exit 2, naming the file, the line and the key,
/// and nothing on stdout.
#[track_caller]
fn assert_refused(r: &Run, file: &Path, line_word: &str, line: usize, key: &str) {
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stdout.is_empty(), "{}", r.stdout);
    assert_eq!(r.stderr.trim_end().lines().count(), 1, "{}", r.stderr);
    assert_clean_error(
        r,
        &[
            &file.display().to_string(),
            &format!("{line_word} {line}"),
            key,
        ],
    );
}

#[test]
fn each_kind_of_mistake_stops_the_start_naming_file_line_and_key() {
    let cases: [(&str, usize, &str, &str); 6] = [
        // Syntax.
        (
            "language = \"en\"\ntheme = \n",
            2,
            "theme",
            "not valid TOML",
        ),
        // An unknown setting.
        ("\ncolour = \"red\"\n", 2, "colour", "unknown setting"),
        // A wrong type.
        (
            "idle_lock_minutes = \"ten\"\n",
            1,
            "idle_lock_minutes",
            "a whole number",
        ),
        // A value out of its range.
        (
            "idle_lock_minutes = 0\n",
            1,
            "idle_lock_minutes",
            "from 1 to 60",
        ),
        // A binding that clashes on its screen.
        (
            "[keys.people]\nnew = \"e\"\n",
            2,
            "keys.people.new",
            "people.edit",
        ),
        // A binding that names no key.
        (
            "[keys.people]\nnew = \"Hyper-a\"\n",
            2,
            "keys.people.new",
            "not a key",
        ),
    ];
    for (text, line, key, why) in cases {
        let (_dir, file, vault) = with_config(text);
        let r = kluis_with(&vault, &file, &["status"]);
        assert_refused(&r, &file, "line", line, key);
        assert_clean_error(&r, &[why, "kluis did not start"]);
        assert!(!vault.exists(), "a bad file must stop before the vault");
    }
}

#[test]
fn a_mistake_is_told_in_dutch_with_lang_nl_or_the_files_own_language() {
    let (_dir, file, vault) = with_config("[keys.people]\nnew = \"e\"\n");
    let r = kluis_with(&vault, &file, &["--lang", "nl", "status"]);
    assert_refused(&r, &file, "regel", 2, "keys.people.new");
    assert_clean_error(&r, &["sleutel", "kluis is niet gestart"]);

    let (_dir, file, vault) = with_config("language = \"nl\"\ntheme = \"neon\"\n");
    let r = kluis_with(&vault, &file, &["status"]);
    assert_refused(&r, &file, "regel", 2, "theme");
    assert_clean_error(&r, &["kies \"color\" of \"plain\""]);
}

#[test]
fn a_missing_given_file_is_refused_but_a_missing_default_file_is_not() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("nowhere.toml");
    let r = kluis_with(&dir.path().join("vault"), &file, &["config", "show"]);
    assert_eq!(r.code, 2);
    assert_clean_error(&r, &["nowhere.toml", "does not exist"]);

    let r = run(kluis(&dir.path().join("vault")).args(["config", "path"]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout.trim_end().ends_with("kluis/config.toml"),
        "{}",
        r.stdout
    );
    assert_clean_error(&r, &["no file there yet"]);
}

#[test]
fn config_path_names_the_file_of_the_platform_config_folder() {
    let dir = tempfile::tempdir().unwrap();
    let vault = dir.path().join("vault");
    let folder = dir.path().join("xdg");
    std::fs::create_dir_all(folder.join("kluis")).unwrap();
    std::fs::write(folder.join("kluis/config.toml"), "language = \"nl\"\n").unwrap();
    let r = run(kluis(&vault)
        .env("XDG_CONFIG_HOME", &folder)
        .args(["config", "path"]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        r.stdout.trim_end(),
        folder.join("kluis/config.toml").display().to_string()
    );
    assert!(r.stderr.is_empty(), "{}", r.stderr);
    // The file of the folder is read: its language is in effect.
    let r = run(kluis(&vault)
        .env("XDG_CONFIG_HOME", &folder)
        .args(["config", "show"]));
    assert!(r.stdout.contains("language = \"nl\""), "{}", r.stdout);
}

#[test]
fn config_show_prints_every_setting_in_effect_and_reads_back_as_the_same() {
    let (_dir, file, vault) = with_config(
        "language = \"nl\"\ndate_style = \"iso\"\ntheme = \"plain\"\nidle_lock_minutes = 5\n\n[keys.people]\nnew = [\"a\", \"Ctrl-n\"]\n",
    );
    let r = kluis_with(&vault, &file, &["config", "show"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    for line in [
        "language = \"nl\"",
        "date_style = \"iso\"",
        "theme = \"plain\"",
        "idle_lock_minutes = 5",
        "[keys.people]",
        "new = [\"a\", \"Ctrl-n\"]",
        "[keys.global]",
        "quit = \"q\"",
    ] {
        assert!(
            r.stdout.lines().any(|l| l == line),
            "{line} not in:\n{}",
            r.stdout
        );
    }
    assert!(r.stdout.starts_with("# Gelezen uit"), "{}", r.stdout);
    // What it prints is a config.toml that gives the same configuration.
    let (_dir2, again, vault2) = with_config(&r.stdout);
    let r2 = kluis_with(&vault2, &again, &["config", "show"]);
    assert_eq!(r2.code, 0, "{}", r2.stderr);
    let body = |s: &str| s.lines().skip(1).collect::<Vec<_>>().join("\n");
    assert_eq!(body(&r2.stdout), body(&r.stdout));
    // `--lang` beats the file; NO_COLOR beats the theme.
    let (_dir3, file3, vault3) = with_config("language = \"nl\"\ntheme = \"color\"\n");
    let r3 = run(kluis(&vault3)
        .arg("--config")
        .arg(&file3)
        .env("NO_COLOR", "1")
        .args(["--lang", "en", "config", "show"]));
    assert!(r3.stdout.contains("language = \"en\""), "{}", r3.stdout);
    assert!(
        r3.stdout.contains("theme = \"plain\"  # NO_COLOR is set"),
        "{}",
        r3.stdout
    );
}

#[test]
fn the_tests_kluis_reads_no_config_of_the_machines_user() {
    let dir = tempfile::tempdir().unwrap();
    let vault = dir.path().join("vault");
    let r = run(kluis(&vault).args(["config", "path"]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        Path::new(r.stdout.trim_end()).starts_with(dir.path()),
        "the config file is looked for outside the test's folder: {}",
        r.stdout
    );
}

/// Every test that starts the binary does it through `common::cli`, which
/// gives it a private home and config folder.
#[test]
fn no_test_starts_the_binary_past_the_helper_that_hides_the_users_config() {
    let tests = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let mut files: Vec<PathBuf> = Vec::new();
    for dir in [tests.clone(), tests.join("common")] {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "rs") {
                files.push(path);
            }
        }
    }
    let helper = tests.join("common").join("cli.rs");
    let needle = ["CARGO_BIN_EXE_", "kluis"].concat();
    let past: Vec<String> = files
        .iter()
        .filter(|f| **f != helper)
        .filter(|f| std::fs::read_to_string(f).unwrap().contains(&needle))
        .map(|f| f.display().to_string())
        .collect();
    assert!(
        past.is_empty(),
        "these start kluis without common::cli::kluis_bin: {past:?}"
    );
}
