//! Sorting a list by one of its columns: `s` sorts by the column under the
//! column cursor (←/→, or `<`/`>` where ←/→ switch lists), ascending;
//! again, descending; a third time, back to the screen's own order (mostly
//! by deadline). A screen gives each cell a [`SortKey`], so dates sort as
//! dates and names without case or accents, whatever the language shows.

use crate::domain::fold;
use crate::domain::retention::Deadline;
use chrono::NaiveDate;

/// The column a list is sorted by, and which way.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sort {
    pub column: usize,
    pub descending: bool,
}

impl Sort {
    /// What `s` on `column` makes of `now`: ascending on a new column,
    /// then descending, then the screen's own order (`None`).
    pub fn next(now: Option<Sort>, column: usize) -> Option<Sort> {
        match now {
            Some(s) if s.column == column && !s.descending => Some(Sort {
                column,
                descending: true,
            }),
            Some(s) if s.column == column => None,
            _ => Some(Sort {
                column,
                descending: false,
            }),
        }
    }
}

/// What a cell sorts by. Within a column every key is of one kind.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum SortKey {
    /// Text, folded: case and accents ignored.
    Text(String),
    /// A date; no date sorts first.
    Date(Option<NaiveDate>),
    /// A deadline: the nearest first, open clocks after, kept for good last.
    Deadline(Deadline),
    Number(i64),
}

impl SortKey {
    pub fn text(s: &str) -> SortKey {
        SortKey::Text(fold::folded(s))
    }

    /// An amount as stored ("2450.00"), in cents; one that does not read
    /// as an amount sorts first.
    pub fn amount(s: &str) -> SortKey {
        let (euros, cents) = s.split_once('.').unwrap_or((s, "0"));
        let cents = format!("{cents:0<2}");
        let value = euros
            .parse::<i64>()
            .ok()
            .zip(cents.get(..2).and_then(|c| c.parse::<i64>().ok()))
            .map_or(i64::MIN, |(e, c)| e.saturating_mul(100).saturating_add(c));
        SortKey::Number(value)
    }
}

/// The rows `0..rows` in the order of `sort`, by `key(row, column)`; rows
/// with equal keys keep the screen's order. `None` for the screen's order.
pub fn order(rows: usize, sort: Option<Sort>, key: impl Fn(usize, usize) -> SortKey) -> Vec<usize> {
    let Some(sort) = sort else {
        return (0..rows).collect();
    };
    let mut keyed: Vec<(SortKey, usize)> = (0..rows).map(|r| (key(r, sort.column), r)).collect();
    keyed.sort_by(|a, b| {
        let by_key = a.0.cmp(&b.0);
        let by_key = if sort.descending {
            by_key.reverse()
        } else {
            by_key
        };
        by_key.then(a.1.cmp(&b.1))
    });
    keyed.into_iter().map(|(_, r)| r).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn s_cycles_ascending_descending_and_back() {
        let asc = Sort::next(None, 1);
        assert_eq!(
            asc,
            Some(Sort {
                column: 1,
                descending: false
            })
        );
        let desc = Sort::next(asc, 1);
        assert_eq!(
            desc,
            Some(Sort {
                column: 1,
                descending: true
            })
        );
        assert_eq!(Sort::next(desc, 1), None);
        // Another column starts ascending.
        assert_eq!(
            Sort::next(desc, 2),
            Some(Sort {
                column: 2,
                descending: false
            })
        );
    }

    #[test]
    fn amounts_sort_by_value() {
        assert!(SortKey::amount("950.00") < SortKey::amount("2450.00"));
        assert_eq!(SortKey::amount("12.5"), SortKey::Number(1250));
        assert_eq!(SortKey::amount("x"), SortKey::Number(i64::MIN));
    }

    #[test]
    fn rows_sort_by_their_keys_and_keep_their_order_on_ties() {
        let names = ["Émile", "anna", "Zoë", "Anna"];
        let key = |r: usize, _: usize| SortKey::text(names[r]);
        let up = order(
            4,
            Some(Sort {
                column: 0,
                descending: false,
            }),
            key,
        );
        assert_eq!(up, vec![1, 3, 0, 2]);
        let down = order(
            4,
            Some(Sort {
                column: 0,
                descending: true,
            }),
            key,
        );
        assert_eq!(down, vec![2, 0, 1, 3]);
        assert_eq!(order(4, None, key), vec![0, 1, 2, 3]);
    }
}
