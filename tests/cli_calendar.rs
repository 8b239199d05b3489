//! `kluis calendar` (DESIGN.md §13.3): an iCalendar file (RFC 5545) with an
//! event and an alarm per coming deadline day, read back here with a small
//! parser of its own (not the crate that wrote it), and searched for every
//! name, e-mail and title in the vault: a calendar syncs to phones and clouds.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

pub mod common {
    pub mod cli;
    pub mod files;
    pub mod fixture;
    pub mod vault;
}

use common::{cli::*, files::wait_until_released, fixture::*, vault::*};
use kluis::domain::breach::Breach;
use kluis::domain::{AnyRecord, Id};

/// One component of an iCalendar file: its name, its properties (name,
/// value, unescaped) and the components inside it.
#[derive(Debug, Default)]
struct Component {
    name: String,
    props: Vec<(String, String)>,
    children: Vec<Component>,
}

impl Component {
    fn get(&self, name: &str) -> Option<&str> {
        self.props
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// RFC 5545 §3.1: lines end in CRLF, a line starting with a space or tab
/// continues the one before, `NAME;PARAMS:VALUE`, text escapes `\\ \; \, \n`.
fn parse_ics(text: &str) -> Component {
    assert!(text.ends_with("\r\n"), "lines end in CRLF");
    let mut lines: Vec<String> = Vec::new();
    for raw in text.split("\r\n").filter(|l| !l.is_empty()) {
        assert!(raw.len() <= 75, "a line longer than 75 octets: {raw:?}");
        assert!(!raw.contains('\n'), "a bare LF inside a line: {raw:?}");
        if let Some(rest) = raw.strip_prefix([' ', '\t']) {
            lines
                .last_mut()
                .expect("a continuation first")
                .push_str(rest);
        } else {
            lines.push(raw.to_string());
        }
    }
    let mut stack: Vec<Component> = vec![Component::default()];
    for line in lines {
        let (head, value) = line.split_once(':').expect("NAME:VALUE");
        let name = head.split(';').next().unwrap().to_ascii_uppercase();
        match name.as_str() {
            "BEGIN" => stack.push(Component {
                name: value.to_string(),
                ..Component::default()
            }),
            "END" => {
                let done = stack.pop().unwrap();
                assert_eq!(done.name, value, "END matches BEGIN");
                stack.last_mut().unwrap().children.push(done);
            }
            _ => {
                let value = value
                    .replace("\\n", "\n")
                    .replace("\\N", "\n")
                    .replace("\\,", ",")
                    .replace("\\;", ";")
                    .replace("\\\\", "\\");
                stack.last_mut().unwrap().props.push((name, value));
            }
        }
    }
    let mut root = stack.pop().unwrap();
    assert!(stack.is_empty(), "every BEGIN has its END");
    assert_eq!(root.children.len(), 1, "one VCALENDAR");
    root.children.pop().unwrap()
}

fn every_value(c: &Component, out: &mut Vec<String>) {
    out.extend(c.props.iter().map(|(_, v)| v.clone()));
    c.children.iter().for_each(|k| every_value(k, out));
}

/// The practice fixture, a breach whose title names a person, at `NOW`.
fn vault_with_breach(dir: &std::path::Path) -> Vec<String> {
    practice_vault(dir);
    let mut s = open_session(dir, NOW);
    let discovered = chrono::DateTime::parse_from_rfc3339("2026-11-24T15:30:00+01:00").unwrap();
    let breach = Breach::new(discovered, "Laptop met dossier Anna de Vries gestolen");
    s.commit(
        "test",
        vec![(Id::generate(), AnyRecord::Breach(breach))],
        vec![],
    )
    .unwrap();
    // Every name, e-mail and title in the vault, as the vault has them.
    let mut needles = personal_needles();
    for (kind, id) in s.data.keys() {
        needles.push(s.data.label(kind, &id));
    }
    for p in s.data.people.values() {
        needles.extend(p.email.clone());
        needles.extend(p.organisation.clone());
    }
    needles.extend(s.data.subscribers.values().map(|x| x.email.clone()));
    needles.retain(|n| n.chars().count() >= 4);
    needles
}

#[test]
fn the_calendar_has_an_event_and_an_alarm_per_deadline_day_and_no_personal_data() {
    let _serial = serial();
    let tmp = tempfile::tempdir().unwrap();
    let vault = tmp.path().join("v");
    let needles = vault_with_breach(&vault);
    wait_until_released(&vault);

    for (lang, words) in [("en", "to delete"), ("nl", "te verwijderen")] {
        let file = tmp.path().join(format!("deadlines-{lang}.ics"));
        let r = run(kluis(&vault)
            .args(["--lang", lang, "calendar", "--days", "400", "--out"])
            .arg(&file));
        assert_eq!(r.code, 0, "{}", r.stderr);
        let text = std::fs::read_to_string(&file).unwrap();
        let cal = parse_ics(&text);
        assert_eq!(cal.name, "VCALENDAR");
        assert_eq!(cal.get("VERSION"), Some("2.0"));
        let events: Vec<&Component> = cal.children.iter().filter(|c| c.name == "VEVENT").collect();
        assert!(events.len() >= 3, "{text}");
        let summaries: Vec<&str> = events.iter().map(|e| e.get("SUMMARY").unwrap()).collect();
        for e in &events {
            assert!(e.get("UID").is_some() && e.get("DTSTAMP").is_some());
            assert_eq!(
                e.get("DTSTAMP"),
                Some("20261125T080000Z"),
                "stamped with KLUIS_NOW"
            );
            assert!(e.get("DTSTART").is_some(), "{e:?}");
            let alarms: Vec<&Component> =
                e.children.iter().filter(|c| c.name == "VALARM").collect();
            assert_eq!(alarms.len(), 1, "one alarm per event: {e:?}");
            assert_eq!(alarms[0].get("ACTION"), Some("DISPLAY"));
            assert!(alarms[0].get("TRIGGER").unwrap().starts_with("-PT"));
        }
        // Kinds and counts: "kluis: 3 records to delete".
        for s in &summaries {
            let rest = s.strip_prefix("kluis: ").unwrap_or_else(|| panic!("{s}"));
            let (n, _) = rest.split_once(' ').unwrap();
            assert!(n.parse::<usize>().unwrap() >= 1, "{s}");
        }
        assert!(summaries.iter().any(|s| s.contains(words)), "{summaries:?}");
        let breach = events
            .iter()
            .find(|e| e.get("UID").unwrap().contains("breach"))
            .expect("the breach's notification deadline");
        assert_eq!(breach.get("DTSTART"), Some("20261127T143000Z"));

        let mut values = Vec::new();
        every_value(&cal, &mut values);
        let all = values.join("\n").to_lowercase();
        for n in &needles {
            assert!(
                !all.contains(&n.to_lowercase()) && !text.contains(n.as_str()),
                "the calendar names {n:?}"
            );
        }
    }
}

#[test]
fn days_out_of_range_is_a_usage_error_in_both_languages() {
    let _serial = serial();
    let tmp = tempfile::tempdir().unwrap();
    let vault = tmp.path().join("v");
    new_vault(&vault);
    wait_until_released(&vault);
    let r = run(kluis(&vault).args(["calendar", "--days", "0"]));
    assert_eq!(r.code, 2);
    assert_clean_error(&r, &["--days", "3660"]);
    let r = run(kluis(&vault).args(["--lang", "nl", "calendar", "--days", "99999"]));
    assert_eq!(r.code, 2);
    assert_clean_error(&r, &["moet tussen 1 en 3660"]);
}

#[test]
fn a_window_without_deadlines_is_an_empty_calendar_on_stdout() {
    let _serial = serial();
    let tmp = tempfile::tempdir().unwrap();
    let vault = tmp.path().join("v");
    new_vault(&vault);
    wait_until_released(&vault);
    let r = run(kluis(&vault).args(["calendar", "--days", "30"]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    let cal = parse_ics(&r.stdout);
    assert!(cal.children.is_empty(), "{}", r.stdout);
}
