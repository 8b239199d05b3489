//! `config.toml` (DESIGN.md §13.5): read with serde and `toml` from the
//! platform config folder, or from `--config FILE`. Every setting may be
//! left out. A file with a mistake stops the start with one sentence that
//! names the file, the line and the key, and exit code 2, before anything
//! else happens (as bottom does); a missing file in the config folder is
//! no mistake, a missing `--config FILE` is.

use super::failure::Failure;
use crate::app::key_overrides::{self, Override, Why};
use crate::app::keymap::{Binding, KEY_TABLE, Scope};
use crate::domain::text::escaped;
use crate::i18n::Lang;
use crate::i18n::config::{self as words, Expect, Place, Problem};
use crate::i18n::dates::DateStyle;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::ops::Range;
use std::path::{Path, PathBuf};
use toml::Spanned;

/// The longest idle lock the file may ask for: the lock protects a vault
/// left open, so it cannot be switched off.
pub const MAX_IDLE_LOCK_MINUTES: u32 = 60;

/// Colours in the UI, or none. `NO_COLOR` always means none.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Theme {
    Color,
    Plain,
}

impl Theme {
    pub fn name(self) -> &'static str {
        match self {
            Theme::Color => "color",
            Theme::Plain => "plain",
        }
    }
}

/// Where the configuration is read from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    pub path: Option<PathBuf>,
    /// Given with `--config` (then it must exist).
    pub given: bool,
    pub found: bool,
}

/// The configuration as the file sets it; `None` where it says nothing.
#[derive(Debug, Clone)]
pub struct Config {
    pub source: Source,
    pub language: Option<Lang>,
    pub date_style: Option<DateStyle>,
    pub theme: Option<Theme>,
    pub idle_lock_minutes: Option<u32>,
    /// The key table with the file's bindings in it.
    pub key_table: Vec<Binding>,
}

/// The file as serde reads it, with the place of every value.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    language: Option<Spanned<String>>,
    date_style: Option<Spanned<String>>,
    theme: Option<Spanned<String>>,
    idle_lock_minutes: Option<Spanned<i64>>,
    #[serde(default)]
    keys: BTreeMap<Spanned<String>, BTreeMap<Spanned<String>, Spanned<toml::Value>>>,
}

/// The file in the platform config folder: `~/.config/kluis/config.toml`
/// on Linux.
pub fn default_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("nl", "Optiwork", "kluis")
        .map(|d| d.config_dir().join("config.toml"))
}

/// Reads `given` (`--config FILE`), else the default file if it exists.
/// A mistake is worded in `flag` (`--lang`), else in the file's own
/// language if it got that far, else in `env` (`LANG`).
pub fn load(given: Option<&Path>, flag: Option<Lang>, env: Lang) -> Result<Config, Failure> {
    let (path, is_given) = match given {
        Some(p) => (Some(p.to_path_buf()), true),
        None => (default_path(), false),
    };
    let mut config = Config {
        source: Source {
            path: path.clone(),
            given: is_given,
            found: false,
        },
        language: None,
        date_style: None,
        theme: None,
        idle_lock_minutes: None,
        key_table: KEY_TABLE.to_vec(),
    };
    let Some(path) = path else {
        return Ok(config);
    };
    let lang = flag.unwrap_or(env);
    let fail = |lang: Lang, place: Place, problem: Problem| {
        Failure::usage(words::sentence(
            lang,
            Path::new(escaped(&path.display().to_string()).as_ref()),
            &place,
            &problem,
        ))
    };
    let bytes = match std::fs::read(&path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && !is_given => return Ok(config),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(fail(lang, Place::default(), Problem::NotFound));
        }
        Err(e) => {
            let problem = Problem::Unreadable(e.to_string());
            return Err(fail(lang, Place::default(), problem));
        }
    };
    let text =
        String::from_utf8(bytes).map_err(|_| fail(lang, Place::default(), Problem::NotUtf8))?;
    config.source.found = true;
    if let Err((place, problem)) = read(&text, &mut config) {
        let lang = flag.or(config.language).unwrap_or(env);
        return Err(fail(lang, place, problem));
    }
    Ok(config)
}

/// Reads the settings of `text` into `config`, or the first mistake.
fn read(text: &str, config: &mut Config) -> Result<(), (Place, Problem)> {
    let file: File = toml::from_str(text).map_err(|e| serde_mistake(text, &e))?;
    let at = |span: Range<usize>, key: &str| Place {
        line: Some(line_of(text, span.start)),
        key: Some(key.to_string()),
    };
    if let Some(v) = file.language {
        config.language = Some(match v.get_ref().as_str() {
            "nl" => Lang::Nl,
            "en" => Lang::En,
            _ => return Err((at(v.span(), "language"), Problem::BadLanguage)),
        });
    }
    if let Some(v) = file.date_style {
        let style = DateStyle::parse(v.get_ref());
        config.date_style =
            Some(style.ok_or_else(|| (at(v.span(), "date_style"), Problem::BadDateStyle))?);
    }
    if let Some(v) = file.theme {
        config.theme = Some(match v.get_ref().as_str() {
            "color" | "colour" => Theme::Color,
            "plain" | "none" => Theme::Plain,
            _ => return Err((at(v.span(), "theme"), Problem::BadTheme)),
        });
    }
    if let Some(v) = file.idle_lock_minutes {
        let minutes = u32::try_from(*v.get_ref())
            .ok()
            .filter(|m| (1..=MAX_IDLE_LOCK_MINUTES).contains(m));
        config.idle_lock_minutes = Some(minutes.ok_or_else(|| {
            (
                at(v.span(), "idle_lock_minutes"),
                Problem::BadMinutes {
                    max: MAX_IDLE_LOCK_MINUTES,
                },
            )
        })?);
    }
    let mut overrides = Vec::new();
    let mut places = Vec::new();
    for (scope, bindings) in &file.keys {
        for (binding, keys) in bindings {
            let key = format!("keys.{}.{}", scope.get_ref(), binding.get_ref());
            let list = key_list(keys.get_ref())
                .ok_or_else(|| (at(keys.span(), &key), Problem::WrongType(Expect::Keys)))?;
            overrides.push(Override {
                scope: scope.get_ref().clone(),
                binding: binding.get_ref().clone(),
                keys: list,
            });
            places.push((scope.span(), binding.span(), keys.span(), key));
        }
    }
    config.key_table = key_overrides::apply(&overrides).map_err(|refused| {
        let (scope_span, binding_span, keys_span, key) = &places[refused.index];
        let o = &overrides[refused.index];
        let problem = match refused.why {
            Why::UnknownScope => Problem::UnknownScope {
                known: scope_names(),
            },
            Why::UnknownBinding => Problem::UnknownBinding {
                known: binding_names(&o.scope),
            },
            Why::NoKeys => Problem::NoKeys,
            Why::NotAKey(w) => Problem::NotAKey(escaped(&w).into_owned()),
            Why::Clash { key, other } => Problem::Clash { key, other },
        };
        let span = match problem {
            Problem::UnknownScope { .. } => scope_span,
            Problem::UnknownBinding { .. } => binding_span,
            _ => keys_span,
        };
        (at(span.clone(), key), problem)
    })?;
    Ok(())
}

/// `"a"` or `["a", "Ctrl-n"]`.
fn key_list(v: &toml::Value) -> Option<Vec<String>> {
    match v {
        toml::Value::String(s) => Some(vec![s.clone()]),
        toml::Value::Array(items) => items
            .iter()
            .map(|i| i.as_str().map(str::to_string))
            .collect(),
        _ => None,
    }
}

fn scope_names() -> String {
    let names: Vec<&str> = Scope::ALL
        .iter()
        .copied()
        .map(key_overrides::scope_name)
        .collect();
    names.join(", ")
}

fn binding_names(scope: &str) -> String {
    let names: Vec<String> = KEY_TABLE
        .iter()
        .filter(|b| key_overrides::scope_name(b.scope) == scope)
        .map(key_overrides::binding_name)
        .collect();
    names.join(", ")
}

/// A mistake serde or the TOML parser found: its line, the key written on
/// that line (under its `[table]`), and what kind of mistake.
fn serde_mistake(text: &str, e: &toml::de::Error) -> (Place, Problem) {
    let offset = e.span().map_or(0, |s| s.start);
    let key = key_at(text, offset);
    let message = e.message();
    let problem = if message.starts_with("unknown field") {
        Problem::UnknownSetting
    } else if message.starts_with("invalid type") || message.starts_with("invalid value") {
        Problem::WrongType(expected(key.as_deref()))
    } else {
        Problem::Syntax(escaped(message.trim()).into_owned())
    };
    let line = e.span().map(|s| line_of(text, s.start));
    (Place { line, key }, problem)
}

/// What the setting `key` takes.
fn expected(key: Option<&str>) -> Expect {
    match key {
        Some("idle_lock_minutes") => Expect::WholeNumber,
        Some(k) if k.starts_with("keys.") && k.matches('.').count() >= 2 => Expect::Keys,
        Some(k) if k == "keys" || k.starts_with("keys.") => Expect::Table,
        _ => Expect::Text,
    }
}

/// The 1-based line of byte `offset`.
fn line_of(text: &str, offset: usize) -> usize {
    let before = text.get(..offset).unwrap_or(text);
    before.matches('\n').count() + 1
}

/// The key written on the line of `offset`, with the `[table]` it is in:
/// `keys.people.new`; a table header itself gives its name.
fn key_at(text: &str, offset: usize) -> Option<String> {
    let before = text.get(..offset).unwrap_or(text);
    let start = before.rfind('\n').map_or(0, |i| i + 1);
    let line = text[start..].lines().next().unwrap_or_default().trim();
    let header = |l: &str| {
        l.strip_prefix('[')
            .map(|h| h.trim_start_matches('[').split(']').next().unwrap_or(h))
            .map(|h| h.trim().to_string())
    };
    if line.starts_with('[') {
        return header(line).filter(|h| !h.is_empty());
    }
    let name = line.split_once('=')?.0.trim().trim_matches(['"', '\'']);
    if name.is_empty() {
        return None;
    }
    let table = text[..start]
        .lines()
        .rev()
        .map(str::trim)
        .find(|l| l.starts_with('['))
        .and_then(header);
    Some(match table {
        Some(t) => format!("{t}.{name}"),
        None => name.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_text(text: &str) -> Result<Config, (Place, Problem)> {
        let mut c = Config {
            source: Source {
                path: None,
                given: false,
                found: true,
            },
            language: None,
            date_style: None,
            theme: None,
            idle_lock_minutes: None,
            key_table: KEY_TABLE.to_vec(),
        };
        read(text, &mut c).map(|()| c)
    }

    fn place(line: usize, key: &str) -> Place {
        Place {
            line: Some(line),
            key: Some(key.into()),
        }
    }

    #[test]
    fn every_setting_is_read() {
        let c = read_text(
            "language = \"nl\"\ndate_style = \"iso\"\ntheme = \"plain\"\nidle_lock_minutes = 5\n\n[keys.people]\nnew = \"a\"\n",
        )
        .unwrap();
        assert_eq!(c.language, Some(Lang::Nl));
        assert_eq!(c.date_style, Some(DateStyle::Iso));
        assert_eq!(c.theme, Some(Theme::Plain));
        assert_eq!(c.idle_lock_minutes, Some(5));
        let new = c
            .key_table
            .iter()
            .find(|b| b.scope == Scope::People && key_overrides::binding_name(b) == "new")
            .unwrap();
        assert_eq!(crate::app::keymap::keys_label(new), "a");
        assert!(read_text("").is_ok());
    }

    #[test]
    fn each_kind_of_mistake_names_its_line_and_key() {
        let e = read_text("language = \"nl\"\ntheme = \n").unwrap_err();
        assert_eq!(e.0, place(2, "theme"));
        assert!(matches!(e.1, Problem::Syntax(_)), "{e:?}");

        let e = read_text("language = \"nl\"\n\ncolour = \"red\"\n").unwrap_err();
        assert_eq!(e, (place(3, "colour"), Problem::UnknownSetting));

        let e = read_text("idle_lock_minutes = \"ten\"\n").unwrap_err();
        assert_eq!(
            e,
            (
                place(1, "idle_lock_minutes"),
                Problem::WrongType(Expect::WholeNumber)
            )
        );
        let e = read_text("language = 1\n").unwrap_err();
        assert_eq!(e, (place(1, "language"), Problem::WrongType(Expect::Text)));

        let e = read_text("\nlanguage = \"de\"\n").unwrap_err();
        assert_eq!(e, (place(2, "language"), Problem::BadLanguage));
        let e = read_text("date_style = \"us\"\n").unwrap_err();
        assert_eq!(e, (place(1, "date_style"), Problem::BadDateStyle));
        let e = read_text("theme = \"neon\"\n").unwrap_err();
        assert_eq!(e, (place(1, "theme"), Problem::BadTheme));
        let e = read_text("idle_lock_minutes = 0\n").unwrap_err();
        assert_eq!(e.0, place(1, "idle_lock_minutes"));
        let e = read_text("idle_lock_minutes = 61\n").unwrap_err();
        assert_eq!(e.1, Problem::BadMinutes { max: 60 });

        let e = read_text("[keys.people]\nnew = 3\n").unwrap_err();
        assert_eq!(
            e,
            (
                place(2, "keys.people.new"),
                Problem::WrongType(Expect::Keys)
            )
        );
        let e = read_text("[keys.peeple]\nnew = \"a\"\n").unwrap_err();
        assert_eq!(e.0, place(1, "keys.peeple.new"));
        assert!(matches!(&e.1, Problem::UnknownScope { known } if known.contains("person_detail")));
        let e = read_text("[keys.people]\n\nfly = \"a\"\n").unwrap_err();
        assert_eq!(e.0, place(3, "keys.people.fly"));
        assert!(matches!(&e.1, Problem::UnknownBinding { known } if known.contains("new")));
        let e = read_text("[keys.people]\nnew = \"Hyper-a\"\n").unwrap_err();
        assert_eq!(e.1, Problem::NotAKey("Hyper-a".into()));
        let e = read_text("[keys.people]\nedit = \"x\"\nnew = \"e\"\n").unwrap_err();
        assert_eq!(e.0, place(2, "keys.people.edit"));
        assert_eq!(
            e.1,
            Problem::Clash {
                key: "x".into(),
                other: "people.export".into()
            }
        );
    }
}
