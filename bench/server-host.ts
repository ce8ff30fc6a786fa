/**
 * Child process that hosts every server of a run: the Lab (meter and inspector on), the Lab (meter
 * off), the Lab (meter on, inspector off) and
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
  /** The Lab with the meter on and the inspector off: what the inspector alone costs. */
  labNoInspector: string;
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
  const labNoInspector = createLabServer(benchLabConfig(true, request.pollIntervalMs, false));
  const urls: ServerUrls = { lab: await lab.listen(), labNoMeter: await labNoMeter.listen(), labNoInspector: await labNoInspector.listen(), bare: {} };
  const bare: RunningServer[] = [];
  for (const transport of request.transports) {
    const server = await startBareServer(transport, request.pollIntervalMs);
    bare.push(server);
    urls.bare[transport] = server.url;
  }
  return { urls, closers: [() => lab.close(), () => labNoMeter.close(), () => labNoInspector.close(), ...bare.map((s) => () => s.close())] };
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
