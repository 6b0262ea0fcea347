//! The referendum tracks, voting schemes and council electorate derived from the class table
//! and the seats: this pallet implements `pallet_referenda::TracksInfo`,
//! `ostrom_primitives::SchemeOf` and `ostrom_primitives::Members`.
//!
//! Class `c` has up to four tracks, `c · 4 + kind` (see [`kinds`]): its council's polls, its
//! community's polls, its override polls (the override house's track, approval floored at the
//! override's minimum) and its review polls (the council's track for vetoes, the community's
//! for appeals). A track is chosen by the origin of a poll's proposal, [`RawOrigin::House`].

use alloc::{borrow::Cow, vec::Vec};
use frame_system::pallet_prelude::BlockNumberFor;
use ostrom_primitives::{Members, SchemeOf};
use pallet_referenda::{Track, TrackInfo, TracksInfo};
use sp_runtime::Perbill;

use crate::{
	kinds, split_track, track_id, BalanceOf, ClassId, ClassInfoOf, Classes, Config, DomainId,
	Origin, Pallet, PalletsOriginOf, PollKind, RawOrigin, Scheme, Seats, MAX_CLASS_NAME_LEN,
};

/// A referendum track of this pallet.
pub type TrackOf<T> = Track<u16, BalanceOf<T>, BlockNumberFor<T>>;

/// The parameters of a referendum track of this pallet.
pub type TrackInfoOf<T> = TrackInfo<BalanceOf<T>, BlockNumberFor<T>>;

/// Length of a referendum track name.
const TRACK_NAME_LEN: usize = MAX_CLASS_NAME_LEN as usize;

/// The name of a track: the class name, shortened if needed, then `suffix`.
fn track_name(class_name: &[u8], suffix: &[u8]) -> [u8; TRACK_NAME_LEN] {
	let mut name = [0u8; TRACK_NAME_LEN];
	let room = TRACK_NAME_LEN.saturating_sub(suffix.len());
	let bytes = class_name.iter().take(room).chain(suffix.iter());
	for (slot, byte) in name.iter_mut().zip(bytes) {
		*slot = *byte;
	}
	name
}

/// The name suffix of the tracks of each poll kind.
fn suffix(kind: PollKind, rule: &crate::JointRule<impl Sized>) -> &'static [u8] {
	match (kind, rule) {
		(PollKind::Council, _) => b":council",
		(PollKind::Community, _) => b":community",
		(PollKind::Override, _) => b":override",
		(PollKind::Review, crate::JointRule::CommunityWithCouncilVeto { .. }) => b":veto",
		(PollKind::Review, _) => b":appeal",
	}
}

impl<T: Config> Pallet<T> {
	/// The track of poll kind `kind` of class `class`, if the class has such polls.
	pub fn track_info(class: ClassId, kind: PollKind) -> Option<TrackInfoOf<T>> {
		Classes::<T>::get(class).and_then(|info| Self::track_of(&info, kind))
	}

	/// The track of poll kind `kind` of the class `info`, if it has such polls.
	pub fn track_of(info: &ClassInfoOf<T>, kind: PollKind) -> Option<TrackInfoOf<T>> {
		let (track, _) = info.house_track(kind)?;
		let min_approval = match (kind, info.override_rule.as_ref()) {
			(kinds::OVERRIDE, Some(rule)) => track.min_approval.floored(rule.min_approval),
			_ => track.min_approval,
		};
		Some(TrackInfo {
			name: track_name(&info.name, suffix(kind, &info.rule)),
			max_deciding: track.max_deciding,
			decision_deposit: track.decision_deposit,
			prepare_period: track.prepare_period,
			decision_period: track.decision_period,
			confirm_period: track.confirm_period,
			min_enactment_period: track.min_enactment_period,
			min_approval: min_approval.into(),
			min_support: track.min_support.into(),
		})
	}

	/// Every track of every class, sorted by id (at most `4 · MaxClasses`).
	pub fn track_list() -> Vec<TrackOf<T>> {
		let mut tracks: Vec<TrackOf<T>> = Classes::<T>::iter()
			.flat_map(|(class, info)| {
				PollKind::ALL
					.into_iter()
					.filter_map(|kind| {
						Self::track_of(&info, kind)
							.map(|track| Track { id: track_id(class, kind), info: track })
					})
					.collect::<Vec<_>>()
			})
			.collect();
		tracks.sort_by_key(|track| track.id);
		tracks
	}

	/// The track a poll whose proposal has origin `origin` runs on: [`RawOrigin::House`] of an
	/// existing track; `None` for [`RawOrigin::Class`] (decisions are not polls).
	pub fn track_for_origin(origin: &Origin<T>) -> Option<u16> {
		match *origin {
			RawOrigin::House { class, kind } => Classes::<T>::get(class)
				.is_some_and(|info| info.house_track(kind).is_some())
				.then(|| track_id(class, kind)),
			RawOrigin::Class(_) | RawOrigin::Opening(_) => None,
		}
	}

	/// The scheme polls of track `track` are counted in. Unknown tracks count as council polls
	/// (the narrowest electorate).
	pub fn scheme_of_track(track: u16) -> Scheme {
		split_track(track)
			.and_then(|(class, kind)| Classes::<T>::get(class)?.scheme_of(kind))
			.unwrap_or(Scheme::Council)
	}

	/// The reputation weights of track `track`: its class's community weights if the track is
	/// counted in the reputation scheme, else none.
	pub fn reputation_weights_of_track(track: u16) -> Vec<(DomainId, Perbill)> {
		let Some((class, kind)) = split_track(track) else { return Vec::new() };
		let Some(info) = Classes::<T>::get(class) else { return Vec::new() };
		match (info.scheme_of(kind), info.community) {
			(Some(Scheme::Reputation), Some(community)) => {
				community.reputation_weights.into_inner()
			},
			_ => Vec::new(),
		}
	}
}

impl<T: Config> TracksInfo<BalanceOf<T>, BlockNumberFor<T>> for Pallet<T>
where
	for<'a> &'a PalletsOriginOf<T>: TryInto<&'a Origin<T>>,
{
	type Id = u16;
	type RuntimeOrigin = PalletsOriginOf<T>;

	fn tracks() -> impl Iterator<Item = Cow<'static, TrackOf<T>>> {
		Self::track_list().into_iter().map(Cow::<'static, TrackOf<T>>::Owned)
	}

	fn track_for(origin: &Self::RuntimeOrigin) -> Result<u16, ()> {
		match origin.try_into() {
			Ok(origin) => Self::track_for_origin(origin).ok_or(()),
			// `pallet-referenda`'s benchmarks submit their referenda with a `Root` proposal
			// origin; in benchmark builds only, any origin that is not the constitution's runs on
			// the first track, so that they can measure it.
			#[cfg(feature = "runtime-benchmarks")]
			Err(_) => Self::track_list().first().map(|track| track.id).ok_or(()),
			#[cfg(not(feature = "runtime-benchmarks"))]
			Err(_) => Err(()),
		}
	}

	fn info(id: u16) -> Option<Cow<'static, TrackInfoOf<T>>> {
		let (class, kind) = split_track(id)?;
		Self::track_info(class, kind).map(Cow::<'static, TrackInfoOf<T>>::Owned)
	}
}

impl<T: Config> SchemeOf<u16> for Pallet<T> {
	fn scheme(class: &u16) -> Scheme {
		Self::scheme_of_track(*class)
	}

	fn reputation_weights(class: &u16) -> Vec<(DomainId, Perbill)> {
		Self::reputation_weights_of_track(*class)
	}
}

impl<T: Config> Members<T::AccountId> for Pallet<T> {
	fn is_member(who: &T::AccountId) -> bool {
		Self::is_seated(who)
	}

	fn member_count() -> u32 {
		let now = frame_system::Pallet::<T>::block_number();
		let active = Seats::<T>::get().iter().filter(|seat| seat.term_end > now).count();
		u32::try_from(active).unwrap_or(u32::MAX)
	}

	/// Seats `who` until the end of time, bypassing the seat rules (if a seat is free).
	#[cfg(feature = "runtime-benchmarks")]
	fn make_member(who: &T::AccountId) {
		use sp_runtime::traits::Bounded;
		Seats::<T>::mutate(|seats| {
			if let Err(at) = seats.binary_search_by(|seat| seat.member.cmp(who)) {
				let seat =
					crate::Seat { member: who.clone(), term_end: BlockNumberFor::<T>::max_value() };
				let _ = seats.try_insert(at, seat);
			}
		});
	}
}
