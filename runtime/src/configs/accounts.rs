//! Account tools: batching (utility), multisig operational accounts and proxies.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{
	parameter_types,
	traits::{ConstU32, InstanceFilter},
};
use scale_info::TypeInfo;

use crate::{
	currency::deposit, Balance, Balances, OriginCaller, Runtime, RuntimeCall, RuntimeEvent, System,
};

impl pallet_utility::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type PalletsOrigin = OriginCaller;
	type WeightInfo = crate::weights::pallet_utility::WeightInfo<Runtime>;
}

parameter_types! {
	/// Deposit for a multisig operation: one item plus its 88-byte record.
	pub const DepositBase: Balance = deposit(1, 88);
	/// Additional deposit per signatory (32 bytes each).
	pub const DepositFactor: Balance = deposit(0, 32);
}

impl pallet_multisig::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type Currency = Balances;
	type DepositBase = DepositBase;
	type DepositFactor = DepositFactor;
	type MaxSignatories = ConstU32<100>;
	type WeightInfo = crate::weights::pallet_multisig::WeightInfo<Runtime>;
	type BlockNumberProvider = System;
}

/// What a proxy may do on behalf of its delegator.
#[derive(
	Copy,
	Clone,
	Eq,
	PartialEq,
	Ord,
	PartialOrd,
	Encode,
	Decode,
	DecodeWithMemTracking,
	Debug,
	MaxEncodedLen,
	TypeInfo,
	Default,
)]
pub enum ProxyType {
	/// Any call.
	#[default]
	Any,
	/// Only calls that neither move the delegator's funds nor put them at risk (see
	/// [`is_non_transfer`]): an allow-list, so a call added to the runtime is excluded until
	/// it is reviewed.
	NonTransfer,
	/// Only cancelling announced proxy calls (for a time-delayed proxy's watchdog).
	CancelProxy,
	/// Only voting: vote, remove votes, delegate, undelegate, refresh a delegation and unlock
	/// (see [`is_governance`]), alone or batched with `utility`. Lets a voter vote from a hot
	/// key that holds nothing and can spend nothing.
	Governance,
}

/// The voting calls of a [`ProxyType::Governance`] proxy. A token vote or delegation freezes
/// (never moves) the delegator's balance, and `unlock` releases it.
fn is_governance(c: &RuntimeCall) -> bool {
	match c {
		RuntimeCall::Voting(call) => matches!(
			call,
			pallet_voting::Call::vote { .. }
				| pallet_voting::Call::remove_vote { .. }
				| pallet_voting::Call::remove_other_vote { .. }
				| pallet_voting::Call::delegate { .. }
				| pallet_voting::Call::undelegate { .. }
				| pallet_voting::Call::refresh_delegation { .. }
				| pallet_voting::Call::unlock { .. }
		),
		// The batched calls pass through the proxy's filter one by one.
		RuntimeCall::Utility(call) => matches!(
			call,
			pallet_utility::Call::batch { .. }
				| pallet_utility::Call::batch_all { .. }
				| pallet_utility::Call::force_batch { .. }
		),
		_ => false,
	}
}

/// The calls of a [`ProxyType::NonTransfer`] proxy: none moves the delegator's funds, holds a
/// deposit that can be slashed, or dispatches from an origin without the proxy's filter.
///
/// Excluded, by pallet: `Balances`, `Treasury` (spends and payouts), `Multisig` (dispatches as
/// the multisig account, without the proxy's filter, and holds deposits), `Proxy` (deposits,
/// and proxies of its own), `Preimage` (deposits), `Scheduler`, `Referenda` (decision
/// deposits), `Constitution::propose` (decision and poll deposits), `appeal` and
/// `challenge_conflict` (slashable deposits) and the guardians' measures,
/// `Artifacts::register` (deposit), `QuadraticFunding::apply` (slashable deposit) and
/// `contribute`, `Trust::endorse` (deposit), `BountyWork::apply` (slashable deposit),
/// `Bounties` (Root's), `SafeMode` (deposits), `TxPause` and `Sudo` (a proxy
/// of the sudo key must not dispatch as Root).
fn is_non_transfer(c: &RuntimeCall) -> bool {
	match c {
		// Root-only calls fail for a signed origin anyway; remarks and upgrades move nothing.
		RuntimeCall::System(..) => true,
		// Reporting an equivocation costs the reporter nothing.
		RuntimeCall::Grandpa(..) => true,
		// The batched calls pass through the proxy's filter one by one.
		RuntimeCall::Utility(..) => true,
		// Votes freeze, never move, the voter's balance.
		RuntimeCall::Voting(..) => true,
		// Attestations, credentials and housekeeping; no call of the pallet moves funds.
		RuntimeCall::Reputation(..) => true,
		// Housekeeping anyone may do, and a council member's recusal.
		RuntimeCall::Constitution(call) => matches!(
			call,
			pallet_constitution::Call::record_outcome { .. }
				| pallet_constitution::Call::advance { .. }
				| pallet_constitution::Call::purge_expired_seats { .. }
				| pallet_constitution::Call::declare_conflict { .. }
		),
		// Attesting, and the registrant's own deprecation and retraction (which only returns
		// its deposit).
		RuntimeCall::Artifacts(call) => matches!(
			call,
			pallet_artifacts::Call::attest { .. }
				| pallet_artifacts::Call::revoke_attestation { .. }
				| pallet_artifacts::Call::deprecate { .. }
				| pallet_artifacts::Call::retract { .. }
		),
		// Housekeeping that pays funds to whom they belong.
		RuntimeCall::QuadraticFunding(call) => matches!(
			call,
			pallet_quadratic_funding::Call::finalize_round { .. }
				| pallet_quadratic_funding::Call::claim { .. }
				| pallet_quadratic_funding::Call::refund { .. }
				| pallet_quadratic_funding::Call::reap_contributions { .. }
		),
		// Withdrawing the delegator's own endorsement, and removing a former person's: both
		// only return deposits to the endorser.
		RuntimeCall::Trust(call) => matches!(
			call,
			pallet_trust::Call::withdraw_endorsement { .. }
				| pallet_trust::Call::remove_stale { .. }
		),
		// A bounty's work (delivering, assigning as its curator, withdrawing an application,
		// which returns its deposit) and housekeeping that pays funds to whom they belong.
		RuntimeCall::BountyWork(call) => matches!(
			call,
			pallet_bounty_work::Call::withdraw_application { .. }
				| pallet_bounty_work::Call::assign { .. }
				| pallet_bounty_work::Call::dismiss { .. }
				| pallet_bounty_work::Call::unassign { .. }
				| pallet_bounty_work::Call::deliver { .. }
				| pallet_bounty_work::Call::claim { .. }
				| pallet_bounty_work::Call::expire { .. }
		),
		_ => false,
	}
}

impl InstanceFilter<RuntimeCall> for ProxyType {
	fn filter(&self, c: &RuntimeCall) -> bool {
		match self {
			ProxyType::Any => true,
			ProxyType::NonTransfer => is_non_transfer(c),
			ProxyType::CancelProxy => matches!(
				c,
				RuntimeCall::Proxy(pallet_proxy::Call::reject_announcement { .. })
					| RuntimeCall::Utility(..)
					| RuntimeCall::Multisig(..)
			),
			ProxyType::Governance => is_governance(c),
		}
	}

	fn is_superset(&self, o: &Self) -> bool {
		match (self, o) {
			(x, y) if x == y => true,
			(ProxyType::Any, _) => true,
			(_, ProxyType::Any) => false,
			// Every governance call is a non-transfer call; `CancelProxy` is not a subset
			// (it allows `Multisig` and `Proxy` calls).
			(ProxyType::NonTransfer, ProxyType::Governance) => true,
			_ => false,
		}
	}
}

parameter_types! {
	/// Deposit for having proxies: one item plus the 8-byte length prefix.
	pub const ProxyDepositBase: Balance = deposit(1, 8);
	/// Additional deposit per proxy (account + type = 33 bytes).
	pub const ProxyDepositFactor: Balance = deposit(0, 33);
	/// Deposit for announcing a time-delayed proxy call.
	pub const AnnouncementDepositBase: Balance = deposit(1, 8);
	/// Additional deposit per announcement (account + hash + block = 68 bytes).
	pub const AnnouncementDepositFactor: Balance = deposit(0, 68);
}

impl pallet_proxy::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type Currency = Balances;
	type ProxyType = ProxyType;
	type ProxyDepositBase = ProxyDepositBase;
	type ProxyDepositFactor = ProxyDepositFactor;
	type MaxProxies = ConstU32<32>;
	type WeightInfo = crate::weights::pallet_proxy::WeightInfo<Runtime>;
	type MaxPending = ConstU32<32>;
	type CallHasher = sp_runtime::traits::BlakeTwo256;
	type AnnouncementDepositBase = AnnouncementDepositBase;
	type AnnouncementDepositFactor = AnnouncementDepositFactor;
	type BlockNumberProvider = System;
}
