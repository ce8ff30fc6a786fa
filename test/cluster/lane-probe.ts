/**
 * One client through a proxy, step by step: connect (welcomed), deliver (join a room, say
 * something to it including itself, get its own copy), then a dropped connection, after which it
 * must be welcomed again and deliver again. Every step waits on the client's events with a
 * deadline, never a fixed sleep, and a failed step ends the probe with the client's last reason.
 */
import { ChatClient } from '../../client/chat-client';
import { createNodeLink } from '../../client/node-links';
import type { LaneId } from '../../protocol';
import type { LaneOutcome } from '../../scripts/cluster/sticky-matrix';
import { TEST_BACKOFF, waitFor } from '../support/lab-fixture';

/** What to run: a lane, optionally with SockJS pinned to other sub-transports. */
export interface ProbeTarget {
  lane: LaneId;
  sockjsTransports?: string[];
}

const ROOM = 'sticky';

/**
 * Probes `target` against `url` (the proxy's) and reports how far it got.
 * @param deadlineMs what each step (connect, deliver, reconnect, deliver again) may take
 */
export async function probeLane(target: ProbeTarget, url: string, deadlineMs: number): Promise<LaneOutcome> {
  const started = Date.now();
  const link = createNodeLink(target.lane, url, {
    pollIntervalMs: 50,
    backoff: TEST_BACKOFF,
    ...(target.sockjsTransports ? { sockjsTransports: target.sockjsTransports } : {}),
  });
  const client = new ChatClient(link, { name: `probe-${target.lane.replace(':', '-')}`, backoff: TEST_BACKOFF, requestTimeoutMs: deadlineMs });
  // The library's own words are the best reason: keep the latest ones a failing step can quote.
  const downs: string[] = [];
  client.on('down', ({ reason }) => downs.push(reason));
  client.on('error', (e) => downs.push(`error event ${e.code}`));
  const outcome: LaneOutcome = { connects: false, delivers: false, reconnects: false, elapsedMs: 0 };
  const fail = (step: string, err: unknown): LaneOutcome => {
    const recent = [...new Set(downs.slice(-3))].join('; ');
    const seen = downs.length ? ` (went down ${downs.length}×, last: ${recent})` : '';
    outcome.reason = `${step}: ${(err as Error).message}${seen}`;
    return outcome;
  };
  try {
    const opened = waitFor(client, 'state', (s) => s === 'open', deadlineMs);
    client.connect();
    try {
      await opened;
      outcome.connects = true;
    } catch (err) {
      return fail('connect', err);
    }
    try {
      await client.join(ROOM);
      await deliverOwn(client, 'first', deadlineMs);
      outcome.delivers = true;
    } catch (err) {
      return fail('deliver', err);
    }
    try {
      const back = waitFor(client, 'state', (s) => s === 'open', deadlineMs);
      // Observed below; without this, a failed drop would leave it rejecting unhandled.
      back.catch(() => undefined);
      if (!client.drop()) throw new Error(`not open to drop (${client.state})`);
      await back;
      // The room came back with hello's rooms: no join again.
      await deliverOwn(client, 'again', deadlineMs);
      outcome.reconnects = true;
    } catch (err) {
      return fail('reconnect', err);
    }
    return outcome;
  } finally {
    outcome.via = client.via;
    outcome.elapsedMs = Date.now() - started;
    client.close();
  }
}

/** Says `text` to the room, me included, and resolves when my own copy arrives. */
async function deliverOwn(client: ChatClient, text: string, deadlineMs: number): Promise<void> {
  const mine = waitFor(client, 'message', (m) => m.text === text && m.room === ROOM, deadlineMs);
  // The ack can fail (a request timeout) while the copy still arrives: the copy is what counts.
  const sent = client.say('room', text, { room: ROOM, includeSelf: true }).catch((err: Error) => err);
  await mine;
  await sent;
}
