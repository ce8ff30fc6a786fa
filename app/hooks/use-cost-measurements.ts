import { useCallback } from 'react';
import { LANE_IDS, TRANSPORT_IDS, type LaneId, type TransportId } from '../../protocol';
import { CONNECT_IDLE_WINDOW_MS, runConnectCost } from '../../measure/connect-cost';
import type { ConnectCostResult, IdleCostResult, SweepResult } from '../../measure/cost-results';
import { runIdleCost } from '../../measure/idle-cost';
import { runPollingSweep } from '../../measure/polling-sweep';
import type { Sweep } from '../../measure/scenario';
import { openProbeClient } from '../lib/probe-client';
import { readWire, readWireLog } from '../lib/read-wire';
import type { OverridableBenchClients } from './use-poll-override';
import { useTask } from './use-task';

/**
 * The probes connect in the second namespace the server offers by default, so the panes (in `/`)
 * get no presence notice, which would otherwise land in the measured bucket.
 */
const PROBE_NAMESPACE = '/lab';

const now = () => performance.now();

/**
 * The three cost measurements over the Compare view's clients: idle cost, connect cost and the
 * polling sweep, each a cancellable task; `running` is true while any of them runs. Idle cost
 * and the sweep cover the four transports; connect cost also each variant lane in `lanes` (its
 * bench client is the idle client of that bucket, as a pane is for a transport).
 * @param lanes the scenario's lanes
 */
export function useCostMeasurements(bench: OverridableBenchClients, lanes: readonly LaneId[] = []) {
  const idle = useTask<IdleCostResult>();
  const connect = useTask<ConnectCostResult>();
  const sweep = useTask<SweepResult>();
  const { states, pollIntervalMs, pollTimer, setPollInterval, clearPollInterval } = bench;
  const connected = () => TRANSPORT_IDS.filter((id) => states[id] === 'open');

  const measureIdle = (seconds: number) => {
    // One client per open pane: the page has exactly one client of each transport.
    const clients = Object.fromEntries(connected().map((id) => [id, 1])) as Partial<Record<TransportId, number>>;
    idle.run(({ signal }) => runIdleCost(seconds * 1000, { readWire, now, signal, clients, pollIntervalMs }));
  };
  const measureConnect = () =>
    connect.run(({ signal, progress }) =>
      runConnectCost({
        readWire,
        now,
        signal,
        // The four transports always, then the picked variants, in the canonical order.
        transports: LANE_IDS.filter((id) => (TRANSPORT_IDS as readonly string[]).includes(id) || lanes.includes(id)),
        openProbe: (lane, ns) => openProbeClient(lane, ns, pollIntervalMs),
        readWireLog,
        ns: PROBE_NAMESPACE,
        idleWindowMs: CONNECT_IDLE_WINDOW_MS,
        pollIntervalMs,
        onProgress: progress,
      }),
    );
  const runSweep = useCallback(
    (params: Sweep) =>
      sweep.run(async ({ signal, progress }) => {
        try {
          return await runPollingSweep(params, { readWire, now, signal, setPollInterval, pollTimer, onProgress: progress });
        } finally {
          clearPollInterval();
        }
      }),
    [sweep, setPollInterval, pollTimer, clearPollInterval],
  );
  const running = [idle, connect, sweep].some((task) => task.state.status === 'running');
  return { idle, connect, sweep, measureIdle, measureConnect, runSweep, running, probeNamespace: PROBE_NAMESPACE };
}
