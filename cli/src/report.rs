//! What `artifact verify` prints and how it exits.

use std::fmt::Write as _;

use pallet_artifacts::{AttestationKind, ContentHash, GateStatus, Stage};
use sp_core::crypto::{Ss58AddressFormat, Ss58Codec};

use crate::chain::{Lineage, View};

/// SS58 prefix of Ostrom chains (the generic Substrate prefix, as in the chain properties).
const SS58_PREFIX: u16 = 42;

/// The outcome of a verification, and the process exit code for it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
	/// Registered and neither suspended nor withdrawn.
	Registered,
	/// No artifact with this file's hash is registered.
	Unknown,
	/// Registered, but suspended by an emergency measure.
	Suspended,
	/// Registered, but withdrawn (taken down).
	Withdrawn,
}

impl Verdict {
	/// Of an artifact's stage.
	pub fn of(stage: &Stage<u32>) -> Self {
		match stage {
			Stage::Suspended { .. } => Self::Suspended,
			Stage::Withdrawn => Self::Withdrawn,
			_ => Self::Registered,
		}
	}

	/// `0` registered; `1` unknown; `2` suspended; `3` withdrawn. (`4` is an error.)
	pub fn exit_code(self) -> u8 {
		match self {
			Self::Registered => 0,
			Self::Unknown => 1,
			Self::Suspended => 2,
			Self::Withdrawn => 3,
		}
	}
}

/// `sha2-256:0x…` / `blake2-256:0x…`.
pub fn tagged(hash: &ContentHash) -> String {
	match hash {
		ContentHash::Sha2_256(d) => format!("sha2-256:0x{}", hex::encode(d)),
		ContentHash::Blake2_256(d) => format!("blake2-256:0x{}", hex::encode(d)),
	}
}

fn text(bytes: &[u8]) -> String {
	String::from_utf8_lossy(bytes).into_owned()
}

/// A stage in words.
pub fn stage(stage: &Stage<u32>) -> String {
	match stage {
		Stage::Registered => "registered (not released)".into(),
		Stage::ResearchOnly => "research-only".into(),
		Stage::NonCommercial => "non-commercial".into(),
		Stage::General => "general release".into(),
		Stage::Suspended { previous, until } => {
			format!("SUSPENDED until block #{until} (then {previous:?} again)")
		},
		Stage::Deprecated => "deprecated".into(),
		Stage::Withdrawn => "WITHDRAWN".into(),
	}
}

fn attestation(kind: &AttestationKind) -> String {
	match kind {
		AttestationKind::Reproduced => "reproduced".into(),
		AttestationKind::EvalScore { suite, score } => match suite {
			Some(suite) => format!("eval score {score:?} on {}", tagged(suite)),
			None => format!("eval score {score:?}"),
		},
		AttestationKind::RedTeamScore { score, report } => {
			format!("red-team score {score:?} (report {report:?})")
		},
		AttestationKind::ModelCardReviewed => "model card reviewed".into(),
		AttestationKind::LicenceReviewed => "licence reviewed".into(),
	}
}

/// The full report of a registered artifact whose file is `file_size` bytes long.
pub fn registered(view: &View, lineage: &[Lineage], file_size: u64) -> String {
	let format = Ss58AddressFormat::custom(SS58_PREFIX);
	let mut out = String::new();
	let _ = writeln!(out, "artifact   {}", tagged(&view.hash));
	let _ = writeln!(out, "name       {} {}", text(&view.name), text(&view.version));
	let _ = writeln!(out, "kind       {:?}", view.kind);
	let _ = writeln!(out, "stage      {}", stage(&view.stage));
	let _ = writeln!(out, "licence    {}", text(&view.licence));
	let _ = writeln!(out, "size       {} bytes", view.size);
	if view.size != file_size {
		let _ = writeln!(
			out,
			"WARNING    the registrant declared {} bytes; the file has {file_size}",
			view.size
		);
	}
	if let Some(uri) = &view.uri {
		let _ = writeln!(out, "uri        {}", text(uri));
	}
	let _ = writeln!(
		out,
		"registrant {} (block #{})",
		view.registrant.to_ss58check_with_version(format),
		view.registered_at
	);
	let s = &view.summary;
	let _ = writeln!(
		out,
		"attested   {} reproductions, {} eval scores, {} red-team scores, {} model-card and {} licence reviews, by {} attesters",
		s.reproductions,
		s.eval_scores,
		s.red_team_scores,
		s.model_card_reviews,
		s.licence_reviews,
		s.distinct_attesters
	);
	for a in &view.attestations {
		let _ = writeln!(
			out,
			"  - {} by {} at #{}",
			attestation(&a.kind),
			a.attester.to_ss58check_with_version(format),
			a.at
		);
	}
	match &view.next_gate {
		Some((next, GateStatus::Met)) => {
			let _ = writeln!(out, "next gate  {next:?}: met (awaiting a release-gate decision)");
		},
		Some((next, GateStatus::Unmet(missing))) => {
			let _ = writeln!(out, "next gate  {next:?}: missing {missing:?}");
		},
		Some((next, GateStatus::NotSet)) => {
			let _ = writeln!(out, "next gate  {next:?}: not set by governance");
		},
		None => {},
	}
	if lineage.is_empty() {
		let _ = writeln!(out, "lineage    none (no registered parents)");
	} else {
		let _ = writeln!(out, "lineage");
		for entry in lineage {
			let indent = "  ".repeat(usize::try_from(entry.depth).unwrap_or(1));
			let _ = writeln!(
				out,
				"{indent}{:?} {} ({:?}, {}) {}",
				entry.relation,
				text(&entry.name),
				entry.kind,
				stage(&entry.stage),
				tagged(&entry.hash)
			);
		}
	}
	out
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::arithmetic_side_effects, clippy::indexing_slicing)]
mod tests {
	use super::*;
	use pallet_artifacts::{ArtifactKind, AttestationSummary, ReleaseStage};
	use sp_core::crypto::AccountId32;

	fn view(stage: Stage<u32>) -> View {
		View {
			hash: ContentHash::Sha2_256([1; 32]),
			kind: ArtifactKind::Model,
			name: b"ostrom-7b".to_vec(),
			version: b"1.0".to_vec(),
			size: 10,
			uri: Some(b"https://example.invalid/ostrom-7b".to_vec()),
			licence: b"Apache-2.0".to_vec(),
			registrant: AccountId32::new([7; 32]),
			deposit: 1,
			stage,
			registered_at: 5,
			parents: vec![],
			children: 0,
			attestations: vec![],
			summary: AttestationSummary { reproductions: 2, ..Default::default() },
			next_gate: None,
		}
	}

	#[test]
	fn exit_codes_distinguish_every_verdict() {
		assert_eq!(Verdict::of(&Stage::General).exit_code(), 0);
		assert_eq!(Verdict::of(&Stage::Deprecated).exit_code(), 0);
		assert_eq!(Verdict::Unknown.exit_code(), 1);
		let suspended = Stage::Suspended { previous: ReleaseStage::General, until: 9 };
		assert_eq!(Verdict::of(&suspended).exit_code(), 2);
		assert_eq!(Verdict::of(&Stage::Withdrawn).exit_code(), 3);
	}

	#[test]
	fn report_names_the_artifact_and_warns_on_a_size_mismatch() {
		let report = registered(&view(Stage::ResearchOnly), &[], 10);
		assert!(report.contains("name       ostrom-7b 1.0"), "{report}");
		assert!(report.contains("stage      research-only"), "{report}");
		assert!(report.contains("licence    Apache-2.0"), "{report}");
		assert!(report.contains("2 reproductions"), "{report}");
		assert!(report.contains(&format!("sha2-256:0x{}", "01".repeat(32))), "{report}");
		assert!(!report.contains("WARNING"), "{report}");
		assert!(registered(&view(Stage::General), &[], 11).contains("WARNING"));
	}
}
