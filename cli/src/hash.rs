//! Streaming content hashes: a file is read once, in 1 MiB chunks, feeding SHA2-256 and
//! BLAKE2b-256 together, so multi-gigabyte model files never sit in memory.

use std::{
	fs::File,
	io::{self, IsTerminal, Read},
	path::Path,
	time::Duration,
};

use blake2::{digest::consts::U32, Blake2b, Digest};
use pallet_artifacts::ContentHash;
use sha2::Sha256;

use crate::progress::ProgressBar;

/// Bytes read per chunk.
const CHUNK: usize = 1 << 20;

/// Both digests of one file, and its length.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileHashes {
	/// SHA2-256 (what `sha256sum` prints).
	pub sha2_256: [u8; 32],
	/// BLAKE2b-256 (what `b2sum -l 256` prints).
	pub blake2_256: [u8; 32],
	/// Bytes hashed.
	pub size: u64,
}

impl FileHashes {
	/// The two tagged hashes the registry may know the file by, SHA2-256 first.
	pub fn candidates(&self) -> [ContentHash; 2] {
		[ContentHash::Sha2_256(self.sha2_256), ContentHash::Blake2_256(self.blake2_256)]
	}
}

/// Hashes everything `reader` yields; `progress` is called with the bytes read so far.
pub fn hash_reader(mut reader: impl Read, mut progress: impl FnMut(u64)) -> io::Result<FileHashes> {
	let mut sha2 = Sha256::new();
	let mut blake2 = Blake2b::<U32>::new();
	let mut buffer = vec![0u8; CHUNK];
	let mut size: u64 = 0;
	loop {
		let read = match reader.read(&mut buffer) {
			Ok(0) => break,
			Ok(n) => n,
			Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
			Err(e) => return Err(e),
		};
		let chunk = buffer.get(..read).unwrap_or_default();
		sha2.update(chunk);
		blake2.update(chunk);
		size = size.saturating_add(read as u64);
		progress(size);
	}
	Ok(FileHashes { sha2_256: sha2.finalize().into(), blake2_256: blake2.finalize().into(), size })
}

/// Hashes the file at `path`, drawing a progress bar on standard error when it is a terminal
/// (and `show_progress` is set).
pub fn hash_file(path: &Path, show_progress: bool) -> io::Result<FileHashes> {
	let file = File::open(path)?;
	let total = file.metadata()?.len();
	let mut bar = ProgressBar::new(total, show_progress && io::stderr().is_terminal(), render);
	let hashes = hash_reader(io::BufReader::with_capacity(CHUNK, file), |done| bar.update(done))?;
	bar.finish();
	Ok(hashes)
}

/// `[#########...........]  45%  1.2 GiB / 2.6 GiB  310.0 MiB/s`
pub fn render(done: u64, total: u64, elapsed: Duration) -> String {
	let secs = elapsed.as_secs_f64();
	let rate = if secs > 0.0 { done as f64 / secs } else { 0.0 };
	format!(
		"{}  {} / {}  {}/s",
		crate::progress::bar(done, total),
		human_bytes(done as f64),
		human_bytes(total as f64),
		human_bytes(rate)
	)
}

/// Bytes in binary units with one decimal (`1.5 GiB`).
pub fn human_bytes(bytes: f64) -> String {
	const UNITS: [&str; 5] = ["B", "KiB", "MiB", "GiB", "TiB"];
	let mut value = bytes;
	let mut unit: usize = 0;
	while value >= 1024.0 && unit.saturating_add(1) < UNITS.len() {
		value /= 1024.0;
		unit = unit.saturating_add(1);
	}
	let name = UNITS.get(unit).copied().unwrap_or("B");
	if unit == 0 {
		format!("{value:.0} {name}")
	} else {
		format!("{value:.1} {name}")
	}
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::arithmetic_side_effects, clippy::indexing_slicing)]
mod tests {
	use super::*;

	#[test]
	fn known_digests_of_abc() {
		let h = hash_reader(&b"abc"[..], |_| {}).unwrap();
		assert_eq!(
			hex::encode(h.sha2_256),
			"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
		);
		assert_eq!(
			hex::encode(h.blake2_256),
			"bddd813c634239723171ef3fee98579b94964e3bb1cb3e427262c8c068d52319"
		);
		assert_eq!(h.size, 3);
	}

	#[test]
	fn chunked_reading_gives_the_same_digest_as_one_buffer() {
		// Three and a half chunks of a repeating pattern.
		let data: Vec<u8> = (0..(CHUNK * 7 / 2)).map(|i| (i % 251) as u8).collect();
		let mut seen = Vec::new();
		let streamed = hash_reader(&data[..], |done| seen.push(done)).unwrap();
		assert_eq!(streamed.size, data.len() as u64);
		assert_eq!(seen.last().copied(), Some(data.len() as u64));
		assert!(seen.len() >= 4, "progress reported per chunk: {seen:?}");
		let sha2: [u8; 32] = Sha256::digest(&data).into();
		let blake2: [u8; 32] = Blake2b::<U32>::digest(&data).into();
		assert_eq!(streamed.sha2_256, sha2);
		assert_eq!(streamed.blake2_256, blake2);
	}

	#[test]
	fn progress_bar_renders_percent_and_sizes() {
		let line = render(512 * 1024 * 1024, 1024 * 1024 * 1024, Duration::from_secs(2));
		assert!(line.starts_with("[###############...............]  50%"), "{line}");
		assert!(line.contains("512.0 MiB / 1.0 GiB"), "{line}");
		assert!(line.contains("256.0 MiB/s"), "{line}");
		assert!(render(0, 0, Duration::ZERO).contains("100%"));
	}
}
