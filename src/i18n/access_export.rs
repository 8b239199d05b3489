//! The access export as the person reads it (GDPR art. 15, P8), in Dutch
//! and English: the headings and labels of its Markdown, its sentences with
//! a date or a name in them, where each record came from and how long it
//! is kept. The art. 15 information at its end is `access_info`; the
//! coach's side of an export (the names of others) is `export`.

use super::Lang;
use crate::domain::records::SubscriberSource;

/// A section heading of the Markdown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Heading {
    Controller,
    AboutYou,
    Trajectories,
    Documents,
    Quotes,
    ContactRequests,
    MailingList,
    Consents,
    Disclosures,
    Requests,
    Complaints,
    WhatWeDo,
    Purposes,
    Categories,
    Recipients,
    Transfers,
    Retention,
    Sources,
    AutomatedDecisions,
    Rights,
    MakingAComplaint,
}

impl Heading {
    pub fn get(self, lang: Lang) -> &'static str {
        let (nl, en) = match self {
            Heading::Controller => (
                "Wie verantwoordelijk is voor je gegevens",
                "Who is responsible for your data",
            ),
            Heading::AboutYou => ("Over jou", "About you"),
            Heading::Trajectories => ("Coaching en training", "Coaching and training"),
            Heading::Documents => (
                "Je rapportages en uitslagen",
                "Your reports and questionnaire results",
            ),
            Heading::Quotes => ("Offertes", "Quotes"),
            Heading::ContactRequests => ("Je contactaanvragen", "Your contact requests"),
            Heading::MailingList => ("E-maillijst", "Mailing list"),
            Heading::Consents => ("Je toestemmingen om te delen", "Your consents to share"),
            Heading::Disclosures => ("Gedeeld met anderen", "Shared with others"),
            Heading::Requests => ("Je verzoeken", "Your requests"),
            Heading::Complaints => ("Je klachten", "Your complaints"),
            Heading::WhatWeDo => ("Wat we met je gegevens doen", "What we do with your data"),
            Heading::Purposes => ("Waarvoor", "Purposes"),
            Heading::Categories => ("Welke gegevens", "Categories of data"),
            Heading::Recipients => ("Met wie ze worden gedeeld", "Who receives them"),
            Heading::Transfers => ("Doorgifte buiten de EER", "Transfers outside the EEA"),
            Heading::Retention => ("Hoe lang we ze bewaren", "How long we keep them"),
            Heading::Sources => ("Waar ze vandaan komen", "Where they came from"),
            Heading::AutomatedDecisions => ("Geautomatiseerde besluiten", "Automated decisions"),
            Heading::Rights => ("Je rechten", "Your rights"),
            Heading::MakingAComplaint => ("Een klacht indienen", "Making a complaint"),
        };
        lang.pick(nl, en)
    }
}

/// The label of an item (`- **Label:** value`), or a fixed value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Label {
    NotFilledIn,
    Practice,
    Address,
    Kvk,
    Email,
    Phone,
    ContactPerson,
    Dpo,
    Name,
    EmailAddress,
    Organisation,
    InRecordsSince,
    Kept,
    Kind,
    YourRole,
    Started,
    Completed,
    WithOthers,
    OthersNotShown,
    Source,
    Trajectory,
    MadeOn,
    Amount,
    Accepted,
    Declined,
    Restricted,
    KeptForFiscalDuty,
    FirstContact,
    SubscribedThrough,
    Recorded,
    SubscribedOn,
    Purpose,
    GivenOn,
    WithdrawnOn,
    What,
    On,
    ReceivedOn,
    AnswerDue,
    ExtendedBecause,
    HandledOn,
    Summary,
    ReferredToAp,
    LegalBasis,
    Yes,
    No,
}

impl Label {
    pub fn get(self, lang: Lang) -> &'static str {
        let (nl, en) = match self {
            Label::NotFilledIn => ("_(nog niet ingevuld)_", "_(not filled in yet)_"),
            Label::Practice => ("Praktijk", "Practice"),
            Label::Address => ("Adres", "Address"),
            Label::Kvk => ("KvK-nummer", "Chamber of Commerce (KvK) number"),
            Label::Email => ("E-mail", "E-mail"),
            Label::Phone => ("Telefoon", "Phone"),
            Label::ContactPerson => ("Contactpersoon", "Contact person"),
            Label::Dpo => (
                "Functionaris gegevensbescherming",
                "Data protection officer",
            ),
            Label::Name => ("Naam", "Name"),
            Label::EmailAddress => ("E-mailadres", "E-mail address"),
            Label::Organisation => ("Organisatie", "Organisation"),
            Label::InRecordsSince => ("In ons bestand sinds", "In our records since"),
            Label::Kept => ("Bewaard", "Kept"),
            Label::Kind => ("Soort", "Kind"),
            Label::YourRole => ("Jouw rol", "Your role"),
            Label::Started => ("Begonnen", "Started"),
            Label::Completed => ("Afgerond", "Completed"),
            Label::WithOthers => ("Met anderen", "With others"),
            Label::OthersNotShown => (
                "ook anderen nemen eraan deel of hebben het aangevraagd; hun gegevens staan niet in dit overzicht",
                "other people take part in it or requested it; their details are not part of this overview",
            ),
            Label::Source => ("Bron", "Source"),
            Label::Trajectory => ("Traject", "Trajectory"),
            Label::MadeOn => ("Gemaakt op", "Made on"),
            Label::Amount => ("Bedrag", "Amount"),
            Label::Accepted => ("Geaccepteerd", "Accepted"),
            Label::Declined => ("Afgewezen", "Declined"),
            Label::Restricted => ("Beperkt", "Restricted"),
            Label::KeptForFiscalDuty => (
                "alleen nog bewaard voor de fiscale bewaarplicht",
                "kept only for the fiscal retention duty",
            ),
            Label::FirstContact => ("Eerste contact", "First contact"),
            Label::SubscribedThrough => ("Ingeschreven via", "Subscribed through"),
            Label::Recorded => ("Vastgelegd", "Recorded"),
            Label::SubscribedOn => ("Ingeschreven op", "Subscribed on"),
            Label::Purpose => ("Doel", "Purpose"),
            Label::GivenOn => ("Gegeven op", "Given on"),
            Label::WithdrawnOn => ("Ingetrokken op", "Withdrawn on"),
            Label::What => ("Wat", "What"),
            Label::On => ("Op", "On"),
            Label::ReceivedOn => ("Ontvangen op", "Received on"),
            Label::AnswerDue => ("Antwoord uiterlijk", "Answer due"),
            Label::ExtendedBecause => ("Verlengd, omdat", "Extended, because"),
            Label::HandledOn => ("Afgehandeld op", "Handled on"),
            Label::Summary => ("Samenvatting", "Summary"),
            Label::ReferredToAp => (
                "Doorverwezen naar de Autoriteit Persoonsgegevens",
                "Referred to the Autoriteit Persoonsgegevens",
            ),
            Label::LegalBasis => ("Grondslag", "Legal basis"),
            Label::Yes => ("ja", "yes"),
            Label::No => ("nee", "no"),
        };
        lang.pick(nl, en)
    }
}

/// The document's title, with the person's name.
pub fn title(lang: Lang, name: &str) -> String {
    match lang {
        Lang::Nl => format!("Jouw gegevens: {name}"),
        Lang::En => format!("Your personal data: {name}"),
    }
}

/// The opening paragraph, with the day the export was made.
pub fn opening(lang: Lang, made_on: &str) -> String {
    match lang {
        Lang::Nl => format!(
            "Opgesteld op {made_on}. Dit is een volledig overzicht van alle gegevens die de praktijk over jou bewaart, met wat de AVG (artikel 15) daarbij vraagt: waarvoor we ze gebruiken, met wie ze worden gedeeld, hoe lang we ze bewaren, waar ze vandaan komen en welke rechten je hebt."
        ),
        Lang::En => format!(
            "Made on {made_on}. This is a complete overview of all the data the practice keeps about you, with what the GDPR (article 15) asks for beside it: what we use it for, who it is shared with, how long we keep it, where it came from and which rights you have."
        ),
    }
}

/// How long a record is kept, once its last day is known.
pub fn kept_until(lang: Lang, day: &str, rule: &str) -> String {
    match lang {
        Lang::Nl => format!("tot uiterlijk {day} — {rule}"),
        Lang::En => format!("until {day} — {rule}"),
    }
}

pub fn quote_of(lang: Lang, sent_on: &str) -> String {
    match lang {
        Lang::Nl => format!("Offerte van {sent_on}"),
        Lang::En => format!("Quote of {sent_on}"),
    }
}

pub fn request_of_kind(lang: Lang, kind: &str) -> String {
    match lang {
        Lang::Nl => format!("Verzoek: {kind}"),
        Lang::En => format!("Request: {kind}"),
    }
}

pub fn complaint_of(lang: Lang, received_on: &str) -> String {
    match lang {
        Lang::Nl => format!("Klacht van {received_on}"),
        Lang::En => format!("Complaint of {received_on}"),
    }
}

/// What is left after unsubscribing: a keyed hash of the address (DESIGN.md
/// §5, HMAC of the normalised address), which is no encryption: nothing
/// decrypts it, it only recognises the same address when it comes in again.
pub fn unsubscribed(lang: Lang, on: &str) -> String {
    match lang {
        Lang::Nl => format!(
            "Je hebt je afgemeld op {on}. Voor de e-maillijst bewaren we je adres niet meer, alleen een code die met een geheime sleutel uit je adres is berekend (een keyed hash). Uit die code is je adres niet terug te halen; we zien er alleen aan of een adres dat opnieuw binnenkomt het jouwe is, zodat je niet per ongeluk opnieuw wordt toegevoegd."
        ),
        Lang::En => format!(
            "You unsubscribed on {on}. For the mailing list we no longer keep your address, only a code computed from it with a secret key (a keyed hash). Your address cannot be read back from that code; it only tells us whether an address that comes in again is yours, so you are not added again by mistake."
        ),
    }
}

/// The article of a right, after its text: "artikel 15 AVG", "artikel 7
/// lid 3 AVG", "GDPR article 7(3)" (`article` as JSON has it: `7(3)`).
pub fn article(lang: Lang, article: &str) -> String {
    match lang {
        Lang::Nl => match article.strip_suffix(')').and_then(|a| a.split_once('(')) {
            Some((number, paragraph)) => format!("artikel {number} lid {paragraph} AVG"),
            None => format!("artikel {article} AVG"),
        },
        Lang::En => format!("GDPR article {article}"),
    }
}

/// How a subscription came about, in a few words.
pub fn subscribed_through(lang: Lang, source: SubscriberSource) -> &'static str {
    let (nl, en) = match source {
        SubscriberSource::Webinar => ("aanmelding voor een webinar", "webinar registration"),
        SubscriberSource::Ebook => ("download van een e-book", "e-book download"),
        SubscriberSource::Quote => ("geaccepteerde offerte", "accepted quote"),
        SubscriberSource::Manual => ("uitdrukkelijke toestemming", "explicit consent"),
    };
    lang.pick(nl, en)
}

/// Where a record came from (art. 15(1)(g)), when no name is in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// A trajectory the person asked for.
    OwnRequest,
    /// A trajectory without a requester.
    FromYou,
    /// A report or a questionnaire result.
    ByTheCoach,
    /// A quote the person asked for.
    OwnQuoteRequest,
    ContactForm,
}

impl Source {
    pub fn get(self, lang: Lang) -> &'static str {
        let (nl, en) = match self {
            Source::OwnRequest => ("Je eigen aanvraag.", "Your own request."),
            Source::FromYou => (
                "Van jezelf, bij het begin van je traject.",
                "From you, when your trajectory began.",
            ),
            Source::ByTheCoach => (
                "Geschreven door de coach tijdens je traject, op basis van wat jij inbracht en invulde.",
                "Written by the coach during your trajectory, from what you shared and filled in.",
            ),
            Source::OwnQuoteRequest => {
                ("Je eigen offerteaanvraag.", "Your own request for a quote.")
            }
            Source::ContactForm => (
                "Je bericht via het contactformulier.",
                "Your message through the contact form.",
            ),
        };
        lang.pick(nl, en)
    }
}

/// A trajectory someone else (`who`: an organisation or a name) asked for.
pub fn requested_by(lang: Lang, who: &str) -> String {
    match lang {
        Lang::Nl => format!("Aangevraagd voor jou door {who}."),
        Lang::En => format!("Requested for you by {who}."),
    }
}

/// A quote someone else (`who`) asked for.
pub fn quote_requested_by(lang: Lang, who: &str) -> String {
    match lang {
        Lang::Nl => format!("De offerteaanvraag van {who}."),
        Lang::En => format!("The request for a quote by {who}."),
    }
}

/// How long a record is kept, when it is not a period of the retention
/// table (those read as the privacy statement words them,
/// `practice::period`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kept {
    /// The person's own details.
    AsLongAsNeeded,
    /// Added to `AsLongAsNeeded` while something still runs.
    NoDateYet,
    /// Added to a period whose clock has not started.
    NotStarted,
    UntilUnsubscribed,
    /// Consents and disclosures.
    WithYourDetails,
}

impl Kept {
    pub fn get(self, lang: Lang) -> &'static str {
        let (nl, en) = match self {
            Kept::AsLongAsNeeded => (
                "zolang je traject, offerte of verzoek je gegevens nodig heeft (zie hieronder), en daarna niet langer",
                "as long as your trajectory, quote or request needs your details (see below), and no longer",
            ),
            Kept::NoDateYet => (
                " (er loopt nog iets, dus er is nog geen datum)",
                " (something is still running, so there is no date yet)",
            ),
            Kept::NotStarted => (
                " (die termijn is nog niet begonnen)",
                " (that period has not started yet)",
            ),
            Kept::UntilUnsubscribed => ("tot je je afmeldt", "until you unsubscribe"),
            Kept::WithYourDetails => (
                "zolang je andere gegevens worden bewaard",
                "as long as your other details are kept",
            ),
        };
        lang.pick(nl, en)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dutch_cites_the_article_before_the_avg_with_lid_for_a_paragraph() {
        assert_eq!(article(Lang::Nl, "15"), "artikel 15 AVG");
        assert_eq!(article(Lang::Nl, "7(3)"), "artikel 7 lid 3 AVG");
        assert_eq!(article(Lang::En, "7(3)"), "GDPR article 7(3)");
    }
}
