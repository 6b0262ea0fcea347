//! # Reputation pallet
//!
//! Non-transferable, attestation-backed reputation per domain, with exponential decay,
//! slashing and personhood credentials (Ostrom design §4).
//!
//! - **Domains** (code, data, evaluation, safety, docs, …) form a bounded set managed by
//!   [`Config::DomainOrigin`]; each has a half-life in blocks.
//! - **Attesters** are authorised per domain by [`Config::AttesterOrigin`], each with a maximum per
//!   attestation and a rate limit in points per [`Config::RatePeriod`].
//! - [`Pallet::attest`] raises a subject's score and records the attestation; the attester may
//!   [`Pallet::revoke`] it within [`Config::RevocationWindow`] blocks, which removes exactly the
//!   points of that attestation that remain after decay. Each attester keeps at most
//!   [`Config::MaxAttestationsPerAttester`] revocable attestations.
//! - **Attester share**: once a domain's total exceeds [`Config::AttesterShareFloor`] points,
//!   an attestation that would make the attester's outstanding attested points in the domain
//!   ([`AttestedBy`]) more than [`Config::MaxAttesterShare`] of the domain's total is refused
//!   with [`Error::AttesterShareExceeded`], so no single attester mints a domain's majority.
//! - **Decay** halves a score every half-life. It is applied lazily in O(1) with deterministic
//!   fixed-point arithmetic; per-domain totals decay the same way. See [`decay`] for the model and
//!   its rounding bound: every read is within `ideal · 10⁻⁹ + 1` point of exact block-by-block
//!   decay (with at most 3 half-life changes of the domain in between; `2 · 10⁻¹⁰` more per further
//!   change), and `|domain total − Σ scores| ≤ N` for the `N` non-zero scores of the domain.
//! - **Slashing** by [`Config::SlashOrigin`] (or by other pallets through [`ReputationSlasher`])
//!   removes a fraction of a subject's reputation in one or all domains.
//! - **Personhood credentials** are granted by issuers authorised by [`Config::PersonhoodOrigin`],
//!   one per account, with an expiry checked on read. Each certifies an issuer-assigned
//!   [`PersonId`] that stays the same across the person's key rotations; two stored credentials
//!   never share one ([`PersonAccount`]). The number of valid credentials ([`PersonCount`]) is
//!   kept in O(1): credentials are counted per expiry block ([`ExpiringAt`]) and leave the count
//!   in `on_initialize` of the block they expire in, and a removed issuer's unexpired
//!   credentials ([`UnexpiredBy`]) leave it at once. Removing a credential tells
//!   [`Config::OnCredentialRemoved`] (the voting pallet voids its quadratic ballots).
//! - No call moves reputation between accounts.
//!
//! Other pallets read reputation through [`ReputationProvider`] and [`PersonhoodProvider`];
//! clients through the [`runtime_api::ReputationApi`] runtime API.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use ostrom_primitives::decay;
pub mod runtime_api;
pub mod traits;
pub mod types;
pub mod weights;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;

pub use ostrom_primitives::{
	OnCredentialRemoved, OnReputationSlashed, PersonhoodProvider, ReputationProvider,
	ReputationSlasher,
};
pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

use alloc::vec::Vec;
use decay::Buckets;
use frame_support::pallet_prelude::*;
use frame_support::traits::DefensiveSaturating as _;
use frame_system::pallet_prelude::*;
use sp_runtime::{
	traits::{Saturating, Zero},
	Perbill, SaturatedConversion,
};

/// Each domain's current epoch and clock fraction (for the invariant checks).
#[cfg(any(feature = "try-runtime", test))]
type Epochs = alloc::collections::btree_map::BTreeMap<DomainId, (u64, u32)>;
#[cfg(any(feature = "try-runtime", test))]
use alloc::collections::btree_map::BTreeMap;

/// Log target of this pallet.
pub const LOG_TARGET: &str = "runtime::reputation";

#[frame_support::pallet]
pub mod pallet {
	use super::*;

	#[pallet::pallet]
	pub struct Pallet<T>(PhantomData<T>);

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The overarching event type.
		#[allow(deprecated)]
		type RuntimeEvent: From<Event<Self>> + IsType<<Self as frame_system::Config>::RuntimeEvent>;

		/// Weight information for the calls of this pallet.
		type WeightInfo: WeightInfo;

		/// Origin that adds, updates and removes domains.
		type DomainOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Origin that authorises and removes attesters.
		type AttesterOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Origin that slashes reputation (a decision class of the constitution).
		type SlashOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Origin that authorises and removes personhood issuers, and may revoke any credential.
		type PersonhoodOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Maximum number of domains.
		#[pallet::constant]
		type MaxDomains: Get<u32>;

		/// Maximum length of a domain name, in bytes.
		#[pallet::constant]
		type MaxNameLength: Get<u32>;

		/// Maximum number of attesters authorised in one domain.
		#[pallet::constant]
		type MaxAttestersPerDomain: Get<u32>;

		/// Maximum number of revocable attestations an attester keeps at a time. Attestations
		/// older than [`Config::RevocationWindow`] are dropped when the attester attests again.
		#[pallet::constant]
		type MaxAttestationsPerAttester: Get<u32>;

		/// Length in blocks of the period an attester's rate limit applies to. Periods are
		/// aligned: period `i` covers blocks `[i · RatePeriod, (i + 1) · RatePeriod)`. Not zero.
		#[pallet::constant]
		type RatePeriod: Get<BlockNumberFor<Self>>;

		/// Number of blocks after an attestation during which its attester may revoke it
		/// (up to and including block `at + RevocationWindow`).
		#[pallet::constant]
		type RevocationWindow: Get<BlockNumberFor<Self>>;

		/// Maximum number of personhood issuers.
		#[pallet::constant]
		type MaxIssuers: Get<u32>;

		/// Maximum number of stored credentials granted by one issuer.
		#[pallet::constant]
		type MaxCredentialsPerIssuer: Get<u32>;

		/// Maximum validity of a credential, in blocks from its issuance.
		#[pallet::constant]
		type MaxCredentialDuration: Get<BlockNumberFor<Self>>;

		/// Told when a credential is revoked or purged (the voting pallet, which voids the
		/// account's quadratic ballots on ongoing polls).
		type OnCredentialRemoved: OnCredentialRemoved<Self::AccountId>;

		/// Told when an account is slashed (the voting pallet, which re-weighs its reputation
		/// ballots and delegations on ongoing polls in the same block).
		type OnSlashed: OnReputationSlashed<Self::AccountId>;

		/// Largest share of a domain's total reputation that one attester's outstanding
		/// attested points in the domain ([`AttestedBy`]) may make up after an attestation.
		#[pallet::constant]
		type MaxAttesterShare: Get<Perbill>;

		/// Bootstrap allowance, in points: an attestation that leaves the domain's total at or
		/// below this is not checked against [`Config::MaxAttesterShare`], so that a new domain
		/// can be started by a single attester.
		#[pallet::constant]
		type AttesterShareFloor: Get<u128>;
	}

	/// The domains, by id (at most [`Config::MaxDomains`], counted).
	#[pallet::storage]
	pub type Domains<T: Config> =
		CountedStorageMap<_, Twox64Concat, DomainId, DomainOf<T>, OptionQuery>;

	/// The fastest decay clock (see [`FastestClock`]); absent while there are no domains, when
	/// it stands still at its last reading ([`LastFastestClock`]).
	#[pallet::storage]
	pub type Fastest<T: Config> = StorageValue<_, FastestClock<BlockNumberFor<T>>, OptionQuery>;

	/// The reading of the fastest decay clock when the last domain was removed (it stands still
	/// until a domain is added, so that it never runs backwards).
	#[pallet::storage]
	pub type LastFastestClock<T: Config> = StorageValue<_, u128, ValueQuery>;

	/// Incarnation number of the next domain added (see [`DomainInfo::incarnation`]).
	#[pallet::storage]
	pub type NextIncarnation<T: Config> = StorageValue<_, u32, ValueQuery>;

	/// Total reputation of each domain, as one bucket per epoch of the domain's decay clock,
	/// each the exact sum of the raw units of the scores stored at that epoch (see [`decay`]).
	#[pallet::storage]
	pub type DomainTotals<T: Config> = StorageMap<_, Twox64Concat, DomainId, Buckets, ValueQuery>;

	/// Number of entries in [`Scores`] for each domain id, including ids of removed domains
	/// whose scores have not been reaped yet (such an id cannot be added again until then).
	#[pallet::storage]
	pub type DomainRecords<T: Config> = StorageMap<_, Twox64Concat, DomainId, u32, ValueQuery>;

	/// Scores: account → domain → units at an epoch (read them with [`Pallet::score_of`]).
	#[pallet::storage]
	pub type Scores<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Twox64Concat,
		DomainId,
		ScoreRecord,
		OptionQuery,
	>;

	/// Authorised attesters: domain → attester → rights and rate-limit use.
	#[pallet::storage]
	pub type Attesters<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		DomainId,
		Blake2_128Concat,
		T::AccountId,
		AttesterOf<T>,
		OptionQuery,
	>;

	/// The revocable attestations of each attester, oldest first.
	#[pallet::storage]
	pub type Attestations<T: Config> = StorageMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		BoundedVec<AttestationOf<T>, T::MaxAttestationsPerAttester>,
		ValueQuery,
	>;

	/// Each attester's outstanding attested points in a domain: domain → attester → units at an
	/// epoch of the domain's decay clock (read like a score, so they decay with the domain).
	/// Raised by [`Pallet::attest`], lowered by [`Pallet::revoke`] by what remains of the revoked
	/// attestation, deleted when the attester is removed from the domain (so an entry always
	/// has an attester, and a domain with entries cannot be removed). Slashes of the subjects do
	/// not lower it: the share it bounds is what the attester minted. Checked against
	/// [`Config::MaxAttesterShare`].
	#[pallet::storage]
	pub type AttestedBy<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		DomainId,
		Blake2_128Concat,
		T::AccountId,
		ScoreRecord,
		OptionQuery,
	>;

	/// Identifier of the next attestation.
	#[pallet::storage]
	pub type NextAttestationId<T: Config> = StorageValue<_, u64, ValueQuery>;

	/// Authorised personhood issuers (at most [`Config::MaxIssuers`], counted).
	#[pallet::storage]
	pub type Issuers<T: Config> =
		CountedStorageMap<_, Blake2_128Concat, T::AccountId, (), OptionQuery>;

	/// Number of stored credentials granted by each issuer (at most
	/// [`Config::MaxCredentialsPerIssuer`]); kept after the issuer is removed.
	#[pallet::storage]
	pub type IssuedBy<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, u32, ValueQuery>;

	/// Personhood credentials, one per account (counted).
	#[pallet::storage]
	pub type Credentials<T: Config> =
		CountedStorageMap<_, Blake2_128Concat, T::AccountId, CredentialOf<T>, OptionQuery>;

	/// The account holding the stored credential of each person (one entry per entry of
	/// [`Credentials`]).
	#[pallet::storage]
	pub type PersonAccount<T: Config> =
		StorageMap<_, Blake2_128Concat, PersonId, T::AccountId, OptionQuery>;

	/// Unexpired stored credentials by expiry block and issuer: `expires_at → [(issuer, n)]`
	/// (never zero, at most [`Config::MaxIssuers`] issuers per block). Drained in
	/// `on_initialize` of block `expires_at`.
	#[pallet::storage]
	pub type ExpiringAt<T: Config> = StorageMap<
		_,
		Twox64Concat,
		BlockNumberFor<T>,
		BoundedVec<(T::AccountId, u32), T::MaxIssuers>,
		ValueQuery,
	>;

	/// Number of unexpired stored credentials granted by each issuer (never stored as zero);
	/// kept while the issuer is removed, so that its credentials count again if it is
	/// authorised again.
	#[pallet::storage]
	pub type UnexpiredBy<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, u32, ValueQuery>;

	/// Number of valid credentials (unexpired, from an authorised issuer): the persons.
	#[pallet::storage]
	pub type PersonCount<T: Config> = StorageValue<_, u32, ValueQuery>;

	/// Initial domains, attesters and issuers.
	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// Domains: `(id, name, half-life in blocks)`.
		pub domains: Vec<(DomainId, Vec<u8>, BlockNumberFor<T>)>,
		/// Attesters: `(domain, attester, max points per attestation, points per rate period)`.
		pub attesters: Vec<(DomainId, T::AccountId, u128, u128)>,
		/// Personhood issuers.
		pub issuers: Vec<T::AccountId>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			for (domain, name, half_life) in self.domains.iter() {
				let name: NameOf<T> =
					name.clone().try_into().expect("genesis domain name is too long");
				Pallet::<T>::do_add_domain(*domain, name, *half_life)
					.expect("invalid genesis domain");
			}
			for (domain, attester, max_per_attestation, rate_limit) in self.attesters.iter() {
				Pallet::<T>::do_set_attester(
					*domain,
					attester.clone(),
					*max_per_attestation,
					*rate_limit,
				)
				.expect("invalid genesis attester");
			}
			for issuer in self.issuers.iter() {
				Pallet::<T>::do_add_issuer(issuer.clone()).expect("invalid genesis issuer");
			}
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A domain was added.
		DomainAdded {
			/// The new domain's id.
			domain: DomainId,
			/// The domain's name.
			name: NameOf<T>,
			/// The number of blocks in which a score in the domain halves.
			half_life: BlockNumberFor<T>,
		},
		/// A domain's name or half-life changed (a new half-life applies from this block on).
		DomainUpdated {
			/// The domain's id.
			domain: DomainId,
			/// The domain's name (new or unchanged).
			name: NameOf<T>,
			/// The number of blocks in which a score in the domain halves (new or unchanged).
			half_life: BlockNumberFor<T>,
		},
		/// A domain was removed; its scores read zero and may be reaped.
		DomainRemoved {
			/// The removed domain's id.
			domain: DomainId,
		},
		/// An attester was authorised in a domain, or its limits changed.
		AttesterSet {
			/// The domain the attester may attest in.
			domain: DomainId,
			/// The attester's account.
			attester: T::AccountId,
			/// The most points one attestation may give.
			max_per_attestation: u128,
			/// The most points the attester may give per rate period ([`Config::RatePeriod`]
			/// blocks).
			rate_limit: u128,
		},
		/// An attester's authorisation in a domain was removed.
		AttesterRemoved {
			/// The domain.
			domain: DomainId,
			/// The attester's account.
			attester: T::AccountId,
		},
		/// An attestation raised `subject`'s score in `domain` by `points`.
		Attested {
			/// The attestation's id, with which the attester may revoke it.
			id: u64,
			/// The attesting account.
			attester: T::AccountId,
			/// The account whose score was raised.
			subject: T::AccountId,
			/// The domain of the score.
			domain: DomainId,
			/// The points added to the score (they decay from this block on).
			points: u128,
			/// Hash of the evidence the attester gave.
			evidence: T::Hash,
		},
		/// An attestation was revoked; `points_removed` is what remained of it after decay.
		Revoked {
			/// The revoked attestation's id.
			id: u64,
			/// The attester that revoked it.
			attester: T::AccountId,
			/// The account whose score was lowered.
			subject: T::AccountId,
			/// The domain of the score.
			domain: DomainId,
			/// The points removed from the subject's score: what remained of the attestation,
			/// capped at the score (zero if the domain was removed since).
			points_removed: u128,
		},
		/// `fraction` of `who`'s reputation in `domain` was slashed for `reason`.
		Slashed {
			/// The slashed account.
			who: T::AccountId,
			/// The domain of the slashed score.
			domain: DomainId,
			/// The fraction of the score removed.
			fraction: Perbill,
			/// The points removed from the score.
			points_removed: u128,
			/// Hash of the reason given for the slash.
			reason: T::Hash,
		},
		/// A score worth zero (or of a removed domain) was deleted from storage.
		ScoreReaped {
			/// The account whose score was deleted.
			who: T::AccountId,
			/// The domain of the score.
			domain: DomainId,
		},
		/// A personhood issuer was authorised.
		IssuerAdded {
			/// The issuer's account.
			issuer: T::AccountId,
		},
		/// A personhood issuer was removed; its credentials are no longer valid.
		IssuerRemoved {
			/// The issuer's account.
			issuer: T::AccountId,
		},
		/// A personhood credential for `person` was granted (or renewed by its issuer).
		CredentialIssued {
			/// The account holding the credential.
			who: T::AccountId,
			/// The issuer that granted it.
			issuer: T::AccountId,
			/// The person the credential certifies (the same across the person's accounts).
			person: PersonId,
			/// The first block at which the credential is no longer valid.
			expires_at: BlockNumberFor<T>,
		},
		/// A personhood credential was revoked by its issuer or by governance.
		CredentialRevoked {
			/// The account that held the credential.
			who: T::AccountId,
			/// The issuer that had granted it.
			issuer: T::AccountId,
		},
		/// `count` credentials granted by `issuer` expired in this block (they no longer count
		/// as persons; they stay stored until purged).
		CredentialsExpired {
			/// The issuer that granted them.
			issuer: T::AccountId,
			/// The number of credentials that expired.
			count: u32,
		},
		/// An invalid (expired, or issuer removed) credential was deleted from storage.
		CredentialPurged {
			/// The account that held the credential.
			who: T::AccountId,
			/// The issuer that had granted it.
			issuer: T::AccountId,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// A domain with this id already exists.
		DomainExists,
		/// No domain with this id.
		DomainNotFound,
		/// The maximum number of domains is reached.
		TooManyDomains,
		/// A half-life must be at least one block.
		ZeroHalfLife,
		/// A domain name must not be empty.
		EmptyName,
		/// The domain still has attesters; remove them first.
		DomainHasAttesters,
		/// Scores of a removed domain with this id remain; reap them before reusing the id.
		DomainHasStaleScores,
		/// The maximum number of attesters in this domain is reached.
		TooManyAttesters,
		/// The account is not an attester in this domain.
		NotAttester,
		/// An attester's maximum per attestation and rate limit must not be zero.
		ZeroLimit,
		/// An attestation must carry at least one point.
		ZeroPoints,
		/// An account cannot attest to itself.
		SelfAttestation,
		/// More points than the attester's maximum per attestation.
		ExceedsMaxPerAttestation,
		/// The attester's rate limit for the current period would be exceeded.
		RateLimitExceeded,
		/// The attester already has the maximum number of revocable attestations.
		TooManyAttestations,
		/// The attester's outstanding attested points in the domain would exceed
		/// [`Config::MaxAttesterShare`] of the domain's total (checked once the total is above
		/// [`Config::AttesterShareFloor`]).
		AttesterShareExceeded,
		/// An amount would exceed the numeric range (see [`decay::MAX_POINTS`]).
		Overflow,
		/// The caller has no revocable attestation with this id.
		AttestationNotFound,
		/// The attestation is older than the revocation window.
		RevocationWindowPassed,
		/// A slash must remove a non-zero fraction.
		ZeroFraction,
		/// The account has no reputation to slash in the given domain(s).
		NoReputation,
		/// The account has no stored score in this domain.
		NoScore,
		/// The score is still worth something in an existing domain.
		NotReapable,
		/// The account is already an issuer.
		AlreadyIssuer,
		/// The maximum number of issuers is reached.
		TooManyIssuers,
		/// The account is not an authorised issuer.
		NotIssuer,
		/// An issuer cannot grant a credential to itself.
		SelfIssuance,
		/// The expiry must be after the current block.
		ExpiryInPast,
		/// The expiry is further away than [`Config::MaxCredentialDuration`].
		ExpiryTooFar,
		/// The account holds a valid credential from another issuer.
		CredentialExists,
		/// The issuer has granted the maximum number of stored credentials.
		TooManyCredentials,
		/// The account has no credential.
		NoCredential,
		/// The caller did not issue this credential.
		NotCredentialIssuer,
		/// The credential is still valid.
		CredentialStillValid,
		/// Another account holds a stored credential for this person: revoke or purge it first
		/// (two stored credentials never share a person id).
		PersonInUse,
		/// The account's stored credential is for another person: revoke or purge it first.
		PersonMismatch,
		/// [`Config::MaxIssuers`] issuers already have credentials expiring at this block:
		/// choose another expiry.
		ExpiryBlockFull,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		/// Credentials expiring at block `n` leave [`PersonCount`] (at most
		/// [`Config::MaxIssuers`] entries).
		fn on_initialize(n: BlockNumberFor<T>) -> Weight {
			let expiring = ExpiringAt::<T>::take(n);
			let count = u32::try_from(expiring.len()).unwrap_or(u32::MAX);
			for (issuer, count) in expiring {
				Self::uncount(&issuer, count);
				Self::deposit_event(Event::CredentialsExpired { issuer, count });
			}
			T::WeightInfo::expire_credentials(count)
		}

		fn integrity_test() {
			assert!(!T::RatePeriod::get().is_zero(), "RatePeriod must not be zero");
			assert!(T::MaxDomains::get() > 0, "MaxDomains must not be zero");
			assert!(T::MaxNameLength::get() > 0, "MaxNameLength must not be zero");
			assert!(
				T::MaxAttestationsPerAttester::get() > 0,
				"MaxAttestationsPerAttester must not be zero"
			);
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Add a domain with a name and a half-life in blocks.
		///
		/// Origin: [`Config::DomainOrigin`]. Emits [`Event::DomainAdded`].
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::add_domain())]
		pub fn add_domain(
			origin: OriginFor<T>,
			domain: DomainId,
			name: NameOf<T>,
			half_life: BlockNumberFor<T>,
		) -> DispatchResult {
			T::DomainOrigin::ensure_origin(origin)?;
			Self::do_add_domain(domain, name, half_life)
		}

		/// Change a domain's name and/or half-life. Scores are continuous across a change of
		/// half-life: they keep their value at this block and decay with the new half-life
		/// from then on.
		///
		/// Origin: [`Config::DomainOrigin`]. Emits [`Event::DomainUpdated`].
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::update_domain())]
		pub fn update_domain(
			origin: OriginFor<T>,
			domain: DomainId,
			name: Option<NameOf<T>>,
			half_life: Option<BlockNumberFor<T>>,
		) -> DispatchResult {
			T::DomainOrigin::ensure_origin(origin)?;
			let mut info = Domains::<T>::get(domain).ok_or(Error::<T>::DomainNotFound)?;
			if let Some(name) = name {
				ensure!(!name.is_empty(), Error::<T>::EmptyName);
				info.name = name;
			}
			if let Some(half_life) = half_life {
				ensure!(!half_life.is_zero(), Error::<T>::ZeroHalfLife);
				let now = Self::now();
				info.anchor_clock = Self::clock_of(&info, now);
				info.anchor_block = now;
				info.half_life = half_life;
			}
			let (name, half_life) = (info.name.clone(), info.half_life);
			Domains::<T>::insert(domain, info);
			Self::reanchor_fastest_clock();
			Self::deposit_event(Event::DomainUpdated { domain, name, half_life });
			Ok(())
		}

		/// Remove a domain that has no attesters left. Its scores read zero from now on and
		/// can be deleted with [`Pallet::reap_score`]; its id can be reused once they are.
		///
		/// Origin: [`Config::DomainOrigin`]. Emits [`Event::DomainRemoved`].
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::remove_domain())]
		pub fn remove_domain(origin: OriginFor<T>, domain: DomainId) -> DispatchResult {
			T::DomainOrigin::ensure_origin(origin)?;
			let info = Domains::<T>::get(domain).ok_or(Error::<T>::DomainNotFound)?;
			ensure!(info.attesters == 0, Error::<T>::DomainHasAttesters);
			Domains::<T>::remove(domain);
			DomainTotals::<T>::remove(domain);
			Self::reanchor_fastest_clock();
			Self::deposit_event(Event::DomainRemoved { domain });
			Ok(())
		}

		/// Authorise `attester` in `domain` with a maximum per attestation and a rate limit in
		/// points per [`Config::RatePeriod`], or change the limits of an existing attester
		/// (its use of the current period is kept, capped at the new limit).
		///
		/// Origin: [`Config::AttesterOrigin`]. Emits [`Event::AttesterSet`].
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::set_attester())]
		pub fn set_attester(
			origin: OriginFor<T>,
			domain: DomainId,
			attester: T::AccountId,
			max_per_attestation: u128,
			rate_limit: u128,
		) -> DispatchResult {
			T::AttesterOrigin::ensure_origin(origin)?;
			Self::do_set_attester(domain, attester, max_per_attestation, rate_limit)
		}

		/// Remove `attester`'s authorisation in `domain`. Its attestations stay, and it may still
		/// revoke them within the window; its tally of attested points ([`AttestedBy`]) is
		/// deleted.
		///
		/// Origin: [`Config::AttesterOrigin`]. Emits [`Event::AttesterRemoved`].
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::remove_attester())]
		pub fn remove_attester(
			origin: OriginFor<T>,
			domain: DomainId,
			attester: T::AccountId,
		) -> DispatchResult {
			T::AttesterOrigin::ensure_origin(origin)?;
			ensure!(Attesters::<T>::contains_key(domain, &attester), Error::<T>::NotAttester);
			Attesters::<T>::remove(domain, &attester);
			AttestedBy::<T>::remove(domain, &attester);
			if let Some(mut info) = Domains::<T>::get(domain) {
				info.attesters = info.attesters.saturating_sub(1);
				Domains::<T>::insert(domain, info);
			}
			Self::deposit_event(Event::AttesterRemoved { domain, attester });
			Ok(())
		}

		/// Attest that `subject` earned `points` of reputation in `domain`, with the hash of the
		/// evidence. The caller must be an attester of the domain, within its maximum per
		/// attestation and its rate limit, and not the subject; once the domain's total is above
		/// [`Config::AttesterShareFloor`], the caller's outstanding attested points in the
		/// domain ([`AttestedBy`]) may not exceed [`Config::MaxAttesterShare`] of the total. The
		/// attestation is kept for [`Config::RevocationWindow`] blocks so that it can be revoked.
		///
		/// Emits [`Event::Attested`].
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::attest())]
		pub fn attest(
			origin: OriginFor<T>,
			subject: T::AccountId,
			domain: DomainId,
			points: u128,
			evidence: T::Hash,
		) -> DispatchResult {
			let attester = ensure_signed(origin)?;
			ensure!(!points.is_zero(), Error::<T>::ZeroPoints);
			ensure!(attester != subject, Error::<T>::SelfAttestation);
			let info = Domains::<T>::get(domain).ok_or(Error::<T>::DomainNotFound)?;
			let mut rights =
				Attesters::<T>::get(domain, &attester).ok_or(Error::<T>::NotAttester)?;
			ensure!(points <= rights.max_per_attestation, Error::<T>::ExceedsMaxPerAttestation);

			let now = Self::now();
			let period = Self::period_index(now);
			let used_before = if rights.period == period { rights.used } else { 0 };
			let used = used_before
				.checked_add(points)
				.filter(|used| *used <= rights.rate_limit)
				.ok_or(Error::<T>::RateLimitExceeded)?;
			rights.period = period;
			rights.used = used;

			// Drop the attestations that can no longer be revoked, then make room for this one.
			let window = T::RevocationWindow::get();
			let mut ledger = Attestations::<T>::get(&attester);
			ledger.retain(|a| a.at.saturating_add(window) >= now);
			ensure!(!ledger.is_full(), Error::<T>::TooManyAttestations);
			let id = NextAttestationId::<T>::get();
			let next_id = id.checked_add(1).ok_or(Error::<T>::Overflow)?;

			let (epoch, frac) = Self::epoch_and_fraction(&info, now);
			let units = decay::points_to_units(points, frac).ok_or(Error::<T>::Overflow)?;
			let mut buckets = DomainTotals::<T>::get(domain);
			let existing = Scores::<T>::get(&subject, domain);
			let mut record = existing.unwrap_or(ScoreRecord { units: 0, epoch });
			Self::normalize(&mut record, &mut buckets, epoch)?;
			ensure!(
				decay::buckets_total(&buckets, epoch).checked_add(units).is_some(),
				Error::<T>::Overflow
			);
			record.units = record.units.checked_add(units).ok_or(Error::<T>::Overflow)?;
			decay::bucket_add(&mut buckets, epoch, units).map_err(|_| Error::<T>::Overflow)?;
			let mut tally = Self::attested_by_at(domain, &attester, epoch);
			tally.units = tally.units.checked_add(units).ok_or(Error::<T>::Overflow)?;
			let total = decay::units_to_points(decay::buckets_total(&buckets, epoch), frac);
			ensure!(
				total <= T::AttesterShareFloor::get()
					|| decay::units_to_points(tally.units, frac)
						<= T::MaxAttesterShare::get().mul_floor(total),
				Error::<T>::AttesterShareExceeded
			);
			ledger
				.try_push(Attestation {
					id,
					subject: subject.clone(),
					domain,
					incarnation: info.incarnation,
					points,
					units,
					epoch,
					at: now,
					evidence,
				})
				.map_err(|_| Error::<T>::TooManyAttestations)?;

			Self::put_score(&subject, domain, &record, existing.is_some())?;
			Self::put_buckets(domain, buckets);
			Attesters::<T>::insert(domain, &attester, rights);
			AttestedBy::<T>::insert(domain, &attester, tally);
			Attestations::<T>::insert(&attester, ledger);
			NextAttestationId::<T>::put(next_id);
			Self::deposit_event(Event::Attested {
				id,
				attester,
				subject,
				domain,
				points,
				evidence,
			});
			Ok(())
		}

		/// Revoke one of the caller's attestations, at most [`Config::RevocationWindow`] blocks
		/// after it was made. Removes exactly the points of that attestation that remain after
		/// decay (capped at the subject's current score, e.g. after a slash).
		///
		/// Emits [`Event::Revoked`].
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::revoke())]
		pub fn revoke(origin: OriginFor<T>, id: u64) -> DispatchResult {
			let attester = ensure_signed(origin)?;
			let mut ledger = Attestations::<T>::get(&attester);
			let pos =
				ledger.iter().position(|a| a.id == id).ok_or(Error::<T>::AttestationNotFound)?;
			let attestation = ledger.get(pos).cloned().ok_or(Error::<T>::AttestationNotFound)?;
			let now = Self::now();
			ensure!(
				now <= attestation.at.saturating_add(T::RevocationWindow::get()),
				Error::<T>::RevocationWindowPassed
			);
			let points_removed = Self::remove_attested(&attestation, now)?;
			Self::release_attested_by(&attester, &attestation, now);
			ledger.remove(pos);
			Self::put_ledger(&attester, ledger);
			Self::deposit_event(Event::Revoked {
				id,
				attester,
				subject: attestation.subject,
				domain: attestation.domain,
				points_removed,
			});
			Ok(())
		}

		/// Slash `fraction` of `who`'s reputation in `domain`, or in every domain if `None`,
		/// for the reason whose hash is given. Fails if `who` has no score in any of them. The
		/// weight `who` carries on ongoing polls is recomputed at once
		/// ([`Config::OnSlashed`]).
		///
		/// Origin: [`Config::SlashOrigin`]. Emits one [`Event::Slashed`] per domain with a score.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::slash(
			if domain.is_some() { 1 } else { T::MaxDomains::get() }
		).saturating_add(T::OnSlashed::max_weight()))]
		pub fn slash(
			origin: OriginFor<T>,
			who: T::AccountId,
			domain: Option<DomainId>,
			fraction: Perbill,
			reason: T::Hash,
		) -> DispatchResultWithPostInfo {
			T::SlashOrigin::ensure_origin(origin)?;
			let (examined, _, hook) = Self::do_slash(&who, domain, fraction, reason)?;
			Ok(Some(T::WeightInfo::slash(examined).saturating_add(hook)).into())
		}

		/// Delete `who`'s score in `domain` if it is worth zero points, or if the domain was
		/// removed. Anyone may call this: it only frees storage.
		///
		/// Emits [`Event::ScoreReaped`].
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::reap_score())]
		pub fn reap_score(
			origin: OriginFor<T>,
			who: T::AccountId,
			domain: DomainId,
		) -> DispatchResult {
			ensure_signed(origin)?;
			let record = Scores::<T>::get(&who, domain).ok_or(Error::<T>::NoScore)?;
			if let Some(info) = Domains::<T>::get(domain) {
				ensure!(
					Self::record_points(&info, &record, Self::now()).is_zero(),
					Error::<T>::NotReapable
				);
				let mut buckets = DomainTotals::<T>::get(domain);
				decay::bucket_remove(&mut buckets, record.epoch, record.units);
				Self::put_buckets(domain, buckets);
			}
			Scores::<T>::remove(&who, domain);
			Self::decrement_records(domain);
			Self::deposit_event(Event::ScoreReaped { who, domain });
			Ok(())
		}

		/// Authorise a personhood issuer.
		///
		/// Origin: [`Config::PersonhoodOrigin`]. Emits [`Event::IssuerAdded`].
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::add_issuer())]
		pub fn add_issuer(origin: OriginFor<T>, issuer: T::AccountId) -> DispatchResult {
			T::PersonhoodOrigin::ensure_origin(origin)?;
			Self::do_add_issuer(issuer)
		}

		/// Remove a personhood issuer. The credentials it granted are no longer valid (they
		/// become valid again if the issuer is authorised again before they expire) and can be
		/// purged.
		///
		/// Origin: [`Config::PersonhoodOrigin`]. Emits [`Event::IssuerRemoved`].
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::remove_issuer())]
		pub fn remove_issuer(origin: OriginFor<T>, issuer: T::AccountId) -> DispatchResult {
			T::PersonhoodOrigin::ensure_origin(origin)?;
			ensure!(Issuers::<T>::contains_key(&issuer), Error::<T>::NotIssuer);
			Issuers::<T>::remove(&issuer);
			let unexpired = UnexpiredBy::<T>::get(&issuer);
			PersonCount::<T>::mutate(|n| *n = n.saturating_sub(unexpired));
			Self::deposit_event(Event::IssuerRemoved { issuer });
			Ok(())
		}

		/// Grant `who` a personhood credential for `person` valid until block `expires_at`
		/// (exclusive), at most [`Config::MaxCredentialDuration`] blocks away. The caller must
		/// be an issuer. Replaces an invalid credential; renews a valid one the caller issued;
		/// fails if `who` holds a valid credential from another issuer. The person id stays
		/// with the person across accounts: it may be given to a new account once the old
		/// account's credential is revoked or purged ([`Error::PersonInUse`] before), and a
		/// stored credential keeps its person ([`Error::PersonMismatch`]).
		///
		/// Emits [`Event::CredentialIssued`].
		#[pallet::call_index(11)]
		#[pallet::weight(T::WeightInfo::issue_credential())]
		pub fn issue_credential(
			origin: OriginFor<T>,
			who: T::AccountId,
			person: PersonId,
			expires_at: BlockNumberFor<T>,
		) -> DispatchResult {
			let issuer = ensure_signed(origin)?;
			ensure!(Issuers::<T>::contains_key(&issuer), Error::<T>::NotIssuer);
			ensure!(issuer != who, Error::<T>::SelfIssuance);
			let now = Self::now();
			ensure!(expires_at > now, Error::<T>::ExpiryInPast);
			ensure!(
				expires_at.saturating_sub(now) <= T::MaxCredentialDuration::get(),
				Error::<T>::ExpiryTooFar
			);
			let existing = Credentials::<T>::get(&who);
			let renewal = existing.as_ref().is_some_and(|c| c.issuer == issuer);
			if let Some(current) = existing.as_ref() {
				ensure!(
					renewal || !Self::credential_valid(current, now),
					Error::<T>::CredentialExists
				);
				ensure!(current.person == person, Error::<T>::PersonMismatch);
			}
			ensure!(
				PersonAccount::<T>::get(person).is_none_or(|holder| holder == who),
				Error::<T>::PersonInUse
			);
			if let Some(old) = existing.as_ref() {
				Self::forget_expiry(&old.issuer, old.expires_at, now);
			}
			Self::note_expiry(&issuer, expires_at)?;
			if !renewal {
				let issued = IssuedBy::<T>::get(&issuer);
				ensure!(issued < T::MaxCredentialsPerIssuer::get(), Error::<T>::TooManyCredentials);
				IssuedBy::<T>::insert(&issuer, issued.saturating_add(1));
				if let Some(old) = existing {
					Self::decrement_issued(&old.issuer);
				}
			}
			Credentials::<T>::insert(
				&who,
				Credential { issuer: issuer.clone(), person, issued_at: now, expires_at },
			);
			PersonAccount::<T>::insert(person, &who);
			Self::deposit_event(Event::CredentialIssued { who, issuer, person, expires_at });
			Ok(())
		}

		/// Revoke `who`'s credential. The caller must be the credential's issuer, or
		/// [`Config::PersonhoodOrigin`]. What `who` did as that person is undone through
		/// [`Config::OnCredentialRemoved`] (its quadratic ballots on ongoing polls are voided);
		/// the person id may then be given to another account.
		///
		/// Emits [`Event::CredentialRevoked`].
		#[pallet::call_index(12)]
		#[pallet::weight(
			T::WeightInfo::revoke_credential().saturating_add(T::OnCredentialRemoved::max_weight())
		)]
		pub fn revoke_credential(
			origin: OriginFor<T>,
			who: T::AccountId,
		) -> DispatchResultWithPostInfo {
			let caller = match T::PersonhoodOrigin::try_origin(origin) {
				Ok(_) => None,
				Err(origin) => Some(ensure_signed(origin)?),
			};
			let credential = Credentials::<T>::get(&who).ok_or(Error::<T>::NoCredential)?;
			if let Some(caller) = caller {
				ensure!(caller == credential.issuer, Error::<T>::NotCredentialIssuer);
			}
			let hook = Self::remove_credential(&who, &credential);
			Self::deposit_event(Event::CredentialRevoked { who, issuer: credential.issuer });
			Ok(Some(T::WeightInfo::revoke_credential().saturating_add(hook)).into())
		}

		/// Delete `who`'s credential if it is no longer valid (expired, or its issuer was
		/// removed). Anyone may call this. As on revocation, `who`'s quadratic ballots on
		/// ongoing polls are voided ([`Config::OnCredentialRemoved`]) and the person id is
		/// freed for another account.
		///
		/// Emits [`Event::CredentialPurged`].
		#[pallet::call_index(13)]
		#[pallet::weight(
			T::WeightInfo::purge_credential().saturating_add(T::OnCredentialRemoved::max_weight())
		)]
		pub fn purge_credential(
			origin: OriginFor<T>,
			who: T::AccountId,
		) -> DispatchResultWithPostInfo {
			ensure_signed(origin)?;
			let credential = Credentials::<T>::get(&who).ok_or(Error::<T>::NoCredential)?;
			ensure!(
				!Self::credential_valid(&credential, Self::now()),
				Error::<T>::CredentialStillValid
			);
			let hook = Self::remove_credential(&who, &credential);
			Self::deposit_event(Event::CredentialPurged { who, issuer: credential.issuer });
			Ok(Some(T::WeightInfo::purge_credential().saturating_add(hook)).into())
		}
	}
}

impl<T: Config> Pallet<T> {
	fn now() -> BlockNumberFor<T> {
		frame_system::Pallet::<T>::block_number()
	}

	/// Index of the rate period containing block `at`.
	fn period_index(at: BlockNumberFor<T>) -> BlockNumberFor<T> {
		at.checked_div(&T::RatePeriod::get()).unwrap_or_else(Zero::zero)
	}

	/// Reading of the decay clock of `info` at block `at` (Q32 half-lives, see [`decay`]).
	pub fn clock_of(info: &DomainOf<T>, at: BlockNumberFor<T>) -> u128 {
		decay::clock_after(
			info.anchor_clock,
			at.saturating_sub(info.anchor_block).saturated_into::<u128>(),
			info.half_life.saturated_into::<u128>(),
		)
	}

	/// Reading of the fastest decay clock at block `at` (Q32 half-lives, see [`FastestClock`]).
	pub fn fastest_clock_at(at: BlockNumberFor<T>) -> u128 {
		match Fastest::<T>::get() {
			Some(clock) => decay::clock_after(
				clock.anchor_clock,
				at.saturating_sub(clock.anchor_block).saturated_into::<u128>(),
				clock.half_life.saturated_into::<u128>(),
			),
			None => LastFastestClock::<T>::get(),
		}
	}

	/// Re-anchor the fastest decay clock at the current block on the shortest half-life of the
	/// domains now stored (after a domain was added, removed or changed its half-life). Reads
	/// at most [`Config::MaxDomains`] domains.
	fn reanchor_fastest_clock() {
		let now = Self::now();
		let reading = Self::fastest_clock_at(now);
		match Domains::<T>::iter_values().map(|info| info.half_life).min() {
			Some(half_life) => Fastest::<T>::put(FastestClock {
				half_life,
				anchor_block: now,
				anchor_clock: reading,
			}),
			None => {
				Fastest::<T>::kill();
				LastFastestClock::<T>::put(reading);
			},
		}
	}

	/// Epoch and Q32 fraction of the decay clock of `info` at block `at`.
	pub fn epoch_and_fraction(info: &DomainOf<T>, at: BlockNumberFor<T>) -> (u64, u32) {
		decay::split_clock(Self::clock_of(info, at))
	}

	/// Points of `record` in the domain `info` at block `at`.
	fn record_points(info: &DomainOf<T>, record: &ScoreRecord, at: BlockNumberFor<T>) -> u128 {
		let (epoch, frac) = Self::epoch_and_fraction(info, at);
		decay::units_to_points(
			decay::shift_epochs(record.units, epoch.saturating_sub(record.epoch)),
			frac,
		)
	}

	/// Move `record` to `epoch`, moving its units between the domain's buckets accordingly.
	fn normalize(
		record: &mut ScoreRecord,
		buckets: &mut Buckets,
		epoch: u64,
	) -> Result<(), Error<T>> {
		if record.epoch >= epoch {
			return Ok(());
		}
		let moved = decay::shift_epochs(record.units, epoch.saturating_sub(record.epoch));
		decay::bucket_remove(buckets, record.epoch, record.units);
		decay::bucket_add(buckets, epoch, moved).map_err(|_| {
			log::error!(target: LOG_TARGET, "bucket overflow while moving a score");
			Error::<T>::Overflow
		})?;
		record.units = moved;
		record.epoch = epoch;
		Ok(())
	}

	/// Move `record` to `epoch`, then remove `cut(record units)` units from it and from the
	/// domain's buckets; returns the points this removed (read at clock fraction `frac`).
	fn cut_record(
		record: &mut ScoreRecord,
		buckets: &mut Buckets,
		(epoch, frac): (u64, u32),
		cut: impl FnOnce(u128) -> u128,
	) -> Result<u128, Error<T>> {
		Self::normalize(record, buckets, epoch)?;
		let before = decay::units_to_points(record.units, frac);
		let cut = cut(record.units).min(record.units);
		record.units = record.units.saturating_sub(cut);
		decay::bucket_remove(buckets, epoch, cut);
		let after = decay::units_to_points(record.units, frac);
		Ok(before.saturating_sub(after))
	}

	/// Store `record` (delete it if it is zero), keeping [`DomainRecords`] in step; `existed`
	/// tells whether a record was stored before.
	fn put_score(
		who: &T::AccountId,
		domain: DomainId,
		record: &ScoreRecord,
		existed: bool,
	) -> Result<(), Error<T>> {
		let keep = !record.units.is_zero();
		if keep && !existed {
			let n = DomainRecords::<T>::get(domain).checked_add(1).ok_or(Error::<T>::Overflow)?;
			DomainRecords::<T>::insert(domain, n);
		}
		if !keep && existed {
			Self::decrement_records(domain);
		}
		if keep {
			Scores::<T>::insert(who, domain, record);
		} else {
			Scores::<T>::remove(who, domain);
		}
		Ok(())
	}

	fn decrement_records(domain: DomainId) {
		let n = DomainRecords::<T>::get(domain).defensive_saturating_sub(1);
		if n.is_zero() {
			DomainRecords::<T>::remove(domain);
		} else {
			DomainRecords::<T>::insert(domain, n);
		}
	}

	fn put_buckets(domain: DomainId, buckets: Buckets) {
		if buckets.is_empty() {
			DomainTotals::<T>::remove(domain);
		} else {
			DomainTotals::<T>::insert(domain, buckets);
		}
	}

	fn put_ledger(
		attester: &T::AccountId,
		ledger: BoundedVec<AttestationOf<T>, T::MaxAttestationsPerAttester>,
	) {
		if ledger.is_empty() {
			Attestations::<T>::remove(attester);
		} else {
			Attestations::<T>::insert(attester, ledger);
		}
	}

	/// Remove from the subject's score what remains of `attestation` at block `now`; returns
	/// the points removed. Nothing happens if the domain was removed since.
	fn remove_attested(
		attestation: &AttestationOf<T>,
		now: BlockNumberFor<T>,
	) -> Result<u128, DispatchError> {
		let domain = attestation.domain;
		let Some(info) = Domains::<T>::get(domain) else { return Ok(0) };
		if attestation.incarnation != info.incarnation {
			// The attestation was made in a removed domain that had the same id.
			return Ok(0);
		}
		let Some(mut record) = Scores::<T>::get(&attestation.subject, domain) else {
			return Ok(0);
		};
		let clock = Self::epoch_and_fraction(&info, now);
		let remaining =
			decay::shift_epochs(attestation.units, clock.0.saturating_sub(attestation.epoch));
		let mut buckets = DomainTotals::<T>::get(domain);
		let points_removed = Self::cut_record(&mut record, &mut buckets, clock, |_| remaining)?;
		Self::put_score(&attestation.subject, domain, &record, true)?;
		Self::put_buckets(domain, buckets);
		Ok(points_removed)
	}

	/// `attester`'s outstanding attested points in `domain` ([`AttestedBy`]), moved to `epoch`
	/// (zero if it has none).
	fn attested_by_at(domain: DomainId, attester: &T::AccountId, epoch: u64) -> ScoreRecord {
		match AttestedBy::<T>::get(domain, attester) {
			Some(tally) if tally.epoch < epoch => ScoreRecord {
				units: decay::shift_epochs(tally.units, epoch.saturating_sub(tally.epoch)),
				epoch,
			},
			Some(tally) => tally,
			None => ScoreRecord { units: 0, epoch },
		}
	}

	/// Remove what remains of `attestation` at block `now` from its attester's tally in the
	/// domain ([`AttestedBy`]), deleting the tally when it reaches zero. Nothing happens if the
	/// domain was removed since or the attester has no tally (it was removed and appointed
	/// again since).
	fn release_attested_by(
		attester: &T::AccountId,
		attestation: &AttestationOf<T>,
		now: BlockNumberFor<T>,
	) {
		let domain = attestation.domain;
		let Some(info) = Domains::<T>::get(domain) else { return };
		if attestation.incarnation != info.incarnation
			|| !AttestedBy::<T>::contains_key(domain, attester)
		{
			return;
		}
		let (epoch, _) = Self::epoch_and_fraction(&info, now);
		let mut tally = Self::attested_by_at(domain, attester, epoch);
		let remaining =
			decay::shift_epochs(attestation.units, epoch.saturating_sub(attestation.epoch));
		tally.units = tally.units.saturating_sub(remaining);
		if tally.units.is_zero() {
			AttestedBy::<T>::remove(domain, attester);
		} else {
			AttestedBy::<T>::insert(domain, attester, tally);
		}
	}

	/// Add a domain (shared by the call and the genesis build).
	pub fn do_add_domain(
		domain: DomainId,
		name: NameOf<T>,
		half_life: BlockNumberFor<T>,
	) -> DispatchResult {
		ensure!(!Domains::<T>::contains_key(domain), Error::<T>::DomainExists);
		ensure!(!name.is_empty(), Error::<T>::EmptyName);
		ensure!(!half_life.is_zero(), Error::<T>::ZeroHalfLife);
		ensure!(DomainRecords::<T>::get(domain).is_zero(), Error::<T>::DomainHasStaleScores);
		ensure!(Domains::<T>::count() < T::MaxDomains::get(), Error::<T>::TooManyDomains);
		let incarnation = NextIncarnation::<T>::get();
		let next_incarnation = incarnation.checked_add(1).ok_or(Error::<T>::Overflow)?;
		let now = Self::now();
		Domains::<T>::insert(
			domain,
			DomainInfo {
				name: name.clone(),
				half_life,
				anchor_block: now,
				anchor_clock: 0,
				attesters: 0,
				incarnation,
			},
		);
		NextIncarnation::<T>::put(next_incarnation);
		Self::reanchor_fastest_clock();
		Self::deposit_event(Event::DomainAdded { domain, name, half_life });
		Ok(())
	}

	/// Authorise an attester or change its limits (shared by the call and the genesis build).
	pub fn do_set_attester(
		domain: DomainId,
		attester: T::AccountId,
		max_per_attestation: u128,
		rate_limit: u128,
	) -> DispatchResult {
		let mut info = Domains::<T>::get(domain).ok_or(Error::<T>::DomainNotFound)?;
		ensure!(!max_per_attestation.is_zero() && !rate_limit.is_zero(), Error::<T>::ZeroLimit);
		let rights = match Attesters::<T>::get(domain, &attester) {
			Some(mut rights) => {
				rights.max_per_attestation = max_per_attestation;
				rights.rate_limit = rate_limit;
				rights.used = rights.used.min(rate_limit);
				rights
			},
			None => {
				ensure!(
					info.attesters < T::MaxAttestersPerDomain::get(),
					Error::<T>::TooManyAttesters
				);
				info.attesters = info.attesters.saturating_add(1);
				Domains::<T>::insert(domain, info);
				AttesterRights { max_per_attestation, rate_limit, period: Zero::zero(), used: 0 }
			},
		};
		Attesters::<T>::insert(domain, &attester, rights);
		Self::deposit_event(Event::AttesterSet {
			domain,
			attester,
			max_per_attestation,
			rate_limit,
		});
		Ok(())
	}

	/// Authorise a personhood issuer (shared by the call and the genesis build).
	pub fn do_add_issuer(issuer: T::AccountId) -> DispatchResult {
		ensure!(!Issuers::<T>::contains_key(&issuer), Error::<T>::AlreadyIssuer);
		ensure!(Issuers::<T>::count() < T::MaxIssuers::get(), Error::<T>::TooManyIssuers);
		Issuers::<T>::insert(&issuer, ());
		let unexpired = UnexpiredBy::<T>::get(&issuer);
		PersonCount::<T>::mutate(|n| *n = n.saturating_add(unexpired));
		Self::deposit_event(Event::IssuerAdded { issuer });
		Ok(())
	}

	/// Slash `fraction` of `who`'s reputation in `domain` (or all domains), then tell
	/// [`Config::OnSlashed`]. Returns the number of domains examined (for the weight), the
	/// points removed and the weight the hook used. Changes nothing on error.
	pub fn do_slash(
		who: &T::AccountId,
		domain: Option<DomainId>,
		fraction: Perbill,
		reason: T::Hash,
	) -> Result<(u32, u128, Weight), DispatchError> {
		ensure!(!fraction.is_zero(), Error::<T>::ZeroFraction);
		let domains: Vec<(DomainId, DomainOf<T>)> = match domain {
			Some(id) => {
				let info = Domains::<T>::get(id).ok_or(Error::<T>::DomainNotFound)?;
				alloc::vec![(id, info)]
			},
			None => Domains::<T>::iter().collect(),
		};
		let examined = u32::try_from(domains.len()).unwrap_or(u32::MAX);
		let now = Self::now();
		let mut updates = Vec::new();
		for (id, info) in domains {
			let Some(mut record) = Scores::<T>::get(who, id) else { continue };
			let clock = Self::epoch_and_fraction(&info, now);
			let mut buckets = DomainTotals::<T>::get(id);
			let points_removed = Self::cut_record(&mut record, &mut buckets, clock, |units| {
				fraction.mul_floor(units)
			})?;
			updates.push((id, record, buckets, points_removed));
		}
		ensure!(!updates.is_empty(), Error::<T>::NoReputation);
		let mut total: u128 = 0;
		for (id, record, buckets, points_removed) in updates {
			Self::put_score(who, id, &record, true)?;
			Self::put_buckets(id, buckets);
			total = total.saturating_add(points_removed);
			Self::deposit_event(Event::Slashed {
				who: who.clone(),
				domain: id,
				fraction,
				points_removed,
				reason,
			});
		}
		let hook = T::OnSlashed::on_slashed(who);
		Ok((examined, total, hook))
	}

	fn credential_valid(credential: &CredentialOf<T>, now: BlockNumberFor<T>) -> bool {
		now < credential.expires_at && Issuers::<T>::contains_key(&credential.issuer)
	}

	fn decrement_issued(issuer: &T::AccountId) {
		let n = IssuedBy::<T>::get(issuer).defensive_saturating_sub(1);
		if n.is_zero() {
			IssuedBy::<T>::remove(issuer);
		} else {
			IssuedBy::<T>::insert(issuer, n);
		}
	}

	/// Delete `who`'s stored `credential` and its counts, and tell
	/// [`Config::OnCredentialRemoved`]; returns the weight the latter used.
	fn remove_credential(who: &T::AccountId, credential: &CredentialOf<T>) -> Weight {
		Credentials::<T>::remove(who);
		PersonAccount::<T>::remove(credential.person);
		Self::forget_expiry(&credential.issuer, credential.expires_at, Self::now());
		Self::decrement_issued(&credential.issuer);
		T::OnCredentialRemoved::on_credential_removed(who, credential.person)
	}

	/// Count one more unexpired credential of `issuer` expiring at `expires_at` (in the future).
	fn note_expiry(issuer: &T::AccountId, expires_at: BlockNumberFor<T>) -> DispatchResult {
		ExpiringAt::<T>::try_mutate(expires_at, |entries| -> DispatchResult {
			match entries.iter_mut().find(|(i, _)| i == issuer) {
				Some(entry) => entry.1 = entry.1.saturating_add(1),
				None => entries
					.try_push((issuer.clone(), 1))
					.map_err(|_| Error::<T>::ExpiryBlockFull)?,
			}
			Ok(())
		})?;
		UnexpiredBy::<T>::mutate(issuer, |n| *n = n.saturating_add(1));
		if Issuers::<T>::contains_key(issuer) {
			PersonCount::<T>::mutate(|n| *n = n.saturating_add(1));
		}
		Ok(())
	}

	/// Stop counting a stored credential of `issuer` expiring at `expires_at`, if it has not
	/// expired yet at `now` (an expired one was uncounted by `on_initialize`).
	fn forget_expiry(issuer: &T::AccountId, expires_at: BlockNumberFor<T>, now: BlockNumberFor<T>) {
		if expires_at <= now {
			return;
		}
		ExpiringAt::<T>::mutate_exists(expires_at, |maybe| {
			if let Some(entries) = maybe {
				if let Some(entry) = entries.iter_mut().find(|(i, _)| i == issuer) {
					entry.1 = entry.1.saturating_sub(1);
				}
				entries.retain(|(_, n)| *n > 0);
				if entries.is_empty() {
					*maybe = None;
				}
			}
		});
		Self::uncount(issuer, 1);
	}

	/// `k` unexpired credentials of `issuer` expired or were removed.
	fn uncount(issuer: &T::AccountId, k: u32) {
		UnexpiredBy::<T>::mutate_exists(issuer, |n| {
			let left = n.unwrap_or(0).saturating_sub(k);
			*n = if left == 0 { None } else { Some(left) };
		});
		if Issuers::<T>::contains_key(issuer) {
			PersonCount::<T>::mutate(|n| *n = n.saturating_sub(k));
		}
	}

	// ---------------------------------------------------------------------------------------
	// Reads, used by the traits and the runtime API.
	// ---------------------------------------------------------------------------------------

	/// Current score of `who` in `domain` (`0` for an unknown domain).
	pub fn score_of(who: &T::AccountId, domain: DomainId) -> u128 {
		Domains::<T>::get(domain).map_or(0, |info| Self::points_in(who, domain, &info, Self::now()))
	}

	/// Points of `who` in the domain `(id, info)` at block `at`.
	fn points_in(
		who: &T::AccountId,
		id: DomainId,
		info: &DomainOf<T>,
		at: BlockNumberFor<T>,
	) -> u128 {
		Scores::<T>::get(who, id).map(|record| Self::record_points(info, &record, at)).unwrap_or(0)
	}

	/// Sum of the current scores of `who` over all domains.
	pub fn total_score_of(who: &T::AccountId) -> u128 {
		let now = Self::now();
		Domains::<T>::iter()
			.fold(0u128, |acc, (id, info)| acc.saturating_add(Self::points_in(who, id, &info, now)))
	}

	/// Current total reputation of `domain` (`0` for an unknown domain).
	pub fn domain_total_of(domain: DomainId) -> u128 {
		let Some(info) = Domains::<T>::get(domain) else { return 0 };
		Self::total_points(domain, &info, Self::now())
	}

	fn total_points(domain: DomainId, info: &DomainOf<T>, at: BlockNumberFor<T>) -> u128 {
		let (epoch, frac) = Self::epoch_and_fraction(info, at);
		decay::units_to_points(decay::buckets_total(&DomainTotals::<T>::get(domain), epoch), frac)
	}

	/// Score of `who` in every domain, sorted by domain id (runtime API).
	pub fn scores_of(who: &T::AccountId) -> Vec<(DomainId, u128)> {
		let now = Self::now();
		let mut scores: Vec<(DomainId, u128)> = Domains::<T>::iter()
			.map(|(id, info)| (id, Self::points_in(who, id, &info, now)))
			.collect();
		scores.sort_by_key(|(id, _)| *id);
		scores
	}

	/// Total reputation of every domain, sorted by domain id (runtime API).
	pub fn domain_totals() -> Vec<(DomainId, u128)> {
		let now = Self::now();
		let mut totals: Vec<(DomainId, u128)> = Domains::<T>::iter()
			.map(|(id, info)| (id, Self::total_points(id, &info, now)))
			.collect();
		totals.sort_by_key(|(id, _)| *id);
		totals
	}

	/// Every domain's id, name and half-life, sorted by id (runtime API).
	pub fn domain_list() -> Vec<(DomainId, Vec<u8>, BlockNumberFor<T>)> {
		let mut domains: Vec<(DomainId, Vec<u8>, BlockNumberFor<T>)> = Domains::<T>::iter()
			.map(|(id, info)| (id, info.name.into_inner(), info.half_life))
			.collect();
		domains.sort_by_key(|(id, _, _)| *id);
		domains
	}

	/// Expiry of `who`'s credential if it is currently valid (runtime API).
	pub fn personhood_expiry(who: &T::AccountId) -> Option<BlockNumberFor<T>> {
		Credentials::<T>::get(who)
			.filter(|credential| Self::credential_valid(credential, Self::now()))
			.map(|credential| credential.expires_at)
	}

	// ---------------------------------------------------------------------------------------
	// Invariants.
	// ---------------------------------------------------------------------------------------

	/// Check the pallet's invariants (iterates all of its storage: tests and try-runtime only).
	///
	/// - the counters (of [`Domains`], attesters per domain, [`DomainRecords`], of [`Issuers`],
	///   [`IssuedBy`], of [`Credentials`]) match what they count and respect their bounds;
	///   attesters only exist in existing domains;
	/// - every bucket of a domain total is non-empty, at most the current epoch, in strictly
	///   increasing order, and equal to the exact sum of the raw units of the domain's scores
	///   stored at its epoch; scores without a bucket are worth zero (≥ 128 epochs old);
	/// - **the rounding bound**: `|domain_total − Σ scores| ≤ N` for the `N` scores of the domain
	///   with non-zero units;
	/// - attestation lists are non-empty, sorted by id, with ids below [`NextAttestationId`];
	/// - every tally of attested points ([`AttestedBy`]) is non-zero, of an authorised attester
	///   of the domain, and not from a future epoch.
	#[cfg(any(feature = "try-runtime", test))]
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		let epochs = Self::check_domains()?;
		let (raw, sums) = Self::check_scores(&epochs)?;
		Self::check_buckets(&epochs, raw)?;
		Self::check_rounding_bound(&epochs, &sums)?;
		Self::check_attestations()?;
		Self::check_personhood()
	}

	/// Domains, their attesters and tallies of attested points, and the fastest decay clock;
	/// returns each domain's current epoch and fraction.
	#[cfg(any(feature = "try-runtime", test))]
	fn check_domains() -> Result<Epochs, sp_runtime::TryRuntimeError> {
		let now = Self::now();
		let mut domain_count: u32 = 0;
		let mut epochs = Epochs::new();
		for (id, info) in Domains::<T>::iter() {
			domain_count = domain_count.saturating_add(1);
			ensure!(!info.half_life.is_zero(), "domain with a zero half-life");
			ensure!(!info.name.is_empty(), "domain with an empty name");
			ensure!(info.anchor_block <= now, "domain anchored in the future");
			let attesters =
				u32::try_from(Attesters::<T>::iter_prefix(id).count()).unwrap_or(u32::MAX);
			ensure!(attesters == info.attesters, "attester count mismatch");
			ensure!(attesters <= T::MaxAttestersPerDomain::get(), "too many attesters");
			ensure!(
				info.incarnation < NextIncarnation::<T>::get(),
				"incarnation not yet allocated"
			);
			epochs.insert(id, Self::epoch_and_fraction(&info, now));
		}
		ensure!(domain_count == Domains::<T>::count(), "domain count mismatch");
		ensure!(domain_count <= T::MaxDomains::get(), "too many domains");
		let shortest = Domains::<T>::iter_values().map(|info| info.half_life).min();
		ensure!(
			Fastest::<T>::get().map(|clock| clock.half_life) == shortest,
			"fastest decay clock not on the shortest half-life"
		);
		if let Some(clock) = Fastest::<T>::get() {
			ensure!(clock.anchor_block <= now, "fastest decay clock anchored in the future");
			ensure!(
				clock.anchor_clock >= LastFastestClock::<T>::get(),
				"fastest decay clock ran backwards"
			);
		}
		for (domain, _, rights) in Attesters::<T>::iter() {
			ensure!(epochs.contains_key(&domain), "attester of a missing domain");
			ensure!(
				!rights.max_per_attestation.is_zero() && !rights.rate_limit.is_zero(),
				"attester with a zero limit"
			);
			ensure!(rights.used <= rights.rate_limit, "attester over its rate limit");
		}
		for (domain, attester, tally) in AttestedBy::<T>::iter() {
			ensure!(!tally.units.is_zero(), "stored zero attester tally");
			ensure!(Attesters::<T>::contains_key(domain, &attester), "tally without an attester");
			let (epoch, _) = epochs.get(&domain).copied().ok_or("tally of a missing domain")?;
			ensure!(tally.epoch <= epoch, "attester tally from a future epoch");
		}

		Ok(epochs)
	}

	/// Scores: none zero or from a future epoch, counted per domain; returns the raw units per
	/// (domain, epoch) and the sum and number of scores per domain.
	#[cfg(any(feature = "try-runtime", test))]
	#[allow(clippy::type_complexity)]
	fn check_scores(
		epochs: &Epochs,
	) -> Result<
		(BTreeMap<(DomainId, u64), u128>, BTreeMap<DomainId, (u128, u128)>),
		sp_runtime::TryRuntimeError,
	> {
		let mut records: BTreeMap<DomainId, u32> = BTreeMap::new();
		let mut raw: BTreeMap<(DomainId, u64), u128> = BTreeMap::new();
		let mut sums: BTreeMap<DomainId, (u128, u128)> = BTreeMap::new();
		for (who, domain, record) in Scores::<T>::iter() {
			ensure!(!record.units.is_zero(), "stored zero score");
			let n = records.entry(domain).or_insert(0);
			*n = n.saturating_add(1);
			let Some((epoch, _)) = epochs.get(&domain).copied() else { continue };
			ensure!(record.epoch <= epoch, "score from a future epoch");
			let units = raw.entry((domain, record.epoch)).or_insert(0);
			*units = units.checked_add(record.units).ok_or("bucket sum overflows")?;
			let sum = sums.entry(domain).or_insert((0, 0));
			sum.0 = sum.0.checked_add(Self::score_of(&who, domain)).ok_or("sum overflows")?;
			sum.1 = sum.1.saturating_add(1);
		}
		for (domain, n) in DomainRecords::<T>::iter() {
			ensure!(records.remove(&domain) == Some(n), "record count mismatch");
		}
		ensure!(records.is_empty(), "scores without a record count");

		Ok((raw, sums))
	}

	/// Every bucket of a domain total is the exact sum of the raw units of its scores at its
	/// epoch, in order, none empty; a score without a bucket is worth zero.
	#[cfg(any(feature = "try-runtime", test))]
	fn check_buckets(
		epochs: &Epochs,
		mut raw: BTreeMap<(DomainId, u64), u128>,
	) -> Result<(), sp_runtime::TryRuntimeError> {
		for (domain, buckets) in DomainTotals::<T>::iter() {
			let Some((epoch, _)) = epochs.get(&domain).copied() else {
				return Err("buckets of a missing domain".into());
			};
			ensure!(!buckets.is_empty(), "stored empty bucket list");
			let mut previous: Option<u64> = None;
			for bucket in buckets.iter() {
				ensure!(!bucket.units.is_zero(), "empty bucket");
				ensure!(bucket.epoch <= epoch, "bucket from a future epoch");
				ensure!(previous.is_none_or(|p| p < bucket.epoch), "buckets out of order");
				previous = Some(bucket.epoch);
				ensure!(
					raw.remove(&(domain, bucket.epoch)).unwrap_or(0) == bucket.units,
					"bucket differs from the sum of its scores"
				);
			}
		}
		for ((domain, record_epoch), _) in raw.iter() {
			let (epoch, _) = epochs.get(domain).copied().unwrap_or((0, 0));
			ensure!(
				epoch.saturating_sub(*record_epoch) >= decay::MAX_SHIFT,
				"score without a bucket"
			);
		}

		Ok(())
	}

	/// The rounding bound: `|domain total − Σ scores| ≤ N` for the `N` scores of each domain.
	#[cfg(any(feature = "try-runtime", test))]
	fn check_rounding_bound(
		epochs: &Epochs,
		sums: &BTreeMap<DomainId, (u128, u128)>,
	) -> Result<(), sp_runtime::TryRuntimeError> {
		for id in epochs.keys() {
			let total = Self::domain_total_of(*id);
			let (sum, n) = sums.get(id).copied().unwrap_or((0, 0));
			ensure!(total.abs_diff(sum) <= n, "domain total too far from the sum of its scores");
		}

		Ok(())
	}

	/// Attestation lists: not empty, sorted by allocated id, none from the future or empty.
	#[cfg(any(feature = "try-runtime", test))]
	fn check_attestations() -> Result<(), sp_runtime::TryRuntimeError> {
		let now = Self::now();
		let next_id = NextAttestationId::<T>::get();
		for (_, ledger) in Attestations::<T>::iter() {
			ensure!(!ledger.is_empty(), "stored empty attestation list");
			let mut previous: Option<u64> = None;
			for attestation in ledger.iter() {
				ensure!(attestation.id < next_id, "attestation id not yet allocated");
				ensure!(previous.is_none_or(|p| p < attestation.id), "attestations out of order");
				previous = Some(attestation.id);
				ensure!(attestation.at <= now, "attestation from the future");
				ensure!(!attestation.points.is_zero(), "attestation without points");
			}
		}

		Ok(())
	}

	/// Issuers, credentials, the person index, the person count and the expiry counts.
	#[cfg(any(feature = "try-runtime", test))]
	fn check_personhood() -> Result<(), sp_runtime::TryRuntimeError> {
		let issuers = u32::try_from(Issuers::<T>::iter_keys().count()).unwrap_or(u32::MAX);
		ensure!(issuers == Issuers::<T>::count(), "issuer count mismatch");
		ensure!(issuers <= T::MaxIssuers::get(), "too many issuers");
		let mut issued: BTreeMap<T::AccountId, u32> = BTreeMap::new();
		let mut unexpired: BTreeMap<(BlockNumberFor<T>, T::AccountId), u32> = BTreeMap::new();
		let mut credentials: u32 = 0;
		let mut valid: u32 = 0;
		let now = Self::now();
		for (who, credential) in Credentials::<T>::iter() {
			credentials = credentials.saturating_add(1);
			ensure!(
				PersonAccount::<T>::get(credential.person).as_ref() == Some(&who),
				"credential's person not indexed to its account"
			);
			if credential.expires_at > now {
				let n = unexpired
					.entry((credential.expires_at, credential.issuer.clone()))
					.or_insert(0);
				*n = n.saturating_add(1);
			}
			if Self::credential_valid(&credential, now) {
				valid = valid.saturating_add(1);
			}
			let n = issued.entry(credential.issuer).or_insert(0);
			*n = n.saturating_add(1);
		}
		ensure!(credentials == Credentials::<T>::count(), "credential count mismatch");
		let persons = u32::try_from(PersonAccount::<T>::iter_keys().count()).unwrap_or(u32::MAX);
		ensure!(persons == credentials, "person index differs from the credentials");
		ensure!(valid == PersonCount::<T>::get(), "person count differs from valid credentials");
		let mut by_issuer: BTreeMap<T::AccountId, u32> = BTreeMap::new();
		for (at, entries) in ExpiringAt::<T>::iter() {
			ensure!(at > now, "expired credentials still counted");
			for (issuer, n) in entries {
				ensure!(n > 0, "zero expiry count stored");
				ensure!(
					unexpired.remove(&(at, issuer.clone())) == Some(n),
					"expiry count differs from the credentials"
				);
				let total = by_issuer.entry(issuer).or_insert(0);
				*total = total.saturating_add(n);
			}
		}
		ensure!(unexpired.is_empty(), "unexpired credential without an expiry count");
		for (issuer, n) in UnexpiredBy::<T>::iter() {
			ensure!(by_issuer.remove(&issuer) == Some(n), "unexpired count per issuer differs");
		}
		ensure!(by_issuer.is_empty(), "issuer without an unexpired count");
		for (issuer, n) in IssuedBy::<T>::iter() {
			ensure!(n <= T::MaxCredentialsPerIssuer::get(), "issuer over its credential limit");
			ensure!(issued.remove(&issuer) == Some(n), "issued count mismatch");
		}
		ensure!(issued.is_empty(), "credentials without an issued count");
		Ok(())
	}
}

impl<T: Config> ReputationProvider<T::AccountId, DomainId> for Pallet<T> {
	fn score(who: &T::AccountId, domain: DomainId) -> u128 {
		Self::score_of(who, domain)
	}

	fn total_score(who: &T::AccountId) -> u128 {
		Self::total_score_of(who)
	}

	fn weighted_score(who: &T::AccountId, weights: &[(DomainId, Perbill)]) -> u128 {
		weights.iter().fold(0u128, |acc, (domain, weight)| {
			acc.saturating_add(weight.mul_floor(Self::score_of(who, *domain)))
		})
	}

	fn domain_total(domain: DomainId) -> u128 {
		Self::domain_total_of(domain)
	}

	fn weighted_total(weights: &[(DomainId, Perbill)]) -> u128 {
		weights.iter().fold(0u128, |acc, (domain, weight)| {
			acc.saturating_add(weight.mul_floor(Self::domain_total_of(*domain)))
		})
	}

	fn fastest_clock() -> u128 {
		Self::fastest_clock_at(Self::now())
	}

	/// Adds any missing domain (half-life of a million blocks) and attests `amount` in each
	/// from a benchmark attester.
	#[cfg(feature = "runtime-benchmarks")]
	fn set_reputation(who: &T::AccountId, weights: &[(DomainId, Perbill)], amount: u128) {
		let attester: T::AccountId = frame_benchmarking::account("reputation-attester", 0, 0);
		for (domain, _) in weights {
			if !Domains::<T>::contains_key(domain) {
				let name = BoundedVec::truncate_from(b"bench".to_vec());
				let _ = Self::do_add_domain(*domain, name, 1_000_000u32.into());
			}
			let _ = Self::do_set_attester(*domain, attester.clone(), u128::MAX, u128::MAX);
			let _ = Self::attest(
				frame_system::RawOrigin::Signed(attester.clone()).into(),
				who.clone(),
				*domain,
				amount,
				Default::default(),
			);
		}
	}
}

impl<T: Config> PersonhoodProvider<T::AccountId> for Pallet<T> {
	fn is_person(who: &T::AccountId) -> bool {
		Self::personhood_expiry(who).is_some()
	}

	fn person_of(who: &T::AccountId) -> Option<PersonId> {
		Credentials::<T>::get(who)
			.filter(|credential| Self::credential_valid(credential, Self::now()))
			.map(|credential| credential.person)
	}

	fn person_count() -> u32 {
		PersonCount::<T>::get()
	}

	/// Grants a credential from a benchmark issuer (authorised on first use) for the longest
	/// duration, with a person id of its own: the first 8 bytes of the account's encoding
	/// (benchmark accounts are hashes).
	#[cfg(feature = "runtime-benchmarks")]
	fn make_person(who: &T::AccountId) {
		let issuer: T::AccountId = frame_benchmarking::account("personhood-issuer", 0, 0);
		if !Issuers::<T>::contains_key(&issuer) {
			let _ = Self::do_add_issuer(issuer.clone());
		}
		let expires_at = Self::now().saturating_add(T::MaxCredentialDuration::get());
		let mut bytes = [0u8; 8];
		who.using_encoded(|encoded| {
			for (byte, source) in bytes.iter_mut().zip(encoded) {
				*byte = *source;
			}
		});
		let _ = Self::issue_credential(
			frame_system::RawOrigin::Signed(issuer).into(),
			who.clone(),
			u64::from_le_bytes(bytes),
			expires_at,
		);
	}
}

impl<T: Config> ReputationSlasher<T::AccountId, DomainId, T::Hash> for Pallet<T> {
	fn slash(
		who: &T::AccountId,
		domain: Option<DomainId>,
		fraction: Perbill,
		reason: T::Hash,
	) -> Result<u128, DispatchError> {
		Self::do_slash(who, domain, fraction, reason).map(|(_, points, _)| points)
	}

	fn on_slashed_max_weight() -> Weight {
		T::OnSlashed::max_weight()
	}
}
