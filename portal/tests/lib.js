// What the browser tests share: a dev node (started with the end-to-end tests' helper), the built
// portal served from dist/, headless Chromium (Debian's package, driven by playwright-core), and
// @polkadot/api to check on chain what the UI did.
import { createServer } from 'node:http';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';

const here = dirname(fileURLToPath(import.meta.url));
export const portalDir = join(here, '..');
export const screenshotDir = join(portalDir, 'test-results', 'screenshots');

// The node binary: $OSTROM_NODE, else $CARGO_TARGET_DIR/debug/ostrom-node with the default of
// scripts/env.sh (~/.cache/ostrom/target).
process.env.OSTROM_NODE ??= join(
  process.env.CARGO_TARGET_DIR ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'ostrom', 'target'),
  'debug', 'ostrom-node',
);
// e2e/lib/node.js loads @polkadot/api from e2e/node_modules, the checks below from portal's: the
// same versions in two trees, which @polkadot/util reports as "multiple versions". Harmless here.
const warn = console.warn;
console.warn = (...args) => {
  if (typeof args[0] === 'string' && /has multiple versions|conflicting packages|remove and explicitly install|^\t(cjs|esm) /.test(args[0])) return;
  warn(...args);
};
const nodeLib = await import('../../e2e/lib/node.js');
export const { startNode, freePort } = nodeLib;

export const UNIT = 10n ** 12n;

/** Chromium: $CHROMIUM, else Debian's /usr/bin/chromium. */
export function chromiumPath() {
  const path = process.env.CHROMIUM ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
  if (!path || !existsSync(path)) throw new Error('chromium not found: run scripts/setup.sh (apt-get install chromium) or set CHROMIUM');
  return path;
}

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png', '.wasm': 'application/wasm', '.json': 'application/json' };

/** Serves dist/ (the built portal) on a free port; resolves with `{ url, close }`. */
export async function servePortal() {
  const dist = join(portalDir, 'dist');
  if (!existsSync(join(dist, 'index.html'))) throw new Error('portal/dist is missing: run npm run build first');
  const port = await freePort();
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    let file = join(dist, path);
    if (!file.startsWith(dist) || !existsSync(file) || statSync(file).isDirectory()) file = join(dist, 'index.html');
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  await new Promise((r) => server.listen(port, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((r) => server.close(r)) };
}

export async function launchBrowser() {
  return chromium.launch({ executablePath: chromiumPath(), headless: true, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
}

export async function connectApi(url) {
  return ApiPromise.create({ provider: new WsProvider(url, 1000, {}, 30_000), throwOnConnect: true, noInitWarn: true });
}

export async function devKeys() {
  await cryptoWaitReady();
  const keyring = new Keyring({ type: 'sr25519' });
  const keys = {};
  for (const name of ['Alice', 'Bob', 'Charlie', 'Dave', 'Eve', 'Ferdie']) keys[name.toLowerCase()] = keyring.addFromUri(`//${name}`);
  return keys;
}

/** Signs and sends `tx` as `signer` directly (test setup only); resolves in a block, rejects with `section.Name`. */
export function submit(api, tx, signer) {
  return new Promise((res, rej) => {
    let unsub = null;
    tx.signAndSend(signer, (r) => {
      if (r.dispatchError) {
        if (unsub) unsub();
        const e = r.dispatchError.isModule ? api.registry.findMetaError(r.dispatchError.asModule) : null;
        rej(new Error(e ? `${e.section}.${e.name}` : r.dispatchError.toString()));
      } else if (r.status.isInBlock) {
        if (unsub) unsub();
        res(r);
      }
    }).then((u) => { unsub = u; }, rej);
  });
}

/** Polls `check` every second until it returns a truthy value or `timeoutMs` passes. */
export async function eventually(check, timeoutMs, what) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 1000));
  }
}

export function screenshot(page, name) {
  mkdirSync(screenshotDir, { recursive: true });
  return page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true });
}
