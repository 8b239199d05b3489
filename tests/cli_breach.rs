//! `kluis breach …` and the breaches in `kluis status`, run as the built
//! binary (DESIGN.md §6 and §8). Vaults are made in-process with a
//! cheap KDF; the binary reads the parameters from the keyring header, so it
//! opens them quickly.

// Tests stop at the first surprise: unwrap, expect and panic are how they fail.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

pub mod common {
    pub mod cli;
    pub mod files;
    pub mod fixture;
    pub mod vault;
}

use assert_cmd::Command;
use common::cli::kluis_bin;
use common::files::wait_until_released;
use common::vault::PASS;
use kluis::vault::Vault;
use serde_json::Value;
use std::fs;
use std::path::Path;

/// Discovery; the AP deadline is 72 hours later, 2027-01-18 09:00 +01:00.
const DISCOVERED: &str = "2027-01-15T09:00:00+01:00";
const DEADLINE: &str = "2027-01-18T09:00:00+01:00";
const REGISTERED: &str = "2027-01-15T09:30:00+01:00";
const MINUTE_BEFORE: &str = "2027-01-18T08:59:00+01:00";
const MINUTE_AFTER: &str = "2027-01-18T09:01:00+01:00";

/// The binary on `vault` with the clock at `now`.
fn kluis(vault: &Path, now: &str) -> Command {
    let mut c = common::cli::kluis(vault);
    c.env("KLUIS_NOW", now);
    c
}

/// A new, empty vault in `dir`, closed and let go by sled.
fn new_vault(dir: &Path) -> std::path::PathBuf {
    let v = dir.join("vault");
    common::vault::new_vault(&v);
    wait_until_released(&v);
    v
}

fn stdout_json(c: &mut Command) -> Value {
    let out = c.assert().success().get_output().stdout.clone();
    serde_json::from_slice(&out).unwrap_or_else(|e| {
        panic!("not JSON ({e}): {}", String::from_utf8_lossy(&out));
    })
}

fn stderr_of(c: &mut Command, code: i32) -> String {
    let out = c.assert().code(code).get_output().clone();
    String::from_utf8(out.stderr).unwrap()
}

/// Registers a breach through the binary and returns its id.
fn new_breach(vault: &Path, title: &str) -> String {
    let v = stdout_json(kluis(vault, REGISTERED).args([
        "breach",
        "new",
        "--title",
        title,
        "--discovered-at",
        DISCOVERED,
        "--category",
        "coachverslagen",
        "--json",
    ]));
    assert_eq!(v["notify_deadline"], DEADLINE);
    assert_eq!(v["hours_left"], 71);
    v["id"].as_str().unwrap().to_string()
}

// ---- breach assess ----

const BASE: &str = r#"{
  "confidentiality": true,
  "integrity": false,
  "availability": false,
  "unavailable_for": "none",
  "unintelligible": false,
  "recipient_trusted": false,
  "special_categories": false,
  "subjects": 12,
  "identifiable": true,
  "consequences": "limited"
}"#;

fn answers(changes: &[(&str, Value)]) -> String {
    let mut v: Value = serde_json::from_str(BASE).unwrap();
    for (k, x) in changes {
        v[*k] = x.clone();
    }
    v.to_string()
}

/// `breach assess` with no vault at all: it must not need one.
fn assess(stdin: String, lang: &str) -> Command {
    let home = std::env::temp_dir().join("kluis-test-no-home");
    let mut c = Command::from_std(kluis_bin(&home));
    c.env_remove("LANG")
        .env("KLUIS_VAULT", "/nonexistent/kluis-vault")
        .args(["--lang", lang, "breach", "assess"])
        .write_stdin(stdin);
    c
}

#[test]
fn assess_json_for_answer_sets() {
    let cases: [(&str, String, &str, bool, bool); 6] = [
        (
            // EDPB 01/2021 case 15-like: coaching reports with health data
            // mailed to the wrong group, readable and easy to link to people.
            "sensitive data to the wrong recipients",
            answers(&[
                ("special_categories", Value::Bool(true)),
                ("subjects", Value::from(15)),
                ("consequences", Value::from("significant")),
            ]),
            "high",
            true,
            true,
        ),
        (
            // EDPB case 03-like: ransomware, no backup, files lost for good.
            "ransomware without a backup",
            answers(&[
                ("confidentiality", Value::Bool(false)),
                ("availability", Value::Bool(true)),
                ("unavailable_for", Value::from("permanent")),
                ("consequences", Value::from("severe")),
            ]),
            "high",
            true,
            true,
        ),
        (
            // EDPB case 06-like: an encrypted laptop stolen, key safe, backup.
            "encrypted laptop stolen",
            answers(&[
                ("unintelligible", Value::Bool(true)),
                ("special_categories", Value::Bool(true)),
            ]),
            "none",
            false,
            false,
        ),
        (
            // EDPB case 01-like: unavailable for hours, restored from backup.
            "short outage",
            answers(&[
                ("confidentiality", Value::Bool(false)),
                ("availability", Value::Bool(true)),
                ("unavailable_for", Value::from("hours")),
            ]),
            "none",
            false,
            false,
        ),
        (
            "ordinary contact details exposed",
            BASE.to_string(),
            "risk",
            true,
            false,
        ),
        (
            "trusted recipient confirmed deletion",
            answers(&[("recipient_trusted", Value::Bool(true))]),
            "none",
            false,
            false,
        ),
    ];
    for (name, input, risk, notify, inform) in cases {
        let v = stdout_json(assess(input, "en").arg("--json"));
        let mut keys: Vec<&str> = v.as_object().unwrap().keys().map(|k| k.as_str()).collect();
        keys.sort_unstable();
        assert_eq!(
            keys,
            [
                "inform_subjects",
                "notify_authority",
                "reasons",
                "register",
                "risk"
            ],
            "{name}"
        );
        assert_eq!(v["risk"], risk, "{name}: {v}");
        assert_eq!(v["notify_authority"], notify, "{name}");
        assert_eq!(v["inform_subjects"], inform, "{name}");
        assert_eq!(v["register"], true, "{name}");
        let reasons = v["reasons"].as_array().unwrap();
        assert!(reasons.len() >= 2, "{name}: {v}");
        assert!(
            reasons
                .iter()
                .any(|r| r.as_str().unwrap().starts_with("Conclusion:")),
            "{name}: {v}"
        );
    }
}

#[test]
fn assess_text_in_the_chosen_language() {
    let out = assess(BASE.to_string(), "nl").assert().success();
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(text.contains("Risico: risico"), "{text}");
    assert!(text.contains("Melden bij de AP: ja"), "{text}");
    assert!(text.contains("Conclusie: risico"), "{text}");
    let v = stdout_json(assess(BASE.to_string(), "nl").arg("--json"));
    // Field names and values stay English; the reasons follow the language.
    assert_eq!(v["risk"], "risk");
    assert!(
        v["reasons"][0].as_str().unwrap().contains("ingezien"),
        "{v}"
    );
}

#[test]
fn malformed_answers_name_the_field_and_exit_2() {
    let mut missing: Value = serde_json::from_str(BASE).unwrap();
    missing.as_object_mut().unwrap().remove("identifiable");
    let mut typo: Value = serde_json::from_str(BASE).unwrap();
    typo.as_object_mut().unwrap().remove("subjects");
    typo["subject"] = Value::from(4);
    let cases: [(String, &str, &str); 7] = [
        (
            answers(&[("integrity", Value::from("no"))]),
            "`integrity`",
            "true or false",
        ),
        (
            answers(&[("unavailable_for", Value::from("weeks"))]),
            "`unavailable_for`",
            "none, hours, days, permanent",
        ),
        (
            answers(&[("consequences", Value::from(3))]),
            "`consequences`",
            "negligible, limited, significant, severe",
        ),
        (
            answers(&[("subjects", Value::from(-3))]),
            "`subjects`",
            "non-negative whole number",
        ),
        (
            answers(&[("subjects", Value::from(2.5))]),
            "`subjects`",
            "non-negative whole number",
        ),
        (missing.to_string(), "`identifiable`", "missing"),
        (typo.to_string(), "`subject`", "Unknown field"),
    ];
    for (input, field, fragment) in cases {
        let err = stderr_of(assess(input, "en").arg("--json"), 2);
        assert!(err.contains(field), "{field}: {err}");
        assert!(err.contains(fragment), "{field}: {err}");
        assert_eq!(err.matches('\n').count(), 1, "one line: {err}");
        assert!(err.trim_end().ends_with('.'), "{err}");
    }
    let err = stderr_of(&mut assess("{\"confidentiality\": tru".into(), "en"), 2);
    assert!(err.contains("not valid JSON"), "{err}");
    let err = stderr_of(&mut assess(String::new(), "nl"), 2);
    assert!(err.contains("geen geldige JSON"), "{err}");
}

// ---- the 72-hour clock in list and status ----

#[test]
fn clock_the_minute_before_at_and_after_the_deadline() {
    let dir = tempfile::tempdir().unwrap();
    let vault = new_vault(dir.path());
    let id = new_breach(&vault, "Laptop gestolen");
    // A second breach whose clock stopped: the AP decision is recorded.
    let decided = new_breach(&vault, "Mail verkeerd verstuurd");
    kluis(&vault, REGISTERED)
        .args([
            "breach",
            "decline",
            &decided,
            "authority_notified",
            "--reason",
            "Versleutelde bijlage, sleutel niet gelekt.",
        ])
        .assert()
        .success();

    for (now, hours, clock, text) in [
        (MINUTE_BEFORE, 0, "left", "0 h 01 min left"),
        (DEADLINE, 0, "left", "0 h 00 min left"),
        (MINUTE_AFTER, -1, "overdue", "0 h 01 min overdue"),
    ] {
        let st = stdout_json(kluis(&vault, now).args(["status", "--json"]));
        let open = st["open_breaches"].as_array().unwrap();
        assert_eq!(open.len(), 1, "{now}: {st}");
        assert_eq!(open[0]["id"], id.as_str());
        assert_eq!(open[0]["title"], "Laptop gestolen");
        assert_eq!(open[0]["notify_deadline"], DEADLINE);
        assert_eq!(open[0]["hours_left"], hours, "{now}");
        assert_eq!(st["counts"]["breach"], 2);

        let list =
            stdout_json(kluis(&vault, now).args(["--lang", "en", "breach", "list", "--json"]));
        assert_eq!(list["now"], now);
        let rows = list["breaches"].as_array().unwrap();
        assert_eq!(rows.len(), 2, "{list}");
        // The running clock first, then the stopped one.
        assert_eq!(rows[0]["id"], id.as_str());
        assert_eq!(rows[0]["discovered_at"], DISCOVERED);
        assert_eq!(rows[0]["notify_deadline"], DEADLINE);
        assert_eq!(rows[0]["hours_left"], hours, "{now}");
        assert_eq!(rows[0]["clock"], clock, "{now}");
        assert_eq!(rows[0]["clock_text"], text, "{now}");
        assert_eq!(rows[0]["risk"], Value::Null);
        assert_eq!(rows[0]["closed"], false);
        assert_eq!(rows[0]["next_step"], "expert_contacted");
        assert_eq!(rows[1]["id"], decided.as_str());
        assert_eq!(rows[1]["clock"], "done");
        assert_eq!(rows[1]["hours_left"], Value::Null);
    }
}

// ---- breach report ----

/// The sections of the AP's notification form (0 to 9), then kluis's own.
const EN_HEADINGS: [&str; 15] = [
    "# Data breach notification draft: Laptop gestolen",
    "## 0. Kind of notification",
    "## 1. Organisation and reporter",
    "## 2. About the breach",
    "## 3. Number of people affected",
    "## 4. Kinds of data and of people",
    "## 5. Consequences",
    "## 6. Technical protection measures",
    "## 7. Measures",
    "## 8. Informing the people affected",
    "## 9. International aspects",
    "## Other remarks",
    "## Risk assessment",
    "## Checklist",
    "**Notify the AP by (discovery + 72 hours):**",
];

#[test]
fn report_has_the_form_headings_and_the_delay_section_only_when_late() {
    let dir = tempfile::tempdir().unwrap();
    let vault = new_vault(dir.path());
    let id = new_breach(&vault, "Laptop gestolen");
    let report = |now: &str, lang: &str| {
        let out = kluis(&vault, now)
            .args(["--lang", lang, "breach", "report", &id])
            .assert()
            .success();
        String::from_utf8(out.get_output().stdout.clone()).unwrap()
    };
    let in_time = report(DEADLINE, "en");
    for h in EN_HEADINGS {
        assert!(in_time.contains(h), "missing {h:?} in\n{in_time}");
    }
    assert!(in_time.contains(&format!("`{id}`")));
    assert!(in_time.contains("coachverslagen"));
    assert!(!in_time.contains("Reasons for the delay"), "{in_time}");

    let late = report(MINUTE_AFTER, "en");
    assert!(
        late.contains("## Reasons for the delay (GDPR art. 33(1))"),
        "{late}"
    );
    assert!(late.contains("0 h 01 min overdue"));
    let late_nl = report(MINUTE_AFTER, "nl");
    assert!(late_nl.contains("# Concept melding datalek: Laptop gestolen"));
    assert!(late_nl.contains("## Redenen voor de vertraging (art. 33 lid 1 AVG)"));
}

#[test]
fn report_out_is_private_and_never_overwritten_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let vault = new_vault(dir.path());
    let id = new_breach(&vault, "Laptop gestolen");
    let out = dir.path().join("melding.md");

    let done = kluis(&vault, REGISTERED)
        .args(["breach", "report", &id, "--out"])
        .arg(&out)
        .assert()
        .success();
    let said = String::from_utf8(done.get_output().stdout.clone()).unwrap();
    assert!(said.contains(&out.display().to_string()), "{said}");
    let written = fs::read_to_string(&out).unwrap();
    assert!(written.starts_with("# Data breach notification draft: Laptop gestolen\n"));
    assert_private(&out);

    fs::write(&out, "keep me").unwrap();
    let err = stderr_of(
        kluis(&vault, REGISTERED)
            .args(["breach", "report", &id, "--out"])
            .arg(&out),
        1,
    );
    assert!(
        err.contains("exists already") && err.contains("--force"),
        "{err}"
    );
    assert_eq!(err.matches('\n').count(), 1, "{err}");
    assert_eq!(fs::read_to_string(&out).unwrap(), "keep me");

    kluis(&vault, REGISTERED)
        .args(["breach", "report", &id, "--force", "--out"])
        .arg(&out)
        .assert()
        .success();
    assert_eq!(fs::read_to_string(&out).unwrap(), written);
    assert_private(&out);

    // --force needs --out.
    kluis(&vault, REGISTERED)
        .args(["breach", "report", &id, "--force"])
        .assert()
        .code(2);
}

fn assert_private(path: &Path) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = fs::metadata(path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600, "{}", path.display());
    }
}

// ---- working the checklist ----

#[test]
fn checklist_assessment_decisions_and_closing() {
    let dir = tempfile::tempdir().unwrap();
    let vault = new_vault(dir.path());
    let title = "Laptop van Anna de Vries gestolen";
    let id = new_breach(&vault, title);
    let now = "2027-01-16T10:00:00+01:00";
    let ok = |args: &[&str]| {
        kluis(&vault, now).args(args).assert().success();
    };
    ok(&["breach", "tick", &id, "expert_contacted"]);
    let high = answers(&[("special_categories", Value::Bool(true))]);
    let v = stdout_json(
        kluis(&vault, now)
            .args(["breach", "assess", "--json", "--record", &id])
            .write_stdin(high),
    );
    assert_eq!(v["risk"], "high");

    // Closing waits for the AP and people decisions; the refusal names the
    // steps, not the breach's content.
    let err = stderr_of(
        kluis(&vault, now).args(["breach", "tick", &id, "closed"]),
        1,
    );
    assert!(err.contains("authority_notified, people_informed"), "{err}");
    assert!(!err.contains("Anna"), "{err}");

    ok(&[
        "breach",
        "tick",
        &id,
        "authority_notified",
        "--reference",
        "AP-2027-0042",
        "--at",
        "2027-01-16T09:45:00+01:00",
    ]);
    ok(&[
        "breach",
        "decline",
        &id,
        "people_informed",
        "--reason",
        "Alleen de coach kan de laptop ontgrendelen.",
    ]);
    ok(&["breach", "tick", &id, "closed"]);
    ok(&[
        "breach",
        "edit",
        &id,
        "--contact-person",
        "J. Jansen, praktijkhouder",
        "--people",
        "14",
        "--category",
        "contactgegevens",
    ]);

    let list = stdout_json(kluis(&vault, now).args(["breach", "list", "--json"]));
    let row = &list["breaches"][0];
    assert_eq!(row["closed"], true);
    assert_eq!(row["closed_at"], now);
    assert_eq!(row["risk"], "high");
    assert_eq!(row["clock"], "done");
    assert_eq!(row["next_step"], "nature_and_cause_established");
    let st = stdout_json(kluis(&vault, now).args(["status", "--json"]));
    assert_eq!(st["open_breaches"], Value::Array(Vec::new()));

    let out = kluis(&vault, now)
        .args(["breach", "report", &id])
        .assert()
        .success();
    let report = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(
        report.contains("notified on 2027-01-16 09:45 +01:00, reference AP-2027-0042"),
        "{report}"
    );
    assert!(report.contains("**Why not:** Alleen de coach kan de laptop ontgrendelen."));
    assert!(report.contains("J. Jansen, praktijkhouder"));
    assert!(report.contains("**At most:** 14"));
    assert!(report.contains("**Categories of data:** contactgegevens\n"));
    assert!(report.contains(&format!("# Data breach notification draft: {title}")));

    // The audit log names actions and ids, never the title.
    let v = Vault::open(&vault, PASS.as_bytes()).unwrap();
    let entries = v.audit_entries().unwrap();
    let actions: Vec<&str> = entries.iter().map(|e| e.action.as_str()).collect();
    for a in [
        "breach_new",
        "breach_tick",
        "breach_assess",
        "breach_decide",
        "breach_close",
        "breach_edit",
    ] {
        assert!(actions.contains(&a), "{actions:?}");
    }
    let dump = format!("{entries:?}");
    assert!(
        !dump.contains("Anna") && !dump.contains("AP-2027"),
        "{dump}"
    );
}

#[test]
fn refusals_are_one_sentence_without_personal_data() {
    let dir = tempfile::tempdir().unwrap();
    let vault = new_vault(dir.path());
    let now = REGISTERED;
    let one_line = |err: &str| assert_eq!(err.matches('\n').count(), 1, "{err}");

    // Unknown and malformed ids.
    let err = stderr_of(
        kluis(&vault, now).args(["breach", "report", "0123456789abcdef"]),
        1,
    );
    assert!(err.contains("no breach with id 0123456789abcdef"), "{err}");
    one_line(&err);
    let err = stderr_of(
        kluis(&vault, now).args(["breach", "report", "anna@example.nl"]),
        2,
    );
    assert!(
        err.contains("not a breach id") && !err.contains("anna"),
        "{err}"
    );
    one_line(&err);

    // A discovery in the future, an empty title.
    let err = stderr_of(
        kluis(&vault, now).args([
            "breach",
            "new",
            "--title",
            "Anna de Vries",
            "--discovered-at",
            "2027-01-16T09:00:00+01:00",
        ]),
        2,
    );
    assert!(
        err.contains("in the future") && !err.contains("Anna"),
        "{err}"
    );
    one_line(&err);
    let err = stderr_of(
        kluis(&vault, now).args(["breach", "new", "--title", " "]),
        2,
    );
    assert!(err.contains("needs a title"), "{err}");
    one_line(&err);
    assert_eq!(
        stdout_json(kluis(&vault, now).args(["breach", "list", "--json"]))["breaches"],
        Value::Array(Vec::new())
    );
}
