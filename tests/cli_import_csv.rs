//! `kluis import FILE.csv` (DESIGN.md §13.5): a Mailchimp-style export of
//! subscribers and a Dutch Excel list of people (`;`, Windows-1252 or UTF-8
//! with a byte order mark), checked whole by the JSON import's rules before
//! anything is written, refusals naming line and column in both languages.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

pub mod common {
    pub mod cli;
    pub mod files;
    pub mod fixture;
    pub mod vault;
}

use common::{cli::*, files::wait_until_released, vault::*};
use kluis::domain::records::{SubscriberSource, Suppression};
use kluis::domain::{AnyRecord, Kind};
use std::path::{Path, PathBuf};

/// What Mailchimp's "Export audience" writes: `,`, UTF-8, its own header
/// names and columns kluis has no use for.
const MAILCHIMP: &str = "Email Address,First Name,Last Name,MEMBER_RATING,OPTIN_TIME,OPTIN_IP,CONFIRM_TIME,GMTOFF,TIMEZONE,LEID,EUID,TAGS\r\n\
anna.devries@example.nl,Anna,de Vries,2,2026-05-12 10:31:02,,2026-05-12 10:32:00,,,123,abc,\"webinar, mei\"\r\n\
bram.jansen@example.nl,Bram,Jansen,3,2026-05-12 11:00:00,,,,,124,abd,\r\n\
daan.visser@example.nl,Daan,Visser,1,2026-05-13 09:00:00,,,,,125,abe,\r\n";

/// Excel's "CSV (puntkomma)" of a participant list, as Windows-1252 bytes.
fn excel_1252() -> Vec<u8> {
    let mut b = Vec::new();
    b.extend_from_slice(
        b"Voornaam;Tussenvoegsel;Achternaam;E-mailadres;Telefoon;Organisatie;Notities\r\n",
    );
    b.extend_from_slice(b"Anna;de;Vries;anna.devries@example.nl;+31 6 1234 5678;Gemeente Utrecht;eerste gesprek\r\n");
    b.extend_from_slice(b"Zo\xEB;;Brink;;;Caf\xE9 De Hoek;\r\n");
    b.extend_from_slice(b";;;;;;\r\n");
    b
}

fn tmp_vault() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let vault = tmp.path().join("v");
    new_vault(&vault);
    wait_until_released(&vault);
    (tmp, vault)
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

fn people_names(vault: &Path) -> Vec<String> {
    let s = open_session(vault, NOW);
    let mut names: Vec<String> = s.data.people.values().map(|p| p.name.clone()).collect();
    names.sort();
    names
}

#[test]
fn a_mailchimp_export_becomes_subscribers_with_the_files_consent() {
    let _serial = serial();
    let (tmp, vault) = tmp_vault();
    let file = write(tmp.path(), "members_export.csv", MAILCHIMP.as_bytes());
    let r = run(kluis(&vault).arg("import").arg(&file).args([
        "--source",
        "webinar",
        "--evidence",
        "Webinar Teamdynamiek, 12 mei 2026",
    ]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("subscriber"), "{}", r.stdout);
    assert!(
        r.stderr.contains("MEMBER_RATING"),
        "left-out columns named: {}",
        r.stderr
    );

    let s = open_session(&vault, NOW);
    assert_eq!(s.data.counts().get(&Kind::Subscriber), Some(&3));
    let anna = s
        .data
        .subscribers
        .values()
        .find(|x| x.email == "anna.devries@example.nl")
        .unwrap();
    assert_eq!(anna.name.as_deref(), Some("Anna de Vries"));
    assert_eq!(anna.source, SubscriberSource::Webinar);
    assert_eq!(anna.evidence, "Webinar Teamdynamiek, 12 mei 2026");
    assert_eq!(anna.subscribed_on, d("2026-05-12"));
}

#[test]
fn a_suppressed_address_in_the_export_refuses_the_whole_file_naming_line_and_column() {
    let _serial = serial();
    let (tmp, vault) = tmp_vault();
    {
        let mut s = open_session(&vault, NOW);
        let hash = s
            .vault
            .suppression_hash(&kluis::domain::mailing::normalise_email(
                "daan.visser@example.nl",
            ));
        let id = s.data.new_id();
        let sup = Suppression {
            hash,
            suppressed_on: d("2026-06-01"),
        };
        s.commit(
            "unsubscribe",
            vec![(id, AnyRecord::Suppression(sup))],
            vec![],
        )
        .unwrap();
    }
    wait_until_released(&vault);
    let file = write(tmp.path(), "members.csv", MAILCHIMP.as_bytes());
    for (lang, words) in [
        (
            "en",
            [
                "refused",
                "line 4, column \"email address\"",
                "unsubscribed before",
            ],
        ),
        (
            "nl",
            [
                "geweigerd",
                "regel 4, kolom \"email address\"",
                "niets geschreven",
            ],
        ),
    ] {
        let r = run(kluis(&vault)
            .args(["--lang", lang, "import"])
            .arg(&file)
            .args(["--source", "webinar", "--evidence", "Webinar mei"]));
        assert_eq!(r.code, 1, "{}", r.stderr);
        assert_clean_error(&r, &words);
    }
    assert_eq!(
        counts(&vault).get(&Kind::Subscriber),
        None,
        "nothing written"
    );
}

#[test]
fn subscribers_without_source_and_evidence_are_refused_before_the_file_is_read() {
    let _serial = serial();
    let (tmp, vault) = tmp_vault();
    let file = write(tmp.path(), "members.csv", MAILCHIMP.as_bytes());
    let r = run(kluis(&vault).arg("import").arg(&file).args([
        "--as",
        "subscribers",
        "--source",
        "webinar",
    ]));
    assert_eq!(r.code, 2);
    assert_clean_error(&r, &["--evidence"]);
    let r = run(kluis(&vault)
        .args(["--lang", "nl", "import"])
        .arg(&file)
        .args(["--as", "subscribers"]));
    assert_eq!(r.code, 2);
    assert_clean_error(&r, &["bewijs van toestemming"]);
}

#[test]
fn a_dutch_excel_list_in_windows_1252_becomes_people() {
    let _serial = serial();
    let (tmp, vault) = tmp_vault();
    let file = write(tmp.path(), "deelnemers.csv", &excel_1252());
    let r = run(kluis(&vault).args(["--lang", "nl", "import"]).arg(&file));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stderr.contains("Notities"), "{}", r.stderr);
    assert_eq!(people_names(&vault), ["Anna de Vries", "Zoë Brink"]);
    let s = open_session(&vault, NOW);
    let zoe = s
        .data
        .people
        .values()
        .find(|p| p.name == "Zoë Brink")
        .unwrap();
    assert_eq!(zoe.organisation.as_deref(), Some("Café De Hoek"));
    assert_eq!(zoe.email, None);
    assert_eq!(zoe.created_on, d("2026-11-25"));
}

#[test]
fn a_utf8_list_with_a_byte_order_mark_and_no_csv_extension_is_read_as_csv() {
    let _serial = serial();
    let (tmp, vault) = tmp_vault();
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(
        "Naam;E-mailadres;Datum\r\nZoë Ĳsselmeer-Çelik;zoe.ijsselmeer@example.nl;1-2-2026\r\n"
            .as_bytes(),
    );
    // Before CSV was known this answered "(file): expected ident".
    let file = write(tmp.path(), "export.txt", &bytes);
    let r = run(kluis(&vault).arg("import").arg(&file));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(people_names(&vault), ["Zoë Ĳsselmeer-Çelik"]);
    let s = open_session(&vault, NOW);
    assert_eq!(
        s.data.people.values().next().unwrap().created_on,
        d("2026-02-01")
    );
}

#[test]
fn a_bad_cell_refuses_the_whole_list_naming_line_and_column_in_both_languages() {
    let _serial = serial();
    let (tmp, vault) = tmp_vault();
    let text = "Voornaam;Achternaam;E-mailadres;Datum\n\
                Anna;de Vries;anna.devries@example.nl;5-1-2026\n\
                \"Bram\";\"Jansen\";\"bram.jansen(at)example.nl\";5-1-2026\n";
    let file = write(tmp.path(), "lijst.csv", text.as_bytes());
    for (lang, words) in [
        (
            "en",
            ["line 3, column \"e-mailadres\"", "not an e-mail address"],
        ),
        (
            "nl",
            [
                "regel 3, kolom \"e-mailadres\": geen e-mailadres",
                "er is niets geschreven",
            ],
        ),
    ] {
        let r = run(kluis(&vault).args(["--lang", lang, "import"]).arg(&file));
        assert_eq!(r.code, 1, "{}", r.stderr);
        assert_clean_error(&r, &words);
    }
    let bad_date = "Naam;Datum\nAnna de Vries;5 januari\n";
    let file = write(tmp.path(), "datum.csv", bad_date.as_bytes());
    let r = run(kluis(&vault).args(["--lang", "nl", "import"]).arg(&file));
    assert_eq!(r.code, 1);
    assert_clean_error(&r, &["regel 2, kolom \"datum\"", "geen datum"]);
    let no_name = "Deelnemer;Mail\nAnna de Vries;anna.devries@example.nl\n";
    let file = write(tmp.path(), "kolommen.csv", no_name.as_bytes());
    let r = run(kluis(&vault).arg("import").arg(&file));
    assert_eq!(r.code, 1);
    assert_clean_error(&r, &["no column found for first_name", "--map"]);
    assert_eq!(total(&vault), 0, "nothing written");

    // `--map` names the columns the header calls otherwise.
    let r = run(kluis(&vault).arg("import").arg(&file).args([
        "--map",
        "Deelnemer=name",
        "--map",
        "Mail=email",
    ]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(people_names(&vault), ["Anna de Vries"]);
}
