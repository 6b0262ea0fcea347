//! The web of trust (DESIGN §11, issue 18): persons endorse other accounts with a weight, each
//! endorsement bounded in number and paid by a deposit; the MeritRank tool reads the graph and
//! publishes merit in the `merit` reputation domain.
//!
//! Personhood is `pallet-reputation`'s credential: only persons endorse, and anyone may remove
//! the endorsements of an account that is no longer one.

use frame_support::{parameter_types, traits::ConstU32};

use crate::{
	currency::deposit, Balance, Balances, Reputation, Runtime, RuntimeEvent, RuntimeHoldReason,
};

/// Most endorsements one person keeps at a time.
pub const MAX_ENDORSEMENTS: u32 = 32;

/// Encoded size of an endorsement (a 32-byte account and a one-byte weight).
pub const ENDORSEMENT_BYTES: u32 = 33;

parameter_types! {
	/// Deposit per endorsement, by the runtime's storage formula: one item plus its 33 bytes
	/// (0.133 OSTR), returned when the endorsement is withdrawn or removed.
	pub const EndorsementDeposit: Balance = deposit(1, ENDORSEMENT_BYTES);
}

impl pallet_trust::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = crate::weights::pallet_trust::WeightInfo<Runtime>;
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	/// A person is an account with a valid personhood credential.
	type Personhood = Reputation;
	type MaxEndorsements = ConstU32<MAX_ENDORSEMENTS>;
	type EndorsementDeposit = EndorsementDeposit;
}
