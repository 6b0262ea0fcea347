//! Test runtime for the voting pallet: balances, a poll registry standing in for
//! `pallet-referenda` (in the manner of `pallet-conviction-voting`'s tests), and reputation,
//! personhood and council providers backed by thread-local maps.

#![allow(clippy::unwrap_used, clippy::arithmetic_side_effects, clippy::indexing_slicing)]

use crate as pallet_voting;
use crate::{
	traits::{Members, SchemeOf},
	DomainId, Pallet, Scheme, Tally, TallyOf,
};
use frame_support::{
	derive_impl, parameter_types,
	traits::{ConstU32, ConstU64, PollStatus, Polling, VoteTally},
};
use ostrom_primitives::PersonhoodProvider;
use sp_runtime::{BuildStorage, DispatchError, Perbill};
use std::collections::{BTreeMap, BTreeSet};

type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		Voting: pallet_voting,
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
	type RuntimeFreezeReason = RuntimeFreezeReason;
	type FreezeIdentifier = RuntimeFreezeReason;
	type MaxFreezes = frame_support::traits::VariantCountOf<RuntimeFreezeReason>;
}

/// Class 0: token.
pub const TOKEN: u8 = 0;
/// Class 1: quadratic.
pub const QUADRATIC: u8 = 1;
/// Class 2: reputation, weighing domain 0 fully and domain 1 by half.
pub const REPUTATION: u8 = 2;
/// Class 3: council.
pub const COUNCIL: u8 = 3;
/// Class 4: a second token class.
pub const TOKEN_B: u8 = 4;
/// Every class.
pub const CLASSES: [u8; 5] = [TOKEN, QUADRATIC, REPUTATION, COUNCIL, TOKEN_B];
/// Voice credits per person per epoch.
pub const CREDITS: u32 = 100;
/// Blocks per voice-credit epoch.
pub const EPOCH: u64 = 100;
/// Balance of each of the accounts 1 to 10 at genesis.
pub const BALANCE: u64 = 100;

/// The state of a test poll.
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum TestPollState {
	/// Ongoing, with its tally and class.
	Ongoing(TallyOf<Test>, u8),
	/// Completed at a block, approved or not.
	Completed(u64, bool),
}
use TestPollState::{Completed, Ongoing};

parameter_types! {
	/// The polls, by index.
	pub static PollStates: BTreeMap<u32, TestPollState> = BTreeMap::new();
	/// Reputation scores: (account, domain) → score.
	/// Accounts with personhood.
	pub static Persons: BTreeSet<u64> = BTreeSet::new();
	/// Person ids differing from the account id (by default a person's id is its account).
	pub static PersonIds: BTreeMap<u64, u64> = BTreeMap::new();
	/// The `(account, person)` of each credential removal reported to the pallet.
	pub static Removals: Vec<(u64, u64)> = Vec::new();
	/// Council members.
	pub static CouncilMembers: BTreeSet<u64> = BTreeSet::new();
	/// `Config::MaxClasses` (changeable to test `TooManyClasses`).
	pub static MaxClasses: u32 = 5;
}

/// The polls of the mock, stored in [`PollStates`].
pub struct TestPolls;
impl Polling<TallyOf<Test>> for TestPolls {
	type Index = u32;
	type Votes = u64;
	type Class = u8;
	type Moment = u64;

	fn classes() -> Vec<u8> {
		CLASSES.to_vec()
	}

	fn as_ongoing(index: u32) -> Option<(TallyOf<Test>, u8)> {
		match PollStates::get().get(&index) {
			Some(Ongoing(tally, class)) => Some((tally.clone(), *class)),
			_ => None,
		}
	}

	fn access_poll<R>(
		index: u32,
		f: impl FnOnce(PollStatus<&mut TallyOf<Test>, u64, u8>) -> R,
	) -> R {
		let mut polls = PollStates::get();
		let result = match polls.get_mut(&index) {
			Some(Ongoing(tally, class)) => f(PollStatus::Ongoing(tally, *class)),
			Some(Completed(when, approved)) => f(PollStatus::Completed(*when, *approved)),
			None => f(PollStatus::None),
		};
		PollStates::set(polls);
		result
	}

	fn try_access_poll<R>(
		index: u32,
		f: impl FnOnce(PollStatus<&mut TallyOf<Test>, u64, u8>) -> Result<R, DispatchError>,
	) -> Result<R, DispatchError> {
		let mut polls = PollStates::get();
		let result = match polls.get_mut(&index) {
			Some(Ongoing(tally, class)) => f(PollStatus::Ongoing(tally, *class)),
			Some(Completed(when, approved)) => f(PollStatus::Completed(*when, *approved)),
			None => f(PollStatus::None),
		}?;
		PollStates::set(polls);
		Ok(result)
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn create_ongoing(class: u8) -> Result<u32, ()> {
		let mut polls = PollStates::get();
		let index = polls.keys().next_back().map_or(0, |last| last + 1);
		polls.insert(index, Ongoing(<TallyOf<Test> as VoteTally<u64, u8>>::new(class), class));
		PollStates::set(polls);
		Ok(index)
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn end_ongoing(index: u32, approved: bool) -> Result<(), ()> {
		let mut polls = PollStates::get();
		match polls.get(&index) {
			Some(Ongoing(..)) => {},
			_ => return Err(()),
		}
		polls.insert(index, Completed(System::block_number(), approved));
		PollStates::set(polls);
		Ok(())
	}
}

/// Schemes of the mock classes.
pub struct MockSchemes;
impl SchemeOf<u8> for MockSchemes {
	fn scheme(class: &u8) -> Scheme {
		match *class {
			QUADRATIC => Scheme::Quadratic,
			REPUTATION => Scheme::Reputation,
			COUNCIL => Scheme::Council,
			_ => Scheme::Token,
		}
	}

	fn reputation_weights(class: &u8) -> Vec<(DomainId, Perbill)> {
		if *class == REPUTATION {
			vec![(0, Perbill::one()), (1, Perbill::from_percent(50))]
		} else {
			vec![]
		}
	}
}

pub use ostrom_primitives::mock::MockReputation;

/// Let `half_lives` half-lives of the fastest domain pass: the decay clock advances and every
/// score (all mock domains decay at that pace) is halved that many times, rounded down.
pub fn advance_decay_clock(half_lives: u32) {
	MockReputation::advance_half_lives(half_lives);
}

/// Personhood from [`Persons`].
pub struct MockPersonhood;
impl PersonhoodProvider<u64> for MockPersonhood {
	fn is_person(who: &u64) -> bool {
		Persons::get().contains(who)
	}

	fn person_of(who: &u64) -> Option<ostrom_primitives::PersonId> {
		Self::is_person(who).then(|| PersonIds::get().get(who).copied().unwrap_or(*who))
	}

	fn person_count() -> u32 {
		Persons::get().len() as u32
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn make_person(who: &u64) {
		Persons::mutate(|persons| persons.insert(*who));
	}
}

/// The council from [`CouncilMembers`].
pub struct MockCouncil;
impl Members<u64> for MockCouncil {
	fn is_member(who: &u64) -> bool {
		CouncilMembers::get().contains(who)
	}

	fn member_count() -> u32 {
		CouncilMembers::get().len() as u32
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn make_member(who: &u64) {
		CouncilMembers::mutate(|members| members.insert(*who));
	}
}

impl pallet_voting::Config for Test {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = ();
	type Currency = Balances;
	type RuntimeFreezeReason = RuntimeFreezeReason;
	type Polls = TestPolls;
	type Schemes = MockSchemes;
	type Reputation = MockReputation;
	type Personhood = MockPersonhood;
	type Council = MockCouncil;
	type MaxVotes = ConstU32<5>;
	type MaxClasses = MaxClasses;
	type VoiceCredits = ConstU32<CREDITS>;
	type EpochLength = ConstU64<EPOCH>;
}

/// Set `who`'s score in `domain` (zero deletes it).
pub fn set_reputation(who: u64, domain: DomainId, score: u128) {
	MockReputation::set(who, domain, score);
}

/// Give `who` personhood.
pub fn make_person(who: u64) {
	Persons::mutate(|persons| persons.insert(who));
}

/// Give `who` personhood as person `person` (a rotated key of that person).
pub fn make_person_as(who: u64, person: u64) {
	make_person(who);
	PersonIds::mutate(|ids| ids.insert(who, person));
}

/// Remove `who`'s credential for `person`, as `pallet-reputation` does on revocation: it is
/// no longer a person, and the voting pallet is told.
pub fn revoke_person(who: u64, person: u64) -> frame_support::weights::Weight {
	Persons::mutate(|persons| persons.remove(&who));
	PersonIds::mutate(|ids| ids.remove(&who));
	Removals::mutate(|r| r.push((who, person)));
	<Pallet<Test> as ostrom_primitives::OnCredentialRemoved<u64>>::on_credential_removed(
		&who, person,
	)
}

/// Replace the council.
pub fn set_members(members: Vec<u64>) {
	CouncilMembers::set(members.into_iter().collect());
}

/// Open poll `index` of `class`.
pub fn new_poll(index: u32, class: u8) {
	PollStates::mutate(|polls| {
		polls.insert(index, Ongoing(<TallyOf<Test> as VoteTally<u64, u8>>::new(class), class))
	});
}

/// Complete poll `index` at the current block.
pub fn end_poll(index: u32, approved: bool) {
	PollStates::mutate(|polls| polls.insert(index, Completed(System::block_number(), approved)));
}

/// Whether poll `index` is ongoing.
pub fn is_ongoing(index: u32) -> bool {
	matches!(PollStates::get().get(&index), Some(Ongoing(..)))
}

/// The tally of ongoing poll `index`.
pub fn tally(index: u32) -> TallyOf<Test> {
	let mut tally = stored_tally(index);
	tally.last_ballot = None;
	tally
}

/// The tally of the ongoing poll `index` as stored, with [`Tally::last_ballot`] (which
/// [`tally`] leaves out so that tests of the counts compare only the counts).
pub fn stored_tally(index: u32) -> TallyOf<Test> {
	TestPolls::as_ongoing(index).expect("the poll is ongoing").0
}

/// `tally` as a ballot cast in the current block leaves it.
pub fn cast_now(mut tally: TallyOf<Test>) -> TallyOf<Test> {
	tally.last_ballot = Some(System::block_number());
	tally
}

/// Builds test externalities.
pub struct ExtBuilder {
	balances: Vec<(u64, u64)>,
	persons: Vec<u64>,
	members: Vec<u64>,
}

impl Default for ExtBuilder {
	fn default() -> Self {
		Self {
			balances: (1..=10).map(|who| (who, BALANCE)).collect(),
			persons: vec![],
			members: vec![],
		}
	}
}

impl ExtBuilder {
	/// Accounts with personhood at genesis.
	pub fn persons(mut self, persons: Vec<u64>) -> Self {
		self.persons = persons;
		self
	}

	/// The council at genesis.
	pub fn members(mut self, members: Vec<u64>) -> Self {
		self.members = members;
		self
	}

	/// Build the externalities, at block 1, with fresh thread-local state.
	pub fn build(self) -> sp_io::TestExternalities {
		PollStates::reset();
		MockReputation::reset();
		Persons::set(self.persons.into_iter().collect());
		PersonIds::reset();
		Removals::reset();
		CouncilMembers::set(self.members.into_iter().collect());
		MaxClasses::reset();
		let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
		pallet_balances::GenesisConfig::<Test> { balances: self.balances, ..Default::default() }
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
			check_invariants();
		});
	}
}

/// `do_try_state`, and every ongoing poll without stored votes has an empty tally.
pub fn check_invariants() {
	Pallet::<Test>::do_try_state().expect("invariants hold");
	let recount = Pallet::<Test>::recount().expect("recount");
	for (index, state) in PollStates::get() {
		if let Ongoing(tally, _) = state {
			if !recount.contains_key(&index) {
				let mut empty = Tally::empty(tally.scheme);
				empty.clock = tally.clock;
				empty.last_ballot = tally.last_ballot;
				assert_eq!(tally, empty, "poll {index} has no votes");
			}
		}
	}
}

/// Externalities with the default genesis (used by the benchmark tests).
#[allow(dead_code)]
pub fn new_test_ext() -> sp_io::TestExternalities {
	ExtBuilder::default().build()
}

/// Advance to block `n` (the pallet has no hooks, so only the block number matters).
pub fn run_to(n: u64) {
	System::set_block_number(n);
}

/// The events of this pallet deposited so far, oldest first.
pub fn voting_events() -> Vec<crate::Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|record| match record.event {
			RuntimeEvent::Voting(event) => Some(event),
			_ => None,
		})
		.collect()
}
