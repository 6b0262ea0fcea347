//! Benchmarks of the artifacts pallet (frame-benchmarking v2), each in its worst case.

#![cfg(feature = "runtime-benchmarks")]
#![allow(clippy::unwrap_used, clippy::arithmetic_side_effects, clippy::indexing_slicing)]

use super::*;
use frame_benchmarking::v2::*;
use frame_system::RawOrigin;
use sp_core::H256;
use sp_runtime::Perbill;

const SEED: u32 = 0;

/// Content hash number `i`.
fn hash_of(i: u32) -> ContentHash {
	let mut digest = [0u8; 32];
	digest[..4].copy_from_slice(&i.to_le_bytes());
	ContentHash::Sha2_256(digest)
}

/// `len` bytes of `fill`.
fn filled(len: u32, fill: u8) -> Vec<u8> {
	vec![fill; len as usize]
}

/// Give `who` enough to pay a hundred deposits of the largest record.
fn fund<T: Config>(who: &T::AccountId) {
	let bytes = ArtifactOf::<T>::max_encoded_len() as u32;
	let deposit = T::DepositBase::get() + T::DepositPerByte::get() * bytes.into();
	let amount = <T::Currency as fungible::Inspect<T::AccountId>>::minimum_balance()
		+ deposit * 100u32.into();
	let _ = <T::Currency as fungible::Mutate<T::AccountId>>::set_balance(who, amount);
}

/// A record with every field at its maximum length, in stage `Registered`, without deposit
/// (for artifacts that are only read).
fn record<T: Config>(
	registrant: &T::AccountId,
	kind: ArtifactKind,
	parents: Vec<(ContentHash, Relation)>,
) -> ArtifactOf<T> {
	Artifact {
		kind,
		name: BoundedVec::truncate_from(filled(T::MaxNameLen::get(), b'n')),
		version: BoundedVec::truncate_from(filled(T::MaxVersionLen::get(), b'v')),
		size: u64::MAX,
		uri: Some(BoundedVec::truncate_from(filled(T::MaxUriLen::get(), b'u'))),
		licence: BoundedVec::truncate_from(filled(T::MaxLicenceLen::get(), b'L')),
		parents: BoundedVec::truncate_from(parents),
		registrant: registrant.clone(),
		deposit: Zero::zero(),
		stage: Stage::Registered,
		registered_at: frame_system::Pallet::<T>::block_number(),
	}
}

/// Register through the call (holding the deposit), every field at its maximum length.
fn register_as<T: Config>(
	who: &T::AccountId,
	hash: ContentHash,
	parents: Vec<(ContentHash, Relation)>,
) -> Result<(), BenchmarkError> {
	Pallet::<T>::register(
		RawOrigin::Signed(who.clone()).into(),
		hash,
		ArtifactKind::Model,
		filled(T::MaxNameLen::get(), b'n'),
		filled(T::MaxVersionLen::get(), b'v'),
		u64::MAX,
		Some(filled(T::MaxUriLen::get(), b'u')),
		filled(T::MaxLicenceLen::get(), b'L'),
		parents,
	)?;
	Ok(())
}

/// `n` attestations on `hash` by distinct attesters: a model-card review, a licence review, a
/// red-team score of 100 %, an evaluation score, then reproductions.
fn fill_attestations<T: Config>(hash: ContentHash, n: u32) {
	let now = frame_system::Pallet::<T>::block_number();
	let attestations: Vec<AttestationOf<T>> = (0..n)
		.map(|i| {
			let kind = match i {
				0 => AttestationKind::ModelCardReviewed,
				1 => AttestationKind::LicenceReviewed,
				2 => AttestationKind::RedTeamScore {
					score: Perbill::from_percent(100),
					report: H256::repeat_byte(1),
				},
				3 => AttestationKind::EvalScore { suite: None, score: Perbill::from_percent(100) },
				_ => AttestationKind::Reproduced,
			};
			Attestation { attester: account("attester", i, SEED), kind, at: now }
		})
		.collect();
	Attestations::<T>::insert(hash, BoundedVec::truncate_from(attestations));
}

/// A gate with every requirement, met by a full list from `fill_attestations`.
fn strict_gate<T: Config>() -> Gate {
	let max = T::MaxAttestations::get();
	Gate {
		min_reproductions: max - 4,
		min_eval_scores: 1,
		min_red_team_score: Some(Perbill::from_percent(50)),
		require_model_card_review: true,
		require_licence_review: true,
		min_attesters: max,
	}
}

/// Suspend `hash` (a stored record) until the next block, in a full expiry queue; returns that
/// block.
fn suspend_in_full_queue<T: Config>(hash: ContentHash) -> BlockNumberFor<T> {
	let until = frame_system::Pallet::<T>::block_number() + 1u32.into();
	let mut queue: Vec<ContentHash> =
		(1..T::MaxExpiriesPerBlock::get()).map(|i| hash_of(10_000 + i)).collect();
	queue.push(hash);
	SuspensionExpiries::<T>::insert(until, BoundedVec::truncate_from(queue));
	Artifacts::<T>::mutate(hash, |artifact| {
		if let Some(artifact) = artifact {
			artifact.stage = Stage::Suspended { previous: ReleaseStage::General, until };
		}
	});
	until
}

#[benchmarks]
mod benchmarks {
	use super::*;

	/// `p` parents; every field at its maximum length.
	#[benchmark]
	fn register(p: Linear<0, { T::MaxParents::get() }>) -> Result<(), BenchmarkError> {
		let owner: T::AccountId = account("owner", 0, SEED);
		let parents: Vec<(ContentHash, Relation)> = (0..p)
			.map(|i| {
				let parent = hash_of(1_000 + i);
				Artifacts::<T>::insert(parent, record::<T>(&owner, ArtifactKind::Dataset, vec![]));
				(parent, Relation::TrainedOn)
			})
			.collect();
		let caller: T::AccountId = whitelisted_caller();
		fund::<T>(&caller);
		let hash = hash_of(0);

		#[extrinsic_call]
		_(
			RawOrigin::Signed(caller),
			hash,
			ArtifactKind::Model,
			filled(T::MaxNameLen::get(), b'n'),
			filled(T::MaxVersionLen::get(), b'v'),
			u64::MAX,
			Some(filled(T::MaxUriLen::get(), b'u')),
			filled(T::MaxLicenceLen::get(), b'L'),
			parents,
		);

		assert_eq!(Artifacts::<T>::get(hash).unwrap().parents.len() as u32, p);
		Ok(())
	}

	/// Worst case: an evaluation score with a registered suite, on an artifact one attestation
	/// short of full.
	#[benchmark]
	fn attest() -> Result<(), BenchmarkError> {
		let owner: T::AccountId = account("owner", 0, SEED);
		let hash = hash_of(0);
		let suite = hash_of(1);
		Artifacts::<T>::insert(hash, record::<T>(&owner, ArtifactKind::Model, vec![]));
		Artifacts::<T>::insert(suite, record::<T>(&owner, ArtifactKind::EvalSuite, vec![]));
		let max = T::MaxAttestations::get();
		fill_attestations::<T>(hash, max - 1);
		let caller: T::AccountId = whitelisted_caller();
		T::Attesters::authorise(&caller, AttestationType::EvalScore);
		let kind =
			AttestationKind::EvalScore { suite: Some(suite), score: Perbill::from_percent(90) };

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), hash, kind);

		assert_eq!(Attestations::<T>::get(hash).len() as u32, max);
		Ok(())
	}

	/// Worst case: the revoked attestation is the last of a full list.
	#[benchmark]
	fn revoke_attestation() -> Result<(), BenchmarkError> {
		let owner: T::AccountId = account("owner", 0, SEED);
		let hash = hash_of(0);
		Artifacts::<T>::insert(hash, record::<T>(&owner, ArtifactKind::Model, vec![]));
		let max = T::MaxAttestations::get();
		fill_attestations::<T>(hash, max - 1);
		let caller: T::AccountId = whitelisted_caller();
		let now = frame_system::Pallet::<T>::block_number();
		Attestations::<T>::mutate(hash, |attestations| {
			attestations
				.try_push(Attestation {
					attester: caller.clone(),
					kind: AttestationKind::Reproduced,
					at: now,
				})
				.unwrap()
		});

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), hash, AttestationType::Reproduced);

		assert_eq!(Attestations::<T>::get(hash).len() as u32, max - 1);
		Ok(())
	}

	/// Worst case: the removed attestation is the last of a full list.
	#[benchmark]
	fn remove_attestation() -> Result<(), BenchmarkError> {
		let origin =
			T::GateOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let owner: T::AccountId = account("owner", 0, SEED);
		let hash = hash_of(0);
		Artifacts::<T>::insert(hash, record::<T>(&owner, ArtifactKind::Model, vec![]));
		let max = T::MaxAttestations::get();
		fill_attestations::<T>(hash, max);
		let attester: T::AccountId = account("attester", max - 1, SEED);

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, hash, attester, AttestationType::Reproduced);

		assert_eq!(Attestations::<T>::get(hash).len() as u32, max - 1);
		Ok(())
	}

	#[benchmark]
	fn set_gate() -> Result<(), BenchmarkError> {
		let origin =
			T::GateOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let gate = strict_gate::<T>();

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, GatedStage::General, gate);

		assert_eq!(Gates::<T>::get(GatedStage::General), Some(gate));
		Ok(())
	}

	/// Worst case: a gate with every requirement, checked against a full list of attestations.
	#[benchmark]
	fn advance_stage() -> Result<(), BenchmarkError> {
		let origin =
			T::ReleaseOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let owner: T::AccountId = account("owner", 0, SEED);
		let hash = hash_of(0);
		Artifacts::<T>::insert(hash, record::<T>(&owner, ArtifactKind::Model, vec![]));
		fill_attestations::<T>(hash, T::MaxAttestations::get());
		Gates::<T>::insert(GatedStage::ResearchOnly, strict_gate::<T>());

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, hash, GatedStage::ResearchOnly);

		assert_eq!(Artifacts::<T>::get(hash).unwrap().stage, Stage::ResearchOnly);
		Ok(())
	}

	/// By the registrant (the release origin is tried first).
	#[benchmark]
	fn deprecate() -> Result<(), BenchmarkError> {
		let caller: T::AccountId = whitelisted_caller();
		let hash = hash_of(0);
		Artifacts::<T>::insert(hash, record::<T>(&caller, ArtifactKind::Model, vec![]));

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), hash);

		assert_eq!(Artifacts::<T>::get(hash).unwrap().stage, Stage::Deprecated);
		Ok(())
	}

	/// Worst case: moves an existing suspension from a full expiry queue to a queue one short
	/// of full.
	#[benchmark]
	fn suspend() -> Result<(), BenchmarkError> {
		let origin =
			T::SuspendOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let owner: T::AccountId = account("owner", 0, SEED);
		let hash = hash_of(0);
		Artifacts::<T>::insert(hash, record::<T>(&owner, ArtifactKind::Model, vec![]));
		suspend_in_full_queue::<T>(hash);
		let until = frame_system::Pallet::<T>::block_number() + T::MaxSuspension::get();
		let queue: Vec<ContentHash> =
			(1..T::MaxExpiriesPerBlock::get()).map(|i| hash_of(20_000 + i)).collect();
		SuspensionExpiries::<T>::insert(until, BoundedVec::truncate_from(queue));

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, hash, until);

		assert!(SuspensionExpiries::<T>::get(until).contains(&hash));
		Ok(())
	}

	/// Worst case: the suspension is the last entry of a full expiry queue.
	#[benchmark]
	fn lift() -> Result<(), BenchmarkError> {
		let origin =
			T::SuspendOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let owner: T::AccountId = account("owner", 0, SEED);
		let hash = hash_of(0);
		Artifacts::<T>::insert(hash, record::<T>(&owner, ArtifactKind::Model, vec![]));
		let until = suspend_in_full_queue::<T>(hash);

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, hash);

		assert_eq!(Artifacts::<T>::get(hash).unwrap().stage, Stage::General);
		assert!(!SuspensionExpiries::<T>::get(until).contains(&hash));
		Ok(())
	}

	/// Worst case: a suspended artifact (in a full expiry queue) with a held deposit and a full
	/// list of attestations.
	#[benchmark]
	fn withdraw() -> Result<(), BenchmarkError> {
		let origin =
			T::TakedownOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let owner: T::AccountId = account("owner", 0, SEED);
		fund::<T>(&owner);
		let hash = hash_of(0);
		register_as::<T>(&owner, hash, vec![])?;
		suspend_in_full_queue::<T>(hash);
		fill_attestations::<T>(hash, T::MaxAttestations::get());

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, hash);

		assert_eq!(Artifacts::<T>::get(hash).unwrap().stage, Stage::Withdrawn);
		assert!(!Attestations::<T>::contains_key(hash));
		Ok(())
	}

	/// An artifact with `p` parents, whose child counts are decremented.
	#[benchmark]
	fn retract(p: Linear<0, { T::MaxParents::get() }>) -> Result<(), BenchmarkError> {
		let owner: T::AccountId = account("owner", 0, SEED);
		let parents: Vec<(ContentHash, Relation)> = (0..p)
			.map(|i| {
				let parent = hash_of(1_000 + i);
				Artifacts::<T>::insert(parent, record::<T>(&owner, ArtifactKind::Dataset, vec![]));
				(parent, Relation::TrainedOn)
			})
			.collect();
		let caller: T::AccountId = whitelisted_caller();
		fund::<T>(&caller);
		let hash = hash_of(0);
		register_as::<T>(&caller, hash, parents)?;

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), hash);

		assert!(!Artifacts::<T>::contains_key(hash));
		Ok(())
	}

	/// `e` suspensions lapse at the block.
	#[benchmark]
	fn on_initialize(
		e: Linear<0, { T::MaxExpiriesPerBlock::get() }>,
	) -> Result<(), BenchmarkError> {
		let owner: T::AccountId = account("owner", 0, SEED);
		let until = frame_system::Pallet::<T>::block_number() + 1u32.into();
		let hashes: Vec<ContentHash> = (0..e)
			.map(|i| {
				let hash = hash_of(i);
				let mut artifact = record::<T>(&owner, ArtifactKind::Model, vec![]);
				artifact.stage = Stage::Suspended { previous: ReleaseStage::General, until };
				Artifacts::<T>::insert(hash, artifact);
				hash
			})
			.collect();
		if e > 0 {
			SuspensionExpiries::<T>::insert(until, BoundedVec::truncate_from(hashes.clone()));
		}

		#[block]
		{
			let _ = Pallet::<T>::on_initialize(until);
		}

		for hash in hashes {
			assert_eq!(Artifacts::<T>::get(hash).unwrap().stage, Stage::General);
		}
		assert!(!SuspensionExpiries::<T>::contains_key(until));
		Ok(())
	}

	/// Lineage lookup `d` generations deep: a chain of `d + 1` artifacts, each with the next as
	/// a parent plus `MaxParents - 1` leaf parents (so `MaxParents` links per generation, up to
	/// `MaxLineageEntries`).
	#[benchmark]
	fn lineage(d: Linear<1, { T::MaxLineageDepth::get() }>) -> Result<(), BenchmarkError> {
		let owner: T::AccountId = account("owner", 0, SEED);
		let width = T::MaxParents::get();
		for k in (0..=d).rev() {
			let mut parents = Vec::new();
			if k < d {
				parents.push((hash_of(k + 1), Relation::FineTunedFrom));
				for j in 1..width {
					let leaf = hash_of(1_000_000 + k * 1_000 + j);
					Artifacts::<T>::insert(
						leaf,
						record::<T>(&owner, ArtifactKind::Dataset, vec![]),
					);
					parents.push((leaf, Relation::TrainedOn));
				}
			}
			Artifacts::<T>::insert(hash_of(k), record::<T>(&owner, ArtifactKind::Model, parents));
		}

		#[block]
		{
			let _ = Pallet::<T>::lineage(hash_of(0), d);
		}

		let expected = (d * width).min(T::MaxLineageEntries::get());
		assert_eq!(Pallet::<T>::lineage(hash_of(0), d).len() as u32, expected);
		Ok(())
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
