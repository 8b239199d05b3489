//! What the start needs before clap reads the command line: `--lang` and
//! `--config`, so that the configuration file is read first and clap's
//! help and errors come in the coach's language.

use std::ffi::OsString;
use std::path::PathBuf;

/// `--lang` and `--config` as the command line gives them (the last one
/// wins, as for clap); nothing after `--`.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Early {
    pub lang: Option<String>,
    pub config: Option<PathBuf>,
}

pub fn scan(args: &[OsString]) -> Early {
    let mut early = Early::default();
    let mut i = 1;
    while i < args.len() {
        let arg = args[i].to_string_lossy();
        if arg == "--" {
            break;
        }
        let next = || args.get(i + 1).cloned();
        if arg == "--lang" {
            early.lang = next().map(|v| v.to_string_lossy().into_owned());
            i += 1;
        } else if let Some(v) = arg.strip_prefix("--lang=") {
            early.lang = Some(v.to_string());
        } else if arg == "--config" {
            early.config = next().map(PathBuf::from);
            i += 1;
        } else if let Some(v) = arg.strip_prefix("--config=") {
            early.config = Some(PathBuf::from(v));
        }
        i += 1;
    }
    early
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scan_of(args: &[&str]) -> Early {
        let args: Vec<OsString> = std::iter::once("kluis")
            .chain(args.iter().copied())
            .map(OsString::from)
            .collect();
        scan(&args)
    }

    #[test]
    fn finds_lang_and_config_in_both_spellings_before_a_double_dash() {
        let e = scan_of(&["status", "--lang", "nl", "--config=/c.toml"]);
        assert_eq!(e.lang.as_deref(), Some("nl"));
        assert_eq!(e.config, Some(PathBuf::from("/c.toml")));
        let e = scan_of(&["--lang=en", "--config", "/d.toml", "--", "--lang", "nl"]);
        assert_eq!(e.lang.as_deref(), Some("en"));
        assert_eq!(e.config, Some(PathBuf::from("/d.toml")));
        assert_eq!(scan_of(&["status"]), Early::default());
    }
}
