//! The instance format (serde types), its validation, and the indexed integer
//! [`Problem`] the solver works on.
//!
//! Validation never panics: every defect in the input becomes an [`InstanceError`].

use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use thiserror::Error;

/// A batch allocation instance, exactly the public JSON format (see the module
/// documentation of [`crate::allocation::batch`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Instance {
    pub cases: Vec<CaseInput>,
    pub persons: Vec<PersonInput>,
    #[serde(default)]
    pub groups: Vec<GroupInput>,
    #[serde(default)]
    pub scores: Vec<ScoreInput>,
    #[serde(default)]
    pub pinned: Vec<PinInput>,
}

/// A case (a citizen needing a contact person) and its weekly hours.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CaseInput {
    pub id: String,
    pub hours: f64,
}

/// A contact person, their hour capacity and optionally their group (club).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PersonInput {
    pub id: String,
    pub capacity_hours: f64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
}

/// A group (club) whose hour cap is shared by its persons.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GroupInput {
    pub id: String,
    pub capacity_hours: f64,
}

/// An eligible (case, person) pair and its score.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScoreInput {
    pub case: String,
    pub person: String,
    pub score: i64,
}

/// A forced (case, person) pair.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PinInput {
    pub case: String,
    pub person: String,
}

/// Everything that can be wrong with an instance.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum InstanceError {
    #[error("invalid instance JSON: {0}")]
    Json(String),
    #[error("duplicate case id {0:?}")]
    DuplicateCase(String),
    #[error("duplicate person id {0:?}")]
    DuplicatePerson(String),
    #[error("duplicate group id {0:?}")]
    DuplicateGroup(String),
    #[error("person {person:?} belongs to unknown group {group:?}")]
    UnknownGroup { person: String, group: String },
    #[error("{context} refers to unknown case {case:?}")]
    UnknownCase { context: &'static str, case: String },
    #[error("{context} refers to unknown person {person:?}")]
    UnknownPerson { context: &'static str, person: String },
    #[error("more than one score for case {case:?} and person {person:?}")]
    DuplicateScore { case: String, person: String },
    #[error("case {0:?} has negative or non-finite hours")]
    InvalidHours(String),
    #[error("person {0:?} has negative or non-finite capacity_hours")]
    InvalidPersonCapacity(String),
    #[error("group {0:?} has negative or non-finite capacity_hours")]
    InvalidGroupCapacity(String),
    #[error("hours of {0:?} are too large (limit {MAX_HOURS} hours)")]
    HoursTooLarge(String),
    #[error("score of case {case:?} and person {person:?} is outside ±{MAX_ABS_SCORE}")]
    ScoreTooLarge { case: String, person: String },
    #[error("too many cases for the score range: the combined objective would lose precision")]
    ObjectiveTooLarge,
    #[error("case {0:?} is pinned more than once")]
    CasePinnedTwice(String),
    #[error("pinned cases need {needed_hours} hours of person {person:?}, who has {capacity_hours}")]
    PinsExceedPersonCapacity { person: String, needed_hours: f64, capacity_hours: f64 },
    #[error("pinned cases need {needed_hours} hours of group {group:?}, which has {capacity_hours}")]
    PinsExceedGroupCapacity { group: String, needed_hours: f64, capacity_hours: f64 },
}

/// Largest accepted hour value (cases and capacities).
pub const MAX_HOURS: f64 = 1.0e9;
/// Largest accepted absolute score.
pub const MAX_ABS_SCORE: i64 = 1_000_000_000;
/// The combined objective `placed * big + score` must stay below this so the
/// floating-point bound arithmetic is exact enough (2^50).
const MAX_COMBINED: i64 = 1 << 50;

/// Hours as exact integer hundredths (`7.25` → `725`).
pub(crate) fn to_hundredths(hours: f64) -> Option<i64> {
    if !(0.0..=MAX_HOURS).contains(&hours) {
        return None;
    }
    Some((hours * 100.0).round() as i64)
}

fn hours_of(h: i64) -> f64 {
    h as f64 / 100.0
}

/// The validated, indexed instance. Indices follow input order.
///
/// Pinned cases are already applied: `person_cap` and `group_cap` are what is
/// left after the pins, and `by_case` holds only the pairs of unpinned cases that
/// could fit an otherwise empty person and group.
#[derive(Debug, Clone)]
pub(crate) struct Problem {
    /// Hours per case, in hundredths.
    pub hours: Vec<i64>,
    /// Remaining capacity per person after pins, in hundredths.
    pub person_cap: Vec<i64>,
    pub person_group: Vec<Option<usize>>,
    /// Remaining capacity per group after pins, in hundredths.
    pub group_cap: Vec<i64>,
    /// Full capacity per person and per group (before pins), in hundredths.
    pub person_total: Vec<i64>,
    pub group_total: Vec<i64>,
    /// Per case: the person it is pinned to, if any.
    pub pinned: Vec<Option<usize>>,
    /// Per case: the score of every scored pair `(person, score)`, in input order.
    pub scored: Vec<Vec<(usize, i64)>>,
    /// Per unpinned case: the pairs `(person, score)` that could ever fit, sorted by person.
    pub by_case: Vec<Vec<(usize, i64)>>,
    /// Weight of one placed case; larger than any possible score difference.
    pub big: i64,
}

impl Problem {
    pub fn n_cases(&self) -> usize {
        self.hours.len()
    }

    pub fn n_persons(&self) -> usize {
        self.person_cap.len()
    }

    /// Score of a pair, 0 for a pinned pair without a score entry.
    pub fn score(&self, case: usize, person: usize) -> i64 {
        self.scored[case].iter().find(|&&(p, _)| p == person).map_or(0, |&(_, s)| s)
    }
}

fn index<'a, E>(ids: impl Iterator<Item = &'a str>, dup: impl Fn(String) -> E) -> Result<HashMap<&'a str, usize>, E> {
    let mut map = HashMap::new();
    for (k, id) in ids.enumerate() {
        if map.insert(id, k).is_some() {
            return Err(dup(id.to_string()));
        }
    }
    Ok(map)
}

impl Instance {
    /// Parses the public JSON format.
    pub fn from_json(text: &str) -> Result<Self, InstanceError> {
        serde_json::from_str(text).map_err(|e| InstanceError::Json(e.to_string()))
    }

    /// Validates the instance and builds the indexed integer problem.
    pub(crate) fn prepare(&self) -> Result<Problem, InstanceError> {
        let case_ix = index(self.cases.iter().map(|c| c.id.as_str()), InstanceError::DuplicateCase)?;
        let person_ix = index(self.persons.iter().map(|p| p.id.as_str()), InstanceError::DuplicatePerson)?;
        let group_ix = index(self.groups.iter().map(|g| g.id.as_str()), InstanceError::DuplicateGroup)?;

        let check = |h: f64, bad: InstanceError, id: &str| match to_hundredths(h) {
            Some(v) => Ok(v),
            None if h.is_finite() && h > MAX_HOURS => Err(InstanceError::HoursTooLarge(id.to_string())),
            None => Err(bad),
        };
        let hours = self
            .cases
            .iter()
            .map(|c| check(c.hours, InstanceError::InvalidHours(c.id.clone()), &c.id))
            .collect::<Result<Vec<_>, _>>()?;
        let mut person_cap = self
            .persons
            .iter()
            .map(|p| check(p.capacity_hours, InstanceError::InvalidPersonCapacity(p.id.clone()), &p.id))
            .collect::<Result<Vec<_>, _>>()?;
        let mut group_cap = self
            .groups
            .iter()
            .map(|g| check(g.capacity_hours, InstanceError::InvalidGroupCapacity(g.id.clone()), &g.id))
            .collect::<Result<Vec<_>, _>>()?;
        let person_group = self
            .persons
            .iter()
            .map(|p| match &p.group {
                None => Ok(None),
                Some(g) => group_ix
                    .get(g.as_str())
                    .copied()
                    .map(Some)
                    .ok_or_else(|| InstanceError::UnknownGroup { person: p.id.clone(), group: g.clone() }),
            })
            .collect::<Result<Vec<_>, _>>()?;

        let find_case = |context, id: &str| {
            case_ix.get(id).copied().ok_or_else(|| InstanceError::UnknownCase { context, case: id.to_string() })
        };
        let find_person = |context, id: &str| {
            person_ix.get(id).copied().ok_or_else(|| InstanceError::UnknownPerson { context, person: id.to_string() })
        };

        let mut scored: Vec<Vec<(usize, i64)>> = vec![Vec::new(); hours.len()];
        for s in &self.scores {
            let c = find_case("a score", &s.case)?;
            let p = find_person("a score", &s.person)?;
            if s.score.abs() > MAX_ABS_SCORE {
                return Err(InstanceError::ScoreTooLarge { case: s.case.clone(), person: s.person.clone() });
            }
            if scored[c].iter().any(|&(q, _)| q == p) {
                return Err(InstanceError::DuplicateScore { case: s.case.clone(), person: s.person.clone() });
            }
            scored[c].push((p, s.score));
        }

        let mut pinned = vec![None; hours.len()];
        for pin in &self.pinned {
            let c = find_case("a pin", &pin.case)?;
            let p = find_person("a pin", &pin.person)?;
            if pinned[c].replace(p).is_some() {
                return Err(InstanceError::CasePinnedTwice(pin.case.clone()));
            }
        }
        // Apply pins; report the first person, then group, whose capacity they exceed.
        let original_person = person_cap.clone();
        let original_group = group_cap.clone();
        for (c, pin) in pinned.iter().enumerate() {
            if let Some(p) = *pin {
                person_cap[p] -= hours[c];
                if let Some(g) = person_group[p] {
                    group_cap[g] -= hours[c];
                }
            }
        }
        if let Some(p) = (0..person_cap.len()).find(|&p| person_cap[p] < 0) {
            return Err(InstanceError::PinsExceedPersonCapacity {
                person: self.persons[p].id.clone(),
                needed_hours: hours_of(original_person[p] - person_cap[p]),
                capacity_hours: hours_of(original_person[p]),
            });
        }
        if let Some(g) = (0..group_cap.len()).find(|&g| group_cap[g] < 0) {
            return Err(InstanceError::PinsExceedGroupCapacity {
                group: self.groups[g].id.clone(),
                needed_hours: hours_of(original_group[g] - group_cap[g]),
                capacity_hours: hours_of(original_group[g]),
            });
        }

        // `big` exceeds twice the largest possible |score sum| of the unpinned cases, so one
        // more placed case always outweighs any score difference and a combined value
        // decomposes uniquely into (placed, score).
        let mut spread: i64 = 0;
        for (c, list) in scored.iter().enumerate() {
            if pinned[c].is_none() {
                spread += list.iter().map(|&(_, s)| s.abs()).max().unwrap_or(0);
            }
        }
        let big = 2 * spread + 1;
        let free = pinned.iter().filter(|p| p.is_none()).count() as i64;
        if big.checked_mul(free + 1).is_none_or(|v| v > MAX_COMBINED) {
            return Err(InstanceError::ObjectiveTooLarge);
        }

        let by_case = (0..hours.len())
            .map(|c| {
                if pinned[c].is_some() {
                    return Vec::new();
                }
                let mut list: Vec<(usize, i64)> = scored[c]
                    .iter()
                    .copied()
                    .filter(|&(p, _)| {
                        hours[c] <= person_cap[p] && person_group[p].is_none_or(|g| hours[c] <= group_cap[g])
                    })
                    .collect();
                list.sort_by_key(|&(p, _)| p);
                list
            })
            .collect();

        Ok(Problem {
            hours,
            person_cap,
            person_group,
            group_cap,
            person_total: original_person,
            group_total: original_group,
            pinned,
            scored,
            by_case,
            big,
        })
    }
}
