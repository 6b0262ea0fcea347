//! What the attester may publish: the merit each account should have, turned into attestations
//! that `reputation.attest` accepts (pallets/reputation `attest`):
//!
//! - an attestation adds points, so an account whose current score in the domain is below its
//!   merit gets the difference; one at or above it gets nothing (scores only fall by decay);
//! - the attester cannot attest itself;
//! - each attestation carries at most the attester's `max_per_attestation`;
//! - the attester keeps at most `MaxAttestationsPerAttester` attestations younger than the
//!   `RevocationWindow`: the free slots go to the largest differences;
//! - all of them together stay within what is left of the rate limit in this period and, once
//!   the domain's total is above `AttesterShareFloor`, within `MaxAttesterShare` of the total
//!   (with a margin for the decay's rounding); if they do not, they are scaled down by largest
//!   remainder.
//!
//! Everything cut is reported.

use std::{collections::BTreeMap, fmt::Display};

use sp_runtime::Perbill;

/// The attester's room, read from the chain.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
	/// Most points of one attestation.
	pub max_per_attestation: u128,
	/// Points left of the rate limit in the period of the next block.
	pub rate_left: u128,
	/// Most points the attester may add to the domain before its share bound bites (`None`:
	/// unbounded).
	pub share_room: Option<u128>,
	/// Attestations the attester's ledger has room for.
	pub slots: u32,
}

/// Why something was not published as computed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Cut<A> {
	/// The attester's own merit (`reputation.attest` refuses self-attestation).
	SelfAttestation { account: A, points: u128 },
	/// No free slot in the attester's ledger.
	NoSlot { account: A, points: u128 },
	/// Capped at `max_per_attestation`.
	MaxPerAttestation { account: A, wanted: u128, allowed: u128 },
	/// All attestations scaled down to what the rate limit or the attester share allow.
	Scaled { wanted: u128, allowed: u128, by: &'static str },
}

impl<A: Display> Display for Cut<A> {
	fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
		match self {
			Cut::SelfAttestation { account, points } => {
				write!(
					f,
					"{account}: {points} points not published (the attester cannot attest itself)"
				)
			},
			Cut::NoSlot { account, points } => write!(
				f,
				"{account}: {points} points deferred (the attester's ledger of revocable \
				 attestations is full; run again after the revocation window)"
			),
			Cut::MaxPerAttestation { account, wanted, allowed } => write!(
				f,
				"{account}: {wanted} points capped at {allowed} (the attester's maximum per \
				 attestation)"
			),
			Cut::Scaled { wanted, allowed, by } => {
				write!(f, "{wanted} points in all scaled down to {allowed} ({by})")
			},
		}
	}
}

/// The attestations to submit and what was cut.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Plan<A> {
	/// `(account, points)`, sorted by account, no zero.
	pub attest: Vec<(A, u128)>,
	/// Accounts whose score already equals their merit.
	pub unchanged: usize,
	/// Accounts whose score is above their merit (attestations cannot lower it).
	pub above: usize,
	/// What was cut, in the order it was cut.
	pub cuts: Vec<Cut<A>>,
}

/// Points the attester may still add to a domain whose total is `total`, of which it attested
/// `attested_by`, so that the pallet's check `total' ≤ floor ∨ attested_by' ≤ share · total'`
/// holds after adding them (`None` if `share` is 100 %). The share branch solves
/// `A + P ≤ s · (T + P)` for `P = (s · T − A) / (1 − s)`, rounded down.
pub fn share_room(total: u128, attested_by: u128, share: Perbill, floor: u128) -> Option<u128> {
	const BILLION: u128 = 1_000_000_000;
	let parts = u128::from(share.deconstruct());
	if parts >= BILLION {
		return None;
	}
	let floor_room = floor.saturating_sub(total);
	let share_room = share
		.mul_floor(total)
		.saturating_sub(attested_by)
		.saturating_mul(BILLION)
		.checked_div(BILLION.saturating_sub(parts))
		.unwrap_or(0);
	Some(floor_room.max(share_room))
}

/// The margin kept below [`share_room`] for `n` attestations: the chain converts points to
/// decaying units and back, which may round each up by a point; 1 % more for the decay between
/// the block read and the block the attestations land in.
pub fn margin(room: u128, n: usize) -> u128 {
	(room / 100).saturating_add(n as u128).saturating_add(1)
}

/// Plans the attestations that bring each account of `targets` up to its merit, given its
/// `current` score in the domain, the `attester` and its `limits`.
pub fn plan<A: Ord + Clone>(
	targets: &BTreeMap<A, u64>,
	current: &BTreeMap<A, u128>,
	attester: &A,
	limits: &Limits,
) -> Plan<A> {
	let mut cuts = Vec::new();
	let (mut unchanged, mut above) = (0usize, 0usize);
	let mut wanted: Vec<(A, u128)> = Vec::new();
	for (account, target) in targets {
		let target = u128::from(*target);
		let now = current.get(account).copied().unwrap_or(0);
		if target == now {
			unchanged = unchanged.saturating_add(1);
		} else if target < now {
			above = above.saturating_add(1);
		} else if account == attester {
			cuts.push(Cut::SelfAttestation {
				account: account.clone(),
				points: target.saturating_sub(now),
			});
		} else {
			wanted.push((account.clone(), target.saturating_sub(now)));
		}
	}
	// The free slots go to the largest differences (ties: the smaller account).
	let slots = limits.slots as usize;
	if wanted.len() > slots {
		wanted.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
		for (account, points) in wanted.split_off(slots) {
			cuts.push(Cut::NoSlot { account, points });
		}
		wanted.sort_by(|a, b| a.0.cmp(&b.0));
	}
	for (account, points) in wanted.iter_mut() {
		if *points > limits.max_per_attestation {
			cuts.push(Cut::MaxPerAttestation {
				account: account.clone(),
				wanted: *points,
				allowed: limits.max_per_attestation,
			});
			*points = limits.max_per_attestation;
		}
	}
	let sum: u128 = wanted.iter().map(|(_, p)| *p).sum();
	let share = limits.share_room.map(|room| room.saturating_sub(margin(room, wanted.len())));
	let (allowed, by) = match share {
		Some(room) if room < limits.rate_left => (room, "the attester's share of the domain"),
		_ => (limits.rate_left, "the attester's rate limit for this period"),
	};
	if sum > allowed {
		let scores: BTreeMap<A, u64> = wanted
			.iter()
			.map(|(a, p)| (a.clone(), u64::try_from(*p).unwrap_or(u64::MAX)))
			.collect();
		let budget = u64::try_from(allowed).unwrap_or(u64::MAX);
		wanted = ostrom_meritrank::to_points(&scores, budget)
			.into_iter()
			.map(|(a, p)| (a, u128::from(p)))
			.collect();
		cuts.push(Cut::Scaled { wanted: sum, allowed: wanted.iter().map(|(_, p)| *p).sum(), by });
	}
	wanted.retain(|(_, p)| *p > 0);
	Plan { attest: wanted, unchanged, above, cuts }
}
