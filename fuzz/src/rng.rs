//! A small deterministic random number generator (SplitMix64): the same seed gives the same run
//! on every machine.

/// SplitMix64.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
	/// A generator started from `seed`.
	pub fn new(seed: u64) -> Self {
		Self(seed ^ 0x9e37_79b9_7f4a_7c15)
	}

	/// The next 64 random bits.
	pub fn next_u64(&mut self) -> u64 {
		self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
		let mut z = self.0;
		z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
		z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
		z ^ (z >> 31)
	}

	/// A number in `0..n` (`0` when `n` is zero).
	pub fn below(&mut self, n: u64) -> u64 {
		if n == 0 {
			0
		} else {
			self.next_u64() % n
		}
	}

	/// True with probability `percent` %.
	pub fn chance(&mut self, percent: u64) -> bool {
		self.below(100) < percent
	}

	/// One of `items` (which must not be empty).
	pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
		&items[self.below(items.len() as u64) as usize]
	}

	/// Random bytes, mostly small values, so that decoded integers and enum indices are often
	/// meaningful.
	pub fn small_bytes(&mut self, len: usize) -> Vec<u8> {
		(0..len)
			.map(|_| match self.below(10) {
				0..=5 => self.below(4) as u8,
				6 | 7 => 0,
				_ => self.next_u64() as u8,
			})
			.collect()
	}

	/// A value of `T` decoded from random bytes, if one of a few tries decodes.
	pub fn any<T: codec::Decode>(&mut self) -> Option<T> {
		for _ in 0..8 {
			let bytes = self.small_bytes(48);
			if let Ok(value) = T::decode(&mut &bytes[..]) {
				return Some(value);
			}
		}
		None
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn the_same_seed_gives_the_same_numbers_and_another_seed_others() {
		let (mut a, mut b, mut c) = (Rng::new(7), Rng::new(7), Rng::new(8));
		let xs: Vec<u64> = (0..16).map(|_| a.next_u64()).collect();
		let ys: Vec<u64> = (0..16).map(|_| b.next_u64()).collect();
		let zs: Vec<u64> = (0..16).map(|_| c.next_u64()).collect();
		assert_eq!(xs, ys);
		assert_ne!(xs, zs);
	}

	#[test]
	fn below_stays_in_range() {
		let mut rng = Rng::new(1);
		assert!((0..1_000).all(|_| rng.below(7) < 7));
		assert_eq!(rng.below(0), 0);
	}
}
