//! The traits through which other pallets (voting, constitution, quadratic funding) use
//! reputation and personhood, defined in `ostrom-primitives` so that they depend on it rather
//! than on this pallet; this pallet implements them (see [`crate::Pallet`]).

pub use ostrom_primitives::{
	OnCredentialRemoved, OnReputationSlashed, PersonhoodProvider, ReputationProvider,
	ReputationSlasher,
};
