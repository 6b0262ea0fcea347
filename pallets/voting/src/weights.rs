//! Weights for `pallet_voting`.
//!
//! **ESTIMATES.** These numbers were written by hand from the storage accesses of each call and
//! the measured weights of the comparable `pallet_conviction_voting` calls (polkadot-sdk
//! `stable2609`, kitchensink runtime); they have NOT been generated on reference hardware.
//! Regenerate them before a production release with a release build of the node that has the
//! benchmark CLI:
//!
//! ```text
//! cargo build --release -p ostrom-node --features runtime-benchmarks
//! ostrom-node benchmark pallet --chain dev --pallet pallet_voting --extrinsic '*' \
//!     --steps 50 --repeat 20 --output pallets/voting/src/weights.rs --template <pallet template>
//! ```
//!
//! Components: `r` is the number of votes of the account whose record the call rewrites (for
//! `delegate`, `undelegate` and `refresh_delegation`: of the delegate, whose ballots are
//! re-weighed), `s` the number of votes of the delegator (whose overrides are updated).
//!
//! The storage-read/-write counts and proof sizes below are the worst cases over the schemes,
//! with 32-byte accounts, a `u128` balance, `u32` poll indices, `u16` classes,
//! `MaxVotes = 64`, `MaxClasses = 16`, 8 weighted reputation domains (2 reads each) and the
//! `Scheduler::Agenda` proof of the kitchensink runtime (which `pallet-referenda` touches when
//! a tally changes). Reads are the reputation path's (weighted scores), writes the token
//! path's (the freeze).

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use frame_support::{traits::Get, weights::{Weight, constants::RocksDbWeight}};
use core::marker::PhantomData;

/// Weight functions needed for `pallet_voting`.
pub trait WeightInfo {
	fn vote_new(r: u32, ) -> Weight;
	fn vote_same_block(r: u32, ) -> Weight;
	fn vote_existing(r: u32, ) -> Weight;
	fn remove_vote(r: u32, ) -> Weight;
	fn remove_other_vote(r: u32, ) -> Weight;
	fn delegate(r: u32, s: u32, ) -> Weight;
	fn undelegate(r: u32, s: u32, ) -> Weight;
	fn refresh_delegation(r: u32, s: u32, ) -> Weight;
	fn unlock(r: u32, ) -> Weight;
	fn recuse(r: u32, ) -> Weight;
	fn void_ballots(v: u32, ) -> Weight;
	fn reweigh_ballots(v: u32, ) -> Weight;
}

/// Weights for `pallet_voting` using the Substrate node and recommended hardware
/// (hand-estimated, see the module documentation).
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Storage: `Referenda::ReferendumInfoFor` (r:1 w:1)
	/// Proof: `Referenda::ReferendumInfoFor` (`max_values`: None, `max_size`: Some(439), added: 2914, mode: `MaxEncodedLen`)
	/// Storage: `Voting::VotingFor` (r:2 w:1)
	/// Proof: `Voting::VotingFor` (`max_values`: None, `max_size`: Some(8314), added: 10789, mode: `MaxEncodedLen`)
	/// Storage: `Voting::Overrides` (r:2 w:1)
	/// Proof: `Voting::Overrides` (`max_values`: None, `max_size`: Some(68), added: 2543, mode: `MaxEncodedLen`)
	/// Storage: `Reputation::Domains` (r:8 w:0)
	/// Proof: `Reputation::Domains` (`max_values`: None, `max_size`: Some(92), added: 2567, mode: `MaxEncodedLen`)
	/// Storage: `Reputation::Scores` (r:8 w:0)
	/// Proof: `Reputation::Scores` (`max_values`: None, `max_size`: Some(82), added: 2557, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Voting::ClassLocksFor` (r:1 w:1)
	/// Proof: `Voting::ClassLocksFor` (`max_values`: None, `max_size`: Some(329), added: 2804, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Freezes` (r:1 w:1)
	/// Proof: `Balances::Freezes` (`max_values`: None, `max_size`: Some(85), added: 2560, mode: `MaxEncodedLen`)
	/// Storage: `Scheduler::Agenda` (r:2 w:2)
	/// Proof: `Scheduler::Agenda` (`max_values`: None, `max_size`: Some(107022), added: 109497, mode: `MaxEncodedLen`)
	/// Storage: `Scheduler::Retries` (r:0 w:1)
	/// Proof: `Scheduler::Retries` (`max_values`: None, `max_size`: Some(30), added: 2505, mode: `MaxEncodedLen`)
	/// The range of component `r` is `[0, 63]`.
	fn vote_new(r: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1500 + r * (128 ±0)`
		//  Estimated: `289644`
		// Minimum execution time: 140_000_000 picoseconds.
		Weight::from_parts(150_000_000, 289644)
			.saturating_add(Weight::from_parts(450_000, 0).saturating_mul(r.into()))
			.saturating_add(T::DbWeight::get().reads(27_u64))
			.saturating_add(T::DbWeight::get().writes(13_u64))
	}
	/// Storage: as `vote_new`, without `Scheduler` (the poll's alarm is already set).
	/// The range of component `r` is `[0, 63]`.
	fn vote_same_block(r: u32, ) -> Weight {
		Weight::from_parts(150_000_000, 289644)
			.saturating_add(Weight::from_parts(450_000, 0).saturating_mul(r.into()))
			.saturating_add(T::DbWeight::get().reads(25_u64))
			.saturating_add(T::DbWeight::get().writes(10_u64))
	}
	/// Storage: as `vote_new`.
	/// The range of component `r` is `[1, 64]`.
	fn vote_existing(r: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1500 + r * (128 ±0)`
		//  Estimated: `289644`
		// Minimum execution time: 160_000_000 picoseconds.
		Weight::from_parts(170_000_000, 289644)
			.saturating_add(Weight::from_parts(450_000, 0).saturating_mul(r.into()))
			.saturating_add(T::DbWeight::get().reads(24_u64))
			.saturating_add(T::DbWeight::get().writes(10_u64))
	}
	/// Storage: `Voting::VotingFor` (r:2 w:1)
	/// Proof: `Voting::VotingFor` (`max_values`: None, `max_size`: Some(8314), added: 10789, mode: `MaxEncodedLen`)
	/// Storage: `Referenda::ReferendumInfoFor` (r:1 w:1)
	/// Proof: `Referenda::ReferendumInfoFor` (`max_values`: None, `max_size`: Some(439), added: 2914, mode: `MaxEncodedLen`)
	/// Storage: `Voting::Overrides` (r:2 w:1)
	/// Proof: `Voting::Overrides` (`max_values`: None, `max_size`: Some(68), added: 2543, mode: `MaxEncodedLen`)
	/// Storage: `Voting::VoiceCreditsSpent` (r:1 w:1)
	/// Proof: `Voting::VoiceCreditsSpent` (`max_values`: None, `max_size`: Some(48), added: 2523, mode: `MaxEncodedLen`)
	/// Storage: `Scheduler::Agenda` (r:2 w:2)
	/// Proof: `Scheduler::Agenda` (`max_values`: None, `max_size`: Some(107022), added: 109497, mode: `MaxEncodedLen`)
	/// Storage: `Scheduler::Retries` (r:0 w:1)
	/// Proof: `Scheduler::Retries` (`max_values`: None, `max_size`: Some(30), added: 2505, mode: `MaxEncodedLen`)
	/// The range of component `r` is `[1, 64]`.
	fn remove_vote(r: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1500 + r * (128 ±0)`
		//  Estimated: `251095`
		// Minimum execution time: 85_000_000 picoseconds.
		Weight::from_parts(90_000_000, 251095)
			.saturating_add(Weight::from_parts(450_000, 0).saturating_mul(r.into()))
			.saturating_add(T::DbWeight::get().reads(9_u64))
			.saturating_add(T::DbWeight::get().writes(8_u64))
	}
	/// Storage: `Voting::VotingFor` (r:1 w:1)
	/// Proof: `Voting::VotingFor` (`max_values`: None, `max_size`: Some(8314), added: 10789, mode: `MaxEncodedLen`)
	/// Storage: `Referenda::ReferendumInfoFor` (r:1 w:0)
	/// Proof: `Referenda::ReferendumInfoFor` (`max_values`: None, `max_size`: Some(439), added: 2914, mode: `MaxEncodedLen`)
	/// Storage: `Voting::Overrides` (r:1 w:1)
	/// Proof: `Voting::Overrides` (`max_values`: None, `max_size`: Some(68), added: 2543, mode: `MaxEncodedLen`)
	/// The range of component `r` is `[1, 64]`.
	fn remove_other_vote(r: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1200 + r * (128 ±0)`
		//  Estimated: `16246`
		// Minimum execution time: 42_000_000 picoseconds.
		Weight::from_parts(45_000_000, 16246)
			.saturating_add(Weight::from_parts(450_000, 0).saturating_mul(r.into()))
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `Voting::VotingFor` (r:2 w:2)
	/// Proof: `Voting::VotingFor` (`max_values`: None, `max_size`: Some(8314), added: 10789, mode: `MaxEncodedLen`)
	/// Storage: `Reputation::Domains` (r:8 w:0)
	/// Proof: `Reputation::Domains` (`max_values`: None, `max_size`: Some(92), added: 2567, mode: `MaxEncodedLen`)
	/// Storage: `Reputation::Scores` (r:8 w:0)
	/// Proof: `Reputation::Scores` (`max_values`: None, `max_size`: Some(82), added: 2557, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Voting::ClassLocksFor` (r:1 w:1)
	/// Proof: `Voting::ClassLocksFor` (`max_values`: None, `max_size`: Some(329), added: 2804, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Freezes` (r:1 w:1)
	/// Proof: `Balances::Freezes` (`max_values`: None, `max_size`: Some(85), added: 2560, mode: `MaxEncodedLen`)
	/// Storage: `Referenda::ReferendumInfoFor` (r:1 w:1) per vote of either account
	/// Proof: `Referenda::ReferendumInfoFor` (`max_values`: None, `max_size`: Some(439), added: 2914, mode: `MaxEncodedLen`)
	/// Storage: `Voting::Overrides` (r:1 w:1) per vote of either account
	/// Proof: `Voting::Overrides` (`max_values`: None, `max_size`: Some(68), added: 2543, mode: `MaxEncodedLen`)
	/// Storage: `Scheduler::Agenda` (r:2 w:2) per vote of the delegate
	/// Proof: `Scheduler::Agenda` (`max_values`: None, `max_size`: Some(107022), added: 109497, mode: `MaxEncodedLen`)
	/// The range of component `r` is `[0, 64]`.
	/// The range of component `s` is `[0, 64]`.
	fn delegate(r: u32, s: u32, ) -> Weight {
		// + 1 read and 1 write of `Voting::ClassDelegations` (ESTIMATE, added by hand; re-measure).
		// Proof Size summary in bytes:
		//  Measured:  `1500 + r * (1500 ±0) + s * (200 ±0)`
		//  Estimated: `62650 + r * (115449 ±0) + s * (5457 ±0)`
		// Minimum execution time: 55_000_000 picoseconds.
		Weight::from_parts(60_000_000, 62650)
			.saturating_add(Weight::from_parts(50_000_000, 0).saturating_mul(r.into()))
			.saturating_add(Weight::from_parts(15_000_000, 0).saturating_mul(s.into()))
			.saturating_add(T::DbWeight::get().reads(19_u64))
			.saturating_add(T::DbWeight::get().reads((4_u64).saturating_mul(r.into())))
			.saturating_add(T::DbWeight::get().reads((2_u64).saturating_mul(s.into())))
			.saturating_add(T::DbWeight::get().writes(6_u64))
			.saturating_add(T::DbWeight::get().writes((4_u64).saturating_mul(r.into())))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(s.into())))
			.saturating_add(Weight::from_parts(0, 115449).saturating_mul(r.into()))
			.saturating_add(Weight::from_parts(0, 5457).saturating_mul(s.into()))
	}
	/// Storage: `Voting::VotingFor` (r:2 w:2)
	/// Proof: `Voting::VotingFor` (`max_values`: None, `max_size`: Some(8314), added: 10789, mode: `MaxEncodedLen`)
	/// Storage: `Voting::Overrides` (r:1 w:1) per vote of either account
	/// Proof: `Voting::Overrides` (`max_values`: None, `max_size`: Some(68), added: 2543, mode: `MaxEncodedLen`)
	/// Storage: `Referenda::ReferendumInfoFor` (r:1 w:1) per vote of the delegate
	/// Proof: `Referenda::ReferendumInfoFor` (`max_values`: None, `max_size`: Some(439), added: 2914, mode: `MaxEncodedLen`)
	/// Storage: `Scheduler::Agenda` (r:2 w:2) per vote of the delegate
	/// Proof: `Scheduler::Agenda` (`max_values`: None, `max_size`: Some(107022), added: 109497, mode: `MaxEncodedLen`)
	/// The range of component `r` is `[0, 64]`.
	/// The range of component `s` is `[0, 64]`.
	fn undelegate(r: u32, s: u32, ) -> Weight {
		// + 1 read and 1 write of `Voting::ClassDelegations` (ESTIMATE, added by hand; re-measure).
		// Proof Size summary in bytes:
		//  Measured:  `1500 + r * (1500 ±0) + s * (200 ±0)`
		//  Estimated: `21578 + r * (115449 ±0) + s * (2543 ±0)`
		// Minimum execution time: 32_000_000 picoseconds.
		Weight::from_parts(35_000_000, 21578)
			.saturating_add(Weight::from_parts(50_000_000, 0).saturating_mul(r.into()))
			.saturating_add(Weight::from_parts(10_000_000, 0).saturating_mul(s.into()))
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().reads((4_u64).saturating_mul(r.into())))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(s.into())))
			.saturating_add(T::DbWeight::get().writes(3_u64))
			.saturating_add(T::DbWeight::get().writes((4_u64).saturating_mul(r.into())))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(s.into())))
			.saturating_add(Weight::from_parts(0, 115449).saturating_mul(r.into()))
			.saturating_add(Weight::from_parts(0, 2543).saturating_mul(s.into()))
	}
	/// Storage: `Voting::VotingFor` (r:2 w:2)
	/// Proof: `Voting::VotingFor` (`max_values`: None, `max_size`: Some(8314), added: 10789, mode: `MaxEncodedLen`)
	/// Storage: `Reputation::Domains` (r:8 w:0)
	/// Proof: `Reputation::Domains` (`max_values`: None, `max_size`: Some(92), added: 2567, mode: `MaxEncodedLen`)
	/// Storage: `Reputation::Scores` (r:8 w:0)
	/// Proof: `Reputation::Scores` (`max_values`: None, `max_size`: Some(82), added: 2557, mode: `MaxEncodedLen`)
	/// Storage: `Voting::Overrides` (r:1 w:1) per vote of either account
	/// Proof: `Voting::Overrides` (`max_values`: None, `max_size`: Some(68), added: 2543, mode: `MaxEncodedLen`)
	/// Storage: `Referenda::ReferendumInfoFor` (r:1 w:1) per vote of the delegate
	/// Proof: `Referenda::ReferendumInfoFor` (`max_values`: None, `max_size`: Some(439), added: 2914, mode: `MaxEncodedLen`)
	/// Storage: `Scheduler::Agenda` (r:2 w:2) per vote of the delegate
	/// Proof: `Scheduler::Agenda` (`max_values`: None, `max_size`: Some(107022), added: 109497, mode: `MaxEncodedLen`)
	/// The range of component `r` is `[0, 64]`.
	/// The range of component `s` is `[0, 64]`.
	fn refresh_delegation(r: u32, s: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1500 + r * (1500 ±0) + s * (200 ±0)`
		//  Estimated: `62650 + r * (115449 ±0) + s * (2543 ±0)`
		// Minimum execution time: 55_000_000 picoseconds.
		Weight::from_parts(60_000_000, 62650)
			.saturating_add(Weight::from_parts(50_000_000, 0).saturating_mul(r.into()))
			.saturating_add(Weight::from_parts(10_000_000, 0).saturating_mul(s.into()))
			.saturating_add(T::DbWeight::get().reads(18_u64))
			.saturating_add(T::DbWeight::get().reads((4_u64).saturating_mul(r.into())))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(s.into())))
			.saturating_add(T::DbWeight::get().writes(2_u64))
			.saturating_add(T::DbWeight::get().writes((4_u64).saturating_mul(r.into())))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(s.into())))
			.saturating_add(Weight::from_parts(0, 115449).saturating_mul(r.into()))
			.saturating_add(Weight::from_parts(0, 2543).saturating_mul(s.into()))
	}
	/// Storage: `Voting::VotingFor` (r:1 w:0)
	/// Proof: `Voting::VotingFor` (`max_values`: None, `max_size`: Some(8314), added: 10789, mode: `MaxEncodedLen`)
	/// Storage: `Voting::ClassLocksFor` (r:1 w:1)
	/// Proof: `Voting::ClassLocksFor` (`max_values`: None, `max_size`: Some(329), added: 2804, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Freezes` (r:1 w:1)
	/// Proof: `Balances::Freezes` (`max_values`: None, `max_size`: Some(85), added: 2560, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Voting::VoiceCreditsSpent` (r:1 w:1)
	/// Proof: `Voting::VoiceCreditsSpent` (`max_values`: None, `max_size`: Some(48), added: 2523, mode: `MaxEncodedLen`)
	/// The range of component `r` is `[0, 64]`.
	fn unlock(r: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1200 + r * (128 ±0)`
		//  Estimated: `21279`
		// Minimum execution time: 55_000_000 picoseconds.
		Weight::from_parts(60_000_000, 21279)
			.saturating_add(Weight::from_parts(300_000, 0).saturating_mul(r.into()))
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
	/// Storage: `Referenda::ReferendumInfoFor` (r:1 w:1)
	/// Proof: `Referenda::ReferendumInfoFor` (`max_values`: None, `max_size`: Some(439), added: 2914, mode: `MaxEncodedLen`)
	/// Storage: `Constitution::Seats` (r:1 w:0)
	/// Proof: `Constitution::Seats` (`max_values`: Some(1), `max_size`: Some(577), added: 1072, mode: `MaxEncodedLen`)
	/// Storage: `Voting::VotingFor` (r:1 w:1)
	/// Proof: `Voting::VotingFor` (`max_values`: None, `max_size`: Some(8314), added: 10789, mode: `MaxEncodedLen`)
	/// Storage: `Scheduler::Agenda` (r:2 w:2)
	/// Proof: `Scheduler::Agenda` (`max_values`: None, `max_size`: Some(107022), added: 109497, mode: `MaxEncodedLen`)
	/// Storage: `Scheduler::Retries` (r:0 w:1)
	/// Proof: `Scheduler::Retries` (`max_values`: None, `max_size`: Some(30), added: 2505, mode: `MaxEncodedLen`)
	/// The range of component `r` is `[0, 63]`.
	fn recuse(r: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1500 + r * (128 ±0)`
		//  Estimated: `234217`
		// Minimum execution time: 65_000_000 picoseconds.
		Weight::from_parts(70_000_000, 234217)
			.saturating_add(Weight::from_parts(450_000, 0).saturating_mul(r.into()))
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
	/// ESTIMATE (not measured; modelled on `remove_vote` per ballot): voiding the quadratic
	/// ballots of a removed credential, `v` entries of the person examined.
	/// Storage: `Voting::PersonBallots` (r:1 w:0), per ballot: `Referenda::ReferendumInfoFor`
	/// (r:1 w:1), `Voting::VotingFor` (r:1 w:1), `Voting::Overrides` (r:1 w:0)
	fn void_ballots(v: u32, ) -> Weight {
		Weight::from_parts(10_000_000, 3000)
			.saturating_add(Weight::from_parts(90_000_000, 13703).saturating_mul(v.into()))
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().reads((3_u64).saturating_mul(v.into())))
			.saturating_add(T::DbWeight::get().writes((2_u64).saturating_mul(v.into())))
	}
	/// ESTIMATE (not measured; modelled on `void_ballots` per ballot, plus the reputation
	/// reads of one weighted score): re-weighing `v` votes of a slashed account in one class.
	/// Storage: `Voting::VotingFor` (r:0 w:1), `Reputation::Domains`/`Scores` (r:16 w:0), per
	/// ballot: `Referenda::ReferendumInfoFor` (r:1 w:1), `Voting::Overrides` (r:1 w:0)
	fn reweigh_ballots(v: u32, ) -> Weight {
		Weight::from_parts(40_000_000, 40000)
			.saturating_add(Weight::from_parts(90_000_000, 5457).saturating_mul(v.into()))
			.saturating_add(T::DbWeight::get().reads(16_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
			.saturating_add(T::DbWeight::get().reads((2_u64).saturating_mul(v.into())))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(v.into())))
	}
}

// For backwards compatibility and tests.
impl WeightInfo for () {
	fn vote_new(r: u32, ) -> Weight {
		Weight::from_parts(150_000_000, 289644)
			.saturating_add(Weight::from_parts(450_000, 0).saturating_mul(r.into()))
			.saturating_add(RocksDbWeight::get().reads(24_u64))
			.saturating_add(RocksDbWeight::get().writes(10_u64))
	}
	fn vote_same_block(r: u32, ) -> Weight {
		Weight::from_parts(150_000_000, 289644)
			.saturating_add(Weight::from_parts(450_000, 0).saturating_mul(r.into()))
			.saturating_add(RocksDbWeight::get().reads(22_u64))
			.saturating_add(RocksDbWeight::get().writes(7_u64))
	}
	fn vote_existing(r: u32, ) -> Weight {
		Weight::from_parts(170_000_000, 289644)
			.saturating_add(Weight::from_parts(450_000, 0).saturating_mul(r.into()))
			.saturating_add(RocksDbWeight::get().reads(24_u64))
			.saturating_add(RocksDbWeight::get().writes(10_u64))
	}
	fn remove_vote(r: u32, ) -> Weight {
		Weight::from_parts(90_000_000, 251095)
			.saturating_add(Weight::from_parts(450_000, 0).saturating_mul(r.into()))
			.saturating_add(RocksDbWeight::get().reads(9_u64))
			.saturating_add(RocksDbWeight::get().writes(8_u64))
	}
	fn remove_other_vote(r: u32, ) -> Weight {
		Weight::from_parts(45_000_000, 16246)
			.saturating_add(Weight::from_parts(450_000, 0).saturating_mul(r.into()))
			.saturating_add(RocksDbWeight::get().reads(4_u64))
			.saturating_add(RocksDbWeight::get().writes(3_u64))
	}
	fn delegate(r: u32, s: u32, ) -> Weight {
		// + 1 read and 1 write of `Voting::ClassDelegations` (ESTIMATE, added by hand; re-measure).
		Weight::from_parts(60_000_000, 62650)
			.saturating_add(Weight::from_parts(50_000_000, 0).saturating_mul(r.into()))
			.saturating_add(Weight::from_parts(15_000_000, 0).saturating_mul(s.into()))
			.saturating_add(RocksDbWeight::get().reads(19_u64))
			.saturating_add(RocksDbWeight::get().reads((4_u64).saturating_mul(r.into())))
			.saturating_add(RocksDbWeight::get().reads((2_u64).saturating_mul(s.into())))
			.saturating_add(RocksDbWeight::get().writes(6_u64))
			.saturating_add(RocksDbWeight::get().writes((4_u64).saturating_mul(r.into())))
			.saturating_add(RocksDbWeight::get().writes((1_u64).saturating_mul(s.into())))
			.saturating_add(Weight::from_parts(0, 115449).saturating_mul(r.into()))
			.saturating_add(Weight::from_parts(0, 5457).saturating_mul(s.into()))
	}
	fn undelegate(r: u32, s: u32, ) -> Weight {
		// + 1 read and 1 write of `Voting::ClassDelegations` (ESTIMATE, added by hand; re-measure).
		Weight::from_parts(35_000_000, 21578)
			.saturating_add(Weight::from_parts(50_000_000, 0).saturating_mul(r.into()))
			.saturating_add(Weight::from_parts(10_000_000, 0).saturating_mul(s.into()))
			.saturating_add(RocksDbWeight::get().reads(3_u64))
			.saturating_add(RocksDbWeight::get().reads((4_u64).saturating_mul(r.into())))
			.saturating_add(RocksDbWeight::get().reads((1_u64).saturating_mul(s.into())))
			.saturating_add(RocksDbWeight::get().writes(3_u64))
			.saturating_add(RocksDbWeight::get().writes((4_u64).saturating_mul(r.into())))
			.saturating_add(RocksDbWeight::get().writes((1_u64).saturating_mul(s.into())))
			.saturating_add(Weight::from_parts(0, 115449).saturating_mul(r.into()))
			.saturating_add(Weight::from_parts(0, 2543).saturating_mul(s.into()))
	}
	fn refresh_delegation(r: u32, s: u32, ) -> Weight {
		Weight::from_parts(60_000_000, 62650)
			.saturating_add(Weight::from_parts(50_000_000, 0).saturating_mul(r.into()))
			.saturating_add(Weight::from_parts(10_000_000, 0).saturating_mul(s.into()))
			.saturating_add(RocksDbWeight::get().reads(18_u64))
			.saturating_add(RocksDbWeight::get().reads((4_u64).saturating_mul(r.into())))
			.saturating_add(RocksDbWeight::get().reads((1_u64).saturating_mul(s.into())))
			.saturating_add(RocksDbWeight::get().writes(2_u64))
			.saturating_add(RocksDbWeight::get().writes((4_u64).saturating_mul(r.into())))
			.saturating_add(RocksDbWeight::get().writes((1_u64).saturating_mul(s.into())))
			.saturating_add(Weight::from_parts(0, 115449).saturating_mul(r.into()))
			.saturating_add(Weight::from_parts(0, 2543).saturating_mul(s.into()))
	}
	fn unlock(r: u32, ) -> Weight {
		Weight::from_parts(60_000_000, 21279)
			.saturating_add(Weight::from_parts(300_000, 0).saturating_mul(r.into()))
			.saturating_add(RocksDbWeight::get().reads(5_u64))
			.saturating_add(RocksDbWeight::get().writes(4_u64))
	}
	fn recuse(r: u32, ) -> Weight {
		Weight::from_parts(70_000_000, 234217)
			.saturating_add(Weight::from_parts(450_000, 0).saturating_mul(r.into()))
			.saturating_add(RocksDbWeight::get().reads(5_u64))
			.saturating_add(RocksDbWeight::get().writes(5_u64))
	}
	/// ESTIMATE (not measured; modelled on `remove_vote` per ballot): voiding the quadratic
	/// ballots of a removed credential, `v` entries of the person examined.
	/// Storage: `Voting::PersonBallots` (r:1 w:0), per ballot: `Referenda::ReferendumInfoFor`
	/// (r:1 w:1), `Voting::VotingFor` (r:1 w:1), `Voting::Overrides` (r:1 w:0)
	fn void_ballots(v: u32, ) -> Weight {
		Weight::from_parts(10_000_000, 3000)
			.saturating_add(Weight::from_parts(90_000_000, 13703).saturating_mul(v.into()))
			.saturating_add(RocksDbWeight::get().reads(1_u64))
			.saturating_add(RocksDbWeight::get().reads((3_u64).saturating_mul(v.into())))
			.saturating_add(RocksDbWeight::get().writes((2_u64).saturating_mul(v.into())))
	}
	/// ESTIMATE (not measured; modelled on `void_ballots` per ballot, plus the reputation
	/// reads of one weighted score): re-weighing `v` votes of a slashed account in one class.
	/// Storage: `Voting::VotingFor` (r:0 w:1), `Reputation::Domains`/`Scores` (r:16 w:0), per
	/// ballot: `Referenda::ReferendumInfoFor` (r:1 w:1), `Voting::Overrides` (r:1 w:0)
	fn reweigh_ballots(v: u32, ) -> Weight {
		Weight::from_parts(40_000_000, 40000)
			.saturating_add(Weight::from_parts(90_000_000, 5457).saturating_mul(v.into()))
			.saturating_add(RocksDbWeight::get().reads(16_u64))
			.saturating_add(RocksDbWeight::get().writes(1_u64))
			.saturating_add(RocksDbWeight::get().reads((2_u64).saturating_mul(v.into())))
			.saturating_add(RocksDbWeight::get().writes((1_u64).saturating_mul(v.into())))
	}
}
