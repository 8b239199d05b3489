//! The information GDPR art. 15(1) and (2) require beside the copy of the
//! data, worded for the person and limited to the records in their export.

use super::complaints::AUTHORITY;
use super::export::{AccessExport, Information, Purpose, Right};
use crate::domain::practice::Practice;
use crate::domain::processing::Processing;
use crate::domain::records::SubscriberSource;
use crate::i18n::processing::{bases, transfers};

/// The art. 15 information, for the records present in `e`, with the
/// controller, its processors and transfers from the practice profile.
pub(super) fn information(e: &AccessExport, from_others: bool, practice: &Practice) -> Information {
    let t = e.lang;
    let basis = |p: Processing| bases(t, p);
    let mut purposes = vec![Purpose {
        records: "person",
            legal_basis: basis(Processing::Coaching),
        purpose: t
            .pick(
                "Je naam en contactgegevens: om contact met je te houden over je coaching, training, offerte of verzoek.",
                "Your name and contact details: to stay in touch with you about your coaching, training, quote or request.",
            )
            .into(),
    }];
    let mut categories = vec![
        t.pick(
            "Naam en contactgegevens (e-mailadres, telefoonnummer, organisatie)",
            "Name and contact details (e-mail address, phone number, organisation)",
        )
        .to_string(),
    ];
    let mut sources: Vec<String> = vec![
        t.pick(
            "Van jezelf: wat je ons hebt verteld of toegestuurd.",
            "From you: what you told or sent us.",
        )
        .into(),
    ];
    if from_others {
        sources.push(
            t.pick(
                "Van degene die de coaching of training voor je aanvroeg (bijvoorbeeld je werkgever), via een aanvraag of offerte.",
                "From whoever requested the coaching or training for you (your employer, for example), through a request or a quote.",
            )
            .into(),
        );
    }
    if !e.trajectories.is_empty() || !e.documents.is_empty() {
        purposes.push(Purpose {
            records: "trajectories",
            legal_basis: basis(Processing::Coaching),
            purpose: t
                .pick(
                    "Je traject, rapportages en uitslagen van vragenlijsten: om de coaching of training te geven en te begeleiden.",
                    "Your trajectory, reports and questionnaire results: to give and guide the coaching or training.",
                )
                .into(),
        });
        categories.push(
            t.pick(
                "Gegevens over je coaching- of trainingstraject (soort, titel, data)",
                "Details of your coaching or training (kind, title, dates)",
            )
            .into(),
        );
    }
    if !e.documents.is_empty() {
        categories.push(
            t.pick(
                "Individuele rapportages en uitslagen van vragenlijsten (de inhoud van je coaching)",
                "Individual reports and questionnaire results (the content of your coaching)",
            )
            .into(),
        );
        sources.push(
            t.pick(
                "Rapportages en uitslagen zijn door de coach gemaakt tijdens je traject, uit wat jij inbracht en invulde.",
                "Reports and results were written by the coach during your trajectory, from what you shared and filled in.",
            )
            .into(),
        );
    }
    if !e.quotes.is_empty() {
        purposes.push(Purpose {
            records: "quotes",
            legal_basis: basis(Processing::Quotes),
            purpose: t
                .pick(
                    "Offertes: om een aanbod te doen en, na acceptatie, voor de administratie die de wet voorschrijft (fiscale bewaarplicht).",
                    "Quotes: to make an offer and, once accepted, for the administration the law requires (fiscal retention duty).",
                )
                .into(),
        });
        categories.push(
            t.pick("Offertes (bedrag en data)", "Quotes (amount and dates)")
                .into(),
        );
    }
    if !e.contact_requests.is_empty() {
        purposes.push(Purpose {
            records: "contact_requests",
            legal_basis: basis(Processing::ContactRequests),
            purpose: t
                .pick(
                    "Je contactaanvraag: alleen om je eerste vraag te beantwoorden. Dit adres komt daardoor niet op de e-maillijst.",
                    "Your contact request: only to answer your first question. It does not put your address on the mailing list.",
                )
                .into(),
        });
        categories.push(
            t.pick(
                "Je contactaanvraag (naam, contactgegevens, bericht)",
                "Your contact request (name, contact details, message)",
            )
            .into(),
        );
    }
    if !e.subscriptions.is_empty() || e.unsubscribed.is_some() {
        purposes.push(Purpose {
            records: "subscriptions",
            legal_basis: basis(Processing::Newsletter),
            purpose: t
                .pick(
                    "Je inschrijving op de e-maillijst: alleen voor de nieuwsbrief en aankondigingen van webinars; je adres wordt nooit aan anderen gegeven.",
                    "Your place on the mailing list: only for the newsletter and webinar announcements; your address is never passed on.",
                )
                .into(),
        });
        categories.push(
            t.pick(
                "E-mailadres en naam voor de nieuwsbrief, met hoe je je hebt ingeschreven",
                "E-mail address and name for the newsletter, with how you subscribed",
            )
            .into(),
        );
        for sub in &e.subscriptions {
            let src = match sub.source {
                SubscriberSource::Webinar => t.pick(
                    "Je inschrijving op de e-maillijst: je aanmelding voor een webinar.",
                    "Your place on the mailing list: your registration for a webinar.",
                ),
                SubscriberSource::Ebook => t.pick(
                    "Je inschrijving op de e-maillijst: je download van een e-book.",
                    "Your place on the mailing list: your download of an e-book.",
                ),
                SubscriberSource::Quote => t.pick(
                    "Je inschrijving op de e-maillijst: een geaccepteerde offerte.",
                    "Your place on the mailing list: an accepted quote.",
                ),
                SubscriberSource::Manual => t.pick(
                    "Je inschrijving op de e-maillijst: je uitdrukkelijke toestemming.",
                    "Your place on the mailing list: your explicit consent.",
                ),
            };
            if !sources.iter().any(|x| x == src) {
                sources.push(src.into());
            }
        }
    }
    if !e.consents.is_empty() || !e.disclosures.is_empty() {
        purposes.push(Purpose {
            records: "consents",
            legal_basis: basis(Processing::Disclosures),
            purpose: t
                .pick(
                    "Toestemmingen en verstrekkingen: om vast te leggen wat we met jouw toestemming met wie hebben gedeeld.",
                    "Consents and disclosures: to record what we shared with whom, with your consent.",
                )
                .into(),
        });
        categories.push(
            t.pick(
                "Je toestemmingen en wat met wie is gedeeld",
                "Your consents and what was shared with whom",
            )
            .into(),
        );
    }
    if !e.subject_requests.is_empty() || !e.complaints.is_empty() {
        purposes.push(Purpose {
            records: "requests",
            legal_basis: basis(Processing::Requests),
            purpose: t
                .pick(
                    "Je verzoeken en klachten: om ze af te handelen en te kunnen laten zien dat dat is gebeurd.",
                    "Your requests and complaints: to handle them and to be able to show that we did.",
                )
                .into(),
        });
        categories.push(
            t.pick("Je verzoeken en klachten", "Your requests and complaints")
                .into(),
        );
    }

    let mut recipients: Vec<String> = Vec::new();
    let mut seen: Vec<String> = Vec::new();
    for d in &e.disclosures {
        let key = d.recipient.trim().to_lowercase();
        if !seen.contains(&key) {
            seen.push(key);
            recipients.push(format!(
                "{}: {}",
                d.recipient.trim(),
                t.pick(
                    "met jouw toestemming (zie 'Gedeeld met anderen')",
                    "with your consent (see 'Shared with others')"
                )
            ));
        }
    }
    let newsletter = |service: &str| {
        let s = service.to_lowercase();
        ["newsletter", "nieuwsbrief", "mail"]
            .iter()
            .any(|w| s.contains(w))
    };
    for p in &practice.processors {
        let sends_newsletter = newsletter(&p.service);
        if sends_newsletter && e.subscriptions.is_empty() {
            continue;
        }
        let what = if sends_newsletter {
            t.pick(
                "verstuurt de nieuwsbrief in opdracht van de praktijk (verwerker): alleen je e-mailadres en naam",
                "sends the newsletter on the practice's behalf (processor): only your e-mail address and name",
            )
        } else {
            t.pick(
                "verwerkt gegevens in opdracht van de praktijk (verwerker)",
                "processes data on the practice's behalf (processor)",
            )
        };
        recipients.push(format!(
            "{} ({}, {}): {what}",
            p.name.trim(),
            p.service.trim(),
            p.country.trim().to_uppercase()
        ));
    }
    if !e.subscriptions.is_empty() && !practice.processors.iter().any(|p| newsletter(&p.service)) {
        recipients.push(
            t.pick(
                "De dienst die de nieuwsbrief voor de praktijk verstuurt (nog niet bij naam in het praktijkprofiel): alleen je e-mailadres en naam, en alleen in opdracht van de praktijk.",
                "The service that sends the newsletter for the practice (not yet named in the practice profile): only your e-mail address and name, and only on the practice's behalf.",
            )
            .into(),
        );
    }
    if e.quotes.iter().any(|q| q.accepted_on.is_some()) {
        recipients.push(
            t.pick(
                "De Belastingdienst, alleen als die de administratie opvraagt (geaccepteerde offertes).",
                "The Dutch tax authority (Belastingdienst), only if it asks for the administration (accepted quotes).",
            )
            .into(),
        );
    }
    if recipients.is_empty() {
        recipients.push(
            t.pick(
                "Niemand: je gegevens zijn alleen voor de coach en staan versleuteld op de eigen computer van de praktijk.",
                "No one: your data is for the coach only and is kept encrypted on the practice's own computer.",
            )
            .into(),
        );
    }

    let rights = vec![
        Right {
            right: "access",
            article: "15",
            text: t
                .pick(
                    "Inzage: je gegevens inzien. Dit overzicht is daar het antwoord op.",
                    "Access: see your data. This overview is the answer to that.",
                )
                .into(),
        },
        Right {
            right: "rectification",
            article: "16",
            text: t
                .pick(
                    "Correctie: onjuiste of onvolledige gegevens laten verbeteren of aanvullen.",
                    "Rectification: have wrong or incomplete data corrected or completed.",
                )
                .into(),
        },
        Right {
            right: "erasure",
            article: "17",
            text: t
                .pick(
                    "Verwijdering: je gegevens laten wissen. Wat de wet ons verplicht te bewaren (de administratie van een geaccepteerde offerte) blijft tot het einde van die termijn bewaard, met zo min mogelijk gegevens en zonder dat we het nog voor iets anders gebruiken.",
                    "Erasure: have your data deleted. What the law obliges us to keep (the administration of an accepted quote) stays until that period ends, with as little data as possible and not used for anything else.",
                )
                .into(),
        },
        Right {
            right: "restriction",
            article: "18",
            text: t
                .pick(
                    "Beperking: het gebruik van je gegevens laten beperken, bijvoorbeeld zolang een correctie wordt beoordeeld.",
                    "Restriction: have the use of your data restricted, for example while a correction is being looked at.",
                )
                .into(),
        },
        Right {
            right: "portability",
            article: "20",
            text: t
                .pick(
                    "Overdraagbaarheid: je gegevens in een gangbaar, machineleesbaar formaat krijgen (dit overzicht bestaat ook als JSON).",
                    "Portability: receive your data in a common, machine-readable format (this overview also exists as JSON).",
                )
                .into(),
        },
        Right {
            right: "objection",
            article: "21",
            text: t
                .pick(
                    "Bezwaar: bezwaar maken tegen het gebruik van je gegevens, en altijd tegen de nieuwsbrief.",
                    "Objection: object to the use of your data, and always to the newsletter.",
                )
                .into(),
        },
        Right {
            right: "withdraw_consent",
            article: "7(3)",
            text: t
                .pick(
                    "Toestemming intrekken: een gegeven toestemming op elk moment intrekken, ook je inschrijving op de e-maillijst (afmelden).",
                    "Withdraw consent: withdraw a consent at any time, including your place on the mailing list (unsubscribe).",
                )
                .into(),
        },
    ];
    Information {
        controller: e.information.controller.clone(),
        transfers: transfers(t, practice),
        purposes,
        categories,
        recipients,
        retention: t
            .pick(
                "Bij elk gegeven hierboven staat hoe lang het wordt bewaard en op welke dag het uiterlijk wordt verwijderd. Rapportages en uitslagen van vragenlijsten worden uiterlijk 2 maanden na het einde van de coaching of training verwijderd.",
                "Each item above says how long it is kept and the day it will be deleted at the latest. Reports and questionnaire results are deleted 2 months after the coaching or training ends at the latest.",
            )
            .into(),
        sources,
        automated_decisions: t
            .pick(
                "Er worden geen besluiten over je genomen die alleen op geautomatiseerde verwerking berusten, en er is geen profilering.",
                "No decisions about you are made by automated processing alone, and there is no profiling.",
            )
            .into(),
        rights,
        how_to_use_rights: how_to_use_rights(t, practice),
        complaint: t
            .pick(
                "Ben je niet tevreden over hoe we met je gegevens omgaan, dan kun je een klacht indienen bij de praktijk of bij de Autoriteit Persoonsgegevens.",
                "If you are not satisfied with how we handle your data, you can complain to the practice or to the Dutch Data Protection Authority (Autoriteit Persoonsgegevens).",
            )
            .into(),
        complaint_authority: AUTHORITY,
    }
}

/// Whom to contact for the rights: the practice by name and address when
/// the profile has them.
fn how_to_use_rights(t: crate::i18n::Lang, p: &Practice) -> String {
    let name = p.name.trim();
    let email = p.email.trim();
    match (name.is_empty(), email.is_empty()) {
        (false, false) => match t {
            crate::i18n::Lang::Nl => format!(
                "Wil je een van deze rechten gebruiken, neem dan contact op met {name} via {email}. We antwoorden binnen een maand."
            ),
            crate::i18n::Lang::En => format!(
                "To use any of these rights, contact {name} at {email}. We answer within one month."
            ),
        },
        _ => t
            .pick(
                "Wil je een van deze rechten gebruiken, neem dan contact op met de praktijk. We antwoorden binnen een maand.",
                "To use any of these rights, contact the practice. We answer within one month.",
            )
            .into(),
    }
}
