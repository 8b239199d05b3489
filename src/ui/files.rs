//! Drawing a record's files (name, size, type; the document too when they
//! are a person's) and the notice of a decrypted copy. Names are escaped
//! (`domain::text`): a file's name is stored text like any other.

use super::{Ctx, popups};
use crate::app::files::{CopyNotice, FilesView};
use crate::app::layout;
use crate::domain::text::escaped;
use crate::i18n::files_ui as words;
use crate::i18n::ui::Text;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear, Padding, Paragraph, Wrap};

/// Column widths: size and type; the name takes the rest.
const SIZE: usize = 9;
const TYPE: usize = 26;

/// The popup border of `rect`, its title ending in "…" where it is longer.
fn block(title: &str, rect: Rect, ctx: &Ctx) -> Block<'static> {
    popups::frame_block(title, rect.width, ctx).padding(Padding::horizontal(1))
}

/// `s` cut or padded to `width` characters.
fn cell(s: &str, width: usize) -> String {
    let n = s.chars().count();
    if n > width {
        let cut: String = s.chars().take(width.saturating_sub(1)).collect();
        format!("{cut}…")
    } else {
        format!("{s:<width$}")
    }
}

pub fn draw_files(frame: &mut Frame, area: Rect, view: &FilesView, ctx: &Ctx) {
    let lang = ctx.lang;
    let t = &ctx.theme;
    let width = area.width.saturating_sub(4).min(110);
    let rows = view.rows.len().max(1);
    let height = u16::try_from(rows + 4).unwrap_or(u16::MAX);
    let rect = layout::popup(area, width, height);
    frame.render_widget(Clear, rect);
    let inner = usize::from(rect.width.saturating_sub(4));
    let doc = if view.several_records() { inner / 3 } else { 0 };
    let name_w = inner.saturating_sub(SIZE + TYPE + doc + 3).max(8);
    let mut header = format!(
        "{} {:>SIZE$} {}",
        cell(Text::ColName.get(lang), name_w),
        Text::ColSize.get(lang),
        cell(Text::ColType.get(lang), TYPE)
    );
    if doc > 0 {
        header.push(' ');
        header.push_str(&cell(Text::ColDocument.get(lang), doc));
    }
    let mut lines = vec![Line::styled(header, t.header())];
    if view.rows.is_empty() {
        lines.push(Line::styled(Text::NoFiles.get(lang), t.dim()));
    }
    let shown = usize::from(rect.height.saturating_sub(3)).max(1);
    let start = (view.selected + 1).saturating_sub(shown);
    for (i, row) in view.rows.iter().enumerate().skip(start).take(shown) {
        let f = &row.info.facts;
        let mut text = format!(
            "{} {:>SIZE$} {}",
            cell(&escaped(&f.name), name_w),
            words::size(lang, f.size),
            cell(&escaped(&f.media_type), TYPE)
        );
        if doc > 0 {
            let title = view.owners.get(row.owner).map_or("", |o| o.1.as_str());
            text.push(' ');
            text.push_str(&cell(&escaped(title), doc));
        }
        let style = if i == view.selected {
            t.selected()
        } else {
            t.plain()
        };
        lines.push(Line::styled(text, style));
    }
    frame.render_widget(
        Paragraph::new(lines).block(block(&view.title, rect, ctx)),
        rect,
    );
}

pub fn draw_copy(frame: &mut Frame, area: Rect, notice: &CopyNotice, ctx: &Ctx) {
    let path = escaped(&notice.path.to_string_lossy()).into_owned();
    let text = words::copy_notice(ctx.lang, &path);
    let width = area.width.saturating_sub(4).min(90);
    let rect = layout::popup(area, width, 9);
    frame.render_widget(Clear, rect);
    let lines = vec![
        Line::raw(text[0].clone()),
        Line::styled(text[1].clone(), ctx.theme.key()),
        Line::raw(""),
        Line::raw(text[2].clone()),
    ];
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .block(block(Text::CopyTitle.get(ctx.lang), rect, ctx)),
        rect,
    );
}
