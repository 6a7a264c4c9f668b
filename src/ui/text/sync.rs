//! Words of sync by file: export, import, conflicts.

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
pub const WRONG_PASSPHRASE: &str = "Forkert adgangskode (eller filen er ændret efter krypteringen).";
pub const DAMAGED_FILE: &str = "Filen er beskadiget og kan ikke åbnes.";
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
pub const IMPORT_UNDONE: &str = "Importen er fortrudt; data er som før.";
pub const CONFLICTS_TITLE: &str = "Konflikter";
pub const CONFLICTS_LEAD: &str = "Samme felt blev ændret på to enheder. Den nyeste værdi vandt; den anden er gemt her.";
pub const CONFLICT_KEPT: &str = "Gældende";
pub const CONFLICT_LOST: &str = "Tabt";
pub const CONFLICT_DISMISS: &str = "Behold gældende";
pub const NO_CONFLICTS: &str = "Ingen konflikter.";

/// A record store's name in Danish.
pub fn store(name: &str) -> &'static str {
    match name {
        "districts" => "Distrikt",
        "schools" => "Skole",
        "concerns" => "Problemstilling",
        "legal_bases" => "Lovgrundlag",
        "providers" => "Leverandør",
        "persons" => "Kontaktperson",
        "members" => "Udvalgsmedlem",
        "youths" => "Barn/ung",
        "cases" => "Sag",
        "meetings" => "Møde",
        "decisions" => "Afgørelse",
        "followups" => "Opfølgning",
        "settings" => "Indstillinger",
        _ => "Post",
    }
}
pub const CONFLICT_RESTORE: &str = "Gendan den tabte værdi";
