//! All user-facing text, Dutch and English, from one catalogue.

// First, so that every module below can use `catalogue!`.
#[macro_use]
mod macros;

pub mod access_export;
pub mod access_info;
pub mod backup;
pub mod breach;
pub mod breach_errors;
pub mod breach_form;
pub mod breach_questions;
pub mod breach_register;
pub mod breach_report;
pub mod calendar;
pub mod cli;
pub mod cli_help;
pub mod cli_usage;
pub mod config;
pub mod corrections;
pub mod csv_import;
pub mod dates;
pub mod document;
pub mod erasure;
pub mod export;
pub mod files;
pub mod files_ui;
pub mod find;
pub mod import;
pub mod plural;
pub mod practice;
pub mod processing;
pub mod register;
pub mod rights_refusals;
pub mod statement;
pub mod ui;
pub mod ui_phrases;

/// The language of the interface. JSON field names and kind names never
/// change with it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    Nl,
    #[default]
    En,
}

impl Lang {
    /// `--lang` wins; else `LANG` starting with `nl` gives Dutch; else English.
    pub fn resolve(flag: Option<&str>, env_lang: Option<&str>) -> Lang {
        match flag {
            Some(f) if f.eq_ignore_ascii_case("nl") => Lang::Nl,
            Some(_) => Lang::En,
            None => match env_lang {
                Some(l) if l.to_ascii_lowercase().starts_with("nl") => Lang::Nl,
                _ => Lang::En,
            },
        }
    }

    /// The language's code, as a file names it: `nl`, `en`.
    pub fn code(self) -> &'static str {
        self.pick("nl", "en")
    }

    /// Picks the text for this language.
    pub fn pick<'a>(self, nl: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Nl => nl,
            Lang::En => en,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flag_beats_environment() {
        assert_eq!(Lang::resolve(Some("nl"), Some("en_US.UTF-8")), Lang::Nl);
        assert_eq!(Lang::resolve(Some("en"), Some("nl_NL.UTF-8")), Lang::En);
        assert_eq!(Lang::resolve(None, Some("nl_NL.UTF-8")), Lang::Nl);
        assert_eq!(Lang::resolve(None, Some("C")), Lang::En);
        assert_eq!(Lang::resolve(None, None), Lang::En);
    }
}
