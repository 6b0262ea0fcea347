//! `ostrom-cli merit`: MeritRank merit from the chain's web of trust (issue 18 part 2).
//!
//! 1. Pick the block (`--at`, default the last finalized block, which no fork can replace) and
//!    check the node runs Ostrom's runtime.
//! 2. Read the graph: every `Trust.Endorsements` entry whose endorser is still a person
//!    (`ReputationApi.personhood`); edges of endorsers that are not are skipped and counted.
//! 3. Seeds: `--seeds` accounts, or (default, `council`) the council members whose term has not
//!    ended (`ConstitutionApi.council`).
//! 4. Run [`ostrom_meritrank::merit_rank`] with the random walks seeded from the block hash's
//!    first 8 bytes (little-endian), scale the scores to `--budget` points by largest remainder,
//!    and count plain endorsement weight for comparison.
//! 5. The **evidence** is `blake2_256` of the SCALE encoding of [`Canonical`]: a tag, the block
//!    hash, the sorted seeds, the parameters and the sorted `(account, points)`. `--verify`
//!    recomputes it at the same block with the same flags and compares.
//! 6. `--submit` publishes the points as `reputation.attest` in one `utility.batch_all`,
//!    within the attester's limits ([`limits`]), and prints what the chain recorded.

pub mod limits;
pub mod read;
pub mod submit;

#[cfg(test)]
mod tests;

use std::collections::BTreeMap;

use codec::Encode;
use ostrom_meritrank::{
	attestation_count_scores, merit_rank, share, to_points, Graph, Merit, Params,
};
use ostrom_runtime::{AccountId, Runtime, RuntimeCall, RuntimeEvent};
use pallet_reputation::DomainId;
use sp_core::{crypto::Pair as _, crypto::Ss58Codec, Get, H256};

use crate::rpc::{At, Node};

/// Exit code of `--verify` when the evidence does not match.
pub const MISMATCH: u8 = 1;

/// The tag that starts the canonical encoding (its version).
pub const TAG: &[u8] = b"ostrom-meritrank/v1";

/// Where the walks start.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Seeds {
	/// The council members whose term has not ended at the block.
	Council,
	/// These accounts.
	Accounts(Vec<AccountId>),
}

impl std::str::FromStr for Seeds {
	type Err = String;

	fn from_str(s: &str) -> Result<Self, Self::Err> {
		if s == "council" {
			return Ok(Seeds::Council);
		}
		s.split(',').map(|a| account(a.trim())).collect::<Result<Vec<_>, _>>().map(Seeds::Accounts)
	}
}

/// An account from SS58 or `0x`-prefixed 32-byte hex.
pub fn account(text: &str) -> Result<AccountId, String> {
	if let Some(hex) = text.strip_prefix("0x") {
		let bytes = hex::decode(hex).map_err(|e| format!("bad account {text:?}: {e}"))?;
		let bytes: [u8; 32] =
			bytes.try_into().map_err(|_| format!("bad account {text:?}: not 32 bytes"))?;
		return Ok(AccountId::from(bytes));
	}
	AccountId::from_ss58check(text).map_err(|e| format!("bad account {text:?}: {e:?}"))
}

/// A probability given as a decimal in `[0, 1]`, in parts per million.
pub fn ppm(text: &str) -> Result<u32, String> {
	let x: f64 = text.trim().parse().map_err(|e| format!("{text:?} is not a number: {e}"))?;
	if !(0.0..=1.0).contains(&x) {
		return Err(format!("{text} is not between 0 and 1"));
	}
	Ok((x * 1_000_000.0).round() as u32)
}

/// Output format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
	/// A plain-text table.
	Table,
	/// One JSON object.
	Json,
}

impl std::str::FromStr for Format {
	type Err = String;

	fn from_str(s: &str) -> Result<Self, Self::Err> {
		match s {
			"table" => Ok(Format::Table),
			"json" => Ok(Format::Json),
			other => Err(format!("unknown format '{other}': expected table or json")),
		}
	}
}

/// What `merit` was asked for.
#[derive(Clone, Debug)]
pub struct Options {
	/// The node's WebSocket endpoint.
	pub url: String,
	/// The block to read (default: the best block).
	pub at: Option<u32>,
	/// The seeds.
	pub seeds: Seeds,
	/// The name of the reputation domain to publish in.
	pub domain: String,
	/// Points to share out.
	pub budget: u64,
	/// MeritRank's parameters.
	pub params: Params,
	/// Output format.
	pub format: Format,
	/// Publish, signing with this secret URI.
	pub submit: Option<String>,
	/// Only check this evidence.
	pub verify: Option<H256>,
}

/// What the evidence hashes (SCALE-encoded, then `blake2_256`).
#[derive(Encode)]
pub struct Canonical<'a> {
	/// [`TAG`].
	pub tag: &'a [u8],
	/// The hash of the block the graph was read at.
	pub block: H256,
	/// The seeds, sorted, without duplicates.
	pub seeds: &'a [AccountId],
	/// `(alpha_ppm, walks, gamma_ppm, bridge_threshold_ppm, max_steps)`.
	pub params: (u32, u32, u32, u32, u32),
	/// The budget.
	pub budget: u64,
	/// `(account, points)`, sorted by account, no zero.
	pub points: Vec<(AccountId, u64)>,
}

/// The evidence of a result.
pub fn evidence(
	block: H256,
	seeds: &[AccountId],
	params: &Params,
	budget: u64,
	points: &BTreeMap<AccountId, u64>,
) -> H256 {
	let canonical = Canonical {
		tag: TAG,
		block,
		seeds,
		params: (
			params.alpha_ppm,
			params.walks,
			params.gamma_ppm,
			params.bridge_threshold_ppm,
			params.max_steps,
		),
		budget,
		points: points.iter().map(|(a, p)| (a.clone(), *p)).collect(),
	};
	H256(blake2_256(&canonical.encode()))
}

/// BLAKE2b-256 (the chain's `blake2_256`).
pub fn blake2_256(data: &[u8]) -> [u8; 32] {
	use blake2::{digest::consts::U32, Blake2b, Digest};
	Blake2b::<U32>::digest(data).into()
}

/// The random walks' seed: the block hash's first 8 bytes, little-endian.
pub fn rng_seed(block: H256) -> u64 {
	let mut bytes = [0u8; 8];
	bytes.copy_from_slice(block.as_bytes().get(..8).unwrap_or(&[0; 8]));
	u64::from_le_bytes(bytes)
}

/// The web of trust as read.
#[derive(Clone, Debug, Default)]
pub struct Web {
	/// `(endorser, endorsed, weight)` of endorsers that are persons.
	pub edges: Vec<(AccountId, AccountId, u64)>,
	/// Endorsers that are persons.
	pub persons: usize,
	/// Endorsers that are not persons any more, and their edges (skipped).
	pub stale: usize,
	/// Edges of those.
	pub stale_edges: usize,
}

/// Everything computed at one block.
#[derive(Clone, Debug)]
pub struct Computed {
	/// The block.
	pub at: At,
	/// The seeds (sorted).
	pub seeds: Vec<AccountId>,
	/// The graph.
	pub web: Web,
	/// The parameters.
	pub params: Params,
	/// The budget.
	pub budget: u64,
	/// The walks' seed.
	pub rng_seed: u64,
	/// MeritRank's result.
	pub merit: Merit<AccountId>,
	/// Merit in points.
	pub points: BTreeMap<AccountId, u64>,
	/// Plain counting: incoming endorsement weight.
	pub counted: BTreeMap<AccountId, u64>,
	/// Plain counting scaled to the budget.
	pub counted_points: BTreeMap<AccountId, u64>,
	/// The evidence.
	pub evidence: H256,
}

/// Computes merit from `web` (pure: what `--verify` and the tests use).
pub fn compute(
	at: At,
	seeds: Vec<AccountId>,
	web: Web,
	params: Params,
	budget: u64,
) -> Result<Computed, String> {
	let mut seeds = seeds;
	seeds.sort();
	seeds.dedup();
	let graph = Graph::from_edges(web.edges.iter().cloned());
	let rng_seed = rng_seed(at.hash);
	let merit = merit_rank(&graph, &seeds, &params, rng_seed).map_err(|e| e.to_string())?;
	let points = to_points(&merit.scores, budget);
	let counted = attestation_count_scores(&graph);
	let counted_points = to_points(&counted, budget);
	let evidence = evidence(at.hash, &seeds, &params, budget, &points);
	Ok(Computed {
		at,
		seeds,
		web,
		params,
		budget,
		rng_seed,
		merit,
		points,
		counted,
		counted_points,
		evidence,
	})
}

/// Reads the web of trust and the seeds at `at`.
pub async fn read_web(node: &Node, at: At) -> Result<Web, String> {
	let all = read::endorsements(node, at).await?;
	let endorsers: Vec<AccountId> = all.iter().map(|(a, _)| a.clone()).collect();
	let persons = read::persons(node, at, &endorsers).await?;
	let mut web = Web::default();
	for (endorser, edges) in all {
		if persons.get(&endorser).copied().unwrap_or(false) {
			web.persons = web.persons.saturating_add(1);
			for edge in edges {
				web.edges.push((endorser.clone(), edge.to, u64::from(edge.weight)));
			}
		} else {
			web.stale = web.stale.saturating_add(1);
			web.stale_edges = web.stale_edges.saturating_add(edges.len());
		}
	}
	Ok(web)
}

/// Connects, picks the block, reads and computes.
async fn collect(node: &Node, options: &Options) -> Result<Computed, String> {
	let at = match options.at {
		Some(n) => node.block(n).await?,
		None => node.finalized().await?,
	};
	crate::governance::ostrom_spec_version(&options.url, &node.version(at).await?, at.number)?;
	let seeds = match &options.seeds {
		Seeds::Council => {
			let council = read::council(node, at).await?;
			if council.is_empty() {
				return Err(format!(
					"the council has no member at block #{}: name the seeds with --seeds",
					at.number
				));
			}
			council
		},
		Seeds::Accounts(accounts) => accounts.clone(),
	};
	let web = read_web(node, at).await?;
	compute(at, seeds, web, options.params, options.budget)
}

/// What was published.
pub struct Published {
	/// The plan (attestations and cuts).
	pub plan: limits::Plan<AccountId>,
	/// The attester.
	pub attester: AccountId,
	/// The domain.
	pub domain: DomainId,
	/// Where the batch landed (none if there was nothing to publish).
	pub included: Option<submit::Included>,
	/// The `Attested` events: `(subject, points)`.
	pub attested: Vec<(AccountId, u128)>,
}

/// Plans and submits the attestations of `computed` in `domain`, signed with `suri`.
async fn publish(
	node: &Node,
	computed: &Computed,
	domain: &str,
	suri: &str,
) -> Result<Published, String> {
	let pair = submit::pair(suri)?;
	let attester: AccountId = pair.public().into();
	let best = node.block(node.best_number().await?).await?;
	let domain_id = read::domain_id(node, best, domain).await?.ok_or_else(|| {
		format!("there is no reputation domain named '{domain}' at block #{}", best.number)
	})?;
	// The attestations land in the next block at the earliest.
	let now = best.number.saturating_add(1);
	let state = read::attester(node, best, domain_id, &attester, now).await?;
	let rights = state.rights.ok_or_else(|| {
		format!("{attester} is not an attester of the '{domain}' domain (id {domain_id})")
	})?;
	let period =
		now.checked_div(<Runtime as pallet_reputation::Config>::RatePeriod::get()).unwrap_or(0);
	let used = if rights.period == period { rights.used } else { 0 };
	let window = <Runtime as pallet_reputation::Config>::RevocationWindow::get();
	let live = state.ledger.iter().filter(|a| a.at.saturating_add(window) >= now).count();
	let max: u32 = <Runtime as pallet_reputation::Config>::MaxAttestationsPerAttester::get();
	let limits = limits::Limits {
		max_per_attestation: rights.max_per_attestation,
		rate_left: rights.rate_limit.saturating_sub(used),
		share_room: limits::share_room(
			state.total,
			state.attested_by,
			<Runtime as pallet_reputation::Config>::MaxAttesterShare::get(),
			<Runtime as pallet_reputation::Config>::AttesterShareFloor::get(),
		),
		slots: max.saturating_sub(u32::try_from(live).unwrap_or(u32::MAX)),
	};
	let accounts: Vec<AccountId> = computed.points.keys().cloned().collect();
	let current = read::scores(node, best, domain_id, &accounts).await?;
	let plan = limits::plan(&computed.points, &current, &attester, &limits);
	if plan.attest.is_empty() {
		return Ok(Published {
			plan,
			attester,
			domain: domain_id,
			included: None,
			attested: Vec::new(),
		});
	}
	let calls: Vec<RuntimeCall> = plan
		.attest
		.iter()
		.map(|(subject, points)| {
			RuntimeCall::Reputation(pallet_reputation::Call::attest {
				subject: subject.clone(),
				domain: domain_id,
				points: *points,
				evidence: computed.evidence,
			})
		})
		.collect();
	let call = RuntimeCall::Utility(pallet_utility::Call::batch_all { calls });
	let included = submit::submit(node, call, &pair).await?;
	let attested = included
		.events
		.iter()
		.filter_map(|e| match e {
			RuntimeEvent::Reputation(pallet_reputation::Event::Attested {
				subject,
				points,
				evidence,
				..
			}) if *evidence == computed.evidence => Some((subject.clone(), *points)),
			_ => None,
		})
		.collect();
	Ok(Published { plan, attester, domain: domain_id, included: Some(included), attested })
}

/// `ostrom-cli merit`: computes, prints, and verifies or publishes. Returns the exit code.
pub async fn run(options: Options) -> Result<u8, String> {
	let node = Node::connect(&options.url).await?;
	let computed = collect(&node, &options).await?;
	if let Some(expected) = options.verify {
		let matches = expected == computed.evidence;
		match options.format {
			Format::Json => println!(
				"{}",
				serde_json::json!({
					"block": {"number": computed.at.number, "hash": hex0x(computed.at.hash.as_bytes())},
					"evidence": hex0x(computed.evidence.as_bytes()),
					"expected": hex0x(expected.as_bytes()),
					"match": matches,
				})
			),
			Format::Table => println!(
				"{} at block #{}: computed evidence {}, expected {}",
				if matches { "match" } else { "MISMATCH" },
				computed.at.number,
				hex0x(computed.evidence.as_bytes()),
				hex0x(expected.as_bytes())
			),
		}
		return Ok(if matches { 0 } else { MISMATCH });
	}
	let published = match &options.submit {
		Some(suri) => Some(publish(&node, &computed, &options.domain, suri).await?),
		None => None,
	};
	match options.format {
		Format::Json => println!("{}", json(&computed, published.as_ref())),
		Format::Table => print!("{}", table(&computed, published.as_ref())),
	}
	Ok(0)
}

/// `0x`-prefixed hex.
fn hex0x(bytes: &[u8]) -> String {
	format!("0x{}", hex::encode(bytes))
}

/// A ppm value as a decimal.
fn decimal(ppm: u32) -> f64 {
	f64::from(ppm) / 1_000_000.0
}

/// The result as JSON.
pub fn json(c: &Computed, published: Option<&Published>) -> serde_json::Value {
	use serde_json::json;
	let mut accounts: Vec<&AccountId> = c.merit.scores.keys().chain(c.counted.keys()).collect();
	accounts.sort();
	accounts.dedup();
	let rows: Vec<serde_json::Value> = accounts
		.iter()
		.map(|a| {
			json!({
				"account": a.to_string(),
				"points": c.points.get(*a).copied().unwrap_or(0),
				"score": share(c.merit.scores.get(*a).copied().unwrap_or(0)),
				"decayed": share(c.merit.decayed.get(*a).copied().unwrap_or(0)),
				"endorsed_weight": c.counted.get(*a).copied().unwrap_or(0),
				"counted_points": c.counted_points.get(*a).copied().unwrap_or(0),
			})
		})
		.collect();
	let mut out = json!({
		"block": {"number": c.at.number, "hash": hex0x(c.at.hash.as_bytes())},
		"rng_seed": c.rng_seed.to_string(),
		"seeds": c.seeds.iter().map(|s| s.to_string()).collect::<Vec<_>>(),
		"params": {
			"alpha": decimal(c.params.alpha_ppm),
			"walks": c.params.walks,
			"gamma": decimal(c.params.gamma_ppm),
			"bridge_threshold": decimal(c.params.bridge_threshold_ppm),
			"max_steps": c.params.max_steps,
			"budget": c.budget,
		},
		"graph": {
			"persons": c.web.persons,
			"edges": c.web.edges.len(),
			"skipped_endorsers": c.web.stale,
			"skipped_edges": c.web.stale_edges,
		},
		"evidence": hex0x(c.evidence.as_bytes()),
		"merit": rows,
	});
	if let (Some(p), Some(map)) = (published, out.as_object_mut()) {
		map.insert(
			"published".into(),
			json!({
				"attester": p.attester.to_string(),
				"domain": p.domain,
				"block": p.included.as_ref().map(|i| json!({
					"number": i.at.number,
					"hash": hex0x(i.at.hash.as_bytes()),
					"extrinsic": i.index,
				})),
				"attestations": p.attested.iter().map(|(a, pts)| json!({
					"account": a.to_string(),
					"points": pts.to_string(),
				})).collect::<Vec<_>>(),
				"unchanged": p.plan.unchanged,
				"above": p.plan.above,
				"cuts": p.plan.cuts.iter().map(|c| c.to_string()).collect::<Vec<_>>(),
			}),
		);
	}
	out
}

/// The result as a table.
pub fn table(c: &Computed, published: Option<&Published>) -> String {
	use std::fmt::Write as _;
	let mut s = String::new();
	let p = &c.params;
	let _ = writeln!(
		s,
		"MeritRank at block #{} ({}), walks seeded with {}",
		c.at.number,
		hex0x(c.at.hash.as_bytes()),
		c.rng_seed
	);
	let seeds: Vec<String> = c.seeds.iter().map(|a| a.to_string()).collect();
	let _ = writeln!(s, "seeds: {}", seeds.join(", "));
	let _ = writeln!(
		s,
		"alpha {}, {} walks per seed, gamma {} (bridge threshold {}), budget {} points",
		decimal(p.alpha_ppm),
		p.walks,
		decimal(p.gamma_ppm),
		decimal(p.bridge_threshold_ppm),
		c.budget
	);
	let _ = writeln!(
		s,
		"graph: {} endorsements by {} persons ({} endorsements by {} non-persons skipped)",
		c.web.edges.len(),
		c.web.persons,
		c.web.stale_edges,
		c.web.stale
	);
	let _ = writeln!(s, "evidence {}", hex0x(c.evidence.as_bytes()));
	let _ = writeln!(s);
	let _ = writeln!(
		s,
		"{:<48} {:>8} {:>8} {:>8} {:>9} {:>8}",
		"account", "merit", "score", "decayed", "endorsed", "counted"
	);
	let mut accounts: Vec<&AccountId> = c.merit.scores.keys().chain(c.counted.keys()).collect();
	accounts.sort_by(|a, b| {
		let pa = c.points.get(*a).copied().unwrap_or(0);
		let pb = c.points.get(*b).copied().unwrap_or(0);
		pb.cmp(&pa).then_with(|| a.cmp(b))
	});
	accounts.dedup();
	if accounts.is_empty() {
		let _ =
			writeln!(s, "(nobody: no person has endorsed anyone yet, or the seeds endorse nobody)");
	}
	for a in accounts {
		let _ = writeln!(
			s,
			"{:<48} {:>8} {:>7.2}% {:>7.2}% {:>9} {:>8}",
			a.to_string(),
			c.points.get(a).copied().unwrap_or(0),
			share(c.merit.scores.get(a).copied().unwrap_or(0)) * 100.0,
			share(c.merit.decayed.get(a).copied().unwrap_or(0)) * 100.0,
			c.counted.get(a).copied().unwrap_or(0),
			c.counted_points.get(a).copied().unwrap_or(0),
		);
	}
	if let Some(p) = published {
		let _ = writeln!(s);
		match &p.included {
			Some(i) => {
				let total: u128 = p.attested.iter().map(|(_, pts)| *pts).sum();
				let _ = writeln!(
					s,
					"published: {} attestations ({} points) by {} in domain {}, block #{} ({}), \
					 extrinsic {}",
					p.attested.len(),
					total,
					p.attester,
					p.domain,
					i.at.number,
					hex0x(i.at.hash.as_bytes()),
					i.index
				);
			},
			None => {
				let _ = writeln!(s, "published: nothing to publish");
			},
		}
		let _ = writeln!(
			s,
			"{} accounts already had their merit, {} more (attestations cannot lower a score)",
			p.plan.unchanged, p.plan.above
		);
		for cut in &p.plan.cuts {
			let _ = writeln!(s, "cut: {cut}");
		}
	}
	s
}
