//! The municipality's organisation: districts, schools and the committee's members.

use super::ids::{DistrictId, Id, MemberId, SchoolId};
use super::meta::RecordMeta;
use super::validation::{Check, FieldError, Problem, Validate};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A school district (skoledistrikt). Clubs serve their own district and its neighbours.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct District {
    pub meta: RecordMeta<DistrictId>,
    pub name: String,
    /// Districts whose children a club in this district may also take (nabodistrikter).
    #[serde(default)]
    pub neighbours: Vec<DistrictId>,
}

impl Validate for District {
    fn validate(&self, _today: NaiveDate) -> Vec<FieldError> {
        let mut c = Check::new();
        c.text("name", &self.name, 80);
        c.unique("neighbours", &self.neighbours);
        if self.neighbours.contains(&self.meta.id) {
            c.fail("neighbours", super::validation::Problem::Duplicate);
        }
        c.finish()
    }
}

/// A school (skole) in a district.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct School {
    pub meta: RecordMeta<SchoolId>,
    pub name: String,
    pub district: DistrictId,
}

impl Validate for School {
    fn validate(&self, _today: NaiveDate) -> Vec<FieldError> {
        let mut c = Check::new();
        c.text("name", &self.name, 80);
        if self.district.is_unset() {
            c.fail("district", Problem::Required);
        }
        c.finish()
    }
}

/// The four leader roles of the committee (klubmodellen: "1 leder fra hhv. skolerne,
/// klubberne, myndighed og intern udfører").
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub enum CommitteeRole {
    /// Skoleleder.
    School,
    /// Klubleder.
    Club,
    /// Myndighed (the children's services authority).
    Authority,
    /// Intern udfører (Familiehuset / familievejledningen).
    Internal,
}

impl CommitteeRole {
    pub const ALL: [CommitteeRole; 4] = [Self::School, Self::Club, Self::Authority, Self::Internal];
}

/// A member of the committee. School and club leaders belong to a district and take part in
/// the cases from their district; members without a district are standing members.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct CommitteeMember {
    pub meta: RecordMeta<MemberId>,
    pub name: String,
    pub role: CommitteeRole,
    #[serde(default)]
    pub district: Option<DistrictId>,
}

impl Validate for CommitteeMember {
    fn validate(&self, _today: NaiveDate) -> Vec<FieldError> {
        let mut c = Check::new();
        c.text("name", &self.name, 80);
        if matches!(self.role, CommitteeRole::School | CommitteeRole::Club) && self.district.is_none() {
            c.fail("district", super::validation::Problem::Required);
        }
        c.finish()
    }
}

/// Who should attend for a case from `district`: the school and club leaders of that district
/// plus every standing member (authority and internal provider).
pub fn attendees_for(members: &[CommitteeMember], district: DistrictId) -> Vec<&CommitteeMember> {
    members
        .iter()
        .filter(|m| !m.meta.archived)
        .filter(|m| match m.role {
            CommitteeRole::School | CommitteeRole::Club => m.district == Some(district),
            CommitteeRole::Authority | CommitteeRole::Internal => true,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn member(role: CommitteeRole, district: Option<DistrictId>) -> CommitteeMember {
        CommitteeMember { meta: RecordMeta::new(MemberId::new()), name: "X".into(), role, district }
    }

    #[test]
    fn the_district_leaders_and_standing_members_attend() {
        // Klubmodellen: "Det vil være den relevante skoleleder og klubleder fra det distrikt,
        // barnet/den unge kommer fra, der deltager i fordelingsudvalget."
        let (north, south) = (DistrictId::new(), DistrictId::new());
        let members = vec![
            member(CommitteeRole::School, Some(north)),
            member(CommitteeRole::School, Some(south)),
            member(CommitteeRole::Club, Some(north)),
            member(CommitteeRole::Authority, None),
            member(CommitteeRole::Internal, None),
        ];
        let who = attendees_for(&members, north);
        assert_eq!(who.len(), 4);
        assert!(who.iter().all(|m| m.district != Some(south)));
    }

    #[test]
    fn a_school_leader_needs_a_district() {
        let errors = member(CommitteeRole::School, None).validate(NaiveDate::MIN);
        assert_eq!(errors[0].field, "district");
    }
}
