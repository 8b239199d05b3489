//! The names and e-mail addresses of other people in the vault, found in
//! the texts of an access export and replaced by a placeholder when the
//! coach asks (GDPR art. 15(4)).

use crate::domain::Id;
use crate::domain::mailing::normalise_email;
use crate::i18n::{Lang, export::placeholder};
use crate::ops::session::Session;
use std::collections::BTreeSet;

/// A name or address of another person to look for in the export's texts.
pub(super) struct Term {
    chars: Vec<char>,
    /// Full names and addresses match in any case; a single first or last
    /// name only as written with its capital ("Bas", not "bas").
    any_case: bool,
    /// As the coach is shown it.
    shown: String,
}

/// Finds the names and e-mail addresses of other people in the vault in
/// the exported texts (whole words), and replaces them by a placeholder
/// when asked to (art. 15(4)). What it found is listed to the coach before
/// the export is written, either way.
pub(super) struct Redactor {
    /// Longest first.
    terms: Vec<Term>,
    replace: bool,
    placeholder: &'static str,
    /// How many mentions were replaced.
    pub(super) count: usize,
    /// The names and addresses found, as the coach is shown them.
    pub(super) found: BTreeSet<String>,
}

fn lower(c: char) -> char {
    c.to_lowercase().next().unwrap_or(c)
}

/// Name words too common to be a name on their own (Dutch particles).
const PARTICLES: [&str; 12] = [
    "van", "de", "der", "den", "het", "ten", "ter", "te", "op", "in", "la", "le",
];

impl Redactor {
    pub(super) fn new(s: &Session, person: &Id, lang: Lang, replace: bool) -> Redactor {
        let own = s.data.people.get(person);
        let own_name: Vec<String> = own
            .map(|p| p.name.split_whitespace().map(str::to_lowercase).collect())
            .unwrap_or_default();
        let own_email = own.and_then(|p| p.email.as_deref()).map(normalise_email);
        let mut terms: Vec<Term> = Vec::new();
        let mut add = |chars: Vec<char>, any_case: bool, shown: &str| {
            if chars.len() >= 3 && !terms.iter().any(|t| t.chars == chars) {
                terms.push(Term {
                    chars,
                    any_case,
                    shown: shown.to_string(),
                });
            }
        };
        for (id, p) in &s.data.people {
            if id == person {
                continue;
            }
            let name = p.name.trim();
            let words: Vec<&str> = name.split_whitespace().collect();
            if words.len() >= 2 && name.to_lowercase() != own_name.join(" ") {
                add(name.chars().map(lower).collect(), true, name);
            }
            for w in words {
                let w = w.trim_matches(|c: char| !c.is_alphanumeric());
                let is_name = w.chars().next().is_some_and(char::is_uppercase);
                let low = w.to_lowercase();
                if is_name && !PARTICLES.contains(&low.as_str()) && !own_name.contains(&low) {
                    add(w.chars().collect(), false, w);
                }
            }
            if let Some(e) = &p.email {
                let e = normalise_email(e);
                if Some(&e) != own_email.as_ref() {
                    add(e.chars().collect(), true, &e);
                }
            }
        }
        terms.sort_by_key(|t| std::cmp::Reverse(t.chars.len()));
        Redactor {
            terms,
            replace,
            placeholder: placeholder(lang),
            count: 0,
            found: BTreeSet::new(),
        }
    }

    pub(super) fn apply(&mut self, text: &str) -> String {
        if self.terms.is_empty() {
            return text.to_string();
        }
        let chars: Vec<char> = text.chars().collect();
        let low: Vec<char> = chars.iter().copied().map(lower).collect();
        let word = |c: char| c.is_alphanumeric();
        let mut out = String::with_capacity(text.len());
        let mut i = 0;
        'scan: while i < chars.len() {
            if i == 0 || !word(chars[i - 1]) {
                for t in &self.terms {
                    let end = i + t.chars.len();
                    let hay = if t.any_case { &low } else { &chars };
                    if end <= chars.len()
                        && hay[i..end] == t.chars[..]
                        && (end == chars.len() || !word(chars[end]))
                    {
                        self.found.insert(t.shown.clone());
                        if self.replace {
                            out.push_str(self.placeholder);
                            self.count += 1;
                        } else {
                            out.extend(&chars[i..end]);
                        }
                        i = end;
                        continue 'scan;
                    }
                }
            }
            out.push(chars[i]);
            i += 1;
        }
        out
    }

    pub(super) fn opt(&mut self, text: &Option<String>) -> Option<String> {
        text.as_deref().map(|t| self.apply(t))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn redactor(full: &[&str], single: &[&str]) -> Redactor {
        let term = |t: &&str, any_case: bool| Term {
            chars: if any_case {
                t.chars().map(lower).collect()
            } else {
                t.chars().collect()
            },
            any_case,
            shown: t.to_string(),
        };
        let mut terms: Vec<Term> = full.iter().map(|t| term(t, true)).collect();
        terms.extend(single.iter().map(|t| term(t, false)));
        terms.sort_by_key(|t| std::cmp::Reverse(t.chars.len()));
        Redactor {
            terms,
            replace: true,
            placeholder: "[x]",
            count: 0,
            found: BTreeSet::new(),
        }
    }

    #[test]
    fn redaction_matches_whole_names_ignoring_case() {
        let mut r = redactor(&["bram jansen", "bram@example.nl"], &[]);
        assert_eq!(
            r.apply("Met BRAM JANSEN (bram@example.nl) en Bram Jansens, ab."),
            "Met [x] ([x]) en Bram Jansens, ab."
        );
        assert_eq!(r.count, 2);
        assert_eq!(r.apply("Bram Jansen"), "[x]");
        assert_eq!(r.apply("Ünïcode Bram jansen."), "Ünïcode [x].");
    }

    #[test]
    fn a_single_name_matches_only_as_written_and_is_found_without_replacing() {
        let mut r = redactor(&["bas de boer"], &["Bas", "Boer"]);
        assert_eq!(r.apply("Loopbaancoaching Bas"), "Loopbaancoaching [x]");
        assert_eq!(r.apply("bas en Basis"), "bas en Basis");
        r.replace = false;
        r.found.clear();
        assert_eq!(r.apply("Bas de Boer belde"), "Bas de Boer belde");
        assert_eq!(r.found.iter().collect::<Vec<_>>(), ["bas de boer"]);
    }
}
