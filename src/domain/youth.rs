//! Children and young people (børn og unge). Named by pseudonym or initials plus birth date:
//! the app never holds a CPR number.

use super::ids::{DistrictId, Id, ProviderId, SchoolId, YouthId};
use super::legal::LegalBasis;
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
        if self.district.is_unset() {
            c.fail("district", Problem::Required);
        }
        c.not_future("birth_date", Some(self.birth_date), today);
        c.not_before("birth_date", Some(self.birth_date), earliest_birth_date(today));
        c.text_list("interests", &self.interests, 80);
        c.text_list("languages", &self.languages, 80);
        c.unique("siblings", &self.siblings);
        if self.siblings.contains(&self.meta.id) {
            c.fail("siblings", Problem::Duplicate);
        }
        c.finish()
    }
}

/// The oldest a youth of the scheme can be.
pub const MAX_AGE: u32 = 30;

/// The earliest birth date of someone at most [`MAX_AGE`] years old on `today`.
pub fn earliest_birth_date(today: NaiveDate) -> Option<NaiveDate> {
    today.checked_sub_months(chrono::Months::new((MAX_AGE + 1) * 12)).and_then(|d| d.succ_opt())
}

/// The rules between a case and its youth: the case is not visited or started before the
/// youth was born (the records are checked one by one by their own [`Validate`]; a case is
/// received today or earlier, and a birth date cannot lie in the future).
pub fn case_against_youth(case: &super::case::Case, youth: &Youth, legal: Option<&LegalBasis>) -> Vec<FieldError> {
    let mut c = Check::new();
    let born = Some(youth.birth_date);
    c.not_before("visitation_date", case.visitation_date, born);
    c.not_before("start_date", case.start_date, born);
    // The legal basis must cover the youth's age when the course starts (aftercare from 18, KUI
    // until 25, …). Before it starts, the age at visitation may be up to a year short of the
    // lower limit (aftercare is decided before the 18th birthday). A later birthday is a
    // transition to watch, not an error.
    if let Some(legal) = legal {
        let (on, ahead) = match case.start_date {
            Some(start) => (start, 0),
            None => (case.visitation_date.unwrap_or(case.received), 1),
        };
        let age = super::age::age_on(youth.birth_date, on);
        let covered = legal.age_max.is_none_or(|max| age <= max) && legal.age_min.is_none_or(|min| age + ahead >= min);
        if !covered {
            c.fail("legal_basis", Problem::AgeNotCovered { age, min: legal.age_min, max: legal.age_max });
        }
    }
    c.finish()
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
    fn a_cpr_number_or_a_long_text_in_a_list_is_refused() {
        let today = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
        let problems = |y: Youth| y.validate(today).into_iter().map(|e| (e.field, e.problem)).collect::<Vec<_>>();
        let cpr = Youth { interests: vec!["fodbold".into(), "0101901234".into()], ..emma() };
        assert_eq!(problems(cpr), [("interests", Problem::LooksLikeCpr)]);
        let spaced = Youth { languages: vec!["010190 1234".into()], ..emma() };
        assert_eq!(problems(spaced), [("languages", Problem::LooksLikeCpr)]);
        let long = Youth { interests: vec!["x".repeat(81)], ..emma() };
        assert_eq!(problems(long), [("interests", Problem::TooLong { max: 80 })]);
    }

    #[test]
    fn a_youth_is_at_most_30_and_has_a_district() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
        let born = |y, m, d| Youth { birth_date: NaiveDate::from_ymd_opt(y, m, d).unwrap(), ..emma() };
        assert!(born(1995, 11, 26).validate(today).is_empty(), "30 until tomorrow");
        let errors = born(1995, 11, 25).validate(today);
        assert_eq!(errors[0].field, "birth_date", "31 today");
        assert_eq!(errors[0].problem, Problem::Before(NaiveDate::from_ymd_opt(1995, 11, 26).unwrap()));
        let unset = Youth { district: DistrictId::unset(), ..emma() };
        assert_eq!(unset.validate(today)[0], FieldError { field: "district", problem: Problem::Required });
    }

    #[test]
    fn a_case_is_not_visited_or_started_before_the_youth_was_born() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
        let youth = emma();
        let mut case = super::super::case::Case::draft(youth.meta.id, today);
        assert!(case_against_youth(&case, &youth, None).is_empty());
        case.visitation_date = NaiveDate::from_ymd_opt(2005, 1, 1);
        case.start_date = NaiveDate::from_ymd_opt(2010, 3, 3);
        let fields: Vec<&str> = case_against_youth(&case, &youth, None).iter().map(|e| e.field).collect();
        assert_eq!(fields, ["visitation_date", "start_date"]);
    }

    #[test]
    fn the_legal_basis_must_cover_the_age_at_visitation() {
        let aftercare = crate::domain::legal::default_legal_bases()
            .into_iter()
            .find(|l| l.age_min == Some(18))
            .expect("aftercare is seeded from 18");
        let youth = emma(); // born 2010-03-04
        let visited = |y, m, d| super::super::case::Case {
            visitation_date: NaiveDate::from_ymd_opt(y, m, d),
            ..super::super::case::Case::draft(youth.meta.id, NaiveDate::from_ymd_opt(2023, 1, 1).unwrap())
        };
        let errors = case_against_youth(&visited(2023, 6, 1), &youth, Some(&aftercare));
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].field, "legal_basis");
        assert!(matches!(errors[0].problem, Problem::AgeNotCovered { age: 13, min: Some(18), .. }));
        assert!(case_against_youth(&visited(2028, 6, 1), &youth, Some(&aftercare)).is_empty(), "18 at visitation");
        let before_18 = visited(2027, 12, 1);
        assert!(case_against_youth(&before_18, &youth, Some(&aftercare)).is_empty(), "decided before the birthday");
        let started_at_17 = super::super::case::Case { start_date: NaiveDate::from_ymd_opt(2028, 1, 1), ..before_18 };
        assert_eq!(case_against_youth(&started_at_17, &youth, Some(&aftercare)).len(), 1, "but not started before it");
    }

    #[test]
    fn birth_date_cannot_be_in_the_future() {
        let errors = emma().validate(NaiveDate::from_ymd_opt(2009, 1, 1).unwrap());
        assert_eq!(errors[0].field, "birth_date");
    }
}
