//! `kluis export person`, `kluis erase person` and `kluis mailing` run as the
//! real binary on temporary vaults (`kluis init` + `kluis import` of a
//! fixture), with `KLUIS_PASSWORD` and a fixed `KLUIS_NOW`.

// Tests stop at the first surprise: unwrap, expect and panic are how they fail.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

pub mod common {
    pub mod cli;
    pub mod fixture;
    pub mod vault;
}

use common::cli::kluis;
use common::fixture::fixture;
use std::path::{Path, PathBuf};

fn vault_with_fixture() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let vault = dir.path().join("vault");
    kluis(&vault).arg("init").assert().success();
    kluis(&vault)
        .arg("import")
        .arg(fixture("rights.json"))
        .assert()
        .success();
    (dir, vault)
}

fn stdout(out: &std::process::Output) -> String {
    String::from_utf8(out.stdout.clone()).unwrap()
}

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8(out.stderr.clone()).unwrap()
}

#[cfg(unix)]
fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[test]
fn export_person_writes_everything_about_them_and_nothing_of_another() {
    let (dir, vault) = vault_with_fixture();

    let out = kluis(&vault)
        .args(["export", "person", "ANNA@example.nl"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let md = stdout(&out);
    for needed in [
        "# Your personal data: Anna de Vries",
        "Anna werkt aan haar loopbaan",
        "Score 7 op samenwerken.",
        "Teamtraining feedback",
        "8 January 2033",
        "Autoriteit Persoonsgegevens",
        "Postbus 93374",
        "2509 AJ Den Haag",
        "autoriteitpersoonsgegevens.nl",
        "088 - 1805 250",
    ] {
        assert!(md.contains(needed), "{needed} missing:\n{md}");
    }
    for secret in [
        "Bram Jansen",
        "bram@example.nl",
        "GEHEIM-BRAM",
        "Verslag Bram",
        "Cees Bakker",
    ] {
        assert!(!md.contains(secret), "{secret} leaked:\n{md}");
    }
    // The open access request is pointed out, by id.
    assert!(stderr(&out).contains("Open request"), "{}", stderr(&out));

    // To a file: JSON, mode 0600.
    let file = dir.path().join("anna.json");
    kluis(&vault)
        .args([
            "export",
            "person",
            "anna@example.nl",
            "--format",
            "json",
            "--out",
        ])
        .arg(&file)
        .assert()
        .success();
    let written = std::fs::read(&file).unwrap();
    let json: serde_json::Value = serde_json::from_slice(&written).unwrap();
    assert_eq!(json["person"]["name"], "Anna de Vries");
    assert_eq!(json["format"], "kluis-access-export");
    assert_eq!(json["documents"].as_array().unwrap().len(), 2);
    assert!(!String::from_utf8_lossy(&written).contains("GEHEIM-BRAM"));
    #[cfg(unix)]
    assert_eq!(mode(&file), 0o600);

    // An existing file is not overwritten without --force.
    let out = kluis(&vault)
        .args(["export", "person", "anna@example.nl", "--out"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("exists already"), "{}", stderr(&out));
    assert_eq!(std::fs::read(&file).unwrap(), written);

    // With --force it is replaced, and private again even if it was not.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o644)).unwrap();
    }
    kluis(&vault)
        .args([
            "--lang",
            "nl",
            "export",
            "person",
            "anna@example.nl",
            "--force",
            "--out",
        ])
        .arg(&file)
        .assert()
        .success();
    let md = std::fs::read_to_string(&file).unwrap();
    assert!(md.starts_with("# Jouw gegevens: Anna de Vries"), "{md}");
    assert!(md.contains("Je rechten"));
    #[cfg(unix)]
    assert_eq!(mode(&file), 0o600);

    // An unknown person: one sentence, without the address.
    let out = kluis(&vault)
        .args(["export", "person", "onbekend@example.nl"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("no person has that id or e-mail address"),
        "{err}"
    );
    assert!(!err.contains("onbekend"), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
}

#[test]
fn erase_person_refuses_without_a_terminal_and_keeps_what_must_stay() {
    let (_dir, vault) = vault_with_fixture();

    // No --yes and no terminal: refused with exit 2, nothing changed.
    let out = kluis(&vault)
        .args(["erase", "person", "anna@example.nl"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("refused without confirmation"));
    let status = kluis(&vault).args(["status", "--json"]).output().unwrap();
    let status: serde_json::Value = serde_json::from_slice(&status.stdout).unwrap();
    assert_eq!(status["counts"]["person"], 3);

    let out = kluis(&vault)
        .args(["erase", "person", "anna@example.nl", "--yes", "--json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let receipt: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let counts = &receipt["deleted"]["counts"];
    assert_eq!(counts["person"], 1);
    assert_eq!(counts["trajectory"], 1);
    assert_eq!(counts["individual_report"], 1);
    assert_eq!(counts["questionnaire_result"], 1);
    assert_eq!(counts["quote"], 1);
    assert_eq!(counts["contact_request"], 1);
    assert_eq!(counts["subscriber"], 1);
    let reasons: Vec<&str> = receipt["kept"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| k["reason"].as_str().unwrap())
        .collect();
    for r in [
        "fiscal_duty",
        "other_participants",
        "other_requester",
        "request_log",
        "suppression",
    ] {
        assert!(reasons.contains(&r), "{r} missing from {reasons:?}");
    }
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(!text.contains("Anna") && !text.contains("anna@"), "{text}");

    let check = kluis(&vault).args(["check", "--json"]).output().unwrap();
    assert_eq!(check.status.code(), Some(0), "{}", stdout(&check));
    let check: serde_json::Value = serde_json::from_slice(&check.stdout).unwrap();
    assert_eq!(check["ok"], true);
    assert_eq!(check["audit_chain"], "ok");

    // Bram and his document are still there; Anna is gone.
    let out = kluis(&vault)
        .args(["export", "person", "bram@example.nl", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let bram: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let docs = bram["documents"].as_array().unwrap();
    assert_eq!(docs.len(), 1);
    assert!(docs[0]["body"].as_str().unwrap().contains("GEHEIM-BRAM"));
    assert_eq!(bram["trajectories"].as_array().unwrap().len(), 1);
    kluis(&vault)
        .args(["erase", "person", "anna@example.nl", "--yes"])
        .assert()
        .code(1);
}

#[test]
fn mailing_unsubscribe_blocks_later_quotes_and_the_csv_parses() {
    let (dir, vault) = vault_with_fixture();

    let out = kluis(&vault)
        .args(["mailing", "unsubscribe", "not-an-address"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(!stderr(&out).contains("not-an-address"), "{}", stderr(&out));

    let out = kluis(&vault)
        .args([
            "mailing",
            "unsubscribe",
            "Cees@Example.nl",
            "nooit@example.nl",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("1. removed from the list"), "{text}");
    assert!(
        text.contains("2. was not on the list; blocked all the same"),
        "{text}"
    );

    // A later accepted quote for both addresses does not add them again.
    let later = dir.path().join("later.json");
    std::fs::write(
        &later,
        r#"{"people": [{"ref": "c", "name": "Cees Bakker", "email": "cees@example.nl"},
                       {"ref": "n", "name": "Nooit Meer", "email": "NOOIT@example.nl"}],
            "quotes": [{"requester": "c", "participants": ["n"], "amount": "500.00",
                        "sent_on": "2026-11-20", "accepted_on": "2026-11-24"}]}"#,
    )
    .unwrap();
    let out = kluis(&vault).arg("import").arg(&later).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("not re-added (unsubscribed before): 2"),
        "{}",
        stdout(&out)
    );

    let csv_path = dir.path().join("list.csv");
    kluis(&vault)
        .args(["mailing", "export", "--out"])
        .arg(&csv_path)
        .assert()
        .success();
    #[cfg(unix)]
    assert_eq!(mode(&csv_path), 0o600);
    let mut r = csv::Reader::from_path(&csv_path).unwrap();
    assert_eq!(
        r.headers().unwrap(),
        vec!["email", "name", "source", "subscribed_on"]
    );
    let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    let emails: Vec<String> = rows.iter().map(|r| r[0].to_lowercase()).collect();
    assert!(
        !emails.contains(&"cees@example.nl".to_string()),
        "{emails:?}"
    );
    assert!(
        !emails.contains(&"nooit@example.nl".to_string()),
        "{emails:?}"
    );
    assert!(
        emails.contains(&"anna@example.nl".to_string()),
        "{emails:?}"
    );
    let extra = rows.iter().find(|r| &r[0] == "extra@example.nl").unwrap();
    assert_eq!(&extra[1], "Jansen, \"Joop\"");
    assert_eq!(&extra[2], "webinar");
    assert_eq!(&extra[3], "2026-05-12");

    // Not overwritten without --force; standard output gives the same CSV.
    kluis(&vault)
        .args(["mailing", "export", "--out"])
        .arg(&csv_path)
        .assert()
        .code(1);
    let out = kluis(&vault).args(["mailing", "export"]).output().unwrap();
    assert_eq!(out.stdout, std::fs::read(&csv_path).unwrap());
}
