//! The words for the processing activities of `domain::processing`: their
//! names, purposes, data, legal bases and how long they keep data, in Dutch
//! and English, shared by the record of processing, the privacy statement
//! and the access export.

use super::Lang;
use super::practice::{period, rule_subject};
use crate::domain::practice::Practice;
use crate::domain::processing::{Kept, LegalBasis, Processing};
use crate::domain::retention::Periods;

impl Processing {
    pub fn title(self, lang: Lang) -> &'static str {
        let (nl, en) = match self {
            Processing::Coaching => (
                "Coaching- en trainingstrajecten, met rapportages en uitslagen van vragenlijsten",
                "Coaching and training trajectories, with their reports and questionnaire results",
            ),
            Processing::TeamReports => (
                "Adviesrapporten over teamvraagstukken",
                "Team advisory reports",
            ),
            Processing::ContactRequests => ("Contactaanvragen", "Contact requests"),
            Processing::Quotes => (
                "Offertes en de administratie",
                "Quotes and the administration",
            ),
            Processing::Newsletter => (
                "Nieuwsbrief en aankondigingen van webinars",
                "Newsletter and webinar announcements",
            ),
            Processing::Disclosures => (
                "Verstrekking aan derden met toestemming",
                "Disclosure to third parties with consent",
            ),
            Processing::Requests => (
                "Verzoeken over persoonsgegevens en klachten",
                "Requests about personal data and complaints",
            ),
            Processing::Breaches => ("Register van datalekken", "Breach register"),
        };
        lang.pick(nl, en)
    }

    pub fn purpose(self, lang: Lang) -> &'static str {
        let (nl, en) = match self {
            Processing::Coaching => (
                "De coaching of training geven en begeleiden, en de deelnemer er verslag van doen.",
                "Giving and guiding the coaching or training, and reporting on it to the participant.",
            ),
            Processing::TeamReports => (
                "Een organisatie adviseren over een vraagstuk in een team.",
                "Advising an organisation on an issue in a team.",
            ),
            Processing::ContactRequests => (
                "Alleen het eerste contact: de vraag beantwoorden en een afspraak of offerte voorbereiden.",
                "The first contact only: answering the question and preparing an appointment or a quote.",
            ),
            Processing::Quotes => (
                "Een offerte maken en opvolgen; van een geaccepteerde offerte de administratie bijhouden die de fiscale bewaarplicht vraagt.",
                "Making and following up a quote; for an accepted quote, keeping the administration the fiscal retention duty requires.",
            ),
            Processing::Newsletter => (
                "De nieuwsbrief en aankondigingen van webinars sturen aan wie zich aanmeldde (webinar, e-book) of klant werd (geaccepteerde offerte).",
                "Sending the newsletter and webinar announcements to whoever signed up (webinar, e-book) or became a customer (accepted quote).",
            ),
            Processing::Disclosures => (
                "Gegevens aan een derde geven, alleen met uitdrukkelijke toestemming van de persoon voor die ontvanger.",
                "Giving data to a third party, only with the person's explicit consent for that recipient.",
            ),
            Processing::Requests => (
                "Verzoeken om inzage, correctie, verwijdering, beperking, overdracht of bezwaar afhandelen, en klachten.",
                "Handling requests for access, rectification, erasure, restriction, portability or objection, and complaints.",
            ),
            Processing::Breaches => (
                "Datalekken vastleggen, beoordelen en zo nodig melden (art. 33 en 34 AVG).",
                "Recording, assessing and where needed notifying data breaches (GDPR art. 33 and 34).",
            ),
        };
        lang.pick(nl, en)
    }

    pub fn data(self, lang: Lang) -> &'static str {
        let (nl, en) = match self {
            Processing::Coaching => (
                "Naam, e-mailadres, telefoon, organisatie; soort, titel en data van het traject; de inhoud van rapportages en uitslagen van vragenlijsten (gevoelig, geen bijzondere persoonsgegevens van art. 9 tenzij de deelnemer die zelf inbrengt).",
                "Name, e-mail address, phone, organisation; kind, title and dates of the trajectory; the content of reports and questionnaire results (sensitive, not an art. 9 special category unless the participant brings one in).",
            ),
            Processing::TeamReports => (
                "Organisatie, team, titel, opleverdatum en de inhoud van het rapport (versleuteld met een eigen wachtwoord).",
                "Organisation, team, title, delivery date and the report's content (encrypted under its own password).",
            ),
            Processing::ContactRequests => (
                "Naam, e-mailadres, telefoon en het bericht.",
                "Name, e-mail address, phone and the message.",
            ),
            Processing::Quotes => (
                "Aanvrager, deelnemers, bedrag en data; na afloop van een traject alleen de organisatie en het bedrag.",
                "Requester, participants, amount and dates; once the person is removed, only the organisation and the amount.",
            ),
            Processing::Newsletter => (
                "E-mailadres, naam, bron en bewijs van aanmelding; na afmelden alleen een sleutel-hash van het adres.",
                "E-mail address, name, source and evidence of the sign-up; after unsubscribing only a keyed hash of the address.",
            ),
            Processing::Disclosures => (
                "De toestemming (ontvanger, doel, data) en wat er wanneer aan wie verstrekt is.",
                "The consent (recipient, purpose, dates) and what was disclosed to whom and when.",
            ),
            Processing::Requests => (
                "De persoon, soort verzoek, data en afhandeling; bij een klacht een samenvatting.",
                "The person, kind of request, dates and handling; for a complaint a summary.",
            ),
            Processing::Breaches => (
                "Feiten, gevolgen en maatregelen, met aantallen en categorieën; geen namen van betrokkenen.",
                "Facts, effects and measures, with counts and categories; no names of the people affected.",
            ),
        };
        lang.pick(nl, en)
    }

    /// Whether giving the data is required, and what follows if not
    /// (art. 13(2)(e)).
    pub fn required(self, lang: Lang) -> &'static str {
        let (nl, en) = match self {
            Processing::Coaching | Processing::TeamReports | Processing::Quotes => (
                "Nodig om de overeenkomst uit te voeren: zonder deze gegevens kan de coaching, training of opdracht niet doorgaan.",
                "Needed to perform the agreement: without this data the coaching, training or assignment cannot go ahead.",
            ),
            Processing::ContactRequests => (
                "Vrijwillig; zonder contactgegevens kunnen we niet antwoorden.",
                "Voluntary; without contact details we cannot answer.",
            ),
            Processing::Newsletter | Processing::Disclosures => (
                "Vrijwillig; niet meedoen heeft geen gevolgen voor de coaching of training.",
                "Voluntary; not taking part has no effect on the coaching or training.",
            ),
            Processing::Requests => (
                "Nodig om je verzoek of klacht af te handelen.",
                "Needed to handle your request or complaint.",
            ),
            Processing::Breaches => (
                "Een wettelijke plicht van de praktijk.",
                "A legal duty of the practice.",
            ),
        };
        lang.pick(nl, en)
    }

    /// How long its data is kept, from the periods kluis enforces.
    pub fn retention(self, lang: Lang, periods: &Periods) -> Vec<String> {
        match self.kept() {
            Kept::ByRules => self
                .rules()
                .iter()
                .map(|r| {
                    format!(
                        "{}: {}",
                        capitalised(rule_subject(lang, *r)),
                        period(lang, *r, periods.months(*r))
                    )
                })
                .collect(),
            Kept::UntilUnsubscribed => vec![
                lang.pick(
                    "Tot afmelden; daarna blijft alleen een sleutel-hash van het adres, zodat het niet per ongeluk opnieuw wordt toegevoegd.",
                    "Until unsubscribing; after that only a keyed hash of the address stays, so it is not added again by mistake.",
                )
                .to_string(),
            ],
            Kept::WithThePerson => vec![
                lang.pick(
                    "Zolang de gegevens van de persoon zelf bewaard worden, en samen daarmee verwijderd.",
                    "As long as the person's own record is kept, and removed with it.",
                )
                .to_string(),
            ],
            Kept::ForGood => vec![
                lang.pick(
                    "Blijvend (art. 33 lid 5 AVG); het register bevat geen namen van betrokkenen.",
                    "Kept for good (GDPR art. 33(5)); the register holds no names of the people affected.",
                )
                .to_string(),
            ],
        }
    }

    /// Who receives its data besides the practice: the actual recipients.
    pub fn recipients(self, lang: Lang, practice: &Practice, disclosed_to: &[String]) -> String {
        let processors = |newsletter: bool| -> Vec<String> {
            practice
                .processors
                .iter()
                .filter(|p| is_newsletter(&p.service) == newsletter)
                .map(|p| {
                    let what = match lang {
                        Lang::Nl => "verwerker",
                        Lang::En => "processor",
                    };
                    format!("{} ({what}, {}, {})", p.name, p.service, p.country)
                })
                .collect()
        };
        let mut out = processors(false);
        match self {
            Processing::Newsletter => out.extend(processors(true)),
            Processing::Disclosures => out.extend(disclosed_to.iter().cloned()),
            _ => {}
        }
        if out.is_empty() {
            lang.pick(
                "Niemand buiten de praktijk.",
                "Nobody outside the practice.",
            )
            .to_string()
        } else {
            out.join("; ")
        }
    }
}

/// A processor that sends the newsletter (by its service's name).
fn is_newsletter(service: &str) -> bool {
    let s = service.to_lowercase();
    ["newsletter", "nieuwsbrief", "mail"]
        .iter()
        .any(|w| s.contains(w))
}

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

impl LegalBasis {
    pub fn label(self, lang: Lang) -> String {
        let (nl, en) = match self {
            LegalBasis::Consent => ("toestemming", "consent"),
            LegalBasis::Contract => (
                "uitvoering van een overeenkomst (of de stappen ervoor, op verzoek)",
                "performance of a contract (or the steps before one, on request)",
            ),
            LegalBasis::LegalObligation => ("wettelijke plicht", "legal obligation"),
            LegalBasis::LegitimateInterest => ("gerechtvaardigd belang", "legitimate interest"),
        };
        let art = match lang {
            Lang::Nl => self
                .article()
                .replace("art. 6(1)(", "art. 6 lid 1 onder ")
                .replace(')', ""),
            Lang::En => format!("GDPR {}", self.article()),
        };
        format!("{} ({art}{})", lang.pick(nl, en), lang.pick(" AVG", ""))
    }
}

/// The bases of a processing in one line.
pub fn bases(lang: Lang, p: Processing) -> String {
    p.bases()
        .iter()
        .map(|b| b.label(lang))
        .collect::<Vec<_>>()
        .join("; ")
}

/// Transfers outside the EEA, or that there are none.
pub fn transfers(lang: Lang, practice: &Practice) -> String {
    let outside = practice.processors_outside_eea();
    if outside.is_empty() {
        lang.pick(
            "Er worden geen gegevens buiten de Europese Economische Ruimte (EER) doorgegeven.",
            "No data is transferred outside the European Economic Area (EEA).",
        )
        .to_string()
    } else {
        let names: Vec<String> = outside
            .iter()
            .map(|p| format!("{} ({})", p.name, p.country.to_uppercase()))
            .collect();
        match lang {
            Lang::Nl => format!(
                "Gegevens gaan naar buiten de Europese Economische Ruimte (EER), via: {}. Zo'n doorgifte vraagt een grondslag van hoofdstuk V AVG (zoals een adequaatheidsbesluit of modelcontractbepalingen).",
                names.join(", ")
            ),
            Lang::En => format!(
                "Data goes outside the European Economic Area (EEA), through: {}. Such a transfer needs a basis of GDPR chapter V (such as an adequacy decision or standard contractual clauses).",
                names.join(", ")
            ),
        }
    }
}
