/**
 * A fresh ChatClient outside the panes, for the connect-cost measurement: resolves once its
 * welcome arrived (state `open`). Client-only, like browser-links.ts.
 */
import type { TransportId } from '../../protocol';
import { ChatClient } from '../../client/chat-client';
import type { ProbeClient } from '../../measure/connect-cost';
import { createBrowserLink } from './browser-links';

/** A probe that has no welcome after this long has failed. */
const PROBE_TIMEOUT_MS = 10_000;

/**
 * Opens a probe client.
 * @param transport which transport
 * @param ns namespace to say hello in
 * @param pollIntervalMs polling period (polling only)
 */
export function openProbeClient(transport: TransportId, ns: string, pollIntervalMs: number): Promise<ProbeClient> {
  const link = createBrowserLink(transport, { origin: window.location.origin, pollIntervalMs });
  const client = new ChatClient(link, { name: `probe-${transport}`, ns });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      off();
      client.close();
      reject(new Error(`${transport}: no welcome within ${PROBE_TIMEOUT_MS} ms`));
    }, PROBE_TIMEOUT_MS);
    const off = client.on('state', (state) => {
      if (state !== 'open') return;
      clearTimeout(timer);
      off();
      resolve({ close: () => client.close() });
    });
    client.connect();
  });
}
