//! The breach notification draft (`kluis breach report`) in Markdown, in
//! Dutch or English: the words and the layout of a `domain::breach_report`
//! draft, with open places marked for the coach to complete.

use super::Lang;
use super::practice as practice_words;
use crate::domain::breach::{At, Breach, NotificationKind};
use crate::domain::breach_assessment::{Answers, Risk, Unavailable};
use crate::domain::breach_report::{Authority, End, Informing, Report, StepState};

/// A time as the draft shows it: `2027-01-15 09:00 +01:00`.
fn when(t: At) -> String {
    t.format("%Y-%m-%d %H:%M %:z").to_string()
}

/// Text the coach entered, or a marked place to fill in.
fn or_todo(text: &str, lang: Lang) -> String {
    let t = text.trim();
    if t.is_empty() {
        lang.pick("_(nog invullen)_", "_(to fill in)_").to_string()
    } else {
        t.to_string()
    }
}

/// The same, on one line (for list items and table cells).
fn one_line(text: &str, lang: Lang) -> String {
    or_todo(text, lang)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace('|', "\\|")
}

fn yes_no(b: bool, lang: Lang) -> &'static str {
    if b {
        lang.pick("ja", "yes")
    } else {
        lang.pick("nee", "no")
    }
}

fn unknown(lang: Lang) -> &'static str {
    lang.pick("onbekend", "unknown")
}

fn not_assessed(lang: Lang) -> &'static str {
    lang.pick("nog niet beoordeeld", "not yet assessed")
}

/// One answer of the assessment as yes/no, or "not yet assessed".
fn answer(b: &Breach, lang: Lang, f: impl Fn(&Answers) -> bool) -> &'static str {
    match &b.assessment {
        Some(a) => yes_no(f(a), lang),
        None => not_assessed(lang),
    }
}

struct Doc {
    out: String,
}

impl Doc {
    fn line(&mut self, s: &str) {
        self.out.push_str(s);
        self.out.push('\n');
    }

    /// Ends what came before with one empty line.
    fn blank(&mut self) {
        while !self.out.ends_with("\n\n") {
            self.out.push('\n');
        }
    }

    fn heading(&mut self, s: &str) {
        self.blank();
        self.line(&format!("## {s}"));
        self.out.push('\n');
    }

    fn item(&mut self, label: &str, value: &str) {
        self.line(&format!("- **{label}:** {value}"));
    }

    fn para(&mut self, s: &str) {
        self.blank();
        self.line(s);
        self.out.push('\n');
    }

    /// A labelled block of free text.
    fn block(&mut self, label: &str, text: &str) {
        self.para(&format!("**{label}:**"));
        self.para(text);
    }
}

/// The kinds of breach from the assessment, in words.
fn kinds(a: &Answers, lang: Lang) -> String {
    let mut k = Vec::new();
    if a.confidentiality {
        k.push(
            lang.pick(
                "vertrouwelijkheid (gegevens in handen van onbevoegden)",
                "confidentiality (data seen by people who should not)",
            )
            .to_string(),
        );
    }
    if a.integrity {
        k.push(
            lang.pick(
                "integriteit (gegevens gewijzigd)",
                "integrity (data altered)",
            )
            .to_string(),
        );
    }
    if a.availability || a.unavailable_for != Unavailable::None {
        let how_long = match a.unavailable_for {
            Unavailable::None => lang.pick("kort", "briefly"),
            Unavailable::Hours => lang.pick("uren", "hours"),
            Unavailable::Days => lang.pick("dagen", "days"),
            Unavailable::Permanent => lang.pick("blijvend", "permanently"),
        };
        k.push(match lang {
            Lang::Nl => format!("beschikbaarheid (gegevens onbeschikbaar: {how_long})"),
            Lang::En => format!("availability (data unavailable: {how_long})"),
        });
    }
    if k.is_empty() {
        lang.pick("niets opgegeven", "none given").to_string()
    } else {
        k.join("; ")
    }
}

/// A list of labelled values, or "none given".
fn listed<T: Copy>(items: &[T], lang: Lang, label: impl Fn(T, Lang) -> &'static str) -> String {
    if items.is_empty() {
        lang.pick("niets opgegeven", "none given").to_string()
    } else {
        items
            .iter()
            .map(|i| label(*i, lang))
            .collect::<Vec<_>>()
            .join("; ")
    }
}

fn count(n: Option<u64>, lang: Lang) -> String {
    n.map_or_else(|| unknown(lang).to_string(), |n| n.to_string())
}

fn answered(b: Option<bool>, lang: Lang) -> &'static str {
    match b {
        Some(b) => yes_no(b, lang),
        None => lang.pick("nog niet beantwoord", "not answered yet"),
    }
}

/// The first word of the draft's file name: `datalek-<id>.md`.
pub fn file_stem(lang: Lang) -> &'static str {
    lang.pick("datalek", "breach")
}

/// The AP notification draft in Markdown, following the sections of the
/// AP's notification form (meldformulier datalekken, sections 0 to 9), then
/// the assessment and the checklist.
pub fn markdown(r: &Report, lang: Lang) -> String {
    let mut d = Doc { out: String::new() };
    let b = r.breach;
    let f = &b.form;
    let p = r.practice;
    let (id, now, deadline) = (r.id, r.made_at, r.deadline);
    let title = one_line(&b.title, lang);

    // Title and purpose.
    d.line(&match lang {
        Lang::Nl => format!("# Concept melding datalek: {title}"),
        Lang::En => format!("# Data breach notification draft: {title}"),
    });
    d.para(&match lang {
        Lang::Nl => format!(
            "Concept voor de melding aan de Autoriteit Persoonsgegevens (AP), gemaakt door kluis op {}, in de volgorde van het meldformulier datalekken van de AP. Controleer en vul aan, en neem het over in het formulier. Nummer in het register van datalekken: `{id}`.",
            when(now)
        ),
        Lang::En => format!(
            "Draft of the notification to the Autoriteit Persoonsgegevens (AP, the Dutch supervisory authority), made by kluis on {}, in the order of the AP's data breach notification form. Check and complete it, then enter it in the form. Breach register number: `{id}`.",
            when(now)
        ),
    });
    if let Some(note) = practice_words::missing_note(lang, &p.missing()) {
        d.para(&format!("> {note}"));
    }

    // 0. New or follow-up.
    d.heading(lang.pick("0. Soort melding", "0. Kind of notification"));
    d.item(
        lang.pick("Melding", "Notification"),
        f.notification.label(lang),
    );
    if f.notification == NotificationKind::FollowUp {
        d.item(
            lang.pick(
                "Meldnummer van de eerdere melding bij de AP",
                "The AP's reference of the earlier notification",
            ),
            &one_line(&f.earlier_reference, lang),
        );
    }

    // 1. The organisation and who reports.
    d.heading(lang.pick("1. Organisatie en melder", "1. Organisation and reporter"));
    let filled = |t: &str| practice_words::or_missing(lang, t);
    d.item(lang.pick("Organisatie", "Organisation"), &filled(&p.name));
    d.item(
        lang.pick("KvK-nummer", "Chamber of Commerce (KvK) number"),
        &filled(&p.kvk),
    );
    d.item(lang.pick("Adres", "Address"), &filled(&p.address));
    let contact_name = if b.notes.contact_person.trim().is_empty() {
        p.contact_person.name.as_str()
    } else {
        b.notes.contact_person.as_str()
    };
    d.item(
        lang.pick("Contactpersoon (melder)", "Contact person (reporter)"),
        &one_line(&filled(contact_name), lang),
    );
    d.item(
        lang.pick("Functie", "Function"),
        &filled(&p.contact_person.function),
    );
    d.item(
        lang.pick("Telefoon", "Phone"),
        &filled(&p.contact_person.phone),
    );
    d.item(
        lang.pick("E-mail", "E-mail"),
        &filled(&p.contact_person.email),
    );
    if let Some(dpo) = &p.dpo {
        d.item(
            lang.pick(
                "Functionaris gegevensbescherming",
                "Data protection officer",
            ),
            &filled(&dpo.name),
        );
    }
    d.item(
        lang.pick("Was een verwerker betrokken", "Was a processor involved"),
        answered(f.processor_involved, lang),
    );
    if f.processor_involved == Some(true) {
        d.item(
            lang.pick("Verwerker", "Processor"),
            &one_line(&f.processor, lang),
        );
    }

    // 2. The breach.
    d.heading(lang.pick("2. Over het datalek", "2. About the breach"));
    d.block(
        lang.pick("Samenvatting", "Summary"),
        &or_todo(&b.description, lang),
    );
    d.block(lang.pick("Oorzaak", "Cause"), &or_todo(&b.cause, lang));
    d.item(
        lang.pick("Aard van het lek", "Nature of the breach"),
        &listed(&f.nature, lang, |n, l| n.label(l)),
    );
    d.item(
        lang.pick("Soort inbreuk", "Kind of breach"),
        &b.assessment.as_ref().map_or_else(
            || not_assessed(lang).to_string(),
            |a| kinds(&b.with_known_facts(*a), lang),
        ),
    );
    d.item(
        lang.pick("Begin van het lek", "Start of the breach"),
        &b.timeline
            .started_at
            .map_or_else(|| unknown(lang).to_string(), when),
    );
    let end = match r.end {
        End::At(t) => when(t),
        End::Ongoing => lang.pick("duurt nog voort", "still going on").to_string(),
        End::Over => lang
            .pick("voorbij, tijdstip onbekend", "over, time unknown")
            .to_string(),
        End::Unknown => lang
            .pick("nog niet beantwoord", "not answered yet")
            .to_string(),
    };
    d.item(lang.pick("Einde van het lek", "End of the breach"), &end);
    d.item(lang.pick("Ontdekt", "Discovered"), &when(b.discovered_at));
    d.item(
        lang.pick(
            "Uiterste meldtijd (ontdekking + 72 uur)",
            "Notify the AP by (discovery + 72 hours)",
        ),
        &when(deadline),
    );
    let ap_status = match &r.authority {
        Authority::Notified { at, reference } => {
            let reference = match (reference, lang) {
                (None, _) => String::new(),
                (Some(text), Lang::Nl) => format!(", kenmerk {}", one_line(text, lang)),
                (Some(text), Lang::En) => format!(", reference {}", one_line(text, lang)),
            };
            match lang {
                Lang::Nl => format!("gemeld op {}{reference}", when(*at)),
                Lang::En => format!("notified on {}{reference}", when(*at)),
            }
        }
        Authority::Declined(w) => match lang {
            Lang::Nl => format!(
                "op {} besloten niet te melden: {}",
                when(w.at),
                one_line(&w.reason, lang)
            ),
            Lang::En => format!(
                "decided on {} not to notify: {}",
                when(w.at),
                one_line(&w.reason, lang)
            ),
        },
        Authority::Pending(clock) => match lang {
            Lang::Nl => format!("nog niet gemeld ({})", clock.text(lang)),
            Lang::En => format!("not yet notified ({})", clock.text(lang)),
        },
    };
    d.item(
        lang.pick("Melding aan de AP", "Notification to the AP"),
        &ap_status,
    );

    // Reasons for the delay, only when the notification is late (art. 33(1)).
    if let Some(delay) = &r.delay {
        d.heading(lang.pick(
            "Redenen voor de vertraging (art. 33 lid 1 AVG)",
            "Reasons for the delay (GDPR art. 33(1))",
        ));
        let late_at = delay.at;
        let late = delay.late.text(lang);
        d.para(&match lang {
            Lang::Nl => format!(
                "De melding komt na de termijn van 72 uur (uiterlijk {}; op {} is dat {late}). De AVG vraagt dan de redenen voor de vertraging te vermelden.",
                when(deadline),
                when(late_at)
            ),
            Lang::En => format!(
                "The notification comes after the 72 hours (due {}; at {} that is {late}). The GDPR then asks for the reasons for the delay.",
                when(deadline),
                when(late_at)
            ),
        });
        d.para(&or_todo(&b.notes.delay_reason, lang));
    }

    // 3. How many people.
    d.heading(lang.pick("3. Aantal betrokkenen", "3. Number of people affected"));
    let (min, max) = r.subjects;
    d.item(lang.pick("Minimaal", "At least"), &count(min, lang));
    d.item(lang.pick("Maximaal", "At most"), &count(max, lang));
    d.item(
        lang.pick(
            "Geschat aantal gegevensrecords",
            "Approximate number of records",
        ),
        &count(b.approx_records, lang),
    );

    // 4. The data and the people.
    d.heading(lang.pick(
        "4. Soort gegevens en betrokkenen",
        "4. Kinds of data and of people",
    ));
    let categories = if b.data_categories.is_empty() {
        or_todo("", lang)
    } else {
        b.data_categories
            .iter()
            .map(|c| one_line(c, lang))
            .collect::<Vec<_>>()
            .join(", ")
    };
    d.item(
        lang.pick("Soorten gegevens", "Categories of data"),
        &categories,
    );
    d.item(
        lang.pick(
            "Bijzondere persoonsgegevens (art. 9 en 10 AVG)",
            "Special categories of data (GDPR art. 9 and 10)",
        ),
        &listed(&f.special_categories, lang, |c, l| c.label(l)),
    );
    d.item(
        lang.pick(
            "Andere gevoelige gegevens (geen art. 9)",
            "Other sensitive data (not art. 9)",
        ),
        &listed(&f.sensitive_data, lang, |c, l| c.label(l)),
    );
    d.item(
        lang.pick("Categorieën betrokkenen", "Categories of people"),
        &listed(&f.subject_categories, lang, |c, l| c.label(l)),
    );
    d.item(
        lang.pick(
            "Betrokkenen makkelijk te identificeren",
            "People easy to identify",
        ),
        answer(b, lang, |a| a.identifiable),
    );

    // 5. Consequences.
    d.heading(lang.pick("5. Gevolgen", "5. Consequences"));
    d.para(&or_todo(&b.notes.likely_consequences, lang));
    d.item(
        lang.pick("Soort schade", "Kind of damage"),
        &listed(&f.damage, lang, |c, l| c.label(l)),
    );
    if let Some(a) = &b.assessment {
        d.item(
            lang.pick(
                "Ergste waarschijnlijke gevolg (inschatting)",
                "Worst likely effect (judgement)",
            ),
            a.consequences.label(lang),
        );
    }

    // 6. Technical protection.
    d.heading(lang.pick(
        "6. Technische beschermingsmaatregelen",
        "6. Technical protection measures",
    ));
    match &b.assessment {
        Some(a) => {
            d.line(&format!(
                "- {}",
                if a.unintelligible {
                    lang.pick(
                        "De gegevens waren versleuteld of gehasht met een degelijke methode, en de sleutel is niet gelekt: ze zijn onleesbaar voor anderen.",
                        "The data was encrypted or hashed with a sound method and the key was not compromised: it is unintelligible to others.",
                    )
                } else {
                    lang.pick(
                        "De gegevens waren niet onleesbaar voor anderen (niet versleuteld, of de sleutel is ook gelekt).",
                        "The data was not unintelligible to others (not encrypted, or the key was compromised too).",
                    )
                }
            ));
            if a.recipient_trusted {
                d.line(&format!(
                    "- {}",
                    lang.pick(
                        "De ontvanger is bekend en betrouwbaar en heeft bevestigd de gegevens te hebben verwijderd.",
                        "The recipient is known and trusted and confirmed deleting the data.",
                    )
                ));
            }
        }
        None => d.line(&format!("- {}", not_assessed(lang))),
    }
    d.item(
        lang.pick("Hoe onleesbaar gemaakt", "How it was made unintelligible"),
        &one_line(&f.unintelligible_how, lang),
    );

    // 7. Measures.
    d.heading(lang.pick("7. Maatregelen", "7. Measures"));
    d.block(
        lang.pick(
            "Genomen maatregelen (om het lek te dichten en de gevolgen te beperken)",
            "Measures taken (to stop the breach and limit its effects)",
        ),
        &or_todo(&b.notes.measures_taken, lang),
    );
    d.block(
        lang.pick(
            "Maatregelen om herhaling te voorkomen",
            "Measures to prevent it happening again",
        ),
        &or_todo(&f.preventive_measures, lang),
    );
    d.block(
        lang.pick("Plan van aanpak", "Action plan"),
        &or_todo(&b.checklist.action_plan, lang),
    );

    // 8. Informing the people affected.
    d.heading(lang.pick(
        "8. Betrokkenen informeren",
        "8. Informing the people affected",
    ));
    match &r.informing {
        Informing::Informed { at, how } => {
            d.item(lang.pick("Ingelicht op", "Informed on"), &when(*at));
            d.item(lang.pick("Hoe", "How"), &one_line(how, lang));
        }
        Informing::Declined(w) => {
            d.item(
                lang.pick("Niet ingelicht; besloten op", "Not informed; decided on"),
                &when(w.at),
            );
            d.item(
                lang.pick("Waarom niet", "Why not"),
                &one_line(&w.reason, lang),
            );
        }
        Informing::Undecided => {
            match f.inform_planned_at {
                Some(t) => d.item(lang.pick("Gepland op", "Planned for"), &when(t)),
                None => d.line(&format!(
                    "- {}",
                    lang.pick("Nog niet besloten.", "Not decided yet.")
                )),
            }
            if let Some(a) = &r.assessment {
                let advice = if a.inform_subjects {
                    lang.pick(
                        "Volgens de risicobeoordeling moeten zij zonder onnodige vertraging worden ingelicht (art. 34 AVG).",
                        "The assessment says they must be informed without undue delay (GDPR art. 34).",
                    )
                } else {
                    lang.pick(
                        "Volgens de risicobeoordeling is inlichten niet verplicht (geen hoog risico); leg vast waarom niet.",
                        "The assessment says informing them is not required (no high risk); record why not.",
                    )
                };
                d.line(&format!("- {advice}"));
            }
        }
    }
    if !matches!(r.informing, Informing::Declined(_)) {
        d.block(
            lang.pick(
                "Tekst van het bericht aan betrokkenen",
                "Text sent to the people",
            ),
            &or_todo(&f.informed_text, lang),
        );
    }
    if !f.public_communication.trim().is_empty() {
        d.block(
            lang.pick(
                "Openbare mededeling in plaats van een persoonlijk bericht aan ieder (art. 34 lid 3 onder c AVG)",
                "Public communication instead of informing each (GDPR art. 34(3)(c))",
            ),
            f.public_communication.trim(),
        );
    }

    // 9. International aspects.
    d.heading(lang.pick("9. Internationale aspecten", "9. International aspects"));
    d.para(&if f.international.trim().is_empty() {
        lang.pick(
            "Niets opgegeven: er zijn geen betrokkenen in andere landen van de EU/EER bekend.",
            "None given: no people affected in other EU/EEA countries are known.",
        )
        .to_string()
    } else {
        f.international.trim().to_string()
    });

    // Other remarks.
    d.heading(lang.pick("Overige opmerkingen", "Other remarks"));
    d.para(&if f.remarks.trim().is_empty() {
        lang.pick("Geen.", "None.").to_string()
    } else {
        f.remarks.trim().to_string()
    });

    // The assessment.
    d.heading(lang.pick("Risicobeoordeling", "Risk assessment"));
    match &r.assessment {
        Some(a) => {
            if let Some(t) = b.checklist.assessed_at {
                d.item(lang.pick("Beoordeeld op", "Assessed on"), &when(t));
            }
            d.item(lang.pick("Risico", "Risk"), a.risk.label(lang));
            d.item(
                lang.pick("Melden bij de AP", "Notify the AP"),
                yes_no(a.notify_authority, lang),
            );
            d.item(
                lang.pick("Betrokkenen inlichten", "Inform the people affected"),
                yes_no(a.inform_subjects, lang),
            );
            d.line(&format!("- **{}:**", lang.pick("Redenen", "Reasons")));
            for reason in &a.reasons {
                d.line(&format!("  - {}", reason.text(lang)));
            }
            if a.risk == Risk::None {
                d.para(lang.pick(
                    "_Volgens de beoordeling is melden niet verplicht; dit concept kan dienen als vastlegging in het register._",
                    "_The assessment finds no duty to notify; this draft can serve as the register entry._",
                ));
            }
        }
        None => d.line(&format!(
            "- {}",
            lang.pick(
                "Nog niet beoordeeld: beantwoord de vragen van de risicobeoordeling (`kluis breach assess`).",
                "Not assessed yet: answer the risk assessment questions (`kluis breach assess`).",
            )
        )),
    }

    // The checklist.
    d.heading(lang.pick("Stappenplan", "Checklist"));
    d.line(lang.pick("| Stap | Gedaan op |", "| Step | Done on |"));
    d.line("|---|---|");
    for step in &r.steps {
        let cell = match &step.state {
            StepState::Declined(w) => match lang {
                Lang::Nl => format!(
                    "{} (niet gedaan: {})",
                    when(w.at),
                    one_line(&w.reason, lang)
                ),
                Lang::En => format!("{} (not done: {})", when(w.at), one_line(&w.reason, lang)),
            },
            StepState::Done(t) => when(*t),
            StepState::Open => lang.pick("open", "open").to_string(),
        };
        d.line(&format!("| {} | {cell} |", step.step.label(lang)));
    }
    d.out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::breach::ChecklistStep;
    use crate::domain::breach::{Damage, Nature, SensitiveData, SpecialCategory, SubjectCategory};
    use crate::domain::breach_assessment::Consequences;
    use crate::domain::practice::Practice;
    use chrono::DateTime;

    fn report_markdown(b: &Breach, id: &str, now: At, lang: Lang) -> String {
        markdown(&Report::of(b, id, now, &practice()), lang)
    }

    fn practice() -> Practice {
        serde_json::from_str(
            r#"{"name": "Optiwork", "address": "Voorbeeldstraat 1, 3511 AA Utrecht", "kvk": "12345678",
                "email": "info@optiwork.example", "phone": "+31 30 123 4567", "website": "https://optiwork.example",
                "contact_person": {"name": "Jan Jansen", "function": "praktijkhouder", "email": "jan@optiwork.example", "phone": "+31 6 1111 2222"},
                "processors": [{"name": "Laposta", "service": "newsletter", "country": "NL"}]}"#,
        )
        .unwrap()
    }

    fn at(s: &str) -> At {
        DateTime::parse_from_rfc3339(s).unwrap()
    }

    fn answers() -> Answers {
        Answers {
            confidentiality: true,
            integrity: false,
            availability: true,
            unavailable_for: Unavailable::Permanent,
            unintelligible: false,
            recipient_trusted: false,
            special_categories: true,
            subjects: 14,
            identifiable: true,
            consequences: Consequences::Significant,
        }
    }

    /// Discovered 2027-01-15 09:00 +01:00; due 2027-01-18 09:00 +01:00.
    fn breach() -> Breach {
        let mut b = Breach::new(at("2027-01-15T09:00:00+01:00"), "Laptop gestolen uit auto");
        b.description = "De laptop van de coach is uit de auto gestolen.".into();
        b.cause = "Laptop in de auto achtergelaten.".into();
        b.data_categories = vec!["coachverslagen".into(), "contactgegevens".into()];
        b.approx_records = Some(40);
        b.timeline.started_at = Some(at("2027-01-14T22:00:00+01:00"));
        b.notes.contact_person = "J. Jansen, praktijkhouder".into();
        b.notes.measures_taken = "Wachtwoorden gewijzigd.".into();
        b.notes.likely_consequences = "Inzage in coachverslagen.".into();
        b.set_assessment(answers(), at("2027-01-15T12:00:00+01:00"));
        b.tick(
            ChecklistStep::ExpertContacted,
            at("2027-01-15T09:30:00+01:00"),
        );
        b
    }

    /// The sections of the AP's notification form, in its order.
    const EN_HEADINGS: [&str; 13] = [
        "# Data breach notification draft: Laptop gestolen uit auto",
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
    ];

    const NL_HEADINGS: [&str; 13] = [
        "# Concept melding datalek: Laptop gestolen uit auto",
        "## 0. Soort melding",
        "## 1. Organisatie en melder",
        "## 2. Over het datalek",
        "## 3. Aantal betrokkenen",
        "## 4. Soort gegevens en betrokkenen",
        "## 5. Gevolgen",
        "## 6. Technische beschermingsmaatregelen",
        "## 7. Maatregelen",
        "## 8. Betrokkenen informeren",
        "## 9. Internationale aspecten",
        "## Overige opmerkingen",
        "## Risicobeoordeling",
    ];

    const IN_TIME: &str = "2027-01-16T10:00:00+01:00";
    const LATE: &str = "2027-01-18T12:05:00+01:00";

    #[test]
    fn key_headings_in_english() {
        let r = report_markdown(&breach(), "b-123", at(IN_TIME), Lang::En);
        let mut from = 0;
        for h in EN_HEADINGS {
            let at = r[from..]
                .find(h)
                .unwrap_or_else(|| panic!("missing {h:?} in order in\n{r}"));
            from += at;
        }
        assert!(r.contains("## Checklist"));
        assert!(r.contains("`b-123`"));
    }

    #[test]
    fn key_headings_in_dutch() {
        let r = report_markdown(&breach(), "b-123", at(IN_TIME), Lang::Nl);
        let mut from = 0;
        for h in NL_HEADINGS {
            let at = r[from..]
                .find(h)
                .unwrap_or_else(|| panic!("missing {h:?} in order in\n{r}"));
            from += at;
        }
        assert!(r.contains("## Stappenplan"));
    }

    #[test]
    fn no_delay_section_before_the_deadline() {
        let b = breach();
        for now in [IN_TIME, "2027-01-18T09:00:00+01:00"] {
            let r = report_markdown(&b, "b-1", at(now), Lang::En);
            assert!(!r.contains("Reasons for the delay"), "{now}");
            let r = report_markdown(&b, "b-1", at(now), Lang::Nl);
            assert!(!r.contains("Redenen voor de vertraging"), "{now}");
        }
    }

    #[test]
    fn delay_section_when_late_and_not_notified() {
        let mut b = breach();
        let r = report_markdown(&b, "b-1", at(LATE), Lang::En);
        assert!(
            r.contains("## Reasons for the delay (GDPR art. 33(1))"),
            "{r}"
        );
        assert!(r.contains("3 h 05 min overdue"), "{r}");
        assert!(r.contains("_(to fill in)_"));
        b.notes.delay_reason = "De coach lag in het ziekenhuis.".into();
        let r = report_markdown(&b, "b-1", at(LATE), Lang::Nl);
        assert!(r.contains("## Redenen voor de vertraging (art. 33 lid 1 AVG)"));
        assert!(r.contains("De coach lag in het ziekenhuis."));
        assert!(r.contains("3 u 05 min te laat"));
    }

    #[test]
    fn no_delay_section_when_notified_in_time() {
        let mut b = breach();
        b.tick(
            ChecklistStep::AuthorityNotified,
            at("2027-01-17T16:00:00+01:00"),
        );
        b.checklist.ap_reference = "AP-2027-0042".into();
        let r = report_markdown(&b, "b-1", at(LATE), Lang::En);
        assert!(!r.contains("Reasons for the delay"), "{r}");
        assert!(r.contains("notified on 2027-01-17 16:00 +01:00, reference AP-2027-0042"));
    }

    #[test]
    fn delay_section_when_notified_late_measures_to_the_notification() {
        let mut b = breach();
        b.tick(
            ChecklistStep::AuthorityNotified,
            at("2027-01-18T10:30:00+01:00"),
        );
        let r = report_markdown(&b, "b-1", at("2027-01-20T09:00:00+01:00"), Lang::En);
        assert!(r.contains("Reasons for the delay"));
        assert!(r.contains("1 h 30 min overdue"), "{r}");
    }

    #[test]
    fn content_from_the_record_and_the_assessment() {
        let r = report_markdown(&breach(), "b-1", at(IN_TIME), Lang::En);
        for needle in [
            "**Contact person (reporter):** J. Jansen, praktijkhouder",
            "**Start of the breach:** 2027-01-14 22:00 +01:00",
            "**Discovered:** 2027-01-15 09:00 +01:00",
            "**Notify the AP by (discovery + 72 hours):** 2027-01-18 09:00 +01:00",
            "not yet notified (47 h 00 min left)",
            "**End of the breach:** not answered yet",
            "De laptop van de coach is uit de auto gestolen.",
            "Laptop in de auto achtergelaten.",
            "confidentiality (data seen by people who should not)",
            "availability (data unavailable: permanently)",
            "**Categories of data:** coachverslagen, contactgegevens",
            "**Approximate number of records:** 40",
            // From the assessment when the record has no count.
            "**At most:** 14",
            "**At least:** unknown",
            "The data was not unintelligible to others",
            "Inzage in coachverslagen.",
            "**Worst likely effect (judgement):** significant",
            "Wachtwoorden gewijzigd.",
            "The assessment says they must be informed without undue delay",
            "**Risk:** high risk",
            "**Notify the AP:** yes",
            "**Inform the people affected:** yes",
            "decided by: significant or severe consequences",
            "| Cyber expert contacted | 2027-01-15 09:30 +01:00 |",
            "| Risk assessed | 2027-01-15 12:00 +01:00 |",
            "| Closed | open |",
        ] {
            assert!(r.contains(needle), "missing {needle:?} in\n{r}");
        }
    }

    #[test]
    fn ongoing_breach_and_people_informed() {
        let mut b = breach();
        b.timeline.ongoing = Some(true);
        b.approx_people = Some(9);
        b.tick(
            ChecklistStep::PeopleInformed,
            at("2027-01-16T09:00:00+01:00"),
        );
        b.checklist.people_informed_how = "Per brief.".into();
        let r = report_markdown(&b, "b-1", at(IN_TIME), Lang::En);
        assert!(r.contains("**End of the breach:** still going on"));
        // A record of before the range: its one count for both ends.
        assert!(r.contains("**At least:** 9"));
        assert!(r.contains("**At most:** 9"));
        assert!(r.contains("**Informed on:** 2027-01-16 09:00 +01:00"));
        assert!(r.contains("**How:** Per brief."));
    }

    #[test]
    fn decisions_not_to_are_shown_with_their_reasons() {
        let mut b = breach();
        let mut a = answers();
        a.unintelligible = true;
        a.availability = false;
        a.unavailable_for = Unavailable::None;
        b.set_assessment(a, at("2027-01-15T12:00:00+01:00"));
        let t = at("2027-01-15T13:00:00+01:00");
        b.decline(
            ChecklistStep::AuthorityNotified,
            t,
            "Versleuteld, sleutel niet gelekt.",
        );
        b.decline(ChecklistStep::PeopleInformed, t, "Geen hoog risico.");
        let r = report_markdown(&b, "b-1", at(LATE), Lang::En);
        assert!(r.contains(
            "decided on 2027-01-15 13:00 +01:00 not to notify: Versleuteld, sleutel niet gelekt."
        ));
        assert!(r.contains("**Why not:** Geen hoog risico."));
        assert!(r.contains("| People affected informed (or recorded why not) | 2027-01-15 13:00 +01:00 (not done: Geen hoog risico.) |"));
        assert!(r.contains("The data was encrypted or hashed"));
        assert!(r.contains("**Risk:** no risk"));
        assert!(r.contains("can serve as the register entry"));
    }

    #[test]
    fn no_delay_section_for_a_breach_decided_in_time_not_to_be_notified() {
        let mut b = breach();
        b.decline(
            ChecklistStep::AuthorityNotified,
            at("2027-01-15T13:00:00+01:00"),
            "Versleuteld, sleutel niet gelekt.",
        );
        // Weeks later, the draft (for the register) asks no reasons for a
        // delay: nothing was late.
        for lang in [Lang::En, Lang::Nl] {
            let r = report_markdown(&b, "b-1", at("2027-02-23T09:00:00+01:00"), lang);
            assert!(!r.contains("Reasons for the delay"), "{r}");
            assert!(!r.contains("Redenen voor de vertraging"), "{r}");
            assert!(!r.contains("overdue") && !r.contains("te laat"), "{r}");
        }
    }

    #[test]
    fn a_fresh_breach_marks_what_is_to_be_filled_in() {
        let b = Breach::new(at("2027-01-15T09:00:00+01:00"), "Nieuw lek");
        for lang in [Lang::En, Lang::Nl] {
            let r = report_markdown(&b, "b-9", at(IN_TIME), lang);
            let todo = lang.pick("_(nog invullen)_", "_(to fill in)_");
            assert!(r.matches(todo).count() >= 6, "{r}");
            assert!(r.contains(lang.pick("nog niet beoordeeld", "not yet assessed")));
            assert!(r.contains("kluis breach assess"));
        }
    }

    #[test]
    fn the_dutch_draft_says_niets_opgegeven_for_what_was_not_given() {
        let mut b = Breach::new(at("2027-01-15T09:00:00+01:00"), "Nieuw lek");
        b.form.public_communication = "Bericht op de website.".into();
        let r = report_markdown(&b, "b-9", at(IN_TIME), Lang::Nl);
        assert!(r.contains("**Aard van het lek:** niets opgegeven"), "{r}");
        assert!(r.contains("Niets opgegeven: er zijn geen betrokkenen in andere landen"));
        assert!(
            r.contains("in plaats van een persoonlijk bericht aan ieder"),
            "{r}"
        );
        assert!(
            !r.contains("geen opgegeven") && !r.contains("Geen opgegeven"),
            "{r}"
        );
    }

    #[test]
    fn single_line_fields_stay_on_one_line() {
        let mut b = breach();
        b.title = "Twee\nregels | pipe".into();
        b.notes.contact_person = "A\n\nB".into();
        let r = report_markdown(&b, "b-1", at(IN_TIME), Lang::En);
        assert!(r.starts_with("# Data breach notification draft: Twee regels \\| pipe\n"));
        assert!(r.contains("(reporter):** A B\n"), "{r}");
    }

    /// `breach()` with every question of the AP's form answered.
    fn answered_breach() -> Breach {
        let mut b = breach();
        let f = &mut b.form;
        f.notification = NotificationKind::FollowUp;
        f.earlier_reference = "AP-2027-0042".into();
        f.processor_involved = Some(true);
        f.processor = "Laposta".into();
        f.nature = vec![Nature::Read, Nature::Stolen];
        f.special_categories = vec![SpecialCategory::Health];
        f.sensitive_data = vec![SensitiveData::CoachingContent, SensitiveData::Financial];
        f.subject_categories = vec![SubjectCategory::Participants, SubjectCategory::Requesters];
        f.subjects_min = Some(10);
        f.subjects_max = Some(25);
        f.unintelligible_how = "Schijf niet versleuteld.".into();
        f.damage = vec![Damage::Immaterial, Damage::Material];
        f.inform_planned_at = Some(at("2027-01-17T10:00:00+01:00"));
        f.informed_text = "Beste deelnemer, ...".into();
        f.public_communication = "Bericht op de website.".into();
        f.international = "Eén deelnemer woont in België.".into();
        f.preventive_measures = "Laptops voortaan versleuteld.".into();
        f.remarks = "Aangifte gedaan bij de politie.".into();
        b.timeline.ended_at = Some(at("2027-01-15T08:00:00+01:00"));
        b.notes.contact_person = String::new();
        b
    }

    #[test]
    fn every_field_of_the_ap_form_is_in_the_draft() {
        let b = answered_breach();
        let r = report_markdown(&b, "b-1", at(IN_TIME), Lang::En);
        for needle in [
            // 0
            "**Notification:** follow-up (addition to or amendment of an earlier notification)",
            "**The AP's reference of the earlier notification:** AP-2027-0042",
            // 1: the organisation and the reporter come from the profile.
            "**Organisation:** Optiwork",
            "**Chamber of Commerce (KvK) number:** 12345678",
            "**Address:** Voorbeeldstraat 1, 3511 AA Utrecht",
            "**Contact person (reporter):** Jan Jansen",
            "**Function:** praktijkhouder",
            "**Phone:** +31 6 1111 2222",
            "**E-mail:** jan@optiwork.example",
            "**Was a processor involved:** yes",
            "**Processor:** Laposta",
            // 2
            "**Nature of the breach:** reading (seen); theft",
            "**Start of the breach:** 2027-01-14 22:00 +01:00",
            "**End of the breach:** 2027-01-15 08:00 +01:00",
            // 3
            "**At least:** 10",
            "**At most:** 25",
            // 4
            "**Special categories of data (GDPR art. 9 and 10):** health",
            "**Other sensitive data (not art. 9):** coaching content; financial data",
            "**Categories of people:** coaching or training participants; requesters (clients) of trajectories",
            // 5
            "**Kind of damage:** non-material damage",
            "material damage (such as financial loss)",
            // 6
            "**How it was made unintelligible:** Schijf niet versleuteld.",
            // 7
            "Laptops voortaan versleuteld.",
            "Wachtwoorden gewijzigd.",
            // 8
            "**Planned for:** 2027-01-17 10:00 +01:00",
            "Beste deelnemer, ...",
            "Public communication instead of informing each (GDPR art. 34(3)(c))",
            "Bericht op de website.",
            // 9 and remarks
            "Eén deelnemer woont in België.",
            "Aangifte gedaan bij de politie.",
        ] {
            assert!(r.contains(needle), "missing {needle:?} in\n{r}");
        }
        let nl = report_markdown(&b, "b-1", at(IN_TIME), Lang::Nl);
        for needle in [
            "**Melding:** vervolgmelding",
            "**Aard van het lek:** lezen (inzien); diefstal",
            "**Bijzondere persoonsgegevens (art. 9 en 10 AVG):** gezondheid",
            "**Categorieën betrokkenen:** deelnemers aan coaching of training",
            "**Minimaal:** 10",
            "materiële schade (zoals financieel verlies)",
            "**Gepland op:** 2027-01-17 10:00 +01:00",
        ] {
            assert!(nl.contains(needle), "missing {needle:?} in\n{nl}");
        }
    }

    #[test]
    fn the_draft_says_which_profile_fields_are_still_empty() {
        let b = breach();
        let empty = Practice::default();
        let r = markdown(&Report::of(&b, "b-1", at(IN_TIME), &empty), Lang::En);
        assert!(
            r.contains("Not yet filled in in the practice profile: name of the practice"),
            "{r}"
        );
        assert!(r.contains("**Organisation:** _(not filled in yet)_"), "{r}");
        let r = report_markdown(&b, "b-1", at(IN_TIME), Lang::En);
        assert!(!r.contains("Not yet filled in"), "{r}");
    }

    #[test]
    fn the_assessment_reads_the_nature_and_categories_of_the_record() {
        let mut b = breach();
        let mut a = answers();
        // The coach answered "no special categories" and 14 people…
        a.special_categories = false;
        a.availability = false;
        a.unavailable_for = Unavailable::None;
        a.consequences = Consequences::Limited;
        b.set_assessment(a, at("2027-01-15T12:00:00+01:00"));
        let before = b.recommendation().unwrap();
        // …and the record says coaching content and 200 people at most.
        b.form.sensitive_data = vec![SensitiveData::CoachingContent];
        b.form.subjects_max = Some(200);
        b.form.nature = vec![Nature::Deleted];
        let after = b.recommendation().unwrap();
        assert_ne!(before, after);
        let known = b.with_known_facts(a);
        assert!(known.special_categories && known.availability);
        assert_eq!(known.subjects, 200);
    }

    #[test]
    fn drafts_in_both_languages() {
        let b = answered_breach();
        insta::assert_snapshot!(
            "breach_draft_en",
            report_markdown(&b, "0123456789abcdef", at(LATE), Lang::En)
        );
        insta::assert_snapshot!(
            "breach_draft_nl",
            report_markdown(&b, "0123456789abcdef", at(LATE), Lang::Nl)
        );
    }
}
