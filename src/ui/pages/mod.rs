//! One module per area of the navigation.

pub mod cases;
pub mod committee;
pub mod data;
pub mod evaluation;
pub mod followup;
pub mod overview;
pub mod providers;
pub mod registers;
pub mod settings;
