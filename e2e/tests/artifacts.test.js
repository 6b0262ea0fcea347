// The artifact registry on the development chain, end to end: a dataset and a model trained on it
// are registered by hash, attested by authorised attesters, released to research-only by a
// release-gate decision (a council referendum), and then checked from the outside with
// `ostrom-cli artifact verify`, which must tell registered, unknown, suspended and withdrawn
// files apart by exit code.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Keyring } from '@polkadot/keyring';
import { blake2AsHex, cryptoWaitReady } from '@polkadot/util-crypto';
import { cliBinary, connect, eventually, startNode, submit } from '../lib/node.js';

const sha256 = (bytes) => `0x${createHash('sha256').update(bytes).digest('hex')}`;

describe('artifact registry and ostrom-cli on ostrom-node --dev', () => {
  let node;
  let api;
  let dir;
  let alice; let bob; let charlie; let dave;
  const files = {};

  const verify = (file) => spawnSync(cliBinary(), ['artifact', 'verify', file, '--url', node.url, '--no-progress'], { encoding: 'utf8' });

  before(async () => {
    await cryptoWaitReady();
    node = await startNode(['--dev'], { name: 'artifacts' });
    api = await connect(node);
    const keyring = new Keyring({ type: 'sr25519' });
    [alice, bob, charlie, dave] = ['//Alice', '//Bob', '//Charlie', '//Dave'].map((u) => keyring.addFromUri(u));
    dir = mkdtempSync(join(tmpdir(), 'ostrom-e2e-artifacts-'));
    for (const [name, size] of [['dataset', 3 << 20], ['model', 2 << 20], ['unknown', 1 << 10]]) {
      const bytes = randomBytes(size);
      const path = join(dir, `${name}.bin`);
      writeFileSync(path, bytes);
      files[name] = { path, size, hash: { Sha2_256: sha256(bytes) }, blake2: blake2AsHex(bytes, 256) };
    }
  });

  after(async () => {
    if (api) await api.disconnect();
    if (node) await node.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('register, attest, release through a council decision, verify with the CLI', { timeout: 300_000 }, async () => {
    const { dataset, model } = files;
    await submit(api, api.tx.utility.batchAll([
      api.tx.artifacts.register(dataset.hash, 'Dataset', 'ostrom-corpus', '1', dataset.size, null, 'CC-BY-4.0', []),
      api.tx.artifacts.register(model.hash, 'Model', 'ostrom-7b', '1.0', model.size,
        'https://example.invalid/ostrom-7b', 'Apache-2.0', [[dataset.hash, 'TrainedOn']]),
    ]), dave);

    // The registrant cannot attest their own artifact; unauthorised attesters are refused.
    await assert.rejects(submit(api, api.tx.artifacts.attest(model.hash, 'LicenceReviewed'), dave), /artifacts\.(NotAttester|RegistrantCannotAttest)/);
    await Promise.all([
      submit(api, api.tx.artifacts.attest(model.hash, 'Reproduced'), alice),
      submit(api, api.tx.artifacts.attest(model.hash, 'Reproduced'), charlie),
      submit(api, api.tx.artifacts.attest(model.hash, 'LicenceReviewed'), bob),
    ]);
    const view = (await api.call.artifactsApi.artifact(model.hash)).unwrap();
    assert.equal(view.summary.reproductions.toNumber(), 2);
    assert.equal(view.nextGate.unwrap()[1].toString(), 'Met');

    // The release-gate decision: a council referendum (Alice and Bob of three seats).
    const call = api.tx.artifacts.advanceStage(model.hash, 'ResearchOnly');
    const index = (await api.query.referenda.referendumCount()).toNumber();
    await submit(api, api.tx.utility.batchAll([
      api.tx.referenda.submit({ Origins: 'CouncilDecision' }, { Inline: call.method.toHex() }, { After: 1 }),
      api.tx.referenda.placeDecisionDeposit(index),
    ]), alice);
    await Promise.all([alice, bob].map((who) => submit(api, api.tx.voting.vote(index, { Own: 'Aye' }), who)));
    await eventually(async () => (await api.call.artifactsApi.artifact(model.hash)).unwrap().stage.isResearchOnly,
      240_000, 'the model to reach research-only');

    // Lineage: the model was trained on the dataset.
    const lineage = await api.call.artifactsApi.lineage(model.hash, 4);
    assert.equal(lineage.length, 1);
    assert.equal(lineage[0].name.toUtf8(), 'ostrom-corpus');
    assert.equal(lineage[0].relation.toString(), 'TrainedOn');

    // The CLI: registered → 0, with name, stage, licence, attestations and lineage.
    const ok = verify(model.path);
    assert.equal(ok.status, 0, ok.stderr + ok.stdout);
    for (const expected of ['ostrom-7b 1.0', 'research-only', 'Apache-2.0', '2 reproductions', 'TrainedOn ostrom-corpus']) {
      assert.ok(ok.stdout.includes(expected), `"${expected}" missing from:\n${ok.stdout}`);
    }
    // Unknown → 1.
    const unknown = verify(files.unknown.path);
    assert.equal(unknown.status, 1, unknown.stderr + unknown.stdout);
    assert.match(unknown.stdout, /not registered/);

    // Suspended (emergency measure, here by sudo on the dev chain) → 2; withdrawn → 3.
    const now = (await api.rpc.chain.getHeader()).number.toNumber();
    await submit(api, api.tx.sudo.sudo(api.tx.artifacts.suspend(dataset.hash, now + 100)), alice);
    const suspended = verify(dataset.path);
    assert.equal(suspended.status, 2, suspended.stderr + suspended.stdout);
    assert.match(suspended.stdout, /SUSPENDED until block/);
    await submit(api, api.tx.sudo.sudo(api.tx.artifacts.withdraw(dataset.hash)), alice);
    const withdrawn = verify(dataset.path);
    assert.equal(withdrawn.status, 3, withdrawn.stderr + withdrawn.stdout);
    assert.match(withdrawn.stdout, /WITHDRAWN/);
  });

  test('the CLI prints both content hashes of a file', () => {
    const out = spawnSync(cliBinary(), ['artifact', 'hash', files.unknown.path, '--no-progress'], { encoding: 'utf8' });
    assert.equal(out.status, 0, out.stderr);
    assert.ok(out.stdout.includes(`sha2-256:${files.unknown.hash.Sha2_256}`), out.stdout);
    assert.ok(out.stdout.includes(`blake2-256:${files.unknown.blake2}`), out.stdout);
    assert.ok(out.stdout.includes(`size ${files.unknown.size}`), out.stdout);
  });
});
