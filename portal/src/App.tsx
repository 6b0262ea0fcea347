import { useCallback, useEffect, useMemo, useState } from "react";
import type { ReactElement } from "react";
import type { ApiPromise } from '@polkadot/api';
import type { Account, ChainInfo } from './chain';
import { chainInfo, connectApi, devAccounts, extensionAccounts, initialEndpoint, rememberAccount, rememberEndpoint, rememberedAccount, signAndSend } from './chain';
import { AppContext, Identicon } from './ui';
import type { Ctx } from './ui';
import { Decisions } from './pages/Decisions';
import { Vote } from './pages/Vote';
import { AccountPage } from './pages/Account';
import { Propose } from './pages/Propose';
import { Delegate } from './pages/Delegate';
import { Artifacts } from './pages/Artifacts';
import { Funding } from './pages/Funding';
import { Bounties } from './pages/Bounties';
import { Council } from './pages/Council';
import { Health } from './pages/Health';

const PAGES: Record<string, { label: string; render: () => ReactElement }> = {
  decisions: { label: 'Decisions', render: () => <Decisions /> },
  vote: { label: 'Vote', render: () => <Vote /> },
  propose: { label: 'Propose', render: () => <Propose /> },
  delegate: { label: 'Delegate', render: () => <Delegate /> },
  account: { label: 'My account', render: () => <AccountPage /> },
  artifacts: { label: 'Artifacts', render: () => <Artifacts /> },
  funding: { label: 'Funding', render: () => <Funding /> },
  bounties: { label: 'Bounties', render: () => <Bounties /> },
  council: { label: 'Council & guardians', render: () => <Council /> },
  health: { label: 'Health', render: () => <Health /> },
};

const pageFromHash = () => {
  const h = window.location.hash.replace(/^#\/?/, '').split('?')[0];
  return PAGES[h] ? h : 'decisions';
};

interface TxLog { id: number; label: string; status: string; error?: string; block?: string }

export function App() {
  const [endpoint, setEndpoint] = useState(initialEndpoint());
  const [draft, setDraft] = useState(endpoint);
  const [api, setApi] = useState<ApiPromise | null>(null);
  const [info, setInfo] = useState<ChainInfo | null>(null);
  const [connError, setConnError] = useState<string | null>(null);
  const [connected, setConnected] = useState(false);
  const [best, setBest] = useState(0);
  const [accounts, setAccounts] = useState<Account[]>([]);
  const [selected, setSelected] = useState<string | null>(rememberedAccount());
  const [page, setPage] = useState(pageFromHash());
  const [txs, setTxs] = useState<TxLog[]>([]);

  useEffect(() => {
    const on = () => setPage(pageFromHash());
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);

  useEffect(() => {
    let live = true;
    let unsub: (() => void) | null = null;
    let current: ApiPromise | null = null;
    setApi(null);
    setInfo(null);
    setConnError(null);
    (async () => {
      // The first connection is retried every 3 s (later ones are the provider's own reconnects).
      for (;;) {
        try {
          current = await connectApi(endpoint);
          break;
        } catch (e: any) {
          if (!live) return;
          setConnError(`Cannot connect to ${endpoint}: ${typeof e?.message === 'string' && e.message ? e.message : 'no answer'}. Is the node running? Retrying…`);
          await new Promise((r) => setTimeout(r, 3000));
          if (!live) return;
        }
      }
      try {
        const a = current;
        if (!live) { a.disconnect(); return; }
        a.on('disconnected', () => { setConnected(false); setConnError(`Lost the connection to ${endpoint}; reconnecting…`); });
        a.on('connected', () => { setConnected(true); setConnError(null); });
        const i = await chainInfo(a);
        const list: Account[] = [];
        try {
          list.push(...(await extensionAccounts(i.ss58)));
        } catch {
          /* no extension */
        }
        if (i.isDev) list.push(...(await devAccounts(i.ss58)));
        if (!live) return;
        setAccounts(list);
        setInfo(i);
        setApi(a);
        setConnected(true);
        rememberEndpoint(endpoint);
        unsub = (await a.rpc.chain.subscribeNewHeads((h) => setBest(h.number.toNumber()))) as any;
      } catch (e: any) {
        if (live) setConnError(`Cannot connect to ${endpoint}: ${e?.message ?? e}. Is the node running?`);
      }
    })();
    return () => {
      live = false;
      if (unsub) unsub();
      if (current) current.disconnect();
    };
  }, [endpoint]);

  const account = accounts.find((a) => a.address === selected) ?? null;
  const names = useMemo(() => new Map(accounts.map((a) => [a.address, a.name])), [accounts]);

  const send = useCallback<Ctx['send']>(async (label, tx) => {
    if (!api || !account) throw new Error('select an account to sign');
    const id = Date.now() + Math.random();
    const update = (patch: Partial<TxLog>) => setTxs((l) => l.map((t) => (t.id === id ? { ...t, ...patch } : t)));
    setTxs((l) => [{ id, label, status: 'signing' }, ...l].slice(0, 6));
    try {
      const r = await signAndSend(api, tx, account, (status) => update({ status }));
      update({ status: 'InBlock', block: r.blockHash });
      // Successes fade after a while; failures stay until replaced.
      setTimeout(() => setTxs((l) => l.filter((t) => t.id !== id)), 20_000);
      return r;
    } catch (e: any) {
      update({ status: 'failed', error: e.message });
      throw e;
    }
  }, [api, account]);

  const ctx: Ctx | null = api && info ? { api, info, best, account, accounts, send, names } : null;

  return (
    <div className="app">
      <header>
        <h1>Ostrom</h1>
        <nav>
          {Object.entries(PAGES).map(([k, p]) => (
            <a key={k} href={`#/${k}`} data-testid={`nav-${k}`} className={page === k ? 'active' : ''}>{p.label}</a>
          ))}
        </nav>
        <div className="conn">
          <form onSubmit={(e) => { e.preventDefault(); setEndpoint(draft.trim()); }}>
            <input data-testid="endpoint" value={draft} onChange={(e) => setDraft(e.target.value)} size={24} />
            <button type="submit">Connect</button>
          </form>
          <span data-testid="chain-status" className={connected ? 'ok' : 'err'}>
            {info ? `${info.chain} (${info.chainType}) · #${best}` : connError ? 'not connected' : 'connecting…'}
          </span>
          <select data-testid="account" value={selected ?? ''} onChange={(e) => { setSelected(e.target.value || null); if (e.target.value) rememberAccount(e.target.value); }}>
            <option value="">read-only (no account)</option>
            {accounts.map((a) => <option key={a.address} value={a.address}>{a.name} ({a.source === 'dev' ? 'dev' : a.source}) {a.address.slice(0, 8)}…</option>)}
          </select>
          {account ? <Identicon address={account.address} size={28} /> : null}
        </div>
      </header>
      {connError ? <div className="banner err" data-testid="conn-error">{connError}</div> : null}
      {info && !info.isDev && accounts.length === 0 ? <div className="banner warn">No wallet found: install the Polkadot.js extension (or a compatible wallet) to sign. The portal works read-only without one.</div> : null}
      <div className="txlog" data-testid="tx-log">
        {txs.map((t) => (
          <div key={t.id} className={`tx ${t.status === 'failed' ? 'err' : t.status === 'InBlock' ? 'ok' : ''}`} data-testid="tx-status" data-txid={String(t.id)} data-block={t.block}>
            {t.label}: {t.status === 'InBlock' ? 'in block' : t.status === 'failed' ? `failed — ${t.error}` : t.status}
          </div>
        ))}
      </div>
      <main>
        {ctx ? <AppContext.Provider value={ctx}>{PAGES[page].render()}</AppContext.Provider> : <p className="muted">{connError ?? `Connecting to ${endpoint}…`}</p>}
      </main>
    </div>
  );
}
