//! The model configuration (weights of the score) and the municipality's settings.
//! Trainers and municipalities edit these; every default can be restored.

use serde::{Deserialize, Serialize};

/// Points for each term of the score. Scores are integers; negative weights count against.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(default)]
pub struct Weights {
    /// Existing relation, per level of strength (1–3): the strongest term.
    pub relation_per_level: i64,
    /// The youth goes to the person's club.
    pub club_membership: i64,
    /// A concern the provider kind primarily takes (prefer) or should avoid.
    pub routing_prefer: i64,
    pub routing_avoid: i64,
    /// Per concern of the case that the person has experience with.
    pub expertise_per_concern: i64,
    /// Per shared interest, counted up to `interests_max`.
    pub interest_per_shared: i64,
    pub interests_max: i64,
    /// The youth wished for this person / this gender.
    pub wish_person: i64,
    pub wish_gender: i64,
    /// The youth's earlier contact person, or a sibling's.
    pub continuity_earlier: i64,
    pub continuity_sibling: i64,
    /// A language in common.
    pub language: i64,
    /// Penalty at full utilisation, scaled by the share of capacity already used.
    pub load_penalty_at_full: i64,
    /// Penalty per 100 kr of hourly rate.
    pub cost_per_100kr: i64,
}

impl Weights {
    /// Every weight's field name, in display order.
    pub const NAMES: [&'static str; 14] = [
        "relation_per_level",
        "club_membership",
        "routing_prefer",
        "routing_avoid",
        "expertise_per_concern",
        "interest_per_shared",
        "interests_max",
        "wish_person",
        "wish_gender",
        "continuity_earlier",
        "continuity_sibling",
        "language",
        "load_penalty_at_full",
        "cost_per_100kr",
    ];

    /// The weight with field name `name`.
    pub fn field_mut(&mut self, name: &str) -> Option<&mut i64> {
        Some(match name {
            "relation_per_level" => &mut self.relation_per_level,
            "club_membership" => &mut self.club_membership,
            "routing_prefer" => &mut self.routing_prefer,
            "routing_avoid" => &mut self.routing_avoid,
            "expertise_per_concern" => &mut self.expertise_per_concern,
            "interest_per_shared" => &mut self.interest_per_shared,
            "interests_max" => &mut self.interests_max,
            "wish_person" => &mut self.wish_person,
            "wish_gender" => &mut self.wish_gender,
            "continuity_earlier" => &mut self.continuity_earlier,
            "continuity_sibling" => &mut self.continuity_sibling,
            "language" => &mut self.language,
            "load_penalty_at_full" => &mut self.load_penalty_at_full,
            "cost_per_100kr" => &mut self.cost_per_100kr,
            _ => return None,
        })
    }

    pub fn get(&self, name: &str) -> Option<i64> {
        self.clone().field_mut(name).map(|v| *v)
    }
}

/// Weights are kept within ±1000 points so scores stay readable and far from overflow.
pub const MAX_WEIGHT: i64 = 1000;

impl Default for Weights {
    fn default() -> Self {
        Self {
            relation_per_level: 40,
            club_membership: 20,
            routing_prefer: 15,
            routing_avoid: -15,
            expertise_per_concern: 8,
            interest_per_shared: 4,
            interests_max: 3,
            wish_person: 30,
            wish_gender: 8,
            continuity_earlier: 20,
            continuity_sibling: 10,
            language: 6,
            load_penalty_at_full: 20,
            cost_per_100kr: 2,
        }
    }
}

/// A share of the budget paid by a cooperating municipality (Ishøj/Vallensbæk 66/33).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct CostShare {
    pub municipality: String,
    pub percent: u32,
}

/// Settings of the municipality's scheme.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(default)]
pub struct Settings {
    pub municipality: String,
    pub weights: Weights,
    /// First follow-up this many months after the start (SEL §70: 3).
    pub followup_first_months: u32,
    /// Then every this many months (6; some municipalities use 2).
    pub followup_interval_months: u32,
    /// Straffeattest and børneattest count as valid this many months.
    pub certificate_valid_months: u32,
    /// The yearly budget frame in kroner.
    pub budget_frame_kr: u64,
    pub cost_shares: Vec<CostShare>,
    /// Time limit for the batch allocation in the browser.
    pub solver_time_limit_ms: u32,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            municipality: "Kommune".into(),
            weights: Weights::default(),
            followup_first_months: 3,
            followup_interval_months: 6,
            certificate_valid_months: 24,
            budget_frame_kr: 9_000_000,
            cost_shares: Vec::new(),
            solver_time_limit_ms: 2000,
        }
    }
}

impl super::validation::Validate for Settings {
    fn validate(&self, _today: chrono::NaiveDate) -> Vec<super::validation::FieldError> {
        let mut c = super::validation::Check::new();
        c.text("municipality", &self.municipality, 80);
        c.range_u32("followup_first_months", self.followup_first_months, 1, 24);
        c.range_u32("followup_interval_months", self.followup_interval_months, 1, 24);
        c.range_u32("certificate_valid_months", self.certificate_valid_months, 1, 120);
        c.range_u32("solver_time_limit_ms", self.solver_time_limit_ms, 100, 60_000);
        for name in Weights::NAMES {
            if self.weights.get(name).is_some_and(|w| !(-MAX_WEIGHT..=MAX_WEIGHT).contains(&w)) {
                c.fail(
                    name,
                    super::validation::Problem::OutOfRange {
                        min: (-MAX_WEIGHT).to_string(),
                        max: MAX_WEIGHT.to_string(),
                    },
                );
            }
        }
        // A count, not points: how many shared interests score.
        if self.weights.interests_max < 0 {
            c.fail(
                "interests_max",
                super::validation::Problem::OutOfRange { min: "0".into(), max: MAX_WEIGHT.to_string() },
            );
        }
        let total: u32 = self.cost_shares.iter().map(|s| s.percent).sum();
        if !self.cost_shares.is_empty() && !(99..=100).contains(&total) {
            c.fail("cost_shares", super::validation::Problem::OutOfRange { min: "99".into(), max: "100".into() });
        }
        c.finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Validate;

    #[test]
    fn every_weight_name_reaches_its_field() {
        let mut w = Weights::default();
        for (i, name) in Weights::NAMES.iter().enumerate() {
            *w.field_mut(name).unwrap() = i as i64 + 100;
        }
        for (i, name) in Weights::NAMES.iter().enumerate() {
            assert_eq!(w.get(name), Some(i as i64 + 100));
        }
        assert_eq!(w.get("nope"), None);
    }

    #[test]
    fn weights_beyond_the_limit_are_refused() {
        let mut s = Settings::default();
        s.weights.wish_person = 5000;
        let errors = s.validate(chrono::NaiveDate::MIN);
        assert_eq!(errors[0].field, "wish_person");
    }

    #[test]
    fn the_number_of_interests_that_count_is_not_negative() {
        let mut s = Settings::default();
        s.weights.interests_max = -1;
        assert_eq!(s.validate(chrono::NaiveDate::MIN)[0].field, "interests_max");
        s.weights.routing_avoid = -40;
        s.weights.interests_max = 0;
        assert!(s.validate(chrono::NaiveDate::MIN).is_empty(), "a negative weight is a penalty");
    }
}
