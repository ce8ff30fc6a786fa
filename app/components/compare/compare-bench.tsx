'use client';

import type { TransportId } from '../../../protocol';
import type { ChatClient } from '../../../client/chat-client';
import type { Scenario } from '../../../measure/scenario';
import { useBenchClients } from '../../hooks/use-bench-clients';
import { useBenchmark } from '../../hooks/use-benchmark';
import { BenchmarkForm } from './benchmark-form';
import { BenchmarkResults } from './benchmark-results';
import { RunStatus } from './run-status';

/** The clients that exist (the runner refuses to start when a selected one is missing or not open). */
function openClients(clients: Record<TransportId, ChatClient | null>): Partial<Record<TransportId, ChatClient>> {
  return Object.fromEntries(Object.entries(clients).filter(([, c]) => c !== null));
}

/**
 * The benchmark with its own four clients. Rendered only after mount (the scenario comes from the
 * URL), so the clients and the request timer never exist during server rendering.
 */
export function CompareBench({ scenario, onChange }: { scenario: Scenario; onChange: (next: Scenario) => void }) {
  const { clients, states, pollTimer } = useBenchClients(scenario.pollIntervalMs);
  const { state, run, cancel } = useBenchmark();
  const notReady = scenario.transports.filter((id) => states[id] !== 'open');
  const running = state.status === 'running';
  return (
    <>
      <BenchmarkForm
        scenario={scenario}
        onChange={onChange}
        onRun={() => run(scenario, { clients: openClients(clients), pollTimer })}
        onCancel={cancel}
        running={running}
        notReady={notReady}
      />
      <RunStatus state={state} />
      {state.status === 'done' && <BenchmarkResults result={state.result} />}
    </>
  );
}
