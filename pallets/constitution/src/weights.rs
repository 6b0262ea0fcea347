//! Weights for `pallet_constitution`.
//!
//! **ESTIMATES.** These numbers were written by hand from the storage accesses of each call and
//! the measured weights of comparable polkadot-sdk calls; they have NOT been generated on
//! reference hardware. Regenerate them before a production release with a release build of the
//! node that has the benchmark CLI:
//!
//! ```text
//! cargo build --release -p ostrom-node --features runtime-benchmarks
//! ostrom-node benchmark pallet --chain dev --pallet pallet_constitution --extrinsic '*' \
//!     --steps 50 --repeat 20 --output pallets/constitution/src/weights.rs --template <pallet template>
//! ```
//!
//! The storage-read/-write counts and proof sizes below are the worst cases of the benchmarks in
//! `benchmarking.rs` run in the Ostrom runtime, where the polls are `pallet-referenda`
//! referenda (opening one submits a referendum and places its decision deposit), enactment is
//! `pallet-scheduler`, recusal is `pallet-voting`, slashing is `pallet-reputation` (16 domains);
//! with `MaxSeats = 32`, 32-byte accounts and hashes. The weight of each call includes the work it causes in those pallets.

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use frame_support::{traits::Get, weights::{Weight, constants::RocksDbWeight}};
use core::marker::PhantomData;

/// Weight functions needed for `pallet_constitution`.
pub trait WeightInfo {
	fn propose() -> Weight;
	fn record_outcome() -> Weight;
	fn advance_enact() -> Weight;
	fn advance_open() -> Weight;
	fn advance_expire() -> Weight;
	fn appeal() -> Weight;
	fn amend_class() -> Weight;
	fn set_constitution_text() -> Weight;
	fn set_seat_rules() -> Weight;
	fn seat() -> Weight;
	fn unseat() -> Weight;
	fn purge_expired_seats(n: u32, ) -> Weight;
	fn declare_conflict() -> Weight;
	fn challenge_conflict() -> Weight;
	fn record_challenge() -> Weight;
	fn advance_challenge() -> Weight;
	fn remove_council_ballots(b: u32, ) -> Weight;
}

/// Weights for `pallet_constitution` using the Substrate node and recommended hardware
/// (hand-estimated, see the module documentation).
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Storage: `Constitution::Classes` (r:1 w:0)
	/// Proof: `Constitution::Classes` (`max_values`: None, `max_size`: Some(222), added: 2697, mode: `MaxEncodedLen`)
	/// Storage: `Constitution::NextDecisionId` (r:1 w:1)
	/// Proof: `Constitution::NextDecisionId` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:2 w:2)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(103), added: 3578, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:2 w:2)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 3593, mode: `MaxEncodedLen`)
	/// Storage: `Referenda::ReferendumCount` (r:1 w:1)
	/// Proof: `Referenda::ReferendumCount` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Referenda::ReferendumInfoFor` (r:2 w:4)
	/// Proof: `Referenda::ReferendumInfoFor` (`max_values`: None, `max_size`: Some(366), added: 3831, mode: `MaxEncodedLen`)
	/// Storage: `Scheduler::Agenda` (r:2 w:2)
	/// Proof: `Scheduler::Agenda` (`max_values`: None, `max_size`: Some(155814), added: 159279, mode: `MaxEncodedLen`)
	/// Storage: `Referenda::TrackQueue` (r:2 w:2)
	/// Proof: `Referenda::TrackQueue` (`max_values`: None, `max_size`: Some(2012), added: 5477, mode: `MaxEncodedLen`)
	/// Storage: `Referenda::DecidingCount` (r:2 w:0)
	/// Proof: `Referenda::DecidingCount` (`max_values`: None, `max_size`: Some(14), added: 2489, mode: `MaxEncodedLen`)
	/// Storage: `Constitution::ClassUsage` (r:1 w:1)
	/// Proof: `Constitution::ClassUsage` (`max_values`: None, `max_size`: Some(13), added: 2488, mode: `MaxEncodedLen`)
	/// Storage: `Constitution::Decisions` (r:0 w:1)
	/// Proof: `Constitution::Decisions` (`max_values`: None, `max_size`: Some(318), added: 3793, mode: `MaxEncodedLen`)
	fn propose() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1200`
		//  Estimated: `159279`
		// Minimum execution time: 144_000_000 picoseconds.
		Weight::from_parts(160_000_000, 159279)
			.saturating_add(T::DbWeight::get().reads(16_u64))
			.saturating_add(T::DbWeight::get().writes(17_u64))
	}
	/// Storage: `Constitution::Decisions` (r:1 w:1)
	/// Proof: `Constitution::Decisions` (`max_values`: None, `max_size`: Some(318), added: 3793, mode: `MaxEncodedLen`)
	/// Storage: `Referenda::ReferendumInfoFor` (r:2 w:0)
	/// Proof: `Referenda::ReferendumInfoFor` (`max_values`: None, `max_size`: Some(366), added: 3831, mode: `MaxEncodedLen`)
	/// Storage: `Scheduler::Agenda` (r:1 w:1)
	/// Proof: `Scheduler::Agenda` (`max_values`: None, `max_size`: Some(155814), added: 159279, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(103), added: 3578, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 3593, mode: `MaxEncodedLen`)
	/// Storage: `Constitution::ClassUsage` (r:1 w:1)
	/// Proof: `Constitution::ClassUsage` (`max_values`: None, `max_size`: Some(13), added: 2488, mode: `MaxEncodedLen`)
	fn record_outcome() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `900`
		//  Estimated: `159279`
		// Minimum execution time: 67_500_000 picoseconds.
		Weight::from_parts(75_000_000, 159279)
			.saturating_add(T::DbWeight::get().reads(11_u64))
			.saturating_add(T::DbWeight::get().writes(8_u64))
	}
	/// Storage: `Constitution::Decisions` (r:1 w:1)
	/// Proof: `Constitution::Decisions` (`max_values`: None, `max_size`: Some(318), added: 3793, mode: `MaxEncodedLen`)
	/// Storage: `Referenda::ReferendumInfoFor` (r:2 w:0)
	/// Proof: `Referenda::ReferendumInfoFor` (`max_values`: None, `max_size`: Some(366), added: 3831, mode: `MaxEncodedLen`)
	/// Storage: `Scheduler::Agenda` (r:1 w:1)
	/// Proof: `Scheduler::Agenda` (`max_values`: None, `max_size`: Some(155814), added: 159279, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(103), added: 3578, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 3593, mode: `MaxEncodedLen`)
	/// Storage: `Constitution::ClassUsage` (r:1 w:1)
	/// Proof: `Constitution::ClassUsage` (`max_values`: None, `max_size`: Some(13), added: 2488, mode: `MaxEncodedLen`)
	fn advance_enact() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `900`
		//  Estimated: `159279`
		// Minimum execution time: 67_500_000 picoseconds.
		Weight::from_parts(75_000_000, 159279)
			.saturating_add(T::DbWeight::get().reads(11_u64))
			.saturating_add(T::DbWeight::get().writes(8_u64))
	}
	/// Storage: `Constitution::Decisions` (r:1 w:1)
	/// Proof: `Constitution::Decisions` (`max_values`: None, `max_size`: Some(318), added: 3793, mode: `MaxEncodedLen`)
	/// Storage: `Referenda::ReferendumInfoFor` (r:3 w:2)
	/// Proof: `Referenda::ReferendumInfoFor` (`max_values`: None, `max_size`: Some(366), added: 3831, mode: `MaxEncodedLen`)
	/// Storage: `Referenda::ReferendumCount` (r:1 w:1)
	/// Proof: `Referenda::ReferendumCount` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Scheduler::Agenda` (r:1 w:1)
	/// Proof: `Scheduler::Agenda` (`max_values`: None, `max_size`: Some(155814), added: 159279, mode: `MaxEncodedLen`)
	/// Storage: `Referenda::TrackQueue` (r:1 w:1)
	/// Proof: `Referenda::TrackQueue` (`max_values`: None, `max_size`: Some(2012), added: 5477, mode: `MaxEncodedLen`)
	/// Storage: `Referenda::DecidingCount` (r:1 w:0)
	/// Proof: `Referenda::DecidingCount` (`max_values`: None, `max_size`: Some(14), added: 2489, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(103), added: 3578, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:2 w:2)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 3593, mode: `MaxEncodedLen`)
	fn advance_open() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1000`
		//  Estimated: `159279`
		// Minimum execution time: 85_500_000 picoseconds.
		Weight::from_parts(95_000_000, 159279)
			.saturating_add(T::DbWeight::get().reads(11_u64))
			.saturating_add(T::DbWeight::get().writes(9_u64))
	}
	/// Storage: `Constitution::Decisions` (r:1 w:1)
	/// Proof: `Constitution::Decisions` (`max_values`: None, `max_size`: Some(318), added: 3793, mode: `MaxEncodedLen`)
	/// Storage: `Referenda::ReferendumInfoFor` (r:2 w:2)
	/// Proof: `Referenda::ReferendumInfoFor` (`max_values`: None, `max_size`: Some(366), added: 3831, mode: `MaxEncodedLen`)
	/// Storage: `Scheduler::Agenda` (r:2 w:2)
	/// Proof: `Scheduler::Agenda` (`max_values`: None, `max_size`: Some(155814), added: 159279, mode: `MaxEncodedLen`)
	/// Storage: `Referenda::TrackQueue` (r:2 w:2)
	/// Proof: `Referenda::TrackQueue` (`max_values`: None, `max_size`: Some(2012), added: 5477, mode: `MaxEncodedLen`)
	/// Storage: `Referenda::DecidingCount` (r:2 w:1)
	/// Proof: `Referenda::DecidingCount` (`max_values`: None, `max_size`: Some(14), added: 2489, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(103), added: 3578, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 3593, mode: `MaxEncodedLen`)
	/// Storage: `Constitution::ClassUsage` (r:1 w:1)
	/// Proof: `Constitution::ClassUsage` (`max_values`: None, `max_size`: Some(13), added: 2488, mode: `MaxEncodedLen`)
	fn advance_expire() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1100`
		//  Estimated: `159279`
		// Minimum execution time: 108_000_000 picoseconds.
		Weight::from_parts(120_000_000, 159279)
			.saturating_add(T::DbWeight::get().reads(15_u64))
			.saturating_add(T::DbWeight::get().writes(13_u64))
	}
	/// Storage: `Constitution::Decisions` (r:1 w:1)
	/// Proof: `Constitution::Decisions` (`max_values`: None, `max_size`: Some(318), added: 3793, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:2 w:2)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(103), added: 3578, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:2 w:2)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 3593, mode: `MaxEncodedLen`)
	/// Storage: `Referenda::ReferendumCount` (r:1 w:1)
	/// Proof: `Referenda::ReferendumCount` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Referenda::ReferendumInfoFor` (r:1 w:2)
	/// Proof: `Referenda::ReferendumInfoFor` (`max_values`: None, `max_size`: Some(366), added: 3831, mode: `MaxEncodedLen`)
	/// Storage: `Scheduler::Agenda` (r:1 w:1)
	/// Proof: `Scheduler::Agenda` (`max_values`: None, `max_size`: Some(155814), added: 159279, mode: `MaxEncodedLen`)
	/// Storage: `Referenda::TrackQueue` (r:1 w:1)
	/// Proof: `Referenda::TrackQueue` (`max_values`: None, `max_size`: Some(2012), added: 5477, mode: `MaxEncodedLen`)
	/// Storage: `Referenda::DecidingCount` (r:1 w:0)
	/// Proof: `Referenda::DecidingCount` (`max_values`: None, `max_size`: Some(14), added: 2489, mode: `MaxEncodedLen`)
	fn appeal() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1000`
		//  Estimated: `159279`
		// Minimum execution time: 85_500_000 picoseconds.
		Weight::from_parts(95_000_000, 159279)
			.saturating_add(T::DbWeight::get().reads(11_u64))
			.saturating_add(T::DbWeight::get().writes(10_u64))
	}
	/// Storage: `Constitution::AmendmentClass` (r:1 w:0)
	/// Proof: `Constitution::AmendmentClass` (`max_values`: Some(1), `max_size`: Some(1), added: 496, mode: `MaxEncodedLen`)
	/// Storage: `Constitution::RatificationClass` (r:1 w:0)
	/// Proof: `Constitution::RatificationClass` (`max_values`: Some(1), `max_size`: Some(1), added: 496, mode: `MaxEncodedLen`)
	/// Storage: `Constitution::SeatingClass` (r:1 w:0)
	/// Proof: `Constitution::SeatingClass` (`max_values`: Some(1), `max_size`: Some(1), added: 496, mode: `MaxEncodedLen`)
	/// Storage: `Constitution::ChallengeClass` (r:1 w:0)
	/// Proof: `Constitution::ChallengeClass` (`max_values`: Some(1), `max_size`: Some(1), added: 496, mode: `MaxEncodedLen`)
	/// Storage: `Constitution::Classes` (r:1 w:1)
	/// Proof: `Constitution::Classes` (`max_values`: None, `max_size`: Some(222), added: 2697, mode: `MaxEncodedLen`)
	/// Storage: `Constitution::ClassUsage` (r:1 w:0)
	/// Proof: `Constitution::ClassUsage` (`max_values`: None, `max_size`: Some(13), added: 2488, mode: `MaxEncodedLen`)
	/// Storage: `Constitution::ClassCount` (r:1 w:1)
	/// Proof: `Constitution::ClassCount` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	fn amend_class() -> Weight {
		// + up to 4 reads of `Voting::ClassDelegations` (ESTIMATE, added by hand; re-measure).
		// Proof Size summary in bytes:
		//  Measured:  `400`
		//  Estimated: `3687`
		// Minimum execution time: 27_000_000 picoseconds.
		Weight::from_parts(30_000_000, 3687)
			.saturating_add(T::DbWeight::get().reads(12_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `Constitution::AmendmentClass` (r:1 w:0)
	/// Proof: `Constitution::AmendmentClass` (`max_values`: Some(1), `max_size`: Some(1), added: 496, mode: `MaxEncodedLen`)
	/// Storage: `Constitution::ConstitutionText` (r:0 w:1)
	/// Proof: `Constitution::ConstitutionText` (`max_values`: Some(1), `max_size`: Some(32), added: 527, mode: `MaxEncodedLen`)
	fn set_constitution_text() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `100`
		//  Estimated: `1486`
		// Minimum execution time: 9_000_000 picoseconds.
		Weight::from_parts(10_000_000, 1486)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Constitution::AmendmentClass` (r:1 w:0)
	/// Proof: `Constitution::AmendmentClass` (`max_values`: Some(1), `max_size`: Some(1), added: 496, mode: `MaxEncodedLen`)
	/// Storage: `Constitution::Seats` (r:1 w:0)
	/// Proof: `Constitution::Seats` (`max_values`: Some(1), `max_size`: Some(1153), added: 1648, mode: `MaxEncodedLen`)
	/// Storage: `Constitution::CouncilSeatRules` (r:0 w:1)
	/// Proof: `Constitution::CouncilSeatRules` (`max_values`: Some(1), `max_size`: Some(158), added: 653, mode: `MaxEncodedLen`)
	fn set_seat_rules() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `300`
		//  Estimated: `2638`
		// Minimum execution time: 12_600_000 picoseconds.
		Weight::from_parts(14_000_000, 2638)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Constitution::SeatingClass` (r:1 w:0)
	/// Proof: `Constitution::SeatingClass` (`max_values`: Some(1), `max_size`: Some(1), added: 496, mode: `MaxEncodedLen`)
	/// Storage: `Constitution::CouncilSeatRules` (r:1 w:0)
	/// Proof: `Constitution::CouncilSeatRules` (`max_values`: Some(1), `max_size`: Some(158), added: 653, mode: `MaxEncodedLen`)
	/// Storage: `Reputation::Domains` (r:8 w:0)
	/// Proof: `Reputation::Domains` (`max_values`: None, `max_size`: Some(92), added: 2567, mode: `MaxEncodedLen`)
	/// Storage: `Reputation::Scores` (r:8 w:0)
	/// Proof: `Reputation::Scores` (`max_values`: None, `max_size`: Some(82), added: 2557, mode: `MaxEncodedLen`)
	/// Storage: `Reputation::DomainTotals` (r:0 w:0)
	/// Proof: `Reputation::DomainTotals` (`max_values`: None, `max_size`: Some(3083), added: 5558, mode: `MaxEncodedLen`)
	/// Storage: `Constitution::Seats` (r:1 w:1)
	/// Proof: `Constitution::Seats` (`max_values`: Some(1), `max_size`: Some(1153), added: 1648, mode: `MaxEncodedLen`)
	fn seat() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1400`
		//  Estimated: `6548`
		// Minimum execution time: 81_000_000 picoseconds.
		Weight::from_parts(90_000_000, 6548)
			.saturating_add(T::DbWeight::get().reads(20_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Constitution::SeatingClass` (r:1 w:0)
	/// Proof: `Constitution::SeatingClass` (`max_values`: Some(1), `max_size`: Some(1), added: 496, mode: `MaxEncodedLen`)
	/// Storage: `Constitution::Seats` (r:1 w:1)
	/// Proof: `Constitution::Seats` (`max_values`: Some(1), `max_size`: Some(1153), added: 1648, mode: `MaxEncodedLen`)
	fn unseat() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `800`
		//  Estimated: `2638`
		// Minimum execution time: 16_200_000 picoseconds.
		Weight::from_parts(18_000_000, 2638)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Constitution::Seats` (r:1 w:1)
	/// Proof: `Constitution::Seats` (`max_values`: Some(1), `max_size`: Some(1153), added: 1648, mode: `MaxEncodedLen`)
	fn purge_expired_seats(n: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `150 + n * (64 ±0)`
		//  Estimated: `2638`
		// Minimum execution time: 10_800_000 picoseconds.
		Weight::from_parts(12_000_000, 2638)
			.saturating_add(Weight::from_parts(2_000_000, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Constitution::Seats` (r:2 w:0)
	/// Proof: `Constitution::Seats` (`max_values`: Some(1), `max_size`: Some(1153), added: 1648, mode: `MaxEncodedLen`)
	/// Storage: `Referenda::ReferendumInfoFor` (r:1 w:1)
	/// Proof: `Referenda::ReferendumInfoFor` (`max_values`: None, `max_size`: Some(366), added: 3831, mode: `MaxEncodedLen`)
	/// Storage: `Voting::VotingFor` (r:1 w:1)
	/// Proof: `Voting::VotingFor` (`max_values`: None, `max_size`: Some(3563), added: 6028, mode: `MaxEncodedLen`)
	fn declare_conflict() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `4200`
		//  Estimated: `7018`
		// Minimum execution time: 40_500_000 picoseconds.
		Weight::from_parts(45_000_000, 7018)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `Constitution::Seats` (r:2 w:0)
	/// Proof: `Constitution::Seats` (`max_values`: Some(1), `max_size`: Some(1153), added: 1648, mode: `MaxEncodedLen`)
	/// Storage: `Constitution::ChallengeIndex` (r:1 w:1)
	/// Proof: `Constitution::ChallengeIndex` (`max_values`: None, `max_size`: Some(72), added: 2547, mode: `MaxEncodedLen`)
	/// Storage: `Referenda::ReferendumInfoFor` (r:3 w:3)
	/// Proof: `Referenda::ReferendumInfoFor` (`max_values`: None, `max_size`: Some(366), added: 3831, mode: `MaxEncodedLen`)
	/// Storage: `Voting::VotingFor` (r:2 w:1)
	/// Proof: `Voting::VotingFor` (`max_values`: None, `max_size`: Some(3563), added: 6028, mode: `MaxEncodedLen`)
	/// Storage: `Constitution::ChallengeClass` (r:1 w:0)
	/// Proof: `Constitution::ChallengeClass` (`max_values`: Some(1), `max_size`: Some(1), added: 496, mode: `MaxEncodedLen`)
	/// Storage: `Constitution::NextChallengeId` (r:1 w:1)
	/// Proof: `Constitution::NextChallengeId` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:2 w:2)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(103), added: 3578, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:2 w:2)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 3593, mode: `MaxEncodedLen`)
	/// Storage: `Referenda::ReferendumCount` (r:1 w:1)
	/// Proof: `Referenda::ReferendumCount` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Scheduler::Agenda` (r:1 w:1)
	/// Proof: `Scheduler::Agenda` (`max_values`: None, `max_size`: Some(155814), added: 159279, mode: `MaxEncodedLen`)
	/// Storage: `Referenda::TrackQueue` (r:1 w:1)
	/// Proof: `Referenda::TrackQueue` (`max_values`: None, `max_size`: Some(2012), added: 5477, mode: `MaxEncodedLen`)
	/// Storage: `Referenda::DecidingCount` (r:1 w:0)
	/// Proof: `Referenda::DecidingCount` (`max_values`: None, `max_size`: Some(14), added: 2489, mode: `MaxEncodedLen`)
	/// Storage: `Constitution::ClassUsage` (r:1 w:1)
	/// Proof: `Constitution::ClassUsage` (`max_values`: None, `max_size`: Some(13), added: 2488, mode: `MaxEncodedLen`)
	/// Storage: `Constitution::Challenges` (r:0 w:1)
	/// Proof: `Constitution::Challenges` (`max_values`: None, `max_size`: Some(163), added: 2638, mode: `MaxEncodedLen`)
	fn challenge_conflict() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `5200`
		//  Estimated: `159279`
		// Minimum execution time: 171_000_000 picoseconds.
		Weight::from_parts(190_000_000, 159279)
			.saturating_add(T::DbWeight::get().reads(22_u64))
			.saturating_add(T::DbWeight::get().writes(17_u64))
	}
	/// Storage: `Constitution::ChallengeClass` (r:1 w:0)
	/// Proof: `Constitution::ChallengeClass` (`max_values`: Some(1), `max_size`: Some(1), added: 496, mode: `MaxEncodedLen`)
	/// Storage: `Constitution::Challenges` (r:1 w:1)
	/// Proof: `Constitution::Challenges` (`max_values`: None, `max_size`: Some(163), added: 2638, mode: `MaxEncodedLen`)
	/// Storage: `Referenda::ReferendumInfoFor` (r:2 w:1)
	/// Proof: `Referenda::ReferendumInfoFor` (`max_values`: None, `max_size`: Some(366), added: 3831, mode: `MaxEncodedLen`)
	/// Storage: `Constitution::Seats` (r:1 w:0)
	/// Proof: `Constitution::Seats` (`max_values`: Some(1), `max_size`: Some(1153), added: 1648, mode: `MaxEncodedLen`)
	/// Storage: `Voting::VotingFor` (r:1 w:1)
	/// Proof: `Voting::VotingFor` (`max_values`: None, `max_size`: Some(3563), added: 6028, mode: `MaxEncodedLen`)
	/// Storage: `Reputation::Domains` (r:8 w:0)
	/// Proof: `Reputation::Domains` (`max_values`: None, `max_size`: Some(92), added: 2567, mode: `MaxEncodedLen`)
	/// Storage: `Reputation::Scores` (r:8 w:8)
	/// Proof: `Reputation::Scores` (`max_values`: None, `max_size`: Some(82), added: 2557, mode: `MaxEncodedLen`)
	/// Storage: `Reputation::DomainTotals` (r:1 w:1)
	/// Proof: `Reputation::DomainTotals` (`max_values`: None, `max_size`: Some(3083), added: 5558, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(103), added: 3578, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 3593, mode: `MaxEncodedLen`)
	/// Storage: `Constitution::ChallengeIndex` (r:0 w:1)
	/// Proof: `Constitution::ChallengeIndex` (`max_values`: None, `max_size`: Some(72), added: 2547, mode: `MaxEncodedLen`)
	/// Storage: `Constitution::ClassUsage` (r:1 w:1)
	/// Proof: `Constitution::ClassUsage` (`max_values`: None, `max_size`: Some(13), added: 2488, mode: `MaxEncodedLen`)
	fn record_challenge() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `5400`
		//  Estimated: `7018`
		// Minimum execution time: 153_000_000 picoseconds.
		Weight::from_parts(170_000_000, 7018)
			.saturating_add(T::DbWeight::get().reads(26_u64))
			.saturating_add(T::DbWeight::get().writes(18_u64))
	}
	/// Storage: `Constitution::Challenges` (r:1 w:1)
	/// Proof: `Constitution::Challenges` (`max_values`: None, `max_size`: Some(163), added: 2638, mode: `MaxEncodedLen`)
	/// Storage: `Referenda::ReferendumInfoFor` (r:1 w:0)
	/// Proof: `Referenda::ReferendumInfoFor` (`max_values`: None, `max_size`: Some(366), added: 3831, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(103), added: 3578, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:2 w:2)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 3593, mode: `MaxEncodedLen`)
	/// Storage: `Constitution::ChallengeIndex` (r:0 w:1)
	/// Proof: `Constitution::ChallengeIndex` (`max_values`: None, `max_size`: Some(72), added: 2547, mode: `MaxEncodedLen`)
	/// Storage: `Constitution::ChallengeClass` (r:1 w:0)
	/// Proof: `Constitution::ChallengeClass` (`max_values`: Some(1), `max_size`: Some(1), added: 496, mode: `MaxEncodedLen`)
	/// Storage: `Constitution::ClassUsage` (r:1 w:1)
	/// Proof: `Constitution::ClassUsage` (`max_values`: None, `max_size`: Some(13), added: 2488, mode: `MaxEncodedLen`)
	fn advance_challenge() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `700`
		//  Estimated: `3903`
		// Minimum execution time: 63_000_000 picoseconds.
		Weight::from_parts(70_000_000, 3903)
			.saturating_add(T::DbWeight::get().reads(9_u64))
			.saturating_add(T::DbWeight::get().writes(8_u64))
	}
	/// Storage: `Voting::VotingFor` (r:2 w:1)
	/// Proof: `Voting::VotingFor` (`max_values`: None, `max_size`: Some(3563), added: 6028, mode: `MaxEncodedLen`)
	/// Storage: `Referenda::ReferendumInfoFor` (r:1 w:1)
	/// Proof: `Referenda::ReferendumInfoFor` (`max_values`: None, `max_size`: Some(366), added: 3831, mode: `MaxEncodedLen`)
	/// The range of component `b` is `[0, 64]`.
	/// ESTIMATE (not measured): per ballot, as `pallet_voting::remove_vote` with a full record.
	fn remove_council_ballots(b: u32, ) -> Weight {
		Weight::from_parts(20_000_000, 6028)
			.saturating_add(Weight::from_parts(60_000_000, 9859).saturating_mul(b.into()))
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().reads((3_u64).saturating_mul(b.into())))
			.saturating_add(T::DbWeight::get().writes((3_u64).saturating_mul(b.into())))
	}
}

// For backwards compatibility and tests.
impl WeightInfo for () {
	fn propose() -> Weight {
		Weight::from_parts(160_000_000, 159279)
			.saturating_add(RocksDbWeight::get().reads(16_u64))
			.saturating_add(RocksDbWeight::get().writes(17_u64))
	}
	fn record_outcome() -> Weight {
		Weight::from_parts(75_000_000, 159279)
			.saturating_add(RocksDbWeight::get().reads(11_u64))
			.saturating_add(RocksDbWeight::get().writes(8_u64))
	}
	fn advance_enact() -> Weight {
		Weight::from_parts(75_000_000, 159279)
			.saturating_add(RocksDbWeight::get().reads(11_u64))
			.saturating_add(RocksDbWeight::get().writes(8_u64))
	}
	fn advance_open() -> Weight {
		Weight::from_parts(95_000_000, 159279)
			.saturating_add(RocksDbWeight::get().reads(11_u64))
			.saturating_add(RocksDbWeight::get().writes(9_u64))
	}
	fn advance_expire() -> Weight {
		Weight::from_parts(120_000_000, 159279)
			.saturating_add(RocksDbWeight::get().reads(15_u64))
			.saturating_add(RocksDbWeight::get().writes(13_u64))
	}
	fn appeal() -> Weight {
		Weight::from_parts(95_000_000, 159279)
			.saturating_add(RocksDbWeight::get().reads(11_u64))
			.saturating_add(RocksDbWeight::get().writes(10_u64))
	}
	fn amend_class() -> Weight {
		// + up to 4 reads of `Voting::ClassDelegations` (ESTIMATE, added by hand; re-measure).
		Weight::from_parts(30_000_000, 3687)
			.saturating_add(RocksDbWeight::get().reads(12_u64))
			.saturating_add(RocksDbWeight::get().writes(2_u64))
	}
	fn set_constitution_text() -> Weight {
		Weight::from_parts(10_000_000, 1486)
			.saturating_add(RocksDbWeight::get().reads(1_u64))
			.saturating_add(RocksDbWeight::get().writes(1_u64))
	}
	fn set_seat_rules() -> Weight {
		Weight::from_parts(14_000_000, 2638)
			.saturating_add(RocksDbWeight::get().reads(2_u64))
			.saturating_add(RocksDbWeight::get().writes(1_u64))
	}
	fn seat() -> Weight {
		Weight::from_parts(90_000_000, 6548)
			.saturating_add(RocksDbWeight::get().reads(20_u64))
			.saturating_add(RocksDbWeight::get().writes(1_u64))
	}
	fn unseat() -> Weight {
		Weight::from_parts(18_000_000, 2638)
			.saturating_add(RocksDbWeight::get().reads(2_u64))
			.saturating_add(RocksDbWeight::get().writes(1_u64))
	}
	fn purge_expired_seats(n: u32, ) -> Weight {
		Weight::from_parts(12_000_000, 2638)
			.saturating_add(Weight::from_parts(2_000_000, 0).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(1_u64))
			.saturating_add(RocksDbWeight::get().writes(1_u64))
	}
	fn declare_conflict() -> Weight {
		Weight::from_parts(45_000_000, 7018)
			.saturating_add(RocksDbWeight::get().reads(4_u64))
			.saturating_add(RocksDbWeight::get().writes(2_u64))
	}
	fn challenge_conflict() -> Weight {
		Weight::from_parts(190_000_000, 159279)
			.saturating_add(RocksDbWeight::get().reads(22_u64))
			.saturating_add(RocksDbWeight::get().writes(17_u64))
	}
	fn record_challenge() -> Weight {
		Weight::from_parts(170_000_000, 7018)
			.saturating_add(RocksDbWeight::get().reads(26_u64))
			.saturating_add(RocksDbWeight::get().writes(18_u64))
	}
	fn advance_challenge() -> Weight {
		Weight::from_parts(70_000_000, 3903)
			.saturating_add(RocksDbWeight::get().reads(9_u64))
			.saturating_add(RocksDbWeight::get().writes(8_u64))
	}
	/// Storage: `Voting::VotingFor` (r:2 w:1)
	/// Proof: `Voting::VotingFor` (`max_values`: None, `max_size`: Some(3563), added: 6028, mode: `MaxEncodedLen`)
	/// Storage: `Referenda::ReferendumInfoFor` (r:1 w:1)
	/// Proof: `Referenda::ReferendumInfoFor` (`max_values`: None, `max_size`: Some(366), added: 3831, mode: `MaxEncodedLen`)
	/// The range of component `b` is `[0, 64]`.
	/// ESTIMATE (not measured): per ballot, as `pallet_voting::remove_vote` with a full record.
	fn remove_council_ballots(b: u32, ) -> Weight {
		Weight::from_parts(20_000_000, 6028)
			.saturating_add(Weight::from_parts(60_000_000, 9859).saturating_mul(b.into()))
			.saturating_add(RocksDbWeight::get().reads(2_u64))
			.saturating_add(RocksDbWeight::get().reads((3_u64).saturating_mul(b.into())))
			.saturating_add(RocksDbWeight::get().writes((3_u64).saturating_mul(b.into())))
	}
}
