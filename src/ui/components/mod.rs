//! Reusable UI pieces: labelled fields, form error state, register pages, the unsaved-edits guard.

pub mod field;
pub mod form;
pub mod heading;
pub mod more;
pub mod register;
pub mod unsaved;

pub use field::{
    split_list, CheckList, Choice, DateInput, NumberInput, OutOfHoursInput, PersonPicker, SelectInput, TextInput,
};
pub use form::FormErrors;
pub use heading::PageHeading;
pub use more::ShowMore;
pub use register::{register_page, RegisterItem};
pub use unsaved::guard_unsaved;
