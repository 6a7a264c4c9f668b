//! What every stored record type has in common, and the list of record types (one IndexedDB
//! object store each).

use super::meta::Stamp;
use super::validation::Validate;
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::collections::BTreeMap;

/// A record type with its own object store.
pub trait Record: Serialize + DeserializeOwned + Clone + Validate + 'static {
    /// The object store (and the export section) that holds this type.
    const STORE: &'static str;
    /// The record's id as a string (the store's key).
    fn key(&self) -> String;
    fn archived(&self) -> bool;
    fn set_archived(&mut self, archived: bool);
    fn revs(&self) -> &BTreeMap<String, Stamp>;
    fn revs_mut(&mut self) -> &mut BTreeMap<String, Stamp>;
    /// Per field, the newest stamp a write of the field knowingly replaced.
    fn bases(&self) -> &BTreeMap<String, Stamp>;
    fn bases_mut(&mut self) -> &mut BTreeMap<String, Stamp>;
}

macro_rules! record {
    ($($ty:ty => $store:literal),* $(,)?) => {
        $(impl Record for $ty {
            const STORE: &'static str = $store;
            fn key(&self) -> String { self.meta.id.to_string() }
            fn archived(&self) -> bool { self.meta.archived }
            fn set_archived(&mut self, archived: bool) { self.meta.archived = archived }
            fn revs(&self) -> &BTreeMap<String, Stamp> { &self.meta.revs }
            fn revs_mut(&mut self) -> &mut BTreeMap<String, Stamp> { &mut self.meta.revs }
            fn bases(&self) -> &BTreeMap<String, Stamp> { &self.meta.bases }
            fn bases_mut(&mut self) -> &mut BTreeMap<String, Stamp> { &mut self.meta.bases }
        })*

        /// Every record store, in dependency order (referenced types first).
        pub const RECORD_STORES: &[&str] = &[$($store),*];
    };
}

use super::*;

record!(
    District => "districts",
    School => "schools",
    Concern => "concerns",
    LegalBasis => "legal_bases",
    Provider => "providers",
    ContactPerson => "persons",
    CommitteeMember => "members",
    Youth => "youths",
    Case => "cases",
    Meeting => "meetings",
    Decision => "decisions",
    Followup => "followups",
);

/// An index on a store: name and key path (the name is the key path).
pub struct IndexDef {
    pub store: &'static str,
    pub key_path: &'static str,
}

/// The indexes the lists and look-ups use.
pub const INDEXES: &[IndexDef] = &[
    IndexDef { store: "schools", key_path: "district" },
    IndexDef { store: "persons", key_path: "provider" },
    IndexDef { store: "youths", key_path: "district" },
    IndexDef { store: "cases", key_path: "status" },
    IndexDef { store: "cases", key_path: "youth" },
    IndexDef { store: "decisions", key_path: "case" },
    IndexDef { store: "followups", key_path: "case" },
];
