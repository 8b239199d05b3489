//! The forms of the UI, by feature: the widget (`form`), what each form is
//! for (`purpose`), and the builders and readers of the record forms
//! (people, trajectories, documents, team reports), the breach forms, the
//! rights forms and the forms that correct a record (`corrections`). A feature's forms know the widget and their purpose;
//! the widget knows no feature.

pub mod backup;
pub mod breach;
pub mod corrections;
pub mod form;
pub mod path_completion;
pub mod path_text;
pub mod practice;
pub mod purpose;
pub mod records;
pub mod rights;
