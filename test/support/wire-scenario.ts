/**
 * Shared steps of the wire-meter tests: run one client of a transport through a proxy, and wait
 * until every connection the meter knows about has closed (so its numbers are final).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { TRANSPORT_PATHS, type LaneId } from '../../protocol';
import type { WireMeter } from '../../server/metering/wire-meter';
import type { LabServer } from '../../server/lab-server';
import { observeEmittedData } from '../../server/metering/stream-taps';
import { connectClient, waitFor } from './lab-fixture';

/** The Engine.IO close packet. */
const ENGINE_IO_CLOSE = '1';

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
 * Resolves when the Lab has answered a request under `pathPrefix` whose body was exactly `body`
 * and has read that body; rejects after `timeoutMs`. Call it before the client sends the request.
 */
export function waitForServedBody(lab: LabServer, pathPrefix: string, body: string, timeoutMs = 5000): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      lab.http.off('request', onRequest);
      reject(new Error(`no ${pathPrefix} request with body ${JSON.stringify(body)} served within ${timeoutMs} ms`));
    }, timeoutMs);
    function onRequest(req: IncomingMessage, res: ServerResponse) {
      if (!(req.url ?? '').startsWith(pathPrefix)) return;
      let text = '';
      // A passive tap: a 'data' listener would start the body flowing before its owner is ready.
      observeEmittedData(req, (chunk) => (text += chunk.toString('utf8')));
      let finished = false;
      let ended = false;
      const check = () => {
        if (!finished || !ended || text !== body) return;
        lab.http.off('request', onRequest);
        clearTimeout(timer);
        resolve();
      };
      res.once('finish', () => {
        finished = true;
        check();
      });
      // A body the handler never read (a refusal answered first) is read by Node after the answer.
      req.once('end', () => {
        ended = true;
        check();
      });
    }
    lab.http.on('request', onRequest);
  });
}

/**
 * Resolves once socket.io-client's last request after `disconnect()` has been answered: the POST
 * of the Engine.IO close packet `1` (it follows the Socket.IO disconnect `41`, each on a
 * connection of its own). Until then a long-polling client is still sending. Call it before
 * `disconnect()`.
 */
export function waitForSocketIoPollingClose(lab: LabServer): Promise<void> {
  return waitForServedBody(lab, `${TRANSPORT_PATHS.socketio}/`, ENGINE_IO_CLOSE);
}

/**
 * Connects one client of `lane` to `url`, exchanges `messages` chat messages (each acked), then
 * closes it and waits until its last request was served: polling's `close`, Engine.IO's close
 * packet on long-polling. Socket.IO's own default first finishes its upgrade, so it closes on
 * WebSocket as that lane does once connected.
 */
export async function runChatExchange(lab: LabServer, lane: LaneId, url: string, messages = 3): Promise<void> {
  const client = await connectClient(lane, url, { name: `meter-${lane.replace(':', '-')}` });
  if (lane === 'socketio:upgrade' && client.via !== 'websocket') await waitFor(client, 'via', (v) => v.to === 'websocket');
  for (let i = 0; i < messages; i++) await client.say('all', `hello ${i} over ${lane}`);
  const closeServed =
    lane === 'polling' ? waitForServedRequest(lab, '/rt/poll/close') : lane === 'socketio:polling' ? waitForSocketIoPollingClose(lab) : Promise.resolve();
  client.close();
  await closeServed;
}
