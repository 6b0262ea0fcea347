//! The traits through which the runtime configures this pallet and other pallets use it,
//! defined in `ostrom-primitives` (this pallet implements [`DelegationCount`], [`Recusal`] and
//! [`CouncilBallots`]; the constitution implements [`SchemeOf`] and [`Members`]).

pub use ostrom_primitives::{CouncilBallots, DelegationCount, Members, Recusal, SchemeOf};
