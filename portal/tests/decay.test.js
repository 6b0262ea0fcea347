// src/decay.ts (the reputation pallet's integer decay rule, for the My account chart) on the
// properties primitives/src/decay.rs states; the browser test checks it against the chain.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { importTs } from './transpile.js';

const d = await importTs('decay.ts');
const UNITS = 1n << 32n;

test('a score stored at a whole epoch halves exactly with each half-life when its points allow', () => {
  const domain = { halfLife: 1000n, anchorBlock: 10n, anchorClock: 5n << 32n };
  const record = { units: 1024n * UNITS, epoch: 5n };
  for (let k = 0; k <= 10; k++) assert.equal(d.pointsAt(domain, record, 10 + k * 1000), 1024n >> BigInt(k));
  assert.equal(d.pointsAt(domain, record, 0), 1024n, 'no decay before the anchor');
});

test('between half-lives it follows 2^(−t/half-life) to the point', () => {
  const domain = { halfLife: 777n, anchorBlock: 0n, anchorClock: 0n };
  const points = 10n ** 15n;
  const record = { units: points * UNITS, epoch: 0n };
  for (const t of [1, 2, 100, 388, 500, 777, 1000, 5000, 20_000]) {
    const exact = Number(points) * 2 ** (-t / 777);
    const got = Number(d.pointsAt(domain, record, t));
    assert.ok(Math.abs(got - exact) <= exact * 1e-9 + 1, `t=${t}: ${got} vs ${exact}`);
  }
});

test('the Q64 table and the clock as the primitives compute them', () => {
  assert.equal(d.pow2NegFraction(0), 1n << 64n);
  assert.equal(d.pow2NegFraction(0x8000_0000), 13043817825332782212n);
  assert.equal(d.mulQ64((1n << 128n) - 1n, 1n << 64n), (1n << 128n) - 1n);
  assert.deepEqual(d.splitClock((3n << 32n) | 7n), [3n, 7]);
  assert.equal(d.clockAfter(0n, 500n, 1000n), 1n << 31n);
  assert.equal(d.shiftEpochs(1n << 127n, 128n), 0n);
  assert.equal(d.unitsToPoints(3n << 31n, 0), 2n, 'halves round up');
});
