//! Unit tests: each measure against hand-computed values, edge cases, the aggregation of a small
//! hand-built data set, the renderers, and the shared test vectors (`vectors.json`) that the
//! portal's TypeScript port is checked against.

#![allow(clippy::arithmetic_side_effects, clippy::unwrap_used, clippy::indexing_slicing)]

// `f64::abs` and `f64::powi` for cross-checks (the crate itself is `no_std`).
pub(crate) extern crate std;

mod aggregate;
mod measures;
mod model;
mod render;
mod vectors;

/// Whether `a` and `b` are within `1e-12` of each other.
fn close(a: f64, b: f64) -> bool {
	let d = a - b;
	d < 1e-12 && d > -1e-12
}

/// Assert `actual` is `Some` value within `1e-12` of `expected`.
#[track_caller]
fn assert_close(actual: Option<f64>, expected: f64) {
	match actual {
		Some(a) if close(a, expected) => {},
		_ => panic!("expected {expected}, got {actual:?}"),
	}
}
