//! Words of sync by file: export, import, conflicts.

use super::*;
use crate::sync::validate::ImportProblem;

// Sync by file.
pub const EXPORT_TITLE: &str = "Eksportér";
pub const EXPORT_LEAD: &str = "Filen er den eneste vej, data går mellem enheder. Vælg hvad modtageren skal have, og beskyt filen med en adgangskode, når den forlader enheden.";
pub const EXPORT_SCOPE: &str = "Indhold";
pub const SCOPE_FULL: &str = "Hele arbejdsområdet (sikkerhedskopi)";
pub const SCOPE_CLUB: &str = "Pakke til klub";
pub const SCOPE_DISTRICT: &str = "Pakke til distrikt";
pub const PASSPHRASE: &str = "Adgangskode (valgfri)";
pub const PASSPHRASE_REPEAT: &str = "Gentag adgangskoden";
pub const PASSPHRASE_MISMATCH: &str = "Adgangskoderne er ikke ens.";
pub const PASSPHRASE_SHORT: &str = "Brug mindst 10 tegn.";
pub const EXPORT_RUN: &str = "Eksportér";
pub const EXPORTING: &str = "Eksporterer …";
pub const EXPORTED: &str = "Eksporteret";
pub const EXPORT_VERIFY_FAILED: &str = "Filen kunne ikke læses tilbage efter skrivning. Intet er hentet; prøv igen.";
pub const IMPORT_TITLE: &str = "Importér";
pub const IMPORT_LEAD: &str =
    "Filen kontrolleres, før noget ændres. Du ser først, hvad der er nyt, ændret og i konflikt.";
pub const IMPORT_FILE: &str = "Vælg fil";
pub const IMPORT_READING: &str = "Læser og kontrollerer filen …";
pub const IMPORT_REFUSED: &str = "Filen blev afvist. Intet er ændret.";
pub const IMPORT_PASSPHRASE: &str = "Filen er krypteret. Skriv adgangskoden.";
pub const IMPORT_DECRYPT: &str = "Åbn filen";
pub const IMPORT_DECRYPTING: &str = "Åbner filen …";
pub const WRONG_PASSPHRASE: &str = "Forkert adgangskode (eller filen er ændret efter krypteringen).";
pub const DAMAGED_FILE: &str = "Filen er beskadiget og kan ikke åbnes.";
pub const NEWER_ENCRYPTION: &str =
    "Filen er krypteret af en nyere udgave af Fordeling. Opdatér appen (genindlæs, når den tilbyder en ny version), og prøv igen.";
pub const PREVIEW_TITLE: &str = "Det vil importen gøre";
pub const PREVIEW_NEW: &str = "Nye";
pub const PREVIEW_CHANGED: &str = "Ændrede";
pub const PREVIEW_CONFLICTING: &str = "I konflikt (begge værdier gemmes)";
pub const PREVIEW_UNCHANGED: &str = "Uændrede";
pub const PREVIEW_ERASED: &str = "Slettes (GDPR)";
pub const PREVIEW_NOOP: &str = "Filen indeholder intet nyt.";
pub const IMPORT_APPLY: &str = "Anvend import";
pub const IMPORT_SAVING: &str = "Gemmer importen …";
pub const IMPORT_APPLIED: &str = "Importeret.";
pub const IMPORT_BUSY: &str = "Data blev ændret igen og igen, mens importen skulle gemmes (er appen åben i en anden fane?). Intet er importeret; prøv igen.";
pub const IMPORT_UNDO: &str = "Fortryd import";
pub const IMPORT_UNDO_QUESTION: &str =
    "Fortryd den seneste import? Alt, hvad den tilføjede eller ændrede, sættes tilbage, som det var før.";
pub const IMPORT_CLOSE: &str = "Luk";
pub const IMPORT_UNDONE: &str = "Importen er fortrudt; data er som før.";
pub const CONFLICTS_TITLE: &str = "Konflikter";
pub const CONFLICTS_LEAD: &str = "Samme felt blev ændret på to enheder. Den nyeste værdi vandt; den anden er gemt her.";
pub const CONFLICT_KEPT: &str = "Gældende";
pub const CONFLICT_LOST: &str = "Tabt";
pub const CONFLICT_DISMISS: &str = "Behold gældende";
pub const NO_CONFLICTS: &str = "Ingen konflikter.";

/// A record store's name in Danish (the names live with the import checks, which use them too).
pub fn store(name: &str) -> &'static str {
    crate::sync::validate::store_name(name).unwrap_or("Post")
}

/// An import problem as the import screen lists it: its location with the record type in
/// Danish, the id shortened and the field by the label of its form, then what is wrong.
pub fn import_problem(p: &ImportProblem) -> String {
    capitalized(&p.describe(&import_field))
}

/// The label of a record's field (by the file's names for both), where the forms have one.
pub fn import_field(store: &str, field: &str) -> Option<&'static str> {
    Some(match (store, field) {
        ("meetings", "date") => MEETING_DATE,
        ("followups", "date") => "Dato",
        ("followups", "next_date") => FOLLOWUP_DUE,
        ("settings", "municipality") => MUNICIPALITY,
        ("settings", "followup_first_months") => FOLLOWUP_FIRST,
        ("settings", "followup_interval_months") => FOLLOWUP_INTERVAL,
        ("settings", "certificate_valid_months") => CERT_VALID,
        ("settings", "budget_frame_kr") => BUDGET_FRAME,
        ("settings", "solver_time_limit_ms") => SOLVER_LIMIT,
        ("settings", "weights") => WEIGHTS_TITLE,
        (_, "pseudonym") => F_PSEUDONYM,
        (_, "birth_date") => F_BIRTH_DATE,
        (_, "gender") => F_GENDER,
        (_, "district") => F_DISTRICT,
        (_, "school") => F_SCHOOL,
        (_, "club") => F_CLUB,
        (_, "interests") => "Interesser",
        (_, "languages") => "Sprog",
        (_, "siblings") => "Søskende",
        (_, "legal_basis") => F_LEGAL_BASIS,
        (_, "hours_per_week") => F_HOURS,
        (_, "goals") => "Mål",
        (_, "concerns") => F_CONCERNS,
        (_, "visitation_date") => F_VISITATION_DATE,
        (_, "caseworker") => F_CASEWORKER,
        (_, "received") => F_RECEIVED,
        (_, "status") => F_STATUS,
        (_, "relations") => F_RELATIONS,
        (_, "wishes") => "Ønsker",
        (_, "ruled_out") => F_RULED_OUT,
        (_, "out_of_hours") => F_OUT_OF_HOURS,
        (_, "earlier_person") => F_EARLIER_PERSON,
        (_, "start_date") => F_START_DATE,
        (_, "expectations_agreed") => F_EXPECTATIONS,
        (_, "note") => "Note",
        (_, "ending") => "Ophør",
        (_, "assignment") => CONTACT_PERSON_NOW,
        (_, "history") => HISTORY,
        (_, "youth") => "Barn/ung",
        (_, "case") => "Sag",
        (_, "meeting") => MEETING,
        (_, "person") => F_PERSON,
        (_, "name") => F_NAME,
        (_, "kind") => F_KIND,
        (_, "provider") => F_PROVIDER,
        (_, "age_min") => F_AGE_MIN,
        (_, "age_max") => F_AGE_MAX,
        (_, "hour_cap") => F_HOUR_CAP,
        (_, "hourly_rate") => F_RATE,
        (_, "birth_year") => F_BIRTH_YEAR,
        (_, "background") => F_BACKGROUND,
        (_, "expertise") => F_EXPERTISE,
        (_, "availability") => F_AVAILABILITY,
        (_, "capacity_hours") => F_CAPACITY,
        (_, "certificates") => "Attester",
        (_, "certificates.criminal_record") => F_CRIMINAL_RECORD,
        (_, "certificates.child_record") => F_CHILD_RECORD,
        (_, "certificates.confidentiality") => F_CONFIDENTIALITY,
        (_, "neighbours") => F_NEIGHBOURS,
        (_, "role") => F_ROLE,
        (_, "paragraph") => F_PARAGRAPH,
        (_, "scheme") => F_SCHEME,
        (_, "agenda") => AGENDA,
        (_, "attendees") => ATTENDEES,
        (_, "recommended") => RECOMMENDED,
        (_, "rationale") => RATIONALE,
        (_, "decided_by") => DECIDED_BY,
        _ => return None,
    })
}
pub const CONFLICT_RESTORE: &str = "Gendan den tabte værdi";
