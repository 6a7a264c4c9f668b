//! Providers (leverandører): youth clubs, the internal provider, external providers.

use super::ids::{DistrictId, ProviderId};
use super::meta::RecordMeta;
use super::validation::{Check, FieldError, Problem, Validate};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The three kinds of provider the committee chooses between.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub enum ProviderKind {
    /// Klub: pedagogues the children already know; limited capacity so the general club offer
    /// is kept ("balancen i klubberne").
    Club,
    /// Intern kontaktperson (Familiehuset / familievejledningen): salaried staff.
    Internal,
    /// Ekstern kontaktperson: hourly paid, private network or a private company.
    External,
}

impl ProviderKind {
    pub const ALL: [ProviderKind; 3] = [Self::Club, Self::Internal, Self::External];
}

/// A provider of contact persons.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Provider {
    pub meta: RecordMeta<ProviderId>,
    pub kind: ProviderKind,
    pub name: String,
    /// The club's district (required for clubs).
    #[serde(default)]
    pub district: Option<DistrictId>,
    /// Age range a club serves (e.g. 10–18).
    #[serde(default)]
    pub age_min: Option<u32>,
    #[serde(default)]
    pub age_max: Option<u32>,
    /// Cap on the provider's total contact-person hours per week (a club's balance).
    #[serde(default)]
    pub hour_cap: Option<f64>,
    /// Price per hour in kroner (for budget and the cost term).
    #[serde(default)]
    pub hourly_rate: u32,
}

impl Provider {
    /// Whether a child of `age` is within the provider's age range.
    pub fn serves_age(&self, age: u32) -> bool {
        self.age_min.is_none_or(|min| age >= min) && self.age_max.is_none_or(|max| age <= max)
    }
}

impl Validate for Provider {
    fn validate(&self, _today: NaiveDate) -> Vec<FieldError> {
        let mut c = Check::new();
        c.text("name", &self.name, 80);
        if self.kind == ProviderKind::Club && self.district.is_none() {
            c.fail("district", Problem::Required);
        }
        if let Some(min) = self.age_min {
            c.range_u32("age_min", min, 0, 30);
        }
        if let Some(max) = self.age_max {
            c.range_u32("age_max", max, 0, 30);
        }
        if let (Some(min), Some(max)) = (self.age_min, self.age_max) {
            if min > max {
                c.fail("age_max", Problem::MinAboveMax);
            }
        }
        if let Some(cap) = self.hour_cap {
            c.range_f64("hour_cap", cap, 0.0, 10_000.0);
        }
        c.range_u32("hourly_rate", self.hourly_rate, 0, 10_000);
        c.finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn club() -> Provider {
        Provider {
            meta: RecordMeta::new(ProviderId::new()),
            kind: ProviderKind::Club,
            name: "Klub Nord".into(),
            district: Some(DistrictId::new()),
            age_min: Some(10),
            age_max: Some(18),
            hour_cap: Some(30.0),
            hourly_rate: 350,
        }
    }

    #[test]
    fn a_valid_club_passes() {
        assert!(club().validate(NaiveDate::MIN).is_empty());
    }

    #[test]
    fn a_club_needs_a_district() {
        let p = Provider { district: None, ..club() };
        assert_eq!(p.validate(NaiveDate::MIN)[0].field, "district");
    }

    #[test]
    fn age_range_must_be_ordered() {
        let p = Provider { age_min: Some(15), age_max: Some(12), ..club() };
        assert_eq!(p.validate(NaiveDate::MIN)[0].problem, Problem::MinAboveMax);
        assert!(club().serves_age(10) && club().serves_age(18) && !club().serves_age(19));
    }
}
