/**
 * Child process that hosts one side of a run: role `lab` runs the Lab (meter and inspector on),
 * the Lab (meter off) and the Lab (meter on, inspector off); role `bare` runs one bare server per
 * transport. Why children: the clients' own work (100 sockets parsing JSON) must not share an
 * event loop with the servers they measure. Why one per side: each side's CPU time is then its
 * own process's counters (`process.cpuUsage()`), read before and after a workload.
 *
 * Protocol over IPC: the parent sends `{ role, transports, pollIntervalMs }`; the child answers
 * `{ ready: HostUrls }` (or `{ error }`); `{ cpu: id }` is answered with `{ cpu: id, micros }`
 * (user + system CPU since the process started); on `'close'` it closes everything and exits.
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

/** Which side a host runs. */
export type HostRole = 'lab' | 'bare';

/** What the parent asks for. */
export interface HostRequest {
  role: HostRole;
  transports: TransportId[];
  pollIntervalMs: number;
}

/** The part of ServerUrls one host serves. */
export type HostUrls = Partial<ServerUrls>;

async function start(request: HostRequest): Promise<{ urls: HostUrls; closers: (() => Promise<void>)[] }> {
  if (request.role === 'lab') {
    const lab = createLabServer(benchLabConfig(true, request.pollIntervalMs));
    const labNoMeter = createLabServer(benchLabConfig(false, request.pollIntervalMs));
    const labNoInspector = createLabServer(benchLabConfig(true, request.pollIntervalMs, false));
    const urls = { lab: await lab.listen(), labNoMeter: await labNoMeter.listen(), labNoInspector: await labNoInspector.listen() };
    return { urls, closers: [() => lab.close(), () => labNoMeter.close(), () => labNoInspector.close()] };
  }
  const bare: RunningServer[] = [];
  const urls: HostUrls = { bare: {} };
  for (const transport of request.transports) {
    const server = await startBareServer(transport, request.pollIntervalMs);
    bare.push(server);
    urls.bare![transport] = server.url;
  }
  return { urls, closers: bare.map((s) => () => s.close()) };
}

if (process.send) {
  let closers: (() => Promise<void>)[] = [];
  process.on('message', (message: HostRequest | { cpu: number } | 'close') => {
    if (message === 'close') {
      void Promise.allSettled(closers.map((close) => close())).then(() => process.exit(0));
      return;
    }
    if ('cpu' in message) {
      const { user, system } = process.cpuUsage();
      process.send!({ cpu: message.cpu, micros: user + system });
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
