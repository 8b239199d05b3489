//! The UI's phrases with numbers, dates and names in them, and the words
//! for domain values; the fixed texts are the `Text` catalogue in `ui.rs`.

use super::plural::{Noun, count, one_or_many};
use super::ui::Text;
use super::{Lang, dates};
use crate::domain::records::{RequestKind, SubscriberSource};
use crate::domain::{Kind, TrajectoryKind};
use chrono::NaiveDate;

/// A countdown cell: `12 d`, `today`, `3 d overdue`.
pub fn countdown(lang: Lang, days_left: i64) -> String {
    match days_left {
        0 => Text::Today.get(lang).to_string(),
        d if d > 0 => format!("{d} d"),
        d => format!("{} d {}", -d, Text::Overdue.get(lang)),
    }
}

/// A record kind's name, as a label ("persoon", "person").
pub fn kind_name(lang: Lang, kind: Kind) -> &'static str {
    kind_counted(lang, kind, 1)
}

/// A kind's name in a word, for a column short of room: "rapportage" for
/// "individuele rapportage", "survey" for "questionnaire result"; a name
/// that is one word already stays. The two documents keep the order of
/// their full names (a list sorted by kind stays sorted as shown).
pub fn kind_short(lang: Lang, kind: Kind) -> &'static str {
    match kind {
        Kind::IndividualReport => lang.pick("rapportage", "report"),
        Kind::QuestionnaireResult => lang.pick("vragenlijst", "survey"),
        Kind::ContactRequest => lang.pick("aanvraag", "inquiry"),
        Kind::Suppression => lang.pick("afmelding", "unsubscribed"),
        Kind::SubjectRequest => lang.pick("verzoek", "request"),
        Kind::Practice => lang.pick("praktijk", "practice"),
        kind => kind_name(lang, kind),
    }
}

/// The kind's name for a count of `n` records: "1 persoon", "40 people".
pub fn kind_counted(lang: Lang, kind: Kind, n: usize) -> &'static str {
    // (Dutch one, Dutch many, English one, English many).
    let [nl1, nl, en1, en] = match kind {
        Kind::Person => ["persoon", "personen", "person", "people"],
        Kind::Trajectory => ["traject", "trajecten", "trajectory", "trajectories"],
        Kind::IndividualReport => [
            "individuele rapportage",
            "individuele rapportages",
            "individual report",
            "individual reports",
        ],
        Kind::QuestionnaireResult => [
            "uitslag vragenlijst",
            "uitslagen vragenlijst",
            "questionnaire result",
            "questionnaire results",
        ],
        Kind::TeamReport => [
            "adviesrapport",
            "adviesrapporten",
            "team report",
            "team reports",
        ],
        Kind::ContactRequest => [
            "contactaanvraag",
            "contactaanvragen",
            "contact request",
            "contact requests",
        ],
        Kind::Quote => ["offerte", "offertes", "quote", "quotes"],
        Kind::Subscriber => ["abonnee", "abonnees", "subscriber", "subscribers"],
        Kind::Suppression => [
            "afmelding",
            "afmeldingen",
            "unsubscribed address",
            "unsubscribed addresses",
        ],
        Kind::Consent => ["toestemming", "toestemmingen", "consent", "consents"],
        Kind::Disclosure => [
            "verstrekking",
            "verstrekkingen",
            "disclosure",
            "disclosures",
        ],
        Kind::SubjectRequest => [
            "verzoek",
            "verzoeken",
            "subject request",
            "subject requests",
        ],
        Kind::Complaint => ["klacht", "klachten", "complaint", "complaints"],
        Kind::Breach => ["datalek", "datalekken", "breach", "breaches"],
        Kind::Practice => [
            "praktijkprofiel",
            "praktijkprofielen",
            "practice profile",
            "practice profiles",
        ],
    };
    one_or_many(n as u64, lang.pick(nl1, en1), lang.pick(nl, en))
}

pub fn trajectory_kind(lang: Lang, kind: TrajectoryKind) -> &'static str {
    match kind {
        TrajectoryKind::Coaching => "coaching",
        TrajectoryKind::Training => lang.pick("training", "training"),
    }
}

pub fn too_small(lang: Lang, w: u16, h: u16, min_w: u16, min_h: u16) -> String {
    format!(
        "{}: {w}×{h}. {} {min_w}×{min_h}.",
        Text::TooSmall.get(lang),
        lang.pick("Nodig is minstens", "It needs at least")
    )
}

pub fn to_delete_summary(lang: Lang, expired: usize, marked: usize) -> String {
    lang.pick(
        &format!("{expired} verlopen, {marked} gemarkeerd"),
        &format!("{expired} expired, {marked} marked"),
    )
    .to_string()
}

pub fn records_count(lang: Lang, n: usize) -> String {
    count(lang, n as u64, Noun::Record)
}

/// How many lines a long-text field holds, beside its label.
pub fn lines_count(lang: Lang, n: usize) -> String {
    match (lang, n) {
        (Lang::Nl, 1) => "1 regel".into(),
        (Lang::Nl, n) => format!("{n} regels"),
        (Lang::En, 1) => "1 line".into(),
        (Lang::En, n) => format!("{n} lines"),
    }
}

pub fn kept_with_marker(lang: Lang, n: usize) -> String {
    let records = count(lang, n as u64, Noun::Record);
    let (nl, en) = (
        one_or_many(n as u64, "blijft", "blijven"),
        one_or_many(n as u64, "stays", "stay"),
    );
    lang.pick(
        &format!("{records} {nl}, met een markering \"persoon verwijderd\"."),
        &format!("{records} {en}, with a \"removed person\" marker."),
    )
    .to_string()
}

pub fn oldest_deadline(lang: Lang, date: NaiveDate) -> String {
    let date = dates::date(lang, date);
    lang.pick(
        &format!("Oudste termijn: {date}"),
        &format!("Oldest deadline: {date}"),
    )
    .to_string()
}

pub fn deadline_set(lang: Lang, date: NaiveDate, days: &str) -> String {
    let date = dates::date(lang, date);
    lang.pick(
        &format!("Afgerond. Verwijderen uiterlijk op {date} ({days})."),
        &format!("Completed. To be deleted on {date} ({days})."),
    )
    .to_string()
}

/// "Strength: about 40 bits (fair)": `word` is the judgement of
/// `ops::strength`.
pub fn strength(lang: Lang, bits: u32, word: Text) -> String {
    lang.pick(
        &format!("Sterkte: ongeveer {bits} bits ({})", word.get(lang)),
        &format!("Strength: about {bits} bits ({})", word.get(lang)),
    )
    .to_string()
}

/// A weak new vault passphrase, on the create screen and on the command line.
pub fn weak_passphrase(lang: Lang, bits: u32) -> String {
    lang.pick(
        &format!("Deze wachtwoordzin is zwak: ongeveer {bits} bits. Wie de kluismap te pakken krijgt, kan hem raden. Een zin van vijf of meer woorden is sterk."),
        &format!("This passphrase is weak: about {bits} bits. Anyone who gets hold of the vault folder could guess it. A sentence of five or more words is strong."),
    )
    .to_string()
}

pub fn weak_password(lang: Lang, bits: u32, generated: u32) -> String {
    lang.pick(
        &format!("Dit wachtwoord is zwak: ongeveer {bits} bits (een gegenereerd wachtwoord heeft er {generated}). Wie het rapport te pakken krijgt, kan het dan raden. Toch gebruiken?"),
        &format!("This password is weak: about {bits} bits (a generated one has {generated}). Anyone who gets hold of the report could guess it. Use it anyway?"),
    )
    .to_string()
}

pub fn create_in(lang: Lang, dir: &str) -> String {
    lang.pick(
        &format!("Er is nog geen kluis in {dir}. Kies een wachtwoordzin om hem te maken."),
        &format!("There is no vault in {dir} yet. Choose a passphrase to create it."),
    )
    .to_string()
}

pub fn idle_after(lang: Lang, minutes: u64) -> String {
    lang.pick(
        &format!("Vergrendelt na {minutes} min zonder toetsen."),
        &format!("Locks after {minutes} min without keys."),
    )
    .to_string()
}

/// The 72-hour clock is running from this moment on.
pub fn breach_registered(lang: Lang, deadline: &str) -> String {
    lang.pick(
        &format!(
            "Datalek vastgelegd. Melden bij de AP uiterlijk {deadline}, of vastleggen waarom niet."
        ),
        &format!("Breach registered. Notify the AP by {deadline}, or record why not."),
    )
    .to_string()
}

pub fn step_ticked(lang: Lang, step: &str, at: &str) -> String {
    lang.pick(
        &format!("Afgevinkt om {at}: {step}."),
        &format!("Ticked at {at}: {step}."),
    )
    .to_string()
}

pub fn untick_question(lang: Lang, step: &str, at: &str) -> String {
    lang.pick(
        &format!("{step} (gezet {at}) wordt teruggezet; wat erbij is vastgelegd blijft bewaard."),
        &format!("{step} (done {at}) is undone; the texts recorded with it stay."),
    )
    .to_string()
}

/// A ticked step cannot be ticked again; `key` undoes it.
pub fn step_already_done(lang: Lang, key: &str) -> String {
    lang.pick(
        &format!("Deze stap is al gezet. Druk op {key} om hem terug te zetten."),
        &format!("This step is done already. Press {key} to undo it."),
    )
    .to_string()
}

/// Under the open requests of the Overview when not all of them fit.
pub fn more_requests(lang: Lang, n: usize) -> String {
    lang.pick(
        &format!("en nog {n} op scherm 7"),
        &format!("and {n} more on screen 7"),
    )
    .to_string()
}

pub fn close_needs(lang: Lang, steps: &str) -> String {
    lang.pick(
        &format!("Afsluiten kan pas na: {steps}."),
        &format!("It can be closed only after: {steps}."),
    )
    .to_string()
}

pub fn draft_written(lang: Lang, path: &str) -> String {
    lang.pick(
        &format!("Meldconcept geschreven naar {path} (alleen voor jou leesbaar)."),
        &format!("Draft written to {path} (readable by you only)."),
    )
    .to_string()
}

pub fn overwrite_question(lang: Lang, path: &str) -> String {
    lang.pick(
        &format!("{path} bestaat al. Vervangen door het meldconcept?"),
        &format!("{path} exists already. Replace it with the draft?"),
    )
    .to_string()
}

pub fn answer_every_question(lang: Lang, open: &str) -> String {
    lang.pick(
        &format!("Beantwoord alle vragen; nog open: {open}."),
        &format!("Answer every question; still open: {open}."),
    )
    .to_string()
}

/// The recommendation's two decisions in words.
pub fn advice_authority(lang: Lang, notify: bool) -> &'static str {
    match notify {
        true => lang.pick("AP: melden binnen 72 uur", "AP: notify within 72 hours"),
        false => lang.pick("AP: melden niet nodig", "AP: no notification needed"),
    }
}

pub fn advice_people(lang: Lang, inform: bool) -> &'static str {
    match inform {
        true => lang.pick("Betrokkenen: inlichten", "People affected: inform them"),
        false => lang.pick(
            "Betrokkenen: inlichten niet verplicht",
            "People affected: informing not required",
        ),
    }
}

pub fn approx_people(lang: Lang, n: u64) -> String {
    format!("~{}", count(lang, n, Noun::Person))
}

pub fn approx_records(lang: Lang, n: u64) -> String {
    format!("~{}", count(lang, n, Noun::Record))
}

/// The catalogue text of a subject request's kind.
pub fn request_kind(kind: RequestKind) -> Text {
    match kind {
        RequestKind::Access => Text::RequestAccess,
        RequestKind::Rectification => Text::RequestRectification,
        RequestKind::Erasure => Text::RequestErasure,
        RequestKind::Restriction => Text::RequestRestriction,
        RequestKind::Portability => Text::RequestPortability,
        RequestKind::Objection => Text::RequestObjection,
    }
}

pub fn source_name(lang: Lang, source: SubscriberSource) -> &'static str {
    match source {
        SubscriberSource::Webinar => Text::SourceWebinar,
        SubscriberSource::Ebook => Text::SourceEbook,
        SubscriberSource::Quote => Text::SourceQuote,
        SubscriberSource::Manual => Text::SourceManual,
    }
    .get(lang)
}

/// A subscriber's evidence as the coach reads it. Typed evidence (a
/// webinar, an e-book, a manual consent) as it was typed; a quote's as
/// words from its facts, the day of acceptance being `subscribed_on`. Older
/// records stored English text ("quote … accepted on …"), which is worded
/// the same way.
pub fn evidence(lang: Lang, source: SubscriberSource, typed: &str, on: NaiveDate) -> String {
    match source {
        SubscriberSource::Quote => lang
            .pick(
                &format!("offerte geaccepteerd op {}", dates::date(lang, on)),
                &format!("quote accepted on {}", dates::date(lang, on)),
            )
            .to_string(),
        _ => typed.to_string(),
    }
}

/// The line above the mailing list: short enough for 80 columns with
/// counts of four digits (it wraps on a narrower terminal).
pub fn mailing_summary(lang: Lang, subscribers: usize, suppressed: usize) -> String {
    let subscribers = count(lang, subscribers as u64, Noun::Subscriber);
    let suppressed = count(lang, suppressed as u64, Noun::UnsubscribedAddress);
    lang.pick(
        &format!("{subscribers} · {suppressed}, alleen als sleutel-hash bewaard"),
        &format!("{subscribers} · {suppressed}, kept as keyed hashes only"),
    )
    .to_string()
}

pub fn unsubscribed(lang: Lang, suppressed: usize) -> String {
    let n = suppressed as u64;
    let addresses = count(lang, n, Noun::Address);
    lang.pick(
        &format!(
            "Afgemeld. {addresses} {} op de niet-toevoegen-lijst.",
            one_or_many(n, "staat", "staan")
        ),
        &format!(
            "Unsubscribed. {addresses} {} on the do-not-add list.",
            one_or_many(n, "is", "are")
        ),
    )
    .to_string()
}

pub fn mailing_written(lang: Lang, n: usize, path: &str) -> String {
    lang.pick(
        &format!(
            "{} geschreven naar {path}.",
            count(lang, n as u64, Noun::Address)
        ),
        &format!(
            "{} written to {path}.",
            count(lang, n as u64, Noun::Address)
        ),
    )
    .to_string()
}

pub fn export_written(lang: Lang, path: &str, records: usize) -> String {
    lang.pick(
        &format!(
            "Inzage-export geschreven naar {path} ({}).",
            records_count(lang, records)
        ),
        &format!(
            "Access export written to {path} ({}).",
            records_count(lang, records)
        ),
    )
    .to_string()
}

pub fn open_request_reminder(lang: Lang, due: NaiveDate) -> String {
    let due = dates::date(lang, due);
    lang.pick(
        &format!("Er loopt een inzageverzoek (uiterlijk {due}): markeer het als afgehandeld zodra de export verstuurd is (scherm 7)."),
        &format!("An access request is open (due {due}): mark it handled once the export has been sent (screen 7)."),
    )
    .to_string()
}

/// A generated password kept in a file the coach chose.
pub fn password_saved(lang: Lang, path: &str) -> String {
    lang.pick(
        &format!(
            "Wachtwoord bewaard in {path} (alleen voor jou leesbaar). Het rapport is opgeslagen."
        ),
        &format!("Password kept in {path} (readable by you only). The report is saved."),
    )
    .to_string()
}

pub fn write_failed(lang: Lang, reason: &str) -> String {
    lang.pick(
        &format!("Kon het bestand niet schrijven ({reason}); er is niets geschreven."),
        &format!("Could not write the file ({reason}); nothing was written."),
    )
    .to_string()
}

/// "Request recorded. Answer by 2026-12-25 (30 d)."
pub fn answer_by(lang: Lang, what: Text, date: NaiveDate, days: &str) -> String {
    let date = dates::date(lang, date);
    lang.pick(
        &format!("{} Beantwoorden uiterlijk {date} ({days}).", what.get(lang)),
        &format!("{} Answer by {date} ({days}).", what.get(lang)),
    )
    .to_string()
}

/// "Quote declined. Deleted on 2027-11-25 (365 d)."
pub fn deleted_on(lang: Lang, what: Text, date: NaiveDate, days: &str) -> String {
    let date = dates::date(lang, date);
    lang.pick(
        &format!("{} Verwijderen op {date} ({days}).", what.get(lang)),
        &format!("{} To be deleted on {date} ({days}).", what.get(lang)),
    )
    .to_string()
}

pub fn accepted_on(lang: Lang, on: NaiveDate, kept_until: Option<NaiveDate>) -> String {
    let on = dates::date(lang, on);
    let kept_until = kept_until.map(|d| dates::date(lang, d)).unwrap_or_default();
    lang.pick(
        &format!("Geaccepteerd op {on}. Bewaard voor de fiscale plicht tot {kept_until}."),
        &format!("Accepted on {on}. Kept for the fiscal duty until {kept_until}."),
    )
    .to_string()
}

pub fn erasure_requests_handled(lang: Lang, n: usize) -> String {
    let requests = count(lang, n as u64, Noun::OpenErasureRequest);
    let (nl, en) = (
        one_or_many(n as u64, "wordt", "worden"),
        one_or_many(n as u64, "is", "are"),
    );
    lang.pick(
        &format!("{requests} van deze persoon {nl} hiermee afgehandeld."),
        &format!("{requests} of this person {en} handled by this."),
    )
    .to_string()
}

/// Shown on unlock when some records could not be decrypted.
pub fn unreadable_records(lang: Lang, n: usize) -> String {
    let records = records_count(lang, n);
    lang.pick(
        &format!(
            "{records} {} niet gelezen worden en {} onaangeroerd; `kluis check` noemt ze.",
            one_or_many(n as u64, "kon", "konden"),
            one_or_many(n as u64, "blijft", "blijven")
        ),
        &format!(
            "{records} could not be read and {} left untouched; `kluis check` names them.",
            one_or_many(n as u64, "is", "are")
        ),
    )
    .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn countdowns_read_without_colour() {
        assert_eq!(countdown(Lang::En, 12), "12 d");
        assert_eq!(countdown(Lang::En, 0), "today");
        assert_eq!(countdown(Lang::En, -3), "3 d overdue");
        assert_eq!(countdown(Lang::Nl, 12), "12 d");
        assert_eq!(countdown(Lang::Nl, 0), "vandaag");
        assert_eq!(countdown(Lang::Nl, -3), "3 d over tijd");
    }
}
