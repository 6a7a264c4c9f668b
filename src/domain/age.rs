//! Ages, age groups and the birthdays that matter for the law (18, 23, 25).

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

/// Whole years from `birth` to `on`.
pub fn age_on(birth: NaiveDate, on: NaiveDate) -> u32 {
    let mut years = on.year() - birth.year();
    if (on.month(), on.day()) < (birth.month(), birth.day()) {
        years -= 1;
    }
    years.max(0) as u32
}

/// The date someone born on `birth` turns `years` (29 February → 1 March in other years).
pub fn birthday(birth: NaiveDate, years: u32) -> NaiveDate {
    let year = birth.year() + years as i32;
    NaiveDate::from_ymd_opt(year, birth.month(), birth.day())
        .or_else(|| NaiveDate::from_ymd_opt(year, 3, 1))
        .unwrap_or(birth)
}

/// The age groups of the klubmodel's figures (−10, 11–14, 15–17, 18−).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub enum AgeGroup {
    UpTo10,
    From11To14,
    From15To17,
    From18,
}

impl AgeGroup {
    pub const ALL: [AgeGroup; 4] = [Self::UpTo10, Self::From11To14, Self::From15To17, Self::From18];

    pub fn of(age: u32) -> Self {
        match age {
            0..=10 => Self::UpTo10,
            11..=14 => Self::From11To14,
            15..=17 => Self::From15To17,
            _ => Self::From18,
        }
    }
}

/// Birthdays with legal consequences: 18 (decide on aftercare before it), 23 (aftercare ends),
/// 25 (the municipal youth effort ends).
pub const MILESTONES: [u32; 3] = [18, 23, 25];

/// The next milestone birthday after `today`, if any.
pub fn next_milestone(birth: NaiveDate, today: NaiveDate) -> Option<(u32, NaiveDate)> {
    MILESTONES.iter().map(|&y| (y, birthday(birth, y))).find(|(_, d)| *d > today)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn age_counts_whole_years() {
        assert_eq!(age_on(d(2008, 6, 15), d(2026, 6, 14)), 17);
        assert_eq!(age_on(d(2008, 6, 15), d(2026, 6, 15)), 18);
    }

    #[test]
    fn leap_day_birthday_falls_on_first_of_march() {
        assert_eq!(birthday(d(2008, 2, 29), 18), d(2026, 3, 1));
    }

    #[test]
    fn age_groups_follow_the_klubmodel_table() {
        assert_eq!(AgeGroup::of(10), AgeGroup::UpTo10);
        assert_eq!(AgeGroup::of(11), AgeGroup::From11To14);
        assert_eq!(AgeGroup::of(17), AgeGroup::From15To17);
        assert_eq!(AgeGroup::of(18), AgeGroup::From18);
    }

    proptest! {
        #[test]
        fn age_on_the_nth_birthday_is_n(days in 0i64..30000, n in 0u32..40) {
            let birth = d(1990, 1, 1) + chrono::Duration::days(days);
            prop_assert_eq!(age_on(birth, birthday(birth, n)), n);
        }
    }
}
