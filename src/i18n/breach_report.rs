//! The breach notification draft (`kluis breach report`) in Markdown, in
//! Dutch or English: the words and the layout of a `domain::breach_report`
//! draft, with open places marked for the coach to complete.

use super::Lang;
use crate::domain::breach::{At, Breach};
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
        lang.pick("geen opgegeven", "none given").to_string()
    } else {
        k.join("; ")
    }
}

/// The AP notification draft in Markdown.
pub fn markdown(r: &Report, lang: Lang) -> String {
    let mut d = Doc { out: String::new() };
    let b = r.breach;
    let (id, now, deadline) = (r.id, r.made_at, r.deadline);
    let title = one_line(&b.title, lang);

    // Title and purpose.
    d.line(&match lang {
        Lang::Nl => format!("# Concept melding datalek: {title}"),
        Lang::En => format!("# Data breach notification draft: {title}"),
    });
    d.para(&match lang {
        Lang::Nl => format!(
            "Concept voor de melding aan de Autoriteit Persoonsgegevens (AP), gemaakt door kluis op {}. Controleer en vul aan, en neem het over in het meldformulier datalekken van de AP. Nummer in het register van datalekken: `{id}`.",
            when(now)
        ),
        Lang::En => format!(
            "Draft of the notification to the Autoriteit Persoonsgegevens (AP, the Dutch supervisory authority), made by kluis on {}. Check and complete it, then enter it in the AP's data breach notification form. Breach register number: `{id}`.",
            when(now)
        ),
    });

    // The 72 hours.
    d.heading(lang.pick("Termijn van 72 uur", "The 72-hour deadline"));
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

    // Contact person.
    d.heading(lang.pick("Contactpersoon", "Contact person"));
    d.para(&one_line(&b.notes.contact_person, lang));

    // Timeline.
    d.heading(lang.pick("Tijdlijn", "Timeline"));
    d.item(
        lang.pick("Begin van het lek", "Start of the breach"),
        &b.timeline
            .started_at
            .map_or_else(|| unknown(lang).to_string(), when),
    );
    let end = match r.end {
        End::At(t) => when(t),
        End::Ongoing => lang.pick("nog niet beëindigd", "not ended yet").to_string(),
        End::Unknown => unknown(lang).to_string(),
    };
    d.item(lang.pick("Einde van het lek", "End of the breach"), &end);
    d.item(lang.pick("Ontdekt", "Discovered"), &when(b.discovered_at));
    d.item(
        lang.pick("Duurt het lek nog voort", "Still ongoing"),
        yes_no(b.timeline.ongoing, lang),
    );

    // Reasons for the delay, only when late (art. 33(1)).
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

    // Nature and summary.
    d.heading(lang.pick("Aard en samenvatting", "Nature and summary"));
    d.block(
        lang.pick("Samenvatting", "Summary"),
        &or_todo(&b.description, lang),
    );
    d.block(lang.pick("Oorzaak", "Cause"), &or_todo(&b.cause, lang));
    d.item(
        lang.pick("Soort inbreuk", "Kind of breach"),
        &b.assessment
            .as_ref()
            .map_or_else(|| not_assessed(lang).to_string(), |a| kinds(a, lang)),
    );

    // Data and people.
    d.heading(lang.pick("Betrokken gegevens en personen", "Data and people affected"));
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
            "Geschat aantal gegevensrecords",
            "Approximate number of records",
        ),
        &b.approx_records
            .map_or_else(|| unknown(lang).to_string(), |n| n.to_string()),
    );
    let people = r
        .people
        .map_or_else(|| unknown(lang).to_string(), |n| n.to_string());
    d.item(
        lang.pick("Geschat aantal betrokkenen", "Approximate number of people"),
        &people,
    );
    d.item(
        lang.pick(
            "Bijzondere of gevoelige gegevens (gezondheid, coachinginhoud, uitslagen, identiteitsnummers, financiële gegevens)",
            "Special categories (health, coaching content, questionnaire results, ID numbers, financial data)",
        ),
        answer(b, lang, |a| a.special_categories),
    );
    d.item(
        lang.pick(
            "Betrokkenen makkelijk te identificeren",
            "People easy to identify",
        ),
        answer(b, lang, |a| a.identifiable),
    );

    // Measures in place before the breach.
    d.heading(lang.pick(
        "Beveiliging vooraf (versleuteling)",
        "Measures in place (encryption)",
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

    // Likely consequences.
    d.heading(lang.pick("Waarschijnlijke gevolgen", "Likely consequences"));
    d.para(&or_todo(&b.notes.likely_consequences, lang));
    if let Some(a) = &b.assessment {
        d.item(
            lang.pick(
                "Ergste waarschijnlijke gevolg (inschatting)",
                "Worst likely effect (judgement)",
            ),
            a.consequences.label(lang),
        );
    }

    // Measures taken.
    d.heading(lang.pick("Genomen maatregelen", "Measures taken"));
    d.para(&or_todo(&b.notes.measures_taken, lang));
    d.block(
        lang.pick("Plan van aanpak", "Action plan"),
        &or_todo(&b.checklist.action_plan, lang),
    );

    // Informing the people affected.
    d.heading(lang.pick("Betrokkenen inlichten", "Informing the people affected"));
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
            d.line(&format!(
                "- {}",
                lang.pick("Nog niet besloten.", "Not decided yet.")
            ));
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
    use crate::domain::breach_assessment::Consequences;
    use chrono::DateTime;

    fn report_markdown(b: &Breach, id: &str, now: At, lang: Lang) -> String {
        markdown(&Report::of(b, id, now), lang)
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

    const EN_HEADINGS: [&str; 11] = [
        "# Data breach notification draft: Laptop gestolen uit auto",
        "## The 72-hour deadline",
        "## Contact person",
        "## Timeline",
        "## Nature and summary",
        "## Data and people affected",
        "## Measures in place (encryption)",
        "## Likely consequences",
        "## Measures taken",
        "## Informing the people affected",
        "## Risk assessment",
    ];

    const NL_HEADINGS: [&str; 11] = [
        "# Concept melding datalek: Laptop gestolen uit auto",
        "## Termijn van 72 uur",
        "## Contactpersoon",
        "## Tijdlijn",
        "## Aard en samenvatting",
        "## Betrokken gegevens en personen",
        "## Beveiliging vooraf (versleuteling)",
        "## Waarschijnlijke gevolgen",
        "## Genomen maatregelen",
        "## Betrokkenen inlichten",
        "## Risicobeoordeling",
    ];

    const IN_TIME: &str = "2027-01-16T10:00:00+01:00";
    const LATE: &str = "2027-01-18T12:05:00+01:00";

    #[test]
    fn key_headings_in_english() {
        let r = report_markdown(&breach(), "b-123", at(IN_TIME), Lang::En);
        for h in EN_HEADINGS {
            assert!(r.contains(h), "missing {h:?} in\n{r}");
        }
        assert!(r.contains("## Checklist"));
        assert!(r.contains("`b-123`"));
    }

    #[test]
    fn key_headings_in_dutch() {
        let r = report_markdown(&breach(), "b-123", at(IN_TIME), Lang::Nl);
        for h in NL_HEADINGS {
            assert!(r.contains(h), "missing {h:?} in\n{r}");
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
            "J. Jansen, praktijkhouder",
            "**Start of the breach:** 2027-01-14 22:00 +01:00",
            "**Discovered:** 2027-01-15 09:00 +01:00",
            "**Notify the AP by (discovery + 72 hours):** 2027-01-18 09:00 +01:00",
            "not yet notified (47 h 00 min left)",
            "**End of the breach:** unknown",
            "**Still ongoing:** no",
            "De laptop van de coach is uit de auto gestolen.",
            "Laptop in de auto achtergelaten.",
            "confidentiality (data seen by people who should not)",
            "availability (data unavailable: permanently)",
            "**Categories of data:** coachverslagen, contactgegevens",
            "**Approximate number of records:** 40",
            // From the assessment when the record has no count.
            "**Approximate number of people:** 14",
            "(health, coaching content, questionnaire results, ID numbers, financial data):** yes",
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
        b.timeline.ongoing = true;
        b.approx_people = Some(9);
        b.tick(
            ChecklistStep::PeopleInformed,
            at("2027-01-16T09:00:00+01:00"),
        );
        b.checklist.people_informed_how = "Per brief.".into();
        let r = report_markdown(&b, "b-1", at(IN_TIME), Lang::En);
        assert!(r.contains("**End of the breach:** not ended yet"));
        assert!(r.contains("**Still ongoing:** yes"));
        assert!(r.contains("**Approximate number of people:** 9"));
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
    fn single_line_fields_stay_on_one_line() {
        let mut b = breach();
        b.title = "Twee\nregels | pipe".into();
        b.notes.contact_person = "A\n\nB".into();
        let r = report_markdown(&b, "b-1", at(IN_TIME), Lang::En);
        assert!(r.starts_with("# Data breach notification draft: Twee regels \\| pipe\n"));
        assert!(r.contains("\nA B\n"));
    }
}
