// Shared React pieces: the app context, identicons, amounts, times, and the transaction button.
import { createContext, useContext, useEffect, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import type { ApiPromise } from '@polkadot/api';
import type { SubmittableExtrinsic } from '@polkadot/api/types';
import { polkadotIcon } from '@polkadot/ui-shared';
import type { Account, ChainInfo, TxResult } from './chain';
import { fmtAmount, fmtBlock, parseAmount, short } from './chain';

export interface Ctx {
  api: ApiPromise;
  info: ChainInfo;
  best: number;
  account: Account | null;
  accounts: Account[];
  /** Signs and sends `tx` as the selected account; shows its progress; resolves when in a block. */
  send: (label: string, tx: SubmittableExtrinsic<'promise'>) => Promise<TxResult>;
  names: Map<string, string>;
}

export const AppContext = createContext<Ctx | null>(null);
export function useApp(): Ctx {
  const c = useContext(AppContext);
  if (!c) throw new Error('no chain');
  return c;
}

/**
 * Runs `load` now and again at each new block (at most one run at a time); returns its latest
 * value, or `undefined` before the first, and the error of the last run.
 */
export function useChain<T>(load: (api: ApiPromise) => Promise<T>, deps: unknown[] = []): [T | undefined, string | null, () => void] {
  const { api, best } = useApp();
  const [value, setValue] = useState<T>();
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  const running = useRef(false);
  const depsKey = useRef<string>('');
  useEffect(() => {
    // New arguments (another account, another poll): drop the old value at once, never show it.
    const key = JSON.stringify(deps);
    if (key !== depsKey.current) {
      depsKey.current = key;
      setValue(undefined);
      running.current = false;
    }
    if (running.current) return;
    running.current = true;
    let live = true;
    load(api)
      .then((v) => { if (live) { setValue(v); setError(null); } })
      .catch((e) => { if (live) setError(e?.message ?? String(e)); })
      .finally(() => { running.current = false; });
    return () => { live = false; running.current = false; };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, best, tick, ...deps]);
  return [value, error, () => setTick((t) => t + 1)];
}

export function Identicon({ address, size = 20 }: { address: string; size?: number }) {
  let circles: { cx: number; cy: number; r: number; fill: string }[] = [];
  try {
    circles = polkadotIcon(address, { isAlternative: false });
  } catch {
    /* not an address */
  }
  return (
    <svg className="identicon" width={size} height={size} viewBox="0 0 64 64">
      {circles.map((c, i) => <circle key={i} cx={c.cx} cy={c.cy} r={c.r} fill={c.fill} />)}
    </svg>
  );
}

export function Address({ address }: { address: any }) {
  const { names } = useApp();
  const a = address?.toString?.() ?? String(address);
  const name = names.get(a);
  return (
    <span className="address" title={a}>
      <Identicon address={a} /> {name ? <b>{name}</b> : null} <code>{short(a)}</code>
    </span>
  );
}

export function Amount({ value }: { value: any }) {
  const { info } = useApp();
  return <span className="amount">{fmtAmount(value, info.decimals, info.symbol)}</span>;
}

export function When({ block }: { block: number }) {
  const { best, info } = useApp();
  return <span className="when">{fmtBlock(block, best, info.blockTimeMs)}</span>;
}

/** An amount input in whole units (e.g. OSTR with decimals); `onChange` gets plancks or null. */
export function AmountInput({ value, onChange, testid }: { value: string; onChange: (text: string) => void; testid?: string }) {
  const { info } = useApp();
  let err = '';
  try {
    if (value.trim() !== '') parseAmount(value, info.decimals);
  } catch (e: any) {
    err = e.message;
  }
  return (
    <span className="amount-input">
      <input data-testid={testid} value={value} onChange={(e) => onChange(e.target.value)} placeholder="0.0" />
      <span className="unit">{info.symbol}</span>
      {err ? <span className="err">{err}</span> : null}
    </span>
  );
}

/** A button that sends a transaction built by `build` (which may throw a message in words). */
export function TxButton({ label, build, onDone, disabled, testid, title }: {
  label: string;
  build: () => SubmittableExtrinsic<'promise'> | null;
  onDone?: (r: TxResult) => void;
  disabled?: boolean;
  testid?: string;
  title?: string;
}) {
  const { send, account } = useApp();
  const [busy, setBusy] = useState(false);
  const [err, setErr] = useState<string | null>(null);
  return (
    <span className="txbutton">
      <button
        data-testid={testid}
        title={title ?? (account ? '' : 'select an account to sign')}
        disabled={busy || disabled || !account}
        onClick={async () => {
          setErr(null);
          let tx: SubmittableExtrinsic<'promise'> | null;
          try {
            tx = build();
          } catch (e: any) {
            setErr(e.message);
            return;
          }
          if (!tx) return;
          setBusy(true);
          try {
            const r = await send(label, tx);
            onDone?.(r);
          } catch (e: any) {
            setErr(e.message);
          } finally {
            setBusy(false);
          }
        }}
      >
        {busy ? `${label}…` : label}
      </button>
      {err ? <span className="err" data-testid={testid ? `${testid}-error` : undefined}>{err}</span> : null}
    </span>
  );
}

export function Section({ title, children, testid }: { title: ReactNode; children: ReactNode; testid?: string }) {
  return (
    <section className="card" data-testid={testid}>
      <h3>{title}</h3>
      {children}
    </section>
  );
}

export function Loading({ error }: { error?: string | null }) {
  return error ? <p className="err">Could not read the chain: {error}</p> : <p className="muted">Loading…</p>;
}

export function Json({ value }: { value: any }) {
  return <pre className="json">{JSON.stringify(value, null, 2)}</pre>;
}
