//! The fields of `kluis breach new` and `edit` (the AP's notification form,
//! DESIGN.md §6) as command-line options, and how their typed values are
//! read: a moment, a name from a domain list, a checklist step.

use super::usage_error::BadValue;
use crate::domain::breach::{
    At, ChecklistStep, Damage, Nature, NotificationKind, SensitiveData, SpecialCategory,
    SubjectCategory,
};
use crate::ops::breach::{self as ops, Details};
use chrono::DateTime;
use clap::Args;
use serde_json::Value;

/// The optional fields of `new` and `edit`.
#[derive(Debug, Args)]
pub struct Fields {
    #[arg(long)]
    description: Option<String>,
    #[arg(long)]
    cause: Option<String>,
    /// A category of data affected (repeat for more; replaces the list)
    #[arg(long = "category", value_name = "CATEGORY")]
    categories: Vec<String>,
    /// Approximate number of records affected
    #[arg(long, value_name = "N")]
    records: Option<u64>,
    /// Approximate number of people affected
    #[arg(long, value_name = "N")]
    people: Option<u64>,
    /// When the breach started, RFC 3339
    #[arg(long, value_name = "TIME", value_parser = parse_at)]
    started_at: Option<At>,
    /// When the breach ended, RFC 3339
    #[arg(long, value_name = "TIME", value_parser = parse_at)]
    ended_at: Option<At>,
    /// Whether the breach is still going on
    #[arg(long, value_name = "BOOL")]
    ongoing: Option<bool>,
    /// Contact person for the AP (the coach)
    #[arg(long)]
    contact_person: Option<String>,
    #[arg(long)]
    measures_taken: Option<String>,
    #[arg(long)]
    likely_consequences: Option<String>,
    /// Why the AP is notified after the 72 hours
    #[arg(long)]
    delay_reason: Option<String>,
    #[arg(long)]
    action_plan: Option<String>,
    /// new, or follow-up (an addition to an earlier notification)
    #[arg(long, value_name = "KIND", value_parser = parse_choice::<NotificationKind>)]
    notification: Option<NotificationKind>,
    /// The AP's reference of the earlier notification (with --notification follow-up)
    #[arg(long, value_name = "REFERENCE")]
    earlier_reference: Option<String>,
    /// Whether a processor was involved
    #[arg(long, value_name = "BOOL")]
    processor_involved: Option<bool>,
    /// Which processor (implies --processor-involved true)
    #[arg(long, value_name = "NAME")]
    processor: Option<String>,
    /// read, copied, altered, deleted, destroyed, stolen, lost or other (repeat; replaces the list)
    #[arg(long, value_name = "NATURE", value_parser = parse_choice::<Nature>)]
    nature: Vec<Nature>,
    /// An art. 9/10 category: racial_or_ethnic_origin, political_opinions,
    /// religious_or_philosophical_beliefs, trade_union_membership, genetic, biometric,
    /// health, sex_life_or_orientation, criminal (repeat; replaces the list)
    #[arg(long = "special", value_name = "CATEGORY", value_parser = parse_choice::<SpecialCategory>)]
    special: Vec<SpecialCategory>,
    /// Other sensitive data: coaching_content, questionnaire_results, financial,
    /// identity_numbers, login_details (repeat; replaces the list)
    #[arg(long = "sensitive", value_name = "KIND", value_parser = parse_choice::<SensitiveData>)]
    sensitive: Vec<SensitiveData>,
    /// Who is affected: participants, requesters, prospects, subscribers, team_members, other
    /// (repeat; replaces the list)
    #[arg(long = "subject-category", value_name = "CATEGORY", value_parser = parse_choice::<SubjectCategory>)]
    subject_categories: Vec<SubjectCategory>,
    /// The fewest people affected
    #[arg(long, value_name = "N")]
    subjects_min: Option<u64>,
    /// The most people affected
    #[arg(long, value_name = "N")]
    subjects_max: Option<u64>,
    /// How the data was made unintelligible (encryption, hashing)
    #[arg(long, value_name = "TEXT")]
    unintelligible_how: Option<String>,
    /// physical, material or immaterial (repeat; replaces the list)
    #[arg(long, value_name = "KIND", value_parser = parse_choice::<Damage>)]
    damage: Vec<Damage>,
    /// When informing the people is planned, RFC 3339
    #[arg(long, value_name = "TIME", value_parser = parse_at)]
    inform_planned_at: Option<At>,
    /// The text sent to the people affected
    #[arg(long, value_name = "TEXT")]
    informed_text: Option<String>,
    /// A public communication instead of informing each (art. 34(3)(c))
    #[arg(long, value_name = "TEXT")]
    public_communication: Option<String>,
    /// International aspects: people in other EU/EEA countries, other authorities told
    #[arg(long, value_name = "TEXT")]
    international: Option<String>,
    /// Measures to prevent it happening again
    #[arg(long, value_name = "TEXT")]
    preventive_measures: Option<String>,
    /// Other remarks for the AP
    #[arg(long, value_name = "TEXT")]
    remarks: Option<String>,
}

impl Fields {
    pub(super) fn apply(self, d: &mut Details) {
        fn set<T>(slot: &mut T, v: Option<T>) {
            if let Some(v) = v {
                *slot = v;
            }
        }
        set(&mut d.description, self.description);
        set(&mut d.cause, self.cause);
        if !self.categories.is_empty() {
            d.data_categories = self.categories;
        }
        if self.records.is_some() {
            d.approx_records = self.records;
        }
        if self.people.is_some() {
            d.approx_people = self.people;
        }
        if self.started_at.is_some() {
            d.timeline.started_at = self.started_at;
        }
        if self.ended_at.is_some() {
            d.timeline.ended_at = self.ended_at;
        }
        if self.ongoing.is_some() {
            d.timeline.ongoing = self.ongoing;
        }
        set(&mut d.notes.contact_person, self.contact_person);
        set(&mut d.notes.measures_taken, self.measures_taken);
        set(&mut d.notes.likely_consequences, self.likely_consequences);
        set(&mut d.notes.delay_reason, self.delay_reason);
        set(&mut d.action_plan, self.action_plan);
        let f = &mut d.form;
        set(&mut f.notification, self.notification);
        set(&mut f.earlier_reference, self.earlier_reference);
        if self.processor.is_some() {
            f.processor_involved = Some(true);
        }
        if self.processor_involved.is_some() {
            f.processor_involved = self.processor_involved;
        }
        set(&mut f.processor, self.processor);
        if !self.nature.is_empty() {
            f.nature = self.nature;
        }
        if !self.special.is_empty() {
            f.special_categories = self.special;
        }
        if !self.sensitive.is_empty() {
            f.sensitive_data = self.sensitive;
        }
        if !self.subject_categories.is_empty() {
            f.subject_categories = self.subject_categories;
        }
        if !self.damage.is_empty() {
            f.damage = self.damage;
        }
        if self.subjects_min.is_some() {
            f.subjects_min = self.subjects_min;
        }
        if self.subjects_max.is_some() {
            f.subjects_max = self.subjects_max;
        }
        if self.inform_planned_at.is_some() {
            f.inform_planned_at = self.inform_planned_at;
        }
        set(&mut f.unintelligible_how, self.unintelligible_how);
        set(&mut f.informed_text, self.informed_text);
        set(&mut f.public_communication, self.public_communication);
        set(&mut f.international, self.international);
        set(&mut f.preventive_measures, self.preventive_measures);
        set(&mut f.remarks, self.remarks);
    }
}

pub(super) fn parse_at(s: &str) -> Result<At, BadValue> {
    DateTime::parse_from_rfc3339(s.trim()).map_err(|_| {
        BadValue::new(
            "verwacht een moment in RFC 3339, zoals 2027-01-15T09:00:00+01:00",
            "expected an RFC 3339 moment such as 2027-01-15T09:00:00+01:00",
        )
    })
}

/// One of a domain list's JSON names (`read`, `follow_up`, `team_members`);
/// a dash may stand for the underscore.
fn parse_choice<T: serde::de::DeserializeOwned>(s: &str) -> Result<T, BadValue> {
    let name = s.trim().replace('-', "_");
    serde_json::from_value(Value::String(name)).map_err(|_| {
        BadValue::new(
            "niet een van de namen die --help noemt",
            "not one of the names listed in --help",
        )
    })
}

pub(super) fn parse_step_arg(s: &str) -> Result<ChecklistStep, BadValue> {
    ops::parse_step(s).ok_or_else(|| {
        let names: Vec<&str> = ChecklistStep::ALL.into_iter().map(ops::step_key).collect();
        let names = names.join(", ");
        BadValue::new(
            format!("verwacht een van {names}"),
            format!("expected one of {names}"),
        )
    })
}
