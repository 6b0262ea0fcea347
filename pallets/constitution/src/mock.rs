//! Test runtime for the constitution pallet: System, Balances and the pallet, with the
//! development class table ([`crate::presets`]) and stand-ins, kept in storage so that they
//! roll back with failed calls like the real pallets, for:
//!
//! - the polls ([`MockPolls`]): a poll table the tests end with [`approve`] (which dispatches the
//!   poll's proposal with its origin, as `pallet-referenda` enacts it) and [`reject`];
//! - the scheduler ([`MockEnactor`]): records the scheduled calls; [`dispatch_enacted`] runs
//!   them with their origin;
//! - recusal ([`MockRecusal`], with `pallet-voting`'s checks), reputation and slashing, which
//!   record what they are asked to do.

#![allow(clippy::unwrap_used, clippy::arithmetic_side_effects, clippy::indexing_slicing)]

use crate as pallet_constitution;
use crate::{
	presets, track_id, BoundedCallOf, ClassId, ClassInfoOf, DispatchAs, DomainId, Enactor, Origin,
	Pallet, PollOpener, PollOutcome, RawOrigin, Scheme, SeatRules, SeatThresholds,
};
use codec::{Decode, Encode};
use frame_support::{
	derive_impl,
	dispatch::DispatchResultWithPostInfo,
	parameter_types,
	traits::{tokens::imbalance::ResolveTo, Bounded, ConstU32, ConstU64, Hooks},
	weights::Weight,
};
use ostrom_primitives::ReputationSlasher;
use ostrom_primitives::{Members, Recusal};
use sp_core::H256;
use sp_runtime::{traits::Dispatchable, BuildStorage, DispatchError, DispatchResult, Perbill};
use std::collections::BTreeMap;

type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		Preimage: pallet_preimage,
		Constitution: pallet_constitution,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountData = pallet_balances::AccountData<u64>;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type AccountStore = System;
}

/// Council members of the default genesis.
pub const ALICE: u64 = 1;
pub const BOB: u64 = 2;
pub const CHARLIE: u64 = 3;
/// Funded accounts without a seat.
pub const DAVE: u64 = 4;
pub const EVE: u64 = 5;
/// Cannot pay a deposit.
pub const POOR: u64 = 20;
/// Receives slashed deposits.
pub const TREASURY: u64 = 999;
/// Balance of every funded account.
pub const FUNDS: u64 = 1_000;
/// Balance of [`POOR`].
pub const POOR_FUNDS: u64 = 5;
/// Deposits.
pub const DECISION_DEPOSIT: u64 = 10;
pub const APPEAL_DEPOSIT: u64 = 20;
pub const CHALLENGE_DEPOSIT: u64 = 30;
/// Blocks after which decisions and challenges expire.
pub const MAX_DECISION_AGE: u64 = 200;
/// Block at which the genesis council's terms end.
pub const TERM_END: u64 = 1_000;
/// Term of a seat under the default seat rules.
pub const TERM: u64 = 100;
/// Code reputation a seat needs under the default seat rules.
pub const SEAT_THRESHOLD: u128 = 100;
/// Domain `code`.
pub const CODE: DomainId = 0;
/// Points the mock slasher reports removed.
pub const SLASHED_POINTS: u128 = 7;

impl pallet_preimage::Config for Test {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = ();
	type Currency = Balances;
	type ManagerOrigin = frame_system::EnsureRoot<u64>;
	type Consideration = ();
}

/// What a runtime-upgrade decision approved through the override alone may enact: a
/// `system.authorize_upgrade` (as in Ostrom).
pub struct UpgradeCalls;
impl frame_support::traits::Contains<RuntimeCall> for UpgradeCalls {
	fn contains(call: &RuntimeCall) -> bool {
		matches!(call, RuntimeCall::System(frame_system::Call::authorize_upgrade { .. }))
	}
}

parameter_types! {
	pub const TreasuryAccount: u64 = TREASURY;
	pub AmendmentApprovalFloor: Perbill = Perbill::from_rational(2u32, 3u32);
	pub const ChallengeSlash: Perbill = Perbill::from_percent(10);
}

/// A poll of the mock poll table.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode)]
pub struct MockPoll {
	/// The origin its proposal dispatches with (chooses its track).
	pub origin: Origin<Test>,
	/// Its proposal.
	pub call: RuntimeCall,
	/// Who paid for it.
	pub payer: u64,
	/// Its state.
	pub outcome: PollOutcome,
}

/// A call scheduled by the mock enactor: `(block, class, dispatch, call)`.
pub type EnactedCall = (u64, ClassId, DispatchAs, BoundedCallOf<Test>);

parameter_types! {
	/// The polls, by index.
	pub storage PollTable: BTreeMap<u32, MockPoll> = BTreeMap::new();
	/// Index of the next poll.
	pub storage NextPollIndex: u32 = 0;
	/// Polls cancelled, in order.
	pub storage CancelledPolls: Vec<u32> = Vec::new();
	/// Calls scheduled.
	pub storage EnactedCalls: Vec<EnactedCall> = Vec::new();
	/// Recusals: `(member, poll)`.
	pub storage RecusalLog: Vec<(u64, u32)> = Vec::new();
	/// Council ballots: `(member, poll)`.
	pub storage CouncilBallotLog: Vec<(u64, u32)> = Vec::new();
	/// Slashes: `(who, domain, fraction, reason)`.
	pub storage SlashLog: Vec<(u64, Option<DomainId>, Perbill, H256)> = Vec::new();
	/// Number of accounts delegating on each track.
	pub storage DelegationCounts: BTreeMap<u16, u32> = BTreeMap::new();
	/// Make opening polls fail.
	pub static FailPollOpen: bool = false;
	/// Make scheduling fail.
	pub static FailEnactment: bool = false;
}

fn push<T: Clone>(list: &mut Vec<T>, item: T) -> Vec<T> {
	list.push(item);
	list.clone()
}

/// The polls of the two houses: a poll table in storage.
pub struct MockPolls;
impl PollOpener<u64, u32, RuntimeCall> for MockPolls {
	fn open(payer: &u64, origin: RawOrigin<u64>, call: RuntimeCall) -> Result<u32, DispatchError> {
		if FailPollOpen::get() {
			return Err(DispatchError::Other("poll cannot be opened"));
		}
		// As pallet-referenda: the origin must have a track.
		Constitution::track_for_origin(&origin).ok_or(DispatchError::Other("NoTrack"))?;
		let index = NextPollIndex::get();
		NextPollIndex::set(&(index + 1));
		let mut polls = PollTable::get();
		polls
			.insert(index, MockPoll { origin, call, payer: *payer, outcome: PollOutcome::Ongoing });
		PollTable::set(&polls);
		Ok(index)
	}

	fn outcome(poll: u32) -> Option<PollOutcome> {
		PollTable::get().get(&poll).map(|p| p.outcome)
	}

	fn track(poll: u32) -> Option<u16> {
		let record = PollTable::get().get(&poll).cloned()?;
		match (record.outcome, record.origin) {
			(PollOutcome::Ongoing, RawOrigin::House { class, kind }) => Some(track_id(class, kind)),
			_ => None,
		}
	}

	fn cancel(poll: u32) -> DispatchResult {
		if Self::outcome(poll) != Some(PollOutcome::Ongoing) {
			return Err(DispatchError::Other("NotOngoing"));
		}
		set_outcome(poll, PollOutcome::Rejected);
		CancelledPolls::set(&push(&mut CancelledPolls::get(), poll));
		Ok(())
	}
}

/// The scheduler: records the calls.
pub struct MockEnactor;
impl Enactor<u64, BoundedCallOf<Test>> for MockEnactor {
	fn enact(
		when: u64,
		class: ClassId,
		dispatch: DispatchAs,
		call: BoundedCallOf<Test>,
	) -> DispatchResult {
		if FailEnactment::get() {
			return Err(DispatchError::Other("agenda full"));
		}
		assert!(when > System::block_number(), "scheduled in the past");
		EnactedCalls::set(&push(&mut EnactedCalls::get(), (when, class, dispatch, call)));
		Ok(())
	}
}

/// Recusal with pallet-voting's checks: council members, on ongoing council polls, once.
pub struct MockRecusal;
impl Recusal<u64, u32> for MockRecusal {
	fn recuse(who: &u64, poll: u32) -> DispatchResult {
		let Some(record) = PollTable::get().get(&poll).cloned() else {
			return Err(DispatchError::Other("NotOngoing"));
		};
		if record.outcome != PollOutcome::Ongoing {
			return Err(DispatchError::Other("NotOngoing"));
		}
		let RawOrigin::House { class, kind } = record.origin else {
			return Err(DispatchError::Other("NotCouncilPoll"));
		};
		if Constitution::scheme_of_track(track_id(class, kind)) != Scheme::Council {
			return Err(DispatchError::Other("NotCouncilPoll"));
		}
		if !<Constitution as Members<u64>>::is_member(who) {
			return Err(DispatchError::Other("NotCouncilMember"));
		}
		if RecusalLog::get().contains(&(*who, poll)) {
			return Err(DispatchError::Other("Recused"));
		}
		RecusalLog::set(&push(&mut RecusalLog::get(), (*who, poll)));
		Ok(())
	}

	fn is_recused(who: &u64, poll: u32) -> bool {
		MockPolls::outcome(poll) == Some(PollOutcome::Ongoing)
			&& RecusalLog::get().contains(&(*who, poll))
	}
}

/// Most council ballots removed at once.
pub const MAX_BALLOTS: u32 = 4;

/// Council ballots from [`CouncilBallotLog`]: removes those on ongoing polls.
impl ostrom_primitives::CouncilBallots<u64> for MockRecusal {
	fn max_ballots() -> u32 {
		MAX_BALLOTS
	}

	fn remove_council_ballots(who: &u64, max: u32) -> u32 {
		let mut removed = 0;
		let mut ballots = CouncilBallotLog::get();
		ballots.retain(|(member, poll)| {
			let remove = member == who
				&& removed < max
				&& MockPolls::outcome(*poll) == Some(PollOutcome::Ongoing);
			if remove {
				removed += 1;
			}
			!remove
		});
		CouncilBallotLog::set(&ballots);
		removed
	}
}

/// `who` casts a council ballot on `poll`.
pub fn cast_ballot(who: u64, poll: u32) {
	CouncilBallotLog::set(&push(&mut CouncilBallotLog::get(), (who, poll)));
}

/// Reputation from a score table (which does not decay in these tests).
pub use ostrom_primitives::mock::MockReputation;

/// Records slashes and reports [`SLASHED_POINTS`] removed.
pub struct MockSlasher;
impl ReputationSlasher<u64, DomainId, H256> for MockSlasher {
	fn slash(
		who: &u64,
		domain: Option<DomainId>,
		fraction: Perbill,
		reason: H256,
	) -> Result<u128, DispatchError> {
		SlashLog::set(&push(&mut SlashLog::get(), (*who, domain, fraction, reason)));
		Ok(SLASHED_POINTS)
	}

	fn on_slashed_max_weight() -> Weight {
		SLASH_HOOK_WEIGHT
	}
}

/// What the mock slasher says re-weighing a slashed account's ballots may cost.
pub const SLASH_HOOK_WEIGHT: Weight = Weight::from_parts(7_000_000_000, 7_000);

/// Delegation counts from [`DelegationCounts`].
pub struct MockDelegations;
impl ostrom_primitives::DelegationCount<u16> for MockDelegations {
	fn delegations(track: &u16) -> u32 {
		DelegationCounts::get().get(track).copied().unwrap_or(0)
	}
}

/// Set the number of accounts delegating on `track`.
pub fn set_delegations(track: u16, count: u32) {
	let mut counts = DelegationCounts::get();
	counts.insert(track, count);
	DelegationCounts::set(&counts);
}

/// Concludes mock polls and casts mock council ballots.
#[cfg(feature = "runtime-benchmarks")]
pub struct MockBenchmarkHelper;
#[cfg(feature = "runtime-benchmarks")]
impl crate::BenchmarkHelper<u64, u32> for MockBenchmarkHelper {
	fn conclude_poll(poll: u32, approved: bool) {
		set_outcome(poll, if approved { PollOutcome::Approved } else { PollOutcome::Rejected });
	}
	fn vote_council(who: &u64, poll: u32) {
		cast_ballot(*who, poll);
	}
}

impl pallet_constitution::Config for Test {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeOrigin = RuntimeOrigin;
	type RuntimeCall = RuntimeCall;
	type WeightInfo = ();
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Slash = ResolveTo<TreasuryAccount, Balances>;
	type PollIndex = u32;
	type Polls = MockPolls;
	type Enactor = MockEnactor;
	type Recusal = MockRecusal;
	type Delegations = MockDelegations;
	type Preimages = Preimage;
	type OverrideCalls = UpgradeCalls;
	type AmendmentApprovalFloor = AmendmentApprovalFloor;
	type Reputation = MockReputation;
	type Slasher = MockSlasher;
	type DecisionDeposit = ConstU64<DECISION_DEPOSIT>;
	type AppealDeposit = ConstU64<APPEAL_DEPOSIT>;
	type ChallengeDeposit = ConstU64<CHALLENGE_DEPOSIT>;
	type ChallengeSlash = ChallengeSlash;
	type MaxDecisionAge = ConstU64<MAX_DECISION_AGE>;
	type MaxClasses = ConstU32<16>;
	type MaxSeats = ConstU32<4>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = MockBenchmarkHelper;
}

/// The seat rules of the default genesis: 4 seats, terms of [`TERM`] blocks, at least
/// [`SEAT_THRESHOLD`] points of code reputation.
pub fn seat_rules() -> SeatRules<u64> {
	SeatRules {
		max_seats: 4,
		term: TERM,
		thresholds: SeatThresholds::truncate_from(vec![(CODE, SEAT_THRESHOLD)]),
	}
}

/// Builds test externalities from a genesis configuration.
pub struct ExtBuilder {
	classes: Vec<(ClassId, ClassInfoOf<Test>)>,
	seats: Vec<(u64, u64)>,
}

impl Default for ExtBuilder {
	fn default() -> Self {
		Self {
			classes: presets::development_classes::<u64, u64>(1),
			seats: vec![(ALICE, TERM_END), (BOB, TERM_END), (CHARLIE, TERM_END)],
		}
	}
}

impl ExtBuilder {
	/// Replace the genesis class table.
	pub fn classes(mut self, classes: Vec<(ClassId, ClassInfoOf<Test>)>) -> Self {
		self.classes = classes;
		self
	}

	/// Build the externalities, at block 1.
	pub fn build(self) -> sp_io::TestExternalities {
		MockReputation::reset();
		FailPollOpen::set(false);
		FailEnactment::set(false);
		let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
		pallet_balances::GenesisConfig::<Test> {
			balances: [ALICE, BOB, CHARLIE, DAVE, EVE]
				.into_iter()
				.map(|who| (who, FUNDS))
				.chain([(POOR, POOR_FUNDS)])
				.collect(),
			..Default::default()
		}
		.assimilate_storage(&mut storage)
		.unwrap();
		pallet_constitution::GenesisConfig::<Test> {
			classes: self.classes,
			amendment_class: presets::classes::AMENDMENT,
			upgrade_class: presets::classes::RUNTIME_UPGRADE,
			ratification_class: presets::classes::EMERGENCY_RATIFICATION,
			challenge_class: presets::classes::CONFLICT_CHALLENGE,
			seating_class: presets::classes::COUNCIL_SEATING,
			seat_rules: seat_rules(),
			seats: self.seats,
			constitution_text: Some(H256::repeat_byte(1)),
		}
		.assimilate_storage(&mut storage)
		.unwrap();
		let mut ext = sp_io::TestExternalities::new(storage);
		ext.execute_with(|| System::set_block_number(1));
		ext
	}

	/// Run `test` in the externalities, then check the pallet's invariants.
	pub fn build_and_execute(self, test: impl FnOnce()) {
		self.build().execute_with(|| {
			test();
			Pallet::<Test>::do_try_state().expect("invariants hold at the end of the test");
		});
	}
}

/// Externalities with the default genesis (used by the benchmark tests).
#[allow(dead_code)]
pub fn new_test_ext() -> sp_io::TestExternalities {
	ExtBuilder::default().build()
}

/// Advance block by block to block `n`, running the pallet's `on_initialize` at each block.
pub fn run_to(n: u64) {
	while System::block_number() < n {
		let next = System::block_number() + 1;
		System::set_block_number(next);
		<Constitution as Hooks<u64>>::on_initialize(next);
	}
}

/// The events of this pallet deposited so far, oldest first.
pub fn constitution_events() -> Vec<crate::Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|record| match record.event {
			RuntimeEvent::Constitution(event) => Some(event),
			_ => None,
		})
		.collect()
}

/// The last event of this pallet.
pub fn last_event() -> crate::Event<Test> {
	constitution_events().pop().expect("an event was deposited")
}

/// Poll `index` of the poll table.
pub fn poll(index: u32) -> MockPoll {
	PollTable::get().get(&index).cloned().expect("the poll exists")
}

/// Set the state of poll `index`.
pub fn set_outcome(index: u32, outcome: PollOutcome) {
	let mut polls = PollTable::get();
	if let Some(poll) = polls.get_mut(&index) {
		poll.outcome = outcome;
	}
	PollTable::set(&polls);
}

/// Approve poll `index` and dispatch its proposal with its origin, as pallet-referenda enacts an
/// approved referendum.
pub fn approve(index: u32) -> DispatchResultWithPostInfo {
	set_outcome(index, PollOutcome::Approved);
	let poll = poll(index);
	poll.call.dispatch(RuntimeOrigin::from(poll.origin))
}

/// Reject poll `index` (its proposal is not dispatched).
pub fn reject(index: u32) {
	set_outcome(index, PollOutcome::Rejected);
}

/// Open a poll that this pallet does not know of (e.g. any referendum) on the track of
/// `origin`.
pub fn open_other_poll(origin: Origin<Test>) -> u32 {
	let call = RuntimeCall::System(frame_system::Call::remark { remark: vec![] });
	MockPolls::open(&EVE, origin, call).unwrap()
}

/// Dispatch every scheduled call with its origin (as the scheduler does), oldest first;
/// returns the results and forgets the calls.
pub fn dispatch_enacted() -> Vec<DispatchResultWithPostInfo> {
	let calls = EnactedCalls::get();
	EnactedCalls::set(&Vec::new());
	calls
		.into_iter()
		.map(|(_, class, dispatch, call)| {
			let Bounded::Inline(bytes) = call else { panic!("only inline calls are dispatched") };
			let call = RuntimeCall::decode(&mut &bytes[..]).unwrap();
			let caller: OriginCaller =
				crate::enactment_origin::<OriginCaller, u64>(dispatch, class);
			call.dispatch(RuntimeOrigin::from(caller))
		})
		.collect()
}

/// Give `who` `points` of reputation in `domain`.
pub fn set_score(who: u64, domain: DomainId, points: u128) {
	MockReputation::set(who, domain, points);
}
