// MeritRank on the development chain, end to end (issue 18 part 2): Alice certifies twelve
// honest persons and a Sybil cluster of four; the honest ones endorse each other (pallet-trust),
// the Sybils endorse each other densely, and one honest person endorses a Sybil (the attack
// edge). `ostrom-cli merit --submit --suri //Alice` computes merit from three honest seeds and
// publishes it as attestations in the `merit` domain; the test checks that what the chain
// recorded is what the tool printed, that the Sybils got less than the honest persons the seeds
// endorse (while plain counting would give them more), and that `--verify` accepts the published
// evidence and rejects another.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cryptoWaitReady, blake2AsHex } from '@polkadot/util-crypto';
import { accountFactory, UNIT } from '../lib/common.js';
import { cliBinary, connect, startNode, submit, waitForFinalized } from '../lib/node.js';

/** Runs ostrom-cli with `args`; resolves with its exit code and output (the event loop keeps running). */
function cli(args) {
  return new Promise((res, rej) => {
    const child = spawn(cliBinary(), args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => { stdout += c; });
    child.stderr.on('data', (c) => { stderr += c; });
    child.on('error', rej);
    child.on('close', (status) => res({ status, stdout, stderr }));
  });
}

const HONEST = 12;
const SYBILS = 4;
/** Honest person i endorses i+1, i+2 and i+5 (mod 12) with these weights. */
const HONEST_EDGES = [[1, 80], [2, 50], [5, 20]];

describe('MeritRank merit published from the web of trust on ostrom-node --dev', () => {
  let node;
  let api;
  let alice;
  let honest;
  let sybils;
  let seeds;
  let result;
  let run;

  before(async () => {
    await cryptoWaitReady();
    node = await startNode(['--dev'], { name: 'meritrank' });
    api = await connect(node);
    const account = accountFactory();
    alice = account('//Alice');
    honest = Array.from({ length: HONEST }, (_, i) => account(`//merit//honest//${i}`));
    sybils = Array.from({ length: SYBILS }, (_, i) => account(`//merit//sybil//${i}`));
    seeds = honest.slice(0, 3);

    // Alice funds and certifies all of them (persons 9000…), in one batch.
    const now = (await api.rpc.chain.getHeader()).number.toNumber();
    const everyone = [...honest, ...sybils];
    await submit(api, api.tx.utility.batchAll(everyone.flatMap((who, i) => [
      api.tx.balances.transferKeepAlive(who.address, 10n * UNIT),
      api.tx.reputation.issueCredential(who.address, 9_000 + i, now + 10_000),
    ])), alice);

    // The endorsements, one batch per endorser, all at once.
    const endorse = (who, edges) => submit(api, api.tx.utility.batchAll(
      edges.map(([to, weight]) => api.tx.trust.endorse(to.address, weight)),
    ), who);
    await Promise.all([
      ...honest.map((who, i) => endorse(who, HONEST_EDGES.map(([d, w]) => [honest[(i + d) % HONEST], w]))),
      ...sybils.map((who) => endorse(who, sybils.filter((s) => s !== who).map((s) => [s, 100]))),
    ]);
    // The attack edge: honest person 10 (not a seed, not endorsed by a seed) endorses a Sybil.
    // The tool reads the last finalized block: wait until this one is.
    await submit(api, api.tx.trust.endorse(sybils[0].address, 100), honest[10], { finalized: true });

    run = await cli([
      'merit', '--url', node.url, '--seeds', seeds.map((s) => s.address).join(','),
      '--submit', '--suri', '//Alice', '--format', 'json',
    ]);
    assert.equal(run.status, 0, `ostrom-cli merit failed:\n${run.stderr}\n${run.stdout}`);
    result = JSON.parse(run.stdout);
  });

  after(async () => {
    if (api) await api.disconnect();
    if (node) await node.stop();
  });

  const points = (who) => result.merit.find((r) => r.account === who.address)?.points ?? 0;
  const counted = (who) => result.merit.find((r) => r.account === who.address)?.counted_points ?? 0;
  const sum = (list, f) => list.reduce((a, x) => a + f(x), 0);

  test('the tool read the whole graph of persons and shared out the budget', () => {
    assert.equal(result.graph.persons, HONEST + SYBILS);
    assert.equal(result.graph.edges, HONEST * HONEST_EDGES.length + SYBILS * (SYBILS - 1) + 1);
    assert.equal(result.graph.skipped_edges, 0);
    assert.deepEqual(result.seeds.slice().sort(), seeds.map((s) => s.address).sort());
    assert.equal(sum(result.merit, (r) => r.points), result.params.budget);
    assert.match(result.evidence, /^0x[0-9a-f]{64}$/);
  });

  test('the chain recorded exactly the published merit', async () => {
    const published = result.published;
    assert.ok(published.block, `nothing was published: ${JSON.stringify(published)}`);
    assert.deepEqual(published.cuts, []);
    const domains = (await api.call.reputationApi.domains()).map(([id, name]) => [id.toNumber(), name.toUtf8()]);
    const merit = domains.find(([, name]) => name === 'merit')[0];
    assert.equal(published.domain, merit);

    // Every account with merit got one attestation of its points, with the evidence.
    const expected = Object.fromEntries(result.merit.filter((r) => r.points > 0).map((r) => [r.account, r.points]));
    const records = await api.query.system.events.at(published.block.hash);
    const attested = {};
    for (const { event } of records) {
      if (api.events.reputation.Attested.is(event)) {
        const { subject, domain, points, evidence, attester } = event.data;
        assert.equal(domain.toNumber(), merit);
        assert.equal(evidence.toHex(), result.evidence);
        assert.equal(attester.toString(), alice.address);
        attested[subject.toString()] = points.toNumber();
      }
    }
    assert.deepEqual(attested, expected);
    assert.deepEqual(
      Object.fromEntries(published.attestations.map((a) => [a.account, Number(a.points)])),
      expected,
    );

    // The scores in the merit domain, read at that block, are the points.
    const at = await api.at(published.block.hash);
    for (const [account, pts] of Object.entries(expected)) {
      const scores = (await at.call.reputationApi.scores(account)).map(([d, s]) => [d.toNumber(), s.toBigInt()]);
      const score = Number(scores.find(([d]) => d === merit)[1]);
      assert.ok(Math.abs(score - pts) <= 1, `${account}: score ${score}, published ${pts}`);
    }
  });

  test('the Sybils got less than the persons the seeds endorse; counting would give them more', (t) => {
    const near = [...new Set(seeds.flatMap((_, i) => HONEST_EDGES.map(([d]) => honest[(i + d) % HONEST])))]
      .filter((who) => !seeds.includes(who));
    const sybilMerit = sum(sybils, points);
    const nearMerit = sum(near, points);
    t.diagnostic(`merit of ${result.params.budget}: Sybils ${sybilMerit}, the ${near.length} persons the seeds endorse ${nearMerit}, `
      + `all ${HONEST - 3} honest non-seeds ${sum(honest.slice(3), points)}; plain counting: Sybils ${sum(sybils, counted)}`);
    assert.ok(sybilMerit < nearMerit, `Sybils ${sybilMerit} ≥ near ${nearMerit}`);
    // Per account, a Sybil is worth less than any honest non-seed person reached.
    const honestMean = sum(honest.slice(3), points) / (HONEST - 3);
    assert.ok(sybilMerit / SYBILS < honestMean / 2, `Sybil mean ${sybilMerit / SYBILS}, honest ${honestMean}`);
    // Plain counting of endorsement weight gives the dense Sybil cluster a large share.
    assert.ok(sum(sybils, counted) > 3 * sybilMerit, `counted ${sum(sybils, counted)}, merit ${sybilMerit}`);
  });

  test('--verify accepts the published evidence and rejects another', async () => {
    const common = ['merit', '--url', node.url, '--seeds', seeds.map((s) => s.address).join(','),
      '--at', String(result.block.number), '--verify'];
    const ok = await cli([...common, '--evidence', result.evidence]);
    assert.equal(ok.status, 0, `${ok.stderr}\n${ok.stdout}`);
    assert.match(ok.stdout, /^match at block/);
    const wrong = await cli([...common, '--evidence', blake2AsHex('not the evidence')]);
    assert.equal(wrong.status, 1, `${wrong.stderr}\n${wrong.stdout}`);
    assert.match(wrong.stdout, /MISMATCH/);
    // Other parameters give another result, so another evidence.
    const other = await cli([...common, '--evidence', result.evidence, '--alpha', '0.3']);
    assert.equal(other.status, 1);
  });

  test('publishing again at once adds only what changed', async () => {
    // A later finalized block than the first run's, so another seed for the walks.
    await waitForFinalized(api, result.block.number + 1, 60_000);
    const again = await cli([
      'merit', '--url', node.url, '--seeds', seeds.map((s) => s.address).join(','),
      '--submit', '--suri', '//Alice', '--format', 'json',
    ]);
    assert.equal(again.status, 0, `${again.stderr}\n${again.stdout}`);
    const second = JSON.parse(again.stdout);
    // Another block, another random stream: the points move a little. Only the accounts whose
    // merit is now above their score get an attestation, of the difference (the score may have
    // decayed by a point since: the merit domain's half-life is 30 days).
    assert.notEqual(second.evidence, result.evidence);
    const before = Object.fromEntries(result.merit.map((r) => [r.account, r.points]));
    for (const a of second.published.attestations) {
      const now = second.merit.find((r) => r.account === a.account).points;
      const difference = now - (before[a.account] ?? 0);
      assert.ok([difference, difference + 1].includes(Number(a.points)), `${a.account}: ${a.points}, ${difference}`);
    }
    assert.equal(
      second.published.attestations.length + second.published.unchanged + second.published.above,
      second.merit.filter((r) => r.points > 0).length,
    );
  });
});
