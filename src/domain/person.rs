//! Contact persons (kontaktpersoner) and what the law asks of them before they start.

use super::ids::{ConcernId, Id, PersonId, ProviderId};
use super::meta::RecordMeta;
use super::validation::{Check, FieldError, Problem, Validate};
use chrono::{Datelike, Months, NaiveDate};
use serde::{Deserialize, Serialize};

/// Gender (køn), used for the youth's wishes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub enum Gender {
    Female,
    Male,
    Other,
}

impl Gender {
    pub const ALL: [Gender; 3] = [Self::Female, Self::Male, Self::Other];
}

/// Times outside normal working hours (Ankestyrelsen: "aftener, nætter og weekender").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct OutOfHours {
    #[serde(default)]
    pub evenings: bool,
    #[serde(default)]
    pub nights: bool,
    #[serde(default)]
    pub weekends: bool,
}

impl OutOfHours {
    /// Whether `self` (what someone can do) covers all of `need`.
    pub fn covers(&self, need: &OutOfHours) -> bool {
        (!need.evenings || self.evenings) && (!need.nights || self.nights) && (!need.weekends || self.weekends)
    }

    pub fn any(&self) -> bool {
        self.evenings || self.nights || self.weekends
    }
}

/// The certificates a contact person needs, each with the date it was issued or signed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Certificates {
    /// Straffeattest (criminal record).
    #[serde(default)]
    pub criminal_record: Option<NaiveDate>,
    /// Børneattest (child-protection record), needed where the child is under 15.
    #[serde(default)]
    pub child_record: Option<NaiveDate>,
    /// Tavshedserklæring (confidentiality declaration).
    #[serde(default)]
    pub confidentiality: Option<NaiveDate>,
}

/// A certificate that is missing or too old.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub enum CertificateKind {
    CriminalRecord,
    ChildRecord,
    Confidentiality,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub enum CertificateProblem {
    Missing(CertificateKind),
    Expired(CertificateKind, NaiveDate),
}

impl Certificates {
    /// What is missing or expired for work with a child of `child_age` on `on`, when records
    /// are valid for `valid_months` (the confidentiality declaration never expires).
    pub fn problems(&self, child_age: u32, on: NaiveDate, valid_months: u32) -> Vec<CertificateProblem> {
        let mut out = Vec::new();
        let mut need = |kind, date: Option<NaiveDate>, expires: bool| match date {
            None => out.push(CertificateProblem::Missing(kind)),
            Some(d) if expires && d.checked_add_months(Months::new(valid_months)).is_some_and(|end| end <= on) => {
                out.push(CertificateProblem::Expired(kind, d))
            }
            Some(_) => {}
        };
        need(CertificateKind::CriminalRecord, self.criminal_record, true);
        if child_age < 15 {
            need(CertificateKind::ChildRecord, self.child_record, true);
        }
        need(CertificateKind::Confidentiality, self.confidentiality, false);
        out
    }
}

/// A contact person at a provider.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct ContactPerson {
    pub meta: RecordMeta<PersonId>,
    pub provider: ProviderId,
    pub name: String,
    #[serde(default)]
    pub gender: Option<Gender>,
    #[serde(default)]
    pub birth_year: Option<i32>,
    /// Professional background (faglig baggrund), e.g. "pædagog", "socialrådgiver".
    #[serde(default)]
    pub background: String,
    /// Concerns the person has experience with (erfaring med problemstillingen).
    #[serde(default)]
    pub expertise: Vec<ConcernId>,
    #[serde(default)]
    pub interests: Vec<String>,
    #[serde(default)]
    pub languages: Vec<String>,
    #[serde(default)]
    pub availability: OutOfHours,
    /// Hours per week the person can take as contact person.
    pub capacity_hours: f64,
    #[serde(default)]
    pub certificates: Certificates,
}

impl ContactPerson {
    /// Adult on `today` (the law requires an adult contact person); unknown counts as adult.
    pub fn is_adult(&self, today: NaiveDate) -> bool {
        self.birth_year.is_none_or(|y| today.year() - y >= 18)
    }
}

impl Validate for ContactPerson {
    fn validate(&self, today: NaiveDate) -> Vec<FieldError> {
        let mut c = Check::new();
        c.text("name", &self.name, 80);
        if self.provider.is_unset() {
            c.fail("provider", Problem::Required);
        }
        c.optional_text("background", &self.background, 120);
        c.range_f64("capacity_hours", self.capacity_hours, 0.0, 48.0);
        if let Some(y) = self.birth_year {
            if !(1930..=today.year() - 18).contains(&y) {
                c.fail("birth_year", Problem::OutOfRange { min: "1930".into(), max: (today.year() - 18).to_string() });
            }
        }
        c.unique("expertise", &self.expertise);
        c.text_list("interests", &self.interests, 80);
        c.text_list("languages", &self.languages, 80);
        let certs = &self.certificates;
        c.not_future("certificates.criminal_record", certs.criminal_record, today);
        c.not_future("certificates.child_record", certs.child_record, today);
        c.not_future("certificates.confidentiality", certs.confidentiality, today);
        c.finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn child_record_is_needed_only_under_15() {
        let certs = Certificates {
            criminal_record: Some(d(2026, 1, 1)),
            child_record: None,
            confidentiality: Some(d(2026, 1, 1)),
        };
        assert_eq!(
            certs.problems(14, d(2026, 6, 1), 24),
            vec![CertificateProblem::Missing(CertificateKind::ChildRecord)]
        );
        assert!(certs.problems(15, d(2026, 6, 1), 24).is_empty());
    }

    #[test]
    fn records_expire_after_the_configured_months() {
        let certs = Certificates {
            criminal_record: Some(d(2024, 6, 1)),
            child_record: None,
            confidentiality: Some(d(2010, 1, 1)),
        };
        assert_eq!(
            certs.problems(16, d(2026, 6, 1), 24),
            vec![CertificateProblem::Expired(CertificateKind::CriminalRecord, d(2024, 6, 1))]
        );
        assert!(certs.problems(16, d(2026, 5, 31), 24).is_empty());
    }

    #[test]
    fn availability_must_cover_every_need() {
        let can = OutOfHours { evenings: true, nights: false, weekends: true };
        assert!(can.covers(&OutOfHours { evenings: true, nights: false, weekends: false }));
        assert!(!can.covers(&OutOfHours { evenings: false, nights: true, weekends: false }));
    }
}
