//! Domain types and rules of the contact-person scheme. Pure Rust: no browser, no UI.

pub mod age;
pub mod case;
pub mod concern;
pub mod config;
pub mod followup;
pub mod ids;
pub mod legal;
pub mod lifecycle;
pub mod meeting;
pub mod meta;
pub mod number;
pub mod org;
pub mod person;
pub mod provider;
pub mod record;
pub mod validation;
pub mod youth;

pub use case::{Assignment, Case, CaseStatus, EndReason, Ending, Goal, Relation, RelationStrength, Wishes};
pub use concern::{Concern, KindRouting, Routing};
pub use config::{CostShare, Settings, Weights};
pub use followup::{Followup, GoalProgress};
pub use ids::*;
pub use legal::{LegalBasis, SchemeKind};
pub use meeting::{Decision, Meeting};
pub use meta::{Clock, DeviceId, RecordMeta, Stamp};
pub use org::{CommitteeMember, CommitteeRole, District, School};
pub use person::{Certificates, ContactPerson, Gender, OutOfHours};
pub use provider::{Provider, ProviderKind};
pub use record::Record;
pub use validation::{FieldError, Problem, Validate};
pub use youth::{case_against_youth, Youth};
