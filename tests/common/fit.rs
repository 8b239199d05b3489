//! What a frame that fits shows, read from its text: no date cut at a
//! cell's edge, and `?` and `q` in the footer. Shared by the harness
//! tests and the tmux visit of every screen.

// Test helpers stop the test at the first surprise: unwrap, expect and
// panic are how they fail.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

/// The dates written as `DD-MM-YYYY` or `YYYY-MM-DD`, digit for digit.
const SHAPES: [&str; 2] = ["00-00-0000", "0000-00-00"];

fn fits_shape(token: &str, shape: &str) -> bool {
    token.len() <= shape.len()
        && token
            .chars()
            .zip(shape.chars())
            .all(|(c, s)| if s == '0' { c.is_ascii_digit() } else { c == s })
}

/// The dates on screen cut short: a run of digits and dashes that starts
/// like a date ("2026-05-1", "geaccepteerd 2026-0") but stops before its
/// end.
pub fn cut_dates(screen: &str) -> Vec<String> {
    let mut out = Vec::new();
    for line in screen.lines() {
        let tokens = line.split(|c: char| !(c.is_ascii_digit() || c == '-'));
        for t in tokens {
            let starts_like_a_date = t.len() >= 6 && t.len() < 10;
            if starts_like_a_date && SHAPES.iter().any(|s| fits_shape(t, s)) {
                out.push(format!("{t:?} in {line:?}"));
            }
        }
    }
    out
}

/// The dates on screen in ISO form (`2026-12-01`): a Dutch screen in the
/// default date style shows none.
pub fn iso_dates(screen: &str) -> Vec<String> {
    screen
        .lines()
        .flat_map(|line| {
            line.split(|c: char| !(c.is_ascii_digit() || c == '-'))
                .filter(|t| t.len() == 10 && fits_shape(t, SHAPES[1]))
                .map(move |t| format!("{t:?} in {line:?}"))
        })
        .collect()
}

/// The footer: the last line with text on it.
pub fn footer(screen: &str) -> &str {
    screen
        .lines()
        .rev()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("")
}

/// Whether the footer offers help (`?`) and quitting (`q`) in `lang`.
pub fn footer_keeps_help_and_quit(screen: &str, lang: kluis::i18n::Lang) -> bool {
    let (help, quit) = match lang {
        kluis::i18n::Lang::Nl => ("? help", "q stoppen"),
        kluis::i18n::Lang::En => ("? help", "q quit"),
    };
    let footer = footer(screen);
    footer.contains(help) && footer.contains(quit)
}
