//! The practice's privacy statement (`kluis statement`), in Dutch or
//! English, made from the retention table and the practice profile: every
//! promise of DESIGN.md §1 (P1–P11) in kluis's own words with the periods
//! kluis enforces, and what GDPR art. 13 requires (identity and contact,
//! purposes and legal bases, recipients, transfers, periods, the rights,
//! the right to complain to the AP, whether giving data is required).

use super::Lang;
use super::document::{Block, Document};
use super::practice::{missing_note, months, or_missing, period, rule_subject};
use super::processing::{bases, transfers};
use crate::domain::processing::{Facts, Processing};
use crate::domain::retention::{Periods, Rule};

/// The Dutch supervisory authority, as the statement names it (P10).
const AP: &str = "Autoriteit Persoonsgegevens, Postbus 93374, 2509 AJ Den Haag, autoriteitpersoonsgegevens.nl, 088 - 1805 250";

/// Promise `p` (P1–P11) in full, with the periods of `periods`.
pub fn promise(lang: Lang, p: &str, periods: &Periods, practice: &str) -> String {
    let m = |r: Rule| months(lang, periods.months(r));
    match (p, lang) {
        ("P1", Lang::Nl) => format!(
            "Individuele rapportages worden hoogstens {} en uitslagen van vragenlijsten hoogstens {} na afronding van de training of coaching bewaard; daarna verwijdert kluis ze, met het traject zelf na {}.",
            m(Rule::IndividualReport), m(Rule::QuestionnaireResult), m(Rule::Trajectory)
        ),
        ("P1", Lang::En) => format!(
            "Individual reports are kept at most {} and questionnaire results at most {} after the training or coaching ends; then kluis deletes them, and the trajectory itself after {}.",
            m(Rule::IndividualReport), m(Rule::QuestionnaireResult), m(Rule::Trajectory)
        ),
        ("P2", Lang::Nl) => format!(
            "Adviesrapporten over teamvraagstukken worden hoogstens {} na oplevering bewaard, elk versleuteld met een eigen, uniek wachtwoord.",
            m(Rule::TeamReport)
        ),
        ("P2", Lang::En) => format!(
            "Team advisory reports are kept at most {} after delivery, each encrypted with its own unique password.",
            m(Rule::TeamReport)
        ),
        ("P3", Lang::Nl) => format!(
            "Gegevens uit het contactformulier dienen alleen voor het eerste contact en worden {} bewaard; het e-mailadres komt nooit op de e-maillijst van de nieuwsbrief of de webinars.",
            period(lang, Rule::ContactRequest, periods.months(Rule::ContactRequest))
        ),
        ("P3", Lang::En) => format!(
            "Contact form data serves only the first contact and is kept {}; its e-mail address never joins the newsletter or webinar list.",
            period(lang, Rule::ContactRequest, periods.months(Rule::ContactRequest))
        ),
        ("P4", Lang::Nl) => "Bij akkoord op een offerte worden de aanvrager en de deelnemer (als dat een ander is) op de e-maillijst voor de nieuwsbrief en de webinars gezet, met de offerte als bewijs; wie zich eerder afmeldde, niet opnieuw.".to_string(),
        ("P4", Lang::En) => "When a quote is accepted, the requester and the participant (if another person) join the newsletter and webinar list, with the quote as evidence; whoever unsubscribed before is not added again.".to_string(),
        ("P5", Lang::Nl) => "E-mailadressen van webinars en e-book-downloads worden alleen gebruikt voor de nieuwsbrief en aankondigingen van webinars, en nooit aan derden doorgegeven.".to_string(),
        ("P5", Lang::En) => "E-mail addresses from webinars and e-book downloads are used for the newsletter and webinar announcements only, and never passed on to third parties.".to_string(),
        ("P6", Lang::Nl) => format!("{practice} deelt niets met derden zonder jouw uitdrukkelijke toestemming voor die ontvanger; een verstrekking zonder geldige toestemming weigert kluis."),
        ("P6", Lang::En) => format!("{practice} shares nothing with third parties without your explicit consent for that recipient; kluis refuses a disclosure without a valid consent."),
        ("P7", Lang::Nl) => format!(
            "Alleen wat een wettelijke plicht vraagt, wordt langer bewaard: de administratie van geaccepteerde offertes {} (art. 52 AWR), met zo min mogelijk gegevens. Al het andere heeft een kortere termijn.",
            m(Rule::QuoteAccepted)
        ),
        ("P7", Lang::En) => format!(
            "Only what a legal obligation needs is kept longer: the administration of accepted quotes for {} (Dutch AWR art. 52), with as little data as possible. Everything else has a shorter period.",
            m(Rule::QuoteAccepted)
        ),
        ("P8", Lang::Nl) => "Je mag je documenten altijd inzien, laten corrigeren of laten vernietigen; een verzoek wordt binnen een maand afgehandeld (art. 12 lid 3 AVG).".to_string(),
        ("P8", Lang::En) => "You may inspect, correct or have your documents destroyed at any time; a request is handled within one month (GDPR art. 12(3)).".to_string(),
        ("P9", Lang::Nl) => "Afmelden voor de e-maillijst is eenvoudig, via de link onderaan elke nieuwsbrief; daarna blijft alleen een sleutel-hash van het adres over, zodat het niet per ongeluk opnieuw wordt toegevoegd.".to_string(),
        ("P9", Lang::En) => "Unsubscribing from the list is easy, through the link at the bottom of every newsletter; after that only a keyed hash of the address stays, so it is not added again by mistake.".to_string(),
        ("P10", Lang::Nl) => format!("Vind je dat deze verklaring niet wordt nageleefd, dan kun je terecht bij {practice} zelf of een klacht indienen bij de Autoriteit Persoonsgegevens."),
        ("P10", Lang::En) => format!("If you think this statement is not kept, you can turn to {practice} itself or complain to the Autoriteit Persoonsgegevens (the Dutch supervisory authority)."),
        ("P11", Lang::Nl) => format!("Bij een datalek neemt {practice} direct contact op met een cyberexpert, stelt de aard en de oorzaak vast en maakt een plan van aanpak dat direct wordt uitgevoerd. Is er een risico voor de betrokkenen, dan meldt {practice} het lek binnen 72 uur bij de Autoriteit Persoonsgegevens; bij een hoog risico lichten we ook jou in (art. 33 en 34 AVG). Elk datalek komt in het register."),
        ("P11", Lang::En) => format!("On a data breach, {practice} contacts a cyber expert at once, establishes its nature and cause, and makes an action plan that is carried out at once. When the breach is a risk to the people affected, {practice} notifies the Autoriteit Persoonsgegevens within 72 hours; when the risk is high, we inform you too (GDPR art. 33 and 34). Every breach goes in the register."),
        _ => String::new(),
    }
}

/// The privacy statement as a document.
pub fn document(f: &Facts, lang: Lang) -> Document {
    let p = f.practice;
    let name = if p.name.trim().is_empty() {
        lang.pick("de praktijk", "the practice").to_string()
    } else {
        p.name.trim().to_string()
    };
    let mut d = Document::default();
    d.title(match lang {
        Lang::Nl => format!("Privacyverklaring van {name}"),
        Lang::En => format!("Privacy statement of {name}"),
    });
    d.para(match lang {
        Lang::Nl => format!(
            "{name} gaat zorgvuldig om met de persoonsgegevens van haar deelnemers en klanten. Deze verklaring is gemaakt door kluis op {}, uit de regels die kluis afdwingt: wat hier staat, doet het programma.",
            f.today
        ),
        Lang::En => format!(
            "{name} takes care of the personal data of its participants and clients. This statement was made by kluis on {}, from the rules kluis enforces: what it says is what the program does.",
            f.today
        ),
    });
    if let Some(note) = missing_note(lang, &p.missing()) {
        d.para(format!("> {note}"));
    }

    d.heading(lang.pick("Wie wij zijn", "Who we are"));
    let mut who = vec![
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
            lang.pick("Website", "Website").to_string(),
            or_missing(lang, &p.website),
        ),
    ];
    if let Some(dpo) = &p.dpo {
        who.push((
            lang.pick(
                "Functionaris gegevensbescherming",
                "Data protection officer",
            )
            .to_string(),
            [&dpo.name, &dpo.email, &dpo.phone]
                .into_iter()
                .filter(|s| !s.trim().is_empty())
                .cloned()
                .collect::<Vec<_>>()
                .join(", "),
        ));
    }
    d.fields(who);

    d.heading(lang.pick("Onze beloften", "Our promises"));
    d.items(
        crate::domain::processing::PROMISES
            .iter()
            .map(|x| promise(lang, x, &f.periods, &name))
            .collect(),
    );

    d.heading(lang.pick(
        "Welke gegevens, waarvoor en op welke grond",
        "What data, what for and on what basis",
    ));
    d.push(Block::Table {
        head: vec![
            lang.pick("Verwerking", "Processing").into(),
            lang.pick("Doel", "Purpose").into(),
            lang.pick("Grondslag", "Legal basis").into(),
            lang.pick("Verplicht?", "Required?").into(),
        ],
        rows: Processing::ALL
            .into_iter()
            .map(|x| {
                vec![
                    x.title(lang).into(),
                    x.purpose(lang).into(),
                    bases(lang, x),
                    x.required(lang).into(),
                ]
            })
            .collect(),
    });

    d.heading(lang.pick("Hoe lang we gegevens bewaren", "How long we keep data"));
    d.para(lang.pick(
        "kluis telt voor elk gegeven af en verwijdert het op de dag dat de termijn verloopt:",
        "kluis counts down for every record and deletes it on the day its period ends:",
    ));
    let mut rows: Vec<Vec<String>> = Rule::ALL
        .iter()
        .map(|r| {
            vec![
                rule_subject(lang, *r).to_string(),
                period(lang, *r, f.periods.months(*r)),
            ]
        })
        .collect();
    rows.push(vec![
        lang.pick("abonnees van de nieuwsbrief", "newsletter subscribers")
            .into(),
        lang.pick("tot afmelden", "until they unsubscribe").into(),
    ]);
    d.push(Block::Table {
        head: vec![
            lang.pick("Gegevens", "Data").into(),
            lang.pick("Bewaartermijn", "Kept for").into(),
        ],
        rows,
    });

    d.heading(lang.pick("Met wie we gegevens delen", "Who we share data with"));
    let mut shared: Vec<String> = p
        .processors
        .iter()
        .map(|x| match lang {
            Lang::Nl => format!(
                "{} ({}, {}), als verwerker met een verwerkersovereenkomst.",
                x.name, x.service, x.country
            ),
            Lang::En => format!(
                "{} ({}, {}), as a processor under a data processing agreement.",
                x.name, x.service, x.country
            ),
        })
        .collect();
    if shared.is_empty() {
        shared.push(
            lang.pick(
                "Geen verwerkers: de gegevens staan alleen in de versleutelde kluis van de praktijk.",
                "No processors: the data is only in the practice's encrypted vault.",
            )
            .into(),
        );
    }
    shared.push(promise(lang, "P6", &f.periods, &name));
    d.items(shared);
    d.para(transfers(lang, p));

    d.heading(lang.pick("Je rechten", "Your rights"));
    d.items(vec![
        lang.pick(
            "Inzage in je gegevens, met een kopie (art. 15 AVG).",
            "Access to your data, with a copy (GDPR art. 15).",
        )
        .into(),
        lang.pick("Correctie (art. 16).", "Rectification (art. 16).")
            .into(),
        lang.pick("Verwijdering (art. 17).", "Erasure (art. 17).")
            .into(),
        lang.pick(
            "Beperking van de verwerking (art. 18).",
            "Restriction of processing (art. 18).",
        )
        .into(),
        lang.pick(
            "Overdraagbaarheid: je gegevens in een gangbaar formaat (art. 20).",
            "Portability: your data in a common format (art. 20).",
        )
        .into(),
        lang.pick(
            "Bezwaar, ook tegen de nieuwsbrief (art. 21).",
            "Objection, also to the newsletter (art. 21).",
        )
        .into(),
        lang.pick(
            "Toestemming intrekken, op elk moment, zonder dat dit afdoet aan wat eerder gebeurde.",
            "Withdrawing consent at any time, without affecting what happened before.",
        )
        .into(),
    ]);
    d.para(match lang {
        Lang::Nl => format!(
            "Stuur je verzoek naar {}. We antwoorden binnen een maand (art. 12 lid 3 AVG).",
            or_missing(lang, &p.email)
        ),
        Lang::En => format!(
            "Send your request to {}. We answer within one month (GDPR art. 12(3)).",
            or_missing(lang, &p.email)
        ),
    });

    d.heading(lang.pick("Een klacht", "A complaint"));
    d.para(promise(lang, "P10", &f.periods, &name));
    d.para(AP);
    d
}
