/** Mounts the bare polling handler on an HTTP server (404 for anything else). */
import type { Server } from 'node:http';
import { createBarePolling } from './bare-polling';

/** Attaches the bare polling endpoints to `http`; returns its (no-op) closer. */
export function attachBarePolling(http: Server, pollIntervalMs: number): () => Promise<void> {
  const handle = createBarePolling(pollIntervalMs);
  http.on('request', (req, res) => {
    if (!handle(req, res)) res.writeHead(404).end();
  });
  return async () => undefined;
}
