//! Demo data for the rights part of `kluis demo`, added through the same
//! operations the UI and the command line use, with dates relative to the
//! session's today: consents (one withdrawn), a disclosure against an active
//! consent (P6), two complaints (one handled, one referred to the AP, P10)
//! and an unsubscribed address, of which only the keyed hash stays (P9).
//!
//! The consents and the disclosure go to the people with an e-mail address
//! (by name); with fewer than two such people they are left out, so this
//! also works on an empty vault.

use super::{RightsResult, complaints, consent, mailing};
use crate::domain::Id;
use crate::ops::session::Session;
use chrono::{Duration, NaiveDate};

/// The fictional address that unsubscribed before.
pub const UNSUBSCRIBED: &str = "j.de.wit@example.nl";

fn days_ago(s: &Session, n: i64) -> NaiveDate {
    s.today() - Duration::days(n)
}

/// The first two people with an e-mail address, by name.
fn demo_people(s: &Session) -> Option<(Id, Id)> {
    let mut people: Vec<(&String, &Id)> = s
        .data
        .people
        .iter()
        .filter(|(_, p)| p.email.is_some())
        .map(|(id, p)| (&p.name, id))
        .collect();
    people.sort();
    let mut ids = people.into_iter().map(|(_, id)| id.clone());
    Some((ids.next()?, ids.next()?))
}

/// Adds the rights demo records; each is one change through `ops::rights`.
pub fn seed_demo(s: &mut Session) -> RightsResult<()> {
    if let Some((first, second)) = demo_people(s) {
        let on = days_ago(s, 60);
        consent::record_consent(
            s,
            &first,
            "Arbodienst Zorg & Werk",
            "terugkoppeling over de voortgang van het re-integratietraject",
            on,
        )?;
        let on = days_ago(s, 30);
        consent::record_disclosure(
            s,
            &first,
            "Arbodienst Zorg & Werk",
            "samenvatting van de voortgang (zonder testuitslagen)",
            on,
        )?;
        let on = days_ago(s, 90);
        let uwv = consent::record_consent(s, &first, "UWV", "re-integratieverslag", on)?;
        let on = days_ago(s, 12);
        consent::withdraw_consent(s, &uwv, on)?;
        let on = days_ago(s, 20);
        consent::record_consent(
            s,
            &second,
            "leidinggevende (via HR)",
            "evaluatie van het coachtraject",
            on,
        )?;
    }

    let on = days_ago(s, 45);
    let handled = complaints::record(s, None, "Reactie op een inzageverzoek duurde te lang", on)?;
    let on = days_ago(s, 31);
    complaints::mark_handled(s, &handled, on)?;
    let on = days_ago(s, 10);
    let referred = complaints::record(
        s,
        None,
        "Nieuwsbrief ontvangen na afmelding; klager is naar de AP gestapt",
        on,
    )?;
    complaints::set_referred_to_ap(s, &referred, true)?;

    mailing::unsubscribe(s, &[UNSUBSCRIBED])?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::mailing::normalise_email;
    use crate::domain::records::{AnyRecord, Person};
    use crate::ops::Clock;
    use crate::vault::{KdfParams, Vault};

    fn session(dir: &std::path::Path) -> Session {
        let clock = Clock::parse("2026-11-25T09:00:00+01:00").unwrap();
        let vault =
            Vault::create(&dir.join("v"), b"pw", KdfParams::FOR_TESTS, &clock.stamp()).unwrap();
        Session::load(vault, clock).unwrap()
    }

    fn person(s: &mut Session, name: &str, email: Option<&str>) -> Id {
        let id = s.data.new_id();
        let p = Person {
            name: name.into(),
            email: email.map(Into::into),
            phone: None,
            organisation: None,
            created_on: s.today(),
        };
        s.commit("test", vec![(id.clone(), AnyRecord::Person(p))], vec![])
            .unwrap();
        id
    }

    #[test]
    fn seeds_consents_a_disclosure_complaints_and_a_suppression() {
        let dir = tempfile::tempdir().unwrap();
        let mut s = session(dir.path());
        let anna = person(&mut s, "Anna de Vries", Some("anna@example.nl"));
        let bram = person(&mut s, "Bram Jansen", Some("bram@example.nl"));
        person(&mut s, "Carla Smit", None);
        seed_demo(&mut s).unwrap();

        let today = s.today();
        let consents: Vec<_> = s.data.consents.values().collect();
        assert_eq!(consents.len(), 3);
        assert_eq!(
            consents.iter().filter(|c| c.withdrawn_on.is_some()).count(),
            1
        );
        assert!(
            consents
                .iter()
                .all(|c| c.person == anna || c.person == bram)
        );
        assert!(consents.iter().all(|c| c.given_on <= today));
        let disclosures: Vec<_> = s.data.disclosures.values().collect();
        assert_eq!(disclosures.len(), 1);
        assert!(consent::is_active(
            &s.data.consents[&disclosures[0].consent]
        ));

        let complaints: Vec<_> = s.data.complaints.values().collect();
        assert_eq!(complaints.len(), 2);
        assert_eq!(
            complaints.iter().filter(|c| c.handled_on.is_some()).count(),
            1
        );
        assert_eq!(complaints.iter().filter(|c| c.referred_to_ap).count(), 1);
        assert!(complaints.iter().all(|c| c.received_on <= today));

        assert_eq!(s.data.suppressions.len(), 1);
        assert!(s.is_suppressed(&normalise_email(UNSUBSCRIBED)));
        assert!(s.data.subscribers.is_empty());
    }

    #[test]
    fn seeds_on_top_of_the_demo_import() {
        let dir = tempfile::tempdir().unwrap();
        let mut s = session(dir.path());
        let file = crate::ops::demo::demo_file(s.today());
        let plan = crate::ops::import::plan(&s, &file).unwrap();
        crate::ops::import::apply(&mut s, plan).unwrap();
        let subscribers = s.data.subscribers.len();
        seed_demo(&mut s).unwrap();
        assert_eq!(s.data.consents.len(), 3);
        assert_eq!(s.data.disclosures.len(), 1);
        assert_eq!(s.data.complaints.len(), 2);
        assert!(s.is_suppressed(&normalise_email(UNSUBSCRIBED)));
        assert!(s.data.subscribers.len() <= subscribers);
    }

    #[test]
    fn works_without_people() {
        let dir = tempfile::tempdir().unwrap();
        let mut s = session(dir.path());
        seed_demo(&mut s).unwrap();
        assert!(s.data.consents.is_empty() && s.data.disclosures.is_empty());
        assert_eq!(s.data.complaints.len(), 2);
        assert_eq!(s.data.suppressions.len(), 1);
    }
}
