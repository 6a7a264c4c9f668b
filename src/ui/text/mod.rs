//! The Danish text catalogue: every word the UI shows lives here, so wording can be reviewed
//! (and translated) in one place. Labels for domain enums and messages for domain errors too.

use crate::domain::case::{CaseStatus, EndReason, RelationStrength};
use crate::domain::legal::SchemeKind;
use crate::domain::lifecycle::LifecycleError;
use crate::domain::org::CommitteeRole;
use crate::domain::person::Gender;
use crate::domain::{Problem, ProviderKind, Routing};
use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike};

pub const APP_NAME: &str = "Fordeling";
pub const LOADING: &str = "Henter data …";
pub const SAVE: &str = "Gem";
pub const SAVING: &str = "Gemmer …";
pub const SAVED: &str = "Gemt";
pub const CANCEL: &str = "Annullér";
pub const CANNOT_SAVE: &str = "Kan ikke gemmes";
pub const STORAGE_FAILED: &str =
    "Kunne ikke gemme på denne enhed. Prøv igen; lykkes det ikke, så tag en eksport som sikkerhedskopi";
pub const DRAFT_RESTORED: &str = "Dine ændringer fra sidst, der ikke blev gemt, er hentet frem igen.";
pub const DRAFT_DISCARD: &str = "Kassér dem";
pub const DISCARD_UNSAVED: &str = "Du har ændringer, der ikke er gemt. Vil du kassere dem?";
pub const EDIT: &str = "Redigér";
pub const ARCHIVE: &str = "Arkivér";
pub const RESTORE: &str = "Gendan";
pub const ARCHIVED: &str = "Arkiveret";
pub const SHOW_ARCHIVED: &str = "Vis arkiverede";
pub const NONE_CHOSEN: &str = "— ingen —";
pub const ALL: &str = "Alle";
/// The empty first choice of a required select.
pub const CHOOSE: &str = "Vælg …";
pub const FIX_ERRORS: &str = "Ret de markerede felter, før du gemmer.";
pub const BAD_NUMBER: &str = "Skriv et tal, fx 7,5";
pub const BAD_DATE: &str = "Skriv en dato som dd-mm-åååå";
pub const WHOLE_NUMBER: &str = "Skriv et helt tal";
pub const NOT_NEGATIVE: &str = "Må ikke være negativ";
pub const REQUIRED_MARK: &str = " *";
pub const NOT_FOUND: &str = "Siden findes ikke.";
pub const PAGE_NOT_LOADED: &str =
    "Siden kunne ikke hentes: enheden er offline, og siden er ikke gemt her endnu. Prøv igen, når der er forbindelse.";
pub const RECORD_NOT_FOUND: &str = "Posten findes ikke (den kan være slettet på en anden enhed).";
pub const UPDATE_READY: &str = "Ny version er klar — genindlæs";
pub const OPEN_FAILED: &str = "Databasen kunne ikke åbnes. Luk andre faner med Fordeling, og prøv igen.";

// Navigation.
pub const NAV_LABEL: &str = "Hovedmenu";
pub const NAV_OVERVIEW: &str = "Oversigt";
pub const NAV_CASES: &str = "Sager";
pub const NAV_PROVIDERS: &str = "Kontaktpersoner og leverandører";
pub const NAV_COMMITTEE: &str = "Fordelingsudvalg";
pub const NAV_FOLLOWUP: &str = "Opfølgning";
pub const NAV_EVALUATION: &str = "Evaluering";
pub const NAV_DATA: &str = "Data";
pub const NAV_SETTINGS: &str = "Indstillinger";

// Cases.
pub const CASES_TITLE: &str = "Sager";
pub const CASE_NEW: &str = "Ny sag";
pub const CASE_EDIT: &str = "Redigér sag";
pub const CASE_SEARCH: &str = "Søg på pseudonym eller sagsbehandler";
pub const CASE_NONE: &str = "Ingen sager matcher.";
pub const CASE_COUNT: (&str, &str) = ("sag", "sager");
pub const SORT_BY: &str = "Sortér efter";
pub const SORT_RECEIVED: &str = "Modtaget (nyeste først)";
pub const SORT_PSEUDONYM: &str = "Pseudonym";
pub const SORT_STATUS: &str = "Status";
pub const SORT_AGE: &str = "Alder";
pub const YOUTH_SECTION: &str = "Barnet/den unge";
pub const CASE_SECTION: &str = "Bevilling";
pub const MATCH_SECTION: &str = "Til matchningen";
pub const STATUS_SECTION: &str = "Status og forløb";
pub const NO_CPR_HINT: &str = "Brug pseudonym eller initialer. Appen gemmer aldrig CPR-numre.";
pub const MOVE_TO: &str = "Flyt til";
pub const CANNOT_MOVE: &str = "Kan ikke flyttes endnu:";
pub const END_CASE: &str = "Afslut sag";
pub const END_CASE_SUBMIT: &str = "Afslut sagen";
pub const END_CASE_CONFIRM: &str = "Ja, afslut sagen";
pub const END_CONFIRM_QUESTION: &str = "Vil du afslutte sagen?";
pub const END_CONFIRM_NOTE: &str = "En afsluttet sag kan ikke genåbnes.";
pub const ERASE_TITLE: &str = "Personoplysninger";
pub const ERASE_OPEN: &str = "Slet barnet/den unge for altid (GDPR)";
pub const ERASE_LEAD: &str =
    "Arkivér, hvis sagen blot ikke skal vises mere. Slet kun, når oplysningerne skal væk efter \
     databeskyttelsesreglerne: så fjernes de fra denne enhed, og fra de andre enheder, når de importerer en senere fil \
     herfra. Fortryd import henter dem ikke tilbage.";
pub const ERASE_SUBMIT: &str = "Slet for altid …";
pub const ERASE_QUESTION: &str = "Vil du slette oplysningerne for altid?";
pub const ERASE_NOTE: &str = "Det kan ikke fortrydes.";
pub const ERASE_CONFIRM: &str = "Ja, slet for altid";
pub const CHOOSE_END_REASON: &str = "Vælg årsag";
pub const END_REASON_MISSING: &str = "Vælg en ophørsårsag, før sagen afsluttes.";
pub const END_DATE_MISSING: &str = "Angiv en ophørsdato.";
/// The heading over the goals on the read-only case page (the form's label has an input hint).
pub const GOALS: &str = "Mål fra handleplanen";
pub const HISTORY: &str = "Tidligere kontaktpersoner";

// Field labels (keyed by the domain's field names where they coincide).
pub const F_PSEUDONYM: &str = "Pseudonym/initialer";
pub const F_BIRTH_DATE: &str = "Fødselsdato";
pub const F_GENDER: &str = "Køn";
pub const F_DISTRICT: &str = "Distrikt";
pub const F_SCHOOL: &str = "Skole";
pub const F_CLUB: &str = "Går i klub";
pub const F_INTERESTS: &str = "Interesser (adskil med komma)";
pub const F_LANGUAGES: &str = "Sprog (adskil med komma)";
pub const F_LEGAL_BASIS: &str = "Lovgrundlag";
pub const F_HOURS: &str = "Timer pr. uge";
pub const F_GOALS: &str = "Mål fra handleplanen (ét pr. linje)";
pub const F_CONCERNS: &str = "Problemstillinger";
pub const F_VISITATION_DATE: &str = "Visitationsdato";
pub const F_CASEWORKER: &str = "Sagsbehandler";
pub const F_RECEIVED: &str = "Modtaget";
pub const F_STATUS: &str = "Status";
pub const F_RELATIONS: &str = "Voksne, den unge kender";
pub const F_WISH_PERSON: &str = "Den unge ønsker sig";
pub const F_WISH_GENDER: &str = "Ønsket køn";
pub const F_RULED_OUT: &str = "Fravalgte kontaktpersoner";
pub const F_OUT_OF_HOURS: &str = "Behov uden for normal arbejdstid";
pub const F_EARLIER_PERSON: &str = "Tidligere kontaktperson";
pub const F_START_DATE: &str = "Startdato";
pub const F_EXPECTATIONS: &str = "Forventningsafstemning holdt";
pub const F_NOTE: &str = "Kort note (ingen følsomme oplysninger)";
pub const F_END_DATE: &str = "Ophørsdato";
pub const F_END_REASON: &str = "Ophørsårsag";
pub const F_NAME: &str = "Navn";
pub const F_KIND: &str = "Type";
pub const F_PROVIDER: &str = "Leverandør";
pub const F_AGE_MIN: &str = "Alder fra";
pub const F_AGE_MAX: &str = "Alder til";
pub const F_HOUR_CAP: &str = "Loft over kontaktpersontimer pr. uge";
pub const F_RATE: &str = "Timepris (kr.)";
pub const F_BIRTH_YEAR: &str = "Fødselsår";
pub const F_BACKGROUND: &str = "Faglig baggrund";
pub const F_EXPERTISE: &str = "Erfaring med problemstillinger";
pub const F_AVAILABILITY: &str = "Kan arbejde";
pub const F_CAPACITY: &str = "Kapacitet, timer pr. uge";
pub const F_CRIMINAL_RECORD: &str = "Straffeattest indhentet";
pub const F_CHILD_RECORD: &str = "Børneattest indhentet";
pub const F_CONFIDENTIALITY: &str = "Tavshedserklæring underskrevet";
pub const F_NEIGHBOURS: &str = "Nabodistrikter";
pub const F_ROLE: &str = "Rolle";
pub const F_PARAGRAPH: &str = "Paragraf";
pub const F_SCHEME: &str = "Ordning";
pub const EVENINGS: &str = "Aftener";
pub const NIGHTS: &str = "Nætter";
pub const WEEKENDS: &str = "Weekender";

// Registers.
pub const PROVIDERS_TITLE: &str = "Leverandører";
pub const PERSONS_TITLE: &str = "Kontaktpersoner";
pub const PROVIDER_NEW: &str = "Ny leverandør";
pub const PERSON_NEW: &str = "Ny kontaktperson";
pub const DISTRICTS_TITLE: &str = "Distrikter";
pub const DISTRICT_NEW: &str = "Nyt distrikt";
pub const SCHOOLS_TITLE: &str = "Skoler";
pub const SCHOOL_NEW: &str = "Ny skole";
pub const MEMBERS_TITLE: &str = "Udvalgets medlemmer";
pub const MEMBER_NEW: &str = "Nyt medlem";
pub const CONCERNS_TITLE: &str = "Problemstillinger og fordeling";
pub const CONCERN_NEW: &str = "Ny problemstilling";
pub const LEGAL_TITLE: &str = "Lovgrundlag";
pub const LEGAL_NEW: &str = "Nyt lovgrundlag";
pub const EMPTY_LIST: &str = "Intet endnu.";
pub const STANDING_MEMBER: &str = "Fast medlem";
pub const HOURS_USED: &str = "timer i brug";
pub const OVERBOOKED: &str = "overbooket";

// Overview.
pub const OVERVIEW_TITLE: &str = "Oversigt";
pub const EVALUATION_TITLE: &str = "Evaluering";
pub const BY_KIND: &str = "Sager med kontaktperson pr. leverandørtype";
pub const BY_LEGAL: &str = "Visiterede sager pr. lovgrundlag";
pub const BY_AGE: &str = "Visiterede sager pr. aldersgruppe (alder i dag)";
pub const BY_CONCERN: &str = "Visiterede sager pr. problemstilling (en sag kan have flere)";

/// What the evaluation's tables count.
pub fn evaluation_scope(cases: usize, with_person: usize) -> String {
    format!(
        "Tallene gælder {} (alle undtagen kladder og arkiverede); {} af dem har fået en kontaktperson.",
        count(cases as u64, "visiteret sag", "visiterede sager"),
        with_person
    )
}

// Committee, data, settings.
pub const COMMITTEE_TITLE: &str = "Fordelingsudvalg";
pub const AWAITING_COMMITTEE: &str = "Visiterede sager, der venter på fordeling";
pub const DATA_TITLE: &str = "Data";
pub const RECORD_COUNTS: &str = "Poster på denne enhed";
pub const DEVICE_ID: &str = "Enhedens id";
pub const SETTINGS_TITLE: &str = "Indstillinger";
pub const MUNICIPALITY: &str = "Kommune";
pub const UPCOMING_BIRTHDAYS: &str = "Fødselsdage med betydning de næste 6 måneder";
pub const CAPACITY_TITLE: &str = "Kapacitet";
pub const NOTHING_DUE: &str = "Intet at vise.";
pub const FOLLOWUP_FIRST: &str = "Første opfølgning efter (måneder)";
pub const FOLLOWUP_INTERVAL: &str = "Derefter hver (måneder)";
pub const CERT_VALID: &str = "Attester gælder i (måneder)";
pub const BUDGET_FRAME: &str = "Budgetramme pr. år (kr.)";
pub const STORAGE_TITLE: &str = "Lagring på enheden";
pub const STORAGE_PERSISTENT: &str = "Browseren har lovet at beholde data (vedvarende lagring).";
pub const STORAGE_NOT_PERSISTENT: &str =
    "Browseren kan rydde data ved pladsmangel. Eksportér jævnligt en sikkerhedskopi.";
pub const STORAGE_USED: &str = "Brugt";
pub const STORAGE_UNKNOWN: &str = "Browseren oplyser ikke forbruget.";

pub fn status(s: CaseStatus) -> &'static str {
    match s {
        CaseStatus::Draft => "Kladde",
        CaseStatus::Visited => "Visiteret",
        CaseStatus::OnAgenda => "På dagsorden",
        CaseStatus::Allocated => "Fordelt",
        CaseStatus::Active => "Aktiv",
        CaseStatus::Ended => "Afsluttet",
    }
}

pub fn provider_kind(k: ProviderKind) -> &'static str {
    match k {
        ProviderKind::Club => "Klub",
        ProviderKind::Internal => "Intern kontaktperson",
        ProviderKind::External => "Ekstern kontaktperson",
    }
}

pub fn routing(r: Routing) -> &'static str {
    match r {
        Routing::Prefer => "Foretræk",
        Routing::Neutral => "Neutral",
        Routing::Avoid => "Undgå",
        Routing::Exclude => "Udelukket",
    }
}

pub fn gender(g: Gender) -> &'static str {
    match g {
        Gender::Female => "Pige/kvinde",
        Gender::Male => "Dreng/mand",
        Gender::Other => "Andet",
    }
}

pub fn end_reason(r: EndReason) -> &'static str {
    match r {
        EndReason::GoalsMet => "Målene er nået",
        EndReason::NotBenefiting => "Profiterer ikke / anden foranstaltning",
        EndReason::Declined => "Den unge har takket nej",
        EndReason::Moved => "Fraflyttet",
        EndReason::AgeLimit => "Aldersgrænse",
        EndReason::Placement => "Anbragt uden for hjemmet",
    }
}

pub fn relation(r: RelationStrength) -> &'static str {
    match r {
        RelationStrength::Slight => "Kender lidt",
        RelationStrength::Good => "Kender godt",
        RelationStrength::Close => "Tæt relation",
    }
}

pub fn role(r: CommitteeRole) -> &'static str {
    match r {
        CommitteeRole::School => "Skoleleder",
        CommitteeRole::Club => "Klubleder",
        CommitteeRole::Authority => "Myndighed",
        CommitteeRole::Internal => "Intern udfører",
    }
}

pub fn scheme(s: SchemeKind) -> &'static str {
    match s {
        SchemeKind::ContactPerson => "Kontaktperson",
        SchemeKind::Family => "Familie",
        SchemeKind::Aftercare => "Efterværn",
        SchemeKind::YouthCrimeBoard => "UKN",
        SchemeKind::YouthEffort => "KUI",
    }
}

pub fn age_years(age: u32) -> String {
    format!("{age} år")
}

// Dates by hand rather than chrono's `format`/`parse_from_str`: those pull in chrono's whole
// strftime machinery (issue #2, size budget).

/// 24-12-2026
pub fn date(d: NaiveDate) -> String {
    format!("{:02}-{:02}-{:04}", d.day(), d.month(), d.year())
}

/// 24-12-2026 14:05
pub fn date_time(t: NaiveDateTime) -> String {
    format!("{} {:02}:{:02}", date(t.date()), t.hour(), t.minute())
}

/// 2026-12-24, the value of an `<input type="date">`.
pub fn iso_date(d: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

/// Reads an `<input type="date">` value (YYYY-MM-DD).
pub fn parse_iso_date(s: &str) -> Option<NaiveDate> {
    let mut parts = s.trim().splitn(3, '-');
    let y = parts.next()?.parse().ok()?;
    let m = parts.next()?.parse().ok()?;
    let d = parts.next()?.parse().ok()?;
    NaiveDate::from_ymd_opt(y, m, d)
}

pub fn hours(h: f64) -> String {
    let h = if h == 0.0 { 0.0 } else { h }; // no "-0"
    let s = if h.fract() == 0.0 { format!("{h:.0}") } else { format!("{h:.2}").trim_end_matches('0').to_string() };
    s.replace('.', ",")
}

/// A domain validation problem in Danish.
pub fn problem(p: &Problem) -> String {
    capitalized(&crate::sync::validate::danish(p))
}

/// A refused save in Danish: each broken rule with its field's label (`store` names the
/// record type), or that the device could not store it.
pub fn save_error(store: &str, e: &crate::storage::SaveError) -> String {
    match e {
        crate::storage::SaveError::Invalid(errors) => {
            let label = |field: &str| import_field(store, field).map_or_else(|| field.to_string(), str::to_string);
            let each: Vec<String> =
                errors.iter().map(|e| format!("{}: {}", label(e.field), problem(&e.problem))).collect();
            format!("{}: {}", CANNOT_SAVE, each.join("; "))
        }
        crate::storage::SaveError::Storage(e) => format!("{} ({e})", STORAGE_FAILED),
    }
}

/// The button that moves a case to `to`.
pub fn move_to(from: CaseStatus, to: CaseStatus) -> String {
    match (from, to) {
        (_, CaseStatus::OnAgenda) => "Sæt på dagsorden".to_string(),
        (CaseStatus::OnAgenda, CaseStatus::Visited) => REMOVE_FROM_AGENDA.to_string(),
        (_, to) => format!("{} {}", MOVE_TO, status(to).to_lowercase()),
    }
}

/// A refused status move in Danish.
pub fn lifecycle(e: &LifecycleError) -> String {
    match e {
        LifecycleError::NotAllowed { from, to } => {
            format!("En sag kan ikke gå fra {} til {}", status(*from), status(*to))
        }
        LifecycleError::NotVisited(_) => "Sagen er ikke fuldt visiteret".into(),
        LifecycleError::NoAssignment => "Sagen har ingen kontaktperson".into(),
        LifecycleError::NoEnding => "Angiv ophørsdato og årsag".into(),
        LifecycleError::NoStartDate => "Angiv en startdato".into(),
    }
}

/// The label of a case's field name, for messages that list missing fields (`ending` is its
/// date there).
pub fn field_label(field: &str) -> &'static str {
    match field {
        "ending" => F_END_DATE,
        _ => import_field("cases", field).unwrap_or("Felt"),
    }
}

/// `n` and the noun in the right number ("1 sag", "3 sager").
pub fn count(n: impl Into<u64>, one: &str, many: &str) -> String {
    let n = n.into();
    format!("{n} {}", if n == 1 { one } else { many })
}

/// What erasing a youth removes.
pub fn erase_what(pseudonym: &str, cases: usize, decisions: usize, followups: usize) -> String {
    format!(
        "Slettes: {pseudonym}, {}, {} og {}.",
        count(cases as u64, "sag", "sager"),
        count(decisions as u64, "afgørelse", "afgørelser"),
        count(followups as u64, "opfølgning", "opfølgninger")
    )
}

/// Asked before archiving a contact person who still carries cases.
pub fn archive_person_warning(name: &str, carried: usize) -> String {
    format!(
        "{name} har {} i gang. Sagerne beholder kontaktpersonen, men personen foreslås ikke til nye sager. \
         Arkivér alligevel?",
        count(carried as u64, "sag", "sager")
    )
}

/// Asked before archiving a provider that still has contact persons or carries cases.
pub fn archive_provider_warning(name: &str, persons: usize, carried: usize) -> String {
    format!(
        "{name} har {} og {} i gang. Sagerne beholder deres kontaktperson, men leverandøren og dens \
         kontaktpersoner foreslås ikke til nye sager. Arkivér alligevel?",
        count(persons as u64, "aktiv kontaktperson", "aktive kontaktpersoner"),
        count(carried as u64, "sag", "sager")
    )
}

/// The button that draws more of a long list.
pub fn show_more(rest: usize) -> String {
    format!("Vis flere ({rest} til)")
}

/// A storage size the way people read it: "2,6 MB", "10,7 GB".
pub fn data_size(bytes: f64) -> String {
    let (n, unit) = if bytes >= 1e9 { (bytes / 1e9, "GB") } else { (bytes / 1e6, "MB") };
    format!("{n:.1} {unit}").replace('.', ",")
}

/// `text` with its first letter upper case.
pub fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map(|first| first.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

pub const ADD: &str = "Tilføj";
pub const REMOVE: &str = "Fjern";
pub const F_PERSON: &str = "Kontaktperson";
pub const F_RELATION: &str = "Relation";
pub const BACK_TO_CASES: &str = "Tilbage til sagerne";
pub const CONTACT_PERSON_NOW: &str = "Nuværende kontaktperson";
pub const AGE: &str = "Alder";
pub const NEXT_MILESTONE: &str = "Næste vigtige fødselsdag";
pub const ACTIVATE: &str = "Start forløbet";

mod committee;
mod followup;
mod sync;

pub use committee::*;
pub use followup::*;
pub use sync::*;
