//! Types stored and exchanged by the trust pallet.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{traits::fungible, BoundedVec};
use scale_info::TypeInfo;

use crate::Config;

/// Lowest weight of an endorsement.
pub const MIN_WEIGHT: u8 = 1;
/// Highest weight of an endorsement.
pub const MAX_WEIGHT: u8 = 100;

/// Balance of the currency deposits are held in.
pub type BalanceOf<T> =
	<<T as Config>::Currency as fungible::Inspect<<T as frame_system::Config>::AccountId>>::Balance;

/// An endorsement, as stored by the pallet.
pub type EndorsementOf<T> = Endorsement<<T as frame_system::Config>::AccountId>;

/// The out-edges of one endorser, sorted by [`Endorsement::to`] without duplicates, at most
/// [`Config::MaxEndorsements`].
pub type EndorsementsOf<T> = BoundedVec<EndorsementOf<T>, <T as Config>::MaxEndorsements>;

/// An edge of the web of trust: its endorser (the key of [`crate::Endorsements`]) trusts `to`
/// with `weight`.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen,
)]
pub struct Endorsement<AccountId> {
	/// The endorsed account (never the endorser).
	pub to: AccountId,
	/// How much the endorser trusts `to`, from [`MIN_WEIGHT`] (1) to [`MAX_WEIGHT`] (100).
	pub weight: u8,
}
