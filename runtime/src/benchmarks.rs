//! Benchmark registry (only with the `runtime-benchmarks` feature): every pallet of the runtime
//! whose weights are benchmarked on this chain.

use alloc::{string::String, vec::Vec};
use frame_benchmarking::{BenchmarkBatch, BenchmarkConfig, BenchmarkList};
use frame_support::traits::StorageInfo;

use crate::*;

frame_benchmarking::define_benchmarks!(
	[frame_benchmarking, BaselineBench::<Runtime>]
	[frame_system, SystemBench::<Runtime>]
	[frame_system_extensions, SystemExtensionsBench::<Runtime>]
	[pallet_balances, Balances]
	[pallet_timestamp, Timestamp]
	[pallet_utility, Utility]
	[pallet_multisig, Multisig]
	[pallet_proxy, Proxy]
	[pallet_preimage, Preimage]
	[pallet_reputation, Reputation]
	[pallet_referenda, Referenda]
	[pallet_voting, Voting]
	[pallet_constitution, Constitution]
	[pallet_guardians, Guardians]
	[pallet_artifacts, Artifacts]
	[pallet_quadratic_funding, QuadraticFunding]
	[pallet_trust, Trust]
	[pallet_multi_asset_bounties, Bounties]
	[pallet_bounty_work, BountyWork]
	[pallet_scheduler, Scheduler]
	[pallet_treasury, Treasury]
	[pallet_safe_mode, SafeMode]
	[pallet_tx_pause, TxPause]
	[pallet_sudo, Sudo]
	[pallet_transaction_payment, TransactionPayment]
);

use frame_benchmarking::baseline::Pallet as BaselineBench;
use frame_system_benchmarking::{
	extensions::Pallet as SystemExtensionsBench, Pallet as SystemBench,
};

impl frame_system_benchmarking::Config for Runtime {}
impl frame_benchmarking::baseline::Config for Runtime {}
impl pallet_transaction_payment::BenchmarkConfig for Runtime {}

/// The list of benchmarks and the storage layout, for `benchmark pallet --list`.
pub fn metadata(extra: bool) -> (Vec<BenchmarkList>, Vec<StorageInfo>) {
	use frame_support::traits::StorageInfoTrait;

	let mut list = Vec::<BenchmarkList>::new();
	list_benchmarks!(list, extra);
	(list, AllPalletsWithSystem::storage_info())
}

/// Runs the benchmarks `config` selects.
pub fn dispatch(config: BenchmarkConfig) -> Result<Vec<BenchmarkBatch>, String> {
	use frame_support::traits::WhitelistedStorageKeys;
	use sp_storage::TrackedStorageKey;

	let whitelist: Vec<TrackedStorageKey> = AllPalletsWithSystem::whitelisted_storage_keys();
	let mut batches = Vec::<BenchmarkBatch>::new();
	let params = (&config, &whitelist);
	add_benchmarks!(params, batches);
	Ok(batches)
}

/// What `pallet-constitution`'s benchmarks need: polls ended at will and council ballots.
pub struct ConstitutionBenchmarkHelper;
impl pallet_constitution::BenchmarkHelper<AccountId, u32> for ConstitutionBenchmarkHelper {
	fn conclude_poll(poll: u32, approved: bool) {
		use frame_support::traits::Polling;
		let _ = <Referenda as Polling<_>>::end_ongoing(poll, approved);
	}

	fn vote_council(who: &AccountId, poll: u32) {
		let _ = crate::Voting::vote(
			RuntimeOrigin::signed(who.clone()),
			poll,
			pallet_voting::AccountVote::Own(pallet_voting::Direction::Aye),
		);
	}
}

/// What `pallet-guardians`' benchmarks need: a measure as expensive as any (suspending a
/// registered artifact) and a decision with both houses' polls open (the costliest to cancel).
pub struct GuardiansBenchmarkHelper;
impl
	pallet_guardians::BenchmarkHelper<
		pallet_artifacts::ContentHash,
		pallet_constitution::DecisionId,
	> for GuardiansBenchmarkHelper
{
	fn measure(i: u32) -> pallet_guardians::Measure<pallet_artifacts::ContentHash, u32> {
		use frame_support::traits::fungible::Mutate;
		let registrant: AccountId = frame_benchmarking::account("registrant", i, 0);
		let _ = Balances::set_balance(&registrant, 1_000_000 * currency::UNIT);
		let hash = pallet_artifacts::ContentHash::Blake2_256(
			<sp_runtime::traits::BlakeTwo256 as sp_runtime::traits::Hash>::hash(
				&[b"guardians-bench".as_slice(), &i.to_le_bytes()].concat(),
			)
			.0,
		);
		let _ = Artifacts::register(
			RuntimeOrigin::signed(registrant),
			hash,
			pallet_artifacts::ArtifactKind::Model,
			b"bench-model".to_vec(),
			b"1".to_vec(),
			1,
			None,
			b"Apache-2.0".to_vec(),
			Vec::new(),
		);
		pallet_guardians::Measure::SuspendArtifact(hash)
	}

	fn decision(i: u32) -> pallet_constitution::DecisionId {
		use frame_support::traits::fungible::Mutate;
		let proposer: AccountId = frame_benchmarking::account("proposer", i, 0);
		let _ = Balances::set_balance(&proposer, 1_000_000_000 * currency::UNIT);
		let id = pallet_constitution::NextDecisionId::<Runtime>::get();
		let call =
			RuntimeCall::System(frame_system::Call::remark { remark: i.to_le_bytes().to_vec() });
		let call = frame_support::traits::Bounded::Inline(
			frame_support::traits::BoundedInline::truncate_from(codec::Encode::encode(&call)),
		);
		let _ = Constitution::propose(
			RuntimeOrigin::signed(proposer),
			crate::configs::constitution::classes::RUNTIME_UPGRADE,
			call,
		);
		id
	}
}
