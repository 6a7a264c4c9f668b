//! Typed record identifiers: a UUID each, so records from independent devices never collide.

use serde::{Deserialize, Serialize};
use std::fmt;
use uuid::Uuid;

/// What every typed id can say.
pub trait Id {
    /// Whether this is the nil id of a reference not chosen yet (see `unset()`).
    fn is_unset(&self) -> bool;
}

macro_rules! id_type {
    ($($(#[$doc:meta])* $name:ident),* $(,)?) => {$(
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
        #[serde(transparent)]
        pub struct $name(pub Uuid);

        impl $name {
            /// The fixed id of a default record (see [`stable_uuid`]).
            pub fn stable(name: &str) -> Self {
                Self(stable_uuid(stringify!($name), name))
            }

            /// A fresh random id.
            pub fn new() -> Self {
                Self(Uuid::new_v4())
            }

            /// The nil id: a required reference that is not chosen yet (validation refuses it).
            pub const fn unset() -> Self {
                Self(Uuid::nil())
            }
        }

        impl Id for $name {
            fn is_unset(&self) -> bool {
                self.0.is_nil()
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

/// A fixed id derived from a name, for the defaults every device seeds (concern vocabulary,
/// legal bases): devices that never exchanged a file still agree on them, so a later import
/// merges them instead of doubling them. FNV-1a over `kind` and `name`, twice, as a v8 UUID.
pub fn stable_uuid(kind: &str, name: &str) -> Uuid {
    let fnv = |seed: u64| {
        let mut h = seed;
        for b in kind.bytes().chain([0u8]).chain(name.bytes()) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
        h
    };
    let (hi, lo) = (fnv(0xcbf2_9ce4_8422_2325), fnv(0x6c62_272e_07bb_0142));
    let mut bytes = [0u8; 16];
    bytes[..8].copy_from_slice(&hi.to_be_bytes());
    bytes[8..].copy_from_slice(&lo.to_be_bytes());
    uuid::Builder::from_custom_bytes(bytes).into_uuid()
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stable_ids_depend_on_kind_and_name_only() {
        assert_eq!(ConcernId::stable("Autisme"), ConcernId::stable("Autisme"));
        assert_ne!(ConcernId::stable("Autisme"), ConcernId::stable("Angst"));
        assert_ne!(ConcernId::stable("x").0, LegalBasisId::stable("x").0);
        assert_eq!(ConcernId::stable("Autisme").0.get_version_num(), 8);
    }
}
