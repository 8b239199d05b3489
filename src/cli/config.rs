//! `kluis config show` prints the configuration in effect as a
//! `config.toml` would write it (every setting, every binding of the key
//! table); `kluis config path` prints where the file is read from.

use super::Context;
use super::args::ConfigAction;
use super::config_file::{Source, Theme};
use super::failure::{CmdResult, Failure};
use crate::app::IDLE_LOCK;
use crate::app::key_overrides::{binding_name, scope_name};
use crate::app::keymap::{Key, Scope};
use crate::domain::text::escaped;
use crate::i18n::cli::Said;
use crate::i18n::{Lang, dates};

pub fn run(ctx: &Context, action: ConfigAction) -> CmdResult {
    match action {
        ConfigAction::Show => show(ctx),
        ConfigAction::Path => path(ctx),
    }
}

fn path(ctx: &Context) -> CmdResult {
    let source = &ctx.config.source;
    let Some(p) = &source.path else {
        return Err(Failure::error(no_home(ctx.lang)));
    };
    writeln!(ctx.stdout(), "{}", escaped(&p.display().to_string()))?;
    if !source.found {
        writeln!(ctx.stderr(), "kluis: {}", absent(ctx.lang))?;
    }
    Ok(())
}

fn show(ctx: &Context) -> CmdResult {
    let t = ctx.lang;
    let c = &ctx.config;
    let mut out = ctx.stdout();
    writeln!(out, "# {}", from_where(t, &c.source))?;
    let lang = match t {
        Lang::Nl => "nl",
        Lang::En => "en",
    };
    writeln!(out, "language = \"{lang}\"")?;
    let style = match dates::style(t) {
        dates::DateStyle::Nl => "nl",
        dates::DateStyle::Iso => "iso",
    };
    writeln!(out, "date_style = \"{style}\"")?;
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let theme = if no_color {
        Theme::Plain
    } else {
        c.theme.unwrap_or(Theme::Color)
    };
    write!(out, "theme = \"{}\"", theme.name())?;
    if no_color {
        write!(out, "  # {}", Said::NoColorIsSet.get(t))?;
    }
    writeln!(out)?;
    let minutes = c
        .idle_lock_minutes
        .map_or(IDLE_LOCK.as_secs() / 60, u64::from);
    writeln!(out, "idle_lock_minutes = {minutes}")?;
    for &scope in Scope::ALL {
        let rows: Vec<_> = c.key_table.iter().filter(|b| b.scope == scope).collect();
        if rows.is_empty() {
            continue;
        }
        writeln!(out, "\n[keys.{}]", scope_name(scope))?;
        for b in rows {
            let keys: Vec<String> = b.keys.iter().map(quoted).collect();
            let keys = match keys.as_slice() {
                [one] => one.clone(),
                many => format!("[{}]", many.join(", ")),
            };
            writeln!(out, "{} = {keys}", binding_name(b))?;
        }
    }
    Ok(())
}

/// A key as a TOML string: `"a"`, `"\""`.
fn quoted(k: &Key) -> String {
    toml::Value::String(k.label()).to_string()
}

fn from_where(t: Lang, source: &Source) -> String {
    let Some(p) = &source.path else {
        return no_home(t).to_string();
    };
    let p = escaped(&p.display().to_string()).into_owned();
    if source.found {
        format!("{} {p}", Said::ReadFrom.get(t))
    } else {
        format!("{p}: {}", absent(t))
    }
}

fn absent(t: Lang) -> &'static str {
    Said::NoConfigFileYet.get(t)
}

fn no_home(t: Lang) -> &'static str {
    Said::NoHomeForConfig.get(t)
}
