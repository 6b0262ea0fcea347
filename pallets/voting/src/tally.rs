//! The tally of a poll (what `pallet-referenda` is configured with) and the contribution of one
//! ballot to it.
//!
//! Every change to a tally is a [`Contribution`] removed or added, and
//! [`crate::Pallet::do_try_state`] recounts each ongoing tally as the sum of the contributions
//! of the stored votes, so the running aggregates and the recount are the same fold.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::traits::DefensiveSaturating as _;
use frame_support::{
	traits::{fungible, VoteTally},
	CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound,
};
use frame_system::pallet_prelude::BlockNumberFor;
use scale_info::TypeInfo;
use sp_core::U256;
use sp_runtime::{
	traits::{AtLeast32BitUnsigned, One, Saturating, Zero},
	Perbill, SaturatedConversion,
};

use crate::{
	traits::{Members, SchemeOf},
	AccountVote, BalanceOf, ClassOf, Config, Direction, Scheme,
};
use ostrom_primitives::{PersonhoodProvider, ReputationProvider};

/// What one ballot adds to a tally.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
pub struct Contribution<Balance> {
	/// Weight for the proposal.
	pub ayes: Balance,
	/// Weight against the proposal.
	pub nays: Balance,
	/// Weight abstaining.
	pub abstains: Balance,
	/// Support numerator added.
	pub support: Balance,
	/// Weight of the ballot (`ayes + nays + abstains`).
	pub weight: Balance,
}

impl<Balance: AtLeast32BitUnsigned + Copy> Contribution<Balance> {
	/// The contribution of `vote` in `scheme`, with the voter's own weight `own` and the
	/// effective delegated weight `delegated` (only counted by ballots that carry delegation,
	/// see [`AccountVote::carries_delegation`]).
	///
	/// | scheme | ballot weight | support |
	/// |---|---|---|
	/// | Token | standard: `own + delegated`; split: `aye + nay + abstain` | aye + abstain |
	/// | Quadratic | `v` | one per voter |
	/// | Reputation | `own + delegated` | the whole weight |
	/// | Council | 1 | aye |
	pub fn of(
		scheme: Scheme,
		vote: &AccountVote<Balance>,
		own: Balance,
		delegated: Balance,
	) -> Self {
		let zero = Balance::zero();
		let delegated = if vote.carries_delegation(scheme) { delegated } else { zero };
		let (ayes, nays, abstains, weight) = match vote {
			AccountVote::Split { aye, nay, abstain } => {
				(*aye, *nay, *abstain, aye.saturating_add(*nay).saturating_add(*abstain))
			},
			AccountVote::Standard { direction, .. } | AccountVote::Own(direction) => {
				let weight = own.saturating_add(delegated);
				match direction {
					Direction::Aye => (weight, zero, zero, weight),
					Direction::Nay => (zero, weight, zero, weight),
					Direction::Abstain => (zero, zero, weight, weight),
				}
			},
		};
		let support = match scheme {
			Scheme::Token => ayes.saturating_add(abstains),
			Scheme::Quadratic => One::one(),
			Scheme::Reputation => weight,
			Scheme::Council => ayes,
		};
		Self { ayes, nays, abstains, support, weight }
	}
}

/// The tally of a poll: per-scheme weights and the running aggregates for governance metrics
/// (DESIGN §8). Configure `pallet-referenda` with `type Tally = pallet_voting::TallyOf<Runtime>`.
#[derive(
	CloneNoBound,
	PartialEqNoBound,
	EqNoBound,
	DebugNoBound,
	TypeInfo,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound(T: Config))]
pub struct Tally<T: Config> {
	/// The scheme of the poll, fixed when the poll was created.
	pub scheme: Scheme,
	/// Weight for the proposal.
	pub ayes: BalanceOf<T>,
	/// Weight against the proposal.
	pub nays: BalanceOf<T>,
	/// Weight abstaining.
	pub abstains: BalanceOf<T>,
	/// Support numerator: token aye + abstain balance; quadratic voters; reputation of all
	/// voters; council ayes.
	pub support: BalanceOf<T>,
	/// Ballots counted (a delegate's ballot counts once, however many delegated to it).
	pub voters: u32,
	/// Sum of the ballot weights.
	pub total_weight: BalanceOf<T>,
	/// Sum of the squared ballot weights.
	pub sum_of_squares: U256,
	/// Council members recused from the poll (they leave its electorate).
	pub recused: u32,
	/// Reputation polls: the poll's *decay frame*, the reading of the fastest decay clock
	/// ([`ReputationProvider::fastest_clock`]) when the poll was created. Every reputation
	/// weight counted (own or delegated) is stored as its value expressed at this reading
	/// ([`to_frame`]), and every reading of the tally decays the sums to the current block
	/// ([`from_frame`]): a ballot counts what its weight is worth when the poll is decided,
	/// decayed at the pace of the fastest-decaying domain, so never more than the voters'
	/// current reputation. Approval is a ratio of weights in one frame and needs no decay. Zero
	/// for the other schemes.
	pub clock: u128,
	/// The block in which a ballot last joined or left this tally through
	/// [`crate::Pallet::vote`] or [`crate::Pallet::remove_vote`]; `None` before the first.
	/// Besides telling when the poll last moved, it prices the next vote: `pallet-referenda`
	/// re-arms a poll's alarm for the next block whenever its tally changes, so a new ballot
	/// in a block that already saw one finds the alarm set and is charged
	/// [`crate::WeightInfo::vote_same_block`] instead of [`crate::WeightInfo::vote_new`].
	pub last_ballot: Option<BlockNumberFor<T>>,
}

/// Weight worth `units` (points · 2³²) at the fastest decay clock reading `now`, expressed in
/// the decay frame `frame ≤ now`: `units · 2^(now − frame)`, in points rounded to nearest
/// (`u128::MAX` if it does not fit; a poll keeps its weights exact while it lives fewer than
/// about 30 half-lives of the fastest-decaying domain).
pub fn to_frame(units: u128, frame: u128, now: u128) -> u128 {
	use ostrom_primitives::decay::{decay, units_to_points, CLOCK_ONE};
	let delta = now.saturating_sub(frame);
	if delta == 0 {
		return units_to_points(units, 0);
	}
	// `2^delta = 2^k · 2^(−(k − delta))` with `k` whole half-lives, `k ≥ delta`.
	let whole = delta.div_ceil(CLOCK_ONE);
	let Ok(shift) = u32::try_from(whole) else { return u128::MAX };
	if shift >= 128 || units.leading_zeros() < shift {
		return u128::MAX;
	}
	let scaled = units.checked_shl(shift).unwrap_or(u128::MAX);
	let rest = whole.saturating_mul(CLOCK_ONE).saturating_sub(delta);
	units_to_points(decay(scaled, rest), 0)
}

/// What `points` counted in the decay frame `frame` are worth at the fastest decay clock
/// reading `now ≥ frame`: `points · 2^−(now − frame)`, rounded to nearest.
pub fn from_frame(points: u128, frame: u128, now: u128) -> u128 {
	use ostrom_primitives::decay::{decay_since, units_to_points, UNITS_PER_POINT};
	if now <= frame {
		return points;
	}
	match points.checked_mul(UNITS_PER_POINT) {
		Some(units) => units_to_points(decay_since(units, frame, now), 0),
		// Too large to scale: decay the points themselves (rounded down).
		None => decay_since(points, frame, now),
	}
}

/// The square of a ballot weight, exact in 256 bits.
fn square(weight: u128) -> U256 {
	let w = U256::from(weight);
	w.saturating_mul(w)
}

/// `numerator / denominator` as a `Perbill`, `0%` if the denominator is zero, at most `100%`.
fn ratio(numerator: u128, denominator: u128) -> Perbill {
	if denominator == 0 {
		Perbill::zero()
	} else {
		Perbill::from_rational(numerator.min(denominator), denominator)
	}
}

/// Most council seats [`VoteTally::setup`] fills for the benchmarks of `pallet-referenda`
/// (`make_member` ignores members beyond the council's seat limit).
#[cfg(feature = "runtime-benchmarks")]
const BENCHMARK_COUNCIL: u32 = 64;

impl<T: Config> Tally<T> {
	/// An empty tally of a poll counted in `scheme`.
	pub fn empty(scheme: Scheme) -> Self {
		Self {
			scheme,
			ayes: Zero::zero(),
			nays: Zero::zero(),
			abstains: Zero::zero(),
			support: Zero::zero(),
			voters: 0,
			total_weight: Zero::zero(),
			sum_of_squares: U256::zero(),
			recused: 0,
			clock: 0,
			last_ballot: None,
		}
	}

	/// A new tally for a poll of `class`: empty, and for a reputation poll, with its decay frame
	/// at the current reading of the fastest decay clock.
	pub fn for_class(class: &ClassOf<T>) -> Self {
		let scheme = T::Schemes::scheme(class);
		let mut tally = Self::empty(scheme);
		if scheme == Scheme::Reputation {
			tally.clock = T::Reputation::fastest_clock();
		}
		tally
	}

	/// `amount` counted in this tally, as worth at the current block: decayed from the poll's
	/// frame for a reputation poll, as it is for the others.
	pub fn current(&self, amount: BalanceOf<T>) -> BalanceOf<T> {
		self.current_at(amount, Self::clock_of(self.scheme))
	}

	/// [`Self::current`] at the fastest decay clock reading `now` (as [`Self::clock_of`]
	/// gives it), for callers that read several amounts at once.
	pub fn current_at(&self, amount: BalanceOf<T>, now: u128) -> BalanceOf<T> {
		if self.scheme != Scheme::Reputation {
			return amount;
		}
		from_frame(amount.saturated_into(), self.clock, now).saturated_into()
	}

	/// The fastest decay clock reading a tally of `scheme` needs: read from the reputation
	/// provider for a reputation tally, `0` (no storage read) for the other schemes. Callers
	/// read it once per call and pass it down.
	pub fn clock_of(scheme: Scheme) -> u128 {
		if scheme == Scheme::Reputation {
			T::Reputation::fastest_clock()
		} else {
			0
		}
	}

	/// Reputation weight read at the fastest decay clock reading `now` (`points` at the
	/// current block) as counted in this tally: expressed in the poll's decay frame.
	pub fn counted(&self, points: u128, now: u128) -> BalanceOf<T> {
		self.counted_units(ostrom_primitives::decay::units_of_points(points), now)
	}

	/// [`Self::counted`] for a weight given in units (points · 2³²).
	pub fn counted_units(&self, units: u128, now: u128) -> BalanceOf<T> {
		to_frame(units, self.clock, now).saturated_into()
	}

	/// Count one more ballot.
	pub fn add(&mut self, c: &Contribution<BalanceOf<T>>) {
		self.ayes = self.ayes.saturating_add(c.ayes);
		self.nays = self.nays.saturating_add(c.nays);
		self.abstains = self.abstains.saturating_add(c.abstains);
		self.support = self.support.saturating_add(c.support);
		self.voters = self.voters.saturating_add(1);
		self.total_weight = self.total_weight.saturating_add(c.weight);
		self.sum_of_squares = self.sum_of_squares.saturating_add(square(c.weight.saturated_into()));
	}

	/// Remove a ballot counted before with [`Self::add`].
	pub fn remove(&mut self, c: &Contribution<BalanceOf<T>>) {
		self.ayes = self.ayes.saturating_sub(c.ayes);
		self.nays = self.nays.saturating_sub(c.nays);
		self.abstains = self.abstains.saturating_sub(c.abstains);
		self.support = self.support.saturating_sub(c.support);
		self.voters = self.voters.defensive_saturating_sub(1);
		self.total_weight = self.total_weight.saturating_sub(c.weight);
		self.sum_of_squares = self.sum_of_squares.saturating_sub(square(c.weight.saturated_into()));
	}

	/// The support denominator of a poll of `class` counted in `scheme` with `recused` members
	/// recused: active issuance (token), persons (quadratic), total weighted reputation
	/// (reputation) or the seats of members who are not recused (council).
	pub fn electorate(scheme: Scheme, class: &ClassOf<T>, recused: u32) -> u128 {
		match scheme {
			Scheme::Token => {
				<T::Currency as fungible::Inspect<T::AccountId>>::active_issuance().saturated_into()
			},
			Scheme::Quadratic => T::Personhood::person_count().into(),
			Scheme::Reputation => {
				T::Reputation::weighted_total(&T::Schemes::reputation_weights(class))
			},
			Scheme::Council => T::Council::member_count().saturating_sub(recused).into(),
		}
	}

	/// `ayes / (ayes + nays)`; `0%` if both are zero.
	pub fn approval_ratio(&self) -> Perbill {
		let ayes: u128 = self.ayes.saturated_into();
		let nays: u128 = self.nays.saturated_into();
		ratio(ayes, ayes.saturating_add(nays))
	}

	/// `support / electorate` for a poll of `class`, the support as worth at the current block
	/// ([`Self::current`]); `0%` if the electorate is zero.
	pub fn support_ratio(&self, class: &ClassOf<T>) -> Perbill {
		ratio(
			self.current(self.support).saturated_into(),
			Self::electorate(self.scheme, class, self.recused),
		)
	}

	/// A tally for the benchmarks of `pallet-referenda` with the given weights.
	#[cfg(feature = "runtime-benchmarks")]
	fn for_benchmarks(scheme: Scheme, ayes: u128, nays: u128, support: u128) -> Self {
		let mut tally = Self::empty(scheme);
		if scheme == Scheme::Reputation {
			tally.clock = T::Reputation::fastest_clock();
		}
		tally.ayes = ayes.saturated_into();
		tally.nays = nays.saturated_into();
		tally.support = support.saturated_into();
		tally.total_weight = ayes.saturating_add(nays).saturated_into();
		tally
	}
}

impl<T: Config> VoteTally<BalanceOf<T>, ClassOf<T>> for Tally<T> {
	fn new(class: ClassOf<T>) -> Self {
		Self::for_class(&class)
	}

	fn ayes(&self, _: ClassOf<T>) -> BalanceOf<T> {
		self.current(self.ayes)
	}

	fn support(&self, class: ClassOf<T>) -> Perbill {
		self.support_ratio(&class)
	}

	fn approval(&self, _: ClassOf<T>) -> Perbill {
		self.approval_ratio()
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn unanimity(class: ClassOf<T>) -> Self {
		let scheme = T::Schemes::scheme(&class);
		let total = Self::electorate(scheme, &class, 0).max(1);
		Self::for_benchmarks(scheme, total, 0, total)
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn rejection(class: ClassOf<T>) -> Self {
		let scheme = T::Schemes::scheme(&class);
		let total = Self::electorate(scheme, &class, 0).max(1);
		let support = if scheme == Scheme::Council { 0 } else { total };
		Self::for_benchmarks(scheme, 0, total, support)
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn from_requirements(support: Perbill, approval: Perbill, class: ClassOf<T>) -> Self {
		let scheme = T::Schemes::scheme(&class);
		let total = Self::electorate(scheme, &class, 0).max(1);
		let counted = support.mul_ceil(total);
		match scheme {
			// Support counts the ayes: `counted` ayes, and enough nays for the approval.
			Scheme::Council => {
				if approval.is_zero() {
					Self::for_benchmarks(scheme, 0, total, 0)
				} else {
					let voters = approval.saturating_reciprocal_mul_floor(counted);
					Self::for_benchmarks(scheme, counted, voters.saturating_sub(counted), counted)
				}
			},
			// Support counts voters, not weight: any weights with the approval.
			Scheme::Quadratic => {
				let votes = 1_000_000u128;
				let ayes = approval.mul_ceil(votes);
				Self::for_benchmarks(scheme, ayes, votes.saturating_sub(ayes), counted)
			},
			Scheme::Token | Scheme::Reputation => {
				let ayes = approval.mul_ceil(counted);
				Self::for_benchmarks(scheme, ayes, counted.saturating_sub(ayes), counted)
			},
		}
	}

	/// Makes the electorate of `class` non-empty (a person, a council member or reputation),
	/// so that the benchmark tallies above can reach any support. A council is filled up to
	/// its seat limit (at most [`BENCHMARK_COUNCIL`] seats), so that
	/// [`VoteTally::from_requirements`] can come close to the approval asked for: with three
	/// seats the only approvals are 0, ⅓, ½, ⅔ and 1.
	#[cfg(feature = "runtime-benchmarks")]
	fn setup(class: ClassOf<T>, _granularity: Perbill) {
		let who: T::AccountId = frame_benchmarking::account("electorate", 0, 0);
		match T::Schemes::scheme(&class) {
			Scheme::Token => {},
			Scheme::Quadratic => T::Personhood::make_person(&who),
			Scheme::Reputation => T::Reputation::set_reputation(
				&who,
				&T::Schemes::reputation_weights(&class),
				1_000_000,
			),
			Scheme::Council => {
				for i in 0..BENCHMARK_COUNCIL {
					T::Council::make_member(&frame_benchmarking::account("electorate", i, 0));
				}
			},
		}
	}
}
