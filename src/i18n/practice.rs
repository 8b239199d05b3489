//! The practice profile in words (DESIGN.md §13.2), Dutch and English: its
//! fields, what is still empty, the retention rules it may shorten, and the
//! sentences of `kluis practice show|set`.

use super::Lang;
use crate::domain::practice::{BACKUP_MONTHS, BACKUP_MONTHS_MAX, Field, Practice};
use crate::domain::retention::{ClockStart, PeriodRefused, Rule};

pub fn field_label(lang: Lang, field: Field) -> &'static str {
    let (nl, en) = match field {
        Field::Name => ("naam van de praktijk", "name of the practice"),
        Field::Address => ("adres", "address"),
        Field::Kvk => ("KvK-nummer", "Chamber of Commerce (KvK) number"),
        Field::Email => ("e-mailadres", "e-mail address"),
        Field::Phone => ("telefoon", "phone"),
        Field::Website => ("website", "website"),
        Field::ContactName => ("contactpersoon", "contact person"),
        Field::ContactFunction => ("functie contactpersoon", "contact person's function"),
        Field::ContactEmail => ("e-mail contactpersoon", "contact person's e-mail"),
        Field::ContactPhone => ("telefoon contactpersoon", "contact person's phone"),
        Field::Dpo => (
            "functionaris gegevensbescherming",
            "data protection officer",
        ),
        Field::Processors => ("verwerkers", "processors"),
    };
    lang.pick(nl, en)
}

/// "Not yet filled in in the practice profile: …", or nothing when complete.
pub fn missing_note(lang: Lang, missing: &[Field]) -> Option<String> {
    if missing.is_empty() {
        return None;
    }
    let names: Vec<&str> = missing.iter().map(|f| field_label(lang, *f)).collect();
    Some(match lang {
        Lang::Nl => format!(
            "Nog niet ingevuld in het praktijkprofiel: {}. Vul aan met `kluis practice set --file praktijk.json` of in kluis met P (praktijkprofiel).",
            names.join(", ")
        ),
        Lang::En => format!(
            "Not yet filled in in the practice profile: {}. Complete it with `kluis practice set --file practice.json` or in kluis with P (practice profile).",
            names.join(", ")
        ),
    })
}

/// A profile field's text, or a marked place when it is empty.
pub fn or_missing(lang: Lang, text: &str) -> String {
    let t = text.trim();
    if t.is_empty() {
        lang.pick("_(nog niet ingevuld)_", "_(not filled in yet)_")
            .to_string()
    } else {
        t.to_string()
    }
}

/// "2 months", "3 years", "1 maand".
pub fn months(lang: Lang, n: u32) -> String {
    if n >= 12 && n.is_multiple_of(12) {
        let y = n / 12;
        format!(
            "{y} {}",
            lang.pick("jaar", if y == 1 { "year" } else { "years" })
        )
    } else {
        let word = if n == 1 {
            lang.pick("maand", "month")
        } else {
            lang.pick("maanden", "months")
        };
        format!("{n} {word}")
    }
}

/// "48 months", never in years: for the refusal, which compares numbers.
fn months_count(lang: Lang, n: u32) -> String {
    let word = if n == 1 {
        lang.pick("maand", "month")
    } else {
        lang.pick("maanden", "months")
    };
    format!("{n} {word}")
}

/// What a rule keeps, in the plural: "individual reports".
pub fn rule_subject(lang: Lang, rule: Rule) -> &'static str {
    let (nl, en) = match rule {
        Rule::IndividualReport => ("individuele rapportages", "individual reports"),
        Rule::QuestionnaireResult => ("uitslagen van vragenlijsten", "questionnaire results"),
        Rule::Trajectory => (
            "trajecten (coaching en training)",
            "trajectories (coaching and training)",
        ),
        Rule::TeamReport => ("adviesrapporten over teams", "team advisory reports"),
        Rule::ContactRequest => ("contactaanvragen", "contact requests"),
        Rule::QuoteAccepted => (
            "geaccepteerde offertes (de administratie)",
            "accepted quotes (the administration)",
        ),
        Rule::QuoteDeclined => ("afgewezen offertes", "declined quotes"),
        Rule::QuoteOpen => ("openstaande offertes", "open quotes"),
        Rule::Person => (
            "personen die nergens meer aan gekoppeld zijn",
            "people linked to nothing",
        ),
        Rule::SubjectRequest => (
            "verzoeken over persoonsgegevens",
            "requests about personal data",
        ),
        Rule::Complaint => ("klachten", "complaints"),
    };
    lang.pick(nl, en)
}

/// When a rule's clock starts: "after the coaching or training ends".
pub fn clock_start(lang: Lang, start: ClockStart) -> &'static str {
    let (nl, en) = match start {
        ClockStart::Completed => (
            "na het einde van de coaching of training",
            "after the coaching or training ends",
        ),
        ClockStart::Delivered => ("na oplevering", "after delivery"),
        ClockStart::FirstContact => (
            "na het eerste contact (of na ontvangst, zolang dat er nog niet was)",
            "after the first contact (or after receipt, until then)",
        ),
        ClockStart::Accepted => (
            "na acceptatie (fiscale bewaarplicht, art. 52 AWR)",
            "after acceptance (fiscal retention duty, Dutch AWR art. 52)",
        ),
        ClockStart::Declined => ("nadat de offerte is afgewezen", "after it was declined"),
        ClockStart::Sent => ("nadat de offerte is verstuurd", "after it was sent"),
        ClockStart::Created => ("na invoer", "after they were entered"),
        ClockStart::Handled => ("na afhandeling", "after it was handled"),
    };
    lang.pick(nl, en)
}

/// A rule with its period: "2 months after the coaching or training ends".
pub fn period(lang: Lang, rule: Rule, months_kept: u32) -> String {
    format!(
        "{} {}",
        months(lang, months_kept),
        clock_start(lang, rule.clock_start())
    )
}

/// The refusal of a period that is not a shortening (exit 2).
pub fn too_long(lang: Lang, t: PeriodRefused) -> String {
    let promise = match (t.rule.promise(), lang) {
        (Some(p @ ("P1" | "P2")), Lang::Nl) => {
            format!(" ({p} van de privacyverklaring is een maximum)")
        }
        (Some(p @ ("P1" | "P2")), Lang::En) => {
            format!(" ({p} of the privacy statement is a maximum)")
        }
        _ => String::new(),
    };
    if t.rule.fixed_by_law() && t.months != 0 && t.months < t.max {
        return match lang {
            Lang::Nl => format!(
                "retention_months.{}: {} kan niet; {} is de fiscale bewaarplicht (AWR art. 52) en kan niet korter.",
                t.rule,
                months_count(lang, t.months),
                months_count(lang, t.max)
            ),
            Lang::En => format!(
                "retention_months.{}: {} is not allowed; {} is the fiscal retention duty (AWR art. 52) and cannot be shortened.",
                t.rule,
                months_count(lang, t.months),
                months_count(lang, t.max)
            ),
        };
    }
    if t.months == 0 {
        return match lang {
            Lang::Nl => format!(
                "retention_months.{}: 0 maanden kan niet; een termijn duurt minstens 1 maand.",
                t.rule
            ),
            Lang::En => format!(
                "retention_months.{}: 0 months is not a period; a period is at least 1 month.",
                t.rule
            ),
        };
    }
    match lang {
        Lang::Nl => format!(
            "retention_months.{}: {} is langer dan de regel voor {} toestaat ({}){promise}; een termijn mag alleen korter worden.",
            t.rule,
            months_count(lang, t.months),
            rule_subject(lang, t.rule),
            months_count(lang, t.max)
        ),
        Lang::En => format!(
            "retention_months.{}: {} is longer than the rule for {} allows ({}){promise}; a period may only be shortened.",
            t.rule,
            months_count(lang, t.months),
            rule_subject(lang, t.rule),
            months_count(lang, t.max)
        ),
    }
}

pub fn control_character(lang: Lang, path: &str) -> String {
    match lang {
        Lang::Nl => format!(
            "{path}: bevat een regeleinde of stuurteken; een veld van het praktijkprofiel is één regel tekst."
        ),
        Lang::En => format!(
            "{path}: holds a line break or control character; a field of the practice profile is one line of text."
        ),
    }
}

pub fn not_json(lang: Lang, line: usize, column: usize) -> String {
    match lang {
        Lang::Nl => format!(
            "het bestand is geen geldige JSON (regel {line}, kolom {column}); het praktijkprofiel is niet gewijzigd."
        ),
        Lang::En => format!(
            "the file is not valid JSON (line {line}, column {column}); the practice profile was not changed."
        ),
    }
}

pub fn not_an_object(lang: Lang) -> &'static str {
    lang.pick(
        "het bestand moet één JSON-object zijn zoals {\"name\": \"…\", \"email\": \"…\"}; het praktijkprofiel is niet gewijzigd.",
        "the file must hold one JSON object such as {\"name\": \"…\", \"email\": \"…\"}; the practice profile was not changed.",
    )
}

pub fn field_problem(lang: Lang, path: &str, problem: &str) -> String {
    let path = if path.is_empty() || path == "." {
        "(file)"
    } else {
        path
    };
    match lang {
        Lang::Nl => format!(
            "{path}: past niet in het praktijkprofiel ({problem}); het profiel is niet gewijzigd."
        ),
        Lang::En => format!(
            "{path}: does not fit the practice profile ({problem}); the profile was not changed."
        ),
    }
}

pub fn file_unreadable(lang: Lang) -> &'static str {
    lang.pick(
        "het bestand kan niet gelezen worden (bestaat het, is het tekst van hoogstens 1 MiB?); het praktijkprofiel is niet gewijzigd.",
        "the file cannot be read (does it exist, is it text of at most 1 MiB?); the practice profile was not changed.",
    )
}

/// The first run's questions (`kluis init` on a terminal).
pub fn ask_name(lang: Lang) -> &'static str {
    lang.pick(
        "Naam van de praktijk (Enter: later invullen): ",
        "Name of the practice (Enter: fill in later): ",
    )
}

pub fn ask_email(lang: Lang) -> &'static str {
    lang.pick(
        "E-mailadres van de praktijk (Enter: later invullen): ",
        "E-mail address of the practice (Enter: fill in later): ",
    )
}

pub fn saved(lang: Lang) -> &'static str {
    lang.pick("Praktijkprofiel opgeslagen.", "Practice profile saved.")
}

/// The profile as `kluis practice show` prints it.
pub fn show(lang: Lang, p: &Practice) -> String {
    let mut out = String::new();
    let mut line = |label: &str, value: &str| {
        let value = if value.trim().is_empty() {
            lang.pick("(nog niet ingevuld)", "(not filled in yet)")
        } else {
            value
        };
        out.push_str(&format!("{label:<34} {value}\n"));
    };
    for f in [
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
    ] {
        line(field_label(lang, f), p.text(f));
    }
    let dpo = p.dpo.as_ref().map(|d| {
        [&d.name, &d.email, &d.phone]
            .into_iter()
            .filter(|s| !s.trim().is_empty())
            .cloned()
            .collect::<Vec<_>>()
            .join(", ")
    });
    line(
        field_label(lang, Field::Dpo),
        dpo.as_deref().unwrap_or(lang.pick("geen", "none")),
    );
    let processors: Vec<String> = p
        .processors
        .iter()
        .map(|pr| format!("{} ({}, {})", pr.name, pr.service, pr.country))
        .collect();
    line(
        field_label(lang, Field::Processors),
        &if processors.is_empty() {
            lang.pick("geen", "none").to_string()
        } else {
            processors.join("; ")
        },
    );
    line(
        lang.pick("Back-ups bewaren", "Keep backups"),
        &months(lang, p.backup_months()),
    );
    let periods = p.periods();
    out.push_str(lang.pick("Bewaartermijnen:\n", "Retention periods:\n"));
    for rule in Rule::ALL {
        let shortened = p.retention_months.contains_key(rule);
        out.push_str(&format!(
            "  {:<22} {}{}\n",
            rule.name(),
            period(lang, *rule, periods.months(*rule)),
            if shortened {
                lang.pick(" (ingekort)", " (shortened)")
            } else {
                ""
            }
        ));
    }
    if let Some(note) = missing_note(lang, &p.missing()) {
        out.push_str(&note);
        out.push('\n');
    }
    out
}

/// The refusal of a backup period out of its range (exit 2).
pub fn backup_months(lang: Lang, n: u32) -> String {
    let max = BACKUP_MONTHS_MAX;
    match lang {
        Lang::Nl => format!(
            "backup_months: {n} kan niet; een back-up wordt 1 tot {max} maanden bewaard (zonder waarde: {BACKUP_MONTHS})."
        ),
        Lang::En => format!(
            "backup_months: {n} is not allowed; a backup is kept from 1 to {max} months (without a value: {BACKUP_MONTHS})."
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_read_in_words() {
        assert_eq!(months(Lang::En, 84), "7 years");
        assert_eq!(months(Lang::Nl, 12), "1 jaar");
        assert_eq!(months(Lang::Nl, 1), "1 maand");
        assert_eq!(months(Lang::Nl, 2), "2 maanden");
        assert_eq!(months(Lang::En, 18), "18 months");
    }
}
