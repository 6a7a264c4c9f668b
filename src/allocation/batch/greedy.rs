//! The first solution: greedy construction (by regret, and small cases first)
//! followed by local improvement. Everything here is deterministic.

use super::state::{Load, Model};

/// Order in which the greedy construction picks the next case.
#[derive(Debug, Clone, Copy)]
enum Order {
    /// Largest difference between the best and second-best feasible weight first
    /// (a case with a single option has the whole weight as regret).
    Regret,
    /// Fewest hours first (places many cases when capacity is scarce).
    SmallFirst,
}

/// Runs each greedy construction, improves each locally and keeps the best.
pub(crate) fn initial(m: &Model) -> Load {
    let mut best: Option<Load> = None;
    for order in [Order::Regret, Order::SmallFirst] {
        let mut load = construct(m, order);
        improve(m, &mut load);
        if best.as_ref().is_none_or(|b| load.value > b.value) {
            best = Some(load);
        }
    }
    best.unwrap_or_else(|| Load::new(m.p))
}

fn construct(m: &Model, order: Order) -> Load {
    let mut load = Load::new(m.p);
    complete(m, &mut load, order);
    load
}

/// Places unplaced cases one at a time in the given order until none fits.
fn complete(m: &Model, load: &mut Load, order: Order) {
    let n = m.n_cases();
    let mut dead = vec![false; n];
    loop {
        // (key, tie-breaker) → choice; larger key wins, earlier case wins ties.
        let mut choice: Option<(i64, usize, usize)> = None;
        for (c, dead) in dead.iter_mut().enumerate() {
            if *dead || load.of_case[c].is_some() || m.by_case[c].is_empty() {
                continue;
            }
            let h = m.p.hours[c];
            let (mut first, mut second): (Option<(usize, i64)>, i64) = (None, 0);
            for &(j, w) in &m.by_case[c] {
                if !load.fits(m.p, h, j) {
                    continue;
                }
                match first {
                    Some((_, bw)) if w <= bw => second = second.max(w),
                    Some((_, bw)) => {
                        second = second.max(bw);
                        first = Some((j, w));
                    }
                    None => first = Some((j, w)),
                }
            }
            let Some((j, w)) = first else {
                *dead = true; // capacities only shrink during construction
                continue;
            };
            let key = match order {
                Order::Regret => w - second,
                Order::SmallFirst => -h,
            };
            if choice.is_none_or(|(k, _, _)| key > k) {
                choice = Some((key, c, j));
            }
        }
        match choice {
            Some((_, c, j)) => load.place(m, c, j),
            None => return,
        }
    }
}

/// Local search: insertions, ejections, re-assignments and swaps, each applied only
/// when it strictly increases `placed * big + score`, until none applies.
pub(crate) fn improve(m: &Model, load: &mut Load) {
    for _round in 0..100 {
        let before = load.value;
        insert_direct(m, load);
        insert_by_ejection(m, load);
        reassign(m, load);
        swap(m, load);
        if load.value <= before {
            return;
        }
    }
}

pub(crate) fn insert_direct(m: &Model, load: &mut Load) {
    for c in 0..m.n_cases() {
        if load.of_case[c].is_none() {
            if let Some((j, _)) = load.best_fit(m, c, None) {
                load.place(m, c, j);
            }
        }
    }
}

/// For an unplaced case `c` and an eligible person `j`, take a case `k` off `j`, put
/// `c` on `j`, and put `k` on its best other person or leave it unplaced.
fn insert_by_ejection(m: &Model, load: &mut Load) {
    for c in 0..m.n_cases() {
        if load.of_case[c].is_some() {
            continue;
        }
        'persons: for &(j, wc) in &m.by_case[c] {
            for &(k, wk) in &m.by_person[j] {
                if load.of_case[k] != Some(j) {
                    continue;
                }
                load.remove(m, k);
                if load.fits(m.p, m.p.hours[c], j) {
                    load.place(m, c, j);
                    let moved = load.best_fit(m, k, Some(j));
                    let gain = wc - wk + moved.map_or(0, |(_, w)| w);
                    if gain > 0 {
                        if let Some((j2, _)) = moved {
                            load.place(m, k, j2);
                        }
                        break 'persons;
                    }
                    load.remove(m, c);
                }
                load.place(m, k, j);
            }
        }
    }
}

fn reassign(m: &Model, load: &mut Load) {
    for c in 0..m.n_cases() {
        let Some(j) = load.of_case[c] else { continue };
        let w = m.w(c, j);
        load.remove(m, c);
        match load.best_fit(m, c, None) {
            Some((j2, w2)) if w2 > w => load.place(m, c, j2),
            _ => load.place(m, c, j),
        }
    }
}

fn swap(m: &Model, load: &mut Load) {
    let n = m.n_cases();
    for a in 0..n {
        for b in a + 1..n {
            let (Some(ja), Some(jb)) = (load.of_case[a], load.of_case[b]) else {
                continue;
            };
            if ja == jb {
                continue;
            }
            let (wa2, wb2) = (m.w(a, jb), m.w(b, ja));
            if wa2 == super::state::NONE || wb2 == super::state::NONE {
                continue;
            }
            if wa2 + wb2 <= m.w(a, ja) + m.w(b, jb) {
                continue;
            }
            load.remove(m, a);
            load.remove(m, b);
            let ok = load.fits(m.p, m.p.hours[a], jb) && {
                load.place(m, a, jb);
                load.fits(m.p, m.p.hours[b], ja) || {
                    load.remove(m, a);
                    false
                }
            };
            if ok {
                load.place(m, b, ja);
            } else {
                load.place(m, a, ja);
                load.place(m, b, jb);
            }
        }
    }
}

/// Completes a partial assignment greedily and improves it (Lagrangian heuristic).
pub(crate) fn repair(m: &Model, load: &mut Load) {
    complete(m, load, Order::Regret);
    improve(m, load);
}
