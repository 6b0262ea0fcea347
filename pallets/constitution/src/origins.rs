//! `EnsureOrigin` implementations for the origins of this pallet, so that the runtime can let
//! classes do things (e.g. `type SpendOrigin = MapSuccess<EnsureClass<ConstU8<SMALL_SPEND>>,
//! …>` in the treasury, `type SlashOrigin = EnsureClass<ConstU8<TAKEDOWN>>` in reputation),
//! the origin an approved decision is dispatched with, and the origin `pallet-referenda`'s
//! `submit` accepts ([`EnsureOpening`]).

use core::marker::PhantomData;
use frame_support::traits::{EnsureOrigin, EnsureOriginWithArg, Get, OriginTrait};
use frame_system::RawOrigin as SystemOrigin;

use crate::{ClassId, DispatchAs, PollKind, RawOrigin};

/// The pallet origin of the overarching origin `O` (whose accounts are `O::AccountId`).
type PalletOrigin<O> = RawOrigin<<O as OriginTrait>::AccountId>;

/// Accepts [`RawOrigin::Class`] of the class `Id::get()`: an approved decision of that class.
pub struct EnsureClass<Id>(PhantomData<Id>);

impl<O, Id> EnsureOrigin<O> for EnsureClass<Id>
where
	O: OriginTrait + Into<Result<PalletOrigin<O>, O>> + From<PalletOrigin<O>>,
	Id: Get<ClassId>,
{
	type Success = ();

	fn try_origin(o: O) -> Result<Self::Success, O> {
		o.into().and_then(|origin| match origin {
			RawOrigin::Class(class) if class == Id::get() => Ok(()),
			other => Err(O::from(other)),
		})
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn try_successful_origin() -> Result<O, ()> {
		Ok(O::from(RawOrigin::Class(Id::get())))
	}
}

/// Accepts [`RawOrigin::Class`] of any class, succeeding with the class.
pub struct EnsureAnyClass;

impl<O> EnsureOrigin<O> for EnsureAnyClass
where
	O: OriginTrait + Into<Result<PalletOrigin<O>, O>> + From<PalletOrigin<O>>,
{
	type Success = ClassId;

	fn try_origin(o: O) -> Result<Self::Success, O> {
		o.into().and_then(|origin| match origin {
			RawOrigin::Class(class) => Ok(class),
			other => Err(O::from(other)),
		})
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn try_successful_origin() -> Result<O, ()> {
		Ok(O::from(RawOrigin::Class(0)))
	}
}

/// Accepts [`RawOrigin::House`], succeeding with `(class, kind)`: an approved poll this pallet
/// opened.
pub struct EnsureHouse;

impl<O> EnsureOrigin<O> for EnsureHouse
where
	O: OriginTrait + Into<Result<PalletOrigin<O>, O>> + From<PalletOrigin<O>>,
{
	type Success = (ClassId, PollKind);

	fn try_origin(o: O) -> Result<Self::Success, O> {
		o.into().and_then(|origin| match origin {
			RawOrigin::House { class, kind } => Ok((class, kind)),
			other => Err(O::from(other)),
		})
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn try_successful_origin() -> Result<O, ()> {
		Ok(O::from(RawOrigin::House { class: 0, kind: PollKind::Council }))
	}
}

/// `pallet-referenda`'s `SubmitOrigin`: accepts only [`RawOrigin::Opening`], the constitution
/// opening a poll, whatever the proposal's origin, succeeding with the account that pays the
/// submission deposit. A signed `referenda.submit` fails with `BadOrigin`: proposals go through
/// the constitution, which opens the polls their class needs.
pub struct EnsureOpening;

impl<O, Arg> EnsureOriginWithArg<O, Arg> for EnsureOpening
where
	O: OriginTrait + Into<Result<PalletOrigin<O>, O>> + From<PalletOrigin<O>>,
	O::AccountId: codec::Decode,
{
	type Success = O::AccountId;

	fn try_origin(o: O, _: &Arg) -> Result<Self::Success, O> {
		o.into().and_then(|origin| match origin {
			RawOrigin::Opening(payer) => Ok(payer),
			other => Err(O::from(other)),
		})
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn try_successful_origin(_: &Arg) -> Result<O, ()> {
		let payer: O::AccountId = frame_benchmarking::whitelisted_caller();
		Ok(O::from(RawOrigin::Opening(payer)))
	}
}

/// The caller an approved decision of `class` is dispatched with: Root, or
/// [`RawOrigin::Class`]`(class)`. For the runtime's [`crate::Enactor`], with `Caller` its
/// `OriginCaller`.
pub fn enactment_origin<Caller, AccountId>(dispatch: DispatchAs, class: ClassId) -> Caller
where
	Caller: From<RawOrigin<AccountId>> + From<SystemOrigin<AccountId>>,
{
	match dispatch {
		DispatchAs::Root => Caller::from(SystemOrigin::Root),
		DispatchAs::Class => Caller::from(RawOrigin::Class(class)),
	}
}
