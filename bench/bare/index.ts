/** The bare servers, one per library, each on its own HTTP server: a registry keyed by transport. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TransportId } from '../../protocol';
import { attachBarePolling } from './bare-polling-server';
import { attachBareSocketIo } from './bare-socketio';
import { attachBareSockJs } from './bare-sockjs';
import { attachBareWs } from './bare-ws';

/** A listening server and how to stop it. */
export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

const ATTACH: Record<TransportId, (http: Server, pollIntervalMs: number) => () => Promise<void>> = {
  polling: attachBarePolling,
  ws: attachBareWs,
  sockjs: attachBareSockJs,
  socketio: attachBareSocketIo,
};

/** Starts the bare server of `transport` on 127.0.0.1 and a free port. */
export async function startBareServer(transport: TransportId, pollIntervalMs: number): Promise<RunningServer> {
  const http = createServer();
  const closeLibrary = ATTACH[transport](http, pollIntervalMs);
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = http.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    async close() {
      await closeLibrary();
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}
