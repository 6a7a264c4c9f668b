//! Legal bases (lovgrundlag) for contact-person cases. Data, not code: the municipality edits
//! the paragraph text (e.g. when Serviceloven's rules move into Barnets Lov).

use super::ids::LegalBasisId;
use super::meta::RecordMeta;
use super::validation::{Check, FieldError, Problem, Validate};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// What kind of scheme a legal basis is, for reports (sager, efterværn, UKN, KUI).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub enum SchemeKind {
    /// Fast kontaktperson for barnet/den unge (SEL §52 stk. 3 nr. 6).
    ContactPerson,
    /// Kontaktperson for hele familien (same paragraph).
    Family,
    /// Efterværn (SEL §76): 18–22, ends at the 23rd birthday.
    Aftercare,
    /// Forbedringsforløb fra Ungdomskriminalitetsnævnet (UKN), fast kontaktperson.
    YouthCrimeBoard,
    /// Den kommunale ungeindsats (KUI): from 8th grade until anchored in education/job or 25.
    YouthEffort,
}

impl SchemeKind {
    pub const ALL: [SchemeKind; 5] =
        [Self::ContactPerson, Self::Family, Self::Aftercare, Self::YouthCrimeBoard, Self::YouthEffort];
}

/// A legal basis with its paragraph and the ages it covers (the last year of age included).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct LegalBasis {
    pub meta: RecordMeta<LegalBasisId>,
    pub scheme: SchemeKind,
    pub name: String,
    /// The paragraph reference, e.g. "SEL §52, stk. 3, nr. 6".
    pub paragraph: String,
    #[serde(default)]
    pub age_min: Option<u32>,
    #[serde(default)]
    pub age_max: Option<u32>,
}

impl LegalBasis {
    pub fn covers_age(&self, age: u32) -> bool {
        self.age_min.is_none_or(|min| age >= min) && self.age_max.is_none_or(|max| age <= max)
    }
}

impl Validate for LegalBasis {
    fn validate(&self, _today: NaiveDate) -> Vec<FieldError> {
        let mut c = Check::new();
        c.text("name", &self.name, 120);
        c.text("paragraph", &self.paragraph, 120);
        if let (Some(min), Some(max)) = (self.age_min, self.age_max) {
            if min > max {
                c.fail("age_max", Problem::MinAboveMax);
            }
        }
        c.finish()
    }
}

/// The default legal bases from the seeds.
pub fn default_legal_bases() -> Vec<LegalBasis> {
    let make = |scheme, name: &str, paragraph: &str, age_min, age_max| LegalBasis {
        meta: RecordMeta::new(LegalBasisId::stable(name)),
        scheme,
        name: name.into(),
        paragraph: paragraph.into(),
        age_min,
        age_max,
    };
    vec![
        make(
            SchemeKind::ContactPerson,
            "Fast kontaktperson for barnet/den unge",
            "SEL §52, stk. 3, nr. 6",
            None,
            Some(17),
        ),
        make(SchemeKind::Family, "Kontaktperson for hele familien", "SEL §52, stk. 3, nr. 6", None, Some(17)),
        make(SchemeKind::Aftercare, "Efterværn", "SEL §76", Some(18), Some(22)),
        make(
            SchemeKind::YouthCrimeBoard,
            "Forbedringsforløb (UKN), fast kontaktperson",
            "Lov om bekæmpelse af ungdomskriminalitet §13, stk. 1, nr. 7",
            Some(10),
            Some(17),
        ),
        make(
            SchemeKind::YouthEffort,
            "Kommunal ungeindsats (KUI)",
            "Lov om kommunal indsats for unge under 25 år, §2 l",
            Some(13),
            Some(24),
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aftercare_covers_18_to_22_and_ends_at_23() {
        let bases = default_legal_bases();
        let aftercare = bases.iter().find(|b| b.scheme == SchemeKind::Aftercare).unwrap();
        assert!(!aftercare.covers_age(17));
        assert!(aftercare.covers_age(18) && aftercare.covers_age(22));
        assert!(!aftercare.covers_age(23));
    }

    #[test]
    fn youth_effort_ends_at_25() {
        let bases = default_legal_bases();
        let kui = bases.iter().find(|b| b.scheme == SchemeKind::YouthEffort).unwrap();
        assert!(kui.covers_age(24) && !kui.covers_age(25));
    }
}
