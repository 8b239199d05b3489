//! Key bindings from `config.toml` (DESIGN.md §13.5): the key table is data,
//! so a binding named by its scope and action (`[keys.people] new = "a"`)
//! gets other keys, and the footer and the help show them because they are
//! drawn from the same table. A binding that would clash on a screen is
//! refused, never silently shadowed.

use super::action::Action;
use super::keymap::{Binding, KEY_TABLE, Key, Scope};
use ratatui::crossterm::event::KeyCode;
use std::borrow::Cow;

/// One changed binding, as the configuration file says it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Override {
    /// `people`, `list`, `global`…: the snake_case name of a `Scope`.
    pub scope: String,
    /// `new`, `quit`, `go_to_people`…: the binding's name in its scope.
    pub binding: String,
    /// The keys as written: `a`, `Ctrl-n`, `Enter`, `PgDn`…
    pub keys: Vec<String>,
}

/// Why an override cannot be taken; `index` is its place in the list given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refused {
    pub index: usize,
    pub why: Why,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Why {
    UnknownScope,
    UnknownBinding,
    NoKeys,
    /// A key as written that is not one.
    NotAKey(String),
    /// `key` is bound already on the same screen, to `other` (`scope.name`).
    Clash {
        key: String,
        other: String,
    },
}

/// The name of a binding within its scope: its action, snake_case, and for
/// the number keys the screen they go to (`go_to_people`).
pub fn binding_name(b: &Binding) -> String {
    match &b.action {
        Action::GoTo(screen) => format!("go_to_{}", screen.key_name()),
        action => <&'static str>::from(action).to_string(),
    }
}

/// The snake_case name of a scope, as `config.toml` writes it.
pub fn scope_name(scope: Scope) -> &'static str {
    scope.into()
}

/// `KEY_TABLE` with `overrides` applied, or the first one refused.
pub fn apply(overrides: &[Override]) -> Result<Vec<Binding>, Refused> {
    let mut table = KEY_TABLE.to_vec();
    let mut changed = Vec::new();
    for (index, o) in overrides.iter().enumerate() {
        let refuse = |why| Refused { index, why };
        let Some(scope) = Scope::ALL
            .iter()
            .copied()
            .find(|s| scope_name(*s) == o.scope)
        else {
            return Err(refuse(Why::UnknownScope));
        };
        let Some(row) = table
            .iter()
            .position(|b| b.scope == scope && binding_name(b) == o.binding)
        else {
            return Err(refuse(Why::UnknownBinding));
        };
        if o.keys.is_empty() {
            return Err(refuse(Why::NoKeys));
        }
        let mut keys = Vec::new();
        for written in &o.keys {
            let key = parse_key(written).ok_or_else(|| refuse(Why::NotAKey(written.clone())))?;
            if !keys.contains(&key) {
                keys.push(key);
            }
        }
        table[row].keys = Cow::Owned(keys);
        changed.push((index, row));
    }
    for &(index, row) in &changed {
        // Only the keys a binding did not have: the table's own choices
        // (Esc going back in a detail over the list's Esc) stay as they are.
        let added: Vec<Key> = (table[row].keys.iter())
            .filter(|k| !KEY_TABLE[row].keys.contains(k))
            .copied()
            .collect();
        if let Some(why) = clash(&table, row, &added) {
            return Err(Refused { index, why });
        }
    }
    Ok(table)
}

/// One of `keys` of `table[row]` that another binding on the same screen
/// has too.
fn clash(table: &[Binding], row: usize, keys: &[Key]) -> Option<Why> {
    let mine = &table[row];
    for (i, other) in table.iter().enumerate() {
        if i == row || !meet(mine.scope, other.scope) {
            continue;
        }
        if let Some(key) = keys.iter().find(|k| other.keys.contains(k)) {
            return Some(Why::Clash {
                key: key.label(),
                other: format!("{}.{}", scope_name(other.scope), binding_name(other)),
            });
        }
    }
    None
}

/// Whether bindings of `a` and `b` can be live at the same moment: one
/// scope; `anywhere` with every scope; the workspace's keys and every list
/// key with the keys of a screen. Popups (forms, their editor and path
/// fields, the reader, confirming, the filter, the unlock screen) hide the
/// workspace and the screen.
pub fn meet(a: Scope, b: Scope) -> bool {
    let popup = |s: Scope| {
        matches!(
            s,
            Scope::FilterInput
                | Scope::Reader
                | Scope::Form
                | Scope::Editor
                | Scope::PathField
                | Scope::Unseal
                | Scope::Files
                | Scope::DecryptedCopy
                | Scope::Confirm
                | Scope::Unlock
                | Scope::Create
        )
    };
    let screen = |s: Scope| !popup(s) && !matches!(s, Scope::Anywhere | Scope::Global);
    let shared = |s: Scope| matches!(s, Scope::Global | Scope::List);
    a == b
        || a == Scope::Anywhere
        || b == Scope::Anywhere
        || (shared(a) && screen(b))
        || (shared(b) && screen(a))
}

/// A key as `config.toml` writes it: one character (`a`, `D`, `?`), a name
/// (`Enter`, `Esc`, `Tab`, `S-Tab`, `Space`, `Up`, `Down`, `Left`, `Right`,
/// `PgUp`, `PgDn`, `Home`, `End`, or the arrows `↑ ↓ ← →` the help shows),
/// or `Ctrl-` and a letter. Names ignore case.
pub fn parse_key(written: &str) -> Option<Key> {
    let w = written.trim();
    let lower = w.to_lowercase();
    if let Some(rest) = lower
        .strip_prefix("ctrl-")
        .or_else(|| lower.strip_prefix("ctrl+"))
    {
        let mut chars = rest.chars();
        return match (chars.next(), chars.next()) {
            (Some(c), None) if c.is_ascii_alphabetic() => Some(Key::ctrl(c)),
            _ => None,
        };
    }
    if let Some(key) = arrow(w) {
        return Some(key);
    }
    let mut chars = w.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        return (!c.is_control() && c != ' ').then_some(Key::ch(c));
    }
    let code = match lower.as_str() {
        "space" => KeyCode::Char(' '),
        "enter" | "return" => KeyCode::Enter,
        "esc" | "escape" => KeyCode::Esc,
        "tab" => KeyCode::Tab,
        "s-tab" | "shift-tab" | "backtab" => KeyCode::BackTab,
        "up" => KeyCode::Up,
        "down" => KeyCode::Down,
        "left" => KeyCode::Left,
        "right" => KeyCode::Right,
        "pgup" | "pageup" => KeyCode::PageUp,
        "pgdn" | "pagedown" => KeyCode::PageDown,
        "home" => KeyCode::Home,
        "end" => KeyCode::End,
        _ => return None,
    };
    Some(Key::code(code))
}

fn arrow(w: &str) -> Option<Key> {
    let code = match w {
        "↑" => KeyCode::Up,
        "↓" => KeyCode::Down,
        "←" => KeyCode::Left,
        "→" => KeyCode::Right,
        _ => return None,
    };
    Some(Key::code(code))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::keymap;
    use crate::app::screen::Screen;
    use crate::i18n::Lang;

    fn o(scope: &str, binding: &str, keys: &[&str]) -> Override {
        Override {
            scope: scope.into(),
            binding: binding.into(),
            keys: keys.iter().map(|k| k.to_string()).collect(),
        }
    }

    fn find<'a>(table: &'a [Binding], scope: Scope, action: &Action) -> &'a Binding {
        table
            .iter()
            .find(|b| b.scope == scope && b.action == *action)
            .unwrap()
    }

    #[test]
    fn every_binding_has_a_name_of_its_own_in_its_scope() {
        for &scope in Scope::ALL {
            let names: Vec<String> = keymap::bindings(scope).map(binding_name).collect();
            for (i, n) in names.iter().enumerate() {
                assert!(!names[i + 1..].contains(n), "{scope:?} has two `{n}`");
            }
        }
        let people = KEY_TABLE
            .iter()
            .find(|b| b.action == Action::GoTo(Screen::People))
            .unwrap();
        assert_eq!(binding_name(people), "go_to_people");
        assert_eq!(scope_name(Scope::PersonDetail), "person_detail");
    }

    #[test]
    fn keys_are_written_as_the_help_shows_them() {
        assert_eq!(parse_key("a"), Some(Key::ch('a')));
        assert_eq!(parse_key("D"), Some(Key::ch('D')));
        assert_eq!(parse_key("Ctrl-L"), Some(Key::ctrl('l')));
        assert_eq!(parse_key("PgDn"), Some(Key::code(KeyCode::PageDown)));
        assert_eq!(parse_key("S-Tab"), Some(Key::code(KeyCode::BackTab)));
        assert_eq!(parse_key("space"), Some(Key::ch(' ')));
        assert_eq!(parse_key("↑"), Some(Key::code(KeyCode::Up)));
        for b in KEY_TABLE {
            for k in b.keys.iter() {
                assert_eq!(parse_key(&k.label()), Some(*k), "{}", k.label());
            }
        }
        for bad in ["", "Ctrl-", "Ctrl-1", "Hyper-x", "ab", "\u{7}"] {
            assert_eq!(parse_key(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn an_override_changes_the_keys_footer_and_help_of_its_binding() {
        let table = apply(&[o("people", "new", &["a", "Ctrl-n"])]).unwrap();
        let new = find(&table, Scope::People, &Action::New);
        assert_eq!(keymap::keys_label(new), "a/Ctrl-n");
        let defaults = find(KEY_TABLE, Scope::People, &Action::New);
        assert_eq!(keymap::keys_label(defaults), "n");
        // Only that binding moved: `n` still means new elsewhere.
        let trajectories = find(&table, Scope::Trajectories, &Action::New);
        assert_eq!(keymap::keys_label(trajectories), "n");
        let help = keymap::help_lines_of(&table, Lang::En, &[Scope::People]);
        assert!(
            help.iter().any(|(_, keys, _)| keys == "a/Ctrl-n"),
            "{help:?}"
        );
    }

    #[test]
    fn a_clash_on_one_screen_is_refused_and_names_the_other_binding() {
        // Within one scope.
        let r = apply(&[o("people", "new", &["e"])]).unwrap_err();
        assert_eq!(
            r.why,
            Why::Clash {
                key: "e".into(),
                other: "people.edit".into()
            }
        );
        // With the workspace's keys, and with the keys that work anywhere.
        let r = apply(&[o("people", "new", &["q"])]).unwrap_err();
        assert!(matches!(&r.why, Why::Clash { other, .. } if other == "global.quit"));
        let r = apply(&[o("to_delete", "mark_all", &["Ctrl-l"])]).unwrap_err();
        assert!(matches!(&r.why, Why::Clash { other, .. } if other == "anywhere.lock"));
        // With the list keys of a screen.
        let r = apply(&[o("list", "down", &["n"])]).unwrap_err();
        assert!(matches!(&r.why, Why::Clash { .. }), "{r:?}");
        // Two screens never meet: People's `n` on Trajectories' `a` is fine.
        assert!(apply(&[o("trajectories", "attach", &["t"])]).is_ok());
        // A swap within a scope is fine when both move.
        let swap = [o("people", "new", &["e"]), o("people", "edit", &["n"])];
        assert!(apply(&swap).is_ok());
        // The table as it is, written out in full, is taken as it is.
        let all: Vec<Override> = KEY_TABLE
            .iter()
            .map(|b| Override {
                scope: scope_name(b.scope).into(),
                binding: binding_name(b),
                keys: b.keys.iter().map(Key::label).collect(),
            })
            .collect();
        assert!(apply(&all).is_ok(), "{:?}", apply(&all).err());
        // The second override is the one refused, by its place.
        let r = apply(&[o("people", "new", &["N"]), o("people", "edit", &["d"])]).unwrap_err();
        assert_eq!(r.index, 1);
    }

    #[test]
    fn unknown_names_and_keys_are_refused() {
        let why = |list: &[Override]| apply(list).unwrap_err().why;
        assert_eq!(why(&[o("peeple", "new", &["a"])]), Why::UnknownScope);
        assert_eq!(why(&[o("people", "fly", &["a"])]), Why::UnknownBinding);
        assert_eq!(why(&[o("people", "new", &[])]), Why::NoKeys);
        assert_eq!(
            why(&[o("people", "new", &["Hyper-a"])]),
            Why::NotAKey("Hyper-a".into())
        );
    }

    #[test]
    fn the_default_table_passes_its_own_clash_check() {
        for (row, b) in KEY_TABLE.iter().enumerate() {
            if let Some(why) = clash(KEY_TABLE, row, &b.keys) {
                // A screen key over a list key is the table's own choice
                // (Esc goes back in a detail); the workspace and `anywhere`
                // keys are never taken.
                let other = match &why {
                    Why::Clash { other, .. } => other.clone(),
                    _ => String::new(),
                };
                assert!(
                    other.starts_with("list.") || scope_name(b.scope) == "list",
                    "{:?}.{} clashes: {why:?}",
                    b.scope,
                    binding_name(b)
                );
            }
        }
    }
}
