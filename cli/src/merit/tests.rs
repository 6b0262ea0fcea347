//! `merit` without a node: parsing, the canonical evidence, the attester's limits, storage keys
//! and signing.
#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::arithmetic_side_effects)]

use std::collections::BTreeMap;

use codec::{Decode, Encode};
use frame_support::{Blake2_128Concat, StorageHasher, Twox128};
use ostrom_meritrank::Params;
use sp_core::{crypto::Pair as _, sr25519, H256};
use sp_runtime::Perbill;

use super::{
	limits::{margin, plan, share_room, Cut, Limits},
	*,
};
use crate::rpc::At;

fn acc(n: u8) -> AccountId {
	AccountId::from([n; 32])
}

fn web(edges: &[(u8, u8, u64)]) -> Web {
	Web {
		edges: edges.iter().map(|(a, b, w)| (acc(*a), acc(*b), *w)).collect(),
		persons: 0,
		stale: 0,
		stale_edges: 0,
	}
}

fn at(byte: u8) -> At {
	At { number: 7, hash: H256([byte; 32]) }
}

#[test]
fn seeds_and_probabilities_parse() {
	assert_eq!("council".parse::<Seeds>(), Ok(Seeds::Council));
	let alice = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY";
	let hex = format!("0x{}", "01".repeat(32));
	match format!("{alice}, {hex}").parse::<Seeds>().unwrap() {
		Seeds::Accounts(a) => {
			assert_eq!(a.len(), 2);
			assert_eq!(a[0].to_string(), alice);
			assert_eq!(a[1], acc(1));
		},
		other => panic!("{other:?}"),
	}
	assert!("nobody".parse::<Seeds>().is_err());
	assert!("0x0102".parse::<Seeds>().is_err());
	assert_eq!(ppm("0.15"), Ok(150_000));
	assert_eq!(ppm("1"), Ok(1_000_000));
	assert!(ppm("1.5").is_err());
	assert!(ppm("x").is_err());
	assert_eq!("json".parse::<Format>(), Ok(Format::Json));
	assert!("csv".parse::<Format>().is_err());
}

#[test]
fn the_walks_are_seeded_from_the_block_hash() {
	let mut hash = [0u8; 32];
	hash[0] = 1;
	hash[8] = 0xff;
	assert_eq!(rng_seed(H256(hash)), 1);
}

#[test]
fn evidence_is_reproducible_and_covers_every_input() {
	let w = web(&[(1, 2, 50), (2, 3, 50), (1, 4, 10), (4, 3, 100)]);
	let seeds = vec![acc(1)];
	let params = Params { walks: 2_000, ..Default::default() };
	let one = compute(at(9), seeds.clone(), w.clone(), params, 1_000).unwrap();
	// Seeds in another order, with a duplicate; edges in another order: the same result.
	let mut shuffled = w.clone();
	shuffled.edges.reverse();
	let again = compute(at(9), vec![acc(1), acc(1)], shuffled, params, 1_000).unwrap();
	assert_eq!(one.evidence, again.evidence);
	assert_eq!(one.points, again.points);
	assert_eq!(one.points.values().sum::<u64>(), 1_000);
	// The evidence is the hash of the canonical encoding.
	let canonical = Canonical {
		tag: TAG,
		block: H256([9; 32]),
		seeds: &seeds,
		params: (150_000, 2_000, 500_000, 750_000, 1_000),
		budget: 1_000,
		points: one.points.iter().map(|(a, p)| (a.clone(), *p)).collect(),
	};
	assert_eq!(one.evidence, H256(blake2_256(&canonical.encode())));
	// Another block, budget, seed set or parameter: another evidence.
	assert_ne!(
		compute(at(8), seeds.clone(), w.clone(), params, 1_000).unwrap().evidence,
		one.evidence
	);
	assert_ne!(
		compute(at(9), seeds.clone(), w.clone(), params, 999).unwrap().evidence,
		one.evidence
	);
	assert_ne!(
		compute(at(9), vec![acc(1), acc(2)], w.clone(), params, 1_000).unwrap().evidence,
		one.evidence
	);
	let alpha = Params { alpha_ppm: 200_000, ..params };
	assert_ne!(compute(at(9), seeds, w, alpha, 1_000).unwrap().evidence, one.evidence);
	// Plain counting is there for comparison: 3 has 150 of 210 endorsed weight.
	assert_eq!(one.counted[&acc(3)], 150);
	assert_eq!(one.counted_points[&acc(3)], 714);
}

#[test]
fn output_names_every_account() {
	let c = compute(at(3), vec![acc(1)], web(&[(1, 2, 50), (2, 3, 50)]), Params::default(), 100)
		.unwrap();
	let j = json(&c, None);
	assert_eq!(j["block"]["number"], 7);
	assert_eq!(j["merit"].as_array().unwrap().len(), 2);
	let total: u64 =
		j["merit"].as_array().unwrap().iter().map(|r| r["points"].as_u64().unwrap()).sum();
	assert_eq!(total, 100);
	assert_eq!(j["evidence"], format!("0x{}", hex::encode(c.evidence.as_bytes())));
	let t = table(&c, None);
	assert!(t.contains(&acc(2).to_string()) && t.contains(&acc(3).to_string()), "{t}");
	assert!(t.contains("budget 100 points"), "{t}");
}

#[test]
fn share_room_solves_the_pallets_check() {
	let s = Perbill::from_percent(20);
	// Below the floor: up to the floor.
	assert_eq!(share_room(0, 0, s, 5_000), Some(5_000));
	assert_eq!(share_room(4_000, 4_000, s, 5_000), Some(1_000));
	// Above it: A + P ≤ 0.2 (T + P) ⇔ P ≤ (0.2 T − A) / 0.8. T = 100 000, A = 10 000:
	// (20 000 − 10 000) / 0.8 = 12 500; then A + P = 22 500 = 0.2 · 112 500.
	assert_eq!(share_room(100_000, 10_000, s, 5_000), Some(12_500));
	assert_eq!(share_room(100_000, 30_000, s, 5_000), Some(0));
	assert_eq!(share_room(1, 1, Perbill::one(), 5_000), None);
	assert_eq!(margin(12_500, 3), 125 + 4);
}

#[test]
fn the_plan_stays_within_the_attesters_limits() {
	let me = acc(0);
	let targets: BTreeMap<AccountId, u64> =
		[(acc(0), 50), (acc(1), 600), (acc(2), 300), (acc(3), 100), (acc(4), 40)].into();
	let current: BTreeMap<AccountId, u128> = [(acc(3), 100), (acc(4), 90), (acc(2), 100)].into();
	let roomy =
		Limits { max_per_attestation: 1_000, rate_left: 10_000, share_room: None, slots: 64 };
	let p = plan(&targets, &current, &me, &roomy);
	// 1 gets 600, 2 the 200 it lacks; 3 has its merit, 4 has more; the attester is cut.
	assert_eq!(p.attest, vec![(acc(1), 600), (acc(2), 200)]);
	assert_eq!((p.unchanged, p.above), (1, 1));
	assert_eq!(p.cuts, vec![Cut::SelfAttestation { account: acc(0), points: 50 }]);

	// At most 500 per attestation.
	let p = plan(&targets, &current, &me, &Limits { max_per_attestation: 500, ..roomy });
	assert_eq!(p.attest, vec![(acc(1), 500), (acc(2), 200)]);
	assert!(p.cuts.contains(&Cut::MaxPerAttestation {
		account: acc(1),
		wanted: 600,
		allowed: 500
	}));

	// One free slot: the largest difference gets it.
	let p = plan(&targets, &current, &me, &Limits { slots: 1, ..roomy });
	assert_eq!(p.attest, vec![(acc(1), 600)]);
	assert!(p.cuts.contains(&Cut::NoSlot { account: acc(2), points: 200 }));

	// 400 left of the rate limit: 800 scaled to 400 (3 : 1).
	let p = plan(&targets, &current, &me, &Limits { rate_left: 400, ..roomy });
	assert_eq!(p.attest, vec![(acc(1), 300), (acc(2), 100)]);
	assert!(p.cuts.contains(&Cut::Scaled {
		wanted: 800,
		allowed: 400,
		by: "the attester's rate limit for this period"
	}));

	// Share room 500, less the margin (5 + 2 + 1): 492, scaled 3 : 1 = 369 + 123.
	let p = plan(&targets, &current, &me, &Limits { share_room: Some(500), ..roomy });
	assert_eq!(p.attest, vec![(acc(1), 369), (acc(2), 123)]);
	assert!(matches!(
		p.cuts.last(),
		Some(Cut::Scaled { by: "the attester's share of the domain", .. })
	));
	assert!(p.cuts.iter().all(|c| !c.to_string().is_empty()));
}

#[test]
fn endorsements_keys_name_their_endorser() {
	let who = acc(5);
	// The runtime names the pallet `Trust`.
	let prefix = [Twox128::hash(b"Trust"), Twox128::hash(b"Endorsements")].concat();
	assert_eq!(read::endorsements_prefix(), prefix);
	let key = [prefix, Blake2_128Concat::hash(&who.encode())].concat();
	assert_eq!(read::endorser_of(&key), Some(who));
	assert_eq!(read::endorser_of(&key[..60]), None);
	// The value decodes with the pallet's type.
	let edges = vec![pallet_trust::Endorsement { to: acc(6), weight: 40 }];
	let bytes = edges.encode();
	assert_eq!(
		Vec::<pallet_trust::Endorsement<AccountId>>::decode(&mut &bytes[..]).unwrap(),
		edges
	);
}

#[test]
fn transactions_are_signed_over_the_runtimes_payload() {
	let pair = sr25519::Pair::from_string("//Alice", None).unwrap();
	let call = RuntimeCall::Utility(pallet_utility::Call::batch_all {
		calls: vec![RuntimeCall::Reputation(pallet_reputation::Call::attest {
			subject: acc(1),
			domain: 5,
			points: 10,
			evidence: H256([1; 32]),
		})],
	});
	let genesis = H256([7; 32]);
	let xt = submit::sign(call.clone(), &pair, 3, genesis, 100, 1);
	let bytes = xt.encode();
	let decoded = ostrom_runtime::UncheckedExtrinsic::decode(&mut &bytes[..]).unwrap();
	assert_eq!(decoded.function, call);
	let sp_runtime::generic::Preamble::Signed(address, signature, extension) = decoded.preamble
	else {
		panic!("not signed");
	};
	let alice: AccountId = pair.public().into();
	assert_eq!(address, ostrom_runtime::Address::Id(alice.clone()));
	assert_eq!(extension.6, frame_system::CheckNonce::<Runtime>::from(3));
	let implicit = ((), (), 100u32, 1u32, genesis, genesis, (), (), (), None, ());
	let payload = ostrom_runtime::SignedPayload::from_raw(call, extension, implicit);
	use sp_runtime::traits::Verify;
	assert!(payload.using_encoded(|p| signature.verify(p, &alice)));
	assert!(submit::pair("not a uri at all //").is_err());
}
