//! Children and young people (børn og unge). Named by pseudonym or initials plus birth date:
//! the app never holds a CPR number.

use super::ids::{DistrictId, ProviderId, SchoolId, YouthId};
use super::meta::RecordMeta;
use super::person::Gender;
use super::validation::{Check, FieldError, Problem, Validate};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Youth {
    pub meta: RecordMeta<YouthId>,
    /// Pseudonym or initials (e.g. "E.K." or "Emma").
    pub pseudonym: String,
    pub birth_date: NaiveDate,
    #[serde(default)]
    pub gender: Option<Gender>,
    pub district: DistrictId,
    #[serde(default)]
    pub school: Option<SchoolId>,
    /// The club the youth goes to (klubmedlemskab), if any.
    #[serde(default)]
    pub club: Option<ProviderId>,
    #[serde(default)]
    pub interests: Vec<String>,
    #[serde(default)]
    pub languages: Vec<String>,
    /// Siblings known to the scheme (for continuity: a sibling's contact person).
    #[serde(default)]
    pub siblings: Vec<YouthId>,
}

impl Validate for Youth {
    fn validate(&self, today: NaiveDate) -> Vec<FieldError> {
        let mut c = Check::new();
        c.text("pseudonym", &self.pseudonym, 40);
        c.not_future("birth_date", Some(self.birth_date), today);
        if super::age::age_on(self.birth_date, today) > 30 {
            c.fail("birth_date", Problem::OutOfRange { min: "0".into(), max: "30".into() });
        }
        c.unique_text("interests", &self.interests);
        c.unique_text("languages", &self.languages);
        c.unique("siblings", &self.siblings);
        if self.siblings.contains(&self.meta.id) {
            c.fail("siblings", Problem::Duplicate);
        }
        c.finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn emma() -> Youth {
        Youth {
            meta: RecordMeta::new(YouthId::new()),
            pseudonym: "Emma".into(),
            birth_date: NaiveDate::from_ymd_opt(2010, 3, 4).unwrap(),
            gender: Some(Gender::Female),
            district: DistrictId::new(),
            school: None,
            club: None,
            interests: vec!["fodbold".into()],
            languages: vec![],
            siblings: vec![],
        }
    }

    #[test]
    fn a_cpr_number_as_pseudonym_is_refused() {
        let y = Youth { pseudonym: "040310-1234".into(), ..emma() };
        let errors = y.validate(NaiveDate::from_ymd_opt(2026, 1, 1).unwrap());
        assert_eq!(errors[0].problem, Problem::LooksLikeCpr);
    }

    #[test]
    fn birth_date_cannot_be_in_the_future() {
        let errors = emma().validate(NaiveDate::from_ymd_opt(2009, 1, 1).unwrap());
        assert_eq!(errors[0].field, "birth_date");
    }
}
