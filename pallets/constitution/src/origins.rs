//! `EnsureOrigin` implementations for the origins of this pallet, so that the runtime can let
//! classes do things (e.g. `type SpendOrigin = MapSuccess<EnsureClass<ConstU8<SMALL_SPEND>>,
//! …>` in the treasury, `type SlashOrigin = EnsureClass<ConstU8<TAKEDOWN>>` in reputation),
//! and the origin an approved decision is dispatched with.

use core::marker::PhantomData;
use frame_support::traits::{EnsureOrigin, Get};
use frame_system::RawOrigin;

use crate::{ClassId, DispatchAs, Origin};

/// Accepts [`Origin::Class`] of the class `Id::get()`: an approved decision of that class.
pub struct EnsureClass<Id>(PhantomData<Id>);

impl<O, Id> EnsureOrigin<O> for EnsureClass<Id>
where
	O: Into<Result<Origin, O>> + From<Origin>,
	Id: Get<ClassId>,
{
	type Success = ();

	fn try_origin(o: O) -> Result<Self::Success, O> {
		o.into().and_then(|origin| match origin {
			Origin::Class(class) if class == Id::get() => Ok(()),
			other => Err(O::from(other)),
		})
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn try_successful_origin() -> Result<O, ()> {
		Ok(O::from(Origin::Class(Id::get())))
	}
}

/// Accepts [`Origin::Class`] of any class, succeeding with the class.
pub struct EnsureAnyClass;

impl<O> EnsureOrigin<O> for EnsureAnyClass
where
	O: Into<Result<Origin, O>> + From<Origin>,
{
	type Success = ClassId;

	fn try_origin(o: O) -> Result<Self::Success, O> {
		o.into().and_then(|origin| match origin {
			Origin::Class(class) => Ok(class),
			other => Err(O::from(other)),
		})
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn try_successful_origin() -> Result<O, ()> {
		Ok(O::from(Origin::Class(0)))
	}
}

/// Accepts [`Origin::House`], succeeding with `(class, kind)`: an approved poll this pallet
/// opened.
pub struct EnsureHouse;

impl<O> EnsureOrigin<O> for EnsureHouse
where
	O: Into<Result<Origin, O>> + From<Origin>,
{
	type Success = (ClassId, u8);

	fn try_origin(o: O) -> Result<Self::Success, O> {
		o.into().and_then(|origin| match origin {
			Origin::House { class, kind } => Ok((class, kind)),
			other => Err(O::from(other)),
		})
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn try_successful_origin() -> Result<O, ()> {
		Ok(O::from(Origin::House { class: 0, kind: 0 }))
	}
}

/// The caller an approved decision of `class` is dispatched with: Root, or
/// [`Origin::Class`]`(class)`. For the runtime's [`crate::Enactor`], with `Caller` its
/// `OriginCaller`.
pub fn enactment_origin<Caller, AccountId>(dispatch: DispatchAs, class: ClassId) -> Caller
where
	Caller: From<Origin> + From<RawOrigin<AccountId>>,
{
	match dispatch {
		DispatchAs::Root => Caller::from(RawOrigin::Root),
		DispatchAs::Class => Caller::from(Origin::Class(class)),
	}
}
