//! Typed record identifiers: a UUID each, so records from independent devices never collide.

use serde::{Deserialize, Serialize};
use std::fmt;
use uuid::Uuid;

macro_rules! id_type {
    ($($(#[$doc:meta])* $name:ident),* $(,)?) => {$(
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub Uuid);

        impl $name {
            /// A fresh random id.
            pub fn new() -> Self {
                Self(Uuid::new_v4())
            }
        }

        impl Default for $name {
            fn default() -> Self {
                Self::new()
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }

        impl std::str::FromStr for $name {
            type Err = uuid::Error;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Uuid::parse_str(s).map(Self)
            }
        }
    )*};
}

id_type!(
    /// A child or young person (barn/ung).
    YouthId,
    /// A case (sag).
    CaseId,
    /// A district (distrikt).
    DistrictId,
    /// A school (skole).
    SchoolId,
    /// A provider (leverandør): club, internal or external.
    ProviderId,
    /// A contact person (kontaktperson).
    PersonId,
    /// A concern in the vocabulary (problemstilling).
    ConcernId,
    /// A legal basis (lovgrundlag).
    LegalBasisId,
    /// A committee member (medlem af fordelingsudvalget).
    MemberId,
    /// A committee meeting (møde i fordelingsudvalget).
    MeetingId,
    /// A committee decision (afgørelse), kept in the audit trail.
    DecisionId,
    /// A follow-up (opfølgning).
    FollowupId,
    /// A goal from the action plan (mål i handleplanen).
    GoalId,
);
