//! Types stored and exchanged by the constitution pallet.
//!
//! The class table types ([`ClassInfo`] and its parts) are generic only over the balance and
//! block number types and derive `serde`, so that a genesis preset can write the table as JSON
//! and a client can decode it with this crate's SCALE types.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{
	traits::{fungible, Bounded, ConstU32, OriginTrait},
	BoundedVec,
};
use frame_system::pallet_prelude::BlockNumberFor;
use scale_info::TypeInfo;
use sp_runtime::{Deserialize, Perbill, Serialize};

use alloc::vec::Vec;

use crate::Config;

pub use ostrom_primitives::{DomainId, Scheme, TrackId};

/// Identifier of a decision class (an index into the class table).
pub type ClassId = u8;

/// Identifier of a joint decision.
pub type DecisionId = u32;

/// Identifier of a conflict-of-interest challenge.
pub type ChallengeId = u32;

/// Maximum length of a class name, in bytes (the length of a referendum track name).
pub const MAX_CLASS_NAME_LEN: u32 = 25;

/// Maximum number of reputation domains weighted by a class, or required by the seat rules.
pub const MAX_DOMAIN_ENTRIES: u32 = 8;

/// The name of a class, at most [`MAX_CLASS_NAME_LEN`] bytes.
pub type ClassName = BoundedVec<u8, ConstU32<MAX_CLASS_NAME_LEN>>;

/// Reputation domain weights of a reputation-scheme class.
pub type ReputationWeights = BoundedVec<(DomainId, Perbill), ConstU32<MAX_DOMAIN_ENTRIES>>;

/// Minimum reputation, per domain, a council seat requires.
pub type SeatThresholds = BoundedVec<(DomainId, u128), ConstU32<MAX_DOMAIN_ENTRIES>>;

/// Balance of the currency deposits are held in.
pub type BalanceOf<T> =
	<<T as Config>::Currency as fungible::Inspect<<T as frame_system::Config>::AccountId>>::Balance;

/// Funds slashed from a deposit, handed to [`Config::Slash`].
pub type CreditOf<T> =
	fungible::Credit<<T as frame_system::Config>::AccountId, <T as Config>::Currency>;

/// A call carried by a decision: inline (at most 128 bytes) or by preimage hash and length.
pub type BoundedCallOf<T> =
	Bounded<<T as Config>::RuntimeCall, <T as frame_system::Config>::Hashing>;

/// The caller type of the runtime (`OriginCaller`), which referendum tracks are chosen by.
pub type PalletsOriginOf<T> =
	<<T as frame_system::Config>::RuntimeOrigin as OriginTrait>::PalletsOrigin;

/// A class, as stored by the pallet.
pub type ClassInfoOf<T> = ClassInfo<BalanceOf<T>, BlockNumberFor<T>>;

/// A joint decision, as stored by the pallet.
pub type DecisionOf<T> = Decision<
	<T as frame_system::Config>::AccountId,
	BalanceOf<T>,
	BlockNumberFor<T>,
	BoundedCallOf<T>,
	<T as Config>::PollIndex,
>;

/// A conflict-of-interest challenge, as stored by the pallet.
pub type ChallengeOf<T> = Challenge<
	<T as frame_system::Config>::AccountId,
	BalanceOf<T>,
	BlockNumberFor<T>,
	<T as frame_system::Config>::Hash,
	<T as Config>::PollIndex,
>;

/// The council seat rules, as stored by the pallet.
pub type SeatRulesOf<T> = SeatRules<BlockNumberFor<T>>;

/// A read-only view of a decision, for the runtime API.
pub type DecisionViewOf<T> = DecisionView<
	<T as frame_system::Config>::AccountId,
	BalanceOf<T>,
	BlockNumberFor<T>,
	<T as frame_system::Config>::Hash,
	<T as Config>::PollIndex,
>;

/// The kinds of poll of a class; a class's track `kind` has id `class · 4 + kind`.
pub mod kinds {
	use super::PollKind;

	/// [`PollKind::Council`].
	pub const COUNCIL: PollKind = PollKind::Council;
	/// [`PollKind::Community`].
	pub const COMMUNITY: PollKind = PollKind::Community;
	/// [`PollKind::Override`].
	pub const OVERRIDE: PollKind = PollKind::Override;
	/// [`PollKind::Review`].
	pub const REVIEW: PollKind = PollKind::Review;
	/// Number of kinds (and of track ids per class).
	pub const COUNT: u8 = 4;
}

/// An open appeal of a decision.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct Appeal<AccountId, Balance> {
	/// The account that appealed.
	pub appellant: AccountId,
	/// Its deposit, held until the appeal is decided.
	pub deposit: Balance,
}

/// A council seat.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct Seat<AccountId, BlockNumber> {
	/// The member holding it.
	pub member: AccountId,
	/// The block at which the term ends: from then on the seat counts for nothing until it is
	/// purged or renewed.
	pub term_end: BlockNumber,
}

/// The council seats, as stored by the pallet.
pub type SeatsOf<T> = BoundedVec<
	Seat<<T as frame_system::Config>::AccountId, BlockNumberFor<T>>,
	<T as Config>::MaxSeats,
>;

/// The kind of a house's poll on a decision; with the class, it chooses the poll's track
/// (`class · 4 + kind`). Encoded as its index (one byte).
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	PartialOrd,
	Ord,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub enum PollKind {
	/// The council's poll on a decision (House A; one vote per seat).
	#[codec(index = 0)]
	Council,
	/// The community's poll on a decision (House B; the class's community scheme).
	#[codec(index = 1)]
	Community,
	/// The override poll: after a mediation timelock, a supermajority of the override house
	/// enacts a decision the other house rejected.
	#[codec(index = 2)]
	Override,
	/// The review poll: the council's veto poll on a community decision
	/// ([`crate::JointRule::CommunityWithCouncilVeto`]) or the community's appeal poll on a
	/// council decision ([`crate::JointRule::CouncilWithCommunityAppeal`]).
	#[codec(index = 3)]
	Review,
}

impl PollKind {
	/// Every kind, in index order.
	pub const ALL: [PollKind; 4] =
		[PollKind::Council, PollKind::Community, PollKind::Override, PollKind::Review];

	/// The kind's index (its encoding, and its offset in the class's track ids).
	pub fn index(self) -> u8 {
		match self {
			PollKind::Council => 0,
			PollKind::Community => 1,
			PollKind::Override => 2,
			PollKind::Review => 3,
		}
	}

	/// The kind of index `index`, if any.
	pub fn from_index(index: u8) -> Option<Self> {
		Self::ALL.into_iter().find(|kind| kind.index() == index)
	}
}

/// The poll kinds whose approval a decision has recorded.
pub type RecordedKinds = BoundedVec<PollKind, ConstU32<{ kinds::COUNT as u32 }>>;

/// The track id of poll kind `kind` of class `class`.
pub fn track_id(class: ClassId, kind: PollKind) -> TrackId {
	TrackId::from(class)
		.saturating_mul(TrackId::from(kinds::COUNT))
		.saturating_add(TrackId::from(kind.index()))
}

/// The class and poll kind of track `track` (`None` for ids beyond class 255).
pub fn split_track(track: TrackId) -> Option<(ClassId, PollKind)> {
	let count = TrackId::from(kinds::COUNT);
	let class = ClassId::try_from(track.checked_div(count)?).ok()?;
	let kind = PollKind::from_index(u8::try_from(track.checked_rem(count)?).ok()?)?;
	Some((class, kind))
}

/// A threshold curve of a referendum track: the share of ayes (approval) or of the electorate
/// (support) a poll needs, as a function of the time elapsed in its decision period.
///
/// The same curves as `pallet_referenda::Curve`'s linear and stepped variants (into which it
/// converts), with `serde` so that a genesis preset can write them.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
	Serialize,
	Deserialize,
)]
#[serde(crate = "sp_runtime::serde")]
pub enum ThresholdCurve {
	/// From `ceil` at the start of the decision period, linearly down to `floor` at `length` of
	/// it, then `floor` until its end. Valid if `length > 0` and `floor ≤ ceil`.
	#[codec(index = 0)]
	LinearDecreasing {
		/// Share of the decision period after which the curve stays at `floor`.
		length: Perbill,
		/// The lowest threshold.
		floor: Perbill,
		/// The threshold at the start of the decision period.
		ceil: Perbill,
	},
	/// `begin`, stepping down by `step` after each `period` of the decision period, never below
	/// `end`. Valid if `end ≤ begin`, `step > 0` and `period > 0`.
	#[codec(index = 1)]
	SteppedDecreasing {
		/// The threshold at the start of the decision period.
		begin: Perbill,
		/// The lowest threshold.
		end: Perbill,
		/// The amount of each step down.
		step: Perbill,
		/// The share of the decision period between steps.
		period: Perbill,
	},
}

impl ThresholdCurve {
	/// A curve that is `threshold` throughout the decision period.
	pub fn flat(threshold: Perbill) -> Self {
		Self::LinearDecreasing { length: Perbill::one(), floor: threshold, ceil: threshold }
	}

	/// A curve from `ceil` at the start of the decision period linearly down to `floor` at its
	/// end.
	pub fn linear(ceil: Perbill, floor: Perbill) -> Self {
		Self::LinearDecreasing { length: Perbill::one(), floor, ceil }
	}

	/// Whether the curve is well formed (see the variants).
	pub fn is_valid(&self) -> bool {
		match *self {
			Self::LinearDecreasing { length, floor, ceil } => !length.is_zero() && floor <= ceil,
			Self::SteppedDecreasing { begin, end, step, period } => {
				end <= begin && !step.is_zero() && !period.is_zero()
			},
		}
	}

	/// The lowest threshold the curve reaches.
	pub fn minimum(&self) -> Perbill {
		match *self {
			Self::LinearDecreasing { floor, .. } => floor,
			Self::SteppedDecreasing { end, .. } => end,
		}
	}

	/// The curve with every threshold raised to at least `min`.
	pub fn floored(&self, min: Perbill) -> Self {
		match *self {
			Self::LinearDecreasing { length, floor, ceil } => {
				let floor = floor.max(min);
				Self::LinearDecreasing { length, floor, ceil: ceil.max(floor) }
			},
			Self::SteppedDecreasing { begin, end, step, period } => {
				let end = end.max(min);
				Self::SteppedDecreasing { begin: begin.max(end), end, step, period }
			},
		}
	}
}

impl From<ThresholdCurve> for pallet_referenda::Curve {
	fn from(curve: ThresholdCurve) -> Self {
		match curve {
			ThresholdCurve::LinearDecreasing { length, floor, ceil } => {
				pallet_referenda::Curve::LinearDecreasing { length, floor, ceil }
			},
			ThresholdCurve::SteppedDecreasing { begin, end, step, period } => {
				pallet_referenda::Curve::SteppedDecreasing { begin, end, step, period }
			},
		}
	}
}

/// The referendum track parameters of one house's polls in a class (see
/// `pallet_referenda::TrackInfo`).
#[derive(
	Clone,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
	Serialize,
	Deserialize,
)]
#[serde(crate = "sp_runtime::serde", rename_all = "camelCase")]
pub struct HouseTrack<Balance, BlockNumber> {
	/// How many polls of this track may be deciding at once (not zero).
	pub max_deciding: u32,
	/// The deposit a poll needs before it can start deciding.
	pub decision_deposit: Balance,
	/// Blocks a poll waits after submission before it can start deciding.
	pub prepare_period: BlockNumber,
	/// Blocks a poll has to be approved once deciding (not zero).
	pub decision_period: BlockNumber,
	/// Blocks the approval criteria must hold before a poll is approved.
	pub confirm_period: BlockNumber,
	/// Blocks between a poll's approval and the dispatch of its proposal (the recording of the
	/// house's approval in this pallet).
	pub min_enactment_period: BlockNumber,
	/// Approval (ayes / (ayes + nays)) needed over the decision period; never below 50 %.
	pub min_approval: ThresholdCurve,
	/// Support (in the scheme's measure, see `pallet-voting`) needed over the decision period.
	pub min_support: ThresholdCurve,
}

/// The schemes the community chamber can vote in (the council always votes one seat, one
/// vote).
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
	Serialize,
	Deserialize,
)]
#[serde(crate = "sp_runtime::serde")]
pub enum CommunityScheme {
	/// Balance-weighted, with delegation.
	#[codec(index = 0)]
	Token,
	/// Persons only, `v` votes cost `v²` voice credits.
	#[codec(index = 1)]
	Quadratic,
	/// Domain-weighted reputation, with delegation.
	#[codec(index = 2)]
	Reputation,
}

impl From<CommunityScheme> for Scheme {
	fn from(scheme: CommunityScheme) -> Self {
		match scheme {
			CommunityScheme::Token => Scheme::Token,
			CommunityScheme::Quadratic => Scheme::Quadratic,
			CommunityScheme::Reputation => Scheme::Reputation,
		}
	}
}

/// The community chamber's part in a class: its scheme, track and reputation weights.
#[derive(
	Clone,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
	Serialize,
	Deserialize,
)]
#[serde(crate = "sp_runtime::serde", rename_all = "camelCase")]
pub struct CommunityTrack<Balance, BlockNumber> {
	/// The scheme the community votes in.
	pub scheme: CommunityScheme,
	/// The track parameters of the community's polls.
	pub track: HouseTrack<Balance, BlockNumber>,
	/// For [`CommunityScheme::Reputation`] (and only then, not empty): the weight of each
	/// domain in a voter's reputation.
	pub reputation_weights: ReputationWeights,
}

/// The houses that have polls in a class.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
	Serialize,
	Deserialize,
)]
#[serde(crate = "sp_runtime::serde")]
pub enum Houses {
	/// Only the council (House A) votes: [`ClassInfo::council`] set, no community track.
	#[codec(index = 0)]
	CouncilOnly,
	/// Only the community (House B) votes: [`ClassInfo::community`] set, no council track.
	#[codec(index = 1)]
	CommunityOnly,
	/// Both houses vote (to concur, or one decides and the other may veto or void): both
	/// tracks set.
	#[codec(index = 2)]
	Both,
}

impl Houses {
	/// Whether the council has polls in the class.
	pub fn has_council(self) -> bool {
		matches!(self, Self::CouncilOnly | Self::Both)
	}

	/// Whether the community has polls in the class.
	pub fn has_community(self) -> bool {
		matches!(self, Self::CommunityOnly | Self::Both)
	}
}

/// One of the two houses.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
	Serialize,
	Deserialize,
)]
#[serde(crate = "sp_runtime::serde")]
pub enum House {
	/// House A: the seated council, one vote per seat.
	#[codec(index = 0)]
	Council,
	/// House B: the community, in the class's community scheme.
	#[codec(index = 1)]
	Community,
}

/// How the houses' polls combine into a decision.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
	Serialize,
	Deserialize,
)]
#[serde(crate = "sp_runtime::serde")]
pub enum JointRule<BlockNumber> {
	/// Every house of the class must approve (the rule of single-house classes too).
	#[codec(index = 0)]
	Concurrence,
	/// The community decides; once it approves, the council may veto in a poll opened at once.
	/// The decision is enacted at the earliest `window` blocks after the community's approval,
	/// and only once the veto poll has ended without a veto. Needs both houses.
	#[codec(index = 1)]
	CommunityWithCouncilVeto {
		/// Blocks between the community's approval and the earliest enactment.
		window: BlockNumber,
	},
	/// The council decides; for `window` blocks after its approval, anyone may appeal (with a
	/// deposit), which opens a community poll that voids the decision if approved. Needs both
	/// houses.
	#[codec(index = 2)]
	CouncilWithCommunityAppeal {
		/// Blocks after the council's approval during which an appeal may be lodged.
		window: BlockNumber,
	},
}

impl<BlockNumber> JointRule<BlockNumber> {
	/// Which of the two houses vote on a new decision under this rule, given the class's
	/// houses: `(council, community)`.
	pub fn first_polls(&self, houses: Houses) -> (bool, bool) {
		match self {
			Self::Concurrence => (houses.has_council(), houses.has_community()),
			Self::CommunityWithCouncilVeto { .. } => (false, true),
			Self::CouncilWithCommunityAppeal { .. } => (true, false),
		}
	}
}

/// A supermajority override: if the other house rejects a decision that `house` approved,
/// then after `mediation` blocks a poll of `house` with an approval of at least `min_approval`
/// enacts it anyway. Only for [`JointRule::Concurrence`] classes of both houses.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
	Serialize,
	Deserialize,
)]
#[serde(crate = "sp_runtime::serde", rename_all = "camelCase")]
pub struct Override<BlockNumber> {
	/// The house that can override the other's rejection.
	pub house: House,
	/// The approval the override poll needs throughout its decision period (at least 50 %).
	pub min_approval: Perbill,
	/// Blocks between the rejection and the opening of the override poll.
	pub mediation: BlockNumber,
}

/// The origin an approved decision's call is dispatched with.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
	Serialize,
	Deserialize,
)]
#[serde(crate = "sp_runtime::serde")]
pub enum DispatchAs {
	/// Root: anything, including runtime upgrades.
	#[codec(index = 0)]
	Root,
	/// This pallet's origin `RawOrigin::Class(class)`: what the runtime lets that class do
	/// (e.g. treasury spends up to a limit).
	#[codec(index = 1)]
	Class,
}

/// A decision class: who decides, in which schemes, by which rule, and what approval does.
#[derive(
	Clone,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
	Serialize,
	Deserialize,
)]
#[serde(crate = "sp_runtime::serde", rename_all = "camelCase")]
pub struct ClassInfo<Balance, BlockNumber> {
	/// Human-readable name (not empty; the start of the names of the class's tracks).
	pub name: ClassName,
	/// The houses that have polls in the class (must match `council` and `community`).
	pub houses: Houses,
	/// The council's track, if the council has polls in the class.
	pub council: Option<HouseTrack<Balance, BlockNumber>>,
	/// The community's scheme and track, if the community has polls in the class.
	pub community: Option<CommunityTrack<Balance, BlockNumber>>,
	/// How the houses' polls combine.
	pub rule: JointRule<BlockNumber>,
	/// An optional supermajority override after a mediation timelock.
	pub override_rule: Option<Override<BlockNumber>>,
	/// Blocks between approval and dispatch of the decision's call (at least one is used).
	pub enactment_delay: BlockNumber,
	/// The origin the approved call is dispatched with.
	pub dispatch: DispatchAs,
}

impl<Balance, BlockNumber> ClassInfo<Balance, BlockNumber> {
	/// The house track polls of kind `kind` of this class run on, and the house voting, if the
	/// class has such polls: kind 0 the council's track (not under a veto rule, where the
	/// council only vetoes), kind 1 the community's (not under an appeal rule, where the
	/// community only hears appeals), kind 2 the override house's track (its approval floored
	/// by the override, see [`crate::Pallet::track_of`]), kind 3 the council's track for veto
	/// polls or the community's for appeal polls.
	pub fn house_track(
		&self,
		kind: PollKind,
	) -> Option<(&HouseTrack<Balance, BlockNumber>, House)> {
		let council = self.council.as_ref().map(|track| (track, House::Council));
		let community = self.community.as_ref().map(|c| (&c.track, House::Community));
		match kind {
			kinds::COUNCIL => match self.rule {
				JointRule::CommunityWithCouncilVeto { .. } => None,
				_ => council,
			},
			kinds::COMMUNITY => match self.rule {
				JointRule::CouncilWithCommunityAppeal { .. } => None,
				_ => community,
			},
			kinds::OVERRIDE => match self.override_rule.as_ref()?.house {
				House::Council => council,
				House::Community => community,
			},
			kinds::REVIEW => match self.rule {
				JointRule::CommunityWithCouncilVeto { .. } => council,
				JointRule::CouncilWithCommunityAppeal { .. } => community,
				JointRule::Concurrence => None,
			},
		}
	}

	/// The scheme polls of kind `kind` are counted in (`None` if the class has no such polls).
	pub fn scheme_of(&self, kind: PollKind) -> Option<Scheme> {
		match self.house_track(kind)?.1 {
			House::Council => Some(Scheme::Council),
			House::Community => self.community.as_ref().map(|c| c.scheme.into()),
		}
	}

	/// The poll kinds the class has tracks for, in index order.
	pub fn track_kinds(&self) -> Vec<PollKind> {
		PollKind::ALL.into_iter().filter(|kind| self.house_track(*kind).is_some()).collect()
	}

	/// What an amendment may not change while decisions of the class are open: the houses,
	/// the kind of rule and the override house (the tracks open polls run on), and the
	/// community's scheme and reputation weights (which the tallies of open polls are counted
	/// in).
	pub fn shape(&self) -> ClassShape {
		ClassShape {
			houses: self.houses,
			rule: match self.rule {
				JointRule::Concurrence => RuleKind::Concurrence,
				JointRule::CommunityWithCouncilVeto { .. } => RuleKind::CommunityWithCouncilVeto,
				JointRule::CouncilWithCommunityAppeal { .. } => {
					RuleKind::CouncilWithCommunityAppeal
				},
			},
			override_house: self.override_rule.as_ref().map(|o| o.house),
			community: self.community.as_ref().map(|c| (c.scheme, c.reputation_weights.clone())),
		}
	}
}

impl<Balance, BlockNumber: Copy> ClassInfo<Balance, BlockNumber> {
	/// The part of the class a decision is decided by, fixed when it is proposed.
	pub fn route(&self) -> Route<BlockNumber> {
		Route {
			houses: self.houses,
			rule: self.rule,
			override_rule: self.override_rule,
			enactment_delay: self.enactment_delay,
			dispatch: self.dispatch,
		}
	}
}

/// What an amendment may not change while a class has open decisions (see
/// [`ClassInfo::shape`]): houses, rule kind, override house, community scheme and weights.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct ClassShape {
	/// The houses.
	pub houses: Houses,
	/// The kind of joint rule (its windows may change).
	pub rule: RuleKind,
	/// The override house, if any.
	pub override_house: Option<House>,
	/// The community's scheme and reputation weights, if the community votes.
	pub community: Option<(CommunityScheme, ReputationWeights)>,
}

/// The kind of a [`JointRule`], without its windows.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum RuleKind {
	/// [`JointRule::Concurrence`].
	Concurrence,
	/// [`JointRule::CommunityWithCouncilVeto`].
	CommunityWithCouncilVeto,
	/// [`JointRule::CouncilWithCommunityAppeal`].
	CouncilWithCommunityAppeal,
}

/// The rules of a decision, copied from its class when it is proposed: amendments apply to
/// decisions proposed after them.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
)]
pub struct Route<BlockNumber> {
	/// The houses that have polls in the class.
	pub houses: Houses,
	/// How the houses' polls combine.
	pub rule: JointRule<BlockNumber>,
	/// The override, if any.
	pub override_rule: Option<Override<BlockNumber>>,
	/// Blocks between approval and dispatch.
	pub enactment_delay: BlockNumber,
	/// The origin the call is dispatched with.
	pub dispatch: DispatchAs,
}

/// The polls of a decision.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Default,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
)]
pub struct DecisionPolls<PollIndex> {
	/// The council's poll (kind 0), if the rule has the council vote first.
	pub council: Option<PollIndex>,
	/// The community's poll (kind 1), if the rule has the community vote first.
	pub community: Option<PollIndex>,
	/// The override poll (kind 2) or the veto / appeal poll (kind 3), once opened.
	pub extra: Option<PollIndex>,
}

/// Where a decision stands. Decisions that end (enacted, rejected, vetoed, voided, expired)
/// are removed, with a [`crate::Event::DecisionClosed`] event.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
)]
pub enum DecisionState<BlockNumber> {
	/// The first poll(s) of the rule are open.
	#[codec(index = 0)]
	Voting,
	/// One house rejected what the override house approved: the override poll can be opened
	/// from block `until`.
	#[codec(index = 1)]
	Mediation {
		/// First block at which the override poll can be opened.
		until: BlockNumber,
	},
	/// The override poll (the `extra` poll) is open.
	#[codec(index = 2)]
	Overriding,
	/// The community approved; the council's veto poll (the `extra` poll, `None` if it could
	/// not be opened yet) is open; no enactment before `until`.
	#[codec(index = 3)]
	VetoWindow {
		/// First block at which the decision can be enacted.
		until: BlockNumber,
	},
	/// The council approved; an appeal may be lodged before block `until`.
	#[codec(index = 4)]
	AppealWindow {
		/// First block at which no appeal can be lodged and the decision can be enacted.
		until: BlockNumber,
	},
	/// An appeal was lodged: the community's appeal poll (the `extra` poll) is open.
	#[codec(index = 5)]
	Appealed,
	/// Approved, but the call could not be scheduled yet ([`crate::Pallet::advance`] retries).
	#[codec(index = 6)]
	Approved,
}

/// A joint decision: a call of a class, the polls deciding it, and where it stands.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo, MaxEncodedLen)]
pub struct Decision<AccountId, Balance, BlockNumber, Call, PollIndex> {
	/// The class (fixing the tracks of its polls).
	pub class: ClassId,
	/// Who proposed it (and holds [`Decision::deposit`]).
	pub proposer: AccountId,
	/// The call dispatched if it is approved.
	pub call: Call,
	/// The proposer's deposit, held until the decision ends.
	pub deposit: Balance,
	/// The rules it is decided by (its class's when it was proposed).
	pub route: Route<BlockNumber>,
	/// Where it stands.
	pub state: DecisionState<BlockNumber>,
	/// Its polls.
	pub polls: DecisionPolls<PollIndex>,
	/// The appellant and its deposit, while an appeal is open.
	pub appeal: Option<Appeal<AccountId, Balance>>,
	/// Poll kinds whose approval was recorded by [`crate::Pallet::record_outcome`].
	pub recorded: RecordedKinds,
	/// The block it was proposed at.
	pub created: BlockNumber,
}

/// A decision as returned by the runtime API (its call by hash).
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub struct DecisionView<AccountId, Balance, BlockNumber, Hash, PollIndex> {
	/// The class.
	pub class: ClassId,
	/// The proposer.
	pub proposer: AccountId,
	/// The hash of the call's encoding.
	pub call_hash: Hash,
	/// The proposer's deposit.
	pub deposit: Balance,
	/// Where it stands.
	pub state: DecisionState<BlockNumber>,
	/// Its polls.
	pub polls: DecisionPolls<PollIndex>,
	/// The appellant, while an appeal is open.
	pub appellant: Option<AccountId>,
	/// The block it was proposed at.
	pub created: BlockNumber,
}

/// How a decision ended.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
)]
pub enum Outcome<BlockNumber> {
	/// Approved: its call is scheduled for dispatch at block `at`.
	#[codec(index = 0)]
	Enacted {
		/// The block of dispatch.
		at: BlockNumber,
	},
	/// A deciding house rejected it (and no override enacted it).
	#[codec(index = 1)]
	Rejected,
	/// The council vetoed the community's approval.
	#[codec(index = 2)]
	Vetoed,
	/// The community upheld an appeal against the council's approval.
	#[codec(index = 3)]
	Voided,
	/// It was not decided within [`crate::Config::MaxDecisionAge`].
	#[codec(index = 4)]
	Expired,
	/// Approved through the override alone, but it is a decision of the runtime-upgrade class
	/// (or dispatched as Root) whose call is not one [`crate::Config::OverrideCalls`] allows:
	/// nothing is dispatched.
	#[codec(index = 5)]
	Refused,
}

/// The state of a poll, as [`crate::PollOpener::outcome`] reports it.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
)]
pub enum PollOutcome {
	/// Still being voted on (or waiting to be decided).
	Ongoing,
	/// Approved.
	Approved,
	/// Rejected, timed out, cancelled or killed.
	Rejected,
}

/// A challenge of a council member's undeclared conflict of interest on a poll.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo, MaxEncodedLen)]
pub struct Challenge<AccountId, Balance, BlockNumber, Hash, PollIndex> {
	/// Who challenged (and holds [`Challenge::deposit`]).
	pub challenger: AccountId,
	/// The challenged council member.
	pub member: AccountId,
	/// The poll the member allegedly has a conflict on.
	pub poll: PollIndex,
	/// Hash of the evidence.
	pub evidence: Hash,
	/// The challenger's deposit.
	pub deposit: Balance,
	/// The council poll deciding the challenge (approval = upheld), without the member.
	pub challenge_poll: PollIndex,
	/// The block of the challenge.
	pub created: BlockNumber,
}

/// Who may hold a council seat, how many seats there are and how long a term lasts.
#[derive(
	Clone,
	PartialEq,
	Eq,
	Debug,
	Default,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
	Serialize,
	Deserialize,
)]
#[serde(crate = "sp_runtime::serde", rename_all = "camelCase")]
pub struct SeatRules<BlockNumber> {
	/// Number of seats (at most [`crate::Config::MaxSeats`]).
	pub max_seats: u32,
	/// Length of a term in blocks (not zero).
	pub term: BlockNumber,
	/// Minimum current reputation in each listed domain, checked when a member is seated.
	pub thresholds: SeatThresholds,
}
