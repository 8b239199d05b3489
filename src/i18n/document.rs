//! A document for people to read (the privacy statement, the record of
//! processing) as a few kinds of block, written out as Markdown or as one
//! standalone HTML page. Text is plain: Markdown's table cells escape `|`,
//! HTML escapes `& < > "`, and no stored text can open a tag.

/// One block of a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    Title(String),
    Heading(String),
    Para(String),
    /// A bulleted list.
    Items(Vec<String>),
    /// A list of labelled values.
    Fields(Vec<(String, String)>),
    Table {
        head: Vec<String>,
        rows: Vec<Vec<String>>,
    },
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Document {
    pub blocks: Vec<Block>,
}

impl Document {
    pub fn push(&mut self, b: Block) {
        self.blocks.push(b);
    }

    pub fn title(&mut self, s: impl Into<String>) {
        self.push(Block::Title(s.into()));
    }

    pub fn heading(&mut self, s: impl Into<String>) {
        self.push(Block::Heading(s.into()));
    }

    pub fn para(&mut self, s: impl Into<String>) {
        self.push(Block::Para(s.into()));
    }

    pub fn items(&mut self, items: Vec<String>) {
        if !items.is_empty() {
            self.push(Block::Items(items));
        }
    }

    pub fn fields(&mut self, fields: Vec<(String, String)>) {
        self.push(Block::Fields(fields));
    }

    /// Markdown (CommonMark with GitHub tables).
    pub fn markdown(&self) -> String {
        let mut out = String::new();
        for b in &self.blocks {
            match b {
                Block::Title(t) => out.push_str(&format!("# {}\n\n", line(t))),
                Block::Heading(t) => out.push_str(&format!("## {}\n\n", line(t))),
                Block::Para(t) => out.push_str(&format!("{}\n\n", t.trim())),
                Block::Items(items) => {
                    for i in items {
                        out.push_str(&format!("- {}\n", line(i)));
                    }
                    out.push('\n');
                }
                Block::Fields(fields) => {
                    for (k, v) in fields {
                        out.push_str(&format!("- **{}:** {}\n", line(k), line(v)));
                    }
                    out.push('\n');
                }
                Block::Table { head, rows } => {
                    let row = |cells: &[String]| {
                        let cells: Vec<String> = cells.iter().map(|c| cell(c)).collect();
                        format!("| {} |\n", cells.join(" | "))
                    };
                    out.push_str(&row(head));
                    out.push_str(&format!("|{}\n", "---|".repeat(head.len())));
                    for r in rows {
                        out.push_str(&row(r));
                    }
                    out.push('\n');
                }
            }
        }
        while out.ends_with("\n\n") {
            out.pop();
        }
        out
    }

    /// One standalone HTML page in language `lang` (`nl`, `en`).
    pub fn html(&self, lang: &str) -> String {
        let title = self
            .blocks
            .iter()
            .find_map(|b| match b {
                Block::Title(t) => Some(t.as_str()),
                _ => None,
            })
            .unwrap_or("");
        let mut out = format!(
            "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n</head>\n<body>\n",
            esc(title)
        );
        for b in &self.blocks {
            match b {
                Block::Title(t) => out.push_str(&format!("<h1>{}</h1>\n", esc(t))),
                Block::Heading(t) => out.push_str(&format!("<h2>{}</h2>\n", esc(t))),
                Block::Para(t) => out.push_str(&format!("<p>{}</p>\n", esc(t.trim()))),
                Block::Items(items) => {
                    out.push_str("<ul>\n");
                    for i in items {
                        out.push_str(&format!("<li>{}</li>\n", esc(i)));
                    }
                    out.push_str("</ul>\n");
                }
                Block::Fields(fields) => {
                    out.push_str("<dl>\n");
                    for (k, v) in fields {
                        out.push_str(&format!("<dt>{}</dt><dd>{}</dd>\n", esc(k), esc(v)));
                    }
                    out.push_str("</dl>\n");
                }
                Block::Table { head, rows } => {
                    out.push_str("<table>\n<tr>");
                    for h in head {
                        out.push_str(&format!("<th>{}</th>", esc(h)));
                    }
                    out.push_str("</tr>\n");
                    for r in rows {
                        out.push_str("<tr>");
                        for c in r {
                            out.push_str(&format!("<td>{}</td>", esc(c)));
                        }
                        out.push_str("</tr>\n");
                    }
                    out.push_str("</table>\n");
                }
            }
        }
        out.push_str("</body>\n</html>\n");
        out
    }
}

/// Text on one line.
fn line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn cell(s: &str) -> String {
    line(s).replace('|', "\\|")
}

fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_text_cannot_open_a_tag_or_break_a_table() {
        let mut d = Document::default();
        d.title("A <script>alert(1)</script> & co");
        d.push(Block::Table {
            head: vec!["a".into(), "b".into()],
            rows: vec![vec!["x | y".into(), "two\nlines".into()]],
        });
        let html = d.html("en");
        assert!(!html.contains("<script>"), "{html}");
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; co"));
        let md = d.markdown();
        assert!(md.contains("| x \\| y | two lines |"), "{md}");
    }
}
