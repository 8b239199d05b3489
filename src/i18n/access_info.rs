//! The information GDPR art. 15(1) and (2) require beside the copy of the
//! data, as the access export words it for the person, in Dutch and
//! English: purposes, categories, sources, recipients, the rights, the
//! retention, automated decisions and the complaint.

use super::Lang;
use crate::domain::records::SubscriberSource;

/// A fixed sentence of the art. 15 information.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Info {
    PurposeContact,
    CategoryContact,
    SourceYou,
    SourceRequester,
    PurposeTrajectories,
    CategoryTrajectories,
    CategoryDocuments,
    SourceCoach,
    PurposeQuotes,
    CategoryQuotes,
    PurposeContactRequests,
    CategoryContactRequests,
    PurposeNewsletter,
    CategoryNewsletter,
    PurposeConsents,
    CategoryConsents,
    PurposeRequests,
    CategoryRequests,
    WithYourConsent,
    SendsNewsletter,
    Processes,
    UnnamedNewsletterService,
    TaxAuthority,
    NoRecipients,
    RightAccess,
    RightRectification,
    RightErasure,
    RightRestriction,
    RightPortability,
    RightObjection,
    RightWithdrawConsent,
    NoAutomatedDecisions,
    Complaint,
    ContactThePractice,
}

impl Info {
    pub fn get(self, lang: Lang) -> &'static str {
        let (nl, en) = match self {
            Info::PurposeContact => (
                "Je naam en contactgegevens: om contact met je te houden over je coaching, training, offerte of verzoek.",
                "Your name and contact details: to stay in touch with you about your coaching, training, quote or request.",
            ),
            Info::CategoryContact => (
                "Naam en contactgegevens (e-mailadres, telefoonnummer, organisatie)",
                "Name and contact details (e-mail address, phone number, organisation)",
            ),
            Info::SourceYou => (
                "Van jezelf: wat je ons hebt verteld of toegestuurd.",
                "From you: what you told or sent us.",
            ),
            Info::SourceRequester => (
                "Van degene die de coaching of training voor je aanvroeg (bijvoorbeeld je werkgever), via een aanvraag of offerte.",
                "From whoever requested the coaching or training for you (your employer, for example), through a request or a quote.",
            ),
            Info::PurposeTrajectories => (
                "Je traject, rapportages en uitslagen van vragenlijsten: om de coaching of training te geven en je daarin te begeleiden.",
                "Your trajectory, reports and questionnaire results: to give and guide the coaching or training.",
            ),
            Info::CategoryTrajectories => (
                "Gegevens over je coaching- of trainingstraject (soort, titel, data)",
                "Details of your coaching or training (kind, title, dates)",
            ),
            Info::CategoryDocuments => (
                "Individuele rapportages en uitslagen van vragenlijsten (de inhoud van je coaching)",
                "Individual reports and questionnaire results (the content of your coaching)",
            ),
            Info::SourceCoach => (
                "Rapportages en uitslagen zijn door de coach gemaakt tijdens je traject, op basis van wat jij inbracht en invulde.",
                "Reports and results were written by the coach during your trajectory, from what you shared and filled in.",
            ),
            Info::PurposeQuotes => (
                "Offertes: om een aanbod te doen en, na acceptatie, voor de administratie die de wet voorschrijft (fiscale bewaarplicht).",
                "Quotes: to make an offer and, once accepted, for the administration the law requires (fiscal retention duty).",
            ),
            Info::CategoryQuotes => ("Offertes (bedrag en data)", "Quotes (amount and dates)"),
            Info::PurposeContactRequests => (
                "Je contactaanvraag: alleen om je eerste vraag te beantwoorden. Je e-mailadres komt daardoor niet op de e-maillijst.",
                "Your contact request: only to answer your first question. It does not put your address on the mailing list.",
            ),
            Info::CategoryContactRequests => (
                "Je contactaanvraag (naam, contactgegevens, bericht)",
                "Your contact request (name, contact details, message)",
            ),
            Info::PurposeNewsletter => (
                "Je inschrijving op de e-maillijst: alleen voor de nieuwsbrief en aankondigingen van webinars; je adres wordt nooit aan derden doorgegeven.",
                "Your place on the mailing list: only for the newsletter and webinar announcements; your address is never passed on to third parties.",
            ),
            Info::CategoryNewsletter => (
                "E-mailadres en naam voor de nieuwsbrief, met hoe je je hebt ingeschreven",
                "E-mail address and name for the newsletter, with how you subscribed",
            ),
            Info::PurposeConsents => (
                "Toestemmingen en verstrekkingen: om vast te leggen wat we met jouw toestemming met wie hebben gedeeld.",
                "Consents and disclosures: to record what we shared with whom, with your consent.",
            ),
            Info::CategoryConsents => (
                "Je toestemmingen en wat met wie is gedeeld",
                "Your consents and what was shared with whom",
            ),
            Info::PurposeRequests => (
                "Je verzoeken en klachten: om ze af te handelen en te kunnen laten zien dat dat is gebeurd.",
                "Your requests and complaints: to handle them and to be able to show that we did.",
            ),
            Info::CategoryRequests => ("Je verzoeken en klachten", "Your requests and complaints"),
            Info::WithYourConsent => (
                "met jouw toestemming (zie 'Gedeeld met anderen')",
                "with your consent (see 'Shared with others')",
            ),
            Info::SendsNewsletter => (
                "verstuurt de nieuwsbrief in opdracht van de praktijk (verwerker): alleen je e-mailadres en naam",
                "sends the newsletter on the practice's behalf (processor): only your e-mail address and name",
            ),
            Info::Processes => (
                "verwerkt gegevens in opdracht van de praktijk (verwerker)",
                "processes data on the practice's behalf (processor)",
            ),
            Info::UnnamedNewsletterService => (
                "De dienst die de nieuwsbrief voor de praktijk verstuurt (nog niet bij naam in het praktijkprofiel): alleen je e-mailadres en naam, en alleen in opdracht van de praktijk.",
                "The service that sends the newsletter for the practice (not yet named in the practice profile): only your e-mail address and name, and only on the practice's behalf.",
            ),
            Info::TaxAuthority => (
                "De Belastingdienst, alleen als die de administratie opvraagt (geaccepteerde offertes).",
                "The Dutch tax authority (Belastingdienst), only if it asks for the administration (accepted quotes).",
            ),
            Info::NoRecipients => (
                "Niemand: je gegevens zijn alleen voor de coach en staan versleuteld op de eigen computer van de praktijk.",
                "No one: your data is for the coach only and is kept encrypted on the practice's own computer.",
            ),
            Info::RightAccess => (
                "Inzage: je gegevens inzien. Dit overzicht is daar het antwoord op.",
                "Access: see your data. This overview is the answer to that.",
            ),
            Info::RightRectification => (
                "Correctie: onjuiste of onvolledige gegevens laten verbeteren of aanvullen.",
                "Rectification: have wrong or incomplete data corrected or completed.",
            ),
            Info::RightErasure => (
                "Verwijdering: je gegevens laten wissen. Wat de wet ons verplicht te bewaren (de administratie van een geaccepteerde offerte) blijft tot het einde van die termijn bewaard, met zo min mogelijk gegevens en zonder dat we het nog voor iets anders gebruiken.",
                "Erasure: have your data deleted. What the law obliges us to keep (the administration of an accepted quote) stays until that period ends, with as little data as possible and not used for anything else.",
            ),
            Info::RightRestriction => (
                "Beperking: het gebruik van je gegevens laten beperken, bijvoorbeeld zolang een correctie wordt beoordeeld.",
                "Restriction: have the use of your data restricted, for example while a correction is being looked at.",
            ),
            Info::RightPortability => (
                "Overdraagbaarheid: je gegevens in een gangbaar, machineleesbaar formaat krijgen (dit overzicht bestaat ook als JSON).",
                "Portability: receive your data in a common, machine-readable format (this overview also exists as JSON).",
            ),
            Info::RightObjection => (
                "Bezwaar: bezwaar maken tegen het gebruik van je gegevens, en altijd tegen de nieuwsbrief.",
                "Objection: object to the use of your data, and always to the newsletter.",
            ),
            Info::RightWithdrawConsent => (
                "Toestemming intrekken: een gegeven toestemming op elk moment intrekken, ook je inschrijving op de e-maillijst (afmelden).",
                "Withdraw consent: withdraw a consent at any time, including your place on the mailing list (unsubscribe).",
            ),
            Info::NoAutomatedDecisions => (
                "Er worden geen besluiten over je genomen die alleen op geautomatiseerde verwerking berusten, en er is geen profilering.",
                "No decisions about you are made by automated processing alone, and there is no profiling.",
            ),
            Info::Complaint => (
                "Ben je niet tevreden over hoe we met je gegevens omgaan, dan kun je een klacht indienen bij de praktijk of bij de Autoriteit Persoonsgegevens.",
                "If you are not satisfied with how we handle your data, you can complain to the practice or to the Dutch Data Protection Authority (Autoriteit Persoonsgegevens).",
            ),
            Info::ContactThePractice => (
                "Wil je een van deze rechten gebruiken, neem dan contact op met de praktijk. We antwoorden binnen een maand.",
                "To use any of these rights, contact the practice. We answer within one month.",
            ),
        };
        lang.pick(nl, en)
    }
}

/// How to use the rights: write to the practice, by name, at its address.
pub fn contact(lang: Lang, practice: &str, email: &str) -> String {
    match lang {
        Lang::Nl => format!(
            "Wil je een van deze rechten gebruiken, neem dan contact op met {practice} via {email}. We antwoorden binnen een maand."
        ),
        Lang::En => format!(
            "To use any of these rights, contact {practice} at {email}. We answer within one month."
        ),
    }
}

/// Where a place on the mailing list came from, as a source of the data.
pub fn subscription_source(lang: Lang, source: SubscriberSource) -> &'static str {
    let (nl, en) = match source {
        SubscriberSource::Webinar => (
            "Je inschrijving op de e-maillijst: je aanmelding voor een webinar.",
            "Your place on the mailing list: your registration for a webinar.",
        ),
        SubscriberSource::Ebook => (
            "Je inschrijving op de e-maillijst: je download van een e-book.",
            "Your place on the mailing list: your download of an e-book.",
        ),
        SubscriberSource::Quote => (
            "Je inschrijving op de e-maillijst: een geaccepteerde offerte.",
            "Your place on the mailing list: an accepted quote.",
        ),
        SubscriberSource::Manual => (
            "Je inschrijving op de e-maillijst: je uitdrukkelijke toestemming.",
            "Your place on the mailing list: your explicit consent.",
        ),
    };
    lang.pick(nl, en)
}

/// How long the data is kept: each item says so; reports and
/// questionnaire results, the most personal, by their periods (the
/// practice may keep them shorter than the statement's maximum).
pub fn retention(lang: Lang, reports: &str, results: &str) -> String {
    let each = lang.pick(
        "Bij elk gegeven hierboven staat hoe lang het wordt bewaard en op welke dag het uiterlijk wordt verwijderd.",
        "Each item above says how long it is kept and the day it will be deleted at the latest.",
    );
    let documents = match (lang, reports == results) {
        (Lang::Nl, true) => format!(
            "Rapportages en uitslagen van vragenlijsten worden uiterlijk {reports} na het einde van de coaching of training verwijderd."
        ),
        (Lang::Nl, false) => format!(
            "Individuele rapportages worden uiterlijk {reports} en uitslagen van vragenlijsten uiterlijk {results} na het einde van de coaching of training verwijderd."
        ),
        (Lang::En, true) => format!(
            "Reports and questionnaire results are deleted {reports} after the coaching or training ends at the latest."
        ),
        (Lang::En, false) => format!(
            "Individual reports are deleted {reports} and questionnaire results {results} after the coaching or training ends at the latest."
        ),
    };
    format!("{each} {documents}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_retention_names_the_practices_periods_of_reports_and_results() {
        let same = retention(Lang::Nl, "2 maanden", "2 maanden");
        assert!(
            same.ends_with("Rapportages en uitslagen van vragenlijsten worden uiterlijk 2 maanden na het einde van de coaching of training verwijderd."),
            "{same}"
        );
        let shorter = retention(Lang::Nl, "2 maanden", "1 maand");
        assert!(
            shorter.ends_with("Individuele rapportages worden uiterlijk 2 maanden en uitslagen van vragenlijsten uiterlijk 1 maand na het einde van de coaching of training verwijderd."),
            "{shorter}"
        );
        let en = retention(Lang::En, "2 months", "1 month");
        assert!(en.contains("questionnaire results 1 month after"), "{en}");
    }
}
