//! Text wrapped to a width at word boundaries, as screen lines of
//! character ranges: the editor moves its cursor by them and drawing shows
//! them, so what moves is what is seen; a reader scrolls by them.

/// One screen line: characters `start..end` of the text. Its line break, or
/// the space a wrapped line breaks at, belongs to no row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Row {
    pub start: usize,
    pub end: usize,
}

/// The screen lines of `text` at `width` characters: each line of the text
/// broken after the last space that fits, or mid-word for a word longer
/// than the line. There is always at least one row.
pub fn rows(text: &str, width: usize) -> Vec<Row> {
    let width = width.max(1);
    let mut out = Vec::new();
    let mut offset = 0;
    for line in text.split('\n') {
        let chars: Vec<char> = line.chars().collect();
        let mut pos = 0;
        while chars.len() - pos > width {
            let window = &chars[pos..=pos + width];
            match window.iter().rposition(|c| *c == ' ').filter(|i| *i > 0) {
                Some(space) => {
                    out.push(Row {
                        start: offset + pos,
                        end: offset + pos + space,
                    });
                    pos += space + 1;
                }
                None => {
                    out.push(Row {
                        start: offset + pos,
                        end: offset + pos + width,
                    });
                    pos += width;
                }
            }
        }
        out.push(Row {
            start: offset + pos,
            end: offset + chars.len(),
        });
        offset += chars.len() + 1;
    }
    out
}

/// The screen lines of `text` at `width` characters, as text.
pub fn lines(text: &str, width: usize) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    rows(text, width)
        .iter()
        .map(|r| chars[r.start..r.end].iter().collect())
        .collect()
}

/// The row the cursor is on: the last that starts at or before it.
pub fn cursor_row(rows: &[Row], cursor: usize) -> usize {
    rows.partition_point(|r| r.start <= cursor)
        .saturating_sub(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_at_spaces_and_breaks_long_words() {
        assert_eq!(
            lines("een twee drie\n\nvierenvijftig", 8),
            ["een twee", "drie", "", "vierenvi", "jftig"]
        );
        assert_eq!(lines("", 8), [""]);
        assert_eq!(lines("regel\n", 8), ["regel", ""]);
    }
}
