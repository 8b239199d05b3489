//! The questions of a breach's risk assessment (DESIGN.md §6), in Dutch
//! and English. `ops::breach::QUESTIONS` pairs each with its contract
//! field and how it is answered.

use super::Lang;

/// One question, named after its contract field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Question {
    Confidentiality,
    Integrity,
    Availability,
    UnavailableFor,
    Unintelligible,
    RecipientTrusted,
    SpecialCategories,
    Subjects,
    Identifiable,
    Consequences,
}

impl Question {
    pub fn text(self, lang: Lang) -> &'static str {
        let (nl, en) = match self {
            Question::Confidentiality => (
                "Zijn gegevens terechtgekomen bij iemand die ze niet mocht zien (vertrouwelijkheid)?",
                "Did data reach someone who should not see it (confidentiality)?",
            ),
            Question::Integrity => (
                "Zijn gegevens zonder toestemming gewijzigd of beschadigd (integriteit)?",
                "Was data altered or damaged without authorisation (integrity)?",
            ),
            Question::Availability => (
                "Waren gegevens kwijt of niet te gebruiken (beschikbaarheid)?",
                "Was data lost or unusable (availability)?",
            ),
            Question::UnavailableFor => (
                "Hoe lang waren de gegevens onbeschikbaar?",
                "For how long was the data unavailable?",
            ),
            Question::Unintelligible => (
                "Waren de gegevens versleuteld of gehasht met een degelijke methode, zonder dat de sleutel is gelekt?",
                "Was the data encrypted or hashed with a sound method, with the key not compromised?",
            ),
            Question::RecipientTrusted => (
                "Kwamen de gegevens bij een bekende, betrouwbare ontvanger die heeft bevestigd ze te hebben verwijderd?",
                "Did the data reach a known, trusted recipient who confirmed deleting it?",
            ),
            Question::SpecialCategories => (
                "Gaat het om bijzondere of gevoelige gegevens (gezondheid, coachinginhoud, uitslagen van vragenlijsten, identiteitsnummers, financiële gegevens)?",
                "Is the data sensitive (health, coaching content, questionnaire results, ID numbers, financial data)?",
            ),
            Question::Subjects => (
                "Om ongeveer hoeveel personen gaat het?",
                "About how many people are affected?",
            ),
            Question::Identifiable => (
                "Zijn de betrokkenen makkelijk te identificeren uit de gegevens?",
                "Are the people affected easy to identify from the data?",
            ),
            Question::Consequences => (
                "Wat is het ergste waarschijnlijke gevolg voor de betrokkenen?",
                "What is the worst likely effect on the people affected?",
            ),
        };
        lang.pick(nl, en)
    }
}
