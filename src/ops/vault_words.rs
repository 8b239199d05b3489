//! How the vault's errors read to the coach, in Dutch and English. Here,
//! rather than in `i18n`, because the catalogue knows nothing of the vault;
//! both front ends word a `VaultError` with these.

use crate::i18n::Lang;
use crate::i18n::ui::Text;
use crate::vault::VaultError;

/// One sentence for `e` in `lang`: what happened and what to do. Every
/// variant is named, so a new one cannot go unworded in Dutch.
pub fn sentence(lang: Lang, e: &VaultError) -> String {
    if lang == Lang::En {
        return e.to_string();
    }
    match e {
        VaultError::NotFound(dir) => format!(
            "Er is geen kluis in {}; maak er een met `kluis init` of kies een andere map met --vault.",
            dir.display()
        ),
        VaultError::AlreadyExists(dir) => format!(
            "Er is al een kluis in {}; er is niets veranderd.",
            dir.display()
        ),
        VaultError::FolderNotEmpty(dir) => format!(
            "{} is geen lege map en bevat geen kluis; kies een lege of nieuwe map.",
            dir.display()
        ),
        VaultError::WrongPassphrase(dir) => format!(
            "Verkeerde wachtwoordzin voor de kluis in {}; er is niets veranderd.",
            dir.display()
        ),
        VaultError::InUse(dir) => format!(
            "De kluis in {} is in gebruik door een ander kluis-programma; sluit dat eerst.",
            dir.display()
        ),
        VaultError::NewerFormat {
            path,
            found,
            supported,
        } => format!(
            "De kluis in {} is geschreven door een nieuwere versie van kluis (formaat {found}, deze versie leest tot {supported}); werk kluis bij.",
            path.display()
        ),
        VaultError::KeyringDamaged { path, reason } => format!(
            "Het sleutelbestand {} is beschadigd ({reason}); zet de kluismap terug uit een back-up.",
            path.display()
        ),
        VaultError::KeyringNotAFile(path) => format!(
            "Het sleutelbestand {} is een symbolische koppeling of geen gewoon bestand; kluis weigert het, want herschrijven zou de sleutels in het doel laten staan. Zet het sleutelbestand zelf in de kluismap.",
            path.display()
        ),
        VaultError::Io { path, source, .. } => format!(
            "Kluis kon {} niet gebruiken ({source}); er is niets veranderd.",
            path.display()
        ),
        VaultError::DatabaseDamaged(db) => format!(
            "De kluisdatabase in {} is beschadigd en kan niet worden gelezen; er is niets veranderd. Voer `kluis check` uit en zet de kluismap terug uit een back-up.",
            db.display()
        ),
        VaultError::DiskFull => Text::DiskFull.get(lang).to_string(),
        VaultError::DatabaseHeld(_) => "De kluisdatabase wordt nog vastgehouden na een mislukte schrijfactie; sluit kluis af en start het opnieuw (er is niets veranderd).".to_string(),
        VaultError::DatabaseBehind(db) => format!(
            "De kluisdatabase in {} mist wijzigingen die de sleutelring vastgelegd zag (beschadigd, of teruggezet uit een oudere kopie); er is niets veranderd. Voer `kluis check` uit en zet de hele kluismap terug uit een back-up.",
            db.display()
        ),
        VaultError::BucketUnreadable(bucket) => {
            let whose = match bucket.checked_sub(1) {
                Some(m) => format!(
                    "de gegevens die in {}-{:02} gewist moeten worden",
                    m / 12,
                    m % 12 + 1
                ),
                None => "de gegevens zonder wisdatum".to_string(),
            };
            format!(
                "De sleutels van {whose} zijn niet te lezen (een beschadigde, oudere of onbekende markering, sleutelblok of sleutel); er is niets veranderd. Voer `kluis check` uit."
            )
        }
        VaultError::AuditDamaged(db) => format!(
            "Het auditlogboek in {} is beschadigd, dus de kluis is alleen te lezen; er is niets veranderd. Voer `kluis check` uit en zet de hele kluismap terug uit een back-up.",
            db.display()
        ),
        VaultError::Storage { reason, .. } => format!(
            "De kluisdatabase kon niet worden gebruikt ({reason}); er is niets veranderd."
        ),
        VaultError::Record { kind, id, problem } => format!(
            "Gegeven {kind}/{id} is niet te lezen ({problem}); `kluis check` zegt meer."
        ),
        VaultError::Random => "De willekeurige getallen van het systeem zijn niet beschikbaar; er is niets veranderd.".to_string(),
        VaultError::EmptyPassphrase => "De wachtwoordzin mag niet leeg zijn.".to_string(),
    }
}

/// Why the vault did not open, for the unlock screen.
pub fn open_failed(lang: Lang, e: &VaultError) -> String {
    match e {
        VaultError::WrongPassphrase(_) => Text::WrongPassphrase.get(lang).to_string(),
        e => sentence(lang, e),
    }
}

/// Why a change was not saved. A full disk and a database missing changes
/// get a sentence of their own; the rest name the vault's problem.
pub fn vault_failed(lang: Lang, e: &VaultError) -> String {
    match e {
        VaultError::DiskFull => Text::DiskFull.get(lang).to_string(),
        VaultError::DatabaseBehind(_) => Text::MissingChanges.get(lang).to_string(),
        e => format!("{}: {}", Text::VaultProblem.get(lang), sentence(lang, e)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    /// One of every variant; the match in `sentence` names them all, so a
    /// new variant must be added here too to be worded.
    fn every_error() -> Vec<VaultError> {
        let dir = || PathBuf::from("/tmp/kluis-vault");
        vec![
            VaultError::NotFound(dir()),
            VaultError::AlreadyExists(dir()),
            VaultError::FolderNotEmpty(dir()),
            VaultError::WrongPassphrase(dir()),
            VaultError::InUse(dir()),
            VaultError::NewerFormat {
                path: dir(),
                found: 9,
                supported: 2,
            },
            VaultError::KeyringDamaged {
                path: dir(),
                reason: "bad header".to_string(),
            },
            VaultError::KeyringNotAFile(dir()),
            VaultError::io(
                "read",
                dir(),
                std::io::Error::from(std::io::ErrorKind::NotFound),
            ),
            VaultError::DatabaseDamaged(dir()),
            VaultError::DiskFull,
            VaultError::DatabaseHeld(dir()),
            VaultError::DatabaseBehind(dir()),
            VaultError::BucketUnreadable(2027 * 12 + 3),
            VaultError::BucketUnreadable(0),
            VaultError::AuditDamaged(dir()),
            VaultError::Storage {
                action: "opened",
                reason: "corrupted log".to_string(),
            },
            VaultError::Record {
                kind: "person".to_string(),
                id: "a000000000000001".to_string(),
                problem: "its key is missing".to_string(),
            },
            VaultError::Random,
            VaultError::EmptyPassphrase,
        ]
    }

    #[test]
    fn every_vault_error_has_its_own_dutch_and_english_sentence() {
        for e in every_error() {
            let nl = sentence(Lang::Nl, &e);
            let en = sentence(Lang::En, &e);
            assert!(!nl.trim().is_empty() && !en.trim().is_empty(), "{e:?}");
            assert_ne!(nl, en, "{e:?}");
            for s in [&nl, &en] {
                for debug in [
                    "VaultError",
                    "PathBuf",
                    "Some(",
                    "Kind(",
                    "{",
                    "}",
                    "\"",
                    "\\",
                ] {
                    assert!(!s.contains(debug), "{debug} in {s}");
                }
            }
            for s in [vault_failed(Lang::Nl, &e), open_failed(Lang::Nl, &e)] {
                assert!(!s.contains(&en), "English in the Dutch sentence: {s}");
            }
        }
    }

    #[test]
    fn the_refused_bucket_is_named_by_its_month() {
        let e = VaultError::BucketUnreadable(2027 * 12 + 3);
        assert!(sentence(Lang::Nl, &e).contains("in 2027-03 gewist"));
        assert!(sentence(Lang::En, &e).contains("the records due for deletion in 2027-03"));
        assert!(!sentence(Lang::En, &e).contains("deletion in the records"));
    }
}
