//! A reputation provider for the pallets' mock runtimes (feature `mock`, tests only): scores
//! in a thread-local map, all decaying at the pace of one clock that tests move. One copy,
//! shared by the mocks of `pallet-voting` and `pallet-constitution`.

use std::{cell::RefCell, collections::BTreeMap};

use sp_runtime::Perbill;

use crate::{decay::CLOCK_ONE, DomainId, ReputationProvider};

thread_local! {
	static SCORES: RefCell<BTreeMap<(u64, DomainId), u128>> = const { RefCell::new(BTreeMap::new()) };
	static CLOCK: RefCell<u128> = const { RefCell::new(0) };
}

/// Reputation of `u64` accounts, set by the tests ([`MockReputation::set`]); the fastest decay
/// clock is [`MockReputation::clock`].
pub struct MockReputation;

impl MockReputation {
	/// Set `who`'s score in `domain` (zero deletes it).
	pub fn set(who: u64, domain: DomainId, score: u128) {
		SCORES.with(|scores| {
			let mut scores = scores.borrow_mut();
			if score == 0 {
				scores.remove(&(who, domain));
			} else {
				scores.insert((who, domain), score);
			}
		});
	}

	/// No scores, and the clock at zero (call it when building a test's externalities).
	pub fn reset() {
		SCORES.with(|scores| scores.borrow_mut().clear());
		CLOCK.with(|clock| *clock.borrow_mut() = 0);
	}

	/// The fastest decay clock (Q32 half-lives).
	pub fn clock() -> u128 {
		CLOCK.with(|clock| *clock.borrow())
	}

	/// Move the clock by `delta` (Q32 half-lives) without touching the scores.
	pub fn advance_clock(delta: u128) {
		CLOCK.with(|clock| {
			let mut clock = clock.borrow_mut();
			*clock = clock.saturating_add(delta);
		});
	}

	/// Let `half_lives` half-lives pass: the clock advances and every score is halved that
	/// many times, rounded down (every mock domain decays at the fastest pace).
	pub fn advance_half_lives(half_lives: u32) {
		Self::advance_clock(u128::from(half_lives).saturating_mul(CLOCK_ONE));
		SCORES.with(|scores| {
			for score in scores.borrow_mut().values_mut() {
				*score = score.checked_shr(half_lives).unwrap_or(0);
			}
		});
	}

	fn sum(filter: impl Fn(u64, DomainId) -> bool) -> u128 {
		SCORES.with(|scores| {
			scores
				.borrow()
				.iter()
				.filter(|((who, domain), _)| filter(*who, *domain))
				.fold(0u128, |acc, (_, score)| acc.saturating_add(*score))
		})
	}
}

impl ReputationProvider<u64, DomainId> for MockReputation {
	fn score(who: &u64, domain: DomainId) -> u128 {
		Self::sum(|w, d| w == *who && d == domain)
	}

	fn total_score(who: &u64) -> u128 {
		Self::sum(|w, _| w == *who)
	}

	fn weighted_score(who: &u64, weights: &[(DomainId, Perbill)]) -> u128 {
		weights.iter().fold(0u128, |acc, (domain, weight)| {
			acc.saturating_add(weight.mul_floor(Self::score(who, *domain)))
		})
	}

	fn domain_total(domain: DomainId) -> u128 {
		Self::sum(|_, d| d == domain)
	}

	fn weighted_total(weights: &[(DomainId, Perbill)]) -> u128 {
		weights.iter().fold(0u128, |acc, (domain, weight)| {
			acc.saturating_add(weight.mul_floor(Self::domain_total(*domain)))
		})
	}

	fn fastest_clock() -> u128 {
		Self::clock()
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn set_reputation(who: &u64, weights: &[(DomainId, Perbill)], amount: u128) {
		for (domain, _) in weights {
			Self::set(*who, *domain, amount);
		}
	}
}
