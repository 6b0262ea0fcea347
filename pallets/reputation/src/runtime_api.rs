//! Runtime API of the reputation pallet, for RPC clients (`state_call`) and the node.
//!
//! The runtime implements it with the pallet's helpers: [`crate::Pallet::scores_of`],
//! [`crate::Pallet::total_score_of`], [`crate::Pallet::domain_totals`],
//! [`crate::Pallet::domain_list`] and [`crate::Pallet::personhood_expiry`].

use alloc::vec::Vec;
use codec::Codec;

sp_api::decl_runtime_apis! {
	/// Current (decayed) reputation and personhood status.
	pub trait ReputationApi<AccountId, DomainId, BlockNumber>
	where
		AccountId: Codec,
		DomainId: Codec,
		BlockNumber: Codec,
	{
		/// Score of `who` in every domain, sorted by domain id (zero scores included).
		fn scores(who: AccountId) -> Vec<(DomainId, u128)>;

		/// Sum of the scores of `who` over all domains.
		fn total_score(who: AccountId) -> u128;

		/// Total reputation of every domain, sorted by domain id.
		fn domain_totals() -> Vec<(DomainId, u128)>;

		/// Every domain: id, name and half-life in blocks, sorted by id.
		fn domains() -> Vec<(DomainId, Vec<u8>, BlockNumber)>;

		/// Expiry block of the valid personhood credential of `who`, or `None` if `who` has no
		/// valid credential (none, expired, or issuer no longer authorised).
		fn personhood(who: AccountId) -> Option<BlockNumber>;
	}
}
