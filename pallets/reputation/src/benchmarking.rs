//! Benchmarks of the reputation pallet (frame-benchmarking v2), each in its worst case.

#![cfg(feature = "runtime-benchmarks")]
#![allow(clippy::unwrap_used, clippy::arithmetic_side_effects, clippy::indexing_slicing)]

use super::*;
use crate::{
	decay::{Bucket, MAX_BUCKETS},
	Pallet as Reputation,
};
use alloc::vec;
use frame_benchmarking::v2::*;
use frame_system::RawOrigin;

const SEED: u32 = 0;
/// Domain id used by the benchmarks (the ids of seeded domains are small).
const BENCH_DOMAIN: DomainId = 999;
/// Half-life of the benchmark domain: 3 blocks, so that most blocks have a non-zero fraction.
const HALF_LIFE: u32 = 3;
/// Units per bucket and per score in the synthetic domain totals.
const UNITS: u128 = 1 << 40;

/// A name of maximal length.
fn max_name<T: Config>(fill: u8) -> NameOf<T> {
	BoundedVec::truncate_from(vec![fill; T::MaxNameLength::get() as usize])
}

/// Add domains (ids from 1000) until at most `free` slots remain.
fn fill_domains<T: Config>(free: u32) -> Result<(), BenchmarkError> {
	let mut id: DomainId = 1_000;
	while Domains::<T>::count() < T::MaxDomains::get().saturating_sub(free) {
		Reputation::<T>::do_add_domain(id, max_name::<T>(b'x'), HALF_LIFE.into())?;
		id += 1;
	}
	Ok(())
}

/// Add the benchmark domain (making room for it first).
fn setup_domain<T: Config>() -> Result<(), BenchmarkError> {
	fill_domains::<T>(1)?;
	Reputation::<T>::do_add_domain(BENCH_DOMAIN, max_name::<T>(b'd'), HALF_LIFE.into())?;
	Ok(())
}

/// Move 200 half-lives and a third past the current block; returns the current epoch.
fn advance<T: Config>(domain: DomainId) -> u64 {
	let elapsed: BlockNumberFor<T> = (200 * HALF_LIFE + 1).into();
	let now = frame_system::Pallet::<T>::block_number() + elapsed;
	frame_system::Pallet::<T>::set_block_number(now);
	let info = Domains::<T>::get(domain).unwrap();
	Reputation::<T>::epoch_and_fraction(&info, now).0
}

/// A full bucket list for `epoch`: one bucket for each of the `MAX_BUCKETS - 1` previous epochs
/// that exist (the most recent holding `last` units).
fn full_buckets(epoch: u64, last: u128) -> Buckets {
	let buckets: Vec<Bucket> = (1..MAX_BUCKETS as u64)
		.rev()
		.filter(|back| *back <= epoch)
		.map(|back| Bucket { epoch: epoch - back, units: if back == 1 { last } else { UNITS } })
		.collect();
	BoundedVec::truncate_from(buckets)
}

/// Give `who` a score of `units` at `epoch` in `domain`, counted in the domain's records.
fn put_score<T: Config>(who: &T::AccountId, domain: DomainId, units: u128, epoch: u64) {
	Scores::<T>::insert(who, domain, ScoreRecord { units, epoch });
	DomainRecords::<T>::mutate(domain, |n| *n += 1);
}

/// `n` attestations of `attester` made at the current block, with ids `0..n`.
fn fill_ledger<T: Config>(attester: &T::AccountId, subject: &T::AccountId, n: u32, epoch: u64) {
	let now = frame_system::Pallet::<T>::block_number();
	let ledger: Vec<AttestationOf<T>> = (0..n)
		.map(|i| Attestation {
			id: i as u64,
			subject: subject.clone(),
			domain: BENCH_DOMAIN,
			incarnation: Domains::<T>::get(BENCH_DOMAIN).map(|d| d.incarnation).unwrap_or(0),
			points: 1,
			units: 1,
			epoch,
			at: now,
			evidence: T::Hash::default(),
		})
		.collect();
	Attestations::<T>::insert(attester, BoundedVec::truncate_from(ledger));
	NextAttestationId::<T>::put(n as u64);
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn add_domain() -> Result<(), BenchmarkError> {
		let origin =
			T::DomainOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		fill_domains::<T>(1)?;
		let half_life: BlockNumberFor<T> = HALF_LIFE.into();

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, BENCH_DOMAIN, max_name::<T>(b'n'), half_life);

		assert!(Domains::<T>::contains_key(BENCH_DOMAIN));
		Ok(())
	}

	#[benchmark]
	fn update_domain() -> Result<(), BenchmarkError> {
		let origin =
			T::DomainOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		setup_domain::<T>()?;
		let half_life: BlockNumberFor<T> = (2 * HALF_LIFE).into();

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, BENCH_DOMAIN, Some(max_name::<T>(b'u')), Some(half_life));

		assert_eq!(Domains::<T>::get(BENCH_DOMAIN).unwrap().half_life, half_life);
		Ok(())
	}

	#[benchmark]
	fn remove_domain() -> Result<(), BenchmarkError> {
		let origin =
			T::DomainOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		setup_domain::<T>()?;
		let epoch = advance::<T>(BENCH_DOMAIN);
		DomainTotals::<T>::insert(BENCH_DOMAIN, full_buckets(epoch, UNITS));

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, BENCH_DOMAIN);

		assert!(!Domains::<T>::contains_key(BENCH_DOMAIN));
		assert!(!DomainTotals::<T>::contains_key(BENCH_DOMAIN));
		Ok(())
	}

	#[benchmark]
	fn set_attester() -> Result<(), BenchmarkError> {
		let origin =
			T::AttesterOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		setup_domain::<T>()?;
		for i in 0..T::MaxAttestersPerDomain::get().saturating_sub(1) {
			Reputation::<T>::do_set_attester(
				BENCH_DOMAIN,
				account("attester", i, SEED),
				1_000,
				10_000,
			)?;
		}
		let attester: T::AccountId = account("new", 0, SEED);

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, BENCH_DOMAIN, attester.clone(), 1_000u128, 10_000u128);

		assert!(Attesters::<T>::contains_key(BENCH_DOMAIN, &attester));
		Ok(())
	}

	#[benchmark]
	fn remove_attester() -> Result<(), BenchmarkError> {
		let origin =
			T::AttesterOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		setup_domain::<T>()?;
		let attester: T::AccountId = account("attester", 0, SEED);
		Reputation::<T>::do_set_attester(BENCH_DOMAIN, attester.clone(), 1_000, 10_000)?;
		AttestedBy::<T>::insert(BENCH_DOMAIN, &attester, ScoreRecord { units: UNITS, epoch: 0 });

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, BENCH_DOMAIN, attester.clone());

		assert!(!Attesters::<T>::contains_key(BENCH_DOMAIN, &attester));
		assert!(!AttestedBy::<T>::contains_key(BENCH_DOMAIN, &attester));
		Ok(())
	}

	/// Worst case: the subject's score is moved to a new epoch between full bucket lists, and
	/// the attester's list of revocable attestations is one short of full.
	#[benchmark]
	fn attest() -> Result<(), BenchmarkError> {
		setup_domain::<T>()?;
		let attester: T::AccountId = whitelisted_caller();
		Reputation::<T>::do_set_attester(BENCH_DOMAIN, attester.clone(), u128::MAX, u128::MAX)?;
		let subject: T::AccountId = account("subject", 0, SEED);
		let epoch = advance::<T>(BENCH_DOMAIN);
		DomainTotals::<T>::insert(BENCH_DOMAIN, full_buckets(epoch, UNITS));
		put_score::<T>(&subject, BENCH_DOMAIN, UNITS, epoch - 1);
		// The attester's tally is moved to the new epoch too.
		AttestedBy::<T>::insert(
			BENCH_DOMAIN,
			&attester,
			ScoreRecord { units: UNITS, epoch: epoch - 1 },
		);
		let max = T::MaxAttestationsPerAttester::get();
		fill_ledger::<T>(&attester, &subject, max.saturating_sub(1), epoch);

		#[extrinsic_call]
		_(
			RawOrigin::Signed(attester.clone()),
			subject.clone(),
			BENCH_DOMAIN,
			1_000u128,
			T::Hash::default(),
		);

		assert_eq!(Attestations::<T>::get(&attester).len() as u32, max);
		assert_eq!(Scores::<T>::get(&subject, BENCH_DOMAIN).unwrap().epoch, epoch);
		Ok(())
	}

	/// Worst case: the revoked attestation is the last of a full list, and the subject's score is
	/// moved to a new epoch between full bucket lists.
	#[benchmark]
	fn revoke() -> Result<(), BenchmarkError> {
		setup_domain::<T>()?;
		let attester: T::AccountId = whitelisted_caller();
		let subject: T::AccountId = account("subject", 0, SEED);
		let epoch = advance::<T>(BENCH_DOMAIN);
		DomainTotals::<T>::insert(BENCH_DOMAIN, full_buckets(epoch, UNITS));
		put_score::<T>(&subject, BENCH_DOMAIN, UNITS, epoch - 1);
		let max = T::MaxAttestationsPerAttester::get();
		fill_ledger::<T>(&attester, &subject, max, epoch - 1);
		// The attester's tally is moved to the new epoch and lowered.
		Reputation::<T>::do_set_attester(BENCH_DOMAIN, attester.clone(), 1_000, 10_000)?;
		AttestedBy::<T>::insert(
			BENCH_DOMAIN,
			&attester,
			ScoreRecord { units: UNITS.saturating_mul(2), epoch: epoch - 1 },
		);
		let id = (max as u64) - 1;

		#[extrinsic_call]
		_(RawOrigin::Signed(attester.clone()), id);

		assert_eq!(Attestations::<T>::get(&attester).len() as u32, max - 1);
		assert!(AttestedBy::<T>::contains_key(BENCH_DOMAIN, &attester));
		Ok(())
	}

	/// Slash in every domain, `d` of which hold a score of the subject between full bucket lists.
	#[benchmark]
	fn slash(d: Linear<1, { T::MaxDomains::get() }>) -> Result<(), BenchmarkError> {
		let origin =
			T::SlashOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let mut id: DomainId = 2_000;
		while Domains::<T>::count() < d {
			Reputation::<T>::do_add_domain(id, max_name::<T>(b's'), HALF_LIFE.into())?;
			id += 1;
		}
		let subject: T::AccountId = account("subject", 0, SEED);
		let domains: Vec<DomainId> = Domains::<T>::iter_keys().take(d as usize).collect();
		let elapsed: BlockNumberFor<T> = (200 * HALF_LIFE + 1).into();
		let now = frame_system::Pallet::<T>::block_number() + elapsed;
		frame_system::Pallet::<T>::set_block_number(now);
		for domain in domains.iter() {
			let info = Domains::<T>::get(domain).unwrap();
			let (epoch, _) = Reputation::<T>::epoch_and_fraction(&info, now);
			DomainTotals::<T>::insert(domain, full_buckets(epoch, UNITS));
			put_score::<T>(&subject, *domain, UNITS, epoch.saturating_sub(1));
		}

		#[extrinsic_call]
		_(
			origin as T::RuntimeOrigin,
			subject.clone(),
			None,
			Perbill::from_percent(50),
			T::Hash::default(),
		);

		for domain in domains.iter() {
			assert!(Scores::<T>::get(&subject, domain).unwrap().units < UNITS);
		}
		Ok(())
	}

	/// Worst case: a score worth less than half a point in an existing domain, whose bucket
	/// list is full.
	#[benchmark]
	fn reap_score() -> Result<(), BenchmarkError> {
		setup_domain::<T>()?;
		let subject: T::AccountId = account("subject", 0, SEED);
		let epoch = advance::<T>(BENCH_DOMAIN);
		DomainTotals::<T>::insert(BENCH_DOMAIN, full_buckets(epoch, 1));
		put_score::<T>(&subject, BENCH_DOMAIN, 1, epoch - 1);
		let caller: T::AccountId = whitelisted_caller();

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), subject.clone(), BENCH_DOMAIN);

		assert!(!Scores::<T>::contains_key(&subject, BENCH_DOMAIN));
		Ok(())
	}

	#[benchmark]
	fn add_issuer() -> Result<(), BenchmarkError> {
		let origin =
			T::PersonhoodOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let mut i = 0;
		while Issuers::<T>::count() < T::MaxIssuers::get().saturating_sub(1) {
			Reputation::<T>::do_add_issuer(account("issuer", i, SEED))?;
			i += 1;
		}
		let issuer: T::AccountId = account("new", 0, SEED);

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, issuer.clone());

		assert!(Issuers::<T>::contains_key(&issuer));
		Ok(())
	}

	#[benchmark]
	fn remove_issuer() -> Result<(), BenchmarkError> {
		let origin =
			T::PersonhoodOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let issuer: T::AccountId = account("issuer", 0, SEED);
		Reputation::<T>::do_add_issuer(issuer.clone())?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, issuer.clone());

		assert!(!Issuers::<T>::contains_key(&issuer));
		Ok(())
	}

	/// Worst case: replaces an expired credential granted by another issuer.
	#[benchmark]
	fn issue_credential() -> Result<(), BenchmarkError> {
		let issuer: T::AccountId = whitelisted_caller();
		let old_issuer: T::AccountId = account("old-issuer", 0, SEED);
		Reputation::<T>::do_add_issuer(issuer.clone())?;
		Reputation::<T>::do_add_issuer(old_issuer.clone())?;
		let who: T::AccountId = account("person", 0, SEED);
		let one: BlockNumberFor<T> = 1u32.into();
		let now = frame_system::Pallet::<T>::block_number();
		Reputation::<T>::issue_credential(
			RawOrigin::Signed(old_issuer).into(),
			who.clone(),
			7,
			now + one + one,
		)?;
		let now = now + one;
		frame_system::Pallet::<T>::set_block_number(now);
		// Still unexpired but from a removed issuer: the replacement moves its expiry count.
		Reputation::<T>::remove_issuer(
			T::PersonhoodOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?,
			account("old-issuer", 0, SEED),
		)?;
		let expires_at = now + T::MaxCredentialDuration::get();

		#[extrinsic_call]
		_(RawOrigin::Signed(issuer.clone()), who.clone(), 7, expires_at);

		assert_eq!(Credentials::<T>::get(&who).unwrap().issuer, issuer);
		Ok(())
	}

	/// Revocation by the credential's issuer (the origin check tries governance first).
	#[benchmark]
	fn revoke_credential() -> Result<(), BenchmarkError> {
		let issuer: T::AccountId = whitelisted_caller();
		Reputation::<T>::do_add_issuer(issuer.clone())?;
		let who: T::AccountId = account("person", 0, SEED);
		let ten: BlockNumberFor<T> = 10u32.into();
		let expires_at = frame_system::Pallet::<T>::block_number() + ten;
		Reputation::<T>::issue_credential(
			RawOrigin::Signed(issuer.clone()).into(),
			who.clone(),
			7,
			expires_at,
		)?;

		#[extrinsic_call]
		_(RawOrigin::Signed(issuer), who.clone());

		assert!(!Credentials::<T>::contains_key(&who));
		Ok(())
	}

	#[benchmark]
	fn purge_credential() -> Result<(), BenchmarkError> {
		let issuer: T::AccountId = account("issuer", 0, SEED);
		Reputation::<T>::do_add_issuer(issuer.clone())?;
		let who: T::AccountId = account("person", 0, SEED);
		let one: BlockNumberFor<T> = 1u32.into();
		let now = frame_system::Pallet::<T>::block_number();
		Reputation::<T>::issue_credential(
			RawOrigin::Signed(issuer).into(),
			who.clone(),
			7,
			now + one,
		)?;
		frame_system::Pallet::<T>::set_block_number(now + one);
		Reputation::<T>::on_initialize(now + one);
		let caller: T::AccountId = whitelisted_caller();

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), who.clone());

		assert!(!Credentials::<T>::contains_key(&who));
		Ok(())
	}

	/// `on_initialize` in a block where credentials of `n` issuers expire (at most
	/// `MaxIssuers`), authorised as far as `MaxIssuers` leaves room.
	#[benchmark]
	fn expire_credentials(n: Linear<1, { T::MaxIssuers::get() }>) -> Result<(), BenchmarkError> {
		let one: BlockNumberFor<T> = 1u32.into();
		let at = frame_system::Pallet::<T>::block_number() + one;
		for i in 0..n {
			let issuer: T::AccountId = account("expiring-issuer", i, SEED);
			Reputation::<T>::do_add_issuer(issuer.clone())?;
			let who: T::AccountId = account("expiring-person", i, SEED);
			Reputation::<T>::issue_credential(
				RawOrigin::Signed(issuer.clone()).into(),
				who,
				1_000 + u64::from(i),
				at,
			)?;
			// Keep room for the next issuer (the runtime may have genesis issuers).
			if Issuers::<T>::count() >= T::MaxIssuers::get() {
				let origin = T::PersonhoodOrigin::try_successful_origin()
					.map_err(|_| BenchmarkError::Weightless)?;
				Reputation::<T>::remove_issuer(origin, issuer)?;
			}
		}
		frame_system::Pallet::<T>::set_block_number(at);

		#[block]
		{
			Reputation::<T>::on_initialize(at);
		}

		assert!(ExpiringAt::<T>::get(at).is_empty());
		Ok(())
	}

	impl_benchmark_test_suite!(Reputation, crate::mock::new_test_ext(), crate::mock::Test);
}
