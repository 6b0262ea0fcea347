//! # Artifacts pallet
//!
//! A signed registry of AI artifacts — model weights, datasets, evaluation suites and results,
//! training recipes, code and model cards — identified by content hash, with provenance,
//! attestations, gated release stages, emergency suspension and takedown (Ostrom design §5).
//!
//! - [`Pallet::register`] records an artifact under its [`ContentHash`] (SHA2-256 or
//!   BLAKE2b-256, tagged) with its kind, name, version, size, URI, SPDX licence and provenance
//!   links to already registered parents. The registrant's deposit ([`Config::DepositBase`] +
//!   [`Config::DepositPerByte`] per byte of the stored record) is held until the artifact is
//!   withdrawn or retracted.
//! - **Provenance is acyclic by construction**: parents must already be registered, a hash is
//!   registered at most once and a record's parents never change, so every link points from a
//!   later registration to an earlier one. A retracted record can only be removed when no
//!   artifact names it as a parent, and a withdrawn record stays as a tombstone, so a re-used
//!   hash can never close a cycle either. Self-links and duplicate links are still refused.
//! - **Attestations** ([`Pallet::attest`]) by accounts that [`Config::Attesters`] authorises:
//!   reproduced, evaluation score, red-team score with report hash, model card reviewed,
//!   licence reviewed; one of each kind per attester per artifact, never by the registrant,
//!   revocable by the attester for [`Config::RevocationWindow`] blocks, removable by
//!   [`Config::GateOrigin`].
//! - **Release stages** `Registered → ResearchOnly → NonCommercial → General`:
//!   [`Pallet::advance_stage`] needs [`Config::ReleaseOrigin`] (the release-gate decision)
//!   **and** the artifact's attestations to meet the [`Gate`] of the next stage, set by
//!   [`Config::GateOrigin`]; an unmet gate fails with an error naming its first missing
//!   requirement. Plus `Deprecated` (registrant or release origin), `Suspended` and `Withdrawn`.
//! - **Suspension** ([`EmergencySuspension`], and [`Pallet::suspend`] for
//!   [`Config::SuspendOrigin`]) lasts until a given block, at most [`Config::MaxSuspension`]
//!   ahead, and lapses by itself in `on_initialize`, restoring the previous stage; expiries are
//!   queued per block, at most [`Config::MaxExpiriesPerBlock`] each.
//! - **Takedown** ([`Pallet::withdraw`], [`Config::TakedownOrigin`]) is final; the record stays
//!   as a tombstone so that verifiers see the hash as withdrawn, and the deposit is released.
//!   Before any stage change the registrant may instead [`Pallet::retract`] an artifact that
//!   nothing derives from, which deletes the record and releases the deposit.
//!
//! Clients look artifacts up through the [`runtime_api::ArtifactsApi`] runtime API: the
//! artifact with its attestations and gate status, and its lineage up to a bounded depth.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

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

pub use pallet::*;
pub use traits::{ArtifactAttesters, EmergencySuspension};
pub use types::*;
pub use weights::WeightInfo;

#[cfg(any(feature = "try-runtime", test))]
use alloc::collections::btree_map::BTreeMap;
use alloc::{collections::btree_set::BTreeSet, vec, vec::Vec};
use frame_support::traits::DefensiveSaturating as _;
use frame_support::{
	pallet_prelude::*,
	traits::{fungible, tokens::Precision},
};
use frame_system::pallet_prelude::*;
use sp_runtime::traits::{Saturating, Zero};

/// Log target of this pallet.
pub const LOG_TARGET: &str = "runtime::artifacts";

// `register` takes every field of an artifact as its own argument (as Polkadot.js Apps shows them),
// and the pallet macro generates functions with the same arguments.
#[allow(clippy::too_many_arguments)]
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

		/// The currency registration deposits are held in.
		type Currency: fungible::Mutate<Self::AccountId>
			+ fungible::MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>;

		/// The overarching hold reason.
		type RuntimeHoldReason: From<HoldReason>;

		/// Who may attest artifacts, per attestation type.
		type Attesters: ArtifactAttesters<Self::AccountId>;

		/// Origin of a release-gate decision: advances an artifact to its next stage (when the
		/// gate is met) and may deprecate any artifact.
		type ReleaseOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Origin of a takedown decision: withdraws an artifact.
		type TakedownOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Origin that sets the gates and may remove attestations.
		type GateOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Origin that suspends artifacts and lifts suspensions (governance; the constitution's
		/// guardians use [`EmergencySuspension`] instead).
		type SuspendOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Deposit held for every registered artifact.
		#[pallet::constant]
		type DepositBase: Get<BalanceOf<Self>>;

		/// Additional deposit held per byte of the stored record.
		#[pallet::constant]
		type DepositPerByte: Get<BalanceOf<Self>>;

		/// Maximum length of an artifact's name, in bytes (not zero).
		#[pallet::constant]
		type MaxNameLen: Get<u32>;

		/// Maximum length of an artifact's version, in bytes.
		#[pallet::constant]
		type MaxVersionLen: Get<u32>;

		/// Maximum length of an artifact's URI, in bytes.
		#[pallet::constant]
		type MaxUriLen: Get<u32>;

		/// Maximum length of an artifact's SPDX licence expression, in bytes (not zero).
		#[pallet::constant]
		type MaxLicenceLen: Get<u32>;

		/// Maximum number of provenance links (parents) of an artifact (not zero).
		#[pallet::constant]
		type MaxParents: Get<u32>;

		/// Maximum number of attestations on an artifact (at least 5: one of each kind).
		#[pallet::constant]
		type MaxAttestations: Get<u32>;

		/// Maximum number of generations a lineage lookup goes back (not zero).
		#[pallet::constant]
		type MaxLineageDepth: Get<u32>;

		/// Maximum number of links a lineage lookup returns (not zero).
		#[pallet::constant]
		type MaxLineageEntries: Get<u32>;

		/// Maximum number of suspensions that can end at the same block (not zero).
		#[pallet::constant]
		type MaxExpiriesPerBlock: Get<u32>;

		/// Number of blocks after an attestation during which its attester may revoke it (up to
		/// and including block `at + RevocationWindow`).
		#[pallet::constant]
		type RevocationWindow: Get<BlockNumberFor<Self>>;

		/// Maximum length of a suspension, in blocks from the block it is set (not zero).
		#[pallet::constant]
		type MaxSuspension: Get<BlockNumberFor<Self>>;
	}

	/// A reason for this pallet placing a hold on funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// The deposit of a registered artifact.
		#[codec(index = 0)]
		ArtifactDeposit,
	}

	/// The registered artifacts (including withdrawn tombstones), by content hash.
	#[pallet::storage]
	pub type Artifacts<T: Config> =
		StorageMap<_, Blake2_128Concat, ContentHash, ArtifactOf<T>, OptionQuery>;

	/// Number of registered artifacts naming each artifact as a parent (absent when zero).
	#[pallet::storage]
	pub type ChildCount<T: Config> = StorageMap<_, Blake2_128Concat, ContentHash, u32, ValueQuery>;

	/// The attestations on each artifact, oldest first (absent when none).
	#[pallet::storage]
	pub type Attestations<T: Config> =
		StorageMap<_, Blake2_128Concat, ContentHash, AttestationsOf<T>, ValueQuery>;

	/// The gate of each stage; a stage whose gate is not set cannot be entered.
	#[pallet::storage]
	pub type Gates<T: Config> = StorageMap<_, Twox64Concat, GatedStage, Gate, OptionQuery>;

	/// The artifacts whose suspension lapses at the start of each block (absent when none).
	#[pallet::storage]
	pub type SuspensionExpiries<T: Config> =
		StorageMap<_, Twox64Concat, BlockNumberFor<T>, ExpiriesOf<T>, ValueQuery>;

	/// Initial gates.
	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// The gates: `(stage, gate)`.
		pub gates: Vec<(GatedStage, Gate)>,
		/// Ties the configuration to the runtime; not part of the genesis JSON.
		#[serde(skip)]
		pub _config: core::marker::PhantomData<T>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			for (stage, gate) in self.gates.iter() {
				Pallet::<T>::do_set_gate(*stage, *gate).expect("invalid genesis gate");
			}
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// An artifact was registered and its deposit held.
		Registered {
			/// The artifact's content hash.
			hash: ContentHash,
			/// What the artifact is.
			kind: ArtifactKind,
			/// The account that registered it and whose deposit is held.
			registrant: T::AccountId,
			/// The deposit held from the registrant, in plancks.
			deposit: BalanceOf<T>,
		},
		/// An attester attested an artifact.
		Attested {
			/// The attested artifact's content hash.
			hash: ContentHash,
			/// The attesting account.
			attester: T::AccountId,
			/// The attestation, with its score or report where it has one.
			kind: AttestationKind,
		},
		/// An attester revoked its attestation of type `kind`.
		AttestationRevoked {
			/// The artifact's content hash.
			hash: ContentHash,
			/// The attester that revoked its attestation.
			attester: T::AccountId,
			/// The type of the revoked attestation.
			kind: AttestationType,
		},
		/// Governance removed an attestation.
		AttestationRemoved {
			/// The artifact's content hash.
			hash: ContentHash,
			/// The attester whose attestation was removed.
			attester: T::AccountId,
			/// The type of the removed attestation.
			kind: AttestationType,
		},
		/// The gate of a stage was set.
		GateSet {
			/// The stage the gate leads into.
			stage: GatedStage,
			/// The attestations an artifact now needs to enter the stage.
			gate: Gate,
		},
		/// A release-gate decision advanced an artifact to its next stage.
		StageAdvanced {
			/// The artifact's content hash.
			hash: ContentHash,
			/// The stage it left.
			from: ReleaseStage,
			/// The stage it entered.
			to: GatedStage,
		},
		/// An artifact was deprecated.
		Deprecated {
			/// The artifact's content hash.
			hash: ContentHash,
			/// The stage it was in before.
			from: ReleaseStage,
		},
		/// An artifact was suspended (or its suspension changed) until block `until`, at the
		/// start of which `previous` is restored.
		Suspended {
			/// The artifact's content hash.
			hash: ContentHash,
			/// The stage it was in before the suspension, restored when the suspension ends.
			previous: ReleaseStage,
			/// The block at whose start the suspension lapses.
			until: BlockNumberFor<T>,
		},
		/// A suspension was lifted before its end.
		SuspensionLifted {
			/// The artifact's content hash.
			hash: ContentHash,
			/// The stage the artifact is back in.
			restored: ReleaseStage,
		},
		/// A suspension reached its end block and lapsed.
		SuspensionLapsed {
			/// The artifact's content hash.
			hash: ContentHash,
			/// The stage the artifact is back in.
			restored: ReleaseStage,
		},
		/// An artifact was taken down; its record stays as a tombstone.
		Withdrawn {
			/// The artifact's content hash (it cannot be registered again).
			hash: ContentHash,
			/// The account that registered it.
			registrant: T::AccountId,
			/// The deposit released to the registrant, in plancks.
			deposit_released: BalanceOf<T>,
		},
		/// A registrant retracted an artifact; its record was deleted.
		Retracted {
			/// The artifact's content hash (it may be registered again).
			hash: ContentHash,
			/// The account that registered and retracted it.
			registrant: T::AccountId,
			/// The deposit released to the registrant, in plancks.
			deposit_released: BalanceOf<T>,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// An artifact with this content hash is already registered (or was withdrawn).
		AlreadyRegistered,
		/// No artifact with this content hash.
		UnknownArtifact,
		/// A parent is not a registered artifact.
		UnknownParent,
		/// The same parent is listed twice.
		DuplicateParent,
		/// The artifact is listed as its own parent.
		ProvenanceCycle,
		/// More parents than [`Config::MaxParents`].
		TooManyParents,
		/// The name is empty.
		EmptyName,
		/// The name is longer than [`Config::MaxNameLen`].
		NameTooLong,
		/// The version is longer than [`Config::MaxVersionLen`].
		VersionTooLong,
		/// The URI is longer than [`Config::MaxUriLen`].
		UriTooLong,
		/// The licence is empty.
		EmptyLicence,
		/// The licence is longer than [`Config::MaxLicenceLen`].
		LicenceTooLong,
		/// The licence contains a byte that is not printable ASCII or a space.
		InvalidLicence,
		/// The registrant cannot pay the deposit.
		InsufficientBalance,
		/// The caller may not make attestations of this type.
		NotAttester,
		/// The registrant of an artifact cannot attest it.
		RegistrantCannotAttest,
		/// The evaluation suite of an evaluation score is not registered.
		UnknownEvalSuite,
		/// The evaluation suite of an evaluation score is not of kind `EvalSuite`.
		NotAnEvalSuite,
		/// The caller already has an attestation of this type on this artifact.
		AlreadyAttested,
		/// The artifact has [`Config::MaxAttestations`] attestations.
		TooManyAttestations,
		/// No attestation of this type by this attester on this artifact.
		AttestationNotFound,
		/// The attestation is older than [`Config::RevocationWindow`].
		RevocationWindowPassed,
		/// The gate needs more attestations than an artifact can hold.
		GateUnreachable,
		/// The gate of the next stage is not set: the stage cannot be entered.
		GateNotSet,
		/// The requested stage is not the artifact's next stage.
		NotNextStage,
		/// The artifact is released for general use: there is no next stage.
		FinalStage,
		/// The artifact is suspended.
		ArtifactSuspended,
		/// The artifact is deprecated.
		ArtifactDeprecated,
		/// The artifact was withdrawn.
		ArtifactWithdrawn,
		/// Gate not met: not enough reproductions.
		GateMissingReproductions,
		/// Gate not met: not enough evaluation scores.
		GateMissingEvalScores,
		/// Gate not met: no red-team score.
		GateMissingRedTeam,
		/// Gate not met: a red-team score is below the minimum.
		GateRedTeamScoreTooLow,
		/// Gate not met: no model-card review.
		GateMissingModelCardReview,
		/// Gate not met: no licence review.
		GateMissingLicenceReview,
		/// Gate not met: not enough distinct attesters.
		GateMissingAttesters,
		/// The caller is not the artifact's registrant.
		NotRegistrant,
		/// The artifact is already deprecated.
		AlreadyDeprecated,
		/// Only an artifact still in stage `Registered` can be retracted by its registrant.
		NotRetractable,
		/// Registered artifacts name this one as a parent.
		HasChildren,
		/// A suspension must end after the current block.
		SuspensionInPast,
		/// A suspension must end at most [`Config::MaxSuspension`] blocks from now.
		SuspensionTooLong,
		/// [`Config::MaxExpiriesPerBlock`] suspensions already end at that block.
		TooManyExpiries,
		/// The artifact is not suspended.
		NotSuspended,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		/// Lapse the suspensions that end at block `n`, restoring their previous stage.
		fn on_initialize(n: BlockNumberFor<T>) -> Weight {
			Self::lapse_suspensions(n)
		}

		fn integrity_test() {
			assert!(T::MaxNameLen::get() > 0, "MaxNameLen must not be zero");
			assert!(T::MaxLicenceLen::get() > 0, "MaxLicenceLen must not be zero");
			assert!(T::MaxParents::get() > 0, "MaxParents must not be zero");
			assert!(
				T::MaxAttestations::get() >= 5,
				"MaxAttestations must allow one attestation of each kind"
			);
			assert!(T::MaxLineageDepth::get() > 0, "MaxLineageDepth must not be zero");
			assert!(T::MaxLineageEntries::get() > 0, "MaxLineageEntries must not be zero");
			assert!(T::MaxExpiriesPerBlock::get() > 0, "MaxExpiriesPerBlock must not be zero");
			assert!(!T::MaxSuspension::get().is_zero(), "MaxSuspension must not be zero");
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Register an artifact under its content hash, holding the deposit
		/// ([`Config::DepositBase`] + [`Config::DepositPerByte`] × the stored record's size)
		/// from the caller.
		///
		/// `name` must not be empty; `licence` is an SPDX identifier or expression (printable
		/// ASCII and spaces, not empty); every parent must be registered (any stage, including
		/// withdrawn: provenance records facts) and listed once. The artifact starts in stage
		/// `Registered`.
		///
		/// Emits [`Event::Registered`].
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::register(Pallet::<T>::parents_component(parents.len())))]
		#[allow(clippy::too_many_arguments)]
		pub fn register(
			origin: OriginFor<T>,
			hash: ContentHash,
			kind: ArtifactKind,
			name: Vec<u8>,
			version: Vec<u8>,
			size: u64,
			uri: Option<Vec<u8>>,
			licence: Vec<u8>,
			parents: Vec<(ContentHash, Relation)>,
		) -> DispatchResult {
			let registrant = ensure_signed(origin)?;
			let parents: ParentsOf<T> =
				parents.try_into().map_err(|_| Error::<T>::TooManyParents)?;
			ensure!(!name.is_empty(), Error::<T>::EmptyName);
			let name: NameOf<T> = name.try_into().map_err(|_| Error::<T>::NameTooLong)?;
			let version: VersionOf<T> =
				version.try_into().map_err(|_| Error::<T>::VersionTooLong)?;
			let uri: Option<UriOf<T>> = match uri {
				Some(uri) => Some(uri.try_into().map_err(|_| Error::<T>::UriTooLong)?),
				None => None,
			};
			ensure!(!licence.is_empty(), Error::<T>::EmptyLicence);
			let licence: LicenceOf<T> =
				licence.try_into().map_err(|_| Error::<T>::LicenceTooLong)?;
			ensure!(
				licence.iter().all(|c| c.is_ascii_graphic() || *c == b' '),
				Error::<T>::InvalidLicence
			);
			let mut listed: BTreeSet<ContentHash> = BTreeSet::new();
			for (parent, _) in parents.iter() {
				ensure!(*parent != hash, Error::<T>::ProvenanceCycle);
				ensure!(listed.insert(*parent), Error::<T>::DuplicateParent);
			}
			ensure!(!Artifacts::<T>::contains_key(hash), Error::<T>::AlreadyRegistered);
			for (parent, _) in parents.iter() {
				ensure!(Artifacts::<T>::contains_key(parent), Error::<T>::UnknownParent);
			}

			let mut artifact = Artifact {
				kind,
				name,
				version,
				size,
				uri,
				licence,
				parents,
				registrant: registrant.clone(),
				deposit: Zero::zero(),
				stage: Stage::Registered,
				registered_at: Self::now(),
			};
			let deposit = Self::deposit_for(&artifact);
			if !deposit.is_zero() {
				<T::Currency as fungible::MutateHold<T::AccountId>>::hold(
					&Self::hold_reason(),
					&registrant,
					deposit,
				)
				.map_err(|_| Error::<T>::InsufficientBalance)?;
			}
			artifact.deposit = deposit;
			for (parent, _) in artifact.parents.iter() {
				ChildCount::<T>::mutate(parent, |n| *n = n.saturating_add(1));
			}
			Artifacts::<T>::insert(hash, artifact);
			Self::deposit_event(Event::Registered { hash, kind, registrant, deposit });
			Ok(())
		}

		/// Attest an artifact. The caller must be authorised by [`Config::Attesters`] for this
		/// type of attestation, must not be the registrant, and must not already have an
		/// attestation of this type on the artifact. An evaluation score's suite, if given, must
		/// be a registered artifact of kind `EvalSuite`. Withdrawn artifacts cannot be attested;
		/// suspended ones can (e.g. a new red-team report).
		///
		/// Emits [`Event::Attested`].
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::attest())]
		pub fn attest(
			origin: OriginFor<T>,
			hash: ContentHash,
			kind: AttestationKind,
		) -> DispatchResult {
			let attester = ensure_signed(origin)?;
			let artifact = Artifacts::<T>::get(hash).ok_or(Error::<T>::UnknownArtifact)?;
			ensure!(!matches!(artifact.stage, Stage::Withdrawn), Error::<T>::ArtifactWithdrawn);
			let attestation_type = kind.attestation_type();
			ensure!(
				T::Attesters::is_attester(&attester, attestation_type),
				Error::<T>::NotAttester
			);
			ensure!(attester != artifact.registrant, Error::<T>::RegistrantCannotAttest);
			if let AttestationKind::EvalScore { suite: Some(suite), .. } = kind {
				let suite = Artifacts::<T>::get(suite).ok_or(Error::<T>::UnknownEvalSuite)?;
				ensure!(suite.kind == ArtifactKind::EvalSuite, Error::<T>::NotAnEvalSuite);
			}
			let mut attestations = Attestations::<T>::get(hash);
			ensure!(
				!attestations.iter().any(
					|a| a.attester == attester && a.kind.attestation_type() == attestation_type
				),
				Error::<T>::AlreadyAttested
			);
			attestations
				.try_push(Attestation { attester: attester.clone(), kind, at: Self::now() })
				.map_err(|_| Error::<T>::TooManyAttestations)?;
			Attestations::<T>::insert(hash, attestations);
			Self::deposit_event(Event::Attested { hash, attester, kind });
			Ok(())
		}

		/// Revoke the caller's attestation of type `kind` on an artifact, at most
		/// [`Config::RevocationWindow`] blocks after it was made. A stage already entered with
		/// its help is not affected.
		///
		/// Emits [`Event::AttestationRevoked`].
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::revoke_attestation())]
		pub fn revoke_attestation(
			origin: OriginFor<T>,
			hash: ContentHash,
			kind: AttestationType,
		) -> DispatchResult {
			let attester = ensure_signed(origin)?;
			Self::take_attestation(hash, &attester, kind, |at| {
				ensure!(
					Self::now() <= at.saturating_add(T::RevocationWindow::get()),
					Error::<T>::RevocationWindowPassed
				);
				Ok(())
			})?;
			Self::deposit_event(Event::AttestationRevoked { hash, attester, kind });
			Ok(())
		}

		/// Remove `attester`'s attestation of type `kind` on an artifact (e.g. one made by a
		/// compromised or discredited attester), at any time.
		///
		/// Origin: [`Config::GateOrigin`]. Emits [`Event::AttestationRemoved`].
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::remove_attestation())]
		pub fn remove_attestation(
			origin: OriginFor<T>,
			hash: ContentHash,
			attester: T::AccountId,
			kind: AttestationType,
		) -> DispatchResult {
			T::GateOrigin::ensure_origin(origin)?;
			Self::take_attestation(hash, &attester, kind, |_| Ok(()))?;
			Self::deposit_event(Event::AttestationRemoved { hash, attester, kind });
			Ok(())
		}

		/// Set the gate of a stage. It applies to every later [`Pallet::advance_stage`] into
		/// that stage; stages already entered are not affected. Refused if the gate needs more
		/// attestations (or distinct attesters) than an artifact can hold.
		///
		/// Origin: [`Config::GateOrigin`]. Emits [`Event::GateSet`].
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::set_gate())]
		pub fn set_gate(origin: OriginFor<T>, stage: GatedStage, gate: Gate) -> DispatchResult {
			T::GateOrigin::ensure_origin(origin)?;
			Self::do_set_gate(stage, gate)
		}

		/// Advance an artifact to stage `to`, which must be its next stage, if its attestations
		/// meet the gate of `to`. An unmet gate fails with the error of its first missing
		/// requirement (in the order of the [`Gate`] fields). Naming the target stage makes a
		/// decision enacted twice, or late, unable to skip a stage.
		///
		/// Origin: [`Config::ReleaseOrigin`]. Emits [`Event::StageAdvanced`].
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::advance_stage())]
		pub fn advance_stage(
			origin: OriginFor<T>,
			hash: ContentHash,
			to: GatedStage,
		) -> DispatchResult {
			T::ReleaseOrigin::ensure_origin(origin)?;
			let mut artifact = Artifacts::<T>::get(hash).ok_or(Error::<T>::UnknownArtifact)?;
			let from = Self::active_stage(&artifact.stage)?;
			ensure!(from != ReleaseStage::Deprecated, Error::<T>::ArtifactDeprecated);
			let next = from.next_stage().ok_or(Error::<T>::FinalStage)?;
			ensure!(next == to, Error::<T>::NotNextStage);
			let gate = Gates::<T>::get(next).ok_or(Error::<T>::GateNotSet)?;
			if let Some(unmet) = gate.first_unmet(&Self::summary_of(&hash)) {
				return Err(Error::<T>::from(unmet).into());
			}
			artifact.stage = next.into();
			Artifacts::<T>::insert(hash, artifact);
			Self::deposit_event(Event::StageAdvanced { hash, from, to });
			Ok(())
		}

		/// Deprecate an artifact (superseded, or no longer recommended) in any stage of the
		/// release ladder. Deprecation is final apart from suspension and takedown; a
		/// deprecated artifact keeps its record and deposit.
		///
		/// Origin: the registrant, or [`Config::ReleaseOrigin`]. Emits [`Event::Deprecated`].
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::deprecate())]
		pub fn deprecate(origin: OriginFor<T>, hash: ContentHash) -> DispatchResult {
			let caller = match T::ReleaseOrigin::try_origin(origin) {
				Ok(_) => None,
				Err(origin) => Some(ensure_signed(origin)?),
			};
			let mut artifact = Artifacts::<T>::get(hash).ok_or(Error::<T>::UnknownArtifact)?;
			if let Some(caller) = caller {
				ensure!(caller == artifact.registrant, Error::<T>::NotRegistrant);
			}
			let from = Self::active_stage(&artifact.stage)?;
			ensure!(from != ReleaseStage::Deprecated, Error::<T>::AlreadyDeprecated);
			artifact.stage = Stage::Deprecated;
			Artifacts::<T>::insert(hash, artifact);
			Self::deposit_event(Event::Deprecated { hash, from });
			Ok(())
		}

		/// Suspend an artifact until block `until` (see [`EmergencySuspension::suspend`]).
		///
		/// Origin: [`Config::SuspendOrigin`]. Emits [`Event::Suspended`].
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::suspend())]
		pub fn suspend(
			origin: OriginFor<T>,
			hash: ContentHash,
			until: BlockNumberFor<T>,
		) -> DispatchResult {
			T::SuspendOrigin::ensure_origin(origin)?;
			Self::do_suspend(hash, until)
		}

		/// Lift an artifact's suspension now, restoring its previous stage.
		///
		/// Origin: [`Config::SuspendOrigin`]. Emits [`Event::SuspensionLifted`].
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::lift())]
		pub fn lift(origin: OriginFor<T>, hash: ContentHash) -> DispatchResult {
			T::SuspendOrigin::ensure_origin(origin)?;
			Self::do_lift(hash)
		}

		/// Take an artifact down, from any stage (a suspension is cancelled). The record stays
		/// as a tombstone in stage `Withdrawn`, so that the hash is reported as withdrawn and
		/// cannot be registered again; its attestations are deleted and the registrant's deposit
		/// is released. Artifacts derived from it keep their provenance link.
		///
		/// Origin: [`Config::TakedownOrigin`]. Emits [`Event::Withdrawn`].
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::withdraw())]
		pub fn withdraw(origin: OriginFor<T>, hash: ContentHash) -> DispatchResult {
			T::TakedownOrigin::ensure_origin(origin)?;
			let mut artifact = Artifacts::<T>::get(hash).ok_or(Error::<T>::UnknownArtifact)?;
			ensure!(!matches!(artifact.stage, Stage::Withdrawn), Error::<T>::ArtifactWithdrawn);
			let registrant = artifact.registrant.clone();
			let deposit_released = Self::release_deposit(&registrant, artifact.deposit)?;
			if let Stage::Suspended { until, .. } = artifact.stage {
				Self::unqueue_expiry(until, &hash);
			}
			artifact.deposit = Zero::zero();
			artifact.stage = Stage::Withdrawn;
			Artifacts::<T>::insert(hash, artifact);
			Attestations::<T>::remove(hash);
			Self::deposit_event(Event::Withdrawn { hash, registrant, deposit_released });
			Ok(())
		}

		/// Retract an artifact registered by the caller that is still in stage `Registered`
		/// and that no registered artifact names as a parent: the record and its attestations
		/// are deleted, the deposit is released, and the hash may be registered again.
		///
		/// Emits [`Event::Retracted`].
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::retract(T::MaxParents::get()))]
		pub fn retract(origin: OriginFor<T>, hash: ContentHash) -> DispatchResultWithPostInfo {
			let registrant = ensure_signed(origin)?;
			let artifact = Artifacts::<T>::get(hash).ok_or(Error::<T>::UnknownArtifact)?;
			ensure!(artifact.registrant == registrant, Error::<T>::NotRegistrant);
			ensure!(matches!(artifact.stage, Stage::Registered), Error::<T>::NotRetractable);
			ensure!(ChildCount::<T>::get(hash).is_zero(), Error::<T>::HasChildren);
			let deposit_released = Self::release_deposit(&registrant, artifact.deposit)?;
			for (parent, _) in artifact.parents.iter() {
				Self::decrement_children(parent);
			}
			Artifacts::<T>::remove(hash);
			Attestations::<T>::remove(hash);
			Self::deposit_event(Event::Retracted { hash, registrant, deposit_released });
			Ok(Some(T::WeightInfo::retract(Self::parents_component(artifact.parents.len()))).into())
		}
	}
}

impl<T: Config> From<GateRequirement> for Error<T> {
	fn from(requirement: GateRequirement) -> Self {
		match requirement {
			GateRequirement::Reproductions => Error::<T>::GateMissingReproductions,
			GateRequirement::EvalScores => Error::<T>::GateMissingEvalScores,
			GateRequirement::RedTeam => Error::<T>::GateMissingRedTeam,
			GateRequirement::RedTeamScore => Error::<T>::GateRedTeamScoreTooLow,
			GateRequirement::ModelCardReview => Error::<T>::GateMissingModelCardReview,
			GateRequirement::LicenceReview => Error::<T>::GateMissingLicenceReview,
			GateRequirement::DistinctAttesters => Error::<T>::GateMissingAttesters,
		}
	}
}

/// What [`Pallet::do_try_state`]'s walk over [`Artifacts`] collects for the other checks.
#[cfg(any(feature = "try-runtime", test))]
#[derive(frame_support::DefaultNoBound)]
struct Seen<T: Config> {
	/// The number of artifacts naming each artifact as a parent.
	children: BTreeMap<ContentHash, u32>,
	/// The sum of the deposits stored in each registrant's artifacts.
	deposits: BTreeMap<T::AccountId, BalanceOf<T>>,
	/// The suspended artifacts and the block each suspension ends.
	suspended: BTreeMap<ContentHash, BlockNumberFor<T>>,
}

impl<T: Config> Pallet<T> {
	fn now() -> BlockNumberFor<T> {
		frame_system::Pallet::<T>::block_number()
	}

	fn hold_reason() -> T::RuntimeHoldReason {
		HoldReason::ArtifactDeposit.into()
	}

	/// The weight component of a list of `len` parents (clamped to [`Config::MaxParents`]: a
	/// longer list is refused before any storage access).
	fn parents_component(len: usize) -> u32 {
		u32::try_from(len).unwrap_or(u32::MAX).min(T::MaxParents::get())
	}

	/// The deposit for storing `artifact`: [`Config::DepositBase`] + [`Config::DepositPerByte`]
	/// × its encoded size.
	pub fn deposit_for(artifact: &ArtifactOf<T>) -> BalanceOf<T> {
		let bytes = u32::try_from(artifact.encoded_size()).unwrap_or(u32::MAX);
		T::DepositBase::get().saturating_add(T::DepositPerByte::get().saturating_mul(bytes.into()))
	}

	fn release_deposit(
		who: &T::AccountId,
		amount: BalanceOf<T>,
	) -> Result<BalanceOf<T>, DispatchError> {
		if amount.is_zero() {
			return Ok(amount);
		}
		<T::Currency as fungible::MutateHold<T::AccountId>>::release(
			&Self::hold_reason(),
			who,
			amount,
			Precision::BestEffort,
		)
	}

	fn decrement_children(parent: &ContentHash) {
		let n = ChildCount::<T>::get(parent).defensive_saturating_sub(1);
		if n.is_zero() {
			ChildCount::<T>::remove(parent);
		} else {
			ChildCount::<T>::insert(parent, n);
		}
	}

	/// The stage on the release ladder, or the error for a suspended or withdrawn artifact.
	fn active_stage(stage: &Stage<BlockNumberFor<T>>) -> Result<ReleaseStage, Error<T>> {
		match stage {
			Stage::Suspended { .. } => Err(Error::<T>::ArtifactSuspended),
			other => other.release_stage().ok_or(Error::<T>::ArtifactWithdrawn),
		}
	}

	/// Remove `attester`'s attestation of type `kind` on `hash` if `check(at)` passes, where
	/// `at` is the block of the attestation.
	fn take_attestation(
		hash: ContentHash,
		attester: &T::AccountId,
		kind: AttestationType,
		check: impl FnOnce(BlockNumberFor<T>) -> DispatchResult,
	) -> DispatchResult {
		let mut attestations = Attestations::<T>::get(hash);
		let is_target =
			|a: &AttestationOf<T>| a.attester == *attester && a.kind.attestation_type() == kind;
		let at = attestations
			.iter()
			.find(|a| is_target(a))
			.map(|a| a.at)
			.ok_or(Error::<T>::AttestationNotFound)?;
		check(at)?;
		attestations.retain(|a| !is_target(a));
		if attestations.is_empty() {
			Attestations::<T>::remove(hash);
		} else {
			Attestations::<T>::insert(hash, attestations);
		}
		Ok(())
	}

	/// Set a gate (shared by the call and the genesis build).
	pub fn do_set_gate(stage: GatedStage, gate: Gate) -> DispatchResult {
		let max = T::MaxAttestations::get();
		ensure!(
			gate.attestations_needed() <= max && gate.min_attesters <= max,
			Error::<T>::GateUnreachable
		);
		Gates::<T>::insert(stage, gate);
		Self::deposit_event(Event::GateSet { stage, gate });
		Ok(())
	}

	/// Suspend `hash` until block `until` (shared by the call and [`EmergencySuspension`]).
	///
	/// `until` must be after the current block and at most [`Config::MaxSuspension`] blocks
	/// ahead. Suspending a suspended artifact again moves its end to `until` and keeps the
	/// stage it will be restored to. Withdrawn artifacts cannot be suspended.
	pub fn do_suspend(hash: ContentHash, until: BlockNumberFor<T>) -> DispatchResult {
		let mut artifact = Artifacts::<T>::get(hash).ok_or(Error::<T>::UnknownArtifact)?;
		let now = Self::now();
		ensure!(until > now, Error::<T>::SuspensionInPast);
		ensure!(
			until.saturating_sub(now) <= T::MaxSuspension::get(),
			Error::<T>::SuspensionTooLong
		);
		let (previous, queued) = match artifact.stage {
			Stage::Suspended { previous, until: queued } => (previous, Some(queued)),
			other => (other.release_stage().ok_or(Error::<T>::ArtifactWithdrawn)?, None),
		};
		if queued != Some(until) {
			let mut expiring = SuspensionExpiries::<T>::get(until);
			expiring.try_push(hash).map_err(|_| Error::<T>::TooManyExpiries)?;
			if let Some(queued) = queued {
				Self::unqueue_expiry(queued, &hash);
			}
			SuspensionExpiries::<T>::insert(until, expiring);
		}
		artifact.stage = Stage::Suspended { previous, until };
		Artifacts::<T>::insert(hash, artifact);
		Self::deposit_event(Event::Suspended { hash, previous, until });
		Ok(())
	}

	/// Lift the suspension of `hash` (shared by the call and [`EmergencySuspension`]).
	pub fn do_lift(hash: ContentHash) -> DispatchResult {
		let mut artifact = Artifacts::<T>::get(hash).ok_or(Error::<T>::UnknownArtifact)?;
		let Stage::Suspended { previous, until } = artifact.stage else {
			return Err(Error::<T>::NotSuspended.into());
		};
		Self::unqueue_expiry(until, &hash);
		artifact.stage = previous.into();
		Artifacts::<T>::insert(hash, artifact);
		Self::deposit_event(Event::SuspensionLifted { hash, restored: previous });
		Ok(())
	}

	fn unqueue_expiry(at: BlockNumberFor<T>, hash: &ContentHash) {
		let mut expiring = SuspensionExpiries::<T>::get(at);
		expiring.retain(|queued| queued != hash);
		if expiring.is_empty() {
			SuspensionExpiries::<T>::remove(at);
		} else {
			SuspensionExpiries::<T>::insert(at, expiring);
		}
	}

	/// Restore the previous stage of every artifact whose suspension ends at block `now`
	/// (at most [`Config::MaxExpiriesPerBlock`]); returns the weight used.
	fn lapse_suspensions(now: BlockNumberFor<T>) -> Weight {
		let expiring = SuspensionExpiries::<T>::get(now);
		if expiring.is_empty() {
			return T::WeightInfo::on_initialize(0);
		}
		SuspensionExpiries::<T>::remove(now);
		let count = u32::try_from(expiring.len()).unwrap_or(u32::MAX);
		for hash in expiring {
			let Some(mut artifact) = Artifacts::<T>::get(hash) else {
				log::error!(target: LOG_TARGET, "suspension expiry of an unknown artifact {hash:?}");
				continue;
			};
			match artifact.stage {
				Stage::Suspended { previous, until } if until == now => {
					artifact.stage = previous.into();
					Artifacts::<T>::insert(hash, artifact);
					Self::deposit_event(Event::SuspensionLapsed { hash, restored: previous });
				},
				_ => {
					log::error!(
						target: LOG_TARGET,
						"suspension expiry of {hash:?}, which is not suspended until this block"
					);
				},
			}
		}
		T::WeightInfo::on_initialize(count)
	}

	/// Counts of the attestations on `hash`.
	pub fn summary_of(hash: &ContentHash) -> AttestationSummary {
		AttestationSummary::of(&Attestations::<T>::get(hash))
	}

	// ---------------------------------------------------------------------------------------
	// Reads, used by the runtime API.
	// ---------------------------------------------------------------------------------------

	/// Everything known about the artifact `hash` (runtime API).
	pub fn artifact_view(hash: ContentHash) -> Option<ArtifactViewOf<T>> {
		let artifact = Artifacts::<T>::get(hash)?;
		let attestations = Attestations::<T>::get(hash).into_inner();
		let summary = AttestationSummary::of(&attestations);
		let ladder = match artifact.stage {
			Stage::Suspended { previous, .. } => Some(previous),
			other => other.release_stage(),
		};
		let next_gate = ladder.and_then(ReleaseStage::next_stage).map(|next| {
			let status = match Gates::<T>::get(next) {
				None => GateStatus::NotSet,
				Some(gate) => gate.first_unmet(&summary).map_or(GateStatus::Met, GateStatus::Unmet),
			};
			(next, status)
		});
		Some(ArtifactView {
			hash,
			kind: artifact.kind,
			name: artifact.name.into_inner(),
			version: artifact.version.into_inner(),
			size: artifact.size,
			uri: artifact.uri.map(|uri| uri.into_inner()),
			licence: artifact.licence.into_inner(),
			registrant: artifact.registrant,
			deposit: artifact.deposit,
			stage: artifact.stage,
			registered_at: artifact.registered_at,
			parents: artifact.parents.into_inner(),
			children: ChildCount::<T>::get(hash),
			attestations,
			summary,
			next_gate,
		})
	}

	/// The lineage of `hash`: its provenance links breadth-first, generation by generation, up
	/// to `max_depth` generations (at most [`Config::MaxLineageDepth`]) and at most
	/// [`Config::MaxLineageEntries`] links. Every link is listed; each ancestor's own parents
	/// are expanded once, at its smallest depth. Costs one record read per link, plus one
	/// (runtime API; benchmarked as `lineage(d)`).
	pub fn lineage(hash: ContentHash, max_depth: u32) -> Vec<LineageEntry<BlockNumberFor<T>>> {
		let mut entries = Vec::new();
		let Some(root) = Artifacts::<T>::get(hash) else { return entries };
		let max_depth = max_depth.min(T::MaxLineageDepth::get());
		let max_entries = usize::try_from(T::MaxLineageEntries::get()).unwrap_or(usize::MAX);
		let mut expanded: BTreeSet<ContentHash> = BTreeSet::new();
		expanded.insert(hash);
		let mut generation: Vec<(ContentHash, ParentsOf<T>)> = vec![(hash, root.parents)];
		let mut depth: u32 = 0;
		while depth < max_depth && !generation.is_empty() {
			depth = depth.saturating_add(1);
			let mut next_generation = Vec::new();
			for (child, parents) in generation {
				for (parent, relation) in parents {
					if entries.len() >= max_entries {
						return entries;
					}
					let Some(record) = Artifacts::<T>::get(parent) else { continue };
					entries.push(LineageEntry {
						depth,
						child,
						hash: parent,
						relation,
						kind: record.kind,
						name: record.name.into_inner(),
						stage: record.stage,
					});
					if expanded.insert(parent) {
						next_generation.push((parent, record.parents));
					}
				}
			}
			generation = next_generation;
		}
		entries
	}

	/// The gates that are set, sorted by stage (runtime API).
	pub fn gates() -> Vec<(GatedStage, Gate)> {
		let mut gates: Vec<(GatedStage, Gate)> = Gates::<T>::iter().collect();
		gates.sort_by_key(|(stage, _)| *stage);
		gates
	}

	// ---------------------------------------------------------------------------------------
	// Invariants.
	// ---------------------------------------------------------------------------------------

	/// Check the pallet's invariants (iterates all of its storage: tests and try-runtime only).
	///
	/// - every artifact has a non-empty name and licence, was registered no later than now, and
	///   lists distinct parents other than itself, **each of which exists**;
	///   [`ChildCount`] equals the number of artifacts naming each one as a parent;
	/// - **every suspension has a restore stage** (by its type) **and an end** after the
	///   current block, at most [`Config::MaxSuspension`] ahead, **with an entry in the expiry
	///   queue** at that block; every queue entry is such a suspension, listed once;
	/// - withdrawn artifacts hold no deposit and have no attestations;
	/// - **the balance each registrant has on hold for this pallet equals the sum of the
	///   deposits stored in their artifacts**;
	/// - attestations are of existing artifacts, non-empty, never by the registrant, at most one
	///   per attester and type, made between registration and now;
	/// - every gate is reachable.
	#[cfg(any(feature = "try-runtime", test))]
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		let seen = Self::check_artifacts()?;
		Self::check_child_counts(seen.children)?;
		Self::check_deposits(&seen.deposits)?;
		Self::check_expiries(&seen.suspended)?;
		Self::check_attestations()?;
		Self::check_gates()
	}

	/// Walk [`Artifacts`] once: every artifact has a non-empty name and licence, was registered
	/// no later than now, and has valid parents ([`Self::check_parents`]) and a valid stage
	/// ([`Self::check_stage`]). Collects the children of each parent, the deposits of each
	/// registrant and the suspensions.
	#[cfg(any(feature = "try-runtime", test))]
	fn check_artifacts() -> Result<Seen<T>, sp_runtime::TryRuntimeError> {
		let now = Self::now();
		let mut seen = Seen::<T>::default();
		for (hash, artifact) in Artifacts::<T>::iter() {
			ensure!(!artifact.name.is_empty(), "artifact with an empty name");
			ensure!(!artifact.licence.is_empty(), "artifact with an empty licence");
			ensure!(artifact.registered_at <= now, "artifact registered in the future");
			Self::check_parents(hash, &artifact, &mut seen.children)?;
			Self::check_stage(hash, &artifact, now, &mut seen.suspended)?;
			let total = seen.deposits.entry(artifact.registrant.clone()).or_insert_with(Zero::zero);
			*total = total.saturating_add(artifact.deposit);
		}
		Ok(seen)
	}

	/// The artifact `hash` lists distinct parents other than itself, each of which exists;
	/// counts it as a child of each in `children`.
	#[cfg(any(feature = "try-runtime", test))]
	fn check_parents(
		hash: ContentHash,
		artifact: &ArtifactOf<T>,
		children: &mut BTreeMap<ContentHash, u32>,
	) -> Result<(), sp_runtime::TryRuntimeError> {
		let mut listed: BTreeSet<ContentHash> = BTreeSet::new();
		for (parent, _) in artifact.parents.iter() {
			ensure!(*parent != hash, "artifact is its own parent");
			ensure!(listed.insert(*parent), "parent listed twice");
			ensure!(Artifacts::<T>::contains_key(parent), "parent does not exist");
			let n = children.entry(*parent).or_insert(0);
			*n = n.saturating_add(1);
		}
		Ok(())
	}

	/// A suspension of the artifact `hash` ends after `now`, at most [`Config::MaxSuspension`]
	/// ahead, and has an entry in the expiry queue at its end (recorded in `suspended`); a
	/// withdrawn artifact holds no deposit and has no attestations.
	#[cfg(any(feature = "try-runtime", test))]
	fn check_stage(
		hash: ContentHash,
		artifact: &ArtifactOf<T>,
		now: BlockNumberFor<T>,
		suspended: &mut BTreeMap<ContentHash, BlockNumberFor<T>>,
	) -> Result<(), sp_runtime::TryRuntimeError> {
		match artifact.stage {
			Stage::Suspended { until, .. } => {
				ensure!(until > now, "suspension past its end");
				ensure!(
					until.saturating_sub(now) <= T::MaxSuspension::get(),
					"suspension longer than the maximum"
				);
				ensure!(
					SuspensionExpiries::<T>::get(until).contains(&hash),
					"suspension without an entry in the expiry queue"
				);
				suspended.insert(hash, until);
			},
			Stage::Withdrawn => {
				ensure!(artifact.deposit.is_zero(), "withdrawn artifact holds a deposit");
				ensure!(
					!Attestations::<T>::contains_key(hash),
					"withdrawn artifact has attestations"
				);
			},
			_ => {},
		}
		Ok(())
	}

	/// [`ChildCount`] equals, for each artifact, the number of artifacts naming it as a parent
	/// (`children`), and is never stored as zero.
	#[cfg(any(feature = "try-runtime", test))]
	fn check_child_counts(
		mut children: BTreeMap<ContentHash, u32>,
	) -> Result<(), sp_runtime::TryRuntimeError> {
		for (hash, n) in ChildCount::<T>::iter() {
			ensure!(!n.is_zero(), "stored zero child count");
			ensure!(children.remove(&hash) == Some(n), "child count mismatch");
		}
		ensure!(children.is_empty(), "children not counted");
		Ok(())
	}

	/// The balance each registrant has on hold for this pallet equals the sum of the deposits
	/// stored in their artifacts (`deposits`).
	#[cfg(any(feature = "try-runtime", test))]
	fn check_deposits(
		deposits: &BTreeMap<T::AccountId, BalanceOf<T>>,
	) -> Result<(), sp_runtime::TryRuntimeError> {
		use frame_support::traits::fungible::InspectHold;

		for (who, total) in deposits.iter() {
			let held = <T::Currency as InspectHold<T::AccountId>>::balance_on_hold(
				&Self::hold_reason(),
				who,
			);
			ensure!(held == *total, "held deposit differs from the stored deposits");
		}
		Ok(())
	}

	/// No queue of [`SuspensionExpiries`] is stored empty or for a past block, and every entry
	/// is an artifact suspended until that block, listed once: the queues hold exactly the
	/// `suspended` artifacts.
	#[cfg(any(feature = "try-runtime", test))]
	fn check_expiries(
		suspended: &BTreeMap<ContentHash, BlockNumberFor<T>>,
	) -> Result<(), sp_runtime::TryRuntimeError> {
		let now = Self::now();
		let mut queued: usize = 0;
		for (at, expiring) in SuspensionExpiries::<T>::iter() {
			ensure!(!expiring.is_empty(), "stored empty expiry queue");
			ensure!(at > now, "expiry queue of a past block");
			for hash in expiring.iter() {
				ensure!(
					suspended.get(hash) == Some(&at),
					"queued expiry of an artifact not suspended until that block"
				);
				queued = queued.saturating_add(1);
			}
		}
		ensure!(queued == suspended.len(), "suspension queued more than once");
		Ok(())
	}

	/// Attestations are of existing artifacts, never stored empty, never by the registrant, at
	/// most one per attester and type, and made between registration and now.
	#[cfg(any(feature = "try-runtime", test))]
	fn check_attestations() -> Result<(), sp_runtime::TryRuntimeError> {
		let now = Self::now();
		for (hash, attestations) in Attestations::<T>::iter() {
			let artifact =
				Artifacts::<T>::get(hash).ok_or("attestations of an unknown artifact")?;
			ensure!(!attestations.is_empty(), "stored empty attestation list");
			let mut seen: BTreeSet<(T::AccountId, AttestationType)> = BTreeSet::new();
			for attestation in attestations.iter() {
				ensure!(attestation.attester != artifact.registrant, "registrant attested");
				ensure!(
					seen.insert((
						attestation.attester.clone(),
						attestation.kind.attestation_type()
					)),
					"two attestations of one type by one attester"
				);
				ensure!(
					(artifact.registered_at..=now).contains(&attestation.at),
					"attestation outside the artifact's lifetime"
				);
			}
		}
		Ok(())
	}

	/// Every gate is reachable: it needs at most [`Config::MaxAttestations`] attestations and
	/// attesters.
	#[cfg(any(feature = "try-runtime", test))]
	fn check_gates() -> Result<(), sp_runtime::TryRuntimeError> {
		let max = T::MaxAttestations::get();
		for (_, gate) in Gates::<T>::iter() {
			ensure!(
				gate.attestations_needed() <= max && gate.min_attesters <= max,
				"unreachable gate"
			);
		}
		Ok(())
	}
}

impl<T: Config> EmergencySuspension<ContentHash, BlockNumberFor<T>> for Pallet<T> {
	fn suspend(hash: ContentHash, until: BlockNumberFor<T>) -> DispatchResult {
		Self::do_suspend(hash, until)
	}

	fn lift(hash: ContentHash) -> DispatchResult {
		Self::do_lift(hash)
	}

	fn suspend_weight() -> Weight {
		T::WeightInfo::suspend()
	}

	fn lift_weight() -> Weight {
		T::WeightInfo::lift()
	}
}
