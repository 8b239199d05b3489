//! THE key table: every binding of the program, with the scope it works in
//! and its help text. The key map, the footer and the help popup are all
//! generated from this one table. `config.toml` may change the keys of a
//! binding (`key_overrides`); the table in effect is installed once at
//! start, so keys, footer and help change together.

use super::action::Action;
use super::key_overrides;
use super::screen::Screen;
use crate::i18n::Lang;
use crate::i18n::ui::Text;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::borrow::Cow;
use std::sync::OnceLock;

/// One key, as written in the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
}

impl Key {
    pub const fn code(code: KeyCode) -> Key {
        Key { code, ctrl: false }
    }

    pub const fn ch(c: char) -> Key {
        Key::code(KeyCode::Char(c))
    }

    pub const fn ctrl(c: char) -> Key {
        Key {
            code: KeyCode::Char(c),
            ctrl: true,
        }
    }

    /// Shift is part of the character (`D`, `G`, `?`), so it is ignored;
    /// Control must match.
    pub fn matches(&self, ev: &KeyEvent) -> bool {
        let ctrl = ev.modifiers.contains(KeyModifiers::CONTROL);
        if ctrl != self.ctrl || ev.modifiers.contains(KeyModifiers::ALT) {
            return false;
        }
        match (self.code, ev.code) {
            (KeyCode::Char(a), KeyCode::Char(b)) => {
                a == b || (self.ctrl && a == b.to_ascii_lowercase())
            }
            (a, b) => a == b,
        }
    }

    pub fn label(&self) -> String {
        let base = match self.code {
            KeyCode::Char(' ') => "Space".to_string(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Up => "↑".into(),
            KeyCode::Down => "↓".into(),
            KeyCode::Left => "←".into(),
            KeyCode::Right => "→".into(),
            KeyCode::Enter => "Enter".into(),
            KeyCode::Esc => "Esc".into(),
            KeyCode::Tab => "Tab".into(),
            KeyCode::BackTab => "S-Tab".into(),
            KeyCode::PageUp => "PgUp".into(),
            KeyCode::PageDown => "PgDn".into(),
            KeyCode::Home => "Home".into(),
            KeyCode::End => "End".into(),
            _ => "?".into(),
        };
        if self.ctrl {
            format!("Ctrl-{base}")
        } else {
            base
        }
    }
}

/// Where a binding works. A component listens to a few scopes, most
/// specific first. Its snake_case name is the table name in `config.toml`
/// (`[keys.person_detail]`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, strum::IntoStaticStr)]
#[strum(serialize_all = "snake_case")]
pub enum Scope {
    /// Works even with a popup open.
    Anywhere,
    /// The workspace when no popup is open.
    Global,
    List,
    FilterInput,
    People,
    PersonDetail,
    Trajectories,
    TrajectoryDetail,
    TeamReports,
    ToDelete,
    Reader,
    Form,
    /// A long-text field of a form (its editor), before the form's keys.
    Editor,
    /// A form field of several people.
    PickPeople,
    /// A path field in a form (before `Form`).
    PathField,
    /// A password form that opens a team report (before `Form`): Enter
    /// opens, it saves nothing.
    Unseal,
    /// A record's files (DESIGN.md §13.1).
    Files,
    /// A decrypted copy open in a viewer.
    DecryptedCopy,
    Confirm,
    Unlock,
    /// The unlock screen of the first run: a new vault.
    Create,
    Breaches,
    BreachDetail,
    // Screens 5–7 (DESIGN.md §5, §10).
    Inquiries,
    Quotes,
    Mailing,
    Requests,
    Complaints,
    /// The Overview (screen 1).
    Overview,
    /// The search across records.
    Search,
}

impl Scope {
    /// The keys the help shows after the screen's: those that work
    /// everywhere, in any popup, and on the unlock screen.
    pub const GENERAL: &[Scope] = &[
        Scope::Anywhere,
        Scope::Global,
        Scope::Reader,
        Scope::Form,
        Scope::Editor,
        Scope::PickPeople,
        Scope::PathField,
        Scope::Confirm,
        Scope::Unlock,
        Scope::Create,
        Scope::Search,
    ];

    /// Every scope (the help of each screen and popup shows some of them).
    pub const ALL: &[Scope] = &[
        Scope::Anywhere,
        Scope::Global,
        Scope::Overview,
        Scope::List,
        Scope::FilterInput,
        Scope::People,
        Scope::PersonDetail,
        Scope::Trajectories,
        Scope::TrajectoryDetail,
        Scope::TeamReports,
        Scope::Breaches,
        Scope::BreachDetail,
        Scope::Inquiries,
        Scope::Quotes,
        Scope::Mailing,
        Scope::Requests,
        Scope::Complaints,
        Scope::ToDelete,
        Scope::Reader,
        Scope::Form,
        Scope::Editor,
        Scope::PickPeople,
        Scope::PathField,
        Scope::Unseal,
        Scope::Files,
        Scope::DecryptedCopy,
        Scope::Confirm,
        Scope::Unlock,
        Scope::Create,
        Scope::Search,
    ];

    pub fn title(self) -> Text {
        match self {
            Scope::Anywhere => Text::ScopeAnywhere,
            Scope::Global => Text::ScopeGlobal,
            Scope::List => Text::ScopeList,
            Scope::FilterInput => Text::ScopeFilter,
            Scope::People => Text::ScreenPeople,
            Scope::PersonDetail => Text::ScopePersonDetail,
            Scope::Trajectories => Text::ScreenTrajectories,
            Scope::TrajectoryDetail => Text::ScopeTrajectoryDetail,
            Scope::TeamReports => Text::ScreenTeamReports,
            Scope::ToDelete => Text::ScreenToDelete,
            Scope::Reader => Text::ScopeReader,
            Scope::Form => Text::ScopeForm,
            Scope::Editor => Text::ScopeEditor,
            Scope::PickPeople => Text::ScopePickPeople,
            Scope::PathField => Text::ScopePathField,
            Scope::Unseal => Text::ScopeUnseal,
            Scope::Files => Text::ScopeFiles,
            Scope::DecryptedCopy => Text::ScopeDecryptedCopy,
            Scope::Confirm => Text::ScopeConfirm,
            Scope::Unlock => Text::ScopeUnlock,
            Scope::Create => Text::ScopeCreate,
            Scope::Breaches => Text::ScreenBreaches,
            Scope::BreachDetail => Text::ScopeBreachDetail,
            Scope::Inquiries => Text::ScopeInquiries,
            Scope::Quotes => Text::ScopeQuotes,
            Scope::Mailing => Text::ScreenMailing,
            Scope::Requests => Text::ScopeRequests,
            Scope::Complaints => Text::ScopeComplaints,
            Scope::Search => Text::ScopeSearch,
            Scope::Overview => Text::ScreenOverview,
        }
    }
}

/// One row of the key table.
#[derive(Debug, Clone)]
pub struct Binding {
    pub scope: Scope,
    pub keys: Cow<'static, [Key]>,
    pub action: Action,
    pub help: Text,
    /// Shown in the footer (the rest only in the help popup).
    pub footer: bool,
}

const fn bind(
    scope: Scope,
    keys: &'static [Key],
    action: Action,
    help: Text,
    footer: bool,
) -> Binding {
    Binding {
        scope,
        keys: Cow::Borrowed(keys),
        action,
        help,
        footer,
    }
}

/// A number key that jumps to a screen.
const fn go_to(keys: &'static [Key], screen: Screen) -> Binding {
    bind(
        Scope::Global,
        keys,
        Action::GoTo(screen),
        Text::KeyGoTo,
        false,
    )
}

use KeyCode as K;
use Scope as S;

/// The default key table, compiled into the binary: one binding a line
/// (scope, keys, action, help text, shown in the footer).
#[rustfmt::skip]
pub static KEY_TABLE: &[Binding] = &[
    bind(S::Anywhere,          &[Key::ctrl('l')],                                        Action::Lock,             Text::KeyLock,            false),
    bind(S::Anywhere,          &[Key::ctrl('c')],                                        Action::Quit,             Text::KeyQuit,            false),
    // The workspace.
    bind(S::Global,            &[Key::ch('q')],                                          Action::Quit,             Text::KeyQuit,            true),
    bind(S::Global,            &[Key::ch('?')],                                          Action::Help,             Text::KeyHelp,            true),
    bind(S::Global,            &[Key::ctrl('d')],                                        Action::ShowDemo,         Text::KeyDemo,            false),
    bind(S::Global,            &[Key::code(K::Tab)],                                     Action::NextScreen,       Text::KeyNextScreen,      false),
    bind(S::Global,            &[Key::code(K::BackTab)],                                 Action::PrevScreen,       Text::KeyPrevScreen,      false),
    bind(S::Global,            &[Key::ch('P')],                                          Action::Practice,         Text::KeyPractice,        true),
    go_to(&[Key::ch('1')], Screen::Overview),
    go_to(&[Key::ch('2')], Screen::People),
    go_to(&[Key::ch('3')], Screen::Trajectories),
    go_to(&[Key::ch('4')], Screen::TeamReports),
    go_to(&[Key::ch('5')], Screen::Inquiries),
    go_to(&[Key::ch('6')], Screen::Mailing),
    go_to(&[Key::ch('7')], Screen::Requests),
    go_to(&[Key::ch('8')], Screen::Breaches),
    go_to(&[Key::ch('9')], Screen::ToDelete),
    // Every list.
    bind(S::List,              &[Key::code(K::Up), Key::ch('k')],                        Action::Up,               Text::KeyUp,              false),
    bind(S::List,              &[Key::code(K::Down), Key::ch('j')],                      Action::Down,             Text::KeyDown,            false),
    bind(S::List,              &[Key::ch('g'), Key::code(K::Home)],                      Action::First,            Text::KeyFirst,           false),
    bind(S::List,              &[Key::ch('G'), Key::code(K::End)],                       Action::Last,             Text::KeyLast,            false),
    bind(S::List,              &[Key::code(K::PageUp)],                                  Action::PageUp,           Text::KeyPageUp,          false),
    bind(S::List,              &[Key::code(K::PageDown)],                                Action::PageDown,         Text::KeyPageDown,        false),
    bind(S::List,              &[Key::ch('/')],                                          Action::Filter,           Text::KeyFilter,          true),
    bind(S::List,              &[Key::code(K::Esc)],                                     Action::Back,             Text::KeyClearFilter,     false),
    // Typing a filter.
    bind(S::FilterInput,       &[Key::code(K::Enter)],                                   Action::Confirm,          Text::KeyKeepFilter,      true),
    bind(S::FilterInput,       &[Key::code(K::Esc)],                                     Action::Cancel,           Text::KeyClearFilter,     true),
    // People.
    bind(S::People,            &[Key::code(K::Enter)],                                   Action::Open,             Text::KeyOpen,            true),
    bind(S::People,            &[Key::ch('n')],                                          Action::New,              Text::KeyNewPerson,       true),
    bind(S::People,            &[Key::ch('e')],                                          Action::Edit,             Text::KeyEdit,            true),
    bind(S::People,            &[Key::ch('t')],                                          Action::StartTrajectory,  Text::KeyStartTrajectory, true),
    bind(S::People,            &[Key::ch('d')],                                          Action::Delete,           Text::KeyDelete,          true),
    bind(S::People,            &[Key::ch('x')],                                          Action::Export,           Text::KeyExport,          true),
    bind(S::PersonDetail,      &[Key::code(K::Esc)],                                     Action::Back,             Text::KeyBack,            true),
    bind(S::PersonDetail,      &[Key::ch('e')],                                          Action::Edit,             Text::KeyEdit,            true),
    bind(S::PersonDetail,      &[Key::ch('t')],                                          Action::StartTrajectory,  Text::KeyStartTrajectory, true),
    bind(S::PersonDetail,      &[Key::ch('f')],                                          Action::Files,            Text::KeyFiles,           false),
    bind(S::PersonDetail,      &[Key::ch('x')],                                          Action::Export,           Text::KeyExport,          true),
    bind(S::PersonDetail,      &[Key::code(K::Up), Key::ch('k')],                        Action::Up,               Text::KeyUp,              false),
    bind(S::PersonDetail,      &[Key::code(K::Down), Key::ch('j')],                      Action::Down,             Text::KeyDown,            false),
    // Trajectories.
    bind(S::Trajectories,      &[Key::code(K::Enter)],                                   Action::Open,             Text::KeyOpenDocuments,   true),
    bind(S::Trajectories,      &[Key::ch('n')],                                          Action::New,              Text::KeyNewTrajectory,   true),
    bind(S::Trajectories,      &[Key::ch('a')],                                          Action::Attach,           Text::KeyAttach,          true),
    bind(S::Trajectories,      &[Key::ch('c')],                                          Action::Complete,         Text::KeyComplete,        true),
    bind(S::Trajectories,      &[Key::ch('e')],                                          Action::Edit,             Text::KeyEdit,            true),
    bind(S::Trajectories,      &[Key::ch('d')],                                          Action::Delete,           Text::KeyDelete,          true),
    bind(S::TrajectoryDetail,  &[Key::code(K::Enter)],                                   Action::Open,             Text::KeyRead,            true),
    bind(S::TrajectoryDetail,  &[Key::code(K::Esc)],                                     Action::Back,             Text::KeyBack,            true),
    bind(S::TrajectoryDetail,  &[Key::ch('a')],                                          Action::Attach,           Text::KeyAttach,          true),
    bind(S::TrajectoryDetail,  &[Key::ch('c')],                                          Action::Complete,         Text::KeyComplete,        true),
    bind(S::TrajectoryDetail,  &[Key::ch('e')],                                          Action::Edit,             Text::KeyEdit,            true),
    bind(S::TrajectoryDetail,  &[Key::ch('f')],                                          Action::Files,            Text::KeyFiles,           true),
    bind(S::TrajectoryDetail,  &[Key::ch('d')],                                          Action::Delete,           Text::KeyDeleteDocument,  true),
    // Team reports.
    bind(S::TeamReports,       &[Key::code(K::Enter)],                                   Action::Open,             Text::KeyOpenTeamReport,  true),
    bind(S::TeamReports,       &[Key::ch('n')],                                          Action::New,              Text::KeyNewTeamReport,   true),
    bind(S::TeamReports,       &[Key::ch('e')],                                          Action::Edit,             Text::KeyEditDetails,     true),
    bind(S::TeamReports,       &[Key::ch('f')],                                          Action::Files,            Text::KeyFiles,           true),
    bind(S::TeamReports,       &[Key::ch('d')],                                          Action::Delete,           Text::KeyDelete,          true),
    // To delete.
    bind(S::ToDelete,          &[Key::ch(' ')],                                          Action::ToggleMark,       Text::KeyMark,            true),
    bind(S::ToDelete,          &[Key::ch('a')],                                          Action::MarkAll,          Text::KeyMarkAll,         true),
    bind(S::ToDelete,          &[Key::ch('D')],                                          Action::DeleteMarked,     Text::KeyDeleteMarked,    true),
    bind(S::ToDelete,          &[Key::code(K::Enter)],                                   Action::ShowRecord,       Text::KeyShowRecord,      true),
    // Reading a document or the help.
    bind(S::Reader,            &[Key::code(K::Up), Key::ch('k')],                        Action::Up,               Text::KeyScrollUp,        false),
    bind(S::Reader,            &[Key::code(K::Down), Key::ch('j')],                      Action::Down,             Text::KeyScrollDown,      false),
    bind(S::Reader,            &[Key::code(K::PageUp)],                                  Action::PageUp,           Text::KeyPageUp,          false),
    bind(S::Reader,            &[Key::code(K::PageDown), Key::ch(' ')],                  Action::PageDown,         Text::KeyPageDown,        false),
    bind(S::Reader,            &[Key::ch('g')],                                          Action::First,            Text::KeyFirst,           false),
    bind(S::Reader,            &[Key::ch('G')],                                          Action::Last,             Text::KeyLast,            false),
    bind(S::Reader,            &[Key::code(K::Esc), Key::ch('q'), Key::code(K::Enter)],  Action::Back,             Text::KeyClose,           true),
    // Forms.
    bind(S::Form,              &[Key::code(K::Tab), Key::code(K::Down)],                 Action::NextField,        Text::KeyNextField,       true),
    bind(S::Form,              &[Key::code(K::BackTab), Key::code(K::Up)],               Action::PrevField,        Text::KeyPrevField,       false),
    bind(S::Form,              &[Key::code(K::Right)],                                   Action::NextChoice,       Text::KeyNextChoice,      false),
    bind(S::Form,              &[Key::code(K::Left)],                                    Action::PrevChoice,       Text::KeyPrevChoice,      false),
    bind(S::Form,              &[Key::code(K::Enter)],                                   Action::Submit,           Text::KeySave,            true),
    bind(S::Form,              &[Key::code(K::Esc)],                                     Action::Cancel,           Text::KeyCancel,          true),
    bind(S::Unseal,            &[Key::code(K::Enter)],                                   Action::Submit,           Text::KeyOpen,            true),
    // The editor of a long-text field (before the form's keys).
    bind(S::Editor,            &[Key::code(K::Enter)],                                   Action::NewLine,          Text::KeyNewLine,         true),
    bind(S::Editor,            &[Key::ctrl('s')],                                        Action::Submit,           Text::KeySave,            true),
    bind(S::Editor,            &[Key::code(K::Up)],                                      Action::Up,               Text::KeyLineUp,          false),
    bind(S::Editor,            &[Key::code(K::Down)],                                    Action::Down,             Text::KeyLineDown,        false),
    bind(S::Editor,            &[Key::code(K::PageUp)],                                  Action::PageUp,           Text::KeyPageUp,          false),
    bind(S::Editor,            &[Key::code(K::PageDown)],                                Action::PageDown,         Text::KeyPageDown,        false),
    // A form field of several people.
    bind(S::PickPeople,        &[Key::ch(' ')],                                          Action::TogglePick,       Text::KeyTogglePick,      true),
    // A path field in a form.
    bind(S::PathField,         &[Key::code(K::Tab)],                                     Action::CompletePath,     Text::KeyCompletePath,    true),
    // A record's files (DESIGN.md §13.1).
    bind(S::Files,             &[Key::code(K::Enter), Key::ch('o')],                     Action::Open,             Text::KeyOpenFile,        true),
    bind(S::Files,             &[Key::ch('a')],                                          Action::Attach,           Text::KeyAddFiles,        true),
    bind(S::Files,             &[Key::ch('s')],                                          Action::Export,           Text::KeySaveCopy,        true),
    bind(S::Files,             &[Key::ch('d')],                                          Action::Delete,           Text::KeyRemoveFile,      true),
    bind(S::Files,             &[Key::code(K::Esc), Key::ch('q')],                       Action::Back,             Text::KeyClose,           true),
    bind(S::Files,             &[Key::code(K::Up), Key::ch('k')],                        Action::Up,               Text::KeyUp,              false),
    bind(S::Files,             &[Key::code(K::Down), Key::ch('j')],                      Action::Down,             Text::KeyDown,            false),
    bind(S::Files,             &[Key::ch('g'), Key::code(K::Home)],                      Action::First,            Text::KeyFirst,           false),
    bind(S::Files,             &[Key::ch('G'), Key::code(K::End)],                       Action::Last,             Text::KeyLast,            false),
    bind(S::DecryptedCopy,     &[Key::code(K::Enter), Key::code(K::Esc)],                Action::Back,             Text::KeyDoneWithCopy,    true),
    // Confirmations.
    bind(S::Confirm,           &[Key::ch('y'), Key::code(K::Enter)],                     Action::Confirm,          Text::KeyConfirm,         true),
    bind(S::Confirm,           &[Key::ch('n'), Key::code(K::Esc)],                       Action::Cancel,           Text::KeyCancel,          true),
    bind(S::Confirm,           &[Key::code(K::Up), Key::ch('k')],                        Action::Up,               Text::KeyScrollUp,        false),
    bind(S::Confirm,           &[Key::code(K::Down), Key::ch('j')],                      Action::Down,             Text::KeyScrollDown,      false),
    bind(S::Confirm,           &[Key::code(K::PageUp)],                                  Action::PageUp,           Text::KeyPageUp,          false),
    bind(S::Confirm,           &[Key::code(K::PageDown)],                                Action::PageDown,         Text::KeyPageDown,        false),
    // The unlock screen.
    bind(S::Unlock,            &[Key::code(K::Enter)],                                   Action::Submit,           Text::KeyUnlock,          true),
    bind(S::Unlock,            &[Key::code(K::Tab), Key::code(K::Down)],                 Action::NextField,        Text::KeyNextField,       false),
    bind(S::Unlock,            &[Key::code(K::BackTab), Key::code(K::Up)],               Action::PrevField,        Text::KeyPrevField,       false),
    bind(S::Unlock,            &[Key::code(K::Esc)],                                     Action::Quit,             Text::KeyQuit,            true),
    bind(S::Create,            &[Key::code(K::Enter)],                                   Action::Submit,           Text::KeyCreateVault,     true),
    bind(S::Create,            &[Key::code(K::Tab), Key::code(K::Down)],                 Action::NextField,        Text::KeyNextField,       false),
    bind(S::Create,            &[Key::code(K::BackTab), Key::code(K::Up)],               Action::PrevField,        Text::KeyPrevField,       false),
    bind(S::Create,            &[Key::code(K::Esc)],                                     Action::Quit,             Text::KeyQuit,            true),
    // Screen 5: contact requests and quotes.
    bind(S::Inquiries,         &[Key::code(K::Left), Key::code(K::Right)],               Action::OtherPane,        Text::KeyOtherList,       true),
    bind(S::Inquiries,         &[Key::ch('n')],                                          Action::New,              Text::KeyNewContact,      true),
    bind(S::Inquiries,         &[Key::ch('e')],                                          Action::Edit,             Text::KeyEdit,            true),
    bind(S::Inquiries,         &[Key::ch('f')],                                          Action::FirstContact,     Text::KeyFirstContact,    true),
    bind(S::Inquiries,         &[Key::ch('c')],                                          Action::ConvertToQuote,   Text::KeyConvert,         true),
    bind(S::Inquiries,         &[Key::code(K::Enter)],                                   Action::ShowRecord,       Text::KeyShowRecord,      true),
    bind(S::Quotes,            &[Key::code(K::Left), Key::code(K::Right)],               Action::OtherPane,        Text::KeyOtherList,       true),
    bind(S::Quotes,            &[Key::ch('n')],                                          Action::New,              Text::KeyNewQuote,        true),
    bind(S::Quotes,            &[Key::ch('e')],                                          Action::Edit,             Text::KeyEdit,            true),
    bind(S::Quotes,            &[Key::ch('a')],                                          Action::AcceptQuote,      Text::KeyAccept,          true),
    bind(S::Quotes,            &[Key::ch('r')],                                          Action::DeclineQuote,     Text::KeyDecline,         true),
    bind(S::Quotes,            &[Key::code(K::Enter)],                                   Action::ShowRecord,       Text::KeyShowRecord,      true),
    // Screen 6: the mailing list.
    bind(S::Mailing,           &[Key::ch('n')],                                          Action::New,              Text::KeyNewSubscriber,   true),
    bind(S::Mailing,           &[Key::ch('e')],                                          Action::Edit,             Text::KeyEdit,            true),
    bind(S::Mailing,           &[Key::ch('u'), Key::ch('d')],                            Action::Unsubscribe,      Text::KeyUnsubscribe,     true),
    bind(S::Mailing,           &[Key::ch('x')],                                          Action::Export,           Text::KeyExportCsv,       true),
    bind(S::Mailing,           &[Key::code(K::Enter)],                                   Action::ShowRecord,       Text::KeyShowRecord,      true),
    // Screen 1: the Overview.
    bind(S::Overview,          &[Key::ch('b')],                                          Action::Backup,           Text::KeyBackup,          true),
    // Screen 7: subject requests and complaints.
    bind(S::Requests,          &[Key::code(K::Left), Key::code(K::Right)],               Action::OtherPane,        Text::KeyOtherList,       true),
    bind(S::Requests,          &[Key::ch('n')],                                          Action::New,              Text::KeyNewRequest,      true),
    bind(S::Requests,          &[Key::ch('e')],                                          Action::Edit,             Text::KeyEdit,            true),
    bind(S::Requests,          &[Key::ch('+')],                                          Action::Extend,           Text::KeyExtend,          true),
    bind(S::Requests,          &[Key::ch('h')],                                          Action::MarkHandled,      Text::KeyHandled,         true),
    bind(S::Requests,          &[Key::code(K::Enter)],                                   Action::ShowRecord,       Text::KeyShowRecord,      true),
    bind(S::Complaints,        &[Key::code(K::Left), Key::code(K::Right)],               Action::OtherPane,        Text::KeyOtherList,       true),
    bind(S::Complaints,        &[Key::ch('n')],                                          Action::New,              Text::KeyNewComplaint,    true),
    bind(S::Complaints,        &[Key::ch('e')],                                          Action::Edit,             Text::KeyEdit,            true),
    bind(S::Complaints,        &[Key::ch('h')],                                          Action::MarkHandled,      Text::KeyHandled,         true),
    bind(S::Complaints,        &[Key::ch('a')],                                          Action::ToggleReferred,   Text::KeyReferred,        true),
    bind(S::Complaints,        &[Key::code(K::Enter)],                                   Action::ShowRecord,       Text::KeyShowRecord,      true),
    // A person's rights, in their detail.
    bind(S::PersonDetail,      &[Key::ch('d')],                                          Action::Delete,           Text::KeyErase,           true),
    bind(S::PersonDetail,      &[Key::ch('c')],                                          Action::RecordConsent,    Text::KeyConsent,         true),
    bind(S::PersonDetail,      &[Key::ch('w')],                                          Action::WithdrawConsent,  Text::KeyWithdraw,        false),
    bind(S::PersonDetail,      &[Key::ch('C')],                                          Action::CorrectConsent,   Text::KeyEditConsent,     false),
    bind(S::PersonDetail,      &[Key::ch('v')],                                          Action::RecordDisclosure, Text::KeyDisclosure,      false),
    bind(S::PersonDetail,      &[Key::ch('r')],                                          Action::RecordRequest,    Text::KeyRecordRequest,   false),
    // Breaches.
    bind(S::Breaches,          &[Key::code(K::Enter)],                                   Action::Open,             Text::KeyOpen,            true),
    bind(S::Breaches,          &[Key::ch('n')],                                          Action::New,              Text::KeyNewBreach,       true),
    bind(S::Breaches,          &[Key::ch('e')],                                          Action::Edit,             Text::KeyEdit,            true),
    bind(S::Breaches,          &[Key::ch('x')],                                          Action::Export,           Text::KeyExportDraft,     true),
    bind(S::BreachDetail,      &[Key::code(K::Enter)],                                   Action::Tick,             Text::KeyTick,            true),
    bind(S::BreachDetail,      &[Key::ch('a')],                                          Action::Assess,           Text::KeyAssess,          true),
    bind(S::BreachDetail,      &[Key::ch('u')],                                          Action::Untick,           Text::KeyUntick,          true),
    bind(S::BreachDetail,      &[Key::ch('e')],                                          Action::Edit,             Text::KeyEdit,            true),
    bind(S::BreachDetail,      &[Key::ch('x')],                                          Action::Export,           Text::KeyExportDraft,     true),
    bind(S::BreachDetail,      &[Key::code(K::Esc)],                                     Action::Back,             Text::KeyBack,            true),
    bind(S::BreachDetail,      &[Key::code(K::Up), Key::ch('k')],                        Action::Up,               Text::KeyUp,              false),
    bind(S::BreachDetail,      &[Key::code(K::Down), Key::ch('j')],                      Action::Down,             Text::KeyDown,            false),
    bind(S::BreachDetail,      &[Key::ch('g'), Key::code(K::Home)],                      Action::First,            Text::KeyFirst,           false),
    bind(S::BreachDetail,      &[Key::ch('G'), Key::code(K::End)],                       Action::Last,             Text::KeyLast,            false),
    // Finding things.
    bind(S::Confirm,           &[Key::ch('o')],                                          Action::OpenExisting,     Text::KeyOpenExisting,    true),
    bind(S::Global,            &[Key::ctrl('f')],                                        Action::Search,           Text::KeySearch,          true),
    bind(S::Search,            &[Key::code(K::Enter)],                                   Action::Open,             Text::KeyGoToRecord,      true),
    bind(S::Search,            &[Key::code(K::Esc)],                                     Action::Back,             Text::KeyClose,           true),
    bind(S::Search,            &[Key::code(K::Up)],                                      Action::Up,               Text::KeyUp,              false),
    bind(S::Search,            &[Key::code(K::Down)],                                    Action::Down,             Text::KeyDown,            false),
    bind(S::Search,            &[Key::code(K::PageUp)],                                  Action::PageUp,           Text::KeyPageUp,          false),
    bind(S::Search,            &[Key::code(K::PageDown)],                                Action::PageDown,         Text::KeyPageDown,        false),
    bind(S::List,              &[Key::code(K::Left), Key::ch('<')],                      Action::ColumnLeft,       Text::KeyColumnLeft,      false),
    bind(S::List,              &[Key::code(K::Right), Key::ch('>')],                     Action::ColumnRight,      Text::KeyColumnRight,     false),
    bind(S::List,              &[Key::ch('s')],                                          Action::Sort,             Text::KeySort,            true),
];

/// The table in effect: `KEY_TABLE` with the keys `config.toml` changed.
static IN_EFFECT: OnceLock<Vec<Binding>> = OnceLock::new();

/// Puts `table` in effect for the rest of the run; once, at start, before
/// anything is drawn. False if a table was in effect already.
pub fn install(table: Vec<Binding>) -> bool {
    IN_EFFECT.set(table).is_ok()
}

/// The key table in effect.
pub fn table() -> &'static [Binding] {
    IN_EFFECT.get().map_or(KEY_TABLE, Vec::as_slice)
}

/// The action `key` means in the first of `scopes` that binds it.
pub fn resolve(scopes: &[Scope], key: &KeyEvent) -> Option<Action> {
    scopes.iter().find_map(|scope| {
        table()
            .iter()
            .find(|b| b.scope == *scope && b.keys.iter().any(|k| k.matches(key)))
            .map(|b| b.action.clone())
    })
}

/// The bindings of `scope`, in table order.
pub fn bindings(scope: Scope) -> impl Iterator<Item = &'static Binding> {
    table().iter().filter(move |b| b.scope == scope)
}

/// The first key bound to `action` in `scope`, as a text names it ("u"):
/// so a message names the key the table (or the config) really binds.
pub fn key_for(scope: Scope, action: &Action) -> String {
    bindings(scope)
        .find(|b| b.action == *action)
        .and_then(|b| b.keys.first())
        .map_or_else(|| "?".to_string(), Key::label)
}

/// What a binding does in the footer's few words: its help text, or a
/// shorter one where the help explains more than a footer has room for.
pub fn footer_help(b: &Binding) -> Text {
    match b.action {
        Action::Search => Text::FooterSearch,
        Action::Sort => Text::FooterSort,
        Action::ShowRecord => Text::FooterShowRecord,
        _ => b.help,
    }
}

/// The keys of a binding as shown to the user: `↑/k`.
pub fn keys_label(b: &Binding) -> String {
    b.keys.iter().map(Key::label).collect::<Vec<_>>().join("/")
}

/// The lines of the help popup for `scopes`, in that order: keys and what
/// they do, with the scope's title on its first line.
pub fn help_lines(lang: Lang, scopes: &[Scope]) -> Vec<(Option<String>, String, String)> {
    help_lines_of(table(), lang, scopes)
}

/// The help lines of `table` (see [`help_lines`]). The number keys are one
/// line: `1–9` while they are the digits, else each key in screen order.
pub fn help_lines_of(
    table: &[Binding],
    lang: Lang,
    scopes: &[Scope],
) -> Vec<(Option<String>, String, String)> {
    let go_to: Vec<String> = table
        .iter()
        .filter(|b| matches!(b.action, Action::GoTo(_)))
        .map(keys_label)
        .collect();
    let digits: Vec<String> = (1..=go_to.len()).map(|n| n.to_string()).collect();
    let go_to = if go_to == digits {
        format!("1–{}", go_to.len())
    } else {
        go_to.join(" ")
    };
    let mut out = Vec::new();
    for (i, &scope) in scopes.iter().enumerate() {
        // A key an earlier scope of the same moment binds does something
        // else there (on screen 5 ←/→ change lists, not columns): not shown.
        let taken = |k: &Key| {
            scopes[..i].iter().any(|&earlier| {
                key_overrides::meet(earlier, scope)
                    && table
                        .iter()
                        .any(|o| o.scope == earlier && o.keys.contains(k))
            })
        };
        let mut first = true;
        let mut goto_done = false;
        for b in table.iter().filter(|b| b.scope == scope) {
            let keys = if matches!(b.action, Action::GoTo(_)) {
                if goto_done {
                    continue;
                }
                goto_done = true;
                go_to.clone()
            } else {
                let free: Vec<String> = b
                    .keys
                    .iter()
                    .filter(|k| !taken(k))
                    .map(Key::label)
                    .collect();
                if free.is_empty() {
                    continue;
                }
                free.join("/")
            };
            let title = first.then(|| scope.title().get(lang).to_string());
            first = false;
            out.push((title, keys, b.help.get(lang).to_string()));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, mods)
    }

    #[test]
    fn scopes_resolve_in_order() {
        let j = key(KeyCode::Char('j'), KeyModifiers::NONE);
        assert_eq!(resolve(&[Scope::List], &j), Some(Action::Down));
        assert_eq!(resolve(&[Scope::Form], &j), None);
        let big_d = key(KeyCode::Char('D'), KeyModifiers::SHIFT);
        assert_eq!(
            resolve(&[Scope::ToDelete], &big_d),
            Some(Action::DeleteMarked)
        );
        let lock = key(KeyCode::Char('l'), KeyModifiers::CONTROL);
        assert_eq!(resolve(&[Scope::Anywhere], &lock), Some(Action::Lock));
        let plain_l = key(KeyCode::Char('l'), KeyModifiers::NONE);
        assert_eq!(resolve(&[Scope::Anywhere], &plain_l), None);
        let a = key(KeyCode::Char('a'), KeyModifiers::NONE);
        assert_eq!(
            resolve(&[Scope::ToDelete, Scope::List], &a),
            Some(Action::MarkAll)
        );
        assert_eq!(
            resolve(&[Scope::Trajectories, Scope::List], &a),
            Some(Action::Attach)
        );
    }

    #[test]
    fn no_key_is_bound_twice_in_one_scope() {
        for &scope in Scope::ALL {
            let keys: Vec<Key> = bindings(scope)
                .flat_map(|b| b.keys.iter().copied())
                .collect();
            for (i, k) in keys.iter().enumerate() {
                assert!(!keys[i + 1..].contains(k), "{scope:?} binds {k:?} twice");
            }
        }
    }

    #[test]
    fn help_covers_every_scope() {
        let lines = help_lines(Lang::En, Scope::ALL);
        let titles = lines.iter().filter(|l| l.0.is_some()).count();
        assert_eq!(titles, Scope::ALL.len());
    }
}
