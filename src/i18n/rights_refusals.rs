//! What a rights operation refused (`ops::rights::RightsError`), as data,
//! and its words in Dutch and English. A refusal carries no content (no
//! names, addresses or text), so it can be shown and logged safely.

use super::Lang;
use crate::domain::Kind;

/// A text field that must not be empty.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Name,
    Email,
    Reason,
    Recipient,
    Purpose,
    What,
    Summary,
    Evidence,
    Message,
}

impl Field {
    fn words(self, lang: Lang) -> &'static str {
        match self {
            Field::Name => lang.pick("de naam", "the name"),
            Field::Email => lang.pick("het e-mailadres", "the e-mail address"),
            Field::Reason => lang.pick("de reden", "the reason"),
            Field::Recipient => lang.pick("de ontvanger", "the recipient"),
            Field::Purpose => lang.pick("het doel", "the purpose"),
            Field::What => lang.pick("wat er verstrekt is", "what was disclosed"),
            Field::Summary => lang.pick("de samenvatting", "the summary"),
            Field::Evidence => lang.pick("het bewijs van toestemming", "the evidence of consent"),
            Field::Message => lang.pick("het bericht", "the message"),
        }
    }
}

/// What a rule refused. Each has one sentence in each language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// No person has that id or e-mail address.
    UnknownPerson,
    /// More than one person has that e-mail address.
    AmbiguousPerson,
    /// No record of this kind has that id.
    UnknownRecord(Kind),
    FieldRequired(Field),
    BadEmail,
    BadAmount,
    /// A date after today.
    DateInFuture,
    /// A date before the event it follows (handled before received,
    /// accepted before sent, withdrawn before given).
    DateTooEarly,
    AlreadyHandled,
    /// A subject request can be extended once only (art. 12(3)).
    AlreadyExtended,
    /// The extension must be announced within the first month (art. 12(3)).
    ExtensionTooLate,
    AlreadyWithdrawn,
    /// P6: no active consent of this person for this recipient.
    NoActiveConsent,
    /// A correction of a consent would leave a disclosure that relied on
    /// it without cover (P6).
    ConsentInUse,
    /// The quote was accepted or declined already.
    QuoteDecided,
    /// The quote is kept only for the fiscal duty after an erasure.
    QuoteRestricted,
    AlreadySubscribed,
    /// P9: unsubscribed before; only new explicit consent adds it again.
    Suppressed,
    /// Subscribers from quotes join only by accepting the quote (P4).
    QuoteSourceReserved,
    /// The command was given nothing to act on.
    NothingToDo,
    /// A control character (an escape code, or a line break in a one-line
    /// field) in what was entered.
    ControlCharacter,
}

impl Refusal {
    pub fn message(self, lang: Lang) -> String {
        let t = lang;
        match self {
            Refusal::UnknownPerson => t
                .pick(
                    "er is geen persoon met dat id of e-mailadres; zoek het id op in het overzicht",
                    "no person has that id or e-mail address; look the id up in the overview",
                )
                .into(),
            Refusal::AmbiguousPerson => t
                .pick(
                    "meer dan één persoon heeft dat e-mailadres; geef het id van de persoon",
                    "more than one person has that e-mail address; give the person's id instead",
                )
                .into(),
            Refusal::UnknownRecord(kind) => format!(
                "{} {kind} {}",
                t.pick("er is geen record van soort", "there is no record of kind"),
                t.pick("met dat id", "with that id")
            ),
            Refusal::FieldRequired(f) => format!(
                "{} {}",
                f.words(t),
                t.pick("mag niet leeg zijn", "must not be empty")
            ),
            Refusal::BadEmail => t
                .pick("dat is geen e-mailadres", "that is not an e-mail address")
                .into(),
            Refusal::BadAmount => t
                .pick(
                    "het bedrag moet in euro's zijn, zoals 2450.00",
                    "the amount must be in euros, like 2450.00",
                )
                .into(),
            Refusal::DateInFuture => t
                .pick("die datum ligt in de toekomst", "that date is in the future")
                .into(),
            Refusal::DateTooEarly => t
                .pick(
                    "die datum is te vroeg: hij ligt vóór de ontvangst, verzending of toestemming waarop hij volgt",
                    "that date is too early: it is before the receipt, sending or consent it follows",
                )
                .into(),
            Refusal::AlreadyHandled => t
                .pick("dit is al afgehandeld", "this has been handled already")
                .into(),
            Refusal::AlreadyExtended => t
                .pick(
                    "een verzoek kan maar één keer worden verlengd (AVG art. 12 lid 3)",
                    "a request can be extended once only (GDPR art. 12(3))",
                )
                .into(),
            Refusal::ExtensionTooLate => t
                .pick(
                    "een verlenging moet binnen de eerste maand worden gemeld (AVG art. 12 lid 3); die termijn is voorbij",
                    "an extension must be announced within the first month (GDPR art. 12(3)); that month has passed",
                )
                .into(),
            Refusal::AlreadyWithdrawn => t
                .pick(
                    "deze toestemming is al ingetrokken",
                    "this consent has been withdrawn already",
                )
                .into(),
            Refusal::NoActiveConsent => t
                .pick(
                    "verstrekking geweigerd: deze persoon heeft geen geldige toestemming gegeven voor deze ontvanger; leg eerst de toestemming vast",
                    "disclosure refused: this person has no active consent for this recipient; record the consent first",
                )
                .into(),
            Refusal::ConsentInUse => t
                .pick(
                    "een verstrekking steunt op deze toestemming; de ontvanger en de data moeten haar blijven dekken",
                    "a disclosure relies on this consent; its recipient and dates must keep covering it",
                )
                .into(),
            Refusal::QuoteDecided => t
                .pick(
                    "deze offerte is al geaccepteerd of afgewezen",
                    "this quote has been accepted or declined already",
                )
                .into(),
            Refusal::QuoteRestricted => t
                .pick(
                    "deze offerte wordt alleen nog bewaard voor de fiscale plicht en mag niet meer worden gebruikt",
                    "this quote is kept only for the fiscal duty and may not be processed further",
                )
                .into(),
            Refusal::AlreadySubscribed => t
                .pick(
                    "dat adres staat al op de e-maillijst",
                    "that address is on the mailing list already",
                )
                .into(),
            Refusal::Suppressed => t
                .pick(
                    "dit adres is eerder afgemeld en wordt niet opnieuw toegevoegd; alleen nieuwe uitdrukkelijke toestemming (bron handmatig, met bewijs) voegt het weer toe",
                    "this address unsubscribed before and is not re-added; only new explicit consent (manual source, with evidence) adds it again",
                )
                .into(),
            Refusal::QuoteSourceReserved => t
                .pick(
                    "abonnees via een offerte komen alleen op de lijst door de offerte te accepteren",
                    "subscribers from a quote join only by accepting that quote",
                )
                .into(),
            Refusal::NothingToDo => t
                .pick("er is niets te doen", "there is nothing to do")
                .into(),
            Refusal::ControlCharacter => t
                .pick(
                    "hier staat een stuurteken in (een escape-code, of een regeleinde in een veld van één regel); haal het weg",
                    "this contains a control character (an escape code, or a line break in a one-line field); remove it",
                )
                .into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_refusal_is_one_sentence_in_each_language() {
        let fields = [
            Field::Name,
            Field::Email,
            Field::Reason,
            Field::Recipient,
            Field::Purpose,
            Field::What,
            Field::Summary,
            Field::Evidence,
            Field::Message,
        ];
        let mut all = vec![
            Refusal::UnknownPerson,
            Refusal::AmbiguousPerson,
            Refusal::ControlCharacter,
            Refusal::UnknownRecord(Kind::Quote),
            Refusal::BadEmail,
            Refusal::BadAmount,
            Refusal::DateInFuture,
            Refusal::DateTooEarly,
            Refusal::AlreadyHandled,
            Refusal::AlreadyExtended,
            Refusal::ExtensionTooLate,
            Refusal::AlreadyWithdrawn,
            Refusal::NoActiveConsent,
            Refusal::ConsentInUse,
            Refusal::QuoteDecided,
            Refusal::QuoteRestricted,
            Refusal::AlreadySubscribed,
            Refusal::Suppressed,
            Refusal::QuoteSourceReserved,
            Refusal::NothingToDo,
        ];
        all.extend(fields.map(Refusal::FieldRequired));
        for r in all {
            for lang in [Lang::Nl, Lang::En] {
                let m = r.message(lang);
                assert!(!m.is_empty() && !m.contains('\n'), "{r:?}");
                assert!(!m.ends_with('.'), "{r:?}: {m}");
            }
            assert_ne!(r.message(Lang::Nl), r.message(Lang::En), "{r:?}");
        }
    }
}
