//! Column widths from content, the one rule of every table: a column that
//! must never be cut (a date, an amount, a countdown, a short state) gets
//! its widest cell; text columns (names, titles) get at least their
//! minimum and share what is left, each up to its widest cell. Headers are
//! content too, so they are never cut either.

/// How a column may be sized.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Width {
    /// Always as wide as its widest cell or header.
    Fit,
    /// Text: at least `min` (and its header), more by `weight` when there
    /// is room, never more than its widest cell unless the table has room
    /// to spare.
    Flex { min: u16, weight: u16 },
    /// A column the table can do without (a detail the record's own view
    /// shows too): left out whole when the others would otherwise have to
    /// give way, else sized as a `Flex` of this `min` and `weight`. Weight
    /// 0 keeps it at its minimum (a date).
    Spare { min: u16, weight: u16 },
}

impl Width {
    /// A text column of weight 1 and at least `min` wide.
    pub const fn text(min: u16) -> Width {
        Width::Flex { min, weight: 1 }
    }
}

/// The widths of columns `kinds` whose widest cells (headers included) are
/// `widest`, in `total` columns with `spacing` between them. Fit columns
/// come first; a text column gives way down to its minimum; only when even
/// the fit columns and the minimums do not fit is anything cut, the text
/// columns first.
pub fn widths(kinds: &[Width], widest: &[u16], total: u16, spacing: u16) -> Vec<u16> {
    let n = kinds.len();
    let gaps = spacing.saturating_mul(u16::try_from(n.saturating_sub(1)).unwrap_or(u16::MAX));
    let room = total.saturating_sub(gaps);
    let natural = |i: usize| widest.get(i).copied().unwrap_or(0);
    let min_of = |i: usize| min_width(kinds[i], natural(i));
    let mut out: Vec<u16> = (0..n).map(min_of).collect();
    let used: u16 = out.iter().fold(0u16, |a, w| a.saturating_add(*w));
    if used > room {
        return squeeze(kinds, out, used - room);
    }
    let mut left = room - used;
    // Grow the text columns towards their widest cell, by weight.
    grow(kinds, &mut out, &mut left, natural);
    // Room to spare: the text columns share it by weight.
    grow(kinds, &mut out, &mut left, |_| u16::MAX);
    out
}

/// Whether every column gets at least its minimum (a fit column its
/// widest cell) with `spacing` between them.
pub fn fits(kinds: &[Width], widest: &[u16], total: u16, spacing: u16) -> bool {
    let gaps = usize::from(spacing) * kinds.len().saturating_sub(1);
    let mins: usize = (0..kinds.len())
        .map(|i| usize::from(min_width(kinds[i], widest.get(i).copied().unwrap_or(0))))
        .sum();
    mins + gaps <= usize::from(total)
}

/// Which columns are shown in `total` columns: a spare column only when
/// the others get their widest cell with it (a text column up to
/// `WANTED_TEXT`), else it is left out, the last first. Column `keep` (the
/// one under the cursor) stays.
pub fn shown(
    kinds: &[Width],
    widest: &[u16],
    total: u16,
    spacing: u16,
    keep: Option<usize>,
) -> Vec<usize> {
    let natural = |i: usize| widest.get(i).copied().unwrap_or(0);
    let wanted = |i: usize| match kinds[i] {
        Width::Fit => natural(i),
        Width::Flex { .. } => min_width(kinds[i], natural(i)).max(natural(i).min(WANTED_TEXT)),
        Width::Spare { .. } => min_width(kinds[i], natural(i)),
    };
    let mut shown: Vec<usize> = (0..kinds.len()).collect();
    loop {
        let gaps = usize::from(spacing) * shown.len().saturating_sub(1);
        let need: usize = shown.iter().map(|&i| usize::from(wanted(i))).sum::<usize>() + gaps;
        if need <= usize::from(total) {
            return shown;
        }
        let spare = shown
            .iter()
            .rposition(|&i| matches!(kinds[i], Width::Spare { .. }) && Some(i) != keep);
        let Some(pos) = spare else { return shown };
        shown.remove(pos);
    }
}

/// How wide a text column may ask to be before a spare column gives way
/// for it: a long text (ten participants) must not push spare columns out
/// on a wide terminal.
const WANTED_TEXT: u16 = 40;

fn min_width(kind: Width, natural: u16) -> u16 {
    match kind {
        Width::Fit => natural,
        Width::Flex { min, .. } | Width::Spare { min, .. } => min.min(natural.max(1)).max(1),
    }
}

fn weight(w: Width) -> u16 {
    match w {
        Width::Fit => 0,
        Width::Flex { weight, .. } => weight.max(1),
        Width::Spare { weight, .. } => weight,
    }
}

/// Hands `left` out to the text columns by weight, each up to `cap(i)`.
fn grow(kinds: &[Width], out: &mut [u16], left: &mut u16, cap: impl Fn(usize) -> u16) {
    while *left > 0 {
        let open: Vec<usize> = (0..kinds.len())
            .filter(|i| weight(kinds[*i]) > 0 && out[*i] < cap(*i))
            .collect();
        let weights: u32 = open.iter().map(|i| u32::from(weight(kinds[*i]))).sum();
        if open.is_empty() || weights == 0 {
            return;
        }
        let round = u32::from(*left);
        let mut given = 0u16;
        for i in &open {
            let share = (round * u32::from(weight(kinds[*i]))).div_ceil(weights);
            let share = u16::try_from(share).unwrap_or(u16::MAX);
            let add = share.min(cap(*i) - out[*i]).min(*left - given);
            out[*i] += add;
            given += add;
        }
        if given == 0 {
            return;
        }
        *left -= given;
    }
}

/// Too narrow even for the minimums: the text columns give way first
/// (widest first, down to one column), then the fit columns.
fn squeeze(kinds: &[Width], mut out: Vec<u16>, mut excess: u16) -> Vec<u16> {
    for text_first in [true, false] {
        while excess > 0 {
            let widest = (0..out.len())
                .filter(|i| (weight(kinds[*i]) > 0) == text_first && out[*i] > 1)
                .max_by_key(|i| out[*i]);
            let Some(i) = widest else { break };
            out[i] -= 1;
            excess -= 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const FIT: Width = Width::Fit;

    #[test]
    fn fit_columns_keep_their_widest_cell_and_text_shares_the_rest() {
        // Name (text), date (fit), countdown (fit) in 40 columns.
        let w = widths(&[Width::text(8), FIT, FIT], &[30, 10, 13], 40, 2);
        assert_eq!(w, vec![13, 10, 13]);
        // Room enough: the text column is as wide as the table allows.
        let w = widths(&[Width::text(8), FIT, FIT], &[12, 10, 13], 60, 2);
        assert_eq!(w, vec![33, 10, 13]);
    }

    #[test]
    fn text_columns_grow_by_weight_up_to_their_content() {
        let kinds = [
            Width::Flex { min: 6, weight: 2 },
            Width::Flex { min: 6, weight: 1 },
            FIT,
        ];
        // 50 - 4 spacing - 10 = 36 for the two texts of 40 and 40: 2:1.
        let w = widths(&kinds, &[40, 40, 10], 50, 2);
        assert_eq!(w[2], 10);
        assert_eq!(w[0] + w[1], 36);
        assert!(w[0] > w[1], "{w:?}");
        // A short text takes only what it needs; the long one the rest.
        let w = widths(&kinds, &[40, 5, 10], 50, 2);
        assert_eq!(w, vec![31, 5, 10]);
    }

    #[test]
    fn a_spare_column_goes_before_text_is_cut() {
        let kinds = [
            Width::text(8),
            Width::Spare { min: 10, weight: 0 },
            Width::Spare { min: 6, weight: 1 },
            FIT,
        ];
        let widest = [20, 10, 12, 10];
        // The text whole with every spare at its minimum: 20 + 10 + 6 + 10
        // and three gaps of 2.
        assert_eq!(shown(&kinds, &widest, 52, 2, None), vec![0, 1, 2, 3]);
        // Narrower: the last spare goes first, then the other.
        assert_eq!(shown(&kinds, &widest, 51, 2, None), vec![0, 1, 3]);
        assert_eq!(shown(&kinds, &widest, 43, 2, None), vec![0, 3]);
        // The column under the cursor stays.
        assert_eq!(shown(&kinds, &widest, 43, 2, Some(2)), vec![0, 2, 3]);
        // A very long text asks for no more than 40 columns.
        let widest = [200, 10, 12, 10];
        assert_eq!(shown(&kinds, &widest, 72, 2, None), vec![0, 1, 2, 3]);
        // Shown, a spare of weight 0 keeps its minimum (a whole date).
        let w = widths(&kinds, &[20, 10, 12, 10], 80, 2);
        assert_eq!(w[1], 10);
    }

    #[test]
    fn too_narrow_cuts_text_before_dates() {
        let w = widths(&[Width::text(10), FIT], &[30, 10], 15, 2);
        assert_eq!(w, vec![3, 10]);
        let w = widths(&[Width::text(10), FIT], &[30, 10], 5, 2);
        assert_eq!(w.iter().sum::<u16>(), 3);
    }
}
