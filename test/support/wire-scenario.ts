/**
 * Shared steps of the wire-meter tests: run one client of a transport through a proxy, and wait
 * until every connection the meter knows about has closed (so its numbers are final).
 */
import type { TransportId } from '../../protocol';
import type { WireMeter } from '../../server/metering/wire-meter';
import type { LabServer } from '../../server/lab-server';
import { connectClient } from './lab-fixture';

/** Resolves when the meter has no open connection; rejects after `timeoutMs`. */
export function waitForMeterIdle(meter: WireMeter, timeoutMs = 10_000): Promise<void> {
  return new Promise((resolve, reject) => {
    if (meter.openConnections === 0) return resolve();
    const timer = setTimeout(() => {
      meter.off('connectionClosed', check);
      reject(new Error(`meter still has ${meter.openConnections} open connection(s) after ${timeoutMs} ms`));
    }, timeoutMs);
    function check() {
      if (meter.openConnections > 0) return;
      clearTimeout(timer);
      meter.off('connectionClosed', check);
      resolve();
    }
    meter.on('connectionClosed', check);
  });
}

/** Resolves when the Lab has finished answering a request whose path starts with `pathPrefix`. */
export function waitForServedRequest(lab: LabServer, pathPrefix: string, timeoutMs = 5000): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      lab.http.off('request', onRequest);
      reject(new Error(`no ${pathPrefix} request served within ${timeoutMs} ms`));
    }, timeoutMs);
    function onRequest(req: { url?: string }, res: NodeJS.EventEmitter) {
      if (!(req.url ?? '').startsWith(pathPrefix)) return;
      lab.http.off('request', onRequest);
      res.once('finish', () => {
        clearTimeout(timer);
        resolve();
      });
    }
    lab.http.on('request', onRequest);
  });
}

/**
 * Connects one client of `transport` to `url`, exchanges `messages` chat messages (each acked),
 * then closes it; for polling, also waits until the server has answered its `close`.
 */
export async function runChatExchange(lab: LabServer, transport: TransportId, url: string, messages = 3): Promise<void> {
  const client = await connectClient(transport, url, { name: `meter-${transport}` });
  for (let i = 0; i < messages; i++) await client.say('all', `hello ${i} over ${transport}`);
  const closeServed = transport === 'polling' ? waitForServedRequest(lab, '/rt/poll/close') : Promise.resolve();
  client.close();
  await closeServed;
}
