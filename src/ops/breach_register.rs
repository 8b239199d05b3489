//! The breach register of GDPR art. 33(5) (`kluis breach register`,
//! DESIGN.md §13.3): every breach whatever its outcome, with its facts, its
//! effects, the remedial action (corrective and preventive apart, as the
//! AP's guidance asks) and why the AP or the people were or were not told.
//! One entry per breach as JSON (the contract's field names), and the same
//! entries as CSV cells; `i18n::breach_register` words them in Markdown.

use crate::domain::breach::{At, Breach};
use crate::domain::{Dataset, Id};
use chrono::SecondsFormat;
use serde_json::{Value, json};

fn stamp(t: Option<At>) -> Value {
    t.map_or(Value::Null, |t| {
        Value::String(t.to_rfc3339_opts(SecondsFormat::Secs, false))
    })
}

/// A text, or `null` when empty.
fn text(s: &str) -> Value {
    let t = s.trim();
    if t.is_empty() {
        Value::Null
    } else {
        Value::String(t.to_string())
    }
}

/// The breaches of `ds`, oldest discovery first (then by id).
pub fn breaches(ds: &Dataset) -> Vec<(&Id, &Breach)> {
    let mut out: Vec<(&Id, &Breach)> = ds.breaches.iter().collect();
    out.sort_by(|a, b| (a.1.discovered_at, a.0).cmp(&(b.1.discovered_at, b.0)));
    out
}

/// One entry with every field of DESIGN.md §13.3 (and a few more).
pub fn entry(id: &Id, b: &Breach) -> Value {
    let f = &b.form;
    let c = &b.checklist;
    let (min, max) = b.subjects_range();
    let assessment = b.assessment.map(|a| {
        let r = b.recommendation();
        json!({
            "answers": a,
            "risk": r.as_ref().map(|r| r.risk),
            "notify_authority": r.as_ref().map(|r| r.notify_authority),
            "inform_subjects": r.as_ref().map(|r| r.inform_subjects),
            "assessed_at": stamp(c.assessed_at),
        })
    });
    json!({
        "id": id.as_str(),
        "title": b.title,
        "notification": f.notification,
        "earlier_reference": text(&f.earlier_reference),
        "discovered_at": stamp(Some(b.discovered_at)),
        "started_at": stamp(b.timeline.started_at),
        "ended_at": stamp(b.timeline.ended_at),
        "ongoing": b.timeline.ongoing,
        "description": text(&b.description),
        "cause": text(&b.cause),
        "nature": f.nature,
        "data_categories": b.data_categories,
        "special_categories": f.special_categories,
        "sensitive_data": f.sensitive_data,
        "subject_categories": f.subject_categories,
        "subjects_min": min,
        "subjects_max": max,
        "records": b.approx_records,
        "processor_involved": f.processor_involved,
        "processor": text(&f.processor),
        "consequences": text(&b.notes.likely_consequences),
        "damage": f.damage,
        "unintelligible_how": text(&f.unintelligible_how),
        "corrective_measures": text(&b.notes.measures_taken),
        "preventive_measures": text(&f.preventive_measures),
        "action_plan": text(&c.action_plan),
        "assessment": assessment,
        "ap_notified_at": stamp(c.ap_notified_at),
        "ap_reference": text(&c.ap_reference),
        "ap_not_notified_because": c.ap_not_notified.as_ref().filter(|_| c.ap_notified_at.is_none()).map(|w| w.reason.clone()),
        "subjects_informed_at": stamp(c.people_informed_at),
        "subjects_informed_how": text(&c.people_informed_how),
        "subjects_not_informed_because": c.people_not_informed.as_ref().filter(|_| c.people_informed_at.is_none()).map(|w| w.reason.clone()),
        "subjects_inform_planned_at": stamp(f.inform_planned_at),
        "public_communication": text(&f.public_communication),
        "international": text(&f.international),
        "delay_reason": text(&b.notes.delay_reason),
        "remarks": text(&f.remarks),
        "closed_at": stamp(b.closed_at),
    })
}

/// `{"breaches": [...]}`: the register as JSON.
pub fn json(ds: &Dataset) -> Value {
    let list: Vec<Value> = breaches(ds)
        .into_iter()
        .map(|(id, b)| entry(id, b))
        .collect();
    json!({ "breaches": list })
}

/// The columns of the CSV register: the JSON fields, in order, with the
/// assessment as its risk.
pub const CSV_COLUMNS: [&str; 27] = [
    "id",
    "title",
    "discovered_at",
    "started_at",
    "ended_at",
    "ongoing",
    "description",
    "cause",
    "nature",
    "data_categories",
    "special_categories",
    "subject_categories",
    "subjects_min",
    "subjects_max",
    "consequences",
    "corrective_measures",
    "preventive_measures",
    "assessment",
    "ap_notified_at",
    "ap_reference",
    "ap_not_notified_because",
    "subjects_informed_at",
    "subjects_informed_how",
    "subjects_not_informed_because",
    "delay_reason",
    "closed_at",
    "sensitive_data",
];

/// A JSON value as one CSV cell: lists joined with "; ", `null` empty, the
/// assessment as its risk level.
fn cell(field: &str, v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        Value::Array(items) => items
            .iter()
            .map(|i| cell(field, i))
            .collect::<Vec<_>>()
            .join("; "),
        Value::Object(o) if field == "assessment" => {
            o.get("risk").map(|r| cell("risk", r)).unwrap_or_default()
        }
        other => other.to_string(),
    }
}

/// The register as CSV, one row per breach; a cell that would start a
/// spreadsheet formula is neutralised as in the mailing export.
#[expect(clippy::expect_used, reason = "writing CSV into a Vec<u8> does no I/O")]
pub fn csv(ds: &Dataset) -> Vec<u8> {
    let mut w = csv::Writer::from_writer(Vec::new());
    let mut write = || -> Result<(), csv::Error> {
        w.write_record(CSV_COLUMNS)?;
        for (id, b) in breaches(ds) {
            let e = entry(id, b);
            let row: Vec<String> = CSV_COLUMNS
                .iter()
                .map(|c| {
                    let v = e.get(*c).cloned().unwrap_or(Value::Null);
                    super::rights::mailing::neutralised(&cell(c, &v)).into_owned()
                })
                .collect();
            w.write_record(&row)?;
        }
        w.flush()?;
        Ok(())
    };
    // invariant: a csv::Writer over a Vec<u8> has no I/O that can fail.
    write().expect("CSV into memory");
    w.into_inner().expect("CSV into memory")
}
