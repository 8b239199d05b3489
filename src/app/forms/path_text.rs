//! How a path is written in a form field: typed by the coach (`~/Rapporten`),
//! or pasted by the terminal when a file is dropped on it. Terminals paste a
//! dropped file as its path, quoted or with backslash escapes when it holds a
//! space (`'/home/a/Eind rapport.pdf'`, `/home/a/Eind\ rapport.pdf`), or as a
//! `file://` URL with percent escapes; several dropped files come in one
//! paste, separated by spaces or line breaks. A field holds one path as it
//! is, or several in shell quoting (`quoted_list`), and `paths_in` reads both.

use std::ffi::OsString;
use std::path::PathBuf;

/// `~` and `~/…` in the home folder; anything else as typed.
pub fn home_expanded(typed: &str) -> PathBuf {
    let home = std::env::var_os("HOME");
    match (typed, home) {
        ("~", Some(home)) => PathBuf::from(home),
        (t, Some(home)) if t.starts_with("~/") => PathBuf::from(home).join(&t[2..]),
        (t, _) => PathBuf::from(t),
    }
}

/// The paths a field (or a paste) holds. A text without quotes, escapes or
/// URLs that names something on disk as a whole is one path, spaces and
/// all (a path typed by hand); anything else is read as shell words, each
/// a path or a `file://` URL.
pub fn paths_in(text: &str) -> Vec<PathBuf> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Vec::new();
    }
    let plain = !trimmed.contains(['\'', '"', '\\', '\n', '\r']) && !trimmed.contains("file://");
    if plain && home_expanded(trimmed).symlink_metadata().is_ok() {
        return vec![home_expanded(trimmed)];
    }
    words(trimmed).iter().map(|w| word_path(w)).collect()
}

/// What a path field holds after a paste: the paths it held and the
/// pasted ones (`pasted`). Control characters are dropped: no field holds
/// them (`domain::text`), and a path that loses one is then not found.
pub fn appended(field: &str, text: &str) -> String {
    let clean: String = text
        .chars()
        .filter(|c| !crate::domain::text::is_control(*c) || c.is_whitespace())
        .collect();
    if field.trim().is_empty() {
        return pasted(&clean);
    }
    let mut paths = paths_in(field);
    paths.extend(paths_in(&clean));
    quoted_list(&paths)
}

/// What a paste puts in an empty path field: one path as it is, several
/// each quoted where needed, so `paths_in` reads the same paths back.
pub fn pasted(text: &str) -> String {
    let paths = paths_in(text);
    match paths.as_slice() {
        [] => String::new(),
        [one] if one.symlink_metadata().is_ok() => one.to_string_lossy().into_owned(),
        many => quoted_list(many),
    }
}

/// Paths in shell quoting, separated by spaces.
pub fn quoted_list(paths: &[PathBuf]) -> String {
    paths
        .iter()
        .map(|p| quoted(&p.to_string_lossy()))
        .collect::<Vec<_>>()
        .join(" ")
}

/// One word quoted for `words`: as it is when nothing in it needs quoting,
/// else in single quotes (a single quote inside as `'\''`).
fn quoted(word: &str) -> String {
    let safe = |c: char| c.is_alphanumeric() || "/._-~+,:@%=".contains(c);
    if !word.is_empty() && word.chars().all(safe) {
        return word.to_string();
    }
    format!("'{}'", word.replace('\'', r"'\''"))
}

/// Splits `text` into words as a POSIX shell does: spaces, tabs and line
/// breaks separate, single quotes keep everything, double quotes keep all
/// but `\"` and `\\`, and a backslash outside quotes keeps the next
/// character. An unclosed quote runs to the end.
fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    let mut in_word = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\'' => {
                in_word = true;
                for q in chars.by_ref() {
                    if q == '\'' {
                        break;
                    }
                    word.push(q);
                }
            }
            '"' => {
                in_word = true;
                while let Some(q) = chars.next() {
                    match q {
                        '"' => break,
                        '\\' if matches!(chars.peek(), Some('"' | '\\')) => {
                            if let Some(next) = chars.next() {
                                word.push(next);
                            }
                        }
                        _ => word.push(q),
                    }
                }
            }
            '\\' => {
                in_word = true;
                if let Some(next) = chars.next() {
                    word.push(next);
                }
            }
            c if c.is_whitespace() => {
                if in_word {
                    out.push(std::mem::take(&mut word));
                    in_word = false;
                }
            }
            c => {
                in_word = true;
                word.push(c);
            }
        }
    }
    if in_word {
        out.push(word);
    }
    out
}

/// A word as a path: a `file://` URL (local host only) percent-decoded,
/// else with `~` expanded.
fn word_path(word: &str) -> PathBuf {
    let local = word
        .strip_prefix("file://localhost/")
        .or_else(|| word.strip_prefix("file:///"));
    match local {
        Some(rest) => {
            let bytes: Vec<u8> = percent_encoding::percent_decode_str(rest).collect();
            let mut path = OsString::from("/");
            path.push(os_string(bytes));
            PathBuf::from(path)
        }
        None => home_expanded(word),
    }
}

#[cfg(unix)]
fn os_string(bytes: Vec<u8>) -> OsString {
    use std::os::unix::ffi::OsStringExt;
    OsString::from_vec(bytes)
}

#[cfg(not(unix))]
fn os_string(bytes: Vec<u8>) -> OsString {
    OsString::from(String::from_utf8_lossy(&bytes).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strs(paths: &[PathBuf]) -> Vec<String> {
        paths
            .iter()
            .map(|p| p.to_string_lossy().into_owned())
            .collect()
    }

    #[test]
    fn a_dropped_path_loses_its_quotes_escapes_and_url() {
        for pasted in [
            "'/tmp/Eind rapport.pdf'",
            "\"/tmp/Eind rapport.pdf\"",
            r"/tmp/Eind\ rapport.pdf",
            "file:///tmp/Eind%20rapport.pdf",
            "file://localhost/tmp/Eind%20rapport.pdf",
            "  '/tmp/Eind rapport.pdf'\r\n",
        ] {
            assert_eq!(
                strs(&paths_in(pasted)),
                ["/tmp/Eind rapport.pdf"],
                "{pasted}"
            );
        }
    }

    #[test]
    fn several_dropped_paths_come_apart() {
        let pasted = r#"'/tmp/a b.pdf' /tmp/c\ d.docx "/tmp/it's.txt" file:///tmp/%C3%A9.png"#;
        assert_eq!(
            strs(&paths_in(pasted)),
            [
                "/tmp/a b.pdf",
                "/tmp/c d.docx",
                "/tmp/it's.txt",
                "/tmp/é.png"
            ]
        );
        let lines = "file:///tmp/a.pdf\r\nfile:///tmp/b.pdf\r\n";
        assert_eq!(strs(&paths_in(lines)), ["/tmp/a.pdf", "/tmp/b.pdf"]);
    }

    #[test]
    fn a_typed_path_with_spaces_that_exists_is_one_path() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("mijn rapport.pdf");
        std::fs::write(&file, b"x").unwrap();
        let typed = file.to_string_lossy().into_owned();
        assert_eq!(paths_in(&typed), [file]);
        // The same words that name nothing are read as two paths.
        let missing = dir.path().join("twee woorden");
        assert_eq!(paths_in(&missing.to_string_lossy()).len(), 2);
    }

    #[test]
    fn a_second_drop_adds_to_the_paths_in_the_field() {
        let field = appended("", "'/tmp/a b.pdf' /tmp/c.pdf");
        let field = appended(&field, "file:///tmp/d%20e.pdf\r\n");
        assert_eq!(
            strs(&paths_in(&field)),
            ["/tmp/a b.pdf", "/tmp/c.pdf", "/tmp/d e.pdf"]
        );
        assert_eq!(strs(&paths_in(&appended("", "/tmp/x\u{1b}y"))), ["/tmp/xy"]);
    }

    #[test]
    fn the_home_folder_is_expanded() {
        let Some(home) = std::env::var_os("HOME") else {
            return;
        };
        let home = PathBuf::from(home);
        assert_eq!(home_expanded("~"), home);
        assert_eq!(
            home_expanded("~/Rapporten/a.pdf"),
            home.join("Rapporten/a.pdf")
        );
        assert_eq!(home_expanded("~other/x"), PathBuf::from("~other/x"));
        assert_eq!(paths_in("'~/a b.pdf'"), [home.join("a b.pdf")]);
    }

    #[test]
    fn a_paste_of_several_paths_reads_back_the_same() {
        let pasted_text = r#"'/tmp/a b.pdf' /tmp/c\ d.docx "/tmp/it's.txt""#;
        let field = pasted(pasted_text);
        assert_eq!(field, r"'/tmp/a b.pdf' '/tmp/c d.docx' '/tmp/it'\''s.txt'");
        assert_eq!(paths_in(&field), paths_in(pasted_text));
        assert_eq!(pasted("  "), "");
        // One dropped file goes in as it is.
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a b.pdf");
        std::fs::write(&file, b"x").unwrap();
        let field = pasted(&format!("'{}'", file.display()));
        assert_eq!(field, file.to_string_lossy());
        assert_eq!(paths_in(&field), [file]);
    }
}
