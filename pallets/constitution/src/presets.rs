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
//! | 10 | conflict-challenge | council (support ≥ 2/3 of the members not recused) | — | — | — | class |
//!
//! The runtime-upgrade class is the only class that may dispatch as Root; approved through its
//! community override alone, it may only authorize an upgrade (the runtime's `OverrideCalls`).
//!
//! [`production_classes`] is the same table with the periods and deposits of a real chain (days
//! to weeks; the runtime's `production` genesis preset uses it).

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

/// The contribution domains of the presets (every one but `merit`, which the MeritRank tool
/// publishes and the class table does not weigh).
const ALL_DOMAINS: [DomainId; 5] = ostrom_primitives::domains::ALL;
/// Evaluation and safety.
const EVALUATION_AND_SAFETY: [DomainId; 2] = ostrom_primitives::domains::EVALUATION_AND_SAFETY;

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
				Some(track(low, approval(60), two_thirds)),
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

// -------------------------------------------------------------------------------------------
// The production constitution.
// -------------------------------------------------------------------------------------------

/// The periods of one house's track in the production class table, in **hours** (the runtime
/// converts them to blocks with its block time).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ProductionPeriods {
	/// Hours a poll waits before it can start deciding (time to read the proposal and to place
	/// the decision deposit).
	pub prepare: u32,
	/// Hours a poll has to be approved.
	pub decision: u32,
	/// Hours the approval criteria must hold.
	pub confirm: u32,
	/// Hours between a poll's approval and the recording of the house's approval.
	pub enactment: u32,
}

impl ProductionPeriods {
	/// The longest a poll of these periods can take from submission to recorded approval,
	/// in hours: prepare, the whole decision period, a confirmation that started at its last
	/// block, and the enactment period.
	pub const fn longest(&self) -> u32 {
		self.prepare
			.saturating_add(self.decision)
			.saturating_add(self.confirm)
			.saturating_add(self.enactment)
	}
}

/// Hours in a day.
pub const HOURS_PER_DAY: u32 = 24;

const fn days(n: u32) -> u32 {
	n.saturating_mul(HOURS_PER_DAY)
}

const fn periods(prepare: u32, decision: u32, confirm: u32, enactment: u32) -> ProductionPeriods {
	ProductionPeriods { prepare, decision, confirm, enactment }
}

/// Runtime upgrades, both houses: a day to prepare, two weeks to decide, two days of
/// confirmation.
pub const PRODUCTION_UPGRADE_PERIODS: ProductionPeriods = periods(days(1), days(14), days(2), 1);
/// Hours between the council's rejection of a runtime upgrade and the community's override
/// poll: a week of mediation.
pub const PRODUCTION_UPGRADE_MEDIATION: u32 = days(7);
/// Amendments, both houses: two days to prepare, two weeks to decide, three days of
/// confirmation.
pub const PRODUCTION_AMENDMENT_PERIODS: ProductionPeriods = periods(days(2), days(14), days(3), 1);
/// Small spends (quadratic): five days to decide.
pub const PRODUCTION_SMALL_SPEND_PERIODS: ProductionPeriods = periods(days(1), days(5), days(1), 1);
/// Medium spends (token): a week to decide.
pub const PRODUCTION_MEDIUM_SPEND_PERIODS: ProductionPeriods =
	periods(days(1), days(7), days(2), 1);
/// Big spends, the community's polls (token): two weeks to decide.
pub const PRODUCTION_BIG_SPEND_PERIODS: ProductionPeriods = periods(days(2), days(14), days(3), 1);
/// Hours the council has to veto an approved big spend.
pub const PRODUCTION_VETO_WINDOW: u32 = days(7);
/// The council's polls of release gates, takedowns and vetoes: five days to decide.
pub const PRODUCTION_COUNCIL_PERIODS: ProductionPeriods = periods(days(1), days(5), days(1), 1);
/// The council's takedown polls: an hour to prepare, three days to decide.
pub const PRODUCTION_TAKEDOWN_PERIODS: ProductionPeriods = periods(1, days(3), days(1), 1);
/// The community's appeal polls of release gates and takedowns: a week to decide.
pub const PRODUCTION_APPEAL_PERIODS: ProductionPeriods = periods(days(1), days(7), days(1), 1);
/// Hours the community has to appeal a release-gate decision.
pub const PRODUCTION_RELEASE_APPEAL_WINDOW: u32 = days(7);
/// Hours the community has to appeal a takedown.
pub const PRODUCTION_TAKEDOWN_APPEAL_WINDOW: u32 = days(3);
/// Parameter changes and council seating: a week to decide, two days of confirmation.
pub const PRODUCTION_PARAMETER_PERIODS: ProductionPeriods = periods(days(1), days(7), days(2), 1);
/// Emergency ratification: an hour to prepare, 36 hours to decide, 6 of confirmation, so that
/// a measure is ratified (and dispatched, an hour later) within two days, before it lapses.
pub const PRODUCTION_RATIFICATION_PERIODS: ProductionPeriods = periods(1, 36, 6, 1);
/// Conflict challenges: three days to decide, one of confirmation.
pub const PRODUCTION_CHALLENGE_PERIODS: ProductionPeriods = periods(1, days(3), days(1), 1);
/// Hours between the approval of a runtime upgrade or an amendment and its dispatch.
pub const PRODUCTION_SLOW_ENACTMENT: u32 = days(1);
/// Hours between the approval of any other decision and its dispatch.
pub const PRODUCTION_ENACTMENT: u32 = 1;

/// Decision deposit of each poll of a runtime upgrade or an amendment, in tokens.
pub const PRODUCTION_CONSTITUTIONAL_DEPOSIT: u32 = 5_000;
/// Decision deposit of each poll of a small, medium and big spend, in tokens: 2 % of the
/// class's spend limit (1,000, 10,000 and 100,000 tokens in the Ostrom runtime).
pub const PRODUCTION_SPEND_DEPOSITS: [u32; 3] = [20, 200, 2_000];
/// Decision deposit of each poll of a parameter change or a council seating, in tokens.
pub const PRODUCTION_PARAMETER_DEPOSIT: u32 = 500;
/// Decision deposit of each poll of a release gate or a takedown, in tokens.
pub const PRODUCTION_ARTIFACT_DEPOSIT: u32 = 100;
/// Decision deposit of each poll of an emergency ratification or a conflict challenge, in
/// tokens.
pub const PRODUCTION_COUNCIL_DEPOSIT: u32 = 50;
/// Council seats of the production constitution.
pub const PRODUCTION_MAX_SEATS: u32 = 9;
/// Points of `code` reputation a member needs to be seated on a production chain.
pub const PRODUCTION_SEAT_THRESHOLD: u128 = 500;

/// A production track of `periods` (hours, converted with `hour` blocks per hour).
fn production_track<Balance, BlockNumber: From<u32>>(
	periods: ProductionPeriods,
	hour: u32,
	decision_deposit: Balance,
	min_approval: ThresholdCurve,
	min_support: ThresholdCurve,
) -> HouseTrack<Balance, BlockNumber> {
	let blocks = |hours: u32| BlockNumber::from(hours.saturating_mul(hour));
	HouseTrack {
		max_deciding: 10,
		decision_deposit,
		prepare_period: blocks(periods.prepare),
		decision_period: blocks(periods.decision),
		confirm_period: blocks(periods.confirm),
		min_enactment_period: blocks(periods.enactment),
		min_approval,
		min_support,
	}
}

/// The council's production track: the development thresholds (approval from 100 % down to
/// 60 %, support 50 % of the non-recused seats).
fn production_council<Balance, BlockNumber: From<u32>>(
	periods: ProductionPeriods,
	hour: u32,
	deposit: Balance,
) -> HouseTrack<Balance, BlockNumber> {
	production_track(
		periods,
		hour,
		deposit,
		approval(60),
		ThresholdCurve::flat(Perbill::from_percent(50)),
	)
}

/// The community's production track in `scheme`: the development thresholds (approval from
/// 100 % down to 50 %; support from 5 % down to 1 % for token polls, from 50 % down to 10 %
/// for quadratic and reputation polls).
fn production_community<Balance, BlockNumber: From<u32>>(
	scheme: CommunityScheme,
	domains: &[DomainId],
	periods: ProductionPeriods,
	hour: u32,
	deposit: Balance,
) -> CommunityTrack<Balance, BlockNumber> {
	let min_support = match scheme {
		CommunityScheme::Token => support(5, 1),
		CommunityScheme::Quadratic | CommunityScheme::Reputation => support(50, 10),
	};
	CommunityTrack {
		scheme,
		track: production_track(periods, hour, deposit, approval(50), min_support),
		reputation_weights: weights(domains),
	}
}

/// The production class table: the classes, houses, schemes, rules and thresholds of the
/// development table (same class ids, so the runtime's class map applies unchanged) with
/// periods of days to weeks (the `PRODUCTION_*` constants, in hours, converted with `hour`
/// blocks per hour) and decision deposits in multiples of `unit` (one token):
///
/// | class | prepare / decide / confirm | window | dispatch after | deposit |
/// |---|---|---|---|---|
/// | runtime-upgrade | 1 d / 14 d / 2 d | mediation 7 d | 1 d | 5,000 |
/// | amendment | 2 d / 14 d / 3 d | — | 1 d | 5,000 |
/// | small-spend | 1 d / 5 d / 1 d | — | 1 h | 20 |
/// | medium-spend | 1 d / 7 d / 2 d | — | 1 h | 200 |
/// | big-spend | 2 d / 14 d / 3 d (council veto poll 1 d / 5 d / 1 d) | veto 7 d | 1 h | 2,000 |
/// | release-gate | council 1 d / 5 d / 1 d, appeal 1 d / 7 d / 1 d | appeal 7 d | 1 h | 100 |
/// | takedown | council 1 h / 3 d / 1 d, appeal 1 d / 7 d / 1 d | appeal 3 d | 1 h | 100 |
/// | parameter-change | 1 d / 7 d / 2 d | — | 1 h | 500 |
/// | council-seating | 1 d / 7 d / 2 d | — | 1 h | 500 |
/// | emergency-ratification | 1 h / 36 h / 6 h | — | 1 h | 50 |
/// | conflict-challenge | 1 h / 3 d / 1 d | — | 1 h | 50 |
///
/// Every house's approval is recorded one hour after its poll is approved.
pub fn production_classes<Balance, BlockNumber>(
	unit: Balance,
	hour: u32,
) -> Vec<(ClassId, ClassInfo<Balance, BlockNumber>)>
where
	Balance: Copy + From<u32> + Saturating,
	BlockNumber: From<u32>,
{
	use classes::*;
	use CommunityScheme::{Quadratic, Reputation, Token};

	let tokens = |n: u32| unit.saturating_mul(Balance::from(n));
	let blocks = |hours: u32| BlockNumber::from(hours.saturating_mul(hour));
	let [small, medium, big] = PRODUCTION_SPEND_DEPOSITS;
	let constitutional = tokens(PRODUCTION_CONSTITUTIONAL_DEPOSIT);
	let two_thirds = || ThresholdCurve::flat(Perbill::from_rational(2u32, 3u32));
	let class = |class_name: &str,
	             houses: Houses,
	             council_track: Option<HouseTrack<Balance, BlockNumber>>,
	             community_track: Option<CommunityTrack<Balance, BlockNumber>>,
	             rule: JointRule<BlockNumber>,
	             override_rule: Option<Override<BlockNumber>>,
	             enactment: u32,
	             dispatch: DispatchAs| ClassInfo {
		name: name(class_name),
		houses,
		council: council_track,
		community: community_track,
		rule,
		override_rule,
		enactment_delay: blocks(enactment),
		dispatch,
	};
	let artifact = tokens(PRODUCTION_ARTIFACT_DEPOSIT);
	let parameter = tokens(PRODUCTION_PARAMETER_DEPOSIT);
	let council_only = tokens(PRODUCTION_COUNCIL_DEPOSIT);
	vec![
		(
			RUNTIME_UPGRADE,
			class(
				"runtime-upgrade",
				Houses::Both,
				Some(production_council(PRODUCTION_UPGRADE_PERIODS, hour, constitutional)),
				Some(production_community(
					Token,
					&[],
					PRODUCTION_UPGRADE_PERIODS,
					hour,
					constitutional,
				)),
				JointRule::Concurrence,
				Some(Override {
					house: House::Community,
					min_approval: Perbill::from_percent(75),
					mediation: blocks(PRODUCTION_UPGRADE_MEDIATION),
				}),
				PRODUCTION_SLOW_ENACTMENT,
				DispatchAs::Root,
			),
		),
		(
			AMENDMENT,
			class(
				"amendment",
				Houses::Both,
				Some(production_track(
					PRODUCTION_AMENDMENT_PERIODS,
					hour,
					constitutional,
					two_thirds(),
					ThresholdCurve::flat(Perbill::from_percent(50)),
				)),
				Some(CommunityTrack {
					scheme: Token,
					track: production_track(
						PRODUCTION_AMENDMENT_PERIODS,
						hour,
						constitutional,
						two_thirds(),
						support(5, 1),
					),
					reputation_weights: weights(&[]),
				}),
				JointRule::Concurrence,
				None,
				PRODUCTION_SLOW_ENACTMENT,
				DispatchAs::Class,
			),
		),
		(
			SMALL_SPEND,
			class(
				"small-spend",
				Houses::CommunityOnly,
				None,
				Some(production_community(
					Quadratic,
					&[],
					PRODUCTION_SMALL_SPEND_PERIODS,
					hour,
					tokens(small),
				)),
				JointRule::Concurrence,
				None,
				PRODUCTION_ENACTMENT,
				DispatchAs::Class,
			),
		),
		(
			MEDIUM_SPEND,
			class(
				"medium-spend",
				Houses::CommunityOnly,
				None,
				Some(production_community(
					Token,
					&[],
					PRODUCTION_MEDIUM_SPEND_PERIODS,
					hour,
					tokens(medium),
				)),
				JointRule::Concurrence,
				None,
				PRODUCTION_ENACTMENT,
				DispatchAs::Class,
			),
		),
		(
			BIG_SPEND,
			class(
				"big-spend",
				Houses::Both,
				Some(production_council(PRODUCTION_COUNCIL_PERIODS, hour, tokens(big))),
				Some(production_community(
					Token,
					&[],
					PRODUCTION_BIG_SPEND_PERIODS,
					hour,
					tokens(big),
				)),
				JointRule::CommunityWithCouncilVeto { window: blocks(PRODUCTION_VETO_WINDOW) },
				None,
				PRODUCTION_ENACTMENT,
				DispatchAs::Class,
			),
		),
		(
			RELEASE_GATE,
			class(
				"release-gate",
				Houses::Both,
				Some(production_council(PRODUCTION_COUNCIL_PERIODS, hour, artifact)),
				Some(production_community(
					Reputation,
					&EVALUATION_AND_SAFETY,
					PRODUCTION_APPEAL_PERIODS,
					hour,
					artifact,
				)),
				JointRule::CouncilWithCommunityAppeal {
					window: blocks(PRODUCTION_RELEASE_APPEAL_WINDOW),
				},
				None,
				PRODUCTION_ENACTMENT,
				DispatchAs::Class,
			),
		),
		(
			TAKEDOWN,
			class(
				"takedown",
				Houses::Both,
				Some(production_council(PRODUCTION_TAKEDOWN_PERIODS, hour, artifact)),
				Some(production_community(Token, &[], PRODUCTION_APPEAL_PERIODS, hour, artifact)),
				JointRule::CouncilWithCommunityAppeal {
					window: blocks(PRODUCTION_TAKEDOWN_APPEAL_WINDOW),
				},
				None,
				PRODUCTION_ENACTMENT,
				DispatchAs::Class,
			),
		),
		(
			PARAMETER_CHANGE,
			class(
				"parameter-change",
				// The council concurs: attesters and issuers are not appointed by the
				// reputation that attesters mint alone.
				Houses::Both,
				Some(production_council(PRODUCTION_PARAMETER_PERIODS, hour, parameter)),
				Some(production_community(
					Reputation,
					&ALL_DOMAINS,
					PRODUCTION_PARAMETER_PERIODS,
					hour,
					parameter,
				)),
				JointRule::Concurrence,
				None,
				PRODUCTION_ENACTMENT,
				DispatchAs::Class,
			),
		),
		(
			COUNCIL_SEATING,
			class(
				"council-seating",
				Houses::Both,
				Some(production_council(PRODUCTION_PARAMETER_PERIODS, hour, parameter)),
				Some(production_community(
					Reputation,
					&ALL_DOMAINS,
					PRODUCTION_PARAMETER_PERIODS,
					hour,
					parameter,
				)),
				JointRule::Concurrence,
				None,
				PRODUCTION_ENACTMENT,
				DispatchAs::Class,
			),
		),
		(
			EMERGENCY_RATIFICATION,
			class(
				"emergency-ratification",
				Houses::CouncilOnly,
				Some(production_council(PRODUCTION_RATIFICATION_PERIODS, hour, council_only)),
				None,
				JointRule::Concurrence,
				None,
				PRODUCTION_ENACTMENT,
				DispatchAs::Class,
			),
		),
		(
			CONFLICT_CHALLENGE,
			class(
				"conflict-challenge",
				Houses::CouncilOnly,
				// Support of 2/3 of the members not recused, as in the development table.
				Some(production_track(
					PRODUCTION_CHALLENGE_PERIODS,
					hour,
					council_only,
					approval(60),
					two_thirds(),
				)),
				None,
				JointRule::Concurrence,
				None,
				PRODUCTION_ENACTMENT,
				DispatchAs::Class,
			),
		),
	]
}

/// The production seat rules: [`PRODUCTION_MAX_SEATS`] seats, terms of `term` blocks, at least
/// [`PRODUCTION_SEAT_THRESHOLD`] points of `code` reputation.
pub fn production_seat_rules<BlockNumber>(term: BlockNumber) -> SeatRules<BlockNumber> {
	SeatRules {
		max_seats: PRODUCTION_MAX_SEATS,
		term,
		thresholds: crate::SeatThresholds::truncate_from(vec![(0, PRODUCTION_SEAT_THRESHOLD)]),
	}
}
