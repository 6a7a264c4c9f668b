//! Committee meetings and their decisions (the audit trail).

use super::ids::{CaseId, DecisionId, MeetingId, MemberId, PersonId, ProviderId};
use super::meta::RecordMeta;
use super::validation::{Check, FieldError, Problem, Validate};
use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

/// A meeting of the fordelingsudvalg with its agenda of visited cases, in order.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Meeting {
    pub meta: RecordMeta<MeetingId>,
    pub date: NaiveDate,
    #[serde(default)]
    pub agenda: Vec<CaseId>,
    #[serde(default)]
    pub attendees: Vec<MemberId>,
    #[serde(default)]
    pub closed: bool,
}

impl Meeting {
    /// Move the agenda item at `index` one place up (`up = true`) or down; out of range is a no-op.
    pub fn move_item(&mut self, index: usize, up: bool) {
        let other = if up { index.checked_sub(1) } else { Some(index + 1) };
        if let Some(other) = other.filter(|o| *o < self.agenda.len() && index < self.agenda.len()) {
            self.agenda.swap(index, other);
        }
    }
}

impl Validate for Meeting {
    fn validate(&self, _today: NaiveDate) -> Vec<FieldError> {
        let mut c = Check::new();
        c.unique("agenda", &self.agenda);
        c.unique("attendees", &self.attendees);
        c.finish()
    }
}

/// A decision of the committee. Decisions are append-only: a new decision supersedes an older
/// one for the same case, and both stay in the audit trail.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Decision {
    pub meta: RecordMeta<DecisionId>,
    pub meeting: MeetingId,
    pub case: CaseId,
    pub person: PersonId,
    pub provider: ProviderId,
    /// The top recommendation when the decision was taken, and its score.
    #[serde(default)]
    pub recommended: Option<PersonId>,
    #[serde(default)]
    pub score: Option<i64>,
    /// Required when the choice differs from the top recommendation.
    #[serde(default)]
    pub rationale: String,
    pub decided_by: String,
    pub decided_at: NaiveDateTime,
}

impl Decision {
    pub fn departs_from_recommendation(&self) -> bool {
        self.recommended.is_some_and(|r| r != self.person)
    }
}

impl Validate for Decision {
    fn validate(&self, _today: NaiveDate) -> Vec<FieldError> {
        let mut c = Check::new();
        c.text("decided_by", &self.decided_by, 80);
        if self.departs_from_recommendation() && self.rationale.trim().is_empty() {
            c.fail("rationale", Problem::Required);
        }
        c.optional_text("rationale", &self.rationale, 1000);
        c.finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agenda_items_move_within_bounds() {
        let ids: Vec<CaseId> = (0..3).map(|_| CaseId::new()).collect();
        let mut m = Meeting {
            meta: RecordMeta::new(MeetingId::new()),
            date: NaiveDate::MIN,
            agenda: ids.clone(),
            attendees: vec![],
            closed: false,
        };
        m.move_item(0, true);
        assert_eq!(m.agenda, ids);
        m.move_item(2, true);
        assert_eq!(m.agenda, vec![ids[0], ids[2], ids[1]]);
        m.move_item(2, false);
        assert_eq!(m.agenda, vec![ids[0], ids[2], ids[1]]);
    }

    #[test]
    fn departing_from_the_recommendation_needs_a_rationale() {
        let decision = Decision {
            meta: RecordMeta::new(DecisionId::new()),
            meeting: MeetingId::new(),
            case: CaseId::new(),
            person: PersonId::new(),
            provider: ProviderId::new(),
            recommended: Some(PersonId::new()),
            score: Some(40),
            rationale: " ".into(),
            decided_by: "Udvalget".into(),
            decided_at: NaiveDate::from_ymd_opt(2026, 11, 24).unwrap().and_hms_opt(10, 0, 0).unwrap(),
        };
        assert_eq!(decision.validate(NaiveDate::MIN)[0].field, "rationale");
        let agreed = Decision { recommended: Some(decision.person), ..decision.clone() };
        assert!(agreed.validate(NaiveDate::MIN).is_empty());
    }
}
