//! The forms of the practice profile (DESIGN.md §13.2): the settings form
//! with every field of the profile, and the short form of the first run
//! that asks the practice's name and e-mail address. Reading the values
//! back is here too; the checks stay in `domain::practice`.

use super::form::{Field, Form};
use super::purpose::FormPurpose;
use crate::domain::practice::{BACKUP_MONTHS, Contact, Practice, Processor};
use crate::domain::retention::{PERIODS, Rule};
use crate::i18n::ui::Text;

/// Field positions of the settings form; the periods follow `RETENTION`,
/// one field a rule in the order of `Rule::ALL`.
pub mod fields {
    pub const NAME: usize = 0;
    pub const ADDRESS: usize = 1;
    pub const KVK: usize = 2;
    pub const EMAIL: usize = 3;
    pub const PHONE: usize = 4;
    pub const WEBSITE: usize = 5;
    pub const CONTACT_NAME: usize = 6;
    pub const CONTACT_FUNCTION: usize = 7;
    pub const CONTACT_EMAIL: usize = 8;
    pub const CONTACT_PHONE: usize = 9;
    pub const DPO_NAME: usize = 10;
    pub const DPO_FUNCTION: usize = 11;
    pub const DPO_EMAIL: usize = 12;
    pub const DPO_PHONE: usize = 13;
    /// One processor a line: `name; service; country`.
    pub const PROCESSORS: usize = 14;
    pub const RETENTION: usize = 15;
    /// How many months a backup may be kept (DESIGN.md §13.4).
    pub const BACKUP: usize = RETENTION + crate::domain::retention::Rule::ALL.len();
}

/// Field positions of the first run's form.
pub mod first_run {
    pub const NAME: usize = 0;
    pub const EMAIL: usize = 1;
}

/// The label of the period field of `rule`.
fn period_label(rule: Rule) -> Text {
    match rule {
        Rule::IndividualReport => Text::PeriodIndividualReport,
        Rule::QuestionnaireResult => Text::PeriodQuestionnaireResult,
        Rule::Trajectory => Text::PeriodTrajectory,
        Rule::TeamReport => Text::PeriodTeamReport,
        Rule::ContactRequest => Text::PeriodContactRequest,
        Rule::QuoteAccepted => Text::PeriodQuoteAccepted,
        Rule::QuoteDeclined => Text::PeriodQuoteDeclined,
        Rule::QuoteOpen => Text::PeriodQuoteOpen,
        Rule::Person => Text::PeriodPerson,
        Rule::SubjectRequest => Text::PeriodSubjectRequest,
        Rule::Complaint => Text::PeriodComplaint,
    }
}

/// A processor as its line in the form: `Laposta; newsletter; NL`.
fn processor_line(p: &Processor) -> String {
    [&p.name, &p.service, &p.country]
        .map(|s| s.trim())
        .join("; ")
        .trim_end_matches([';', ' '])
        .to_string()
}

/// Every field of `p`; each period shows the months in effect.
pub fn settings(p: &Practice) -> Form {
    let optional = |label, value: &str| Field::text(label, value).with_hint(Text::OptionalHint);
    let dpo = p.dpo.clone().unwrap_or_default();
    let processors: Vec<String> = p.processors.iter().map(processor_line).collect();
    let mut fields = vec![
        Field::text(Text::FieldPracticeName, &p.name),
        Field::text(Text::FieldAddress, &p.address),
        Field::text(Text::FieldKvk, &p.kvk),
        Field::text(Text::FieldEmail, &p.email),
        Field::text(Text::FieldPhone, &p.phone),
        Field::text(Text::FieldWebsite, &p.website),
        Field::text(Text::FieldContactName, &p.contact_person.name),
        Field::text(Text::FieldContactFunction, &p.contact_person.function),
        Field::text(Text::FieldContactEmail, &p.contact_person.email),
        Field::text(Text::FieldContactPhone, &p.contact_person.phone),
        optional(Text::FieldDpoName, &dpo.name),
        optional(Text::FieldDpoFunction, &dpo.function),
        optional(Text::FieldDpoEmail, &dpo.email),
        optional(Text::FieldDpoPhone, &dpo.phone),
        Field::long_text(Text::FieldProcessors, &processors.join("\n")),
    ];
    let periods = p.periods();
    fields.extend(Rule::ALL.iter().map(|rule| {
        Field::text(period_label(*rule), &periods.months(*rule).to_string())
            .with_hint(Text::MonthsHint)
    }));
    fields.push(
        Field::text(Text::FieldBackupMonths, &p.backup_months().to_string())
            .with_hint(Text::MonthsHint),
    );
    Form::new(Text::FormPractice, FormPurpose::Practice, fields).with_note(Text::PracticeNote)
}

/// The first run: the practice's name and e-mail address, to complete
/// later in the settings.
pub fn first_run() -> Form {
    Form::new(
        Text::FormFirstRun,
        FormPurpose::PracticeFirstRun,
        vec![
            Field::text(Text::FieldPracticeName, ""),
            Field::text(Text::FieldEmail, ""),
        ],
    )
    .with_note(Text::FirstRunNote)
}

/// Why the settings form gives no profile.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unreadable {
    /// A period that is not a whole number of months.
    Months,
    /// A processor line without a name.
    ProcessorName,
}

impl Unreadable {
    pub fn text(self) -> Text {
        match self {
            Unreadable::Months => Text::ProblemBadMonths,
            Unreadable::ProcessorName => Text::ProblemProcessorName,
        }
    }
}

/// The processors of the form's lines; an empty line is skipped.
fn processors(v: &str) -> Result<Vec<Processor>, Unreadable> {
    v.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let mut parts = l.split(';').map(|s| s.trim().to_string());
            let name = parts.next().unwrap_or_default();
            if name.is_empty() {
                return Err(Unreadable::ProcessorName);
            }
            Ok(Processor {
                name,
                service: parts.next().unwrap_or_default(),
                country: parts.next().unwrap_or_default().to_ascii_uppercase(),
            })
        })
        .collect()
}

/// The profile the settings form holds, over `base` (whose other fields
/// stay). A period equal to the rule's is no shortening; an empty one is
/// the rule's. Whether the periods are allowed is `Practice::check`'s.
pub fn profile_from(form: &Form, mut base: Practice) -> Result<Practice, Unreadable> {
    use fields::*;
    let text = |i: usize| form.value(i).trim().to_string();
    base.name = text(NAME);
    base.address = text(ADDRESS);
    base.kvk = text(KVK);
    base.email = text(EMAIL);
    base.phone = text(PHONE);
    base.website = text(WEBSITE);
    base.contact_person = Contact {
        name: text(CONTACT_NAME),
        function: text(CONTACT_FUNCTION),
        email: text(CONTACT_EMAIL),
        phone: text(CONTACT_PHONE),
    };
    let dpo = Contact {
        name: text(DPO_NAME),
        function: text(DPO_FUNCTION),
        email: text(DPO_EMAIL),
        phone: text(DPO_PHONE),
    };
    base.dpo = (dpo != Contact::default()).then_some(dpo);
    base.processors = processors(form.value(PROCESSORS))?;
    base.retention_months.clear();
    for (i, rule) in Rule::ALL.iter().enumerate() {
        let typed = text(RETENTION + i);
        if typed.is_empty() {
            continue;
        }
        let months: u32 = typed.parse().map_err(|_| Unreadable::Months)?;
        if months != PERIODS.months(*rule) {
            base.retention_months.insert(*rule, months);
        }
    }
    let typed = text(BACKUP);
    base.backup_months = match typed.parse::<u32>() {
        _ if typed.is_empty() => None,
        // The default stays the default while the coach leaves it.
        Ok(m) if m == BACKUP_MONTHS && base.backup_months.is_none() => None,
        Ok(m) => Some(m),
        Err(_) => return Err(Unreadable::Months),
    };
    Ok(base)
}

/// The profile with the first run's name and e-mail address.
pub fn first_run_profile(form: &Form, mut base: Practice) -> Practice {
    base.name = form.value(first_run::NAME).trim().to_string();
    base.email = form.value(first_run::EMAIL).trim().to_string();
    base
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::input::TextInput;

    #[test]
    fn the_settings_form_round_trips_every_field_of_the_profile() {
        let p: Practice = serde_json::from_str(
            r#"{"name": "Optiwork", "address": "Voorbeeldstraat 1", "kvk": "12345678",
                "email": "info@optiwork.example", "phone": "+31 30 1", "website": "https://optiwork.example",
                "contact_person": {"name": "Jan", "function": "eigenaar", "email": "jan@x.example", "phone": "06"},
                "dpo": {"name": "Els", "function": "FG", "email": "fg@x.example", "phone": ""},
                "processors": [{"name": "Laposta", "service": "newsletter", "country": "NL"},
                               {"name": "Mailer", "service": "", "country": "US"}],
                "retention_months": {"quote_declined": 6, "team_report": 24},
                "backup_months": 2}"#,
        )
        .unwrap();
        let form = settings(&p);
        assert_eq!(
            form.value(fields::PROCESSORS),
            "Laposta; newsletter; NL\nMailer; ; US"
        );
        assert_eq!(form.value(fields::RETENTION + 6), "6");
        assert_eq!(form.value(fields::RETENTION + 3), "24");
        assert_eq!(form.value(fields::BACKUP), "2");
        assert_eq!(profile_from(&form, Practice::default()), Ok(p));
    }

    #[test]
    fn a_period_as_the_rule_has_it_is_no_shortening_and_words_are_refused() {
        let mut form = settings(&Practice::default());
        assert_eq!(
            profile_from(&form, Practice::default()).map(|p| p.retention_months.len()),
            Ok(0)
        );
        assert_eq!(
            profile_from(&form, Practice::default()).map(|p| (p.dpo, p.backup_months)),
            Ok((None, None))
        );
        form.fields[fields::RETENTION].input = TextInput::with("een jaar");
        assert_eq!(
            profile_from(&form, Practice::default()),
            Err(Unreadable::Months)
        );
        form.fields[fields::RETENTION].input = TextInput::with("");
        form.fields[fields::PROCESSORS].input = TextInput::with("; newsletter; NL");
        assert_eq!(
            profile_from(&form, Practice::default()),
            Err(Unreadable::ProcessorName)
        );
    }
}
