//! Why a breach operation was refused (`ops::breach::BreachError`), in
//! Dutch and English: one sentence that says what is wrong and what to do.
//! A sentence names ids, steps (by their stable key) and paths, never what
//! was entered.

use super::Lang;

/// A refusal that needs no value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BreachText {
    EmptyTitle,
    ControlCharacter,
    EndsBeforeStart,
    RangeReversed,
    NotAssessed,
}

impl BreachText {
    pub fn get(self, lang: Lang) -> &'static str {
        let (nl, en) = match self {
            BreachText::EmptyTitle => (
                "Een datalek heeft een titel nodig; geef een korte omschrijving.",
                "A breach needs a title; give a short description.",
            ),
            BreachText::ControlCharacter => (
                "Er staat een stuurteken in (een escape-code, of een regeleinde in de titel, een categorie, de contactpersoon of het kenmerk); haal het weg.",
                "A field contains a control character (an escape code, or a line break in the title, a category, the contact person or the reference); remove it.",
            ),
            BreachText::EndsBeforeStart => (
                "Het einde van het lek ligt voor het begin; controleer beide tijden.",
                "The end of the breach lies before its start; check both times.",
            ),
            BreachText::RangeReversed => (
                "Het minimum aantal betrokkenen is groter dan het maximum; controleer beide.",
                "The fewest people affected is more than the most; check both.",
            ),
            BreachText::NotAssessed => (
                "De risicobeoordeling wordt afgevinkt door de vragen te beantwoorden.",
                "The risk assessment is ticked by answering its questions.",
            ),
        };
        lang.pick(nl, en)
    }
}

pub fn not_found(lang: Lang, id: &str) -> String {
    match lang {
        Lang::Nl => format!("Er is geen datalek met nummer {id}."),
        Lang::En => format!("There is no breach with id {id}."),
    }
}

/// Which time lies in the future: the discovery, or the step with this key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Late<'a> {
    Discovery,
    Step(&'a str),
}

/// A time after `now` (written as RFC 3339).
pub fn in_future(lang: Lang, what: Late<'_>, now: &str) -> String {
    let what = match (what, lang) {
        (Late::Discovery, Lang::Nl) => "Het moment van ontdekking".to_string(),
        (Late::Discovery, Lang::En) => "The discovery time".to_string(),
        (Late::Step(step), Lang::Nl) => format!("De tijd van stap {step}"),
        (Late::Step(step), Lang::En) => format!("The time of step {step}"),
    };
    match lang {
        Lang::Nl => format!(
            "{what} ligt in de toekomst (nu is het {now}); geef een moment dat al voorbij is."
        ),
        Lang::En => {
            format!("{what} lies in the future (it is now {now}); give a moment that has passed.")
        }
    }
}

pub fn needs_reason(lang: Lang, step: &str) -> String {
    match lang {
        Lang::Nl => {
            format!("Leg vast waarom stap {step} niet wordt gezet; de reden mag niet leeg zijn.")
        }
        Lang::En => format!("Record why step {step} is not taken; the reason must not be empty."),
    }
}

pub fn cannot_decline(lang: Lang, step: &str) -> String {
    match lang {
        Lang::Nl => format!(
            "Stap {step} kan niet met een reden worden overgeslagen; alleen authority_notified en people_informed kunnen dat."
        ),
        Lang::En => format!(
            "Step {step} cannot be declined with a reason; only authority_notified and people_informed can."
        ),
    }
}

pub fn already_done(lang: Lang, step: &str) -> String {
    match lang {
        Lang::Nl => {
            format!("Stap {step} is al gezet; maak die eerst ongedaan als dat een vergissing was.")
        }
        Lang::En => format!("Step {step} is already done; undo it first if that was a mistake."),
    }
}

/// Closing refused until the steps with these keys are recorded.
pub fn cannot_close(lang: Lang, steps: &[&str]) -> String {
    let steps = steps.join(", ");
    match lang {
        Lang::Nl => {
            format!("Het datalek kan nog niet worden afgesloten; leg eerst vast: {steps}.")
        }
        Lang::En => format!("The breach cannot be closed yet; record these first: {steps}."),
    }
}

/// The draft's file exists and overwriting was not asked for.
pub fn file_exists(lang: Lang, path: &str) -> String {
    match lang {
        Lang::Nl => format!("{path} bestaat al en is niet overschreven; kies een andere naam."),
        Lang::En => format!("{path} exists already and was not overwritten; choose another name."),
    }
}

/// The draft could not be written: the operating system's words.
pub fn write_failed(lang: Lang, path: &str, reason: &str) -> String {
    match lang {
        Lang::Nl => format!("Kon {path} niet schrijven: {reason}."),
        Lang::En => format!("Could not write {path}: {reason}."),
    }
}
