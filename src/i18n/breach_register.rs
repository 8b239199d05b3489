//! The breach register (GDPR art. 33(5), `kluis breach register --md`) in
//! Markdown, Dutch or English: for every breach whatever its outcome, the
//! facts, the effects, the remedial action and the decisions with their
//! reasons.

use super::Lang;
use crate::domain::Id;
use crate::domain::breach::{At, Breach};

fn when(t: Option<At>, lang: Lang) -> String {
    t.map_or_else(
        || lang.pick("—", "—").to_string(),
        |t| t.format("%Y-%m-%d %H:%M %:z").to_string(),
    )
}

fn one_line(s: &str, lang: Lang) -> String {
    let t = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if t.is_empty() {
        lang.pick("_(niet ingevuld)_", "_(not filled in)_")
            .to_string()
    } else {
        t
    }
}

fn list<T: Copy>(items: &[T], lang: Lang, label: impl Fn(T, Lang) -> &'static str) -> String {
    if items.is_empty() {
        lang.pick("_(niet ingevuld)_", "_(not filled in)_")
            .to_string()
    } else {
        items
            .iter()
            .map(|i| label(*i, lang))
            .collect::<Vec<_>>()
            .join("; ")
    }
}

/// The register, oldest breach first (`breaches` in that order).
pub fn markdown(breaches: &[(&Id, &Breach)], lang: Lang) -> String {
    let mut out = String::new();
    out.push_str(lang.pick(
        "# Register van datalekken (art. 33 lid 5 AVG)\n\n",
        "# Breach register (GDPR art. 33(5))\n\n",
    ));
    if breaches.is_empty() {
        out.push_str(lang.pick(
            "Er zijn geen datalekken geregistreerd.\n",
            "No breaches are registered.\n",
        ));
        return out;
    }
    for (id, b) in breaches {
        let f = &b.form;
        let c = &b.checklist;
        let (min, max) = b.subjects_range();
        let count = |n: Option<u64>| n.map_or_else(|| "?".to_string(), |n| n.to_string());
        out.push_str(&format!("## {} (`{id}`)\n\n", one_line(&b.title, lang)));
        let mut item = |label: &str, value: String| {
            out.push_str(&format!("- **{label}:** {value}\n"));
        };
        item(
            lang.pick("Ontdekt", "Discovered"),
            when(Some(b.discovered_at), lang),
        );
        item(
            lang.pick("Begin – einde", "Start – end"),
            format!(
                "{} – {}",
                when(b.timeline.started_at, lang),
                match (b.timeline.ended_at, b.timeline.ongoing) {
                    (Some(t), _) => when(Some(t), lang),
                    (None, Some(true)) => lang.pick("duurt voort", "ongoing").to_string(),
                    _ => "—".to_string(),
                }
            ),
        );
        item(
            lang.pick("Wat er gebeurde", "What happened"),
            one_line(&b.description, lang),
        );
        item(lang.pick("Oorzaak", "Cause"), one_line(&b.cause, lang));
        item(
            lang.pick("Aard", "Nature"),
            list(&f.nature, lang, |n, l| n.label(l)),
        );
        item(
            lang.pick("Soorten gegevens", "Categories of data"),
            if b.data_categories.is_empty() {
                one_line("", lang)
            } else {
                b.data_categories.join(", ")
            },
        );
        item(
            lang.pick("Bijzondere persoonsgegevens", "Special categories"),
            list(&f.special_categories, lang, |n, l| n.label(l)),
        );
        item(
            lang.pick("Categorieën betrokkenen", "Categories of people"),
            list(&f.subject_categories, lang, |n, l| n.label(l)),
        );
        item(
            lang.pick("Aantal betrokkenen", "People affected"),
            format!("{}–{}", count(min), count(max)),
        );
        item(
            lang.pick("Gevolgen", "Consequences"),
            one_line(&b.notes.likely_consequences, lang),
        );
        item(
            lang.pick("Corrigerende maatregelen", "Corrective measures"),
            one_line(&b.notes.measures_taken, lang),
        );
        item(
            lang.pick("Preventieve maatregelen", "Preventive measures"),
            one_line(&f.preventive_measures, lang),
        );
        item(
            lang.pick("Risico", "Risk"),
            b.recommendation().map_or_else(
                || {
                    lang.pick("nog niet beoordeeld", "not assessed yet")
                        .to_string()
                },
                |a| a.risk.label(lang).to_string(),
            ),
        );
        let ap = match (c.ap_notified_at, &c.ap_not_notified) {
            (Some(t), _) => match lang {
                Lang::Nl => format!(
                    "gemeld op {}, kenmerk {}",
                    when(Some(t), lang),
                    one_line(&c.ap_reference, lang)
                ),
                Lang::En => format!(
                    "notified on {}, reference {}",
                    when(Some(t), lang),
                    one_line(&c.ap_reference, lang)
                ),
            },
            (None, Some(w)) => match lang {
                Lang::Nl => format!("niet gemeld: {}", one_line(&w.reason, lang)),
                Lang::En => format!("not notified: {}", one_line(&w.reason, lang)),
            },
            (None, None) => lang
                .pick("nog niet besloten", "not decided yet")
                .to_string(),
        };
        item(
            lang.pick(
                "Autoriteit Persoonsgegevens",
                "Autoriteit Persoonsgegevens (AP)",
            ),
            ap,
        );
        let people = match (c.people_informed_at, &c.people_not_informed) {
            (Some(t), _) => match lang {
                Lang::Nl => format!(
                    "ingelicht op {} ({})",
                    when(Some(t), lang),
                    one_line(&c.people_informed_how, lang)
                ),
                Lang::En => format!(
                    "informed on {} ({})",
                    when(Some(t), lang),
                    one_line(&c.people_informed_how, lang)
                ),
            },
            (None, Some(w)) => match lang {
                Lang::Nl => format!("niet ingelicht: {}", one_line(&w.reason, lang)),
                Lang::En => format!("not informed: {}", one_line(&w.reason, lang)),
            },
            (None, None) => lang
                .pick("nog niet besloten", "not decided yet")
                .to_string(),
        };
        item(lang.pick("Betrokkenen", "People affected"), people);
        if !b.notes.delay_reason.trim().is_empty() {
            item(
                lang.pick("Reden voor vertraging", "Reason for the delay"),
                one_line(&b.notes.delay_reason, lang),
            );
        }
        item(lang.pick("Afgesloten", "Closed"), when(b.closed_at, lang));
        out.push('\n');
    }
    out
}
