//! The nine screens of DESIGN.md §10, in tab order.

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Screen {
    Overview,
    People,
    Trajectories,
    TeamReports,
    Inquiries,
    Mailing,
    Requests,
    Breaches,
    ToDelete,
}

impl Screen {
    pub const ALL: [Screen; 9] = [
        Screen::Overview,
        Screen::People,
        Screen::Trajectories,
        Screen::TeamReports,
        Screen::Inquiries,
        Screen::Mailing,
        Screen::Requests,
        Screen::Breaches,
        Screen::ToDelete,
    ];

    /// The number key that jumps here (1–9).
    pub fn number(self) -> usize {
        Screen::ALL.iter().position(|s| *s == self).unwrap_or(0) + 1
    }

    pub fn from_number(n: usize) -> Option<Screen> {
        Screen::ALL.get(n.checked_sub(1)?).copied()
    }

    pub fn next(self) -> Screen {
        Screen::ALL[self.number() % Screen::ALL.len()]
    }

    pub fn prev(self) -> Screen {
        let n = Screen::ALL.len();
        Screen::ALL[(self.number() + n - 2) % n]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_cycling() {
        assert_eq!(Screen::Overview.number(), 1);
        assert_eq!(Screen::ToDelete.number(), 9);
        assert_eq!(Screen::from_number(9), Some(Screen::ToDelete));
        assert_eq!(Screen::from_number(0), None);
        assert_eq!(Screen::ToDelete.next(), Screen::Overview);
        assert_eq!(Screen::Overview.prev(), Screen::ToDelete);
    }
}
