//! A text shortened to its room: what does not fit goes and "…" says so,
//! so a name that must be shortened is never cut silently ("Eindrapport
//! Kim…", not "Eindrapport Ki").

use ratatui::text::{Line, Span};

/// The mark of a shortened text.
const MARK: &str = "…";

/// `line` in at most `width` columns: unchanged when it fits, else cut
/// and ended with "…" (in the style of the text it ends). White space
/// before the mark goes too.
pub fn fit(line: Line<'_>, width: u16) -> Line<'_> {
    let width = usize::from(width);
    if line.width() <= width {
        return line;
    }
    let room = width.saturating_sub(1);
    let mut used = 0;
    let mut spans: Vec<Span> = Vec::new();
    'spans: for span in &line.spans {
        let mut kept = String::new();
        for c in span.content.chars() {
            let w = Span::raw(c.to_string()).width();
            if used + w > room {
                spans.push(Span::styled(kept, span.style));
                break 'spans;
            }
            used += w;
            kept.push(c);
        }
        spans.push(Span::styled(kept, span.style));
    }
    let style = spans.last().map(|s| s.style).unwrap_or_default();
    // No white space before the mark, whichever spans it ends.
    while spans.len() > 1
        && spans
            .last()
            .is_some_and(|s| s.content.trim_end().is_empty())
    {
        spans.pop();
    }
    if let Some(last) = spans.last_mut() {
        last.content = last.content.trim_end().to_string().into();
    }
    if width > 0 {
        spans.push(Span::styled(MARK, style));
    }
    let mut out = Line::from(spans).style(line.style);
    out.alignment = line.alignment;
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::{Style, Stylize};

    fn text(l: &Line) -> String {
        l.spans.iter().map(|s| s.content.as_ref()).collect()
    }

    #[test]
    fn a_text_that_fits_stays_whole() {
        let l = fit(Line::from("Kim Bos"), 7);
        assert_eq!(text(&l), "Kim Bos");
    }

    #[test]
    fn a_long_text_ends_with_the_mark_in_its_width() {
        let l = fit(Line::from("Eindrapport Kim Bos"), 12);
        assert_eq!(text(&l), "Eindrapport…");
        assert_eq!(l.width(), 12);
        // No space before the mark.
        let l = fit(Line::from("Eindrapport Kim Bos"), 13);
        assert_eq!(text(&l), "Eindrapport…");
        let l = fit(Line::from("Zoë Rivier"), 4);
        assert_eq!(text(&l), "Zoë…");
    }

    #[test]
    fn styles_are_kept_and_the_mark_takes_the_last_one() {
        let line = Line::from(vec![Span::raw("5 d "), Span::raw("Lars de Wit").bold()]);
        let l = fit(line, 9);
        assert_eq!(text(&l), "5 d Lars…");
        assert_eq!(l.spans.last().unwrap().style, Style::new().bold());
        assert_eq!(fit(Line::from("abc"), 0).width(), 0);
    }
}
