//! The data model's arithmetic: the 256-bit sum of squares and the aggregates of ballots.

use crate::model::*;

#[test]
fn square_is_exact_across_the_128_bit_boundary() {
	assert_eq!(U256::square(0), U256::ZERO);
	assert_eq!(U256::square(3), U256::from_u128(9));
	// (2⁶⁴)² = 2¹²⁸: limb 2 set.
	assert_eq!(U256::square(1u128 << 64), U256::from_limbs([0, 0, 1, 0]));
	// (2⁶⁴ − 1)² = 2¹²⁸ − 2⁶⁵ + 1 still fits in 128 bits.
	let m = u128::from(u64::MAX);
	assert_eq!(U256::square(m), U256::from_u128(m * m));
	// (2¹²⁸ − 1)² = 2²⁵⁶ − 2¹²⁹ + 1: high half 2¹²⁸ − 2, low half 1.
	assert_eq!(U256::square(u128::MAX), U256::from_limbs([1, 0, u64::MAX - 1, u64::MAX]));
	// (3·2⁶⁴ + 5)² = 9·2¹²⁸ + 30·2⁶⁴ + 25.
	assert_eq!(U256::square((3u128 << 64) + 5), U256::from_limbs([25, 30, 9, 0]));
}

#[test]
fn u256_conversions_and_addition() {
	let limbs = [1u64, 2, 3, 4];
	let mut bytes = [0u8; 32];
	for (i, limb) in limbs.iter().enumerate() {
		bytes[i * 8..i * 8 + 8].copy_from_slice(&limb.to_le_bytes());
	}
	assert_eq!(U256::from_le_bytes(bytes), U256::from_limbs(limbs));
	assert_eq!(U256::from_limbs(limbs).to_limbs(), limbs);
	// A carry from the low into the high half.
	assert_eq!(
		U256::from_u128(u128::MAX).checked_add(U256::from_u128(1)),
		Some(U256::from_limbs([0, 0, 1, 0]))
	);
	assert_eq!(U256::MAX.checked_add(U256::from_u128(1)), None);
	assert_eq!(U256::MAX.saturating_add(U256::from_u128(1)), U256::MAX);
	// Numeric order: the high half decides.
	assert!(U256::from_limbs([0, 0, 1, 0]) > U256::from_u128(u128::MAX));
	assert!(U256::ZERO.is_zero() && !U256::from_u128(1).is_zero());
	assert_eq!(U256::from_u128(12345).to_f64(), 12345.0);
	assert_eq!(U256::from_limbs([0, 0, 1, 0]).to_f64(), 2f64.powi(128));
	assert_eq!(U256::square(1u128 << 100).to_f64(), 2f64.powi(200));
}

#[test]
fn aggregates_of_ballots_add_up_as_the_chain_does() {
	let ballots = [Ballot::own(10), Ballot::delegate(10, 30, 3), Ballot::own(20)];
	let sum = Aggregates::of_ballots(&ballots);
	assert_eq!(sum.voters, 3);
	assert_eq!(sum.total_weight, 70);
	assert_eq!(sum.sum_of_squares, U256::from_u128(100 + 1600 + 400));
	assert_eq!((sum.ayes, sum.nays, sum.abstains, sum.recused), (0, 0, 0, 0));
	assert_eq!(Aggregates::of_ballots(&[]), Aggregates::default());

	let chain = Aggregates {
		voters: 3,
		total_weight: 70,
		sum_of_squares: U256::from_u128(2100),
		ayes: 50,
		nays: 20,
		abstains: 0,
		recused: 1,
	};
	assert!(chain.matches_ballots(&ballots));
	// A missed ballot, a wrong weight or a wrong distribution of the same total is detected.
	assert!(!chain.matches_ballots(&ballots[..2]));
	assert!(!chain.matches_ballots(&[Ballot::own(10), Ballot::own(40), Ballot::own(21)]));
	assert!(!chain.matches_ballots(&[Ballot::own(15), Ballot::own(35), Ballot::own(20)]));
}

#[test]
fn ballot_constructors() {
	assert_eq!(Ballot::own(7), Ballot { weight: 7, delegated: 0, delegators: 0 });
	assert_eq!(Ballot::delegate(7, 3, 2), Ballot { weight: 10, delegated: 3, delegators: 2 });
}

#[test]
fn block_ranges_are_inclusive() {
	let range = BlockRange::new(10, 20);
	assert!(!range.contains(9));
	assert!(range.contains(10) && range.contains(20));
	assert!(!range.contains(21));
	assert!(!BlockRange::new(20, 10).contains(15));
	assert!(BlockRange::ALL.contains(0) && BlockRange::ALL.contains(u32::MAX));
}

#[test]
fn kinds_from_track_numbers() {
	assert_eq!(PollKind::from_kind(0), PollKind::Council);
	assert_eq!(PollKind::from_kind(1), PollKind::Community);
	assert_eq!(PollKind::from_kind(2), PollKind::Override);
	assert_eq!(PollKind::from_kind(3), PollKind::Review);
	assert_eq!(PollKind::from_kind(4), PollKind::Other);
}
