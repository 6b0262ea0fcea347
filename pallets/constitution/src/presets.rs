//! The development constitution: a realistic class table with short periods, so that every
//! route can be exercised in minutes on a development chain (the runtime's genesis presets use
//! it, and so do this pallet's tests and benchmarks).
//!
//! Every poll has a prepare period of 2 blocks, a decision period of 100, a confirm period of
//! 3 and an enactment period of 1; veto and appeal windows and the mediation timelock last 10
//! blocks; approved calls are dispatched 1 block after approval.
//!
//! | id | class | houses | community scheme | rule | override | dispatch |
//! |---|---|---|---|---|---|---|
//! | 0 | runtime-upgrade | both | token | concurrence | community ≥ 75 % | Root |
//! | 1 | amendment | both | token | concurrence (≥ 2/3 in both) | — | class |
//! | 2 | small-spend | community | quadratic | — | — | class |
//! | 3 | medium-spend | community | token | — | — | class |
//! | 4 | big-spend | community, council veto | token | veto, 10 blocks | — | class |
//! | 5 | release-gate | council, community appeal | reputation (evaluation, safety) | appeal, 10 blocks | — | class |
//! | 6 | takedown | council, community appeal | token | appeal, 10 blocks | — | class |
//! | 7 | parameter-change | both | reputation (all domains) | concurrence | — | class |
//! | 8 | council-seating | both | reputation (all domains) | concurrence | — | class |
//! | 9 | emergency-ratification | council | — | — | — | class |
//! | 10 | conflict-challenge | council | — | — | — | class |

use alloc::{vec, vec::Vec};
use sp_runtime::{traits::Saturating, Perbill};

use crate::{
	ClassId, ClassInfo, CommunityScheme, CommunityTrack, DispatchAs, DomainId, House, HouseTrack,
	Houses, JointRule, Override, ReputationWeights, SeatRules, ThresholdCurve,
};

/// The class ids of the development constitution.
pub mod classes {
	use crate::ClassId;

	/// Runtime upgrades and anything else that needs Root.
	pub const RUNTIME_UPGRADE: ClassId = 0;
	/// Amendments of the class table, the constitution text, the seat rules and the guardians.
	pub const AMENDMENT: ClassId = 1;
	/// Small treasury spends.
	pub const SMALL_SPEND: ClassId = 2;
	/// Medium treasury spends.
	pub const MEDIUM_SPEND: ClassId = 3;
	/// Big treasury spends.
	pub const BIG_SPEND: ClassId = 4;
	/// Release-gate decisions of the artifact registry.
	pub const RELEASE_GATE: ClassId = 5;
	/// Takedowns (withdrawals) of artifacts.
	pub const TAKEDOWN: ClassId = 6;
	/// Parameter changes (reputation domains, attesters, personhood issuers).
	pub const PARAMETER_CHANGE: ClassId = 7;
	/// Seating and removal of council members.
	pub const COUNCIL_SEATING: ClassId = 8;
	/// Ratification (extension) and lifting of emergency measures.
	pub const EMERGENCY_RATIFICATION: ClassId = 9;
	/// Conflict-of-interest challenges.
	pub const CONFLICT_CHALLENGE: ClassId = 10;
}

/// Blocks a poll waits before it can start deciding.
pub const DEV_PREPARE_PERIOD: u32 = 2;
/// Blocks a poll has to be approved.
pub const DEV_DECISION_PERIOD: u32 = 100;
/// Blocks the approval criteria must hold.
pub const DEV_CONFIRM_PERIOD: u32 = 3;
/// Blocks between a poll's approval and the recording of the house's approval.
pub const DEV_ENACTMENT_PERIOD: u32 = 1;
/// Blocks of the veto and appeal windows and of the mediation timelock.
pub const DEV_WINDOW: u32 = 10;
/// Blocks between a decision's approval and the dispatch of its call.
pub const DEV_ENACTMENT_DELAY: u32 = 1;

/// The reputation domains of the development chain (see pallet-reputation's presets): code,
/// data, evaluation, safety, docs.
const ALL_DOMAINS: [DomainId; 5] = [0, 1, 2, 3, 4];
/// Evaluation and safety.
const EVALUATION_AND_SAFETY: [DomainId; 2] = [2, 3];

fn name(name: &str) -> crate::ClassName {
	crate::ClassName::truncate_from(name.as_bytes().to_vec())
}

fn weights(domains: &[DomainId]) -> ReputationWeights {
	ReputationWeights::truncate_from(
		domains.iter().map(|domain| (*domain, Perbill::one())).collect::<Vec<_>>(),
	)
}

fn track<Balance, BlockNumber: From<u32>>(
	decision_deposit: Balance,
	min_approval: ThresholdCurve,
	min_support: ThresholdCurve,
) -> HouseTrack<Balance, BlockNumber> {
	HouseTrack {
		max_deciding: 10,
		decision_deposit,
		prepare_period: DEV_PREPARE_PERIOD.into(),
		decision_period: DEV_DECISION_PERIOD.into(),
		confirm_period: DEV_CONFIRM_PERIOD.into(),
		min_enactment_period: DEV_ENACTMENT_PERIOD.into(),
		min_approval,
		min_support,
	}
}

/// Approval from 100 % down to `floor` % over the decision period.
fn approval(floor: u32) -> ThresholdCurve {
	ThresholdCurve::linear(Perbill::one(), Perbill::from_percent(floor))
}

/// Support from `ceil` % down to `floor` % over the decision period.
fn support(ceil: u32, floor: u32) -> ThresholdCurve {
	ThresholdCurve::linear(Perbill::from_percent(ceil), Perbill::from_percent(floor))
}

/// The council's track: a majority of the seats not recused must vote aye.
fn council<Balance, BlockNumber: From<u32>>(deposit: Balance) -> HouseTrack<Balance, BlockNumber> {
	track(deposit, approval(60), ThresholdCurve::flat(Perbill::from_percent(50)))
}

/// The community's track in `scheme` (support measured as the scheme measures it: locked
/// balance of all issuance, persons of all persons, reputation of all reputation).
fn community<Balance, BlockNumber: From<u32>>(
	scheme: CommunityScheme,
	domains: &[DomainId],
	deposit: Balance,
	approval_floor: u32,
) -> CommunityTrack<Balance, BlockNumber> {
	let min_support = match scheme {
		CommunityScheme::Token => support(5, 1),
		CommunityScheme::Quadratic | CommunityScheme::Reputation => support(50, 10),
	};
	CommunityTrack {
		scheme,
		track: track(deposit, approval(approval_floor), min_support),
		reputation_weights: weights(domains),
	}
}

#[allow(clippy::too_many_arguments)]
fn class<Balance, BlockNumber: From<u32>>(
	class_name: &str,
	houses: Houses,
	council_track: Option<HouseTrack<Balance, BlockNumber>>,
	community_track: Option<CommunityTrack<Balance, BlockNumber>>,
	rule: JointRule<BlockNumber>,
	override_rule: Option<Override<BlockNumber>>,
	dispatch: DispatchAs,
) -> ClassInfo<Balance, BlockNumber> {
	ClassInfo {
		name: name(class_name),
		houses,
		council: council_track,
		community: community_track,
		rule,
		override_rule,
		enactment_delay: DEV_ENACTMENT_DELAY.into(),
		dispatch,
	}
}

/// The development class table (see the module documentation), with decision deposits in
/// multiples of `unit` (one token): 100 for runtime upgrades and amendments, 10 otherwise.
pub fn development_classes<Balance, BlockNumber>(
	unit: Balance,
) -> Vec<(ClassId, ClassInfo<Balance, BlockNumber>)>
where
	Balance: Copy + From<u32> + Saturating,
	BlockNumber: From<u32>,
{
	use classes::*;
	use CommunityScheme::{Quadratic, Reputation, Token};

	let high = unit.saturating_mul(Balance::from(100u32));
	let low = unit.saturating_mul(Balance::from(10u32));
	let two_thirds = ThresholdCurve::flat(Perbill::from_rational(2u32, 3u32));
	let window = || BlockNumber::from(DEV_WINDOW);
	vec![
		(
			RUNTIME_UPGRADE,
			class(
				"runtime-upgrade",
				Houses::Both,
				Some(council(high)),
				Some(community(Token, &[], high, 50)),
				JointRule::Concurrence,
				Some(Override {
					house: House::Community,
					min_approval: Perbill::from_percent(75),
					mediation: window(),
				}),
				DispatchAs::Root,
			),
		),
		(
			AMENDMENT,
			class(
				"amendment",
				Houses::Both,
				Some(track(high, two_thirds, ThresholdCurve::flat(Perbill::from_percent(50)))),
				Some(CommunityTrack {
					scheme: Token,
					track: track(high, two_thirds, support(5, 1)),
					reputation_weights: weights(&[]),
				}),
				JointRule::Concurrence,
				None,
				DispatchAs::Class,
			),
		),
		(
			SMALL_SPEND,
			class(
				"small-spend",
				Houses::CommunityOnly,
				None,
				Some(community(Quadratic, &[], low, 50)),
				JointRule::Concurrence,
				None,
				DispatchAs::Class,
			),
		),
		(
			MEDIUM_SPEND,
			class(
				"medium-spend",
				Houses::CommunityOnly,
				None,
				Some(community(Token, &[], low, 50)),
				JointRule::Concurrence,
				None,
				DispatchAs::Class,
			),
		),
		(
			BIG_SPEND,
			class(
				"big-spend",
				Houses::Both,
				Some(council(low)),
				Some(community(Token, &[], low, 50)),
				JointRule::CommunityWithCouncilVeto { window: window() },
				None,
				DispatchAs::Class,
			),
		),
		(
			RELEASE_GATE,
			class(
				"release-gate",
				Houses::Both,
				Some(council(low)),
				Some(community(Reputation, &EVALUATION_AND_SAFETY, low, 50)),
				JointRule::CouncilWithCommunityAppeal { window: window() },
				None,
				DispatchAs::Class,
			),
		),
		(
			TAKEDOWN,
			class(
				"takedown",
				Houses::Both,
				Some(council(low)),
				Some(community(Token, &[], low, 50)),
				JointRule::CouncilWithCommunityAppeal { window: window() },
				None,
				DispatchAs::Class,
			),
		),
		(
			// Appoints attesters and issuers, who mint the reputation and personhood that vote
			// here: the council must concur, so they cannot grant themselves power alone.
			PARAMETER_CHANGE,
			class(
				"parameter-change",
				Houses::Both,
				Some(council(low)),
				Some(community(Reputation, &ALL_DOMAINS, low, 50)),
				JointRule::Concurrence,
				None,
				DispatchAs::Class,
			),
		),
		(
			COUNCIL_SEATING,
			class(
				"council-seating",
				Houses::Both,
				Some(council(low)),
				Some(community(Reputation, &ALL_DOMAINS, low, 50)),
				JointRule::Concurrence,
				None,
				DispatchAs::Class,
			),
		),
		(
			EMERGENCY_RATIFICATION,
			class(
				"emergency-ratification",
				Houses::CouncilOnly,
				Some(council(low)),
				None,
				JointRule::Concurrence,
				None,
				DispatchAs::Class,
			),
		),
		(
			CONFLICT_CHALLENGE,
			class(
				"conflict-challenge",
				Houses::CouncilOnly,
				Some(council(low)),
				None,
				JointRule::Concurrence,
				None,
				DispatchAs::Class,
			),
		),
	]
}

/// The development seat rules: 9 seats, terms of `term` blocks, at least 100 points of code
/// reputation.
pub fn development_seat_rules<BlockNumber>(term: BlockNumber) -> SeatRules<BlockNumber> {
	SeatRules {
		max_seats: 9,
		term,
		thresholds: crate::SeatThresholds::truncate_from(vec![(0, 100)]),
	}
}
