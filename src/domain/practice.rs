//! The practice profile of DESIGN.md §13.2 (contract): the controller's
//! identity and contact details, its processors and the retention periods
//! it shortens. Access exports, the breach draft, the registers and the
//! privacy statement read it; it is stored encrypted like any record.
//!
//! Every field has a default, so a profile is filled in step by step and an
//! older one still decodes; `missing` says what is still empty, for the
//! documents that need it.

use super::retention::{PERIODS, PeriodRefused, Periods, Rule};
use super::text::is_clean_line;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A person to contact: the practice's contact person, or its data
/// protection officer.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub function: String,
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub phone: String,
}

/// A processor (GDPR art. 28): a service that handles data for the
/// practice, such as the newsletter service.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Processor {
    pub name: String,
    /// What it does for the practice ("newsletter", "hosting").
    #[serde(default)]
    pub service: String,
    /// Where it processes the data: an ISO 3166 country code.
    #[serde(default)]
    pub country: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Practice {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub address: String,
    /// The Chamber of Commerce (KvK) number.
    #[serde(default)]
    pub kvk: String,
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub phone: String,
    #[serde(default)]
    pub website: String,
    #[serde(default)]
    pub contact_person: Contact,
    /// The data protection officer, when the practice has one.
    #[serde(default)]
    pub dpo: Option<Contact>,
    #[serde(default)]
    pub processors: Vec<Processor>,
    /// Periods of DESIGN.md §4 shortened, in months, by rule name.
    #[serde(default)]
    pub retention_months: BTreeMap<Rule, u32>,
    /// How long a backup may be kept (DESIGN.md §13.4): its destroy-by date
    /// is this many months after it was made; `BACKUP_MONTHS` when unset.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub backup_months: Option<u32>,
}

/// The backup period of a practice that set none (DESIGN.md §13.4).
pub const BACKUP_MONTHS: u32 = 3;
/// The longest backup period a practice may set: a backup outlives what
/// was deleted after it was made, so a year at most.
pub const BACKUP_MONTHS_MAX: u32 = 12;

/// A field of the profile, for what is missing and what is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Field {
    Name,
    Address,
    Kvk,
    Email,
    Phone,
    Website,
    ContactName,
    ContactFunction,
    ContactEmail,
    ContactPhone,
    Dpo,
    Processors,
}

impl Field {
    /// The field's JSON path in the profile (DESIGN.md §13.2).
    pub fn path(self) -> &'static str {
        match self {
            Field::Name => "name",
            Field::Address => "address",
            Field::Kvk => "kvk",
            Field::Email => "email",
            Field::Phone => "phone",
            Field::Website => "website",
            Field::ContactName => "contact_person.name",
            Field::ContactFunction => "contact_person.function",
            Field::ContactEmail => "contact_person.email",
            Field::ContactPhone => "contact_person.phone",
            Field::Dpo => "dpo",
            Field::Processors => "processors",
        }
    }
}

/// What the practice must fill in before a document is complete. A data
/// protection officer is optional for a small practice, and a practice
/// without processors says so by leaving the list empty: neither is missing.
pub const NEEDED: [Field; 10] = [
    Field::Name,
    Field::Address,
    Field::Kvk,
    Field::Email,
    Field::Phone,
    Field::Website,
    Field::ContactName,
    Field::ContactFunction,
    Field::ContactEmail,
    Field::ContactPhone,
];

/// Why a profile cannot be stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Invalid {
    /// A period longer than the rule allows (or zero).
    PeriodRefused(PeriodRefused),
    /// A field holds a control character (a line break, an escape).
    ControlCharacter(String),
    /// A backup period of 0 months or more than `BACKUP_MONTHS_MAX`.
    BackupMonths(u32),
}

impl Practice {
    /// The text of `field`, empty when not filled in.
    pub fn text(&self, field: Field) -> &str {
        match field {
            Field::Name => &self.name,
            Field::Address => &self.address,
            Field::Kvk => &self.kvk,
            Field::Email => &self.email,
            Field::Phone => &self.phone,
            Field::Website => &self.website,
            Field::ContactName => &self.contact_person.name,
            Field::ContactFunction => &self.contact_person.function,
            Field::ContactEmail => &self.contact_person.email,
            Field::ContactPhone => &self.contact_person.phone,
            Field::Dpo => self.dpo.as_ref().map_or("", |d| d.name.as_str()),
            Field::Processors => "",
        }
    }

    /// The fields of [`NEEDED`] still empty, in order.
    pub fn missing(&self) -> Vec<Field> {
        NEEDED
            .into_iter()
            .filter(|f| self.text(*f).trim().is_empty())
            .collect()
    }

    /// The periods this practice keeps: the table of DESIGN.md §4 with the
    /// shortenings of the profile.
    pub fn periods(&self) -> Periods {
        PERIODS.shortened_where_shorter(&self.retention_months)
    }

    /// How many months a backup of this practice may be kept.
    pub fn backup_months(&self) -> u32 {
        self.backup_months.unwrap_or(BACKUP_MONTHS)
    }

    /// Checks the profile before it is stored: every period a shortening,
    /// the backup period from 1 to `BACKUP_MONTHS_MAX` months, every text
    /// one line without control characters.
    pub fn check(&self) -> Result<(), Invalid> {
        PERIODS
            .shortened(&self.retention_months)
            .map_err(Invalid::PeriodRefused)?;
        if let Some(m) = self.backup_months
            && !(1..=BACKUP_MONTHS_MAX).contains(&m)
        {
            return Err(Invalid::BackupMonths(m));
        }
        for (path, text) in self.texts() {
            if !is_clean_line(text) {
                return Err(Invalid::ControlCharacter(path));
            }
        }
        Ok(())
    }

    /// Every text of the profile with its JSON path.
    fn texts(&self) -> Vec<(String, &str)> {
        let mut out: Vec<(String, &str)> = [
            Field::Name,
            Field::Address,
            Field::Kvk,
            Field::Email,
            Field::Phone,
            Field::Website,
        ]
        .into_iter()
        .map(|f| (f.path().to_string(), self.text(f)))
        .collect();
        for (k, v) in [
            ("name", &self.contact_person.name),
            ("function", &self.contact_person.function),
            ("email", &self.contact_person.email),
            ("phone", &self.contact_person.phone),
        ] {
            out.push((format!("contact_person.{k}"), v));
        }
        if let Some(d) = &self.dpo {
            for (k, v) in [
                ("name", &d.name),
                ("function", &d.function),
                ("email", &d.email),
                ("phone", &d.phone),
            ] {
                out.push((format!("dpo.{k}"), v));
            }
        }
        for (i, p) in self.processors.iter().enumerate() {
            for (k, v) in [
                ("name", &p.name),
                ("service", &p.service),
                ("country", &p.country),
            ] {
                out.push((format!("processors[{i}].{k}"), v));
            }
        }
        out
    }

    /// Processors outside the European Economic Area, whose data transfers
    /// need a basis of GDPR chapter V.
    pub fn processors_outside_eea(&self) -> Vec<&Processor> {
        self.processors
            .iter()
            .filter(|p| !p.country.trim().is_empty() && !in_eea(&p.country))
            .collect()
    }
}

/// The EU member states and Iceland, Liechtenstein and Norway (ISO 3166
/// alpha-2; Greece also as EL, as the EU writes it).
const EEA: [&str; 31] = [
    "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV",
    "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "IS", "LI", "NO", "EL",
];

/// Whether a country code is in the EEA.
pub fn in_eea(country: &str) -> bool {
    let c = country.trim().to_ascii_uppercase();
    EEA.contains(&c.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn full() -> Practice {
        serde_json::from_str(
            r#"{"name": "Optiwork", "address": "Voorbeeldstraat 1, 3511 AA Utrecht", "kvk": "12345678",
                "email": "info@optiwork.example", "phone": "+31 30 123 4567", "website": "https://optiwork.example",
                "contact_person": {"name": "Jan Jansen", "function": "praktijkhouder", "email": "jan@optiwork.example", "phone": "+31 6 1"},
                "dpo": null,
                "processors": [{"name": "Laposta", "service": "newsletter", "country": "NL"}],
                "retention_months": {"contact_request": 1}}"#,
        )
        .unwrap()
    }

    #[test]
    fn the_contract_example_reads_and_is_complete() {
        let p = full();
        assert!(p.missing().is_empty(), "{:?}", p.missing());
        assert_eq!(p.check(), Ok(()));
        assert_eq!(p.processors[0].name, "Laposta");
        assert!(p.processors_outside_eea().is_empty());
    }

    #[test]
    fn an_empty_profile_misses_every_needed_field() {
        let p: Practice = serde_json::from_str("{}").unwrap();
        assert_eq!(p.missing(), NEEDED);
        assert_eq!(p.periods(), PERIODS);
    }

    #[test]
    fn a_shorter_period_applies_and_a_longer_one_is_refused() {
        let mut p = full();
        p.retention_months.insert(Rule::QuoteOpen, 6);
        assert_eq!(p.check(), Ok(()));
        assert_eq!(p.periods().quote_open, 6);
        assert_eq!(p.periods().team_report, 36);
        p.retention_months.insert(Rule::TeamReport, 48);
        assert_eq!(
            p.check(),
            Err(Invalid::PeriodRefused(PeriodRefused {
                rule: Rule::TeamReport,
                months: 48,
                max: 36
            }))
        );
        // What it would mean if stored anyway: the table's own period.
        assert_eq!(p.periods().team_report, 36);
        p.retention_months.insert(Rule::TeamReport, 0);
        assert!(matches!(p.check(), Err(Invalid::PeriodRefused(_))));
    }

    #[test]
    fn the_fiscal_period_of_an_accepted_quote_cannot_be_shortened() {
        let mut p = full();
        p.retention_months.insert(Rule::QuoteAccepted, 2);
        assert_eq!(
            p.check(),
            Err(Invalid::PeriodRefused(PeriodRefused {
                rule: Rule::QuoteAccepted,
                months: 2,
                max: 84
            }))
        );
        // Stored anyway (an older profile), it means the fiscal period.
        assert_eq!(p.periods().quote_accepted, 84);
        p.retention_months.insert(Rule::QuoteAccepted, 84);
        assert_eq!(p.check(), Ok(()));
    }

    #[test]
    fn the_backup_period_is_three_months_unless_set_and_at_most_a_year() {
        let mut p = full();
        assert_eq!(p.backup_months(), 3);
        p.backup_months = Some(6);
        assert_eq!(p.check(), Ok(()));
        assert_eq!(p.backup_months(), 6);
        for refused in [0, 13] {
            p.backup_months = Some(refused);
            assert_eq!(p.check(), Err(Invalid::BackupMonths(refused)));
        }
        let unset = serde_json::to_string(&full()).unwrap();
        assert!(!unset.contains("backup_months"), "{unset}");
    }

    #[test]
    fn unknown_fields_and_rules_do_not_read() {
        assert!(serde_json::from_str::<Practice>(r#"{"nmae": "x"}"#).is_err());
        assert!(
            serde_json::from_str::<Practice>(r#"{"retention_months": {"breach": 1}}"#).is_err()
        );
    }

    #[test]
    fn a_line_break_in_a_field_is_refused_with_its_path() {
        let mut p = full();
        p.processors[0].service = "news\nletter".into();
        assert_eq!(
            p.check(),
            Err(Invalid::ControlCharacter("processors[0].service".into()))
        );
    }

    #[test]
    fn processors_outside_the_eea() {
        let mut p = full();
        p.processors.push(Processor {
            name: "Mailchimp".into(),
            service: "newsletter".into(),
            country: "us".into(),
        });
        let out: Vec<&str> = p
            .processors_outside_eea()
            .iter()
            .map(|p| p.name.as_str())
            .collect();
        assert_eq!(out, ["Mailchimp"]);
        assert!(in_eea("no") && in_eea("EL") && !in_eea("GB"));
    }
}
