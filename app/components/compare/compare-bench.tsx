'use client';

import { TRANSPORT_IDS, type LaneId } from '../../../protocol';
import type { ChatClient } from '../../../client/chat-client';
import { SWEEP_DEFAULTS, type Scenario } from '../../../measure/scenario';
import { useBenchmark } from '../../hooks/use-benchmark';
import { useCostMeasurements } from '../../hooks/use-cost-measurements';
import { usePollOverride } from '../../hooks/use-poll-override';
import { useMessages } from '../../messages/messages-provider';
import { BenchmarkForm } from './benchmark-form';
import { BenchmarkResults } from './benchmark-results';
import { ConnectCostSection } from './connect-cost-section';
import { IdleCostSection } from './idle-cost-section';
import { RunStatus } from './run-status';
import { SweepSection } from './sweep-section';

/** The clients that exist (the runner refuses to start when a selected one is missing or not open). */
function openClients(clients: Partial<Record<LaneId, ChatClient | null>>): Partial<Record<LaneId, ChatClient>> {
  return Object.fromEntries(Object.entries(clients).filter(([, c]) => c !== null && c !== undefined));
}

/**
 * The benchmark with its own four clients, then the cost measurements over the same clients.
 * Rendered only after mount (the scenario comes from the URL), so the clients and the request
 * timer never exist during server rendering. One measurement at a time: each one's numbers
 * would otherwise hold the others' traffic.
 */
export function CompareBench({ scenario, onChange }: { scenario: Scenario; onChange: (next: Scenario) => void }) {
  const messages = useMessages();
  const bench = usePollOverride(scenario.pollIntervalMs, scenario.transports);
  const { clients, states, pollTimer } = bench;
  const { state, run, cancel } = useBenchmark();
  const costs = useCostMeasurements(bench, scenario.transports);
  const notReady = scenario.transports.filter((id) => states[id] !== 'open');
  const running = state.status === 'running';
  // The cost measurements run over the four base clients only (see use-cost-measurements.ts).
  const busy = running || costs.running || TRANSPORT_IDS.some((id) => states[id] !== 'open');
  const sweep = scenario.sweep ?? SWEEP_DEFAULTS;
  return (
    <>
      <BenchmarkForm
        scenario={scenario}
        onChange={onChange}
        onRun={() => run(scenario, { clients: openClients(clients), pollTimer })}
        onCancel={cancel}
        running={running || costs.running}
        notReady={notReady.map((id) => messages.lanes[id].short)}
      />
      <RunStatus state={state} />
      {state.status === 'done' && <BenchmarkResults result={state.result} />}
      <h2 className="mt-4 text-2xl font-bold text-slate-900">{messages.compare.costsHeading}</h2>
      <IdleCostSection state={costs.idle.state} onMeasure={costs.measureIdle} onCancel={costs.idle.cancel} busy={busy} pollIntervalMs={bench.pollIntervalMs} />
      <ConnectCostSection state={costs.connect.state} onMeasure={costs.measureConnect} onCancel={costs.connect.cancel} busy={busy} ns={costs.probeNamespace} />
      <SweepSection
        sweep={sweep}
        onChange={(next) => onChange({ ...scenario, sweep: next })}
        state={costs.sweep.state}
        onRun={() => costs.runSweep(sweep)}
        onCancel={costs.sweep.cancel}
        busy={busy}
      />
    </>
  );
}
