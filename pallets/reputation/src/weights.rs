//! Weights for `pallet_reputation`.
//!
//! **ESTIMATES.** These numbers were written by hand from the storage accesses of each call and
//! the measured weights of comparable polkadot-sdk calls; they have NOT been generated on
//! reference hardware. Regenerate them before a production release with a release build of the
//! node that has the benchmark CLI:
//!
//! ```text
//! cargo build --release -p ostrom-node --features runtime-benchmarks
//! ostrom-node benchmark pallet --chain dev --pallet pallet_reputation --extrinsic '*' \
//!     --steps 50 --repeat 20 --output pallets/reputation/src/weights.rs --template <pallet template>
//! ```
//!
//! The storage-read/-write counts and proof sizes below are the worst cases of the benchmarks in
//! `benchmarking.rs` (with `MaxAttestationsPerAttester = 64`, `MaxDomains = 16`, 128 buckets in a
//! domain total, 32-byte accounts and hashes).

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use frame_support::{traits::Get, weights::{Weight, constants::RocksDbWeight}};
use core::marker::PhantomData;

/// Weight functions needed for `pallet_reputation`.
pub trait WeightInfo {
	fn add_domain() -> Weight;
	fn update_domain() -> Weight;
	fn remove_domain() -> Weight;
	fn set_attester() -> Weight;
	fn remove_attester() -> Weight;
	fn attest() -> Weight;
	fn revoke() -> Weight;
	fn slash(d: u32, ) -> Weight;
	fn reap_score() -> Weight;
	fn add_issuer() -> Weight;
	fn remove_issuer() -> Weight;
	fn issue_credential() -> Weight;
	fn revoke_credential() -> Weight;
	fn purge_credential() -> Weight;
	fn expire_credentials(n: u32, ) -> Weight;
}

/// Weights for `pallet_reputation` using the Substrate node and recommended hardware
/// (hand-estimated, see the module documentation).
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Storage: `Reputation::Domains` (r:1 w:1)
	/// Proof: `Reputation::Domains` (`max_values`: None, `max_size`: Some(92), added: 2567, mode: `MaxEncodedLen`)
	/// Storage: `Reputation::DomainRecords` (r:1 w:0)
	/// Proof: `Reputation::DomainRecords` (`max_values`: None, `max_size`: Some(14), added: 2489, mode: `MaxEncodedLen`)
	/// Storage: `Reputation::DomainCount` (r:1 w:1)
	/// Proof: `Reputation::DomainCount` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Reputation::NextIncarnation` (r:1 w:1)
	/// Proof: `Reputation::NextIncarnation` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	fn add_domain() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `420`
		//  Estimated: `3557`
		// Minimum execution time: 15_000_000 picoseconds.
		Weight::from_parts(16_000_000, 3557)
			.saturating_add(T::DbWeight::get().reads(21_u64))
			.saturating_add(T::DbWeight::get().writes(18_u64))
	}
	/// Storage: `Reputation::Domains` (r:1 w:1)
	/// Proof: `Reputation::Domains` (`max_values`: None, `max_size`: Some(92), added: 2567, mode: `MaxEncodedLen`)
	fn update_domain() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `180`
		//  Estimated: `3557`
		// Minimum execution time: 11_000_000 picoseconds.
		Weight::from_parts(12_000_000, 3557)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Reputation::Domains` (r:1 w:1)
	/// Proof: `Reputation::Domains` (`max_values`: None, `max_size`: Some(92), added: 2567, mode: `MaxEncodedLen`)
	/// Storage: `Reputation::DomainCount` (r:1 w:1)
	/// Proof: `Reputation::DomainCount` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Reputation::DomainTotals` (r:0 w:1)
	/// Proof: `Reputation::DomainTotals` (`max_values`: None, `max_size`: Some(3083), added: 5558, mode: `MaxEncodedLen`)
	fn remove_domain() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `230`
		//  Estimated: `3557`
		// Minimum execution time: 14_000_000 picoseconds.
		Weight::from_parts(15_000_000, 3557)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `Reputation::Domains` (r:1 w:1)
	/// Proof: `Reputation::Domains` (`max_values`: None, `max_size`: Some(92), added: 2567, mode: `MaxEncodedLen`)
	/// Storage: `Reputation::Attesters` (r:1 w:1)
	/// Proof: `Reputation::Attesters` (`max_values`: None, `max_size`: Some(114), added: 2589, mode: `MaxEncodedLen`)
	fn set_attester() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `230`
		//  Estimated: `3579`
		// Minimum execution time: 15_000_000 picoseconds.
		Weight::from_parts(16_000_000, 3579)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `Reputation::Attesters` (r:1 w:1)
	/// Proof: `Reputation::Attesters` (`max_values`: None, `max_size`: Some(114), added: 2589, mode: `MaxEncodedLen`)
	/// Storage: `Reputation::Domains` (r:1 w:1)
	/// Proof: `Reputation::Domains` (`max_values`: None, `max_size`: Some(92), added: 2567, mode: `MaxEncodedLen`)
	fn remove_attester() -> Weight {
		// Hand-estimated: the measured weight plus `Reputation::AttestedBy` (w:1), until re-measured.
		// Proof Size summary in bytes:
		//  Measured:  `330`
		//  Estimated: `3579`
		// Minimum execution time: 16_000_000 picoseconds.
		Weight::from_parts(17_000_000, 3579)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `Reputation::Domains` (r:1 w:0)
	/// Proof: `Reputation::Domains` (`max_values`: None, `max_size`: Some(92), added: 2567, mode: `MaxEncodedLen`)
	/// Storage: `Reputation::Attesters` (r:1 w:1)
	/// Proof: `Reputation::Attesters` (`max_values`: None, `max_size`: Some(114), added: 2589, mode: `MaxEncodedLen`)
	/// Storage: `Reputation::Attestations` (r:1 w:1)
	/// Proof: `Reputation::Attestations` (`max_values`: None, `max_size`: Some(8755), added: 11230, mode: `MaxEncodedLen`)
	/// Storage: `Reputation::NextAttestationId` (r:1 w:1)
	/// Proof: `Reputation::NextAttestationId` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Reputation::DomainTotals` (r:1 w:1)
	/// Proof: `Reputation::DomainTotals` (`max_values`: None, `max_size`: Some(3083), added: 5558, mode: `MaxEncodedLen`)
	/// Storage: `Reputation::Scores` (r:1 w:1)
	/// Proof: `Reputation::Scores` (`max_values`: None, `max_size`: Some(82), added: 2557, mode: `MaxEncodedLen`)
	/// Storage: `Reputation::DomainRecords` (r:1 w:1)
	/// Proof: `Reputation::DomainRecords` (`max_values`: None, `max_size`: Some(14), added: 2489, mode: `MaxEncodedLen`)
	fn attest() -> Weight {
		// Hand-estimated: the measured weight plus `Reputation::AttestedBy` (r:1 w:1), until re-measured.
		// Proof Size summary in bytes:
		//  Measured:  `12100`
		//  Estimated: `12220`
		// Minimum execution time: 68_000_000 picoseconds.
		Weight::from_parts(72_000_000, 12220)
			.saturating_add(T::DbWeight::get().reads(8_u64))
			.saturating_add(T::DbWeight::get().writes(7_u64))
	}
	/// Storage: `Reputation::Attestations` (r:1 w:1)
	/// Proof: `Reputation::Attestations` (`max_values`: None, `max_size`: Some(8755), added: 11230, mode: `MaxEncodedLen`)
	/// Storage: `Reputation::Domains` (r:1 w:0)
	/// Proof: `Reputation::Domains` (`max_values`: None, `max_size`: Some(92), added: 2567, mode: `MaxEncodedLen`)
	/// Storage: `Reputation::Scores` (r:1 w:1)
	/// Proof: `Reputation::Scores` (`max_values`: None, `max_size`: Some(82), added: 2557, mode: `MaxEncodedLen`)
	/// Storage: `Reputation::DomainTotals` (r:1 w:1)
	/// Proof: `Reputation::DomainTotals` (`max_values`: None, `max_size`: Some(3083), added: 5558, mode: `MaxEncodedLen`)
	/// Storage: `Reputation::DomainRecords` (r:1 w:1)
	/// Proof: `Reputation::DomainRecords` (`max_values`: None, `max_size`: Some(14), added: 2489, mode: `MaxEncodedLen`)
	fn revoke() -> Weight {
		// Hand-estimated: the measured weight plus `Reputation::AttestedBy` (r:1 w:1), until re-measured.
		// Proof Size summary in bytes:
		//  Measured:  `12100`
		//  Estimated: `12220`
		// Minimum execution time: 60_000_000 picoseconds.
		Weight::from_parts(64_000_000, 12220)
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
	/// Storage: `Reputation::Domains` (r:16 w:0)
	/// Proof: `Reputation::Domains` (`max_values`: None, `max_size`: Some(92), added: 2567, mode: `MaxEncodedLen`)
	/// Storage: `Reputation::Scores` (r:16 w:16)
	/// Proof: `Reputation::Scores` (`max_values`: None, `max_size`: Some(82), added: 2557, mode: `MaxEncodedLen`)
	/// Storage: `Reputation::DomainTotals` (r:16 w:16)
	/// Proof: `Reputation::DomainTotals` (`max_values`: None, `max_size`: Some(3083), added: 5558, mode: `MaxEncodedLen`)
	/// Storage: `Reputation::DomainRecords` (r:16 w:16)
	/// Proof: `Reputation::DomainRecords` (`max_values`: None, `max_size`: Some(14), added: 2489, mode: `MaxEncodedLen`)
	/// The range of component `d` is `[1, 16]`.
	fn slash(d: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `100 + d * (3300 ±0)`
		//  Estimated: `3557 + d * (5558 ±0)`
		// Minimum execution time: 20_000_000 picoseconds.
		Weight::from_parts(12_000_000, 3557)
			// Standard Error: 4_000
			.saturating_add(Weight::from_parts(26_000_000, 0).saturating_mul(d.into()))
			.saturating_add(T::DbWeight::get().reads((4_u64).saturating_mul(d.into())))
			.saturating_add(T::DbWeight::get().writes((3_u64).saturating_mul(d.into())))
			.saturating_add(Weight::from_parts(0, 5558).saturating_mul(d.into()))
	}
	/// Storage: `Reputation::Scores` (r:1 w:1)
	/// Proof: `Reputation::Scores` (`max_values`: None, `max_size`: Some(82), added: 2557, mode: `MaxEncodedLen`)
	/// Storage: `Reputation::Domains` (r:1 w:0)
	/// Proof: `Reputation::Domains` (`max_values`: None, `max_size`: Some(92), added: 2567, mode: `MaxEncodedLen`)
	/// Storage: `Reputation::DomainTotals` (r:1 w:1)
	/// Proof: `Reputation::DomainTotals` (`max_values`: None, `max_size`: Some(3083), added: 5558, mode: `MaxEncodedLen`)
	/// Storage: `Reputation::DomainRecords` (r:1 w:1)
	/// Proof: `Reputation::DomainRecords` (`max_values`: None, `max_size`: Some(14), added: 2489, mode: `MaxEncodedLen`)
	fn reap_score() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `3400`
		//  Estimated: `6548`
		// Minimum execution time: 30_000_000 picoseconds.
		Weight::from_parts(32_000_000, 6548)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `Reputation::Issuers` (r:1 w:1)
	/// Proof: `Reputation::Issuers` (`max_values`: None, `max_size`: Some(48), added: 2523, mode: `MaxEncodedLen`)
	/// Storage: `Reputation::IssuerCount` (r:1 w:1)
	/// Proof: `Reputation::IssuerCount` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	fn add_issuer() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `150`
		//  Estimated: `3513`
		// Minimum execution time: 12_000_000 picoseconds.
		Weight::from_parts(13_000_000, 3513)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `Reputation::Issuers` (r:1 w:1)
	/// Proof: `Reputation::Issuers` (`max_values`: None, `max_size`: Some(48), added: 2523, mode: `MaxEncodedLen`)
	/// Storage: `Reputation::IssuerCount` (r:1 w:1)
	/// Proof: `Reputation::IssuerCount` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	fn remove_issuer() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `180`
		//  Estimated: `3513`
		// Minimum execution time: 12_000_000 picoseconds.
		Weight::from_parts(13_000_000, 3513)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `Reputation::Issuers` (r:2 w:0)
	/// Proof: `Reputation::Issuers` (`max_values`: None, `max_size`: Some(48), added: 2523, mode: `MaxEncodedLen`)
	/// Storage: `Reputation::Credentials` (r:1 w:1)
	/// Proof: `Reputation::Credentials` (`max_values`: None, `max_size`: Some(104), added: 2579, mode: `MaxEncodedLen`)
	/// Storage: `Reputation::IssuedBy` (r:2 w:2)
	/// Proof: `Reputation::IssuedBy` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	fn issue_credential() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `420`
		//  Estimated: `6058`
		// Minimum execution time: 24_000_000 picoseconds.
		Weight::from_parts(26_000_000, 6058)
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `Reputation::Credentials` (r:1 w:1)
	/// Proof: `Reputation::Credentials` (`max_values`: None, `max_size`: Some(104), added: 2579, mode: `MaxEncodedLen`)
	/// Storage: `Reputation::IssuedBy` (r:1 w:1)
	/// Proof: `Reputation::IssuedBy` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Reputation::CredentialCount` (r:1 w:1)
	/// Proof: `Reputation::CredentialCount` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	fn revoke_credential() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `300`
		//  Estimated: `3569`
		// Minimum execution time: 18_000_000 picoseconds.
		Weight::from_parts(19_000_000, 3569)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `Reputation::Credentials` (r:1 w:1)
	/// Proof: `Reputation::Credentials` (`max_values`: None, `max_size`: Some(104), added: 2579, mode: `MaxEncodedLen`)
	/// Storage: `Reputation::Issuers` (r:1 w:0)
	/// Proof: `Reputation::Issuers` (`max_values`: None, `max_size`: Some(48), added: 2523, mode: `MaxEncodedLen`)
	/// Storage: `Reputation::IssuedBy` (r:1 w:1)
	/// Proof: `Reputation::IssuedBy` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Reputation::CredentialCount` (r:1 w:1)
	/// Proof: `Reputation::CredentialCount` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	fn purge_credential() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `350`
		//  Estimated: `3569`
		// Minimum execution time: 20_000_000 picoseconds.
		Weight::from_parts(21_000_000, 3569)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// ESTIMATE (not measured): `on_initialize` dropping the credentials of `n` issuers
	/// expiring in the block, modelled on `remove_issuer` per issuer.
	/// Storage: `Reputation::ExpiringAt` (r:1 w:1), `Reputation::UnexpiredBy` (r:n w:n),
	/// `Reputation::Issuers` (r:n w:0), `Reputation::PersonCount` (r:n w:n)
	fn expire_credentials(n: u32, ) -> Weight {
		Weight::from_parts(5_000_000, 1500)
			.saturating_add(Weight::from_parts(14_000_000, 2527).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
			.saturating_add(T::DbWeight::get().reads((3_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes((2_u64).saturating_mul(n.into())))
	}
}

// For backwards compatibility and tests.
impl WeightInfo for () {
	fn add_domain() -> Weight {
		Weight::from_parts(16_000_000, 3557)
			.saturating_add(RocksDbWeight::get().reads(4_u64))
			.saturating_add(RocksDbWeight::get().writes(3_u64))
	}
	fn update_domain() -> Weight {
		Weight::from_parts(12_000_000, 3557)
			.saturating_add(RocksDbWeight::get().reads(1_u64))
			.saturating_add(RocksDbWeight::get().writes(1_u64))
	}
	fn remove_domain() -> Weight {
		Weight::from_parts(15_000_000, 3557)
			.saturating_add(RocksDbWeight::get().reads(2_u64))
			.saturating_add(RocksDbWeight::get().writes(3_u64))
	}
	fn set_attester() -> Weight {
		Weight::from_parts(16_000_000, 3579)
			.saturating_add(RocksDbWeight::get().reads(2_u64))
			.saturating_add(RocksDbWeight::get().writes(2_u64))
	}
	fn remove_attester() -> Weight {
		// Hand-estimated: the measured weight plus `Reputation::AttestedBy` (w:1), until re-measured.
		Weight::from_parts(17_000_000, 3579)
			.saturating_add(RocksDbWeight::get().reads(2_u64))
			.saturating_add(RocksDbWeight::get().writes(3_u64))
	}
	fn attest() -> Weight {
		// Hand-estimated: the measured weight plus `Reputation::AttestedBy` (r:1 w:1), until re-measured.
		Weight::from_parts(72_000_000, 12220)
			.saturating_add(RocksDbWeight::get().reads(8_u64))
			.saturating_add(RocksDbWeight::get().writes(7_u64))
	}
	fn revoke() -> Weight {
		// Hand-estimated: the measured weight plus `Reputation::AttestedBy` (r:1 w:1), until re-measured.
		Weight::from_parts(64_000_000, 12220)
			.saturating_add(RocksDbWeight::get().reads(6_u64))
			.saturating_add(RocksDbWeight::get().writes(5_u64))
	}
	fn slash(d: u32, ) -> Weight {
		Weight::from_parts(12_000_000, 3557)
			.saturating_add(Weight::from_parts(26_000_000, 0).saturating_mul(d.into()))
			.saturating_add(RocksDbWeight::get().reads((4_u64).saturating_mul(d.into())))
			.saturating_add(RocksDbWeight::get().writes((3_u64).saturating_mul(d.into())))
			.saturating_add(Weight::from_parts(0, 5558).saturating_mul(d.into()))
	}
	fn reap_score() -> Weight {
		Weight::from_parts(32_000_000, 6548)
			.saturating_add(RocksDbWeight::get().reads(4_u64))
			.saturating_add(RocksDbWeight::get().writes(3_u64))
	}
	fn add_issuer() -> Weight {
		Weight::from_parts(13_000_000, 3513)
			.saturating_add(RocksDbWeight::get().reads(4_u64))
			.saturating_add(RocksDbWeight::get().writes(3_u64))
	}
	fn remove_issuer() -> Weight {
		Weight::from_parts(13_000_000, 3513)
			.saturating_add(RocksDbWeight::get().reads(3_u64))
			.saturating_add(RocksDbWeight::get().writes(3_u64))
	}
	fn issue_credential() -> Weight {
		Weight::from_parts(26_000_000, 6058)
			.saturating_add(RocksDbWeight::get().reads(11_u64))
			.saturating_add(RocksDbWeight::get().writes(8_u64))
	}
	fn revoke_credential() -> Weight {
		Weight::from_parts(19_000_000, 3569)
			.saturating_add(RocksDbWeight::get().reads(7_u64))
			.saturating_add(RocksDbWeight::get().writes(7_u64))
	}
	fn purge_credential() -> Weight {
		Weight::from_parts(21_000_000, 3569)
			.saturating_add(RocksDbWeight::get().reads(8_u64))
			.saturating_add(RocksDbWeight::get().writes(7_u64))
	}
	/// ESTIMATE (not measured): `on_initialize` dropping the credentials of `n` issuers
	/// expiring in the block, modelled on `remove_issuer` per issuer.
	/// Storage: `Reputation::ExpiringAt` (r:1 w:1), `Reputation::UnexpiredBy` (r:n w:n),
	/// `Reputation::Issuers` (r:n w:0), `Reputation::PersonCount` (r:n w:n)
	fn expire_credentials(n: u32, ) -> Weight {
		Weight::from_parts(5_000_000, 1500)
			.saturating_add(Weight::from_parts(14_000_000, 2527).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(1_u64))
			.saturating_add(RocksDbWeight::get().writes(1_u64))
			.saturating_add(RocksDbWeight::get().reads((3_u64).saturating_mul(n.into())))
			.saturating_add(RocksDbWeight::get().writes((2_u64).saturating_mul(n.into())))
	}
}
