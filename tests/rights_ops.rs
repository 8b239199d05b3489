//! The rights operations in process, on temporary vaults with a fast KDF and
//! a fixed clock: access export, erasure, mailing list, quotes, inquiries,
//! consent and disclosure, requests, complaints.

// Tests stop at the first surprise: unwrap, expect and panic are how they fail.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

pub mod common {
    pub mod vault;
}

use common::vault::{NOW, d, import_into, open_session};
use kluis::domain::records::*;
use kluis::domain::{Id, Kind};
use kluis::i18n::Lang;
use kluis::ops::Session;
use kluis::ops::rights::erase::{KeptReason, erase, plan_erasure};
use kluis::ops::rights::export::{ExportFormat, access_export};
use kluis::ops::rights::inquiries::{self, ContactInput, Conversion, Requester};
use kluis::ops::rights::mailing::{self, Unsubscribed};
use kluis::ops::rights::quotes::{self, JoinResult, QuoteDraft};
use kluis::ops::rights::{Refusal, RightsError, complaints, consent, requests, resolve_person};
use std::path::Path;

const FIXTURE: &str = include_str!("fixtures/rights.json");

/// A new vault in `dir/v`, open on the fixed clock.
fn new_session(dir: &Path) -> Session {
    common::vault::new_session(&dir.join("v"), NOW)
}

/// Closes `s` and opens its vault (in `dir/v`) again.
fn reopen(dir: &Path, s: Session) -> Session {
    drop(s);
    open_session(&dir.join("v"), NOW)
}

fn fixture() -> (tempfile::TempDir, Session) {
    let dir = tempfile::tempdir().unwrap();
    let mut s = new_session(dir.path());
    import_into(&mut s, FIXTURE);
    (dir, s)
}

fn person(s: &Session, email: &str) -> Id {
    resolve_person(&s.data, email).unwrap()
}

fn refusal<T: std::fmt::Debug>(r: Result<T, RightsError>) -> Refusal {
    match r {
        Err(RightsError::Refused(x)) => x,
        other => panic!("expected a refusal, got {other:?}"),
    }
}

fn check_ok(s: &Session) {
    let report = s
        .vault
        .check(|k, p| {
            AnyRecord::decode(k, p)
                .map(|_| ())
                .map_err(|e| e.to_string())
        })
        .unwrap();
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    assert!(report.audit_chain_ok);
}

/// Every record that is about `p`, found independently of the export code.
fn records_about(s: &Session, p: &Id) -> Vec<(Kind, Id)> {
    let ds = &s.data;
    let email = ds.people[p].email.clone().unwrap().to_lowercase();
    let mut out = vec![(Kind::Person, p.clone())];
    for (id, t) in &ds.trajectories {
        if t.participants.contains(p) || t.requester.as_ref() == Some(p) {
            out.push((Kind::Trajectory, id.clone()));
        }
    }
    for (id, doc) in &ds.documents {
        if &doc.participant == p {
            out.push((doc.kind.record_kind(), id.clone()));
        }
    }
    for (id, q) in &ds.quotes {
        if q.participants.contains(p) || q.requester.as_ref() == Some(p) {
            out.push((Kind::Quote, id.clone()));
        }
    }
    for (id, c) in &ds.contact_requests {
        if c.email.as_deref().map(str::to_lowercase) == Some(email.clone()) {
            out.push((Kind::ContactRequest, id.clone()));
        }
    }
    for (id, sub) in &ds.subscribers {
        if sub.email.to_lowercase() == email {
            out.push((Kind::Subscriber, id.clone()));
        }
    }
    for (id, c) in &ds.consents {
        if &c.person == p {
            out.push((Kind::Consent, id.clone()));
        }
    }
    for (id, x) in &ds.disclosures {
        if &x.person == p {
            out.push((Kind::Disclosure, id.clone()));
        }
    }
    for (id, r) in &ds.subject_requests {
        if r.person.as_ref() == Some(p) {
            out.push((Kind::SubjectRequest, id.clone()));
        }
    }
    for (id, c) in &ds.complaints {
        if c.person.as_ref() == Some(p) {
            out.push((Kind::Complaint, id.clone()));
        }
    }
    out.sort();
    out
}

/// Adds a consent, a disclosure and a complaint for Anna, and the same for Bram.
fn add_consents_and_complaints(s: &mut Session) -> (Id, Id) {
    let anna = person(s, "anna@example.nl");
    let bram = person(s, "bram@example.nl");
    consent::record_consent(
        s,
        &anna,
        "Arbodienst Noord",
        "re-integratie",
        d("2026-03-01"),
    )
    .unwrap();
    consent::record_disclosure(
        s,
        &anna,
        "arbodienst noord",
        "Samenvatting voortgang",
        d("2026-03-05"),
    )
    .unwrap();
    complaints::record(s, Some(&anna), "Antwoord kwam laat", d("2026-04-01")).unwrap();
    consent::record_consent(
        s,
        &bram,
        "Bedrijfsarts",
        "GEHEIM-BRAM-DOEL",
        d("2026-03-01"),
    )
    .unwrap();
    complaints::record(s, Some(&bram), "GEHEIM-BRAM-KLACHT", d("2026-04-02")).unwrap();
    (anna, bram)
}

#[test]
fn the_export_holds_every_record_of_the_person_and_nothing_of_another() {
    let (_dir, mut s) = fixture();
    let (anna, _bram) = add_consents_and_complaints(&mut s);
    let expected = records_about(&s, &anna);
    assert!(expected.len() >= 12, "{expected:?}");

    let e = access_export(&s, &anna, Lang::En).unwrap();
    let mut got = e.records();
    got.sort();
    assert_eq!(got, expected);

    for lang in [Lang::En, Lang::Nl] {
        let e = access_export(&s, &anna, lang).unwrap();
        for format in [ExportFormat::Json, ExportFormat::Markdown] {
            let text = e.render(format);
            for secret in [
                "Bram Jansen",
                "bram@example.nl",
                "GEHEIM-BRAM",
                "Verslag Bram",
                "Cees Bakker",
                "cees@example.nl",
                "extra@example.nl",
            ] {
                assert!(
                    !text.contains(secret),
                    "{secret} leaked into {format:?}:\n{text}"
                );
            }
            for needed in [
                "Anna de Vries",
                "Anna werkt aan haar loopbaan",
                "Score 7 op samenwerken.",
                "Teamtraining feedback",
                "Arbodienst Noord",
                "Antwoord kwam laat",
                "Graag een gesprek over coaching.",
                "Autoriteit Persoonsgegevens",
                "Postbus 93374",
                "2509 AJ Den Haag",
                "autoriteitpersoonsgegevens.nl",
                "088 - 1805 250",
            ] {
                assert!(
                    text.contains(needed),
                    "{needed} missing from {format:?}:\n{text}"
                );
            }
        }
    }

    // JSON: the deadline of every record that has one, and the art. 15 parts.
    let json: serde_json::Value = serde_json::from_str(&e.render(ExportFormat::Json)).unwrap();
    let deadlines = s.deadlines();
    let accepted = json["quotes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|q| q["amount"] == "1450.00")
        .unwrap();
    let qid = Id::parse(accepted["id"].as_str().unwrap()).unwrap();
    let want = deadlines[&(Kind::Quote, qid)].date().unwrap().to_string();
    assert_eq!(accepted["retention"]["deadline"], want.as_str());
    assert_eq!(want, "2033-01-08");
    let info = &json["information"];
    for key in [
        "purposes",
        "categories",
        "recipients",
        "sources",
        "rights",
        "retention",
        "automated_decisions",
        "complaint_authority",
    ] {
        assert!(!info[key].is_null(), "{key}");
    }
    let rights: Vec<&str> = info["rights"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["right"].as_str().unwrap())
        .collect();
    for r in ["rectification", "erasure", "restriction", "objection"] {
        assert!(rights.contains(&r), "{r}");
    }
    // The shared trajectory shows title and dates, not who else is in it.
    let shared = json["trajectories"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["title"] == "Teamtraining feedback")
        .unwrap();
    assert_eq!(shared["shared"], true);
    assert!(shared.get("participants").is_none());
    // Team reports are about a team, not the person.
    assert!(json.get("team_reports").is_none());

    // The export is on record in the audit log, by ids only.
    kluis::ops::rights::export::record_export(&mut s, &e).unwrap();
    let last = s.vault.audit_entries().unwrap().pop().unwrap();
    assert_eq!(last.action, "access_export");
    assert!(last.ids.contains(&format!("person/{anna}")));
    let logged = serde_json::to_string(&last).unwrap();
    assert!(
        !logged.contains("Anna") && !logged.contains("anna@"),
        "{logged}"
    );
    check_ok(&s);
}

#[test]
fn the_dutch_export_words_its_periods_as_the_privacy_statement_does() {
    let (_dir, mut s) = fixture();
    let (anna, _bram) = add_consents_and_complaints(&mut s);
    let md = access_export(&s, &anna, Lang::Nl)
        .unwrap()
        .render(ExportFormat::Markdown);
    for needle in [
        "7 jaar na acceptatie (fiscale bewaarplicht, art. 52 AWR)",
        "2 jaar na afhandeling",
        "(artikel 15 AVG)",
        "(artikel 7 lid 3 AVG)",
        "op basis van wat jij inbracht en invulde",
        "je adres wordt nooit aan derden doorgegeven",
        "Rapportages en uitslagen van vragenlijsten worden uiterlijk 2 maanden na het einde",
        "- **Bedrag:** € 1.450,00",
    ] {
        assert!(md.contains(needle), "missing {needle:?} in\n{md}");
    }
    for wrong in [
        "nadat hij",
        "de fiscale bewaarplicht van",
        "na de afhandeling",
        "AVG artikel",
        "uit wat jij",
        "nooit aan anderen",
        "€ 1450.00",
    ] {
        assert!(!md.contains(wrong), "{wrong:?} in\n{md}");
    }

    // A practice that keeps questionnaire results one month says so.
    kluis::ops::practice::set_fields(
        &mut s,
        r#"{"retention_months": {"questionnaire_result": 1}}"#,
    )
    .unwrap();
    let md = access_export(&s, &anna, Lang::Nl)
        .unwrap()
        .render(ExportFormat::Markdown);
    assert!(
        md.contains("Individuele rapportages worden uiterlijk 2 maanden en uitslagen van vragenlijsten uiterlijk 1 maand na het einde van de coaching of training verwijderd."),
        "{md}"
    );
}

#[test]
fn an_unknown_or_shared_address_is_refused_without_naming_it() {
    let (_dir, mut s) = fixture();
    assert_eq!(
        refusal(resolve_person(&s.data, "nobody@example.nl")),
        Refusal::UnknownPerson
    );
    let json = r#"{"people": [{"ref": "x", "name": "Tweede Anna", "email": "anna@example.nl"}]}"#;
    import_into(&mut s, json);
    let err = resolve_person(&s.data, "ANNA@example.nl").unwrap_err();
    assert_eq!(err.refusal(), Some(Refusal::AmbiguousPerson));
    for lang in [Lang::En, Lang::Nl] {
        assert!(!err.message(lang).contains("anna"));
    }
}

#[test]
fn erasure_keeps_the_other_participant_and_a_restricted_accepted_quote() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = new_session(dir.path());
    import_into(&mut s, FIXTURE);
    let (anna, bram) = add_consents_and_complaints(&mut s);
    let erasure_request =
        requests::record(&mut s, &anna, RequestKind::Erasure, d("2026-11-20")).unwrap();
    let bram_docs: Vec<Id> = s
        .data
        .documents
        .iter()
        .filter(|(_, doc)| doc.participant == bram)
        .map(|(id, _)| id.clone())
        .collect();
    assert_eq!(bram_docs.len(), 1);
    let accepted = s
        .data
        .quotes
        .iter()
        .find(|(_, q)| q.requester.as_ref() == Some(&anna) && q.accepted_on.is_some())
        .map(|(id, _)| id.clone())
        .unwrap();

    let plan = plan_erasure(&s, &anna).unwrap();
    let receipt = erase(&mut s, &anna).unwrap();
    // The preview is what happened (the new suppression entry gets its own id).
    assert_eq!(receipt.deleted, plan.receipt.deleted);
    assert_eq!(receipt.kept.len(), plan.receipt.kept.len());
    let mut s = reopen(dir.path(), s);

    assert!(!s.data.people.contains_key(&anna));
    assert!(s.data.people.contains_key(&bram));
    for id in &bram_docs {
        assert!(s.data.documents.contains_key(id), "Bram's document went");
    }
    assert!(s.data.documents.values().all(|doc| doc.participant != anna));
    // The shared trajectory stays with Bram; Anna's own one went.
    assert_eq!(s.data.trajectories.len(), 1);
    let shared = s.data.trajectories.values().next().unwrap();
    assert_eq!(shared.participants, vec![bram.clone()]);
    // The accepted quote: organisation and amount, restricted.
    let q = &s.data.quotes[&accepted];
    assert_eq!(q.requester, None);
    assert_eq!(
        q.requester_organisation.as_deref(),
        Some("Gemeente Utrecht")
    );
    assert_eq!(q.amount, "1450.00");
    assert!(q.participants.is_empty());
    assert!(q.restricted);
    // The open quote she requested went (no fiscal duty); Cees's quote stays without her.
    assert_eq!(s.data.quotes.len(), 2);
    let cees_quote = s
        .data
        .quotes
        .values()
        .find(|q| q.amount == "2450.00")
        .unwrap();
    assert_eq!(cees_quote.participants, vec![bram.clone()]);
    assert!(!cees_quote.restricted);
    // Contact request, subscriber, consent, disclosure: gone. Bram's consent stays.
    assert!(s.data.contact_requests.is_empty());
    assert!(s.data.disclosures.is_empty());
    assert_eq!(s.data.consents.len(), 1);
    assert!(
        s.data
            .subscribers
            .values()
            .all(|x| x.email.to_lowercase() != "anna@example.nl")
    );
    assert!(s.is_suppressed("anna@example.nl"));
    // The logs stay without her; her erasure request is answered by this.
    let r = &s.data.subject_requests[&erasure_request];
    assert_eq!(r.person, None);
    assert_eq!(r.handled_on, Some(d("2026-11-25")));
    assert_eq!(receipt.requests_handled, 1);
    assert_eq!(s.data.complaints.len(), 2);
    assert!(s.data.complaints.values().any(|c| c.person.is_none()));

    // The receipt: what went, what stayed and why.
    assert_eq!(receipt.deleted[&Kind::Person], 1);
    assert_eq!(receipt.deleted[&Kind::Trajectory], 1);
    assert_eq!(receipt.deleted[&Kind::IndividualReport], 1);
    assert_eq!(receipt.deleted[&Kind::QuestionnaireResult], 1);
    assert_eq!(receipt.deleted[&Kind::Quote], 1);
    assert_eq!(receipt.deleted[&Kind::ContactRequest], 1);
    assert_eq!(receipt.deleted[&Kind::Subscriber], 1);
    assert_eq!(receipt.deleted[&Kind::Consent], 1);
    assert_eq!(receipt.deleted[&Kind::Disclosure], 1);
    let reason_of = |kind: Kind, id: &Id| {
        receipt
            .kept
            .iter()
            .find(|k| k.kind == kind && &k.id == id)
            .map(|k| k.reason)
    };
    assert_eq!(
        reason_of(Kind::Quote, &accepted),
        Some(KeptReason::FiscalDuty)
    );
    assert_eq!(
        reason_of(Kind::SubjectRequest, &erasure_request),
        Some(KeptReason::RequestLog)
    );
    assert!(
        receipt
            .kept
            .iter()
            .any(|k| k.reason == KeptReason::OtherParticipants)
    );
    assert!(
        receipt
            .kept
            .iter()
            .any(|k| k.reason == KeptReason::Suppression)
    );

    check_ok(&s);
    // A restricted quote is not processed any further.
    assert_eq!(
        refusal(quotes::decline_quote(&mut s, &accepted, d("2026-11-25"))),
        Refusal::QuoteRestricted
    );
    // The erased person cannot be found any more.
    assert_eq!(
        refusal(resolve_person(&s.data, "anna@example.nl")),
        Refusal::UnknownPerson
    );
}

#[test]
fn the_export_of_someone_who_unsubscribed_calls_what_is_kept_a_keyed_hash_not_encryption() {
    let (_dir, mut s) = fixture();
    let anna = person(&s, "anna@example.nl");
    mailing::unsubscribe(&mut s, &["anna@example.nl"]).unwrap();
    let nl = access_export(&s, &anna, Lang::Nl)
        .unwrap()
        .render(ExportFormat::Markdown);
    assert!(
        nl.contains("alleen een code die met een geheime sleutel uit je adres is berekend (een keyed hash). Uit die code is je adres niet terug te halen"),
        "{nl}"
    );
    assert!(!nl.contains("versleutelde code"), "{nl}");
    let en = access_export(&s, &anna, Lang::En)
        .unwrap()
        .render(ExportFormat::Markdown);
    assert!(
        en.contains("only a code computed from it with a secret key (a keyed hash). Your address cannot be read back"),
        "{en}"
    );
    assert!(!en.contains("encrypted code"), "{en}");
}

#[test]
fn unsubscribed_addresses_are_not_re_added_by_a_later_quote() {
    let (_dir, mut s) = fixture();
    let cees = person(&s, "cees@example.nl");
    let anna = person(&s, "anna@example.nl");
    let out = mailing::unsubscribe(&mut s, &["  CEES@example.nl ", "nieuw@example.nl"]).unwrap();
    assert_eq!(out[0].result, Unsubscribed::Removed);
    assert!(out[0].newly_suppressed);
    assert_eq!(out[1].result, Unsubscribed::NotOnList);
    assert!(out[1].newly_suppressed);
    assert!(s.is_suppressed("cees@example.nl"));
    assert!(
        s.data
            .subscribers
            .values()
            .all(|x| x.email != "cees@example.nl")
    );
    // Only the hash is stored: the address is nowhere in the suppression records.
    for x in s.data.suppressions.values() {
        assert!(!x.hash.contains("cees"));
    }

    // Anna unsubscribes too; then a new quote from Cees for Anna is accepted.
    mailing::unsubscribe(&mut s, &["anna@example.nl"]).unwrap();
    let q = quotes::new_quote(
        &mut s,
        &QuoteDraft {
            requester: cees.clone(),
            participants: vec![anna.clone()],
            amount: "990".into(),
            sent_on: d("2026-11-20"),
        },
    )
    .unwrap();
    assert_eq!(s.data.quotes[&q].amount, "990.00");
    let before = s.data.subscribers.len();
    let acc = quotes::accept_quote(&mut s, &q, d("2026-11-24")).unwrap();
    assert_eq!(s.data.subscribers.len(), before);
    assert_eq!(acc.joined().count(), 0);
    assert!(acc.joins.iter().all(|j| j.result == JoinResult::Suppressed));
    assert_eq!(acc.joins.len(), 2);
    assert_eq!(s.data.quotes[&q].accepted_on, Some(d("2026-11-24")));

    // Adding the address again needs new explicit consent with evidence.
    let sub = |source, evidence: &str| Subscriber {
        email: "Cees@Example.nl".into(),
        name: Some("Cees Bakker".into()),
        source,
        evidence: evidence.into(),
        subscribed_on: d("2026-11-25"),
    };
    assert_eq!(
        refusal(mailing::subscribe(
            &mut s,
            sub(SubscriberSource::Webinar, "Webinar")
        )),
        Refusal::Suppressed
    );
    assert_eq!(
        refusal(mailing::subscribe(
            &mut s,
            sub(SubscriberSource::Manual, "  ")
        )),
        Refusal::FieldRequired(kluis::ops::rights::Field::Evidence)
    );
    for evidence in ["Formulier\r\n  nep", "Formulier\u{202e}"] {
        assert_eq!(
            refusal(mailing::subscribe(
                &mut s,
                sub(SubscriberSource::Manual, evidence)
            )),
            Refusal::ControlCharacter
        );
    }
    assert_eq!(
        refusal(mailing::subscribe(
            &mut s,
            sub(SubscriberSource::Quote, "q")
        )),
        Refusal::QuoteSourceReserved
    );
    mailing::subscribe(
        &mut s,
        sub(
            SubscriberSource::Manual,
            "Mail van 25-11-2026: wil de nieuwsbrief weer",
        ),
    )
    .unwrap();
    assert!(!s.is_suppressed("cees@example.nl"));
    assert_eq!(
        refusal(mailing::subscribe(
            &mut s,
            sub(SubscriberSource::Manual, "again")
        )),
        Refusal::AlreadySubscribed
    );
    check_ok(&s);
}

#[test]
fn an_invalid_address_refuses_the_whole_unsubscribe() {
    let (_dir, mut s) = fixture();
    let before = s.data.clone();
    assert_eq!(mailing::first_bad_address(&["a@b.nl", "nope"]), Some(2));
    assert_eq!(
        refusal(mailing::unsubscribe(&mut s, &["cees@example.nl", "nope"])),
        Refusal::BadEmail
    );
    assert_eq!(s.data, before);
}

#[test]
fn accepting_a_quote_adds_its_people_once_in_one_change() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = new_session(dir.path());
    import_into(
        &mut s,
        r#"{"people": [
            {"ref": "r", "name": "Rita Requester", "email": "rita@example.nl"},
            {"ref": "p", "name": "Piet Deelnemer", "email": "piet@example.nl"},
            {"ref": "n", "name": "Nina Zonder"}
        ],
        "quotes": [{"requester": "r", "participants": ["p", "n", "r"], "amount": "100", "sent_on": "2026-11-01"}],
        "subscribers": [{"email": "PIET@example.nl", "source": "ebook", "evidence": "E-book", "subscribed_on": "2026-10-01"}]}"#,
    );
    let q = s.data.quotes.keys().next().unwrap().clone();
    assert_eq!(
        refusal(quotes::accept_quote(&mut s, &q, d("2026-10-01"))),
        Refusal::DateTooEarly
    );
    assert_eq!(
        refusal(quotes::accept_quote(&mut s, &q, d("2026-12-01"))),
        Refusal::DateInFuture
    );
    let acc = quotes::accept_quote(&mut s, &q, d("2026-11-10")).unwrap();
    let results: Vec<(String, JoinResult)> = acc
        .joins
        .iter()
        .map(|j| (j.name.clone(), j.result))
        .collect();
    assert_eq!(
        results,
        vec![
            ("Rita Requester".to_string(), JoinResult::Added),
            ("Piet Deelnemer".to_string(), JoinResult::AlreadySubscribed),
            ("Nina Zonder".to_string(), JoinResult::NoEmail),
        ]
    );
    let sid = acc.joins[0].subscriber.clone().unwrap();
    let sub = &s.data.subscribers[&sid];
    assert_eq!(sub.source, SubscriberSource::Quote);
    assert!(sub.evidence.contains(q.as_str()));
    assert_eq!(
        refusal(quotes::accept_quote(&mut s, &q, d("2026-11-11"))),
        Refusal::QuoteDecided
    );
    assert_eq!(
        refusal(quotes::decline_quote(&mut s, &q, d("2026-11-11"))),
        Refusal::QuoteDecided
    );
    let rows = quotes::list(&s, &s.deadlines());
    assert_eq!(rows[0].state, quotes::QuoteState::Accepted(d("2026-11-10")));
}

#[test]
fn a_contact_request_becomes_a_person_and_a_quote_and_is_gone() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = new_session(dir.path());
    let input = ContactInput {
        name: "Vera Vraag".into(),
        email: "vera@example.nl".into(),
        phone: String::new(),
        message: "Kunt u mij bellen?".into(),
    };
    assert_eq!(
        refusal(inquiries::record_contact_request(
            &mut s,
            &ContactInput {
                email: "geen adres".into(),
                ..input.clone()
            },
            d("2026-11-20")
        )),
        Refusal::BadEmail
    );
    let c = inquiries::record_contact_request(&mut s, &input, d("2026-11-20")).unwrap();
    inquiries::mark_first_contact(&mut s, &c, d("2026-11-21")).unwrap();
    assert_eq!(
        inquiries::list(&s, &s.deadlines())[0].first_contact_on,
        Some(d("2026-11-21"))
    );
    // P3: the contact request never puts the address on the list.
    assert!(s.data.subscribers.is_empty());

    let conv = Conversion {
        requester: Requester::New {
            organisation: Some("Vraag BV".into()),
        },
        requester_participates: true,
        participants: Vec::new(),
        amount: "12.5".into(),
        sent_on: d("2026-11-22"),
    };
    assert_eq!(
        refusal(inquiries::convert_to_quote(
            &mut s,
            &c,
            &Conversion {
                // "12,50" is an amount now (the Dutch way); "12.505" is not.
                amount: "12.505".into(),
                ..conv.clone()
            }
        )),
        Refusal::BadAmount
    );
    let done = inquiries::convert_to_quote(&mut s, &c, &conv).unwrap();
    assert!(done.person_created);
    assert!(s.data.contact_requests.is_empty());
    let p = &s.data.people[&done.person];
    assert_eq!(p.name, "Vera Vraag");
    assert_eq!(p.email.as_deref(), Some("vera@example.nl"));
    assert_eq!(p.organisation.as_deref(), Some("Vraag BV"));
    let q = &s.data.quotes[&done.quote];
    assert_eq!(q.requester.as_ref(), Some(&done.person));
    assert_eq!(q.participants, vec![done.person.clone()]);
    assert_eq!(q.amount, "12.50");
    assert!(s.data.subscribers.is_empty());
    // Only accepting the quote puts Vera on the list (P4).
    quotes::accept_quote(&mut s, &done.quote, d("2026-11-24")).unwrap();
    assert_eq!(s.data.subscribers.len(), 1);
    // The request was deleted, not just unlinked.
    assert_eq!(
        refusal(inquiries::mark_first_contact(&mut s, &c, d("2026-11-24"))),
        Refusal::UnknownRecord(Kind::ContactRequest)
    );
    check_ok(&s);
}

#[test]
fn the_csv_round_trips_names_with_commas_and_quotes() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = new_session(dir.path());
    let names = [
        "Jansen, \"Joop\"",
        "O'Brien, Mary-Ann",
        "Regel\nbreuk",
        "=SUM(A1)",
        "Ünïcödé Ås",
    ];
    for (i, name) in names.iter().enumerate() {
        let sub = Subscriber {
            email: format!("p{i}@example.nl"),
            name: Some((*name).to_string()),
            source: SubscriberSource::Webinar,
            evidence: "Webinar, 12 mei".into(),
            subscribed_on: d("2026-05-12"),
        };
        if name.contains('\n') {
            // Input refuses a line break in a name now; a vault from before
            // may hold one, and the CSV still quotes it.
            let id = s.data.new_id();
            s.commit("test", vec![(id, AnyRecord::Subscriber(sub))], vec![])
                .unwrap();
        } else {
            mailing::subscribe(&mut s, sub).unwrap();
        }
    }
    mailing::subscribe(
        &mut s,
        Subscriber {
            email: "zonder@example.nl".into(),
            name: None,
            source: SubscriberSource::Ebook,
            evidence: "E-book".into(),
            subscribed_on: d("2026-06-01"),
        },
    )
    .unwrap();
    let bytes = mailing::csv(&s.data);
    let mut r = csv::Reader::from_reader(bytes.as_slice());
    assert_eq!(
        r.headers().unwrap(),
        vec!["email", "name", "source", "subscribed_on"]
    );
    let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), names.len() + 1);
    for (i, name) in names.iter().enumerate() {
        let row = &rows[i];
        assert_eq!(&row[0], format!("p{i}@example.nl"));
        // A cell that would start a formula is neutralised (OWASP).
        let expected = if name.starts_with('=') {
            format!("'{name}")
        } else {
            name.to_string()
        };
        assert_eq!(&row[1], expected);
        assert_eq!(&row[2], "webinar");
        assert_eq!(&row[3], "2026-05-12");
    }
    let last = &rows[names.len()];
    assert_eq!(
        last.iter().collect::<Vec<_>>(),
        vec!["zonder@example.nl", "", "ebook", "2026-06-01"]
    );
}

#[test]
fn a_disclosure_needs_an_active_consent_for_that_recipient() {
    let (_dir, mut s) = fixture();
    let anna = person(&s, "anna@example.nl");
    let bram = person(&s, "bram@example.nl");
    let on = d("2026-11-20");
    assert_eq!(
        refusal(consent::record_disclosure(
            &mut s,
            &anna,
            "GGD Utrecht",
            "verslag",
            on
        )),
        Refusal::NoActiveConsent
    );
    // Bram's consent does not cover Anna.
    consent::record_consent(&mut s, &bram, "GGD Utrecht", "advies", d("2026-11-01")).unwrap();
    assert_eq!(
        refusal(consent::record_disclosure(
            &mut s,
            &anna,
            "GGD Utrecht",
            "verslag",
            on
        )),
        Refusal::NoActiveConsent
    );
    let c = consent::record_consent(&mut s, &anna, "  GGD Utrecht ", "advies", d("2026-11-01"))
        .unwrap();
    assert_eq!(s.data.consents[&c].recipient, "GGD Utrecht");
    // Recipients compare trimmed and case-insensitively.
    let x = consent::record_disclosure(&mut s, &anna, " ggd utrecht", "verslag", on).unwrap();
    assert_eq!(s.data.disclosures[&x].consent, c);
    // Another recipient, or a day before the consent was given: refused.
    assert_eq!(
        refusal(consent::record_disclosure(
            &mut s,
            &anna,
            "GGD Amsterdam",
            "verslag",
            on
        )),
        Refusal::NoActiveConsent
    );
    assert_eq!(
        refusal(consent::record_disclosure(
            &mut s,
            &anna,
            "GGD Utrecht",
            "verslag",
            d("2026-10-31")
        )),
        Refusal::NoActiveConsent
    );
    assert_eq!(
        refusal(consent::record_disclosure(
            &mut s,
            &anna,
            "GGD Utrecht",
            " ",
            on
        )),
        Refusal::FieldRequired(kluis::ops::rights::Field::What)
    );
    // Withdrawn: no more disclosures; withdrawing twice is refused.
    assert_eq!(
        refusal(consent::withdraw_consent(&mut s, &c, d("2026-10-01"))),
        Refusal::DateTooEarly
    );
    consent::withdraw_consent(&mut s, &c, d("2026-11-22")).unwrap();
    assert_eq!(
        refusal(consent::withdraw_consent(&mut s, &c, d("2026-11-23"))),
        Refusal::AlreadyWithdrawn
    );
    assert_eq!(
        refusal(consent::record_disclosure(
            &mut s,
            &anna,
            "GGD Utrecht",
            "verslag",
            d("2026-11-25")
        )),
        Refusal::NoActiveConsent
    );
    assert_eq!(consent::consents_of(&s.data, &anna).len(), 1);
    assert_eq!(consent::disclosures_of(&s.data, &anna).len(), 1);
}

#[test]
fn a_request_runs_one_month_and_can_be_extended_once() {
    let (_dir, mut s) = fixture();
    let anna = person(&s, "anna@example.nl");
    assert_eq!(
        refusal(requests::record(
            &mut s,
            &anna,
            RequestKind::Access,
            d("2026-11-26")
        )),
        Refusal::DateInFuture
    );
    let r = requests::record(&mut s, &anna, RequestKind::Rectification, d("2026-10-31")).unwrap();
    let row = requests::list(&s).into_iter().find(|x| x.id == r).unwrap();
    assert_eq!(row.due_on, d("2026-11-30"));
    assert_eq!(row.days_left, Some(5));
    assert_eq!(row.person_name.as_deref(), Some("Anna de Vries"));
    assert_eq!(
        refusal(requests::extend(&mut s, &r, "  ")),
        Refusal::FieldRequired(kluis::ops::rights::Field::Reason)
    );
    assert_eq!(
        requests::extend(&mut s, &r, "veel dossiers").unwrap(),
        d("2027-01-31")
    );
    assert_eq!(
        refusal(requests::extend(&mut s, &r, "nog eens")),
        Refusal::AlreadyExtended
    );
    // Too late to extend once the first month has passed.
    let late = requests::record(&mut s, &anna, RequestKind::Objection, d("2026-10-01")).unwrap();
    assert_eq!(
        refusal(requests::extend(&mut s, &late, "te laat")),
        Refusal::ExtensionTooLate
    );
    assert!(
        requests::list(&s)
            .iter()
            .find(|x| x.id == late)
            .unwrap()
            .is_overdue()
    );
    assert_eq!(
        refusal(requests::mark_handled(&mut s, &r, d("2026-10-30"))),
        Refusal::DateTooEarly
    );
    requests::mark_handled(&mut s, &r, d("2026-11-25")).unwrap();
    assert_eq!(
        refusal(requests::mark_handled(&mut s, &r, d("2026-11-25"))),
        Refusal::AlreadyHandled
    );
    assert_eq!(
        refusal(requests::extend(&mut s, &r, "na afhandeling")),
        Refusal::AlreadyHandled
    );
    let rows = requests::of_person(&s, &anna);
    // Open ones first, soonest due first; the handled one last.
    assert_eq!(rows.last().unwrap().id, r);
    assert_eq!(rows.last().unwrap().days_left, None);
    assert_eq!(rows[0].id, late);
}

#[test]
fn complaints_are_recorded_handled_and_referred() {
    let (_dir, mut s) = fixture();
    let anna = person(&s, "anna@example.nl");
    let c = complaints::record(&mut s, Some(&anna), "Te laat antwoord", d("2026-11-01")).unwrap();
    let anon = complaints::record(&mut s, None, "Anoniem", d("2026-11-02")).unwrap();
    assert_eq!(
        refusal(complaints::record(&mut s, None, " ", d("2026-11-02"))),
        Refusal::FieldRequired(kluis::ops::rights::Field::Summary)
    );
    // The import's rule for control characters.
    assert_eq!(
        refusal(complaints::record(
            &mut s,
            None,
            "Klacht\u{1b}[2J",
            d("2026-11-02")
        )),
        Refusal::ControlCharacter
    );
    complaints::set_referred_to_ap(&mut s, &c, true).unwrap();
    complaints::mark_handled(&mut s, &c, d("2026-11-20")).unwrap();
    assert_eq!(
        refusal(complaints::mark_handled(&mut s, &c, d("2026-11-21"))),
        Refusal::AlreadyHandled
    );
    let rows = complaints::list(&s, &s.deadlines());
    assert_eq!(rows[0].id, anon);
    assert_eq!(rows[1].id, c);
    assert!(rows[1].referred_to_ap);
    assert_eq!(rows[1].person_name.as_deref(), Some("Anna de Vries"));
    assert_eq!(
        rows[1].deadline,
        kluis::domain::Deadline::On(d("2028-11-20"))
    );
    assert_eq!(complaints::AUTHORITY.phone, "088 - 1805 250");
}
