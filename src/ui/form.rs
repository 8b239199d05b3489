//! Drawing a form's fields: label, value (secrets as dots), hint; the field
//! in focus shows its cursor. A long-text field shows its editor under the
//! label, wrapped as `app::editor` wraps it.

use super::Ctx;
use crate::app::editor::View;
use crate::app::forms::form::{Field, FieldKind, Form};
use crate::app::input::TextInput;
use crate::app::layout::EDITOR_INDENT;
use crate::app::wrap;
use crate::domain::text;
use crate::i18n::ui::{self, Text};
use ratatui::text::{Line, Span};

/// The narrowest label column.
const LABEL: usize = 18;

/// The label column of `form` at `width`: as wide as its longest label
/// (at least [`LABEL`], at most a third of the line), so a value never
/// starts inside a label.
fn label_width(form: &Form, width: usize, lang: crate::i18n::Lang) -> usize {
    let longest = form
        .fields
        .iter()
        .map(|f| f.label.get(lang).chars().count() + 1)
        .max()
        .unwrap_or(0);
    longest.min(width / 3).max(LABEL)
}

/// The part of an input that fits in `width`, with the cursor visible.
pub fn input_spans(
    input: &TextInput,
    secret: bool,
    focused: bool,
    width: usize,
    ctx: &Ctx,
) -> Vec<Span<'static>> {
    let chars: Vec<char> = if secret {
        vec!['•'; input.value().chars().count()]
    } else {
        input.value().chars().collect()
    };
    let cursor = input.cursor().min(chars.len());
    let width = width.max(2);
    // Scroll only when the cursor would leave the field.
    let start = if focused {
        (cursor + 1).saturating_sub(width)
    } else {
        0
    };
    let end = (start + width).min(chars.len());
    let before: String = chars[start..cursor.min(end).max(start)].iter().collect();
    if !focused {
        let all: String = chars[start..end].iter().collect();
        return vec![Span::raw(all)];
    }
    let at: String = chars.get(cursor).map_or(" ".to_string(), |c| c.to_string());
    let after: String = if cursor < end {
        chars[cursor + 1..end].iter().collect()
    } else {
        String::new()
    };
    vec![
        Span::raw(before),
        Span::styled(at, ctx.theme.selected()),
        Span::raw(after),
    ]
}

/// The editor's lines on screen, the cursor's cell highlighted when the
/// field is in focus. A tab shows as a space and no other control
/// character is in the text (`app::paste`, `TextInput::key`); one that came
/// with a stored text shows as `�`.
fn editor_lines(input: &TextInput, view: &View, focused: bool, ctx: &Ctx) -> Vec<Line<'static>> {
    let chars: Vec<char> = input
        .value()
        .chars()
        .map(|c| match c {
            '\t' => ' ',
            c if text::is_control(c) && c != '\n' => '\u{fffd}',
            c => c,
        })
        .collect();
    let rows = wrap::rows(input.value(), view.width);
    let cursor_row = wrap::cursor_row(&rows, input.cursor());
    let indent = " ".repeat(usize::from(EDITOR_INDENT) - 2);
    let margin = || {
        vec![
            Span::raw(indent.clone()),
            Span::styled("│ ", ctx.theme.dim()),
        ]
    };
    let mut lines: Vec<Line<'static>> = rows
        .iter()
        .enumerate()
        .skip(view.top)
        .take(view.rows)
        .map(|(i, r)| {
            let mut spans = margin();
            let text = |from: usize, to: usize| chars[from..to].iter().collect::<String>();
            if focused && i == cursor_row {
                let at = input.cursor();
                spans.push(Span::raw(text(r.start, at)));
                let under = if at < r.end {
                    text(at, at + 1)
                } else {
                    " ".into()
                };
                spans.push(Span::styled(under, ctx.theme.selected()));
                spans.push(Span::raw(text((at + 1).min(r.end), r.end)));
            } else {
                spans.push(Span::raw(text(r.start, r.end)));
            }
            Line::from(spans)
        })
        .collect();
    // Always as tall as its view, so the fields below stay in place.
    lines.resize_with(view.rows, || Line::from(margin()));
    lines
}

/// The line under a field of several people: who is chosen.
fn chosen_line(field: &Field, label: usize, ctx: &Ctx) -> Line<'static> {
    let names = field.chosen_names();
    let pad = " ".repeat(label + 2);
    if names.is_empty() {
        let none = match field.kind {
            FieldKind::Several { .. } => Text::NothingChosen,
            _ => Text::NobodyChosen,
        };
        return Line::styled(format!("{pad}{}", none.get(ctx.lang)), ctx.theme.dim());
    }
    Line::styled(format!("{pad}✓ {}", names.join(", ")), ctx.theme.good())
}

/// A label padded to the column; one longer than the column keeps a space
/// after it, so the value never touches it.
fn label_text(text: &str, column: usize) -> String {
    if text.chars().count() >= column {
        format!("{text} ")
    } else {
        format!("{text:<column$}")
    }
}

fn field_line(
    field: &Field,
    focused: bool,
    (width, label): (usize, usize),
    ctx: &Ctx,
) -> Line<'static> {
    let lang = ctx.lang;
    let t = &ctx.theme;
    let marker = if focused { "▸ " } else { "  " };
    let mut spans = vec![
        Span::styled(marker, t.key()),
        Span::styled(
            label_text(field.label.get(lang), label),
            if focused { t.title() } else { t.dim() },
        ),
    ];
    let value_width = width.saturating_sub(label + 4);
    match &field.kind {
        FieldKind::Text | FieldKind::Secret | FieldKind::Path { .. } => {
            let secret = matches!(field.kind, FieldKind::Secret);
            // The hint shows only beside an empty field: a value gets the
            // whole width, so a date is not cut for a hint not shown.
            let hint_width = match field.hint {
                Some(h) if field.input.is_empty() => h.get(lang).chars().count() + 1,
                _ => 0,
            };
            let w = value_width.saturating_sub(hint_width);
            spans.extend(input_spans(&field.input, secret, focused, w, ctx));
            if let Some(h) = field.hint
                && field.input.is_empty()
            {
                // Where a value starts, after the cursor when there is one.
                let gap = if focused { " " } else { "" };
                spans.push(Span::styled(format!("{gap}{}", h.get(lang)), t.dim()));
            }
        }
        FieldKind::LongText(_) if field.input.is_empty() => {}
        FieldKind::LongText(_) => {
            let lines = field.input.value().split('\n').count();
            spans.push(Span::styled(
                ui::lines_count(lang, lines),
                if focused { t.key() } else { t.dim() },
            ));
        }
        FieldKind::Choice { options, index } => {
            let o = options.get(*index).map_or("", |o| o.get(lang));
            spans.push(Span::styled(
                format!("‹ {o} ›"),
                if focused { t.key() } else { t.plain() },
            ));
        }
        FieldKind::Names { options, index } => {
            let o = options.get(*index).map_or("", String::as_str);
            spans.push(Span::styled(
                format!("‹ {o} ›"),
                if focused { t.key() } else { t.plain() },
            ));
        }
        FieldKind::Person { optional, .. } => {
            let typed = (field.input.value().chars().count() + 1)
                .min(value_width / 2)
                .max(6);
            spans.extend(input_spans(&field.input, false, focused, typed, ctx));
            match field.pick_display() {
                Some((name, i, n)) => {
                    spans.push(Span::styled(format!("  → {name} ({i}/{n})"), t.good()))
                }
                None if *optional && field.input.is_empty() => spans.push(Span::styled(
                    format!("  → {}", Text::ChoiceNobody.get(lang)),
                    t.dim(),
                )),
                None => spans.push(Span::styled(
                    format!("  → {}", Text::NoPersonFound.get(lang)),
                    t.error(),
                )),
            }
            hint_where_it_fits(&mut spans, field, focused, width, ctx);
        }
        FieldKind::Several { .. } => {
            if let Some((name, chosen, i, n)) = field.several_display() {
                let mark = if chosen { "[x]" } else { "[ ]" };
                spans.push(Span::styled(
                    format!("‹ {mark} {name} ({i}/{n}) ›"),
                    match (focused, chosen) {
                        (true, _) => t.key(),
                        (false, true) => t.good(),
                        (false, false) => t.plain(),
                    },
                ));
            }
            hint_where_it_fits(&mut spans, field, focused, width, ctx);
        }
        FieldKind::People { .. } => {
            let typed = (field.input.value().chars().count() + 1)
                .min(value_width / 2)
                .max(6);
            spans.extend(input_spans(&field.input, false, focused, typed, ctx));
            match field.people_display() {
                Some((name, chosen, i, n)) => {
                    let mark = if chosen { "[x]" } else { "[ ]" };
                    spans.push(Span::styled(
                        format!("  → {mark} {name} ({i}/{n})"),
                        if chosen { t.good() } else { t.plain() },
                    ));
                }
                None => spans.push(Span::styled(
                    format!("  → {}", Text::NoPersonFound.get(lang)),
                    t.error(),
                )),
            }
            hint_where_it_fits(&mut spans, field, focused, width, ctx);
        }
    }
    Line::from(spans)
}

/// The hint of a picking field in focus after what it shows, only where
/// it fits the line: the footer names the keys too, and a hint that wrapped
/// would start at the popup's edge.
fn hint_where_it_fits(
    spans: &mut Vec<Span<'static>>,
    field: &Field,
    focused: bool,
    width: usize,
    ctx: &Ctx,
) {
    let used: usize = spans.iter().map(Span::width).sum();
    if focused
        && let Some(h) = field.hint
        && used + 2 + h.get(ctx.lang).chars().count() <= width
    {
        spans.push(Span::styled(
            format!("  {}", h.get(ctx.lang)),
            ctx.theme.dim(),
        ));
    }
}

/// The names Tab offered in a path field, on one line under it, cut to
/// the width with `…`.
fn choices_line(choices: &[String], (width, label): (usize, usize), ctx: &Ctx) -> Line<'static> {
    let room = width.saturating_sub(label + 4);
    let mut text = String::new();
    for name in choices {
        let name = crate::domain::text::escaped(name);
        if text.chars().count() + name.chars().count() + 2 > room {
            text.push('…');
            break;
        }
        text.push_str(&name);
        text.push_str("  ");
    }
    Line::styled(
        format!("{:width$}{}", "", text.trim_end(), width = label + 2),
        ctx.theme.dim(),
    )
}

/// A form's lines in two parts: the fields (with the text shown above
/// them), which scroll when the popup is too short, and under them the note
/// and the problem, which stay in sight.
pub struct Parts {
    pub body: Vec<Line<'static>>,
    /// The body rows of the field in focus (with its editor or the line
    /// under it).
    pub focus: std::ops::Range<usize>,
    pub tail: Vec<Line<'static>>,
}

/// The lines of a form: its fields, the note and the problem.
pub fn lines(form: &Form, width: usize, ctx: &Ctx) -> Vec<Line<'static>> {
    let Parts { mut body, tail, .. } = parts(form, width, ctx);
    body.extend(tail);
    body
}

/// The lines of a form, in their [`Parts`]. The text shown above the
/// fields is wrapped to `width` here, so every body line is one row.
pub fn parts(form: &Form, width: usize, ctx: &Ctx) -> Parts {
    let mut out = vec![Line::raw("")];
    if let Some(shown) = &form.shown {
        for l in wrap::lines(shown, width.saturating_sub(3)) {
            out.push(Line::styled(format!("  {l}"), ctx.theme.key()));
        }
        out.push(Line::raw(""));
    }
    let mut focus = 0..0;
    let label = label_width(form, width, ctx.lang);
    for (i, f) in form.fields.iter().enumerate() {
        if form.is_shown(i) {
            let focused = i == form.focus;
            let from = out.len();
            out.push(field_line(f, focused, (width, label), ctx));
            if let FieldKind::LongText(view) = &f.kind {
                out.extend(editor_lines(&f.input, view, focused, ctx));
            }
            if matches!(f.kind, FieldKind::People { .. } | FieldKind::Several { .. }) {
                out.push(chosen_line(f, label, ctx));
            }
            if focused && !f.path_choices().is_empty() {
                out.push(choices_line(f.path_choices(), (width, label), ctx));
            }
            if focused {
                focus = from..out.len();
            }
        }
    }
    // The note and the problem wrapped here, each row indented like the
    // fields, so a long one reads as a paragraph.
    let indented = |text: &str, style| {
        let chars: Vec<char> = text.chars().collect();
        wrap::rows(text, width.saturating_sub(3))
            .into_iter()
            .map(|r| {
                let row: String = chars[r.start..r.end].iter().collect();
                Line::styled(format!("  {row}"), style)
            })
            .collect::<Vec<_>>()
    };
    let mut tail = Vec::new();
    if let Some(n) = form.note {
        tail.push(Line::raw(""));
        tail.extend(indented(n.get(ctx.lang), ctx.theme.dim()));
    }
    if let Some(p) = &form.problem {
        tail.push(Line::raw(""));
        tail.extend(indented(p, ctx.theme.error()));
    }
    Parts {
        body: out,
        focus,
        tail,
    }
}
