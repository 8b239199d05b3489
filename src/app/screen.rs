//! THE screen list (DESIGN.md §10), in tab order. Each line names a screen:
//! its `Screen` variant, its file in `src/app/screens` and `src/ui/screens`
//! (also the field of `Screens` that holds its state), the type of that
//! state, and its name on the tab. Adding a screen is one line here, one
//! file in each of those two folders and its rows in the key table: the
//! enum, the state, the drawing and the tab are generated from the list.

/// Calls macro `$then` with the screen list.
macro_rules! screen_list {
    ($then:ident) => {
        $then! {
            Overview     overview     Overview           ScreenOverview,
            People       people       PeopleScreen       ScreenPeople,
            Trajectories trajectories TrajectoriesScreen ScreenTrajectories,
            TeamReports  team_reports TeamReportsScreen  ScreenTeamReports,
            Inquiries    inquiries    InquiriesScreen    ScreenInquiries,
            Mailing      mailing      MailingScreen      ScreenMailing,
            Requests     requests     RequestsScreen     ScreenRequests,
            Breaches     breaches     BreachesScreen     ScreenBreaches,
            ToDelete     to_delete    ToDeleteScreen     ScreenToDelete,
        }
    };
}
pub(crate) use screen_list;

use crate::i18n::ui::Text;

macro_rules! screen_enum {
    ($($screen:ident $file:ident $state:ident $name:ident,)*) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Screen {
            $($screen,)*
        }

        const COUNT: usize = [$(stringify!($screen)),*].len();

        impl Screen {
            pub const ALL: [Screen; COUNT] = [$(Screen::$screen,)*];

            /// The name on the tab.
            pub fn name(self) -> Text {
                match self {
                    $(Screen::$screen => Text::$name,)*
                }
            }

            /// The language-free name (`to_delete`), as `config.toml`
            /// writes it.
            pub fn key_name(self) -> &'static str {
                match self {
                    $(Screen::$screen => stringify!($file),)*
                }
            }
        }
    };
}
screen_list!(screen_enum);

impl Screen {
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
