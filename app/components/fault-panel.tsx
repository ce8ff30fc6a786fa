'use client';

import { useCallback, useEffect, useState } from 'react';
import { TRANSPORT_IDS, type TransportId } from '../../protocol';
import { formatNumber } from '../lib/number-format';
import { useMessages } from '../messages/messages-provider';
import { FIELD, LABEL, SECONDARY_BUTTON, SECTION_HEADING } from './control-classes';

/**
 * Body of `GET /api/admin/faults` (server/faults/fault-injector.ts). Declared here, not imported,
 * so nothing from server/ reaches the page's bundle.
 */
interface FaultState {
  now: number;
  transports: Record<TransportId, { stalledUntil: number | null; latencyMs: number; jitterMs: number; held: number }>;
}

type PanelState =
  | { status: 'idle' | 'loading' | 'off' | 'locked' }
  | { status: 'error'; reason: string }
  | { status: 'ready'; faults: FaultState };

/** Stall length of the "Stall 2 s" button. */
const STALL_MS = 2000;
/** How often the panel re-reads the faults while one is active (to show a stall running out). */
const REFRESH_MS = 500;

/** One call to the admin API; the panel's state after it. */
async function call(method: string, path: string): Promise<PanelState> {
  try {
    const res = await fetch(path, { method, cache: 'no-store' });
    if (res.status === 404) return { status: 'off' };
    if (res.status === 401) return { status: 'locked' };
    if (!res.ok) return { status: 'error', reason: `HTTP ${res.status}` };
    if (path === '/api/admin/faults') return { status: 'ready', faults: (await res.json()) as FaultState };
    // Drop and restart answer with what they did, not the fault state: read it.
    return call('GET', '/api/admin/faults');
  } catch (err) {
    return { status: 'error', reason: err instanceof Error ? err.message : String(err) };
  }
}

const isActive = (f: FaultState) =>
  TRANSPORT_IDS.some((t) => f.transports[t].stalledUntil !== null || f.transports[t].latencyMs > 0 || f.transports[t].jitterMs > 0 || f.transports[t].held > 0);

/**
 * Collapsible fault panel: per transport Drop, Stall 2 s and latency/jitter; Clear and Restart for
 * all. It talks to the server's admin API, so every transport suffers the same fault. It reads
 * the API only once opened, so a page nobody pokes at adds no admin traffic.
 */
export function FaultPanel() {
  const messages = useMessages();
  const [state, setState] = useState<PanelState>({ status: 'idle' });
  const t = messages.faults;

  const run = useCallback(async (method: string, path: string) => setState(await call(method, path)), []);

  const active = state.status === 'ready' && isActive(state.faults);
  useEffect(() => {
    if (!active) return;
    const timer = setTimeout(() => void run('GET', '/api/admin/faults'), REFRESH_MS);
    return () => clearTimeout(timer);
  }, [active, state, run]);

  const onToggle = (open: boolean) => {
    if (open && state.status === 'idle') {
      setState({ status: 'loading' });
      void run('GET', '/api/admin/faults');
    }
  };

  return (
    <details
      data-testid="fault-panel"
      className="rounded-xl border border-amber-600 bg-amber-50 p-3 shadow-sm"
      onToggle={(e) => onToggle(e.currentTarget.open)}
    >
      <summary data-testid="fault-panel-toggle" className="cursor-pointer text-base font-bold text-amber-950">
        {t.heading}
      </summary>
      <p className="mt-1 text-sm text-slate-800">{t.help}</p>
      {(state.status === 'loading' || state.status === 'idle') && <p role="status">{t.loading}</p>}
      {state.status === 'off' && <p data-testid="fault-off" role="status">{t.off}</p>}
      {state.status === 'locked' && <p data-testid="fault-off" role="status">{t.locked}</p>}
      {state.status === 'error' && <p role="alert" className="text-red-900">{t.failed(state.reason)}</p>}
      {state.status === 'ready' && <FaultControls faults={state.faults} run={run} />}
    </details>
  );
}

function FaultControls({ faults, run }: { faults: FaultState; run: (method: string, path: string) => Promise<void> }) {
  const messages = useMessages();
  const t = messages.faults;
  return (
    <div className="mt-2 flex flex-col gap-3">
      <div className="grid grid-cols-1 gap-3 md:grid-cols-2 xl:grid-cols-4">
        {TRANSPORT_IDS.map((id) => (
          <TransportFaults key={id} transport={id} faults={faults} run={run} />
        ))}
      </div>
      <div className="flex flex-wrap gap-2">
        <button type="button" data-testid="fault-clear" className={SECONDARY_BUTTON} title={t.clearHelp} onClick={() => void run('DELETE', '/api/admin/faults')}>
          {t.clear}
        </button>
        <button type="button" data-testid="fault-restart" className={SECONDARY_BUTTON} title={t.restartHelp} onClick={() => void run('POST', '/api/admin/restart')}>
          {t.restart}
        </button>
      </div>
    </div>
  );
}

function TransportFaults({ transport, faults, run }: { transport: TransportId; faults: FaultState; run: (method: string, path: string) => Promise<void> }) {
  const messages = useMessages();
  const t = messages.faults;
  const f = faults.transports[transport];
  const [latency, setLatency] = useState(String(f.latencyMs));
  const [jitter, setJitter] = useState(String(f.jitterMs));
  const q = `transport=${transport}`;
  const kind = f.stalledUntil !== null ? 'stalled' : f.latencyMs > 0 || f.jitterMs > 0 ? 'delayed' : 'normal';
  const label =
    kind === 'stalled'
      ? t.stalled(formatNumber(messages.locale, (f.stalledUntil! - faults.now) / 1000, 1))
      : kind === 'delayed'
        ? t.delayed(f.latencyMs, f.jitterMs)
        : t.normal;
  const apply = () => {
    const ms = Math.max(0, Math.round(Number(latency) || 0));
    const j = Math.max(0, Math.round(Number(jitter) || 0));
    void run('POST', `/api/admin/latency?${q}&ms=${ms}&jitter=${j}`);
  };
  return (
    <section className="rounded-lg border border-amber-300 bg-white p-2" aria-label={messages.transports[transport].name}>
      <h3 className={SECTION_HEADING}>{messages.transports[transport].name}</h3>
      <p data-testid={`fault-state-${transport}`} data-state={kind} className="mb-2 text-sm text-slate-900" aria-live="polite">
        {label}
        {f.held > 0 && ` · ${t.held(f.held)}`}
      </p>
      <div className="mb-2 flex flex-wrap gap-2">
        <button type="button" data-testid={`fault-drop-${transport}`} className={SECONDARY_BUTTON} title={t.dropHelp} onClick={() => void run('POST', `/api/admin/drop?${q}`)}>
          {t.drop}
        </button>
        <button type="button" data-testid={`fault-stall-${transport}`} className={SECONDARY_BUTTON} title={t.stallHelp} onClick={() => void run('POST', `/api/admin/stall?${q}&ms=${STALL_MS}`)}>
          {t.stall}
        </button>
      </div>
      <div className="flex items-end gap-2">
        <label className="min-w-0 flex-1">
          <span className={LABEL}>{t.latencyLabel}</span>
          <input data-testid={`fault-latency-${transport}`} className={FIELD} type="number" min={0} max={60000} value={latency} onChange={(e) => setLatency(e.target.value)} />
        </label>
        <label className="min-w-0 flex-1">
          <span className={LABEL}>{t.jitterLabel}</span>
          <input data-testid={`fault-jitter-${transport}`} className={FIELD} type="number" min={0} max={60000} value={jitter} onChange={(e) => setJitter(e.target.value)} />
        </label>
        <button type="button" data-testid={`fault-apply-${transport}`} className={SECONDARY_BUTTON} title={t.applyHelp} onClick={apply}>
          {t.apply}
        </button>
      </div>
    </section>
  );
}
