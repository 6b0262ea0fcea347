//! Referenda and their ballots: one `pallet-referenda` instance whose tally is counted by
//! `pallet-voting` in the scheme of each track (token, quadratic, reputation or council), and the
//! council electorate.
//!
//! The track table here is static and uses short periods so that a referendum completes in about
//! a minute on a development chain. It stands in until the constitution pallet derives tracks from
//! its genesis-configured class table (DESIGN §3).

use alloc::{borrow::Cow, vec, vec::Vec};

use frame_support::{
	parameter_types,
	traits::{AsEnsureOriginWithArg, ConstU32, EitherOf, SortedMembers},
};
use frame_system::{EnsureRoot, EnsureSigned};
use pallet_referenda::{Curve, Track, TrackInfo};
use pallet_voting::{Scheme, SchemeOf};
use sp_runtime::Perbill;

use crate::{
	currency::UNIT,
	origins::EnsureCouncilDecision,
	time::{DAYS, MINUTES},
	AccountId, Balance, Balances, BlockNumber, CouncilMembership, OriginCaller, Preimage,
	Referenda, Reputation, Runtime, RuntimeCall, RuntimeEvent, RuntimeFreezeReason, Scheduler,
	Treasury,
};

/// Identifier of a referendum track (and of the voting class of its polls).
pub type TrackId = u16;

/// Track ids of the static table.
pub mod track_ids {
	use super::TrackId;
	/// Anything Root may do (runtime upgrades included); token-weighted.
	pub const ROOT: TrackId = 0;
	/// Treasury spends up to the community spend limit; quadratic (one person, one budget).
	pub const TREASURY_SPEND: TrackId = 1;
	/// Reputation administration; reputation-weighted.
	pub const REPUTATION_ADMIN: TrackId = 2;
	/// Council decisions; one vote per seat.
	pub const COUNCIL: TrackId = 3;
}

/// Track names are fixed-size byte arrays in `pallet-referenda`. Evaluated at compile time only
/// (in the `static` track table), where an out-of-bounds index would be a compile error.
#[allow(clippy::indexing_slicing, clippy::arithmetic_side_effects)]
const fn name(s: &str) -> [u8; 25] {
	let bytes = s.as_bytes();
	let mut out = [0u8; 25];
	let mut i = 0;
	while i < bytes.len() && i < 25 {
		out[i] = bytes[i];
		i += 1;
	}
	out
}

/// A curve from `ceil` at the start of the decision period down to `floor` at its end.
const fn linear(ceil: u32, floor: u32) -> Curve {
	Curve::LinearDecreasing {
		length: Perbill::from_percent(100),
		floor: Perbill::from_percent(floor),
		ceil: Perbill::from_percent(ceil),
	}
}

/// Periods shared by every track of the static table: a referendum that is approved at once
/// is enacted about a minute after submission.
const PREPARE: BlockNumber = 2;
const DECISION: BlockNumber = 10 * MINUTES;
const CONFIRM: BlockNumber = 3;
const ENACTMENT: BlockNumber = 1;

/// The static track table (sorted by id).
static TRACKS: [Track<TrackId, Balance, BlockNumber>; 4] = [
	Track {
		id: track_ids::ROOT,
		info: TrackInfo {
			name: name("root"),
			max_deciding: 5,
			decision_deposit: 100 * UNIT,
			prepare_period: PREPARE,
			decision_period: DECISION,
			confirm_period: CONFIRM,
			min_enactment_period: ENACTMENT,
			min_approval: linear(100, 50),
			// Locked aye + abstain as a share of active issuance.
			min_support: linear(5, 1),
		},
	},
	Track {
		id: track_ids::TREASURY_SPEND,
		info: TrackInfo {
			name: name("treasury-spend"),
			max_deciding: 10,
			decision_deposit: 10 * UNIT,
			prepare_period: PREPARE,
			decision_period: DECISION,
			confirm_period: CONFIRM,
			min_enactment_period: ENACTMENT,
			min_approval: linear(100, 50),
			// Distinct voters as a share of persons.
			min_support: linear(50, 10),
		},
	},
	Track {
		id: track_ids::REPUTATION_ADMIN,
		info: TrackInfo {
			name: name("reputation-admin"),
			max_deciding: 10,
			decision_deposit: 10 * UNIT,
			prepare_period: PREPARE,
			decision_period: DECISION,
			confirm_period: CONFIRM,
			min_enactment_period: ENACTMENT,
			min_approval: linear(100, 50),
			// Voters' reputation as a share of all reputation.
			min_support: linear(50, 10),
		},
	},
	Track {
		id: track_ids::COUNCIL,
		info: TrackInfo {
			name: name("council"),
			max_deciding: 10,
			decision_deposit: 10 * UNIT,
			prepare_period: PREPARE,
			decision_period: DECISION,
			confirm_period: CONFIRM,
			min_enactment_period: ENACTMENT,
			min_approval: linear(100, 60),
			// Ayes as a share of the seats of members who are not recused.
			min_support: linear(50, 50),
		},
	},
];

/// The static tracks: each track is chosen by the origin its proposal dispatches with.
pub struct Tracks;
impl pallet_referenda::TracksInfo<Balance, BlockNumber> for Tracks {
	type Id = TrackId;
	type RuntimeOrigin =
		<crate::RuntimeOrigin as frame_support::traits::OriginTrait>::PalletsOrigin;

	fn tracks() -> impl Iterator<Item = Cow<'static, Track<Self::Id, Balance, BlockNumber>>> {
		TRACKS.iter().map(Cow::Borrowed)
	}

	fn track_for(origin: &Self::RuntimeOrigin) -> Result<Self::Id, ()> {
		use crate::origins::Origin;
		match origin {
			OriginCaller::system(frame_system::RawOrigin::Root) => Ok(track_ids::ROOT),
			OriginCaller::Origins(Origin::CommunityTreasurer) => Ok(track_ids::TREASURY_SPEND),
			OriginCaller::Origins(Origin::ReputationAdmin) => Ok(track_ids::REPUTATION_ADMIN),
			OriginCaller::Origins(Origin::CouncilDecision) => Ok(track_ids::COUNCIL),
			_ => Err(()),
		}
	}
}

/// The voting scheme of each track, fixed into a poll's tally when it is created.
pub struct TrackSchemes;
impl SchemeOf<TrackId> for TrackSchemes {
	fn scheme(class: &TrackId) -> Scheme {
		match *class {
			track_ids::TREASURY_SPEND => Scheme::Quadratic,
			track_ids::REPUTATION_ADMIN => Scheme::Reputation,
			track_ids::COUNCIL => Scheme::Council,
			_ => Scheme::Token,
		}
	}

	fn reputation_weights(class: &TrackId) -> Vec<(pallet_reputation::DomainId, Perbill)> {
		match *class {
			// Every domain of the development preset counts fully (code, data, evaluation,
			// safety, docs).
			track_ids::REPUTATION_ADMIN => (0..5).map(|domain| (domain, Perbill::one())).collect(),
			_ => vec![],
		}
	}
}

parameter_types! {
	/// Deposit to submit a referendum (returned when it is decided).
	pub const SubmissionDeposit: Balance = UNIT;
	/// A referendum that has not started deciding within this time times out.
	pub const UndecidingTimeout: BlockNumber = 14 * DAYS;
}

impl pallet_referenda::Config for Runtime {
	type RuntimeCall = RuntimeCall;
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = pallet_referenda::weights::SubstrateWeight<Runtime>;
	type Scheduler = Scheduler;
	type Currency = Balances;
	/// Any account may submit a proposal on any track.
	type SubmitOrigin = AsEnsureOriginWithArg<EnsureSigned<AccountId>>;
	type CancelOrigin = EitherOf<EnsureRoot<AccountId>, EnsureCouncilDecision>;
	type KillOrigin = EnsureRoot<AccountId>;
	/// Slashed deposits go to the treasury.
	type Slash = Treasury;
	type Votes = Balance;
	type Tally = pallet_voting::TallyOf<Runtime>;
	type SubmissionDeposit = SubmissionDeposit;
	type MaxQueued = ConstU32<100>;
	type UndecidingTimeout = UndecidingTimeout;
	type AlarmInterval = ConstU32<1>;
	type Tracks = Tracks;
	type Preimages = Preimage;
	type BlockNumberProvider = crate::System;
}

parameter_types! {
	/// Quadratic voice credits per person per epoch: 100 credits buy 10 votes on one poll.
	pub const VoiceCredits: u32 = 100;
	/// Quadratic voice credits renew every week.
	pub const VoiceCreditEpoch: BlockNumber = 7 * DAYS;
}

impl pallet_voting::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = pallet_voting::weights::SubstrateWeight<Runtime>;
	type Currency = Balances;
	type RuntimeFreezeReason = RuntimeFreezeReason;
	type Polls = Referenda;
	type Schemes = TrackSchemes;
	type Reputation = Reputation;
	type Personhood = Reputation;
	type Council = CouncilMembers;
	type MaxVotes = ConstU32<64>;
	type MaxClasses = ConstU32<16>;
	type VoiceCredits = VoiceCredits;
	type EpochLength = VoiceCreditEpoch;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = crate::benchmarks::VotingBenchmarkHelper;
}

/// The council electorate: the members of `CouncilMembership`.
pub struct CouncilMembers;
impl pallet_voting::Members<AccountId> for CouncilMembers {
	fn is_member(who: &AccountId) -> bool {
		CouncilMembership::sorted_members().binary_search(who).is_ok()
	}

	fn member_count() -> u32 {
		u32::try_from(CouncilMembership::count()).unwrap_or(u32::MAX)
	}
}

parameter_types! {
	/// Size bound of the council.
	pub const MaxCouncilMembers: u32 = 32;
}

impl pallet_membership::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type AddOrigin = EitherOf<EnsureRoot<AccountId>, EnsureCouncilDecision>;
	type RemoveOrigin = EitherOf<EnsureRoot<AccountId>, EnsureCouncilDecision>;
	type SwapOrigin = EitherOf<EnsureRoot<AccountId>, EnsureCouncilDecision>;
	type ResetOrigin = EnsureRoot<AccountId>;
	type PrimeOrigin = EnsureRoot<AccountId>;
	type MembershipInitialized = ();
	type MembershipChanged = ();
	type MaxMembers = MaxCouncilMembers;
	type WeightInfo = pallet_membership::weights::SubstrateWeight<Runtime>;
}

impl crate::origins::Config for Runtime {}
