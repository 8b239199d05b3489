//! The command line in the coach's language (DESIGN.md §13.5): every
//! error and refusal in Dutch and in English, by `--lang`, `LANG` or
//! `config.toml`, at least one command of each group; JSON stays the same
//! in both.

// Tests stop at the first surprise: unwrap, expect and panic are how they fail.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

pub mod common {
    pub mod cli;
    pub mod fixture;
    pub mod vault;
}

use common::cli::*;
use std::path::Path;

/// Runs `args` on `vault` in English and in Dutch (`--lang`) and checks
/// the exit code and what each error says.
#[track_caller]
fn in_both(vault: &Path, args: &[&str], code: i32, en: &[&str], nl: &[&str]) {
    for (lang, want) in [("en", en), ("nl", nl)] {
        let r = run(kluis(vault).args(["--lang", lang]).args(args));
        assert_eq!(r.code, code, "{lang} {args:?}: {}", r.stderr);
        assert_clean_error(&r, want);
        if lang == "nl" {
            for english in en {
                assert!(
                    !r.stderr.to_lowercase().contains(&english.to_lowercase()),
                    "English {english:?} in the Dutch {:?}",
                    r.stderr
                );
            }
        }
    }
}

fn no_vault() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let vault = dir.path().join("vault");
    (dir, vault)
}

#[test]
fn usage_errors_come_in_both_languages() {
    let (_dir, vault) = no_vault();
    in_both(
        &vault,
        &["purge", "--dry-runn"],
        2,
        &[
            "unexpected argument '--dry-runn'",
            "a similar argument exists",
        ],
        &[
            "onbekend argument '--dry-runn'",
            "bedoel je '--dry-run'",
            "gebruik: kluis purge",
        ],
    );
    in_both(
        &vault,
        &["statuss"],
        2,
        &["unrecognized subcommand 'statuss'"],
        &["onbekende opdracht 'statuss'", "bedoel je 'status'"],
    );
    in_both(
        &vault,
        &["export", "person", "x", "--format", "pdf"],
        2,
        &["invalid value 'pdf'", "possible values"],
        &["'pdf' is geen geldige waarde", "mogelijk zijn json, md"],
    );
    in_both(
        &vault,
        &["export", "person"],
        2,
        &["required arguments were not provided"],
        &["dit moet gegeven worden", "<ID|EMAIL>"],
    );
    // A value our own parser refuses: its reason in the language too.
    in_both(
        &vault,
        &["breach", "tick", "0000000000000001", "done"],
        2,
        &["expected one of expert_contacted"],
        &["verwacht een van expert_contacted"],
    );
    in_both(
        &vault,
        &[
            "breach",
            "new",
            "--title",
            "x",
            "--discovered-at",
            "gisteren",
        ],
        2,
        &["expected an RFC 3339 moment"],
        &["verwacht een moment in RFC 3339"],
    );
}

#[test]
fn a_clock_that_is_not_a_moment_is_refused_in_both_languages() {
    let (_dir, vault) = no_vault();
    for (lang, want) in [
        ("en", "must be an RFC 3339 moment"),
        ("nl", "moet een moment in RFC 3339 zijn"),
    ] {
        let r = run(kluis(&vault)
            .env("KLUIS_NOW", "gisteren")
            .args(["--lang", lang, "status"]));
        assert_eq!(r.code, 2);
        assert_clean_error(&r, &[want, "gisteren"]);
    }
}

#[test]
fn help_is_dutch_with_lang_nl_lang_or_config_and_english_otherwise() {
    let (dir, vault) = no_vault();
    let en = run(kluis(&vault).args(["purge", "--help"]));
    assert_eq!(en.code, 0);
    assert!(en.stdout.contains("Usage: kluis purge"), "{}", en.stdout);
    assert!(
        en.stdout.contains("Only list what would go"),
        "{}",
        en.stdout
    );

    let config = dir.path().join("config.toml");
    std::fs::write(&config, "language = \"nl\"\n").unwrap();
    let by_flag = run(kluis(&vault).args(["--lang", "nl", "purge", "--help"]));
    let by_env = run(kluis(&vault)
        .env("LANG", "nl_NL.UTF-8")
        .args(["purge", "--help"]));
    let by_file = run(kluis(&vault)
        .arg("--config")
        .arg(&config)
        .args(["purge", "--help"]));
    for nl in [&by_flag, &by_env, &by_file] {
        assert_eq!(nl.code, 0, "{}", nl.stderr);
        for part in [
            "Gebruik: kluis purge",
            "Opties:",
            "Toon alleen wat zou verdwijnen",
            "Toon de hulp",
        ] {
            assert!(nl.stdout.contains(part), "{part} not in:\n{}", nl.stdout);
        }
        assert!(!nl.stdout.contains("Only list"), "{}", nl.stdout);
    }
    // --lang beats the file.
    let flag_wins = run(kluis(&vault)
        .arg("--config")
        .arg(&config)
        .args(["--lang", "en", "purge", "--help"]));
    assert!(flag_wins.stdout.contains("Only list what would go"));
    // Completions and the man page follow the language.
    let fish = run(kluis(&vault).args(["--lang", "nl", "completions", "fish"]));
    assert!(
        fish.stdout.contains("Toon alleen wat zou verdwijnen"),
        "{}",
        fish.stdout
    );
}

#[test]
fn passphrase_refusals_come_in_both_languages() {
    let (dir, vault) = no_vault();
    let empty = dir.path().join("empty");
    std::fs::write(&empty, "\n").unwrap();
    let empty = empty.display().to_string();
    in_both(
        &vault,
        &["--password-file", &empty, "init"],
        1,
        &["the password file", "is empty"],
        &["het wachtwoordzinbestand", "is leeg"],
    );
    // No source and no terminal: init cannot ask.
    for (lang, want) in [
        ("en", "no passphrase given"),
        ("nl", "geen wachtwoordzin gegeven"),
    ] {
        let r = run(kluis(&vault)
            .env_remove("KLUIS_PASSWORD")
            .args(["--lang", lang, "init"]));
        assert_eq!(r.code, 2, "{}", r.stderr);
        assert_clean_error(&r, &[want]);
    }
}

#[test]
fn an_unreadable_import_file_is_said_in_both_languages() {
    let (dir, vault) = no_vault();
    let missing = dir.path().join("missing.json").display().to_string();
    in_both(
        &vault,
        &["import", &missing],
        1,
        &["could not read the import file"],
        &["kon het importbestand"],
    );
}

/// A vault holding the practice fixture.
fn practice() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let vault = dir.path().join("vault");
    common::fixture::practice_vault(&vault);
    (dir, vault)
}

#[test]
fn refusals_of_the_vault_commands_come_in_both_languages() {
    let (dir, vault) = practice();
    in_both(
        &vault,
        &["purge"],
        2,
        &["say what to purge"],
        &["zeg wat er weg moet"],
    );
    in_both(
        &vault,
        &["mailing", "unsubscribe", "geen-adres"],
        2,
        &["is not an e-mail address", "nothing was changed"],
        &["is geen e-mailadres", "er is niets veranderd"],
    );
    let taken = dir.path().join("taken.md");
    std::fs::write(&taken, "mine").unwrap();
    let taken = taken.display().to_string();
    in_both(
        &vault,
        &[
            "export",
            "person",
            "anna.devries@example.nl",
            "--out",
            &taken,
        ],
        1,
        &["exists already", "nothing was written"],
        &["bestaat al", "er is niets geschreven"],
    );
    assert_eq!(std::fs::read_to_string(&taken).unwrap(), "mine");
    in_both(
        &vault,
        &["--password-file", &taken, "status"],
        4,
        &["wrong passphrase"],
        &["verkeerde", "er is niets veranderd"],
    );
}

#[test]
fn json_is_the_same_in_both_languages() {
    let (_dir, vault) = practice();
    let en = run(kluis(&vault).args(["--lang", "en", "status", "--json"]));
    let nl = run(kluis(&vault).args(["--lang", "nl", "status", "--json"]));
    assert_eq!(en.code, 0, "{}", en.stderr);
    assert_eq!(en.json(), nl.json());
}

/// One refusal of each group the tests above leave out: setting up,
/// documents, rights, registers and calendar, backups, the passphrase, and
/// the generated files.
#[test]
fn refusals_of_every_other_command_group_come_in_both_languages() {
    let (dir, vault) = practice();
    let taken = dir.path().join("taken");
    std::fs::write(&taken, "mine").unwrap();
    let taken = taken.display().to_string();
    in_both(
        &vault,
        &["init"],
        1,
        &["a vault already exists", "nothing was changed"],
        &["er is al een kluis", "er is niets veranderd"],
    );
    in_both(
        &vault,
        &["document", "get", "0000000000000001", "--out", &taken],
        2,
        &["no such document or team report"],
        &["dat document of adviesrapport bestaat niet"],
    );
    in_both(
        &vault,
        &["erase", "person", "niemand@example.nl", "--yes"],
        1,
        &["no person has that id or e-mail address"],
        &["er is geen persoon met dat id of e-mailadres"],
    );
    in_both(
        &vault,
        &[
            "disclosure",
            "add",
            "--person",
            "niemand@example.nl",
            "--recipient",
            "Arbodienst",
            "--what",
            "verslag",
        ],
        2,
        &["no person has that id or e-mail address"],
        &["er is geen persoon met dat id of e-mailadres"],
    );
    for command in ["calendar", "backup"] {
        in_both(
            &vault,
            &[command, "--out", &taken],
            1,
            &["exists already", "nothing was written"],
            &["bestaat al", "er is niets geschreven"],
        );
    }
    in_both(
        &dir.path().join("new"),
        &["restore", &taken, "--yes"],
        2,
        &["is not a kluis backup", "nothing was restored"],
        &["is geen back-up van kluis", "er is niets teruggezet"],
    );
    in_both(
        &vault,
        &["register", "--format", "pdf"],
        2,
        &["invalid value 'pdf'"],
        &["'pdf' is geen geldige waarde"],
    );
    in_both(
        &vault,
        &["completions", "tcsh"],
        2,
        &["invalid value 'tcsh'"],
        &["'tcsh' is geen geldige waarde"],
    );
    for lang in ["en", "nl"] {
        let r = run(kluis(&vault)
            .env_remove("KLUIS_PASSWORD")
            .args(["--lang", lang, "passwd"])
            .write_stdin(""));
        assert_eq!(r.code, 2, "{}", r.stderr);
        let want = if lang == "en" {
            "no passphrase given"
        } else {
            "geen wachtwoordzin gegeven"
        };
        assert_clean_error(&r, &[want]);
    }
    assert_eq!(std::fs::read_to_string(&taken).unwrap(), "mine");
}
