// RUNTIME-UPGRADE HOOK of the network tests (upgrade.zndsl): a forkless runtime upgrade voted on
// the four-validator `local` network (no sudo) and applied on every node.
//
// `alice: js-script ./upgrade.js within 900 seconds`, with OSTROM_NEXT_WASM naming the new
// runtime's Wasm (scripts/build-next-runtime.sh builds it: this runtime with spec_version + 1;
// set OSTROM_NEXT_SPEC_VERSION to require an exact version). Steps, as the constitution routes a
// runtime upgrade (class 0, council and community in concurrence, dispatched as Root):
//
// 1. Alice proposes `system.authorizeUpgrade(blake2_256(code))`, inline:
//    `constitution.propose(0, { Inline: call.method.toHex() })`; the decision opens a council
//    poll and a community (token) poll.
// 2. The council (Alice, Bob, Charlie: the preset's seats) votes `{ Own: 'Aye' }`; Alice locks
//    900,000 OSTR aye in the community poll (`{ Standard: { direction: 'Aye', amount } }`),
//    above the 5 % of the total issuance the track asks for at first.
// 3. The decision closes `Enacted`; `system.UpgradeAuthorized` is emitted with the code hash.
// 4. Ferdie submits `system.applyAuthorizedUpgrade(code)`; `system.CodeUpdated` follows.
// 5. Every node (alice, bob, charlie, dave) reports the new spec_version through
//    `state_getRuntimeVersion`, without a restart, and every node finalises blocks built by the
//    new runtime.
const fs = require('node:fs');
const {
  NODES, describe, log, rpc, statuses, until,
} = require('./lib.js');

const UNIT = 10n ** 12n;
const RUNTIME_UPGRADE = 0;

/** Signs and sends `tx`; resolves with the result once in a block, rejects on a dispatch error. */
function submit(api, tx, signer) {
  return new Promise((resolve, reject) => {
    let unsub = null;
    const done = (fn, value) => {
      if (unsub) unsub();
      fn(value);
    };
    tx.signAndSend(signer, (r) => {
      if (r.dispatchError) {
        if (r.dispatchError.isModule) {
          const { section, name } = api.registry.findMetaError(r.dispatchError.asModule);
          done(reject, new Error(`${section}.${name}`));
        } else {
          done(reject, new Error(r.dispatchError.toString()));
        }
      } else if (r.status.isInBlock) {
        done(resolve, r);
      } else if (r.isError) {
        done(reject, new Error(`transaction status ${r.status.type}`));
      }
    }).then((u) => { unsub = u; }, reject);
  });
}

/** Reads the events of every block from `from` on, one block at a time, into `records`. */
function recordEvents(api, from) {
  const records = [];
  let next = from;
  let stopped = false;
  let failure = null;
  (async () => {
    while (!stopped) {
      try {
        const best = (await api.rpc.chain.getHeader()).number.toNumber();
        while (!stopped && next <= best) {
          const hash = await api.rpc.chain.getBlockHash(next);
          const events = await api.query.system.events.at(hash);
          for (const { event } of events) records.push({ block: next, event });
          next += 1;
        }
      } catch (e) {
        failure = e;
      }
      await new Promise((r) => setTimeout(r, 1000));
    }
  })();
  return {
    wait: (match, timeoutMs, what) => until(() => {
      if (failure) throw failure;
      return records.find(({ event }) => match(event));
    }, timeoutMs, what, 1000),
    stop() { stopped = true; },
  };
}

async function versions(networkInfo) {
  const all = await Promise.all(NODES.map((n) => rpc(networkInfo, n, 'state_getRuntimeVersion')));
  return Object.fromEntries(NODES.map((n, i) => [n, all[i]]));
}

const show = (vs) => Object.entries(vs).map(([n, v]) => `${n} ${v.specName} v${v.specVersion}`).join(' | ');

async function run(nodeName, networkInfo) {
  const wasmPath = process.env.OSTROM_NEXT_WASM;
  if (!wasmPath || !fs.existsSync(wasmPath)) {
    throw new Error('OSTROM_NEXT_WASM must name the next runtime\'s Wasm (scripts/build-next-runtime.sh prints it)');
  }
  // The @polkadot/api that zombienet bundles and hands to its scripts.
  const { ApiPromise, WsProvider, Keyring, util } = zombie;
  await util.cryptoWaitReady();
  const code = fs.readFileSync(wasmPath);
  const codeHash = util.blake2AsHex(code);
  log(`upgrade: new runtime ${wasmPath} (${code.length} bytes, blake2-256 ${codeHash})`);

  const before = await versions(networkInfo);
  log(`upgrade: BEFORE: ${show(before)}`);
  const oldVersion = before.alice.specVersion;
  if (!Object.values(before).every((v) => v.specVersion === oldVersion)) throw new Error('nodes run different runtimes');

  const api = await ApiPromise.create({
    provider: new WsProvider(networkInfo.nodesByName[nodeName].wsUri), noInitWarn: true, throwOnConnect: true,
  });
  const keyring = new Keyring({ type: 'sr25519' });
  const [alice, bob, charlie, ferdie] = ['//Alice', '//Bob', '//Charlie', '//Ferdie'].map((u) => keyring.addFromUri(u));
  const events = recordEvents(api, (await api.rpc.chain.getHeader()).number.toNumber());
  try {
    // Seats (the constitution's council), read from storage: zombienet's @polkadot/api (v14)
    // reads metadata V14, which does not describe the runtime's own APIs.
    const council = (await api.query.constitution.seats()).map(([who]) => who.toString());
    const issuance = (await api.query.balances.totalIssuance()).toBigInt();
    const aye = 900_000n * UNIT;
    log(`upgrade: council ${council.join(', ')}; total issuance ${issuance / UNIT} OSTR, Alice locks ${aye / UNIT} OSTR aye (${Number((aye * 10000n) / issuance) / 100} %)`);
    for (const who of [alice, bob, charlie]) {
      if (!council.includes(who.address)) throw new Error(`${who.address} has no council seat`);
    }

    // 1. The decision: class 0, the call inline.
    const call = api.tx.system.authorizeUpgrade(codeHash);
    const proposed = await submit(api, api.tx.constitution.propose(RUNTIME_UPGRADE, { Inline: call.method.toHex() }), alice);
    const ev = proposed.events.map(({ event }) => event).find((e) => api.events.constitution.Proposed.is(e));
    if (!ev) throw new Error('no constitution.Proposed event');
    const decision = ev.data.decision.toNumber();
    const polls = ev.data.polls;
    if (polls.council.isNone || polls.community.isNone) throw new Error('a runtime upgrade must open a council and a community poll');
    const [councilPoll, communityPoll] = [polls.council.unwrap().toNumber(), polls.community.unwrap().toNumber()];
    log(`upgrade: decision ${decision} (class ${ev.data.class.toNumber()}, call hash ${ev.data.callHash.toHex()}): council poll ${councilPoll}, community poll ${communityPoll}`);

    // 2. Votes: the three council seats; Alice's tokens in the community poll.
    await Promise.all([
      submit(api, api.tx.utility.batchAll([
        api.tx.voting.vote(councilPoll, { Own: 'Aye' }),
        api.tx.voting.vote(communityPoll, { Standard: { direction: 'Aye', amount: aye } }),
      ]), alice),
      submit(api, api.tx.voting.vote(councilPoll, { Own: 'Aye' }), bob),
      submit(api, api.tx.voting.vote(councilPoll, { Own: 'Aye' }), charlie),
    ]);
    log('upgrade: council Alice, Bob, Charlie aye; community 900,000 OSTR aye');

    // 3. Enacted, then authorised.
    const closed = await events.wait(
      (e) => api.events.constitution.DecisionClosed.is(e) && e.data.decision.toNumber() === decision,
      600_000, `decision ${decision} to close`,
    );
    const outcome = closed.event.data.outcome;
    if (outcome.type !== 'Enacted') throw new Error(`the upgrade decision closed ${outcome.type}`);
    const authorised = await events.wait(
      (e) => api.events.system.UpgradeAuthorized.is(e) && e.data.codeHash.toHex() === codeHash,
      120_000, 'system.UpgradeAuthorized',
    );
    log(`upgrade: decision ${decision} closed Enacted in block #${closed.block} (call dispatched at #${outcome.asEnacted.at.toNumber()}); UpgradeAuthorized in block #${authorised.block}`);

    // 4. Anyone applies the authorised code.
    const applied = await submit(api, api.tx.system.applyAuthorizedUpgrade(`0x${code.toString('hex')}`), ferdie);
    const updated = await events.wait((e) => api.events.system.CodeUpdated.is(e), 120_000, 'system.CodeUpdated');
    log(`upgrade: applyAuthorizedUpgrade (Ferdie) in block ${applied.status.asInBlock.toHex()}; CodeUpdated in block #${updated.block}`);

    // 5. Every node runs the new runtime and keeps finalising.
    const after = await until(async () => {
      const vs = await versions(networkInfo);
      return Object.values(vs).every((v) => v.specVersion > oldVersion) ? vs : null;
    }, 180_000, 'every node to report the new spec_version');
    log(`upgrade: AFTER: ${show(after)}`);
    const newVersion = after.alice.specVersion;
    const expected = process.env.OSTROM_NEXT_SPEC_VERSION ? Number(process.env.OSTROM_NEXT_SPEC_VERSION) : null;
    if (!Object.values(after).every((v) => v.specVersion === newVersion && v.specName === before.alice.specName)) {
      throw new Error(`nodes disagree after the upgrade: ${show(after)}`);
    }
    if (expected !== null && newVersion !== expected) throw new Error(`spec_version ${newVersion}, expected ${expected}`);
    const target = updated.block + 3;
    const all = await until(async () => {
      const s = await statuses(networkInfo);
      return NODES.every((n) => s[n] && s[n].finalized >= target) ? s : null;
    }, 300_000, `every node to finalise #${target}`);
    for (const n of NODES) {
      const v = await rpc(networkInfo, n, 'state_getRuntimeVersion', [all[n].finalizedHash]);
      if (v.specVersion !== newVersion) throw new Error(`${n}'s finalised head runs v${v.specVersion}`);
    }
    log(`upgrade: PASS: spec_version ${oldVersion} -> ${newVersion} on every node, no restart; all finalise under it: ${describe(all)}`);
    return newVersion;
  } finally {
    events.stop();
    await api.disconnect();
  }
}

module.exports = { run };
