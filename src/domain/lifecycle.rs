//! The case lifecycle: which status moves are allowed and what each move requires.

use super::case::{Assignment, Case, CaseStatus, Ending};
use super::validation::FieldError;
use chrono::NaiveDate;
use thiserror::Error;

use CaseStatus::*;

/// Why a status move was refused.
#[derive(Clone, Debug, PartialEq, Error)]
pub enum LifecycleError {
    #[error("a case cannot move from {from:?} to {to:?}")]
    NotAllowed { from: CaseStatus, to: CaseStatus },
    #[error("the case is not fully visited")]
    NotVisited(Vec<FieldError>),
    #[error("the case has no contact person")]
    NoAssignment,
    #[error("an ending needs a date and a reason")]
    NoEnding,
    #[error("a start date is required")]
    NoStartDate,
}

/// The moves the lifecycle allows, besides ending, which any open case may do.
pub fn allowed_moves(from: CaseStatus) -> &'static [CaseStatus] {
    match from {
        Draft => &[Visited, Ended],
        Visited => &[Draft, OnAgenda, Ended],
        OnAgenda => &[Visited, Allocated, Ended],
        Allocated => &[OnAgenda, Active, Ended],
        // Re-allocation: a change of contact person goes back on the agenda, keeping history.
        Active => &[OnAgenda, Ended],
        Ended => &[],
    }
}

/// Move `case` to `to`, checking the requirements of the target status. On success the case is
/// changed; on failure it is left as it was.
pub fn move_to(case: &mut Case, to: CaseStatus) -> Result<(), LifecycleError> {
    let from = case.status;
    if !allowed_moves(from).contains(&to) {
        return Err(LifecycleError::NotAllowed { from, to });
    }
    match to {
        Visited | OnAgenda => {
            let gaps = case.visitation_gaps();
            if !gaps.is_empty() {
                return Err(LifecycleError::NotVisited(gaps));
            }
        }
        Allocated if case.assignment.is_none() => return Err(LifecycleError::NoAssignment),
        Active if case.assignment.is_none() => return Err(LifecycleError::NoAssignment),
        Active if case.start_date.is_none() => return Err(LifecycleError::NoStartDate),
        Ended if case.ending.is_none() => return Err(LifecycleError::NoEnding),
        _ => {}
    }
    // A case back on the agenda (a re-allocation) keeps its contact person until the committee
    // decides: the person works on meanwhile.
    case.status = to;
    if from == OnAgenda && to == Visited {
        take_off_agenda(case);
    }
    Ok(())
}

/// Off the agenda, undecided: a case back for another contact person returns to where it was,
/// with the person it has (`Active` if the course had started, else `Allocated`); a case never
/// allocated returns to `Visited`.
fn take_off_agenda(case: &mut Case) {
    case.status = match (case.assignment, case.start_date) {
        (Some(_), Some(_)) => Active,
        (Some(_), None) => Allocated,
        (None, _) => Visited,
    };
}

/// Record the committee's choice and move the case to `Allocated`. A course that had started
/// keeps its contact person until then in the history; an allocation that never started is
/// simply replaced.
pub fn allocate(case: &mut Case, assignment: Assignment) -> Result<(), LifecycleError> {
    if case.status != OnAgenda {
        return Err(LifecycleError::NotAllowed { from: case.status, to: Allocated });
    }
    if case.start_date.is_some() {
        close_assignment(case, assignment.from);
    }
    case.assignment = Some(assignment);
    case.status = Allocated;
    Ok(())
}

/// End the case for a reason.
pub fn end(case: &mut Case, ending: Ending) -> Result<(), LifecycleError> {
    let before = case.ending;
    case.ending = Some(ending);
    move_to(case, Ended).inspect_err(|_| case.ending = before)?;
    if case.assignment.is_some() {
        close_assignment(case, ending.date);
    }
    Ok(())
}

/// Move the current assignment into the history, ending it on `to`.
fn close_assignment(case: &mut Case, to: NaiveDate) {
    if let Some(mut a) = case.assignment.take() {
        a.to = Some(to.max(a.from));
        case.history.push(a);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::case::tests::{day, visited_case};
    use crate::domain::case::EndReason;
    use crate::domain::ids::{PersonId, ProviderId, YouthId};
    use proptest::prelude::*;

    fn assignment() -> Assignment {
        Assignment { person: PersonId::new(), provider: ProviderId::new(), from: day(2026, 10, 1), to: None }
    }

    #[test]
    fn a_draft_cannot_be_visited_with_gaps() {
        let mut case = Case::draft(YouthId::new(), day(2026, 1, 1));
        let err = move_to(&mut case, Visited).unwrap_err();
        assert!(matches!(err, LifecycleError::NotVisited(gaps) if gaps.len() == 5));
        assert_eq!(case.status, Draft);
    }

    #[test]
    fn only_visited_cases_go_on_the_agenda() {
        // Klubmodellen: "Fordelingsudvalget er ikke et visitationsforum" — the committee only
        // sees cases "når der har fundet en visitation sted".
        let mut draft = Case::draft(YouthId::new(), day(2026, 1, 1));
        assert!(matches!(move_to(&mut draft, OnAgenda), Err(LifecycleError::NotAllowed { .. })));
        let mut case = visited_case();
        assert_eq!(move_to(&mut case, OnAgenda), Ok(()));
    }

    #[test]
    fn the_whole_lifecycle_and_a_reallocation_keep_history() {
        let mut case = visited_case();
        move_to(&mut case, OnAgenda).unwrap();
        allocate(&mut case, assignment()).unwrap();
        assert_eq!(move_to(&mut case, Active), Err(LifecycleError::NoStartDate));
        case.start_date = Some(day(2026, 10, 5));
        move_to(&mut case, Active).unwrap();
        let first = case.assignment;
        // Back on the agenda for another contact person: the first works on until the decision.
        move_to(&mut case, OnAgenda).unwrap();
        assert_eq!(case.assignment, first);
        assert!(case.history.is_empty());
        let next = Assignment { from: day(2026, 10, 20), ..assignment() };
        allocate(&mut case, next).unwrap();
        assert_eq!(case.assignment, Some(next));
        assert_eq!(case.history, [Assignment { to: Some(day(2026, 10, 20)), ..first.unwrap() }]);
        end(&mut case, Ending { date: day(2026, 11, 1), reason: EndReason::GoalsMet }).unwrap();
        assert_eq!(case.status, Ended);
        assert_eq!(case.history.len(), 2);
        assert!(allowed_moves(Ended).is_empty());
    }

    #[test]
    fn a_reallocation_taken_off_the_agenda_resumes_the_course() {
        let mut case = visited_case();
        move_to(&mut case, OnAgenda).unwrap();
        // Taken off before any decision: visited again.
        move_to(&mut case, Visited).unwrap();
        assert_eq!((case.status, case.assignment), (Visited, None));
        move_to(&mut case, OnAgenda).unwrap();
        allocate(&mut case, assignment()).unwrap();
        let allocated = case.assignment;
        // Back on the agenda before it started, and off again: the allocation stands.
        move_to(&mut case, OnAgenda).unwrap();
        move_to(&mut case, Visited).unwrap();
        assert_eq!((case.status, case.assignment), (Allocated, allocated));
        case.start_date = Some(day(2026, 10, 5));
        move_to(&mut case, Active).unwrap();
        let running = case.assignment;
        move_to(&mut case, OnAgenda).unwrap();
        move_to(&mut case, Visited).unwrap();
        assert_eq!((case.status, case.assignment), (Active, running));
    }

    #[test]
    fn an_allocation_that_never_started_is_replaced_not_kept() {
        let mut case = visited_case();
        move_to(&mut case, OnAgenda).unwrap();
        allocate(&mut case, assignment()).unwrap();
        move_to(&mut case, OnAgenda).unwrap();
        let other = assignment();
        allocate(&mut case, other).unwrap();
        assert_eq!((case.assignment, case.history.len()), (Some(other), 0));
    }

    #[test]
    fn ending_without_reason_is_refused_and_changes_nothing() {
        let mut case = visited_case();
        assert_eq!(move_to(&mut case, Ended), Err(LifecycleError::NoEnding));
        assert_eq!(case.status, Visited);
    }

    fn status() -> impl Strategy<Value = CaseStatus> {
        proptest::sample::select(CaseStatus::ALL.to_vec())
    }

    proptest! {
        /// Whatever sequence of moves is tried, the case only ever takes allowed steps, and a
        /// case on the agenda or later has always been fully visited.
        #[test]
        fn random_moves_only_take_allowed_steps(moves in proptest::collection::vec(status(), 0..20), complete in any::<bool>()) {
            let mut case = if complete { visited_case() } else { Case::draft(YouthId::new(), day(2026, 1, 1)) };
            case.status = Draft;
            for to in moves {
                let before = case.status;
                if to == Allocated && case.status == OnAgenda {
                    case.assignment = Some(assignment());
                }
                if to == Active { case.start_date = Some(day(2026, 10, 2)); }
                if to == Ended { case.ending = Some(Ending { date: day(2026, 11, 1), reason: EndReason::Moved }); }
                match move_to(&mut case, to) {
                    Ok(()) => {
                        prop_assert!(allowed_moves(before).contains(&to));
                        if matches!(to, OnAgenda | Allocated | Active) {
                            prop_assert!(case.visitation_gaps().is_empty());
                        }
                    }
                    Err(_) => prop_assert_eq!(case.status, before),
                }
            }
        }
    }
}
