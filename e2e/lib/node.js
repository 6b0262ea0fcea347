// Starts and stops ostrom-node processes for the end-to-end tests.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { ApiPromise, WsProvider } from '@polkadot/api';

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
