//! The origins that approved referenda dispatch their calls with.
//!
//! A referendum's track is chosen by the origin of its proposal (`TracksInfo::track_for`), so each
//! track that does not dispatch as Root needs an origin of its own. The pallet has no calls or
//! storage: it only declares the origins. Which calls accept which origin is set in
//! `configs/` (e.g. the treasury accepts [`Origin::CommunityTreasurer`] up to a limit).
//!
//! These origins and the static track table in `configs/voting.rs` stand in until the
//! constitution pallet derives tracks and origins from its genesis-configured class table.

pub use pallet::*;

#[frame_support::pallet]
pub mod pallet {
	use frame_support::pallet_prelude::*;

	#[pallet::config]
	pub trait Config: frame_system::Config {}

	#[pallet::pallet]
	pub struct Pallet<T>(_);

	/// The origin of a call enacted by an approved referendum of a non-Root track.
	#[derive(
		PartialEq, Eq, Clone, MaxEncodedLen, Encode, Decode, DecodeWithMemTracking, TypeInfo, Debug,
	)]
	#[pallet::origin]
	pub enum Origin {
		/// Treasury spends approved by the community in a quadratic vote (track
		/// `treasury-spend`), up to `CommunitySpendLimit` per spend.
		#[codec(index = 0)]
		CommunityTreasurer,
		/// Reputation administration (domains, attesters, personhood issuers) approved in a
		/// reputation-weighted vote (track `reputation-admin`).
		#[codec(index = 1)]
		ReputationAdmin,
		/// A decision of the council (track `council`): council membership and reputation
		/// slashing.
		#[codec(index = 2)]
		CouncilDecision,
	}
}

/// `EnsureOrigin` implementations: one per origin variant, succeeding with `()`.
macro_rules! ensure_origin {
	($( $(#[$doc:meta])* $name:ident => $variant:ident, )*) => { $(
		$(#[$doc])*
		pub struct $name;
		impl<O: Into<Result<Origin, O>> + From<Origin>> frame_support::traits::EnsureOrigin<O>
			for $name
		{
			type Success = ();
			fn try_origin(o: O) -> Result<Self::Success, O> {
				o.into().and_then(|origin| match origin {
					Origin::$variant => Ok(()),
					other => Err(O::from(other)),
				})
			}
			#[cfg(feature = "runtime-benchmarks")]
			fn try_successful_origin() -> Result<O, ()> {
				Ok(O::from(Origin::$variant))
			}
		}
	)* };
}

ensure_origin! {
	/// Accepts [`Origin::CommunityTreasurer`].
	EnsureCommunityTreasurer => CommunityTreasurer,
	/// Accepts [`Origin::ReputationAdmin`].
	EnsureReputationAdmin => ReputationAdmin,
	/// Accepts [`Origin::CouncilDecision`].
	EnsureCouncilDecision => CouncilDecision,
}
