//! The registers: one file per record type with its list entry and editor.

mod concern;
mod district;
mod legal_basis;
mod member;
mod person;
mod provider;
mod school;

pub use concern::concerns;
pub use district::districts;
pub use legal_basis::legal_bases;
pub use member::members;
pub use person::persons;
pub use provider::providers;
pub use school::schools;
