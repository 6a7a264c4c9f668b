//! The Danish text catalogue: every word the UI shows lives here, so wording can be reviewed
//! (and translated) in one place. Labels for domain enums and messages for domain errors too.

use crate::domain::case::{CaseStatus, EndReason, RelationStrength};
use crate::domain::legal::SchemeKind;
use crate::domain::lifecycle::LifecycleError;
use crate::domain::org::CommitteeRole;
use crate::domain::person::Gender;
use crate::domain::{Problem, ProviderKind, Routing};
use chrono::NaiveDate;

pub const APP_NAME: &str = "Fordeling";
pub const APP_TAGLINE: &str = "Kontaktpersonordningen";
pub const LOADING: &str = "Henter data …";
pub const SAVE: &str = "Gem";
pub const SAVING: &str = "Gemmer …";
pub const SAVED: &str = "Gemt";
pub const CANCEL: &str = "Annullér";
pub const EDIT: &str = "Redigér";
pub const NEW: &str = "Ny";
pub const ARCHIVE: &str = "Arkivér";
pub const RESTORE: &str = "Gendan";
pub const ARCHIVED: &str = "Arkiveret";
pub const SHOW_ARCHIVED: &str = "Vis arkiverede";
pub const NONE_CHOSEN: &str = "— ingen —";
pub const ALL: &str = "Alle";
pub const SHOW_MORE: &str = "Vis flere";
pub const YES: &str = "Ja";
pub const NO: &str = "Nej";
pub const FIX_ERRORS: &str = "Ret de markerede felter, før du gemmer.";
pub const BAD_NUMBER: &str = "Skriv et tal, fx 7,5";
pub const BAD_DATE: &str = "Skriv en dato som dd-mm-åååå";
pub const REQUIRED_MARK: &str = " *";
pub const NOT_FOUND: &str = "Siden findes ikke.";
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
pub const CASE_COUNT: &str = "sager";
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
pub const CERTS_MISSING: &str = "Mangler attest";
pub const HOURS_USED: &str = "timer i brug";

// Overview.
pub const OVERVIEW_TITLE: &str = "Oversigt";
pub const CASES_BY_STATUS: &str = "Sager pr. status";
pub const OVERDUE_FOLLOWUPS: &str = "Forsinkede opfølgninger";
pub const UPCOMING_FOLLOWUPS: &str = "Opfølgninger de næste 30 dage";
pub const UPCOMING_BIRTHDAYS: &str = "Fødselsdage med betydning de næste 6 måneder";
pub const CAPACITY_TITLE: &str = "Kapacitet";
pub const NOTHING_DUE: &str = "Intet at vise.";
pub const FOLLOWUP_TITLE: &str = "Opfølgning";
pub const FOLLOWUP_DUE: &str = "Næste opfølgning";
pub const OVERDUE: &str = "Forsinket";
pub const EVALUATION_TITLE: &str = "Evaluering";
pub const BY_KIND: &str = "Aktive og fordelte sager pr. leverandørtype";
pub const BY_LEGAL: &str = "Sager pr. lovgrundlag";
pub const BY_AGE: &str = "Sager pr. aldersgruppe";
pub const BY_CONCERN: &str = "Sager pr. problemstilling";

// Committee, data, settings.
pub const COMMITTEE_TITLE: &str = "Fordelingsudvalg";
pub const AWAITING_COMMITTEE: &str = "Visiterede sager, der venter på fordeling";
pub const DATA_TITLE: &str = "Data";
pub const RECORD_COUNTS: &str = "Poster på denne enhed";
pub const DEVICE_ID: &str = "Enhedens id";
pub const SETTINGS_TITLE: &str = "Indstillinger";
pub const MUNICIPALITY: &str = "Kommune";
pub const FOLLOWUP_FIRST: &str = "Første opfølgning efter (måneder)";
pub const FOLLOWUP_INTERVAL: &str = "Derefter hver (måneder)";
pub const CERT_VALID: &str = "Attester gælder i (måneder)";
pub const BUDGET_FRAME: &str = "Budgetramme pr. år (kr.)";
pub const STORAGE_TITLE: &str = "Lagring på enheden";
pub const STORAGE_PERSISTENT: &str = "Browseren har lovet at beholde data (vedvarende lagring).";
pub const STORAGE_NOT_PERSISTENT: &str = "Browseren kan rydde data ved pladsmangel. Eksportér jævnligt en sikkerhedskopi.";
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

pub fn date(d: NaiveDate) -> String {
    d.format("%d-%m-%Y").to_string()
}

pub fn hours(h: f64) -> String {
    let s = if h.fract() == 0.0 { format!("{h:.0}") } else { format!("{h:.2}").trim_end_matches('0').to_string() };
    s.replace('.', ",")
}

/// A domain validation problem in Danish.
pub fn problem(p: &Problem) -> String {
    match p {
        Problem::Required => "Skal udfyldes".into(),
        Problem::TooLong { max } => format!("Højst {max} tegn"),
        Problem::OutOfRange { min, max } => format!("Skal være mellem {} og {}", min.replace('.', ","), max.replace('.', ",")),
        Problem::InFuture => "Datoen ligger i fremtiden".into(),
        Problem::Before(d) => format!("Datoen ligger før {}", date(*d)),
        Problem::Duplicate => "Samme værdi står flere gange".into(),
        Problem::LooksLikeCpr => "Ligner et CPR-nummer — appen må ikke gemme CPR-numre".into(),
        Problem::MinAboveMax => "Fra-værdien er større end til-værdien".into(),
    }
}

/// A refused status move in Danish.
pub fn lifecycle(e: &LifecycleError) -> String {
    match e {
        LifecycleError::NotAllowed { from, to } => format!("En sag kan ikke gå fra {} til {}", status(*from), status(*to)),
        LifecycleError::NotVisited(_) => "Sagen er ikke fuldt visiteret".into(),
        LifecycleError::NoAssignment => "Sagen har ingen kontaktperson".into(),
        LifecycleError::NoEnding => "Angiv ophørsdato og årsag".into(),
        LifecycleError::NoStartDate => "Angiv en startdato".into(),
    }
}

/// The label of a domain field name, for messages that list missing fields.
pub fn field_label(field: &str) -> &'static str {
    match field {
        "legal_basis" => F_LEGAL_BASIS,
        "hours_per_week" => F_HOURS,
        "goals" => "Mål",
        "visitation_date" => F_VISITATION_DATE,
        "caseworker" => F_CASEWORKER,
        "start_date" => F_START_DATE,
        _ => "Felt",
    }
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

// Meetings.
pub const MEETINGS_TITLE: &str = "Møder";
pub const MEETING_NEW: &str = "Nyt møde";
pub const MEETING_DATE: &str = "Mødedato";
pub const MEETING: &str = "Møde";
pub const AGENDA: &str = "Dagsorden";
pub const ADD_TO_AGENDA: &str = "Sæt på dagsordenen";
pub const REMOVE_FROM_AGENDA: &str = "Tag af dagsordenen";
pub const MOVE_UP: &str = "Flyt op";
pub const MOVE_DOWN: &str = "Flyt ned";
pub const NO_VISITED: &str = "Ingen visiterede sager venter.";
pub const AGENDA_EMPTY: &str = "Dagsordenen er tom. Tilføj visiterede sager herunder.";
pub const ATTENDEES: &str = "Deltagere";
pub const DECIDE: &str = "Træf afgørelse";
pub const DECIDED: &str = "Afgjort";
pub const CHOOSE_PERSON: &str = "Vælg kontaktperson";
pub const RATIONALE: &str = "Begrundelse";
pub const RATIONALE_HINT: &str = "Kræves, når valget afviger fra anbefalingen.";
pub const DECIDED_BY: &str = "Truffet af";
pub const COMMITTEE_NAME: &str = "Fordelingsudvalget";
pub const AUDIT_TRAIL: &str = "Afgørelser (revisionsspor)";
pub const NO_DECISIONS: &str = "Ingen afgørelser endnu.";
pub const MINUTES: &str = "Referat";
pub const PRINT: &str = "Udskriv";
pub const RECOMMENDED: &str = "Anbefalet";
pub const DEPARTED: &str = "Afveg fra anbefalingen";
pub const CASES_ON_AGENDA: &str = "sager på dagsordenen";
pub const BACK_TO_MEETINGS: &str = "Tilbage til fordelingsudvalget";
pub const AGE_DISTRICT: &str = "Alder og distrikt";

// Recommendations.
pub const RECOMMENDATIONS: &str = "Anbefalinger";
pub const NO_ELIGIBLE: &str = "Ingen kontaktperson opfylder de faste regler.";
pub const BLOCKED_TITLE: &str = "Udelukkede kandidater";
pub const POINTS: &str = "point";
pub const BATCH_TITLE: &str = "Forslag for hele dagsordenen";
pub const BATCH_RUN: &str = "Beregn forslag";
pub const BATCH_OPTIMAL: &str = "Bevist optimalt: ingen anden fordeling placerer flere sager eller giver flere point.";
pub const BATCH_NOT_OPTIMAL: &str = "Ikke bevist optimalt inden for tidsgrænsen. Bedste kendte grænse:";
pub const BATCH_DOWNLOAD: &str = "Hent instansen (JSON)";
pub const WAITING_LIST: &str = "Venteliste";
pub const NOTHING_TO_ALLOCATE: &str = "Ingen uafgjorte sager på dagsordenen.";

/// A score term with its evidence, in Danish. `name` looks up a concern's name by id.
pub fn term(t: &crate::allocation::score::Term, name: &dyn Fn(String) -> String) -> String {
    use crate::allocation::score::Term::*;
    match t {
        Relation { strength } => format!("Eksisterende relation: {}", relation(*strength).to_lowercase()),
        ClubMembership { .. } => "Den unge går i klubben".into(),
        Routing { concern, routing: r } => format!("{}: {} for denne type", name(concern.to_string()), routing(*r).to_lowercase()),
        Expertise { concerns } => format!("Erfaring med {}", concerns.iter().map(|c| name(c.to_string())).collect::<Vec<_>>().join(", ")),
        SharedInterests { interests } => format!("Fælles interesser: {}", interests.join(", ")),
        WishedPerson => "Den unge har ønsket denne person".into(),
        WishedGender { gender: g } => format!("Ønsket køn: {}", gender(*g).to_lowercase()),
        EarlierPerson => "Tidligere kontaktperson (kontinuitet)".into(),
        SiblingPerson { .. } => "Søskendes kontaktperson (kontinuitet)".into(),
        Language { language } => format!("Fælles sprog: {language}"),
        Load { utilisation_pct } => format!("Belastning {utilisation_pct} %"),
        Cost { hourly_rate } => format!("Timepris {hourly_rate} kr."),
    }
}

/// A hard rule that blocks a candidate, with its evidence, in Danish.
pub fn block(b: &crate::allocation::eligibility::Block, name: &dyn Fn(String) -> String) -> String {
    use crate::allocation::eligibility::Block::*;
    use crate::domain::person::{CertificateKind, CertificateProblem};
    let cert = |k: CertificateKind| match k {
        CertificateKind::CriminalRecord => "straffeattest",
        CertificateKind::ChildRecord => "børneattest",
        CertificateKind::Confidentiality => "tavshedserklæring",
    };
    match b {
        Archived { .. } => "Arkiveret".into(),
        NotAdult { birth_year } => format!("Ikke myndig (født {birth_year})"),
        RuledOut => "Fravalgt af den unge eller sagsbehandleren".into(),
        Certificate(CertificateProblem::Missing(k)) => format!("Mangler {}", cert(*k)),
        Certificate(CertificateProblem::Expired(k, d)) => format!("Udløbet {} (fra {})", cert(*k), date(*d)),
        OutsideDistrict { .. } => "Klubben ligger uden for barnets distrikt og nabodistrikter".into(),
        OutsideAgeRange { age, min, max } => format!(
            "Alder {age} er uden for klubbens {}–{} år",
            min.map(|m| m.to_string()).unwrap_or_default(),
            max.map(|m| m.to_string()).unwrap_or_default()
        ),
        OutOfHours { missing } => {
            let mut parts = Vec::new();
            if missing.evenings { parts.push(EVENINGS.to_lowercase()); }
            if missing.nights { parts.push(NIGHTS.to_lowercase()); }
            if missing.weekends { parts.push(WEEKENDS.to_lowercase()); }
            format!("Kan ikke arbejde {}", parts.join(", "))
        }
        ConcernExcluded { concern, kind } => format!("{} er udelukket for {}", name(concern.to_string()), provider_kind(*kind).to_lowercase()),
        PersonCapacity { used, capacity, needed } => format!("Kapacitet: {} + {} > {} timer", hours(*used), hours(*needed), hours(*capacity)),
        ClubCap { used, cap, needed, .. } => format!("Klubbens loft: {} + {} > {} timer (balancen i klubberne)", hours(*used), hours(*needed), hours(*cap)),
    }
}

/// Why the batch suggestion left a case on the waiting list.
pub fn unassigned(r: crate::allocation::batch::UnassignedReason) -> &'static str {
    use crate::allocation::batch::UnassignedReason::*;
    match r {
        NoEligiblePerson => "ingen kontaktperson opfylder de faste regler",
        ExceedsCapacity => "sagen kræver flere timer, end nogen egnet person har",
        PersonCapacityExhausted => "de egnede personers timer er brugt",
        GroupCapacityExhausted => "klubbernes loft over timer er nået",
    }
}

// Model configuration.
pub const WEIGHTS_TITLE: &str = "Modellens vægte (point)";
pub const WEIGHTS_LEAD: &str = "Anbefalingerne regnes om med det samme, når vægtene gemmes.";
pub const RESET_DEFAULTS: &str = "Nulstil til standard";
pub const SOLVER_LIMIT: &str = "Tidsgrænse for forslag til hele dagsordenen (ms)";

/// The label of a score weight (by its field name in `Weights`).
pub fn weight_label(name: &str) -> &'static str {
    match name {
        "relation_per_level" => "Eksisterende relation, pr. niveau (1–3)",
        "club_membership" => "Den unge går i klubben",
        "routing_prefer" => "Problemstilling foretrækker typen",
        "routing_avoid" => "Problemstilling undgår typen",
        "expertise_per_concern" => "Erfaring, pr. problemstilling",
        "interest_per_shared" => "Fælles interesse, pr. interesse",
        "interests_max" => "Højst antal interesser, der tæller",
        "wish_person" => "Den unge ønsker personen",
        "wish_gender" => "Ønsket køn",
        "continuity_earlier" => "Tidligere kontaktperson",
        "continuity_sibling" => "Søskendes kontaktperson",
        "language" => "Fælles sprog",
        "load_penalty_at_full" => "Fradrag ved fuld belastning",
        "cost_per_100kr" => "Fradrag pr. 100 kr. timepris",
        _ => "Vægt",
    }
}

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
pub const IMPORT_LEAD: &str = "Filen kontrolleres, før noget ændres. Du ser først, hvad der er nyt, ændret og i konflikt.";
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
pub const IMPORT_APPLIED: &str = "Importeret.";
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
