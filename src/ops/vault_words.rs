//! How the vault's errors read to the coach, in Dutch and English. Here,
//! rather than in `i18n`, because the catalogue knows nothing of the vault;
//! both front ends word a `VaultError` with these.

use crate::i18n::Lang;
use crate::i18n::ui::Text;
use crate::vault::VaultError;

/// Why the vault did not open, for the unlock screen. The command line says
/// the same in English (`VaultError`'s own sentences).
pub fn open_failed(lang: Lang, e: &VaultError) -> String {
    if let VaultError::WrongPassphrase(_) = e {
        return Text::WrongPassphrase.get(lang).to_string();
    }
    if lang == Lang::En {
        return e.to_string();
    }
    match e {
        VaultError::InUse(dir) => format!(
            "De kluis in {} is in gebruik door een ander kluis-programma; sluit dat eerst.",
            dir.display()
        ),
        VaultError::DiskFull => Text::DiskFull.get(lang).to_string(),
        VaultError::DatabaseDamaged(db) => format!(
            "De kluisdatabase in {} is beschadigd en kan niet worden geopend; zet de kluismap terug uit een back-up.",
            db.display()
        ),
        VaultError::DatabaseHeld(_) => "De kluisdatabase wordt nog vastgehouden na een mislukte schrijfactie; sluit kluis af en start het opnieuw (er is niets veranderd).".to_string(),
        VaultError::KeyringDamaged { path, reason } => format!(
            "Het sleutelbestand {} is beschadigd ({reason}); zet de kluismap terug uit een back-up.",
            path.display()
        ),
        VaultError::KeyringNotAFile(path) => format!(
            "Het sleutelbestand {} is een symbolische koppeling of geen gewoon bestand; kluis weigert het, want herschrijven zou de sleutels in het doel laten staan. Zet het sleutelbestand zelf in de kluismap.",
            path.display()
        ),
        VaultError::NewerFormat { .. } => {
            "Deze kluis is geschreven door een nieuwere versie van kluis; werk kluis bij.".to_string()
        }
        e => e.to_string(),
    }
}

/// Why a change was not saved. A full disk and a database missing changes
/// get a sentence of their own, in the coach's language; the rest name the
/// vault's problem.
pub fn vault_failed(lang: Lang, e: &VaultError) -> String {
    match e {
        VaultError::DiskFull => Text::DiskFull.get(lang).to_string(),
        VaultError::DatabaseBehind(_) => Text::MissingChanges.get(lang).to_string(),
        e => format!("{}: {e}", Text::VaultProblem.get(lang)),
    }
}
