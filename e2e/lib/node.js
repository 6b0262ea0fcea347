// Starts and stops ostrom-node processes for the end-to-end tests.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { ApiPromise, WsProvider } from '@polkadot/api';
import { blake2AsHex } from '@polkadot/util-crypto';

/** Path of the node binary: $OSTROM_NODE, else the workspace's debug build. */
export function nodeBinary() {
  const fromEnv = process.env.OSTROM_NODE;
  const bin = fromEnv
    ? resolve(fromEnv)
    : resolve(process.env.CARGO_TARGET_DIR ?? join(import.meta.dirname, '..', '..', 'target'), 'debug', 'ostrom-node');
  if (!existsSync(bin)) {
    throw new Error(`ostrom-node not found at ${bin}: build it (cargo build) or set OSTROM_NODE`);
  }
  return bin;
}

/** Path of the ostrom-cli binary: $OSTROM_CLI, else next to the node binary. */
export function cliBinary() {
  const bin = process.env.OSTROM_CLI
    ? resolve(process.env.OSTROM_CLI)
    : join(dirname(nodeBinary()), 'ostrom-cli');
  if (!existsSync(bin)) {
    throw new Error(`ostrom-cli not found at ${bin}: build it (cargo build) or set OSTROM_CLI`);
  }
  return bin;
}

/** A TCP port nobody listens on right now. */
export function freePort() {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => res(port));
    });
  });
}

/**
 * Starts `ostrom-node` with `args` plus free RPC and p2p ports and a temporary base path.
 * Resolves once the RPC endpoint answers; the returned handle's `stop()` ends the process.
 */
export async function startNode(args, { name = 'node', startTimeoutMs = 60_000 } = {}) {
  const rpcPort = await freePort();
  const p2pPort = await freePort();
  const basePath = mkdtempSync(join(tmpdir(), `ostrom-e2e-${name}-`));
  const startedAt = Date.now();
  const child = spawn(nodeBinary(), [
    ...args,
    '--base-path', basePath,
    '--rpc-port', String(rpcPort),
    '--port', String(p2pPort),
    '--no-prometheus',
    '--no-telemetry',
    '--no-mdns',
  ], { stdio: ['ignore', 'pipe', 'pipe'] });

  const log = [];
  const keep = (chunk) => {
    for (const line of chunk.toString().split('\n')) {
      if (line) log.push(line);
    }
    if (log.length > 400) log.splice(0, log.length - 400);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  let exited = null;
  const exitPromise = new Promise((res) => child.on('exit', (code, signal) => { exited = { code, signal }; res(exited); }));

  const url = `ws://127.0.0.1:${rpcPort}`;
  const handle = {
    name, url, rpcPort, p2pPort, basePath, startedAt, log,
    tail: (n = 40) => log.slice(-n).join('\n'),
    async stop() {
      if (!exited) {
        child.kill('SIGINT');
        const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
        await exitPromise;
        clearTimeout(timer);
      }
      rmSync(basePath, { recursive: true, force: true });
      return exited;
    },
  };

  // Wait until the RPC server answers a plain HTTP JSON-RPC request.
  const deadline = Date.now() + startTimeoutMs;
  for (;;) {
    if (exited) {
      throw new Error(`${name} exited early (${JSON.stringify(exited)}):\n${handle.tail()}`);
    }
    if (Date.now() > deadline) {
      await handle.stop();
      throw new Error(`${name}: RPC did not answer within ${startTimeoutMs} ms:\n${handle.tail()}`);
    }
    try {
      const r = await fetch(`http://127.0.0.1:${rpcPort}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ id: 1, jsonrpc: '2.0', method: 'system_health', params: [] }),
      });
      if (r.ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return handle;
}

/** Connects @polkadot/api with no custom types (as Polkadot.js Apps does). */
export async function connect(node) {
  const provider = new WsProvider(node.url, 1000, {}, 30_000);
  return ApiPromise.create({ provider, throwOnConnect: true, noInitWarn: true });
}

/** Resolves with the first finalized header whose number is at least `n`, or rejects after `timeoutMs`. */
export function waitForFinalized(api, n, timeoutMs) {
  return new Promise((res, rej) => {
    let unsub = null;
    const timer = setTimeout(() => {
      if (unsub) unsub();
      rej(new Error(`no finalized block #${n} within ${timeoutMs} ms`));
    }, timeoutMs);
    api.rpc.chain.subscribeFinalizedHeads((header) => {
      if (header.number.toNumber() >= n) {
        clearTimeout(timer);
        if (unsub) unsub();
        res(header);
      }
    }).then((u) => { unsub = u; });
  });
}

/**
 * Signs and sends `tx` as `signer`. Resolves with the result once the transaction is in a block
 * (or finalized, with `{ finalized: true }`); rejects with `section.ErrorName` for a module error.
 */
export function submit(api, tx, signer, { finalized = false } = {}) {
  return new Promise((res, rej) => {
    let unsub = null;
    const done = (fn, value) => {
      if (unsub) unsub();
      fn(value);
    };
    tx.signAndSend(signer, (r) => {
      if (r.dispatchError) {
        if (r.dispatchError.isModule) {
          const { section, name } = api.registry.findMetaError(r.dispatchError.asModule);
          done(rej, new Error(`${section}.${name}`));
        } else {
          done(rej, new Error(r.dispatchError.toString()));
        }
      } else if (finalized ? r.status.isFinalized : r.status.isInBlock) {
        done(res, r);
      } else if (r.isError) {
        done(rej, new Error(`transaction status ${r.status.type}`));
      }
    }).then((u) => { unsub = u; }, rej);
  });
}

/** Calls `check` every 3 s until it returns a truthy value (resolved with it) or `timeoutMs` passes. */
export async function eventually(check, timeoutMs, what) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 3000));
  }
}

/** Resolves once the best block is at least `n`. */
export async function untilBlock(api, n, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  while ((await api.rpc.chain.getHeader()).number.toNumber() < n) {
    if (Date.now() > deadline) throw new Error(`block #${n} not reached`);
    await new Promise((r) => setTimeout(r, 2000));
  }
}

/**
 * The events of block `hash`. The events of the block that applies a runtime upgrade were written
 * by the previous runtime, while the state at that block already holds the new one, whose
 * metadata need not decode them: those are decoded with the metadata of the parent block.
 */
export async function eventsAt(api, hash) {
  try {
    return await api.query.system.events.at(hash);
  } catch (error) {
    const { parentHash } = await api.rpc.chain.getHeader(hash);
    const previous = await api.at(parentHash);
    const raw = await api.rpc.state.getStorage.raw(api.query.system.events.key(), hash);
    if (raw === null) throw error;
    return previous.registry.createType('Vec<FrameSystemEventRecord>', raw);
  }
}

/**
 * Records the events of every block from the current best block on (blocks are read one by one,
 * so none is missed), including those of `on_initialize` (scheduled dispatches, referendum
 * alarms), which no transaction result carries. `wait(match, timeoutMs, what)` resolves with the
 * first record `{ block, event, phase }` whose event satisfies `match`, seen before or after the
 * call. Call `stop()` before disconnecting.
 */
export async function recordEvents(api) {
  const records = [];
  let next = (await api.rpc.chain.getHeader()).number.toNumber();
  let failure = null;
  let stopped = false;
  let queue = Promise.resolve();
  const readUpTo = (best) => {
    queue = queue.then(async () => {
      while (!stopped && next <= best) {
        const hash = await api.rpc.chain.getBlockHash(next);
        const events = await eventsAt(api, hash);
        for (const { event, phase } of events) records.push({ block: next, event, phase });
        next += 1;
      }
    }).catch((e) => {
      if (!stopped) failure = e;
    });
  };
  const unsub = await api.rpc.chain.subscribeNewHeads((header) => readUpTo(header.number.toNumber()));
  const find = (match) => records.find(({ event }) => match(event));
  return {
    records,
    find,
    filter: (match) => records.filter(({ event }) => match(event)),
    wait: (match, timeoutMs, what) => eventually(() => {
      if (failure) throw failure;
      return find(match);
    }, timeoutMs, what),
    stop() {
      stopped = true;
      unsub();
    },
  };
}

/** A council or reputation vote (the voter's seat or reputation) in `direction`. */
export const own = (direction) => ({ Own: direction });

/** A token vote of `amount` (balance), or a quadratic vote of `amount` votes. */
export const standard = (direction, amount) => ({ Standard: { direction, amount } });

/** Casts `votes`, `[[pollIndex, accountVote], …]`, as `signer` in one transaction. */
export function vote(api, signer, votes) {
  const calls = votes.map(([poll, accountVote]) => api.tx.voting.vote(poll, accountVote));
  return submit(api, calls.length === 1 ? calls[0] : api.tx.utility.batchAll(calls), signer);
}

const optionalIndex = (value) => (value.isSome ? value.unwrap().toNumber() : null);

/** The polls of a decision (`DecisionPolls`) as `{ council, community, extra }`, `null` where absent. */
export function pollsOf(polls) {
  return {
    council: optionalIndex(polls.council),
    community: optionalIndex(polls.community),
    extra: optionalIndex(polls.extra),
  };
}

/**
 * Proposes each of `proposals`, `{ class, call, preimage }`, as a decision with
 * `constitution.propose` (all in one transaction by `signer`). A call is bound inline, or with
 * `preimage: true` noted as a preimage first and bound by hash and length. Resolves, in order,
 * with each `Proposed` event's `{ decision, class, proposer, callHash, polls }` plus `boundHash`,
 * the blake2-256 hash of the call's encoding computed here.
 */
export async function propose(api, signer, proposals) {
  const calls = [];
  const hashes = [];
  for (const { class: classId, call, preimage = false } of proposals) {
    const hex = call.method.toHex();
    const hash = blake2AsHex(hex);
    hashes.push(hash);
    if (preimage) {
      calls.push(
        api.tx.preimage.notePreimage(hex),
        api.tx.constitution.propose(classId, { Lookup: { hash, len: (hex.length - 2) / 2 } }),
      );
    } else {
      calls.push(api.tx.constitution.propose(classId, { Inline: hex }));
    }
  }
  const result = await submit(api, calls.length === 1 ? calls[0] : api.tx.utility.batchAll(calls), signer);
  const proposed = result.events.filter(({ event }) => api.events.constitution.Proposed.is(event));
  if (proposed.length !== proposals.length) {
    throw new Error(`${proposed.length} Proposed events for ${proposals.length} proposals`);
  }
  return proposed.map(({ event }, i) => ({
    decision: event.data.decision.toNumber(),
    class: event.data.class.toNumber(),
    proposer: event.data.proposer.toString(),
    callHash: event.data.callHash.toHex(),
    polls: pollsOf(event.data.polls),
    boundHash: hashes[i],
  }));
}

/**
 * Waits (through `events`, from `recordEvents`) until `decision` closes; resolves with
 * `{ block, outcome }`, `outcome` the `Outcome` enum (`.type` is `Enacted`, `Rejected`, …).
 */
export async function decisionClosed(api, events, decision, timeoutMs) {
  const { block, event } = await events.wait(
    (e) => api.events.constitution.DecisionClosed.is(e) && e.data.decision.toNumber() === decision,
    timeoutMs, `decision ${decision} to close`,
  );
  return { block, outcome: event.data.outcome };
}

/**
 * Calls `constitution.advance(decision)` as `signer` from block `until` on (the end of a veto or
 * appeal window), retrying while it fails with `NotReady`. Resolves with the transaction result.
 */
export async function advanceWhenReady(api, signer, decision, until, timeoutMs) {
  await untilBlock(api, until - 1, timeoutMs);
  return eventually(async () => {
    try {
      return await submit(api, api.tx.constitution.advance(decision), signer);
    } catch (e) {
      if (/constitution\.NotReady/.test(e.message)) return null;
      throw e;
    }
  }, timeoutMs, `decision ${decision} to be ready to advance`);
}
