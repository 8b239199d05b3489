//! Screen 1: expired now, due within 30 days, open breaches with their
//! clock, open requests with days left, the next deadlines.

use super::block;
use crate::app::screens::overview::Overview;
use crate::domain::retention::Deadline;
use crate::i18n::ui::{self, Text};
use crate::ui::{Ctx, countdown};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

pub fn draw(frame: &mut Frame, area: Rect, ov: &Overview, ctx: &Ctx) {
    let lang = ctx.lang;
    let t = &ctx.theme;
    let outer = block(format!(" {} ", Text::ScreenOverview.get(lang)), ctx);
    let inner = outer.inner(area);
    frame.render_widget(outer, area);
    let [left, right] =
        Layout::horizontal([Constraint::Percentage(45), Constraint::Percentage(55)])
            .spacing(2)
            .areas(inner);

    let st = &ov.status;
    let expired_style = if st.expired > 0 { t.error() } else { t.good() };
    let mut l = vec![
        Line::from(vec![
            Span::styled(format!("{:>6}  ", st.expired), expired_style),
            Span::raw(Text::ExpiredNow.get(lang)),
        ]),
        Line::from(vec![
            Span::styled(format!("{:>6}  ", st.due_within_30_days), t.days(30)),
            Span::raw(Text::DueWithin30.get(lang)),
        ]),
    ];
    if st.expired > 0 {
        l.push(Line::styled(
            format!("        {}", Text::GoToDelete.get(lang)),
            t.dim(),
        ));
    }
    l.push(Line::raw(""));
    l.push(Line::styled(Text::OpenBreaches.get(lang), t.header()));
    if ov.breaches.is_empty() {
        l.push(Line::styled(
            format!("  {}", Text::NoneYet.get(lang)),
            t.dim(),
        ));
    }
    for b in &ov.breaches {
        let hours = b.hours_left(ctx.now);
        l.push(Line::from(vec![
            Span::styled(
                format!("  {:<18}", b.clock_text(ctx.now, lang)),
                t.days(hours / 24),
            ),
            Span::raw(b.title.clone()),
        ]));
    }
    l.push(Line::raw(""));
    l.push(Line::styled(Text::OpenRequests.get(lang), t.header()));
    if st.open_requests.is_empty() {
        l.push(Line::styled(
            format!("  {}", Text::NoneYet.get(lang)),
            t.dim(),
        ));
    }
    for r in &st.open_requests {
        let cd = countdown::cell(lang, t, Deadline::On(r.due_on), ctx.today);
        l.push(Line::from(vec![
            Span::raw("  "),
            Span::styled(format!("{:<14}", cd.content), cd.style),
            Span::raw(match &r.person {
                // The date before the name, so a narrow column cuts the name.
                Some(name) => format!("{} ({}) {}", r.kind, r.due_on, name),
                None => format!("{} ({})", r.kind, r.due_on),
            }),
        ]));
    }
    l.push(Line::raw(""));
    l.push(Line::styled(Text::RecordCounts.get(lang), t.header()));
    for (kind, n) in &st.counts {
        l.push(Line::raw(format!(
            "  {n:>6}  {}",
            ui::kind_name(lang, *kind)
        )));
    }
    frame.render_widget(Paragraph::new(l), left);

    let mut r = vec![Line::styled(Text::NextDeadlines.get(lang), t.header())];
    if st.next_deadlines.is_empty() {
        r.push(Line::styled(
            format!("  {}", Text::NoneYet.get(lang)),
            t.dim(),
        ));
    }
    for u in &st.next_deadlines {
        let cd = countdown::cell(lang, t, Deadline::On(u.deadline), ctx.today);
        r.push(Line::from(vec![
            Span::styled(format!("{:<10}", cd.content), cd.style),
            Span::styled(format!("{:<22}", ui::kind_name(lang, u.kind)), t.dim()),
            Span::raw(u.label.clone()),
        ]));
    }
    frame.render_widget(Paragraph::new(r), right);
}
