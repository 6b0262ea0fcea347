//! A one-line progress bar on standard error (hashing a file, reading a chain's blocks).

use std::{
	io::{self, Write},
	time::{Duration, Instant},
};

/// Renders the bar's line from the work done, the total and the time elapsed.
pub type Render = fn(u64, u64, Duration) -> String;

/// A one-line progress bar on standard error, redrawn at most ten times a second.
pub struct ProgressBar {
	total: u64,
	enabled: bool,
	started: Instant,
	last_draw: Option<Instant>,
	render: Render,
}

impl ProgressBar {
	/// A bar towards `total`, drawn with `render` if `enabled` (callers pass whether standard
	/// error is a terminal).
	pub fn new(total: u64, enabled: bool, render: Render) -> Self {
		Self { total, enabled, started: Instant::now(), last_draw: None, render }
	}

	/// Shows `done` of the total (throttled, except for the last step).
	pub fn update(&mut self, done: u64) {
		if !self.enabled {
			return;
		}
		let now = Instant::now();
		if self.last_draw.is_some_and(|t| now.duration_since(t) < Duration::from_millis(100))
			&& done < self.total
		{
			return;
		}
		self.last_draw = Some(now);
		let line = (self.render)(done, self.total, self.started.elapsed());
		let _ = write!(io::stderr(), "\r{line}");
	}

	/// Ends the bar's line.
	pub fn finish(&self) {
		if self.enabled && self.last_draw.is_some() {
			let _ = writeln!(io::stderr());
		}
	}
}

/// `[#########.....................]  30%`: the bar and the percentage of `done` in `total`
/// (100 % if the total is zero).
pub fn bar(done: u64, total: u64) -> String {
	const WIDTH: u64 = 30;
	let percent = done.saturating_mul(100).checked_div(total).unwrap_or(100).min(100);
	let filled = percent.saturating_mul(WIDTH) / 100;
	let bar: String = (0..WIDTH).map(|i| if i < filled { '#' } else { '.' }).collect();
	format!("[{bar}] {percent:>3}%")
}

/// `[#########.....................]  30%  1500 / 5000 blocks  250 blocks/s`.
pub fn render_blocks(done: u64, total: u64, elapsed: Duration) -> String {
	let secs = elapsed.as_secs_f64();
	let rate = if secs > 0.0 { done as f64 / secs } else { 0.0 };
	format!("{}  {done} / {total} blocks  {rate:.0} blocks/s", bar(done, total))
}

/// `[#########.....................]  30%  3 / 10 polls`.
pub fn render_polls(done: u64, total: u64, _elapsed: Duration) -> String {
	format!("{}  {done} / {total} polls  ", bar(done, total))
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn blocks_render_with_count_and_rate() {
		let line = render_blocks(150, 600, Duration::from_secs(3));
		assert_eq!(line, "[#######.......................]  25%  150 / 600 blocks  50 blocks/s");
		assert!(render_polls(0, 0, Duration::ZERO).contains("100%"));
	}
}
