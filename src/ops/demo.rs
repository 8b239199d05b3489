//! Fictional, realistic Dutch demo data relative to a given day: people,
//! trajectories in every state, reports, team reports, inquiries, quotes,
//! subscribers and requests; some records already expired, some due within
//! days, most later. Built as an import file, so it passes the same checks.

use super::import::*;
use crate::domain::records::{DocumentKind, RequestKind, SubscriberSource, TrajectoryKind};
use chrono::{Duration, Months, NaiveDate};

const FIRST: [&str; 40] = [
    "Anna", "Bram", "Carlijn", "Daan", "Eva", "Floor", "Gijs", "Hanna", "Ilse", "Joost", "Kim",
    "Lars", "Maartje", "Niels", "Olga", "Pieter", "Quinten", "Roos", "Sanne", "Thijs", "Ursula",
    "Vincent", "Wendy", "Xander", "Yara", "Zoë", "Fatima", "Mehmet", "Priya", "Sjoerd", "Femke",
    "Bart", "Loes", "Youssef", "Ineke", "Ruud", "Chantal", "Wouter", "Marloes", "Tessa",
];
const LAST: [&str; 20] = [
    "de Vries",
    "Jansen",
    "van den Berg",
    "Bakker",
    "Visser",
    "Smit",
    "Meijer",
    "de Boer",
    "Mulder",
    "de Groot",
    "Bos",
    "Vos",
    "Peters",
    "Hendriks",
    "van Leeuwen",
    "Dekker",
    "Brouwer",
    "de Wit",
    "Dijkstra",
    "Yılmaz",
];
const ORGS: [&str; 8] = [
    "Gemeente Utrecht",
    "Zorggroep Rivierenland",
    "Hogeschool Arnhem",
    "Bouwbedrijf Kok & Zn.",
    "Waterschap De Dommel",
    "Bibliotheek Midden-Brabant",
    "Stichting Jeugdzorg Noord",
    "Provincie Gelderland",
];

fn ymd(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

fn days_ago(today: NaiveDate, n: i64) -> NaiveDate {
    today - Duration::days(n)
}

fn months_ago(today: NaiveDate, n: u32) -> NaiveDate {
    today.checked_sub_months(Months::new(n)).unwrap_or(today)
}

/// The demo data for `today`. Deterministic: the same day gives the same file.
pub fn demo_file(today: NaiveDate) -> ImportFile {
    let mut f = ImportFile::default();
    for i in 0..40 {
        let first = FIRST[i];
        let last = LAST[(i * 7) % LAST.len()];
        let mail_last: String = last
            .chars()
            .filter(|c| c.is_ascii_alphabetic())
            .collect::<String>()
            .to_lowercase();
        let org = ORGS[i % ORGS.len()];
        f.people.push(PersonIn {
            reference: format!("p{i}"),
            name: format!("{first} {last}"),
            email: (i % 9 != 4).then(|| {
                format!(
                    "{}.{}@example.nl",
                    first.to_lowercase().replace('ë', "e"),
                    mail_last
                )
            }),
            phone: (i % 3 == 0).then(|| format!("+31 6 {:04} {:04}", 1000 + i * 37, 2000 + i * 53)),
            organisation: (i % 5 != 2).then(|| org.to_string()),
            // The first 30 are clients for a while; the rest signed up recently.
            created_on: Some(ymd(if i < 30 {
                days_ago(today, 400 - (i as i64) * 9)
            } else {
                days_ago(today, (i as i64 - 30) * 4)
            })),
        });
    }

    // (kind, title, participants, started days ago, completed days ago)
    type T = (
        TrajectoryKind,
        &'static str,
        &'static [usize],
        i64,
        Option<i64>,
    );
    let trajectories: [T; 15] = [
        (
            TrajectoryKind::Coaching,
            "Loopbaancoaching",
            &[0],
            120,
            None,
        ),
        (
            TrajectoryKind::Coaching,
            "Leiderschapscoaching",
            &[1],
            90,
            None,
        ),
        (
            TrajectoryKind::Training,
            "Training Effectief Feedback Geven",
            &[2, 3, 4, 5],
            60,
            None,
        ),
        (
            TrajectoryKind::Coaching,
            "Re-integratiecoaching",
            &[6],
            45,
            None,
        ),
        (
            TrajectoryKind::Training,
            "Training Omgaan met Werkdruk",
            &[7, 8, 9],
            30,
            None,
        ),
        (
            TrajectoryKind::Coaching,
            "Loopbaancoaching",
            &[10],
            150,
            Some(59),
        ),
        (
            TrajectoryKind::Coaching,
            "Coaching Nieuwe Rol",
            &[11],
            140,
            Some(56),
        ),
        (
            TrajectoryKind::Training,
            "Training Teamrollen",
            &[12, 13, 14],
            100,
            Some(40),
        ),
        (
            TrajectoryKind::Coaching,
            "Burn-outpreventie",
            &[15],
            120,
            Some(25),
        ),
        (
            TrajectoryKind::Coaching,
            "Loopbaancoaching",
            &[16],
            90,
            Some(10),
        ),
        (
            TrajectoryKind::Coaching,
            "Leiderschapscoaching",
            &[17],
            200,
            Some(62),
        ),
        (
            TrajectoryKind::Training,
            "Training Conflicthantering",
            &[18, 19, 20],
            220,
            Some(75),
        ),
        (
            TrajectoryKind::Coaching,
            "Re-integratiecoaching",
            &[21],
            300,
            Some(130),
        ),
        (
            TrajectoryKind::Coaching,
            "Loopbaancoaching",
            &[22],
            400,
            Some(200),
        ),
        (
            TrajectoryKind::Training,
            "Training Timemanagement",
            &[23, 24],
            365,
            Some(61),
        ),
    ];
    for (t, (kind, title, participants, started, completed)) in trajectories.iter().enumerate() {
        let first_name = FIRST[participants[0]];
        let title = if participants.len() == 1 {
            format!("{title} {first_name}")
        } else {
            format!("{title} {}", ORGS[t % ORGS.len()])
        };
        f.trajectories.push(TrajectoryIn {
            reference: format!("t{t}"),
            kind: *kind,
            title,
            participants: participants.iter().map(|p| format!("p{p}")).collect(),
            requester: (t % 3 == 0).then(|| format!("p{}", 30 + t / 3)),
            started_on: Some(ymd(days_ago(today, *started))),
            completed_on: completed.map(|c| ymd(days_ago(today, c))),
        });
        for (n, p) in participants.iter().enumerate() {
            let name = FIRST[*p];
            let written =
                completed.map_or(days_ago(today, started / 2), |c| days_ago(today, c + 2));
            f.documents.push(DocumentIn {
                trajectory: format!("t{t}"),
                participant: format!("p{p}"),
                kind: DocumentKind::QuestionnaireResult,
                title: format!("Uitslag persoonlijkheidsvragenlijst {name}"),
                body: Some(format!(
                    "Uitslag vragenlijst van {name}.\n\nSterke kanten: analytisch, betrokken, \
                     houdt overzicht.\nAandachtspunten: grenzen aangeven, delegeren.\n\
                     Scores: samenwerking 7/10, veerkracht {}/10, zelfinzicht 8/10.",
                    5 + (t + n) % 4
                )),
                created_on: Some(ymd(days_ago(today, started - 7))),
                files: Vec::new(),
            });
            if completed.is_some() || t % 2 == 0 {
                f.documents.push(DocumentIn {
                    trajectory: format!("t{t}"),
                    participant: format!("p{p}"),
                    kind: DocumentKind::IndividualReport,
                    title: format!("Eindrapport {name}"),
                    body: Some(format!(
                        "Individuele rapportage — {name}\n\nAanleiding: wens tot meer richting \
                         in het werk.\nVerloop: {} gesprekken; open en gemotiveerd.\n\
                         Conclusie: duidelijke keuzes gemaakt, vervolgstappen afgesproken.",
                        4 + t % 5
                    )),
                    created_on: Some(ymd(written)),
                    files: Vec::new(),
                });
            }
        }
    }

    let team_reports: [(&str, &str, u32, i64); 5] = [
        ("Zorggroep Rivierenland", "Team Wijkverpleging Oost", 37, 0),
        ("Gemeente Utrecht", "Team Vergunningen", 35, 25),
        ("Hogeschool Arnhem", "Opleidingsteam HRM", 20, 0),
        ("Waterschap De Dommel", "Team Beheer", 6, 0),
        ("Provincie Gelderland", "Directieteam", 1, 0),
    ];
    for (org, team, months, extra_days) in team_reports {
        let delivered = months_ago(today, months) - Duration::days(extra_days);
        f.team_reports.push(TeamReportIn {
            organisation: org.to_string(),
            team: team.to_string(),
            title: format!("Adviesrapport {team}"),
            body: Some(format!(
                "Adviesrapport teamvraagstuk — {team}, {org}\n\nVraag: hoe herstelt het team \
                 het onderlinge vertrouwen na de reorganisatie?\nBevindingen: onduidelijke \
                 rollen, weinig feedback, hoge werkdruk.\nAdvies: teamsessies over rollen, \
                 een vast overleg, coaching van de teamleider."
            )),
            delivered_on: ymd(delivered),
            password: None,
            files: Vec::new(),
        });
    }

    let contacts: [(&str, i64, Option<i64>); 5] = [
        ("Henk Willems", 45, Some(40)),
        ("Sophie Claes", 33, None),
        ("Jan-Willem Post", 27, Some(26)),
        ("Lotte Kramer", 4, None),
        ("Ahmed El Amrani", 1, None),
    ];
    for (name, received, first) in contacts {
        let mail = name.to_lowercase().replace(' ', ".").replace('-', "");
        f.contact_requests.push(ContactRequestIn {
            name: name.to_string(),
            email: Some(format!("{mail}@example.com")),
            phone: None,
            message: "Graag een kennismakingsgesprek over coaching voor mijn team.".to_string(),
            received_on: ymd(days_ago(today, received)),
            first_contact_on: first.map(|d| ymd(days_ago(today, d))),
        });
    }

    // (requester, participants, amount, sent days ago, accepted / declined days ago)
    type Q = (
        usize,
        &'static [usize],
        &'static str,
        i64,
        Option<i64>,
        Option<i64>,
    );
    let quotes: [Q; 6] = [
        (30, &[0], "2450.00", 130, Some(125), None),
        (31, &[10], "1875.00", 160, Some(155), None),
        (32, &[12, 13, 14], "4800.00", 110, Some(104), None),
        (33, &[], "950.00", 60, None, Some(50)),
        (34, &[], "3200.00", 20, None, None),
        (35, &[22], "2100.00", 2600, Some(2590), None),
    ];
    for (requester, participants, amount, sent, accepted, declined) in quotes {
        f.quotes.push(QuoteIn {
            requester: format!("p{requester}"),
            participants: participants.iter().map(|p| format!("p{p}")).collect(),
            amount: amount.to_string(),
            sent_on: ymd(days_ago(today, sent)),
            accepted_on: accepted.map(|d| ymd(days_ago(today, d))),
            declined_on: declined.map(|d| ymd(days_ago(today, d))),
        });
    }

    let subscribers: [(&str, &str, SubscriberSource, &str, i64); 8] = [
        (
            "m.hoekstra@example.org",
            "Marieke Hoekstra",
            SubscriberSource::Webinar,
            "Webinar Teamdynamiek",
            200,
        ),
        (
            "r.peeters@example.org",
            "Rik Peeters",
            SubscriberSource::Webinar,
            "Webinar Teamdynamiek",
            200,
        ),
        (
            "d.aydin@example.org",
            "Derya Aydın",
            SubscriberSource::Ebook,
            "E-book Grip op Werkdruk",
            150,
        ),
        (
            "k.jacobs@example.org",
            "Koen Jacobs",
            SubscriberSource::Ebook,
            "E-book Grip op Werkdruk",
            90,
        ),
        (
            "l.vanrijn@example.org",
            "Lieke van Rijn",
            SubscriberSource::Webinar,
            "Webinar Feedback die Werkt",
            60,
        ),
        (
            "t.smits@example.org",
            "Tom Smits",
            SubscriberSource::Ebook,
            "E-book Loopbaankeuzes",
            30,
        ),
        (
            "n.bulut@example.org",
            "Nadia Bulut",
            SubscriberSource::Webinar,
            "Webinar Feedback die Werkt",
            14,
        ),
        (
            "e.verbeek@example.org",
            "Esther Verbeek",
            SubscriberSource::Manual,
            "Aangemeld na lezing, schriftelijk akkoord",
            5,
        ),
    ];
    for (email, name, source, evidence, ago) in subscribers {
        let when = days_ago(today, ago);
        f.subscribers.push(SubscriberIn {
            email: email.to_string(),
            name: Some(name.to_string()),
            source,
            evidence: format!("{evidence}, {}", when.format("%d-%m-%Y")),
            subscribed_on: ymd(when),
        });
    }

    let requests: [(usize, RequestKind, i64, Option<i64>); 3] = [
        (11, RequestKind::Access, 26, None),
        (16, RequestKind::Rectification, 6, None),
        (25, RequestKind::Objection, 80, Some(70)),
    ];
    for (person, kind, received, handled) in requests {
        f.subject_requests.push(SubjectRequestIn {
            person: format!("p{person}"),
            kind,
            received_on: ymd(days_ago(today, received)),
            handled_on: handled.map(|h| ymd(days_ago(today, h))),
        });
    }
    f
}
