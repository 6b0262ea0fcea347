// The artifact registry on the development chain, end to end: a dataset and a model trained on it
// are registered by hash, attested by authorised attesters, and then, side by side:
//
// - the model is released to research-only by a release-gate decision (class 5: the council
//   decides, the community may appeal within 10 blocks, then anyone advances the decision);
// - the dataset is suspended at once by a guardian's emergency measure (Eve), and withdrawn by a
//   takedown decision (class 6: the council decides, with the same appeal window).
//
// Everything is checked from the outside with `ostrom-cli artifact verify`, which must tell
// registered, unknown, suspended and withdrawn files apart by exit code.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Keyring } from '@polkadot/keyring';
import { blake2AsHex, cryptoWaitReady } from '@polkadot/util-crypto';
import {
  advanceWhenReady, cliBinary, connect, decisionClosed, eventually, own, propose, recordEvents, startNode, submit,
  vote,
} from '../lib/node.js';

const sha256 = (bytes) => `0x${createHash('sha256').update(bytes).digest('hex')}`;

describe('artifact registry and ostrom-cli on ostrom-node --dev', () => {
  let node;
  let api;
  let events;
  let dir;
  let alice; let bob; let charlie; let dave; let eve;
  const files = {};

  const verify = (file) => spawnSync(cliBinary(), ['artifact', 'verify', file, '--url', node.url, '--no-progress'], { encoding: 'utf8' });

  before(async () => {
    await cryptoWaitReady();
    node = await startNode(['--dev'], { name: 'artifacts' });
    api = await connect(node);
    events = await recordEvents(api);
    const keyring = new Keyring({ type: 'sr25519' });
    [alice, bob, charlie, dave, eve] = ['//Alice', '//Bob', '//Charlie', '//Dave', '//Eve'].map((u) => keyring.addFromUri(u));
    dir = mkdtempSync(join(tmpdir(), 'ostrom-e2e-artifacts-'));
    for (const [name, size] of [['dataset', 3 << 20], ['model', 2 << 20], ['unknown', 1 << 10]]) {
      const bytes = randomBytes(size);
      const path = join(dir, `${name}.bin`);
      writeFileSync(path, bytes);
      files[name] = { path, size, hash: { Sha2_256: sha256(bytes) }, blake2: blake2AsHex(bytes, 256) };
    }
  });

  after(async () => {
    if (events) events.stop();
    if (api) await api.disconnect();
    if (node) await node.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('register, attest, release and take down through council decisions, verify with the CLI', { timeout: 300_000 }, async () => {
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

    // The release-gate decision for the model and the takedown decision for the dataset, proposed
    // together; both classes open a council poll only (the community may appeal later).
    const [release, takedown] = await propose(api, alice, [
      { class: 5, call: api.tx.artifacts.advanceStage(model.hash, 'ResearchOnly') },
      { class: 6, call: api.tx.artifacts.withdraw(dataset.hash) },
    ]);
    for (const p of [release, takedown]) {
      assert.equal(p.callHash, p.boundHash);
      assert.ok(p.polls.council !== null && p.polls.community === null, `polls of class ${p.class}`);
    }

    // Meanwhile Eve, a guardian, suspends the dataset for 100 blocks as an emergency measure,
    // while the council (Alice and Bob of three seats) approves both decisions.
    const reason = blake2AsHex('e2e: dataset reported to contain personal data');
    const [taken] = await Promise.all([
      submit(api, api.tx.guardians.takeMeasure({ SuspendArtifact: dataset.hash }, reason, 100), eve),
      ...[alice, bob].map((who) => vote(api, who, [[release.polls.council, own('Aye')], [takedown.polls.council, own('Aye')]])),
    ]);
    const measure = taken.events.find(({ event }) => api.events.guardians.MeasureTaken.is(event));
    assert.ok(measure, 'no MeasureTaken event');
    assert.equal(measure.event.data.guardian.toString(), eve.address);
    assert.ok((await api.call.artifactsApi.artifact(dataset.hash)).unwrap().stage.isSuspended, 'the dataset is not suspended');
    // Suspended → 2.
    const suspended = verify(dataset.path);
    assert.equal(suspended.status, 2, suspended.stderr + suspended.stdout);
    assert.match(suspended.stdout, /SUSPENDED until block/);

    // The council's approvals open the appeal windows; before a window ends, nothing can move.
    const windows = await Promise.all([release, takedown].map(async ({ decision }) => {
      const { event } = await events.wait(
        (e) => api.events.constitution.AppealWindowOpened.is(e) && e.data.decision.toNumber() === decision,
        120_000, `the appeal window of decision ${decision}`,
      );
      return event.data.until.toNumber();
    }));
    const decisionView = (await api.call.constitutionApi.decision(release.decision)).unwrap();
    assert.ok(decisionView.state.isAppealWindow, `state ${decisionView.state.type}`);
    assert.equal(decisionView.state.asAppealWindow.until.toNumber(), windows[0]);
    await assert.rejects(submit(api, api.tx.constitution.advance(release.decision), charlie), /constitution\.NotReady/);
    assert.ok((await api.call.artifactsApi.artifact(model.hash)).unwrap().stage.isRegistered, 'released during the appeal window');

    // No appeal: once the windows end, anyone advances the decisions, which are enacted.
    await Promise.all([
      advanceWhenReady(api, alice, release.decision, windows[0], 120_000),
      advanceWhenReady(api, bob, takedown.decision, windows[1], 120_000),
    ]);
    const outcomes = await Promise.all([release, takedown].map(({ decision }) => decisionClosed(api, events, decision, 60_000)));
    for (const { outcome } of outcomes) assert.equal(outcome.type, 'Enacted');
    await eventually(async () => (await api.call.artifactsApi.artifact(model.hash)).unwrap().stage.isResearchOnly,
      60_000, 'the model to reach research-only');
    await eventually(async () => (await api.call.artifactsApi.artifact(dataset.hash)).unwrap().stage.isWithdrawn,
      60_000, 'the dataset to be withdrawn');

    // Lineage: the model was trained on the dataset, whose tombstone keeps the link.
    const lineage = await api.call.artifactsApi.lineage(model.hash, 4);
    assert.equal(lineage.length, 1);
    assert.equal(lineage[0].name.toUtf8(), 'ostrom-corpus');
    assert.equal(lineage[0].relation.toString(), 'TrainedOn');
    assert.ok(lineage[0].stage.isWithdrawn, `dataset stage ${lineage[0].stage.type}`);

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

    // Withdrawn → 3.
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
