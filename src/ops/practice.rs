//! The practice profile over a session (DESIGN.md §13.2): read it, and
//! replace the fields a JSON file gives (`kluis practice set`) or a whole
//! profile (the settings form). The vault holds at most one profile record;
//! its retention shortenings apply to every deadline from the moment it is
//! stored, since `retention::deadlines` reads them from the data.

use super::session::Session;
use crate::domain::practice::{Invalid, Practice};
use crate::domain::records::AnyRecord;
use crate::vault::VaultError;
use serde_json::{Map, Value};

/// Why a profile was not stored; nothing changed. No variant holds a value
/// that was entered: only paths and rule names.
#[derive(Debug)]
pub enum PracticeError {
    /// The file is not JSON (line and column of the problem).
    NotJson {
        line: usize,
        column: usize,
    },
    /// The file is JSON but not one object.
    NotAnObject,
    /// A field is unknown or holds the wrong type (its path, serde's words
    /// without the value).
    Field {
        path: String,
        problem: String,
    },
    /// A period too long, or a control character.
    Invalid(Invalid),
    Vault(VaultError),
}

impl From<VaultError> for PracticeError {
    fn from(e: VaultError) -> Self {
        PracticeError::Vault(e)
    }
}

/// The profile of this vault; an empty one when none was set.
pub fn profile(s: &Session) -> Practice {
    s.data.profile().map(|(_, p)| p.clone()).unwrap_or_default()
}

/// Replaces the fields that `json` (one object of the §13.2 shape) gives;
/// the others stay. An object inside (`contact_person`, `dpo`,
/// `retention_months`) is merged the same way, so one period can be
/// shortened alone; `null` empties a field (or ends a shortening); a list
/// replaces the list.
pub fn set_fields(s: &mut Session, json: &str) -> Result<Practice, PracticeError> {
    let given: Value = serde_json::from_str(json).map_err(|e| PracticeError::NotJson {
        line: e.line(),
        column: e.column(),
    })?;
    let Value::Object(given) = given else {
        return Err(PracticeError::NotAnObject);
    };
    let current = serde_json::to_value(profile(s)).map_err(|_| PracticeError::NotAnObject)?;
    let mut merged = match current {
        Value::Object(m) => m,
        _ => Map::new(),
    };
    merge(&mut merged, given);
    let practice: Practice =
        serde_path_to_error::deserialize(Value::Object(merged)).map_err(|e| {
            let path = e.path().to_string();
            let inner = e.into_inner().to_string();
            PracticeError::Field {
                path,
                problem: super::import::without_values(&inner),
            }
        })?;
    save(s, practice.clone())?;
    Ok(practice)
}

/// `given` into `into`, key by key: objects are merged, `null` removes
/// the field (it takes its default: empty), anything else replaces it.
fn merge(into: &mut Map<String, Value>, given: Map<String, Value>) {
    for (key, value) in given {
        match (into.get_mut(&key), value) {
            (_, Value::Null) => {
                into.remove(&key);
            }
            (Some(Value::Object(old)), Value::Object(new)) => merge(old, new),
            (_, Value::Object(new)) => {
                let mut fresh = Map::new();
                merge(&mut fresh, new);
                into.insert(key, Value::Object(fresh));
            }
            (_, value) => {
                into.insert(key, value);
            }
        }
    }
}

/// Stores `practice` as the vault's profile, after checking it.
pub fn save(s: &mut Session, practice: Practice) -> Result<(), PracticeError> {
    practice.check().map_err(PracticeError::Invalid)?;
    let id = s
        .data
        .profile()
        .map(|(id, _)| id.clone())
        .unwrap_or_else(|| s.data.new_id());
    s.commit(
        "practice_set",
        vec![(id, AnyRecord::Practice(practice))],
        vec![],
    )?;
    Ok(())
}

impl PracticeError {
    /// The sentence for the coach, in `lang`.
    pub fn message(&self, lang: crate::i18n::Lang) -> String {
        use crate::i18n::practice as words;
        match self {
            PracticeError::NotJson { line, column } => words::not_json(lang, *line, *column),
            PracticeError::NotAnObject => words::not_an_object(lang).to_string(),
            PracticeError::Field { path, problem } => words::field_problem(lang, path, problem),
            PracticeError::Invalid(Invalid::PeriodRefused(t)) => words::too_long(lang, *t),
            PracticeError::Invalid(Invalid::ControlCharacter(path)) => {
                words::control_character(lang, path)
            }
            PracticeError::Invalid(Invalid::BackupMonths(m)) => words::backup_months(lang, *m),
            PracticeError::Vault(e) => super::vault_words::sentence(lang, e),
        }
    }
}
