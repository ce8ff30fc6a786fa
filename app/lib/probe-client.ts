/**
 * A fresh ChatClient outside the panes, for the connect-cost measurement: resolves once its
 * welcome arrived (state `open`). Client-only, like browser-links.ts.
 */
import type { LaneId } from '../../protocol';
import { ChatClient } from '../../client/chat-client';
import type { ProbeClient } from '../../measure/connect-cost';
import { createBrowserLink } from './browser-links';

/** A probe that has no welcome after this long has failed. */
const PROBE_TIMEOUT_MS = 10_000;

/**
 * Opens a probe client.
 * @param lane which transport or library variant
 * @param ns namespace to say hello in
 * @param pollIntervalMs polling period (polling only)
 */
export function openProbeClient(lane: LaneId, ns: string, pollIntervalMs: number): Promise<ProbeClient> {
  const link = createBrowserLink(lane, { origin: window.location.origin, pollIntervalMs });
  // Names allow `-`, not `:` (protocol/names.ts).
  const client = new ChatClient(link, { name: `probe-${lane.replace(':', '-')}`, ns });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      off();
      client.close();
      reject(new Error(`${lane}: no welcome within ${PROBE_TIMEOUT_MS} ms`));
    }, PROBE_TIMEOUT_MS);
    const off = client.on('state', (state) => {
      if (state !== 'open') return;
      clearTimeout(timer);
      off();
      resolve({ id: client.id, close: () => client.close() });
    });
    client.connect();
  });
}
