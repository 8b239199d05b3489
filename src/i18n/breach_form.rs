//! The words for the answers of the AP's notification form on a breach
//! (DESIGN.md §6, §13.3): the kind of notification, the nature of the
//! breach, the categories of data and of people, and the damage. As in
//! `breach`, the methods sit on the domain's own types.

use super::Lang;
use crate::domain::breach::{
    Damage, Nature, NotificationKind, SensitiveData, SpecialCategory, SubjectCategory,
};

impl NotificationKind {
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            NotificationKind::New => lang.pick("nieuwe melding", "new notification"),
            NotificationKind::FollowUp => lang.pick(
                "vervolgmelding (aanvulling of wijziging van een eerdere melding)",
                "follow-up (addition to or amendment of an earlier notification)",
            ),
        }
    }
}

impl Nature {
    pub fn label(self, lang: Lang) -> &'static str {
        let (nl, en) = match self {
            Nature::Read => ("lezen (inzien)", "reading (seen)"),
            Nature::Copied => ("kopiëren", "copying"),
            Nature::Altered => ("veranderen", "altering"),
            Nature::Deleted => ("verwijderen", "deleting"),
            Nature::Destroyed => ("vernietigen", "destroying"),
            Nature::Stolen => ("diefstal", "theft"),
            Nature::Lost => ("verlies", "loss"),
            Nature::Other => ("anders", "other"),
        };
        lang.pick(nl, en)
    }
}

impl SpecialCategory {
    pub fn label(self, lang: Lang) -> &'static str {
        let (nl, en) = match self {
            SpecialCategory::RacialOrEthnicOrigin => {
                ("ras of etnische afkomst", "racial or ethnic origin")
            }
            SpecialCategory::PoliticalOpinions => ("politieke opvattingen", "political opinions"),
            SpecialCategory::ReligiousOrPhilosophicalBeliefs => (
                "religieuze of levensbeschouwelijke overtuigingen",
                "religious or philosophical beliefs",
            ),
            SpecialCategory::TradeUnionMembership => {
                ("lidmaatschap van een vakbond", "trade union membership")
            }
            SpecialCategory::Genetic => ("genetische gegevens", "genetic data"),
            SpecialCategory::Biometric => (
                "biometrische gegevens (voor identificatie)",
                "biometric data (for identification)",
            ),
            SpecialCategory::Health => ("gezondheid", "health"),
            SpecialCategory::SexLifeOrOrientation => (
                "seksueel gedrag of seksuele gerichtheid",
                "sex life or sexual orientation",
            ),
            SpecialCategory::Criminal => (
                "strafrechtelijke gegevens (art. 10 AVG)",
                "criminal convictions and offences (GDPR art. 10)",
            ),
        };
        lang.pick(nl, en)
    }
}

impl SensitiveData {
    pub fn label(self, lang: Lang) -> &'static str {
        let (nl, en) = match self {
            SensitiveData::CoachingContent => ("inhoud van coaching", "coaching content"),
            SensitiveData::QuestionnaireResults => {
                ("uitslagen van vragenlijsten", "questionnaire results")
            }
            SensitiveData::Financial => ("financiële gegevens", "financial data"),
            SensitiveData::IdentityNumbers => (
                "identiteitsnummers (zoals het BSN)",
                "identity numbers (such as the BSN)",
            ),
            SensitiveData::LoginDetails => (
                "inloggegevens of wachtwoorden",
                "login details or passwords",
            ),
        };
        lang.pick(nl, en)
    }
}

impl SubjectCategory {
    pub fn label(self, lang: Lang) -> &'static str {
        let (nl, en) = match self {
            SubjectCategory::Participants => (
                "deelnemers aan coaching of training",
                "coaching or training participants",
            ),
            SubjectCategory::Requesters => (
                "aanvragers (opdrachtgevers) van trajecten",
                "requesters (clients) of trajectories",
            ),
            SubjectCategory::Prospects => ("mensen die contact opnamen", "people who made contact"),
            SubjectCategory::Subscribers => {
                ("abonnees van de nieuwsbrief", "newsletter subscribers")
            }
            SubjectCategory::TeamMembers => (
                "leden van teams uit adviesrapporten",
                "members of teams in team reports",
            ),
            SubjectCategory::Other => ("anderen", "others"),
        };
        lang.pick(nl, en)
    }
}

impl Damage {
    pub fn label(self, lang: Lang) -> &'static str {
        let (nl, en) = match self {
            Damage::Physical => ("lichamelijke schade", "physical damage"),
            Damage::Material => (
                "materiële schade (zoals financieel verlies)",
                "material damage (such as financial loss)",
            ),
            Damage::Immaterial => (
                "immateriële schade (zoals reputatieschade, discriminatie, angst)",
                "non-material damage (such as damage to reputation, discrimination, distress)",
            ),
        };
        lang.pick(nl, en)
    }
}
