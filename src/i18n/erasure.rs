//! Why a record stays after an erasure (`ops::rights::erase`), with its
//! name in JSON receipts and its explanation in Dutch and English.

use super::Lang;

/// Why a record stays after an erasure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum KeptReason {
    /// An accepted quote they requested: kept for the fiscal duty, minimal
    /// fields, processing restricted.
    FiscalDuty,
    /// A trajectory other people take part in; only the link to this person
    /// went.
    OtherParticipants,
    /// A quote someone else requested; only this participant went.
    OtherRequester,
    /// The request log; the link to the person went.
    RequestLog,
    /// The complaint log; the link to the person went.
    ComplaintLog,
    /// A keyed hash of their unsubscribed e-mail address, so it is not added
    /// to the mailing list again.
    Suppression,
}

impl KeptReason {
    /// The name in JSON receipts; never changes with the language.
    pub fn name(self) -> &'static str {
        match self {
            KeptReason::FiscalDuty => "fiscal_duty",
            KeptReason::OtherParticipants => "other_participants",
            KeptReason::OtherRequester => "other_requester",
            KeptReason::RequestLog => "request_log",
            KeptReason::ComplaintLog => "complaint_log",
            KeptReason::Suppression => "suppression",
        }
    }

    pub fn explain(self, t: Lang) -> &'static str {
        match self {
            KeptReason::FiscalDuty => t.pick(
                "geaccepteerde offerte: fiscale bewaarplicht (art. 52 AWR); alleen organisatie en bedrag, verwerking beperkt",
                "accepted quote: fiscal retention duty (AWR art. 52); organisation and amount only, processing restricted",
            ),
            KeptReason::OtherParticipants => t.pick(
                "traject van andere deelnemers; alleen de koppeling met deze persoon is weg",
                "trajectory of other participants; only the link to this person went",
            ),
            KeptReason::OtherRequester => t.pick(
                "offerte van een andere aanvrager; alleen deze deelnemer is weg",
                "quote of another requester; only this participant went",
            ),
            KeptReason::RequestLog => t.pick(
                "register van verzoeken; zonder koppeling met de persoon",
                "log of requests; without the link to the person",
            ),
            KeptReason::ComplaintLog => t.pick(
                "register van klachten; zonder koppeling met de persoon",
                "log of complaints; without the link to the person",
            ),
            KeptReason::Suppression => t.pick(
                "alleen een sleutel-hash van het afgemelde e-mailadres, zodat het niet opnieuw op de lijst komt",
                "only a keyed hash of the unsubscribed e-mail address, so it is not added to the list again",
            ),
        }
    }
}
