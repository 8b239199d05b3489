//! Tab in a path field completes like a shell: the name under way is
//! completed as far as the folder's entries agree; a folder gets its `/`;
//! when several entries still match, they are offered below the field.
//! Hidden entries are offered only once the name starts with a dot.

use super::path_text::home_expanded;

/// What Tab made of the typed text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Completion {
    /// The text with the name completed as far as it goes.
    pub text: String,
    /// The entries that still match, when more than one does (folders end
    /// in `/`), at most `MAX_CHOICES`.
    pub choices: Vec<String>,
}

/// How many matching names are offered.
const MAX_CHOICES: usize = 50;

/// Completes the last name of `typed`; `None` when nothing matches (or the
/// folder cannot be read).
pub fn complete(typed: &str) -> Option<Completion> {
    let (folder_typed, start) = match typed.rfind('/') {
        Some(i) => typed.split_at(i + 1),
        None if typed == "~" => {
            return Some(Completion {
                text: "~/".to_string(),
                choices: Vec::new(),
            });
        }
        None => ("", typed),
    };
    let folder = if folder_typed.is_empty() {
        home_expanded(".")
    } else {
        home_expanded(folder_typed)
    };
    let mut names: Vec<String> = std::fs::read_dir(&folder)
        .ok()?
        .filter_map(Result::ok)
        .filter_map(|entry| {
            // A name that is not UTF-8 or holds control characters cannot
            // be shown or typed: it is not offered.
            let name = entry.file_name().into_string().ok()?;
            let offered = name.starts_with(start)
                && (start.starts_with('.') || !name.starts_with('.'))
                && crate::domain::text::is_clean_line(&name);
            offered.then(|| {
                let folder = entry.path().is_dir();
                if folder { format!("{name}/") } else { name }
            })
        })
        .collect();
    if names.is_empty() {
        return None;
    }
    names.sort();
    let common = common_prefix(&names);
    let choices = if names.len() > 1 {
        names.into_iter().take(MAX_CHOICES).collect()
    } else {
        Vec::new()
    };
    Some(Completion {
        text: format!("{folder_typed}{common}"),
        choices,
    })
}

/// The longest start all `names` share, on character boundaries.
fn common_prefix(names: &[String]) -> String {
    let Some(first) = names.first() else {
        return String::new();
    };
    let mut end = first.len();
    for name in &names[1..] {
        end = first
            .char_indices()
            .zip(name.chars())
            .find(|((_, a), b)| a != b)
            .map_or(end.min(name.len()), |((i, _), _)| i.min(end));
    }
    first[..end].to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folder() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        for f in [
            "eindrapport.pdf",
            "eindrapport-v2.pdf",
            "intake.docx",
            ".verborgen",
        ] {
            std::fs::write(dir.path().join(f), b"x").unwrap();
        }
        std::fs::create_dir(dir.path().join("Rapporten")).unwrap();
        dir
    }

    #[test]
    fn one_match_is_completed_and_a_folder_gets_its_slash() {
        let dir = folder();
        let base = format!("{}/", dir.path().display());
        let c = complete(&format!("{base}int")).unwrap();
        assert_eq!(c.text, format!("{base}intake.docx"));
        assert!(c.choices.is_empty());
        let c = complete(&format!("{base}Ra")).unwrap();
        assert_eq!(c.text, format!("{base}Rapporten/"));
    }

    #[test]
    fn several_matches_complete_as_far_as_they_agree_and_are_offered() {
        let dir = folder();
        let base = format!("{}/", dir.path().display());
        let c = complete(&format!("{base}ei")).unwrap();
        assert_eq!(c.text, format!("{base}eindrapport"));
        assert_eq!(c.choices, ["eindrapport-v2.pdf", "eindrapport.pdf"]);
        // Everything in the folder but the hidden entry.
        let c = complete(&base).unwrap();
        assert_eq!(
            c.choices,
            [
                "Rapporten/",
                "eindrapport-v2.pdf",
                "eindrapport.pdf",
                "intake.docx"
            ]
        );
        let c = complete(&format!("{base}.")).unwrap();
        assert_eq!(c.text, format!("{base}.verborgen"));
    }

    #[test]
    fn nothing_matching_or_no_folder_completes_nothing() {
        let dir = folder();
        assert_eq!(complete(&format!("{}/zzz", dir.path().display())), None);
        assert_eq!(complete(&format!("{}/nope/a", dir.path().display())), None);
    }

    #[test]
    fn the_home_folder_is_completed_from_a_tilde() {
        assert_eq!(complete("~").unwrap().text, "~/");
        let Some(home) = std::env::var_os("HOME") else {
            return;
        };
        if let Some(c) = complete("~/") {
            assert!(c.text.starts_with("~/"), "{c:?}");
        }
        assert!(std::path::Path::new(&home).is_dir());
    }
}
