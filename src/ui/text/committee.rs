//! Words of the committee screens: meetings, recommendations and the model's weights.

use super::*;

// Meetings.
pub const MEETINGS_TITLE: &str = "Møder";
pub const MEETING_NEW: &str = "Nyt møde";
pub const MEETING_DATE: &str = "Mødedato";
pub const MEETING: &str = "Møde";
pub const AGENDA: &str = "Dagsorden";
pub const ADD_TO_AGENDA: &str = "Sæt på dagsordenen";
pub const REMOVE_FROM_AGENDA: &str = "Tag af dagsordenen";
pub const DECIDED_STAYS: &str = "En afgjort sag bliver på dagsordenen: afgørelsen hører til referatet.";
pub const MOVE_UP: &str = "Flyt op";
pub const MOVE_DOWN: &str = "Flyt ned";
pub const NO_VISITED: &str = "Ingen visiterede sager venter.";
pub const AGENDA_EMPTY: &str = "Dagsordenen er tom. Tilføj visiterede sager herunder.";
pub const ATTENDEES: &str = "Deltagere";
pub const DECIDE: &str = "Træf afgørelse";
pub const DECIDED: &str = "Afgjort";
pub const BATCH_SUGGESTED: &str = "Samlet forslag";

/// The solver's figures under a batch suggestion.
pub fn batch_figures(placed: usize, objective: i64, millis: f64, nodes: u64) -> String {
    format!(
        "{} placeret · {objective} {POINTS} · {millis:.0} ms · {}",
        count(placed as u64, "sag", "sager"),
        count(nodes, "knude", "knuder")
    )
}
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
pub const NO_ATTENDEES: &str = "ingen udvalgsmedlemmer fra barnets distrikt — tilføj dem under Fordelingsudvalg";
pub const NOT_DECIDED: &str = "Ikke afgjort";
pub const BATCH_VOID: &str =
    "Forslaget gælder ikke længere: en afgørelse afveg fra det, så resten af det kan være umuligt. Beregn et nyt.";
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
        Routing { concern, routing: r } => {
            format!("{}: {} for denne type", name(concern.to_string()), routing(*r).to_lowercase())
        }
        Expertise { concerns } => {
            format!("Erfaring med {}", concerns.iter().map(|c| name(c.to_string())).collect::<Vec<_>>().join(", "))
        }
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
/// Why the chosen person cannot take the case (any more).
pub fn not_eligible(name: &str, why: &[String]) -> String {
    if why.is_empty() {
        format!("{name} kan ikke vælges til sagen.")
    } else {
        format!("{name} kan ikke vælges til sagen nu: {}.", why.join("; "))
    }
}

/// A missing or expired certificate, e.g. "Udløbet straffeattest (fra 01-01-2024)".
pub fn certificate_problem(p: &crate::domain::person::CertificateProblem) -> String {
    use crate::domain::person::{CertificateKind, CertificateProblem};
    let cert = |k: CertificateKind| match k {
        CertificateKind::CriminalRecord => "straffeattest",
        CertificateKind::ChildRecord => "børneattest",
        CertificateKind::Confidentiality => "tavshedserklæring",
    };
    match p {
        CertificateProblem::Missing(k) => format!("Mangler {}", cert(*k)),
        CertificateProblem::Expired(k, d) => format!("Udløbet {} (fra {})", cert(*k), date(*d)),
    }
}

pub fn block(b: &crate::allocation::eligibility::Block, name: &dyn Fn(String) -> String) -> String {
    use crate::allocation::eligibility::Block::*;
    match b {
        Archived { .. } => "Arkiveret".into(),
        NotAdult { birth_year } => format!("Ikke myndig (født {birth_year})"),
        RuledOut => "Fravalgt af den unge eller sagsbehandleren".into(),
        Certificate(p) => certificate_problem(p),
        OutsideDistrict { .. } => "Klubben ligger uden for barnets distrikt og nabodistrikter".into(),
        OutsideAgeRange { age, min, max } => format!(
            "Alder {age} er uden for klubbens {}–{} år",
            min.map(|m| m.to_string()).unwrap_or_default(),
            max.map(|m| m.to_string()).unwrap_or_default()
        ),
        OutOfHours { missing } => {
            let mut parts = Vec::new();
            if missing.evenings {
                parts.push(EVENINGS.to_lowercase());
            }
            if missing.nights {
                parts.push(NIGHTS.to_lowercase());
            }
            if missing.weekends {
                parts.push(WEEKENDS.to_lowercase());
            }
            format!("Kan ikke arbejde {}", parts.join(", "))
        }
        ConcernExcluded { concern, kind } => {
            format!("{} er udelukket for {}", name(concern.to_string()), provider_kind(*kind).to_lowercase())
        }
        PersonCapacity { used, capacity, needed } => {
            format!("Kapacitet: {} + {} > {} timer", hours(*used), hours(*needed), hours(*capacity))
        }
        ClubCap { used, cap, needed, .. } => format!(
            "Klubbens loft: {} + {} > {} timer (balancen i klubberne)",
            hours(*used),
            hours(*needed),
            hours(*cap)
        ),
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
