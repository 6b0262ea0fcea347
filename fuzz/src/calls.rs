//! Random calls: which pallet, which call, which arguments and which origin.
//!
//! Arguments are drawn from small domains (the signer pool, the indices the chain has handed out
//! so far plus one past them, a handful of artifact hashes, domain and class ids, amounts around
//! the interesting boundaries), so that most calls reach deep into their pallet's logic instead
//! of failing on a bad index; enums and structs without accounts are decoded from random bytes.

use codec::Encode;
use frame_support::traits::{Bounded, BoundedInline};
use ostrom_runtime::{
	configs::constitution::classes, currency::UNIT, AccountId, Runtime, RuntimeCall,
};
use pallet_artifacts::ContentHash;
use pallet_constitution::kinds;

/// The constitution's origin in the runtime.
type ConstitutionOrigin = pallet_constitution::Origin<Runtime>;
use pallet_voting::{AccountVote, Direction};
use sp_runtime::{MultiAddress, Perbill};

use crate::Rng;

/// The shortest application or contribution period of a funding round the runtime accepts.
fn min_round_period() -> u32 {
	<Runtime as pallet_quadratic_funding::Config>::MinPeriod::get()
}

/// Who makes a call.
#[derive(Clone, Debug)]
pub enum Actor {
	/// Signer `i` of the pool, through the transaction pipeline (fees, nonce, weight, filters).
	Signed(usize),
	/// A governance origin, as an approved decision or a poll's proposal dispatches.
	Governance(ConstitutionOrigin),
}

/// What the chain has handed out so far, read before each call.
pub struct World {
	accounts: Vec<AccountId>,
	referenda: u32,
	decisions: u32,
	challenges: u32,
	measures: u32,
	rounds: u32,
	spends: u32,
	attestations: u64,
	bounties: u32,
	classes: Vec<u8>,
}

impl World {
	/// Reads the counters of the chain.
	pub fn read(accounts: &[AccountId]) -> Self {
		Self {
			accounts: accounts.to_vec(),
			referenda: pallet_referenda::ReferendumCount::<Runtime>::get(),
			decisions: pallet_constitution::NextDecisionId::<Runtime>::get(),
			challenges: pallet_constitution::NextChallengeId::<Runtime>::get(),
			measures: pallet_guardians::NextMeasureId::<Runtime>::get(),
			rounds: pallet_quadratic_funding::RoundCount::<Runtime>::get(),
			spends: pallet_treasury::SpendCount::<Runtime>::get(),
			attestations: pallet_reputation::NextAttestationId::<Runtime>::get(),
			bounties: pallet_multi_asset_bounties::BountyCount::<Runtime>::get(),
			classes: pallet_constitution::Classes::<Runtime>::iter_keys().collect(),
		}
	}
}

/// The artifact hashes calls name: a small set, so registrations, attestations and stage changes
/// meet each other.
fn artifact(rng: &mut Rng) -> ContentHash {
	let n = rng.below(6) as u8;
	if n.is_multiple_of(2) {
		ContentHash::Sha2_256([n; 32])
	} else {
		ContentHash::Blake2_256([n; 32])
	}
}

/// An amount: mostly ordinary sums, sometimes the interesting boundaries (zero, one, the
/// existential deposit and one below it, most of an endowment, the maximum).
fn amount(rng: &mut Rng) -> u128 {
	match rng.below(20) {
		0 => 0,
		1 => 1,
		2 => 10_000_000_000 - 1,
		3 => 10_000_000_000,
		4..=13 => UNIT * (1 + rng.below(20) as u128),
		14..=16 => UNIT * 1_000 * (1 + rng.below(20) as u128),
		17 => UNIT * 900_000,
		18 => u128::MAX,
		_ => rng.next_u64() as u128,
	}
}

/// An index among the `n` handed out so far, or one past them.
fn index(rng: &mut Rng, n: u32) -> u32 {
	if n == 0 || rng.chance(10) {
		n
	} else {
		rng.below(n as u64) as u32
	}
}

fn hash(rng: &mut Rng) -> sp_core::H256 {
	sp_core::H256::repeat_byte(rng.below(4) as u8)
}

impl World {
	fn account(&self, rng: &mut Rng) -> AccountId {
		rng.pick(&self.accounts).clone()
	}

	fn address(&self, rng: &mut Rng) -> MultiAddress<AccountId, ()> {
		MultiAddress::Id(self.account(rng))
	}

	fn class(&self, rng: &mut Rng) -> u8 {
		if self.classes.is_empty() || rng.chance(5) {
			rng.below(16) as u8
		} else {
			*rng.pick(&self.classes)
		}
	}

	/// A voting class (a referendum track): `class · 4 + kind`.
	fn track(&self, rng: &mut Rng) -> u16 {
		self.class(rng) as u16 * 4 + rng.below(4) as u16
	}
}

/// A random call and who makes it.
pub fn generate(rng: &mut Rng, world: &World) -> (Actor, RuntimeCall) {
	let signer = rng.below(world.accounts.len() as u64) as usize;
	// One call in eight comes from a governance origin.
	if rng.chance(12) {
		let (origin, call) = governance_call(rng, world);
		return (Actor::Governance(origin), call);
	}
	(Actor::Signed(signer), signed_call(rng, world, 0))
}

/// A call a signed account makes; `depth` limits nesting (batches, proxies, multisig).
fn signed_call(rng: &mut Rng, w: &World, depth: u8) -> RuntimeCall {
	// Weights: Ostrom's pallets are called most.
	let pick = rng.below(100);
	match pick {
		0..=17 => voting(rng, w),
		18..=25 => constitution(rng, w),
		26..=29 => guardians(rng, w),
		30..=41 => reputation(rng, w),
		42..=53 => artifacts(rng, w),
		54..=65 => funding(rng, w),
		66..=71 => balances(rng, w),
		72..=73 => trust(rng, w),
		74..=75 => bounty_work(rng, w),
		76..=79 if depth == 0 => utility(rng, w),
		80..=83 if depth == 0 => proxy(rng, w),
		84..=85 if depth == 0 => multisig(rng, w),
		86..=89 => preimage(rng, w),
		90..=93 => treasury(rng, w),
		94..=97 => referenda(rng, w),
		_ => RuntimeCall::System(frame_system::Call::remark { remark: rng.small_bytes(8) }),
	}
}

fn balances(rng: &mut Rng, w: &World) -> RuntimeCall {
	use pallet_balances::Call;
	RuntimeCall::Balances(match rng.below(10) {
		0..=5 => Call::transfer_keep_alive { dest: w.address(rng), value: amount(rng) },
		6..=8 => Call::transfer_allow_death { dest: w.address(rng), value: amount(rng) },
		_ => Call::transfer_all { dest: w.address(rng), keep_alive: rng.chance(50) },
	})
}

fn utility(rng: &mut Rng, w: &World) -> RuntimeCall {
	use pallet_utility::Call;
	let calls = (0..1 + rng.below(3)).map(|_| signed_call(rng, w, 1)).collect();
	RuntimeCall::Utility(match rng.below(3) {
		0 => Call::batch { calls },
		1 => Call::batch_all { calls },
		_ => Call::force_batch { calls },
	})
}

fn proxy(rng: &mut Rng, w: &World) -> RuntimeCall {
	use pallet_proxy::Call;
	let proxy_type = rng.any().unwrap_or_default();
	RuntimeCall::Proxy(match rng.below(4) {
		0 => Call::add_proxy { delegate: w.address(rng), proxy_type, delay: 0 },
		1 => Call::remove_proxy { delegate: w.address(rng), proxy_type, delay: 0 },
		2 => Call::remove_proxies {},
		_ => Call::proxy {
			real: w.address(rng),
			force_proxy_type: None,
			call: Box::new(signed_call(rng, w, 1)),
		},
	})
}

fn multisig(rng: &mut Rng, w: &World) -> RuntimeCall {
	let mut others: Vec<AccountId> = (0..1 + rng.below(2)).map(|_| w.account(rng)).collect();
	others.sort();
	others.dedup();
	RuntimeCall::Multisig(pallet_multisig::Call::as_multi_threshold_1 {
		other_signatories: others,
		call: Box::new(signed_call(rng, w, 1)),
	})
}

fn preimage(rng: &mut Rng, w: &World) -> RuntimeCall {
	use pallet_preimage::Call;
	// The preimages of calls that decisions propose by hash.
	let bytes = decision_call(rng, w).encode();
	RuntimeCall::Preimage(match rng.below(2) {
		0 => Call::note_preimage { bytes },
		_ => Call::unnote_preimage { hash: sp_io::hashing::blake2_256(&bytes).into() },
	})
}

fn treasury(rng: &mut Rng, w: &World) -> RuntimeCall {
	use pallet_treasury::Call;
	let index = index(rng, w.spends);
	RuntimeCall::Treasury(match rng.below(2) {
		0 => Call::payout { index },
		_ => Call::check_status { index },
	})
}

fn referenda(rng: &mut Rng, w: &World) -> RuntimeCall {
	use pallet_referenda::Call;
	let index = index(rng, w.referenda);
	RuntimeCall::Referenda(match rng.below(4) {
		0 => Call::place_decision_deposit { index },
		1 => Call::refund_decision_deposit { index },
		2 => Call::refund_submission_deposit { index },
		_ => Call::submit {
			proposal_origin: Box::new(
				ConstitutionOrigin::House { class: w.class(rng), kind: poll_kind(rng) }.into(),
			),
			proposal: inline(&RuntimeCall::System(frame_system::Call::remark { remark: vec![] })),
			enactment_moment: frame_support::traits::schedule::DispatchTime::After(1),
		},
	})
}

fn voting(rng: &mut Rng, w: &World) -> RuntimeCall {
	use pallet_voting::Call;
	let poll_index = index(rng, w.referenda);
	let direction =
		*rng.pick(&[Direction::Aye, Direction::Aye, Direction::Nay, Direction::Abstain]);
	RuntimeCall::Voting(match rng.below(10) {
		0..=4 => Call::vote {
			poll_index,
			vote: match rng.below(4) {
				// Quadratic votes are small numbers; token votes are balances.
				0 => AccountVote::Standard { direction, amount: 1 + rng.below(12) as u128 },
				1 => AccountVote::Standard { direction, amount: amount(rng) },
				2 => {
					AccountVote::Split { aye: amount(rng), nay: amount(rng), abstain: amount(rng) }
				},
				_ => AccountVote::Own(direction),
			},
		},
		5 => Call::remove_vote {
			class: if rng.chance(50) { Some(w.track(rng)) } else { None },
			poll_index,
		},
		6 => Call::remove_other_vote { target: w.address(rng), class: w.track(rng), poll_index },
		7 => Call::delegate { class: w.track(rng), to: w.address(rng), amount: amount(rng) },
		8 => Call::undelegate { class: w.track(rng) },
		_ if rng.chance(50) => {
			Call::refresh_delegation { who: w.address(rng), class: w.track(rng) }
		},
		_ => Call::unlock { class: w.track(rng), target: w.address(rng) },
	})
}

/// A call a decision may carry: mostly calls its class may dispatch, sometimes anything.
fn decision_call(rng: &mut Rng, w: &World) -> RuntimeCall {
	match rng.below(6) {
		0 => RuntimeCall::Treasury(pallet_treasury::Call::spend {
			asset_kind: Box::new(()),
			amount: amount(rng),
			beneficiary: Box::new(w.account(rng)),
			valid_from: None,
		}),
		1 => RuntimeCall::Reputation(pallet_reputation::Call::add_domain {
			domain: rng.below(8) as u16,
			name: b"fuzz".to_vec().try_into().expect("short name"),
			half_life: 1 + rng.below(1_000) as u32,
		}),
		2 => governance_call(rng, w).1,
		3 => RuntimeCall::System(frame_system::Call::remark { remark: rng.small_bytes(4) }),
		4 => RuntimeCall::Constitution(pallet_constitution::Call::seat { who: w.account(rng) }),
		_ => RuntimeCall::QuadraticFunding(pallet_quadratic_funding::Call::create_round {
			pool: amount(rng),
			application_period: 1 + rng.below(20) as u32,
			contribution_period: 1 + rng.below(20) as u32,
			cap: Perbill::from_percent(rng.below(101) as u32),
			min_contribution: amount(rng) % (10 * UNIT),
		}),
	}
}

fn inline(call: &RuntimeCall) -> pallet_constitution::BoundedCallOf<Runtime> {
	Bounded::Inline(BoundedInline::truncate_from(call.encode()))
}

fn constitution(rng: &mut Rng, w: &World) -> RuntimeCall {
	use pallet_constitution::Call;
	let decision = index(rng, w.decisions);
	RuntimeCall::Constitution(match rng.below(10) {
		0..=2 => {
			let call = decision_call(rng, w);
			let bounded = if rng.chance(75) {
				inline(&call)
			} else {
				let bytes = call.encode();
				Bounded::Lookup {
					hash: sp_io::hashing::blake2_256(&bytes).into(),
					len: bytes.len() as u32,
				}
			};
			Call::propose { class: w.class(rng), call: bounded }
		},
		3..=4 => Call::advance { decision },
		5 => Call::appeal { decision },
		6 => Call::declare_conflict { poll: index(rng, w.referenda) },
		7 => Call::challenge_conflict {
			poll: index(rng, w.referenda),
			member: w.account(rng),
			evidence: hash(rng),
		},
		8 => Call::advance_challenge { challenge: index(rng, w.challenges) },
		_ => Call::purge_expired_seats {},
	})
}

fn guardians(rng: &mut Rng, w: &World) -> RuntimeCall {
	use pallet_guardians::{Call, Measure};
	RuntimeCall::Guardians(match rng.below(3) {
		0..=1 => Call::take_measure {
			measure: match rng.below(4) {
				0 => Measure::SuspendArtifact(artifact(rng)),
				1 => Measure::SafeMode,
				2 => Measure::PauseCall {
					pallet: rng
						.pick(&[&b"Balances"[..], b"Proxy", b"Voting", b"Artifacts"])
						.to_vec()
						.try_into()
						.expect("short name"),
					call: rng
						.pick(&[&b"transfer_keep_alive"[..], b"add_proxy", b"vote", b"register"])
						.to_vec()
						.try_into()
						.expect("short name"),
				},
				_ => Measure::HoldDecision(index(rng, w.decisions)),
			},
			reason: hash(rng),
			duration: rng.below(40) as u32,
		},
		_ => Call::lift_measure { id: index(rng, w.measures) },
	})
}

fn reputation(rng: &mut Rng, w: &World) -> RuntimeCall {
	use pallet_reputation::Call;
	let domain = rng.below(6) as u16;
	RuntimeCall::Reputation(match rng.below(7) {
		0..=2 => Call::attest {
			subject: w.account(rng),
			domain,
			points: amount(rng) % 2_000,
			evidence: hash(rng),
		},
		3 => Call::revoke { id: index(rng, w.attestations as u32) as u64 },
		4 => Call::reap_score { who: w.account(rng), domain },
		5 => Call::issue_credential {
			who: w.account(rng),
			// A few persons, so that key rotations and clashes happen.
			person: rng.below(6),
			expires_at: frame_system::Pallet::<Runtime>::block_number() + rng.below(200) as u32,
		},
		_ if rng.chance(50) => Call::revoke_credential { who: w.account(rng) },
		_ => Call::purge_credential { who: w.account(rng) },
	})
}

fn trust(rng: &mut Rng, w: &World) -> RuntimeCall {
	use pallet_trust::Call;
	let to = w.account(rng);
	RuntimeCall::Trust(match rng.below(6) {
		// Weights around the bounds of 1..=100, mostly valid.
		0..=2 => Call::endorse { to, weight: *rng.pick(&[0, 1, 2, 50, 99, 100, 101, u8::MAX]) },
		3..=4 => Call::withdraw_endorsement { to },
		_ => Call::remove_stale { endorser: to },
	})
}

fn bounty_work(rng: &mut Rng, w: &World) -> RuntimeCall {
	use pallet_bounty_work::Call;
	let bounty = index(rng, w.bounties);
	RuntimeCall::BountyWork(match rng.below(10) {
		0..=2 => Call::apply { bounty },
		3 => Call::withdraw_application { bounty },
		4..=5 => Call::deliver { bounty, artifact: artifact(rng) },
		6..=7 => Call::claim { bounty },
		8 => Call::expire { bounty },
		// A curator's calls (a signer is sometimes the curator the decision named).
		_ => match rng.below(3) {
			0 => Call::assign { bounty, who: w.address(rng) },
			1 => Call::dismiss { bounty, who: w.address(rng) },
			_ => Call::unassign { bounty },
		},
	})
}

fn artifacts(rng: &mut Rng, w: &World) -> RuntimeCall {
	use pallet_artifacts::Call;
	let hash = artifact(rng);
	RuntimeCall::Artifacts(match rng.below(6) {
		0..=1 => Call::register {
			hash,
			kind: rng.any().unwrap_or(pallet_artifacts::ArtifactKind::Model),
			name: b"model".to_vec(),
			version: vec![b'0' + rng.below(10) as u8],
			size: rng.next_u64() % 1_000_000,
			uri: None,
			licence: rng.pick(&[&b"MIT"[..], b"CC-BY-4.0", b"", b"not a licence"]).to_vec(),
			parents: (0..rng.below(3))
				.map(|_| {
					(artifact(rng), rng.any().unwrap_or(pallet_artifacts::Relation::DerivedFrom))
				})
				.collect(),
		},
		2..=3 => match rng.any() {
			Some(kind) => Call::attest { hash, kind },
			None => Call::retract { hash },
		},
		4 => match rng.any() {
			Some(kind) if rng.chance(50) => Call::revoke_attestation { hash, kind },
			Some(kind) => Call::remove_attestation { hash, attester: w.account(rng), kind },
			None => Call::retract { hash },
		},
		_ => Call::retract { hash },
	})
}

fn funding(rng: &mut Rng, w: &World) -> RuntimeCall {
	use pallet_quadratic_funding::Call;
	let round = index(rng, w.rounds);
	let project = rng.below(4) as u32;
	RuntimeCall::QuadraticFunding(match rng.below(8) {
		0..=1 => {
			Call::apply { round, recipient: w.account(rng), description: hash(rng), artifact: None }
		},
		2..=3 => Call::contribute { round, project, amount: amount(rng) % (100 * UNIT) },
		4 => Call::finalize_round { round },
		5 => Call::claim { round, project },
		6 => Call::refund { round, project, contributor: w.account(rng) },
		_ => Call::reap_contributions { round, project },
	})
}

/// A call dispatched with a governance origin: mostly the class that governs it, sometimes
/// another class or a house's origin (which must be refused).
fn governance_call(rng: &mut Rng, w: &World) -> (ConstitutionOrigin, RuntimeCall) {
	let (right_class, call) = match rng.below(11) {
		9 => (classes::MEDIUM_SPEND, bounty_open(rng, w)),
		10 => (classes::RELEASE_GATE, bounty_admin(rng, w)),
		0 => (classes::PARAMETER_CHANGE, reputation_admin(rng, w)),
		1 => (classes::TAKEDOWN, artifact_admin(rng, w)),
		2 => (classes::RELEASE_GATE, release(rng)),
		3 | 8 => (classes::BIG_SPEND, funding_admin(rng, w)),
		4 => (classes::EMERGENCY_RATIFICATION, ratification(rng, w)),
		5 => (classes::AMENDMENT, amendment(rng, w)),
		6 => (classes::COUNCIL_SEATING, seating(rng, w)),
		_ => (
			classes::MEDIUM_SPEND,
			RuntimeCall::Treasury(pallet_treasury::Call::spend {
				asset_kind: Box::new(()),
				amount: amount(rng),
				beneficiary: Box::new(w.account(rng)),
				valid_from: None,
			}),
		),
	};
	let origin = match rng.below(10) {
		0..=6 => ConstitutionOrigin::Class(right_class),
		7 => ConstitutionOrigin::Class(w.class(rng)),
		_ => ConstitutionOrigin::House { class: w.class(rng), kind: poll_kind(rng) },
	};
	// The houses' own proposals: recording an outcome is accepted only for an approved poll.
	if rng.chance(15) {
		let house = ConstitutionOrigin::House {
			class: w.class(rng),
			kind: *rng.pick(&[kinds::COUNCIL, kinds::COMMUNITY, kinds::OVERRIDE, kinds::REVIEW]),
		};
		let call = if rng.chance(70) {
			pallet_constitution::Call::record_outcome { decision: index(rng, w.decisions) }
		} else {
			pallet_constitution::Call::record_challenge { challenge: index(rng, w.challenges) }
		};
		return (house, RuntimeCall::Constitution(call));
	}
	(origin, call)
}

/// Opening a bounty: mostly valid (one to three milestones of a few OSTR, a curator from the
/// pool, no fee or a small one, accepted by the release-gate class), sometimes at the
/// boundaries (no milestone, a zero or huge amount, a fee without a curator or above the cap, an
/// unknown class, a zero or endless duration), sometimes upgrade-tied.
fn bounty_open(rng: &mut Rng, w: &World) -> RuntimeCall {
	let valid = rng.chance(70);
	let milestones = if valid {
		(0..1 + rng.below(3)).map(|_| UNIT * (1 + rng.below(20) as u128)).collect::<Vec<_>>()
	} else {
		(0..rng.below(4)).map(|_| amount(rng)).collect()
	};
	let curator = (valid || rng.chance(50)).then(|| w.address(rng));
	RuntimeCall::BountyWork(pallet_bounty_work::Call::open {
		title: pallet_bounty_work::TitleOf::<Runtime>::truncate_from(rng.small_bytes(16)),
		spec: [rng.below(4) as u8; 32],
		milestones: pallet_bounty_work::MilestonesOf::<Runtime>::truncate_from(milestones),
		curator,
		curator_fee: if valid { *rng.pick(&[0, 0, UNIT]) } else { amount(rng) },
		accept_class: if valid { classes::RELEASE_GATE } else { w.class(rng) },
		upgrade: rng.chance(30),
		duration: if valid { 200 } else { *rng.pick(&[0, 1, 20, u32::MAX]) },
	})
}

/// The acceptance class's calls on a bounty.
fn bounty_admin(rng: &mut Rng, w: &World) -> RuntimeCall {
	use pallet_bounty_work::Call;
	let bounty = index(rng, w.bounties);
	RuntimeCall::BountyWork(match rng.below(5) {
		0..=1 => Call::accept { bounty },
		2 => Call::assign { bounty, who: w.address(rng) },
		3 => Call::dismiss { bounty, who: w.address(rng) },
		_ => Call::close { bounty },
	})
}

fn reputation_admin(rng: &mut Rng, w: &World) -> RuntimeCall {
	use pallet_reputation::Call;
	let domain = rng.below(7) as u16;
	RuntimeCall::Reputation(match rng.below(8) {
		0 => Call::add_domain {
			domain,
			name: b"fuzz".to_vec().try_into().expect("short name"),
			half_life: rng.below(2_000) as u32,
		},
		1 => Call::update_domain { domain, name: None, half_life: Some(rng.below(2_000) as u32) },
		2 => Call::remove_domain { domain },
		3 => Call::set_attester {
			domain,
			attester: w.account(rng),
			max_per_attestation: amount(rng) % 5_000,
			rate_limit: amount(rng) % 50_000,
		},
		4 => Call::remove_attester { domain, attester: w.account(rng) },
		5 => Call::slash {
			who: w.account(rng),
			domain: if rng.chance(50) { Some(domain) } else { None },
			fraction: Perbill::from_percent(rng.below(101) as u32),
			reason: hash(rng),
		},
		6 => Call::add_issuer { issuer: w.account(rng) },
		_ => Call::remove_issuer { issuer: w.account(rng) },
	})
}

fn artifact_admin(rng: &mut Rng, _w: &World) -> RuntimeCall {
	use pallet_artifacts::Call;
	let hash = artifact(rng);
	RuntimeCall::Artifacts(match rng.below(4) {
		0 => Call::suspend {
			hash,
			until: frame_system::Pallet::<Runtime>::block_number() + rng.below(50) as u32,
		},
		1 => Call::lift { hash },
		2 => Call::withdraw { hash },
		_ => Call::deprecate { hash },
	})
}

fn release(rng: &mut Rng) -> RuntimeCall {
	use pallet_artifacts::{Call, GatedStage};
	let stage =
		*rng.pick(&[GatedStage::ResearchOnly, GatedStage::NonCommercial, GatedStage::General]);
	RuntimeCall::Artifacts(match rng.below(3) {
		0 => match rng.any() {
			Some(gate) => Call::set_gate { stage, gate },
			None => Call::advance_stage { hash: artifact(rng), to: stage },
		},
		_ => Call::advance_stage { hash: artifact(rng), to: stage },
	})
}

fn funding_admin(rng: &mut Rng, w: &World) -> RuntimeCall {
	use pallet_quadratic_funding::Call;
	let round = index(rng, w.rounds);
	RuntimeCall::QuadraticFunding(match rng.below(4) {
		// Mostly rounds the treasury can fund, sometimes anything.
		0..=1 if rng.chance(80) => Call::create_round {
			pool: UNIT * (1 + rng.below(20_000) as u128),
			application_period: min_round_period() + rng.below(20) as u32,
			contribution_period: min_round_period() + rng.below(20) as u32,
			cap: Perbill::from_percent(1 + rng.below(25) as u32),
			min_contribution: UNIT / 100 * (1 + rng.below(100) as u128),
		},
		0..=1 => Call::create_round {
			pool: amount(rng),
			application_period: rng.below(20) as u32,
			contribution_period: rng.below(20) as u32,
			cap: Perbill::from_percent(rng.below(101) as u32),
			min_contribution: amount(rng),
		},
		2 => Call::reject_project { round, project: rng.below(4) as u32, reason: hash(rng) },
		_ => Call::cancel_round { round },
	})
}

fn ratification(rng: &mut Rng, w: &World) -> RuntimeCall {
	use pallet_guardians::Call;
	let id = index(rng, w.measures);
	RuntimeCall::Guardians(match rng.below(3) {
		0 => Call::ratify_measure { id, extension: rng.below(100) as u32 },
		1 => Call::confirm_hold { id },
		_ => Call::lift_measure { id },
	})
}

fn amendment(rng: &mut Rng, w: &World) -> RuntimeCall {
	use pallet_constitution::Call;
	RuntimeCall::Constitution(match rng.below(4) {
		0 => {
			// An existing class, re-submitted with a random change of its enactment delay, or
			// moved to another id.
			let class = w.class(rng);
			match pallet_constitution::Classes::<Runtime>::get(class) {
				Some(mut info) => {
					if rng.chance(50) {
						info.enactment_delay = rng.below(20) as u32;
					}
					Call::amend_class { class: w.class(rng), info }
				},
				None => Call::set_constitution_text { hash: hash(rng) },
			}
		},
		1 => Call::set_constitution_text { hash: hash(rng) },
		2 => {
			return RuntimeCall::Guardians(pallet_guardians::Call::set_guardians {
				guardians: (0..rng.below(3))
					.map(|_| w.account(rng))
					.collect::<Vec<_>>()
					.try_into()
					.unwrap_or_default(),
				mandate_end: frame_system::Pallet::<Runtime>::block_number()
					+ rng.below(500) as u32,
			})
		},
		_ => {
			let mut rules = pallet_constitution::CouncilSeatRules::<Runtime>::get();
			rules.max_seats = rng.below(12) as u32;
			rules.term = rng.below(1_000) as u32;
			Call::set_seat_rules { rules }
		},
	})
}

fn seating(rng: &mut Rng, w: &World) -> RuntimeCall {
	use pallet_constitution::Call;
	RuntimeCall::Constitution(match rng.below(2) {
		0 => Call::seat { who: w.account(rng) },
		_ => Call::unseat { who: w.account(rng) },
	})
}

/// Any poll kind.
fn poll_kind(rng: &mut Rng) -> pallet_constitution::PollKind {
	use pallet_constitution::{kinds, PollKind};
	PollKind::from_index(rng.below(u64::from(kinds::COUNT)) as u8).unwrap_or(PollKind::Council)
}
