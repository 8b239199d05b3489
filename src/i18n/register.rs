//! The record of processing activities of GDPR art. 30(1) (`kluis
//! register`), in Dutch or English, as Markdown or JSON: the controller, and
//! per processing its purposes, legal basis, people and data, recipients,
//! transfers, the erasure periods kluis enforces (with the profile's
//! shortenings), the security measures of the vault and how many records it
//! holds today.

use super::Lang;
use super::document::Document;
use super::practice::{missing_note, or_missing};
use super::processing::{bases, transfers};
use crate::domain::processing::{Facts, Processing, Security};
use serde_json::{Value, json};

/// The security measures as the vault implements them (art. 32, listed
/// under art. 30(1)(g)).
pub fn security_measures(lang: Lang, s: &Security) -> Vec<String> {
    let mib = s.kdf_memory_kib / 1024;
    vec![
        match lang {
            Lang::Nl => format!(
                "De kluis opent alleen met de wachtwoordzin; die wordt gerekt met Argon2id ({mib} MiB geheugen, {} rondes, {} spoor).",
                s.kdf_iterations, s.kdf_parallelism
            ),
            Lang::En => format!(
                "The vault opens only with the passphrase, stretched with Argon2id ({mib} MiB of memory, {} passes, {} lane).",
                s.kdf_iterations, s.kdf_parallelism
            ),
        },
        lang.pick(
            "Elk record is versleuteld met AES-256-GCM onder een eigen sleutel, gebonden aan zijn soort en nummer; niets persoonlijks staat onversleuteld op schijf.",
            "Every record is encrypted with AES-256-GCM under its own key, bound to its kind and id; nothing personal is stored unencrypted on disk.",
        )
        .to_string(),
        lang.pick(
            "Sleutels per verwijdermaand: na opschonen of wissen wordt de sleutel vernietigd, zodat ook oude kopieën niet meer te ontsleutelen zijn.",
            "Keys per deletion month: after a purge or an erasure the key is destroyed, so old copies cannot be decrypted any more either.",
        )
        .to_string(),
        lang.pick(
            "Adviesrapporten zijn versleuteld met een eigen wachtwoord (minstens 100 bits) waarvan de kluis geen kopie heeft.",
            "Team reports are encrypted under their own password (at least 100 bits) of which the vault holds no copy.",
        )
        .to_string(),
        lang.pick(
            "Een logboek met HMAC-keten legt elke wijziging vast, zonder namen of inhoud; `kluis check` controleert het.",
            "An HMAC-chained audit log records every change without names or content; `kluis check` verifies it.",
        )
        .to_string(),
        lang.pick(
            "Verlopen gegevens worden in één keer verwijderd; exports zijn alleen leesbaar voor de eigenaar (modus 0600); het programma vergrendelt zich na een tijd zonder toetsaanslagen.",
            "Expired data is deleted in one step; exports are readable by their owner only (mode 0600); the program locks itself after a while without keys.",
        )
        .to_string(),
    ]
}

fn controller_fields(lang: Lang, f: &Facts) -> Vec<(String, String)> {
    let p = f.practice;
    let mut out = vec![
        (
            lang.pick("Naam", "Name").to_string(),
            or_missing(lang, &p.name),
        ),
        (
            lang.pick("Adres", "Address").to_string(),
            or_missing(lang, &p.address),
        ),
        (
            lang.pick("KvK-nummer", "Chamber of Commerce (KvK) number")
                .to_string(),
            or_missing(lang, &p.kvk),
        ),
        (
            lang.pick("E-mail", "E-mail").to_string(),
            or_missing(lang, &p.email),
        ),
        (
            lang.pick("Telefoon", "Phone").to_string(),
            or_missing(lang, &p.phone),
        ),
        (
            lang.pick("Contactpersoon", "Contact person").to_string(),
            or_missing(lang, &p.contact_person.name),
        ),
    ];
    out.push((
        lang.pick(
            "Functionaris gegevensbescherming",
            "Data protection officer",
        )
        .to_string(),
        p.dpo.as_ref().map_or_else(
            || lang.pick("geen", "none").to_string(),
            |d| or_missing(lang, &d.name),
        ),
    ));
    out
}

/// The record of processing as a document.
pub fn document(f: &Facts, lang: Lang) -> Document {
    let mut d = Document::default();
    d.title(lang.pick(
        "Register van verwerkingsactiviteiten (art. 30 lid 1 AVG)",
        "Record of processing activities (GDPR art. 30(1))",
    ));
    d.para(match lang {
        Lang::Nl => format!(
            "Gemaakt door kluis op {}, uit de regels die kluis afdwingt. De aantallen zijn die van vandaag.",
            f.today
        ),
        Lang::En => format!(
            "Made by kluis on {}, from the rules kluis enforces. The counts are today's.",
            f.today
        ),
    });
    if let Some(note) = missing_note(lang, &f.practice.missing()) {
        d.para(format!("> {note}"));
    }
    d.heading(lang.pick("Verwerkingsverantwoordelijke", "Controller"));
    d.fields(controller_fields(lang, f));
    d.heading(lang.pick("Beveiligingsmaatregelen", "Security measures"));
    d.items(security_measures(lang, &f.security));
    d.heading(lang.pick("Doorgifte buiten de EER", "Transfers outside the EEA"));
    d.para(transfers(lang, f.practice));
    for (n, p) in Processing::ALL.into_iter().enumerate() {
        d.heading(format!("{}. {}", n + 1, p.title(lang)));
        let people: Vec<&str> = p.subjects().iter().map(|s| s.label(lang)).collect();
        d.fields(vec![
            (lang.pick("Doel", "Purpose").into(), p.purpose(lang).into()),
            (lang.pick("Grondslag", "Legal basis").into(), bases(lang, p)),
            (
                lang.pick("Betrokkenen", "People").into(),
                if people.is_empty() {
                    lang.pick("geen (alleen aantallen)", "none (counts only)")
                        .into()
                } else {
                    people.join("; ")
                },
            ),
            (lang.pick("Gegevens", "Data").into(), p.data(lang).into()),
            (
                lang.pick("Ontvangers", "Recipients").into(),
                p.recipients(lang, f.practice, &f.disclosure_recipients),
            ),
            (
                lang.pick("Doorgifte buiten de EER", "Transfers outside the EEA")
                    .into(),
                if f.practice.processors_outside_eea().is_empty() {
                    lang.pick("geen", "none").into()
                } else {
                    lang.pick("zie boven", "see above").into()
                },
            ),
            (
                lang.pick("Verwijdertermijnen", "Erasure periods").into(),
                p.retention(lang, &f.periods).join("; "),
            ),
            (
                lang.pick("Records vandaag", "Records today").into(),
                f.count(p).to_string(),
            ),
        ]);
    }
    d
}

/// The record of processing as JSON: field names fixed, texts in `lang`.
pub fn json(f: &Facts, lang: Lang) -> Value {
    let p = f.practice;
    let processings: Vec<Value> = Processing::ALL
        .into_iter()
        .map(|x| {
            let rules: Vec<Value> = x
                .rules()
                .iter()
                .map(|r| json!({"rule": r.name(), "months": f.periods.months(*r)}))
                .collect();
            json!({
                "processing": x.name(),
                "name": x.title(lang),
                "purpose": x.purpose(lang),
                "legal_bases": x.bases(),
                "legal_basis_text": bases(lang, x),
                "subject_categories": x.subjects(),
                "data": x.data(lang),
                "recipients": x.recipients(lang, p, &f.disclosure_recipients),
                "retention": x.retention(lang, &f.periods),
                "retention_rules": rules,
                "kept": x.kept(),
                "promises": x.promises(),
                "records": f.count(x),
            })
        })
        .collect();
    json!({
        "made_on": f.today.to_string(),
        "controller": {
            "name": p.name, "address": p.address, "kvk": p.kvk, "email": p.email,
            "phone": p.phone, "website": p.website,
            "contact_person": p.contact_person, "dpo": p.dpo,
        },
        "missing": p.missing().iter().map(|m| m.path()).collect::<Vec<_>>(),
        "processors": p.processors,
        "transfers_outside_eea": p.processors_outside_eea(),
        "security": security_measures(lang, &f.security),
        "processings": processings,
    })
}
