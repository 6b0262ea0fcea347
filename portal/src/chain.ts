// Connection, accounts, signing, and the formatting every page shares.
import { ApiPromise, WsProvider } from '@polkadot/api';
import type { SubmittableExtrinsic } from '@polkadot/api/types';
import { Keyring } from '@polkadot/keyring';
import type { KeyringPair } from '@polkadot/keyring/types';
import { cryptoWaitReady } from '@polkadot/util-crypto';

export const DEFAULT_ENDPOINT = 'ws://127.0.0.1:9944';
const ENDPOINT_KEY = 'ostrom-portal.endpoint';
const ACCOUNT_KEY = 'ostrom-portal.account';

/** The endpoint: `?rpc=` in the URL, else the one remembered, else the local node. */
export function initialEndpoint(): string {
  const fromUrl = new URLSearchParams(window.location.search).get('rpc');
  if (fromUrl) return fromUrl;
  return localStorage.getItem(ENDPOINT_KEY) ?? DEFAULT_ENDPOINT;
}
export function rememberEndpoint(url: string) {
  localStorage.setItem(ENDPOINT_KEY, url);
}
export function rememberedAccount(): string | null {
  return localStorage.getItem(ACCOUNT_KEY);
}
export function rememberAccount(address: string) {
  localStorage.setItem(ACCOUNT_KEY, address);
}

export interface ChainInfo {
  chain: string;
  chainType: string;
  isDev: boolean;
  decimals: number;
  symbol: string;
  ss58: number;
  blockTimeMs: number;
  specVersion: number;
}

export async function connectApi(url: string): Promise<ApiPromise> {
  const provider = new WsProvider(url, 2500, {}, 30_000);
  return ApiPromise.create({ provider, throwOnConnect: true, noInitWarn: true });
}

export async function chainInfo(api: ApiPromise): Promise<ChainInfo> {
  const [chain, chainType, props] = await Promise.all([
    api.rpc.system.chain(),
    api.rpc.system.chainType(),
    api.rpc.system.properties(),
  ]);
  const decimals = props.tokenDecimals.isSome ? props.tokenDecimals.unwrap()[0].toNumber() : 12;
  const symbol = props.tokenSymbol.isSome ? props.tokenSymbol.unwrap()[0].toString() : 'UNIT';
  const ss58 = props.ss58Format.isSome ? props.ss58Format.unwrap().toNumber() : 42;
  let blockTimeMs = 6000;
  try {
    blockTimeMs = Number((await (api.call as any).auraApi.slotDuration()).toString());
  } catch {
    const min = (api.consts as any).timestamp?.minimumPeriod;
    if (min) blockTimeMs = Number(min.toString()) * 2;
  }
  return {
    chain: chain.toString(),
    chainType: chainType.type,
    isDev: chainType.isDevelopment || chainType.isLocal,
    decimals,
    symbol,
    ss58,
    blockTimeMs,
    specVersion: api.runtimeVersion.specVersion.toNumber(),
  };
}

export interface Account {
  address: string;
  name: string;
  source: 'dev' | string;
  pair?: KeyringPair;
}

export const DEV_NAMES = ['Alice', 'Bob', 'Charlie', 'Dave', 'Eve', 'Ferdie'];

export async function devAccounts(ss58: number): Promise<Account[]> {
  await cryptoWaitReady();
  const keyring = new Keyring({ type: 'sr25519', ss58Format: ss58 });
  return DEV_NAMES.map((name) => {
    const pair = keyring.addFromUri(`//${name}`, { name });
    return { address: pair.address, name, source: 'dev', pair };
  });
}

/** Accounts of the Polkadot.js extension (or any wallet injecting the same interface). */
export async function extensionAccounts(ss58: number): Promise<Account[]> {
  const { web3Enable, web3Accounts } = await import('@polkadot/extension-dapp');
  const extensions = await web3Enable('Ostrom governance portal');
  if (extensions.length === 0) return [];
  const accounts = await web3Accounts({ ss58Format: ss58 });
  return accounts.map((a) => ({
    address: a.address,
    name: a.meta.name ?? a.address.slice(0, 8),
    source: a.meta.source,
  }));
}

/** A module error or any dispatch error, in words. */
export function explainError(api: ApiPromise, err: any): string {
  if (err?.isModule) {
    try {
      const { section, name, docs } = api.registry.findMetaError(err.asModule);
      const text = docs.join(' ').trim();
      return `${section}.${name}${text ? `: ${text}` : ''}`;
    } catch {
      return err.toString();
    }
  }
  if (err?.isToken) return `token error: ${err.asToken.type}`;
  if (err?.isArithmetic) return `arithmetic error: ${err.asArithmetic.type}`;
  if (err?.isBadOrigin) return 'BadOrigin: this account may not make this call';
  return err?.toString?.() ?? String(err);
}

export interface TxResult {
  blockHash: string;
  events: any[];
}

/**
 * Signs `tx` with `account` (a dev key, or the extension that holds it) and resolves once it is
 * in a block; rejects with the failure in words (module errors with their documentation).
 */
export async function signAndSend(
  api: ApiPromise,
  tx: SubmittableExtrinsic<'promise'>,
  account: Account,
  onStatus: (s: string) => void,
): Promise<TxResult> {
  let signer: any = account.pair;
  let options: any = {};
  if (!account.pair) {
    const { web3FromAddress } = await import('@polkadot/extension-dapp');
    const injector = await web3FromAddress(account.address);
    signer = account.address;
    options = { signer: injector.signer };
  }
  return new Promise((resolve, reject) => {
    let unsub: (() => void) | null = null;
    const finish = (fn: () => void) => {
      if (unsub) unsub();
      fn();
    };
    tx.signAndSend(signer, options, (r: any) => {
      onStatus(r.status.type);
      if (r.dispatchError) {
        finish(() => reject(new Error(explainError(api, r.dispatchError))));
      } else if (r.status.isInBlock) {
        const failed = r.events.find(({ event }: any) => api.events.utility?.BatchInterrupted?.is(event));
        if (failed) {
          finish(() => reject(new Error(`batch interrupted: ${explainError(api, failed.event.data[1])}`)));
        } else {
          finish(() => resolve({ blockHash: r.status.asInBlock.toHex(), events: r.events }));
        }
      } else if (r.isError) {
        finish(() => reject(new Error(`the transaction was dropped (${r.status.type})`)));
      }
    }).then((u: any) => { unsub = u; }, (e: any) => reject(new Error(e?.message ?? String(e))));
  });
}

// ---------- amounts ----------

const group = (s: string) => s.replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** `planck` (bigint, BN, codec or string) as e.g. `1,234.5 OSTR`. */
export function fmtAmount(planck: any, decimals: number, symbol: string, maxFraction = 4): string {
  const v = BigInt(planck?.toString?.() ?? planck ?? 0);
  const neg = v < 0n;
  const abs = neg ? -v : v;
  const base = 10n ** BigInt(decimals);
  const whole = abs / base;
  let frac = (abs % base).toString().padStart(decimals, '0').slice(0, maxFraction).replace(/0+$/, '');
  if (frac === '' && abs % base !== 0n && whole === 0n) frac = '0'.repeat(maxFraction - 1) + '1';
  return `${neg ? '-' : ''}${group(whole.toString())}${frac ? `.${frac}` : ''} ${symbol}`;
}

/** `text` in whole units with up to `decimals` decimals (e.g. "1.5") in plancks; throws if invalid. */
export function parseAmount(text: string, decimals: number): bigint {
  const t = text.trim().replace(/[,_\s]/g, '');
  if (!/^\d+(\.\d*)?$/.test(t)) throw new Error(`"${text}" is not an amount`);
  const [w, f = ''] = t.split('.');
  if (f.length > decimals) throw new Error(`at most ${decimals} decimals`);
  return BigInt(w) * 10n ** BigInt(decimals) + BigInt((f + '0'.repeat(decimals)).slice(0, decimals) || '0');
}

// ---------- time ----------

export function fmtDuration(ms: number): string {
  const s = Math.round(Math.abs(ms) / 1000);
  if (s < 60) return `${s} s`;
  const m = Math.round(s / 60);
  if (m < 90) return `${m} min`;
  const h = Math.round(m / 60);
  if (h < 48) return `${h} h`;
  return `${Math.round(h / 24)} d`;
}

/** `block` relative to `best`, e.g. `in 3 min (block #1234)` or `2 min ago (block #1200)`. */
export function fmtBlock(block: number, best: number, blockTimeMs: number): string {
  const d = block - best;
  if (d === 0) return `now (block #${block})`;
  const span = fmtDuration(d * blockTimeMs);
  return d > 0 ? `in ${span} (block #${block})` : `${span} ago (block #${block})`;
}

export const short = (a: string) => (a.length > 16 ? `${a.slice(0, 6)}…${a.slice(-6)}` : a);

/** Bytes (hex or codec) as text when printable, else hex. */
export function text(bytes: any): string {
  const hex = bytes?.toHex ? bytes.toHex() : String(bytes);
  if (bytes?.toUtf8) {
    try {
      const s = bytes.toUtf8();
      if (/^[\x20-\x7e]*$/.test(s)) return s;
    } catch {
      /* not utf-8 */
    }
  }
  if (typeof bytes === 'string' && bytes.startsWith('0x')) {
    try {
      const s = new TextDecoder('utf-8', { fatal: true }).decode(
        Uint8Array.from(bytes.slice(2).match(/../g)?.map((h) => parseInt(h, 16)) ?? []),
      );
      if (/^[\x20-\x7e]*$/.test(s)) return s;
    } catch {
      /* not utf-8 */
    }
  }
  return hex;
}

/** Perbill (codec or number) as a percentage. */
export const pct = (perbill: any, digits = 1) => `${(Number(perbill?.toString?.() ?? perbill) / 1e7).toFixed(digits)} %`;
