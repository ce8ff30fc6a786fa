import { useCallback, useEffect, useRef, useState } from 'react';
import type { LaneId } from '../../protocol';
import type { ChatClient } from '../../client/chat-client';
import { useBenchClients, type BenchClients } from './use-bench-clients';

/** A recreated polling client that is not open after this long has failed. */
const RECREATE_TIMEOUT_MS = 10_000;

/** The bench clients, plus a way to rebuild the polling one with another interval. */
export interface OverridableBenchClients extends BenchClients {
  /** The interval the polling client polls at now. */
  pollIntervalMs: number;
  /** Recreates the polling client with `ms`; resolves with it once it is open. */
  setPollInterval: (ms: number) => Promise<ChatClient>;
  /** Goes back to the scenario's interval. */
  clearPollInterval: () => void;
}

/**
 * useBenchClients whose polling interval the polling sweep can override: the scenario's
 * interval (`base`) unless an override is set.
 * @param base the scenario's polling interval
 * @param lanes the scenario's lanes (variants among them get clients of their own)
 */
export function usePollOverride(base: number, lanes: readonly LaneId[] = []): OverridableBenchClients {
  const [override, setOverride] = useState<number | null>(null);
  const pollIntervalMs = override ?? base;
  const bench = useBenchClients(pollIntervalMs, lanes);
  const polling = bench.clients.polling;
  const latest = useRef({ intervalMs: pollIntervalMs, polling });
  useEffect(() => {
    latest.current = { intervalMs: pollIntervalMs, polling };
  });

  const setPollInterval = useCallback((ms: number): Promise<ChatClient> => {
    // A different interval means a new client: until it exists the old one must not be taken for it.
    const stale = latest.current.intervalMs === ms ? null : latest.current.polling;
    setOverride(ms);
    const deadline = performance.now() + RECREATE_TIMEOUT_MS;
    return new Promise((resolve, reject) => {
      const check = () => {
        const { intervalMs, polling: client } = latest.current;
        if (intervalMs === ms && client && client !== stale && client.state === 'open') return resolve(client);
        if (performance.now() > deadline) return reject(new Error(`the polling client did not reopen at ${ms} ms`));
        setTimeout(check, 20);
      };
      check();
    });
  }, []);
  const clearPollInterval = useCallback(() => setOverride(null), []);
  return { ...bench, pollIntervalMs, setPollInterval, clearPollInterval };
}
