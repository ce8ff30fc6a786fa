/**
 * Child process that hosts every server of a run: the Lab (meter on), the Lab (meter off) and
 * one bare server per transport. Why a child: the clients' own work (100 sockets parsing JSON)
 * must not share an event loop with the servers they measure.
 *
 * Protocol over IPC: the parent sends `{ transports, pollIntervalMs }`; the child answers
 * `{ ready: ServerUrls }` (or `{ error }`); on `'close'` it closes everything and exits.
 */
import type { TransportId } from '../protocol';
import { createLabServer } from '../server/lab-server';
import { startBareServer, type RunningServer } from './bare';
import { benchLabConfig } from './lab-config';

/** Where the servers of one run listen. */
export interface ServerUrls {
  lab: string;
  labNoMeter: string;
  bare: Partial<Record<TransportId, string>>;
}

/** What the parent asks for. */
export interface HostRequest {
  transports: TransportId[];
  pollIntervalMs: number;
}

async function start(request: HostRequest): Promise<{ urls: ServerUrls; closers: (() => Promise<void>)[] }> {
  const lab = createLabServer(benchLabConfig(true, request.pollIntervalMs));
  const labNoMeter = createLabServer(benchLabConfig(false, request.pollIntervalMs));
  const urls: ServerUrls = { lab: await lab.listen(), labNoMeter: await labNoMeter.listen(), bare: {} };
  const bare: RunningServer[] = [];
  for (const transport of request.transports) {
    const server = await startBareServer(transport, request.pollIntervalMs);
    bare.push(server);
    urls.bare[transport] = server.url;
  }
  return { urls, closers: [() => lab.close(), () => labNoMeter.close(), ...bare.map((s) => () => s.close())] };
}

if (process.send) {
  let closers: (() => Promise<void>)[] = [];
  process.on('message', (message: HostRequest | 'close') => {
    if (message === 'close') {
      void Promise.allSettled(closers.map((close) => close())).then(() => process.exit(0));
      return;
    }
    start(message).then(
      (started) => {
        closers = started.closers;
        process.send!({ ready: started.urls });
      },
      (err: Error) => process.send!({ error: err.message }),
    );
  });
  // An orphaned host (the parent died) must not keep ports open.
  process.on('disconnect', () => process.exit(0));
}
