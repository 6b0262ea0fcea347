// Helpers shared by the command-line scripts of e2e/ (bench-votes.js, simulate.js) and the
// simulated community (lib/simulation.js).
import { DEV_PHRASE, Keyring } from '@polkadot/keyring';
import {
  keyExtractPath, keyFromPath, mnemonicToMiniSecret, sr25519PairFromSeed,
} from '@polkadot/util-crypto';

/** One OSTR in plancks. */
export const UNIT = 10n ** 12n;

/** The referendum track of poll kind `kind` (0 council, 1 community, 2 override, 3 veto/appeal) of a class. */
export const track = (classId, kind) => classId * 4 + kind;

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** `list` cut into slices of at most `size` items. */
export const chunks = (list, size) => {
  const out = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
};

/** A logger that prefixes each line with the minutes and seconds since it was made: `[mm:ss]`. */
export function logger() {
  const started = Date.now();
  const stamp = () => {
    const s = Math.floor((Date.now() - started) / 1000);
    return `[${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}]`;
  };
  return { stamp, say: (...args) => console.log(stamp(), ...args) };
}

/** `--name value` pairs into `{ name: value }`, other arguments into `_`. */
export function parseArgs(argv) {
  const opts = { _: [] };
  for (let i = 0; i < argv.length; i += 1) {
    if (argv[i].startsWith('--')) {
      opts[argv[i].slice(2)] = argv[i + 1];
      i += 1;
    } else {
      opts._.push(argv[i]);
    }
  }
  return opts;
}

/** Derives accounts (`//bench//7`, …) from the development phrase (one PBKDF2 for all of them). */
export function accountFactory() {
  const keyring = new Keyring({ type: 'sr25519' });
  const root = sr25519PairFromSeed(mnemonicToMiniSecret(DEV_PHRASE));
  return (uri) => keyring.addFromPair(keyFromPath(root, keyExtractPath(uri).path, 'sr25519'));
}

/**
 * Follows the best chain from the current block on and calls `read(n)` for every block in order,
 * none skipped (subclasses define `read`). `onHead(n)` is called when block `n` is announced.
 * A failure of `read` is kept in `failure` for the caller to check.
 */
export class BlockFollower {
  constructor(reader) {
    this.reader = reader;
    this.queue = Promise.resolve();
    this.failure = null;
    this.best = 0;
    this.next = 0;
  }

  async start() {
    this.best = (await this.reader.rpc.chain.getHeader()).number.toNumber();
    this.next = this.best + 1;
    this.unsub = await this.reader.rpc.chain.subscribeNewHeads((header) => {
      const n = header.number.toNumber();
      this.onHead(n);
      this.best = Math.max(this.best, n);
      this.queue = this.queue.then(async () => {
        while (this.next <= this.best) {
          await this.read(this.next);
          this.next += 1;
        }
      }).catch((e) => { this.failure = e; });
    });
  }

  // eslint-disable-next-line class-methods-use-this, no-unused-vars
  onHead(n) {}

  stop() {
    if (this.unsub) this.unsub();
  }
}

/**
 * Block `n`: its signed block, its event records and the events of each extrinsic by index.
 */
export async function readBlock(api, n) {
  const hash = await api.rpc.chain.getBlockHash(n);
  const [signed, records] = await Promise.all([api.rpc.chain.getBlock(hash), api.query.system.events.at(hash)]);
  const byIndex = new Map();
  for (const { phase, event } of records) {
    if (!phase.isApplyExtrinsic) continue;
    const i = phase.asApplyExtrinsic.toNumber();
    if (!byIndex.has(i)) byIndex.set(i, []);
    byIndex.get(i).push(event);
  }
  return { signed, records, byIndex };
}

/** Signs `tx` offline (immortal, explicit nonce): no RPC round trip per transaction. */
export function sign(api, tx, pair, nonce) {
  return tx.sign(pair, {
    blockHash: api.genesisHash,
    genesisHash: api.genesisHash,
    nonce,
    runtimeVersion: api.runtimeVersion,
    signedExtensions: api.registry.signedExtensions,
    version: api.extrinsicVersion,
  });
}
