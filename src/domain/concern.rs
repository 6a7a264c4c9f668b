//! The concern vocabulary (problemstillinger) and how each concern routes to provider kinds.
//! The vocabulary is data the municipality edits, seeded from the klubmodel and Ankestyrelsen.

use super::ids::ConcernId;
use super::meta::RecordMeta;
use super::provider::ProviderKind;
use super::validation::{Check, FieldError, Validate};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// How strongly a concern points towards or away from a provider kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub enum Routing {
    /// Foretræk: this kind primarily takes such cases.
    Prefer,
    /// Neutral.
    #[default]
    Neutral,
    /// Undgå: possible, but counts against.
    Avoid,
    /// Udelukket: the municipality has decided this kind never takes such cases.
    Exclude,
}

impl Routing {
    pub const ALL: [Routing; 4] = [Self::Prefer, Self::Neutral, Self::Avoid, Self::Exclude];
}

/// One routing per provider kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct KindRouting {
    pub club: Routing,
    pub internal: Routing,
    pub external: Routing,
}

impl KindRouting {
    pub fn get(&self, kind: ProviderKind) -> Routing {
        match kind {
            ProviderKind::Club => self.club,
            ProviderKind::Internal => self.internal,
            ProviderKind::External => self.external,
        }
    }

    pub fn set(&mut self, kind: ProviderKind, routing: Routing) {
        match kind {
            ProviderKind::Club => self.club = routing,
            ProviderKind::Internal => self.internal = routing,
            ProviderKind::External => self.external = routing,
        }
    }
}

/// A concern (problemstilling), e.g. "Skoleproblematikker" or "Svært misbrug".
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Concern {
    pub meta: RecordMeta<ConcernId>,
    pub name: String,
    #[serde(default)]
    pub routing: KindRouting,
}

impl Validate for Concern {
    fn validate(&self, _today: NaiveDate) -> Vec<FieldError> {
        let mut c = Check::new();
        c.text("name", &self.name, 80);
        c.finish()
    }
}

/// The klubmodel's two lists: clubs primarily take the first, internal and external contact
/// persons the second. Everything else from Ankestyrelsen's list (tabel 5.1) starts neutral.
pub const CLUB_CONCERNS: [&str; 3] = ["Skoleproblematikker", "Fritidsinteresser", "Selvværd/ADHD/social angst"];
pub const CONTACT_PERSON_CONCERNS: [&str; 6] = [
    "Udadreagerende adfærd",
    "Dømt for kriminalitet",
    "Svært misbrug",
    "Autisme",
    "Efterværn",
    "Ungefokus ind i familiesupplering",
];
pub const NEUTRAL_CONCERNS: [&str; 22] = [
    "Depression",
    "Ensomhed",
    "Isolation",
    "Selvskade",
    "Selvmordsforsøg",
    "Spiseforstyrrelse",
    "Angst",
    "OCD",
    "Flygtninge med traumer",
    "Andre psykiske diagnoser",
    "Overvægt",
    "Sukkersyge",
    "Skolevægring",
    "Højt fravær fra skole",
    "Manglende døgnrytme",
    "Begyndende kriminalitet",
    "Hashmisbrug",
    "Andet stofmisbrug",
    "Oplevet overgreb eller voldtægt",
    "Særligt konfliktfyldte skilsmisser",
    "Konflikter i hjemmet",
    "Lav tilknytning til uddannelse/job",
];

/// The default vocabulary with the klubmodel's routing. Ids are fixed (derived from the names),
/// so every device seeds the same records.
pub fn default_concerns() -> Vec<Concern> {
    let make = |name: &str, routing: KindRouting| Concern {
        meta: RecordMeta::new(ConcernId::stable(name)),
        name: name.to_string(),
        routing,
    };
    let club = KindRouting { club: Routing::Prefer, internal: Routing::Neutral, external: Routing::Neutral };
    let person = KindRouting { club: Routing::Avoid, internal: Routing::Prefer, external: Routing::Prefer };
    CLUB_CONCERNS
        .iter()
        .map(|n| make(n, club))
        .chain(CONTACT_PERSON_CONCERNS.iter().map(|n| make(n, person)))
        .chain(NEUTRAL_CONCERNS.iter().map(|n| make(n, KindRouting::default())))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_klubmodel_lists_route_as_the_seed_says() {
        // "klubberne primært tage sig af opgaver vedrørende: Skoleproblematikker ..."
        let all = default_concerns();
        let school = all.iter().find(|c| c.name == "Skoleproblematikker").unwrap();
        assert_eq!(school.routing.get(ProviderKind::Club), Routing::Prefer);
        // "Kontaktpersonerne i Familiehuset og eksterne kontaktpersoner tager sig derfor
        // primært af sager vedrørende: ... Svært misbrug"
        let abuse = all.iter().find(|c| c.name == "Svært misbrug").unwrap();
        assert_eq!(abuse.routing.get(ProviderKind::Internal), Routing::Prefer);
        assert_eq!(abuse.routing.get(ProviderKind::External), Routing::Prefer);
        assert_eq!(abuse.routing.get(ProviderKind::Club), Routing::Avoid);
    }

    #[test]
    fn the_default_vocabulary_has_unique_names() {
        let all = default_concerns();
        let mut names: Vec<_> = all.iter().map(|c| c.name.to_lowercase()).collect();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), all.len());
    }
}
