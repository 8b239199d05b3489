//! The access export as Markdown that reads well for the person: dates in
//! words, one section per kind of record, texts kept exactly as written in
//! fenced blocks, and the art. 15 information at the end.

use super::export::{AccessExport, Retention};
use crate::domain::records::{DocumentKind, RequestKind, SubscriberSource, TrajectoryKind};
use crate::i18n::Lang;
use chrono::{Datelike, NaiveDate};

const MONTHS_NL: [&str; 12] = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// "31 mei 2026" / "31 May 2026".
pub fn long_date(d: NaiveDate, t: Lang) -> String {
    let names = match t {
        Lang::Nl => &MONTHS_NL,
        Lang::En => &MONTHS_EN,
    };
    format!("{} {} {}", d.day(), names[d.month0() as usize], d.year())
}

/// Text inside a Markdown line: one line, with the characters that would
/// start markup escaped.
fn md(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
    {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A block of text kept exactly as written, in a fence longer than any run
/// of fence characters inside it.
fn fenced(text: &str) -> String {
    let mut longest = 0;
    let mut run = 0;
    for c in text.chars() {
        if c == '~' {
            run += 1;
            longest = longest.max(run);
        } else {
            run = 0;
        }
    }
    let fence = "~".repeat(longest.max(2) + 1);
    let body = text.trim_end_matches(['\n', '\r']);
    format!("{fence}text\n{body}\n{fence}\n")
}

struct Md {
    out: String,
    t: Lang,
}

impl Md {
    fn line(&mut self, s: &str) {
        self.out.push_str(s);
        self.out.push('\n');
    }

    fn blank(&mut self) {
        if !self.out.ends_with("\n\n") {
            self.out.push('\n');
        }
    }

    fn heading(&mut self, level: usize, text: &str) {
        self.blank();
        self.line(&format!("{} {}", "#".repeat(level), text));
        self.out.push('\n');
    }

    fn item(&mut self, label: &str, value: &str) {
        self.line(&format!("- **{label}:** {value}"));
    }

    fn date_item(&mut self, label: &str, d: Option<NaiveDate>) {
        if let Some(d) = d {
            let v = long_date(d, self.t);
            self.item(label, &v);
        }
    }

    fn retention(&mut self, r: &Retention) {
        let t = self.t;
        let v = match r.deadline {
            Some(d) => format!(
                "{} {} — {}",
                t.pick("tot uiterlijk", "until"),
                long_date(d, t),
                md(&r.rule)
            ),
            None => md(&r.rule),
        };
        self.item(t.pick("Bewaard", "Kept"), &v);
    }
}

/// "coaching" and "training" are the same word in Dutch and English.
fn kind_words(k: TrajectoryKind) -> &'static str {
    match k {
        TrajectoryKind::Coaching => "coaching",
        TrajectoryKind::Training => "training",
    }
}

/// The person's role in a trajectory or quote (`participant` or `requester`).
fn role_words(role: &str, t: Lang) -> &'static str {
    match role {
        "participant" => t.pick("deelnemer", "participant"),
        _ => t.pick("aanvrager", "requester"),
    }
}

fn document_words(k: DocumentKind, t: Lang) -> &'static str {
    match k {
        DocumentKind::IndividualReport => t.pick("individuele rapportage", "individual report"),
        DocumentKind::QuestionnaireResult => t.pick("uitslag vragenlijst", "questionnaire result"),
    }
}

fn source_words(s: SubscriberSource, t: Lang) -> &'static str {
    match s {
        SubscriberSource::Webinar => t.pick("aanmelding voor een webinar", "webinar registration"),
        SubscriberSource::Ebook => t.pick("download van een e-book", "e-book download"),
        SubscriberSource::Quote => t.pick("geaccepteerde offerte", "accepted quote"),
        SubscriberSource::Manual => t.pick("uitdrukkelijke toestemming", "explicit consent"),
    }
}

fn request_words(k: RequestKind, t: Lang) -> &'static str {
    match k {
        RequestKind::Access => t.pick("inzage", "access"),
        RequestKind::Rectification => t.pick("correctie", "rectification"),
        RequestKind::Erasure => t.pick("verwijdering", "erasure"),
        RequestKind::Restriction => t.pick("beperking", "restriction"),
        RequestKind::Portability => t.pick("overdraagbaarheid", "portability"),
        RequestKind::Objection => t.pick("bezwaar", "objection"),
    }
}

/// The export as Markdown for the person to read.
pub fn to_markdown(e: &AccessExport) -> String {
    let t = e.lang;
    let mut m = Md {
        out: String::new(),
        t,
    };
    let yes = t.pick("ja", "yes");
    let no = t.pick("nee", "no");
    m.line(&format!(
        "# {} {}",
        t.pick("Jouw gegevens:", "Your personal data:"),
        md(&e.person.name)
    ));
    m.blank();
    m.line(&format!(
        "{} {}. {}",
        t.pick("Opgesteld op", "Made on"),
        long_date(e.generated_on, t),
        t.pick(
            "Dit is een volledig overzicht van alle gegevens die de praktijk over jou bewaart, met wat de AVG (artikel 15) daarbij vraagt: waarvoor we ze gebruiken, met wie ze worden gedeeld, hoe lang we ze bewaren, waar ze vandaan komen en welke rechten je hebt.",
            "This is a complete overview of all the data the practice keeps about you, with what the GDPR (article 15) asks for beside it: what we use it for, who it is shared with, how long we keep it, where it came from and which rights you have."
        )
    ));

    let c = &e.information.controller;
    m.heading(
        2,
        t.pick(
            "Wie verantwoordelijk is voor je gegevens",
            "Who is responsible for your data",
        ),
    );
    let filled = |v: &str| {
        if v.trim().is_empty() {
            t.pick("_(nog niet ingevuld)_", "_(not filled in yet)_")
                .to_string()
        } else {
            md(v)
        }
    };
    m.item(t.pick("Praktijk", "Practice"), &filled(&c.name));
    m.item(t.pick("Adres", "Address"), &filled(&c.address));
    m.item(
        t.pick("KvK-nummer", "Chamber of Commerce (KvK) number"),
        &filled(&c.kvk),
    );
    m.item(t.pick("E-mail", "E-mail"), &filled(&c.email));
    m.item(t.pick("Telefoon", "Phone"), &filled(&c.phone));
    m.item(
        t.pick("Contactpersoon", "Contact person"),
        &filled(&c.contact_person),
    );
    if let Some(dpo) = &c.dpo {
        m.item(
            t.pick(
                "Functionaris gegevensbescherming",
                "Data protection officer",
            ),
            &filled(dpo),
        );
    }

    m.heading(2, t.pick("Over jou", "About you"));
    m.item(t.pick("Naam", "Name"), &md(&e.person.name));
    if let Some(v) = &e.person.email {
        m.item(t.pick("E-mailadres", "E-mail address"), &md(v));
    }
    if let Some(v) = &e.person.phone {
        m.item(t.pick("Telefoon", "Phone"), &md(v));
    }
    if let Some(v) = &e.person.organisation {
        m.item(t.pick("Organisatie", "Organisation"), &md(v));
    }
    m.date_item(
        t.pick("In ons bestand sinds", "In our records since"),
        Some(e.person.created_on),
    );
    m.retention(&e.person.retention);

    if !e.trajectories.is_empty() {
        m.heading(2, t.pick("Coaching en training", "Coaching and training"));
        for tr in &e.trajectories {
            m.heading(3, &md(&tr.title));
            m.item(t.pick("Soort", "Kind"), kind_words(tr.kind));
            let roles: Vec<&str> = tr.roles.iter().map(|r| role_words(r, t)).collect();
            m.item(t.pick("Jouw rol", "Your role"), &roles.join(", "));
            m.date_item(t.pick("Begonnen", "Started"), tr.started_on);
            m.date_item(t.pick("Afgerond", "Completed"), tr.completed_on);
            if tr.shared {
                m.item(
                    t.pick("Met anderen", "With others"),
                    t.pick(
                        "ook anderen nemen deel of vroegen het aan; hun gegevens staan niet in dit overzicht",
                        "other people take part in it or requested it; their details are not part of this overview",
                    ),
                );
            }
            m.item(t.pick("Bron", "Source"), &md(&tr.source));
            m.retention(&tr.retention);
        }
    }

    if !e.documents.is_empty() {
        m.heading(
            2,
            t.pick(
                "Je rapportages en uitslagen",
                "Your reports and questionnaire results",
            ),
        );
        for d in &e.documents {
            m.heading(3, &md(&d.title));
            m.item(t.pick("Soort", "Kind"), document_words(d.kind, t));
            if let Some(tr) = e.trajectories.iter().find(|x| x.id == d.trajectory) {
                m.item(t.pick("Traject", "Trajectory"), &md(&tr.title));
            }
            m.date_item(t.pick("Gemaakt op", "Made on"), Some(d.created_on));
            m.item(t.pick("Bron", "Source"), &md(&d.source));
            m.retention(&d.retention);
            m.blank();
            let block = fenced(&d.body);
            m.out.push_str(&block);
        }
    }

    if !e.quotes.is_empty() {
        m.heading(2, t.pick("Offertes", "Quotes"));
        for q in &e.quotes {
            m.heading(
                3,
                &format!(
                    "{} {}",
                    t.pick("Offerte van", "Quote of"),
                    long_date(q.sent_on, t)
                ),
            );
            m.item(t.pick("Jouw rol", "Your role"), role_words(q.role, t));
            m.item(t.pick("Bedrag", "Amount"), &format!("€ {}", md(&q.amount)));
            m.date_item(t.pick("Geaccepteerd", "Accepted"), q.accepted_on);
            m.date_item(t.pick("Afgewezen", "Declined"), q.declined_on);
            if q.restricted {
                m.item(
                    t.pick("Beperkt", "Restricted"),
                    t.pick(
                        "alleen nog bewaard voor de fiscale bewaarplicht",
                        "kept only for the fiscal retention duty",
                    ),
                );
            }
            m.item(t.pick("Bron", "Source"), &md(&q.source));
            m.retention(&q.retention);
        }
    }

    if !e.contact_requests.is_empty() {
        m.heading(2, t.pick("Je contactaanvragen", "Your contact requests"));
        for c in &e.contact_requests {
            m.heading(
                3,
                &format!(
                    "{} {}",
                    t.pick("Ontvangen op", "Received on"),
                    long_date(c.received_on, t)
                ),
            );
            m.item(t.pick("Naam", "Name"), &md(&c.name));
            if let Some(v) = &c.email {
                m.item(t.pick("E-mailadres", "E-mail address"), &md(v));
            }
            if let Some(v) = &c.phone {
                m.item(t.pick("Telefoon", "Phone"), &md(v));
            }
            m.date_item(
                t.pick("Eerste contact", "First contact"),
                c.first_contact_on,
            );
            m.item(t.pick("Bron", "Source"), &md(&c.source));
            m.retention(&c.retention);
            m.blank();
            let block = fenced(&c.message);
            m.out.push_str(&block);
        }
    }

    if !e.subscriptions.is_empty() || e.unsubscribed.is_some() {
        m.heading(2, t.pick("E-maillijst", "Mailing list"));
        for sub in &e.subscriptions {
            m.item(t.pick("E-mailadres", "E-mail address"), &md(&sub.email));
            if let Some(n) = &sub.name {
                m.item(t.pick("Naam", "Name"), &md(n));
            }
            m.item(
                t.pick("Ingeschreven via", "Subscribed through"),
                source_words(sub.source, t),
            );
            m.item(
                t.pick("Vastgelegd", "Recorded"),
                &md(&crate::i18n::ui::evidence(
                    t,
                    sub.source,
                    &sub.evidence,
                    sub.subscribed_on,
                )),
            );
            m.date_item(
                t.pick("Ingeschreven op", "Subscribed on"),
                Some(sub.subscribed_on),
            );
            m.retention(&sub.retention);
            m.blank();
        }
        if let Some(u) = &e.unsubscribed {
            m.line(&format!(
                "{} {}. {}",
                t.pick("Je hebt je afgemeld op", "You unsubscribed on"),
                long_date(u.suppressed_on, t),
                t.pick(
                    "We bewaren alleen een versleutelde code van je adres (niet het adres zelf), zodat je niet per ongeluk opnieuw wordt toegevoegd.",
                    "We keep only an encrypted code of your address (not the address itself), so you are not added again by mistake."
                )
            ));
        }
    }

    if !e.consents.is_empty() {
        m.heading(
            2,
            t.pick("Je toestemmingen om te delen", "Your consents to share"),
        );
        for c in &e.consents {
            m.heading(3, &md(&c.recipient));
            m.item(t.pick("Doel", "Purpose"), &md(&c.purpose));
            m.date_item(t.pick("Gegeven op", "Given on"), Some(c.given_on));
            m.date_item(t.pick("Ingetrokken op", "Withdrawn on"), c.withdrawn_on);
            m.retention(&c.retention);
        }
    }

    if !e.disclosures.is_empty() {
        m.heading(2, t.pick("Gedeeld met anderen", "Shared with others"));
        for d in &e.disclosures {
            m.heading(3, &md(&d.recipient));
            m.item(t.pick("Wat", "What"), &md(&d.what));
            m.date_item(t.pick("Op", "On"), Some(d.on));
            m.retention(&d.retention);
        }
    }

    if !e.subject_requests.is_empty() {
        m.heading(2, t.pick("Je verzoeken", "Your requests"));
        for r in &e.subject_requests {
            m.heading(
                3,
                &format!(
                    "{}: {}",
                    t.pick("Verzoek", "Request"),
                    request_words(r.kind, t)
                ),
            );
            m.date_item(t.pick("Ontvangen op", "Received on"), Some(r.received_on));
            m.date_item(t.pick("Antwoord uiterlijk", "Answer due"), Some(r.due_on));
            if let Some(reason) = &r.extension_reason {
                m.item(t.pick("Verlengd, omdat", "Extended, because"), &md(reason));
            }
            m.date_item(t.pick("Afgehandeld op", "Handled on"), r.handled_on);
            m.retention(&r.retention);
        }
    }

    if !e.complaints.is_empty() {
        m.heading(2, t.pick("Je klachten", "Your complaints"));
        for c in &e.complaints {
            m.heading(
                3,
                &format!(
                    "{} {}",
                    t.pick("Klacht van", "Complaint of"),
                    long_date(c.received_on, t)
                ),
            );
            m.item(t.pick("Samenvatting", "Summary"), &md(&c.summary));
            m.date_item(t.pick("Afgehandeld op", "Handled on"), c.handled_on);
            m.item(
                t.pick(
                    "Doorverwezen naar de Autoriteit Persoonsgegevens",
                    "Referred to the Autoriteit Persoonsgegevens",
                ),
                if c.referred_to_ap { yes } else { no },
            );
            m.retention(&c.retention);
        }
    }

    let info = &e.information;
    m.heading(
        2,
        t.pick("Wat we met je gegevens doen", "What we do with your data"),
    );
    m.heading(3, t.pick("Waarvoor", "Purposes"));
    for p in &info.purposes {
        m.line(&format!(
            "- {} {}: {}.",
            md(&p.purpose),
            t.pick("Grondslag", "Legal basis"),
            md(&p.legal_basis)
        ));
    }
    m.heading(3, t.pick("Welke gegevens", "Categories of data"));
    for c in &info.categories {
        m.line(&format!("- {}", md(c)));
    }
    m.heading(3, t.pick("Met wie ze worden gedeeld", "Who receives them"));
    for r in &info.recipients {
        m.line(&format!("- {}", md(r)));
    }
    m.heading(
        3,
        t.pick("Doorgifte buiten de EER", "Transfers outside the EEA"),
    );
    m.line(&md(&info.transfers));
    m.heading(3, t.pick("Hoe lang we ze bewaren", "How long we keep them"));
    m.line(&md(&info.retention));
    m.heading(3, t.pick("Waar ze vandaan komen", "Where they came from"));
    for s in &info.sources {
        m.line(&format!("- {}", md(s)));
    }
    m.heading(
        3,
        t.pick("Geautomatiseerde besluiten", "Automated decisions"),
    );
    m.line(&md(&info.automated_decisions));
    m.heading(3, t.pick("Je rechten", "Your rights"));
    for r in &info.rights {
        m.line(&format!(
            "- {} ({} {})",
            md(&r.text),
            t.pick("AVG artikel", "GDPR article"),
            r.article
        ));
    }
    m.blank();
    m.line(&md(&info.how_to_use_rights));
    m.heading(3, t.pick("Een klacht indienen", "Making a complaint"));
    m.line(&md(&info.complaint));
    m.blank();
    let a = &info.complaint_authority;
    m.line(&format!("{}  ", a.name));
    m.line(&format!("{}  ", a.address));
    m.line(&format!("{}  ", a.postcode_city));
    m.line(&format!("{}  ", a.website));
    m.line(&format!("{} {}", t.pick("Telefoon", "Phone"), a.phone));
    m.out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_text_is_escaped_and_fenced() {
        assert_eq!(md("# *a*\n  b_c"), "\\# \\*a\\* b\\_c");
        let block = fenced("a ~~~ b");
        assert!(block.starts_with("~~~~text\n"), "{block}");
        assert!(block.ends_with("\n~~~~\n"), "{block}");
    }

    #[test]
    fn dates_read_in_both_languages() {
        let d = NaiveDate::from_ymd_opt(2026, 5, 31).unwrap();
        assert_eq!(long_date(d, Lang::Nl), "31 mei 2026");
        assert_eq!(long_date(d, Lang::En), "31 May 2026");
    }
}
