//! # Ostrom governance metrics
//!
//! The measures of the paper Ostrom comes from (its Table 1: participation, decision latency,
//! voting-power concentration, incidents), computed from Ostrom's chain data for each of its
//! four voting schemes side by side (DESIGN §8): one implementation for `ostrom-cli report`
//! and the portal's Health page, whose TypeScript port (`portal/src/metrics.ts`) is checked bit
//! for bit against this crate on shared test vectors (`vectors.json`, written and checked by
//! the crate's `vectors` test).
//!
//! - [`model`]: plain records a report tool fills from chain events and state (polls with their
//!   ballots and the tally's O(1) aggregates, decisions, incidents).
//! - [`measures`]: each measure as a pure function (participation, latency, Gini, Nakamoto
//!   coefficient, HHI and effective number of voters, delegation, Lorenz curve).
//! - [`aggregate`]: the measures per poll, and per scheme or class over a block range.
//! - [`render`]: plain-text table, CSV and JSON.
//!
//! `no_std` with `alloc`, no dependencies, no chain types; deterministic `f64` maths (see
//! [`measures`] for rounding).
//!
//! ```
//! use ostrom_metrics::{aggregate, model::*, render};
//!
//! let poll = PollRecord {
//!     index: 0,
//!     class: 3,
//!     decision: Some(0),
//!     scheme: Scheme::Token,
//!     kind: PollKind::Community,
//!     created: 10,
//!     closed: Some(110),
//!     outcome: PollOutcome::Approved,
//!     ballots: vec![Ballot::own(1), Ballot::own(1), Ballot::delegate(1, 5, 2)],
//!     aggregates: Aggregates::default(), // taken from the ballots
//!     electorate: Electorate { count: Some(10), weight: Some(100) },
//! };
//! let summary = aggregate::summarize_poll(&poll);
//! assert_eq!(summary.participation, Some(0.3));
//! assert_eq!(summary.nakamoto, Some(1));
//! let dataset = Dataset { polls: vec![poll], ..Default::default() };
//! let rows = aggregate::rows(&dataset, BlockRange::ALL, aggregate::Grouping::Scheme);
//! print!("{}", render::render_rows(&rows, render::Format::Table, Some(6000)));
//! ```

#![no_std]

extern crate alloc;

pub mod aggregate;
pub mod measures;
pub mod model;
pub mod render;

#[cfg(test)]
mod tests;
