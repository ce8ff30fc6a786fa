/**
 * The layer scenario for our polling transport: open, hello, chat messages of known sizes, polls
 * until each is acknowledged, one empty poll, close. Its prediction is made afterwards from the
 * proxy's raw bytes (split into HTTP messages) and the byte model.
 */
import assert from 'node:assert/strict';
import { TRANSPORT_PATHS, type WireLayerBytes } from '../../protocol';
import { pollingEnvelopeBytes } from '../../server/metering/byte-model';
import type { ProxiedConnection } from './byte-counting-proxy';
import { splitHttpMessages } from './http-stream';
import { MESSAGE_SIZES, sendOpJson } from './layer-scenarios';

/** Runs the scenario against `base`; resolves with the op JSON texts sent. */
export async function pollingScenario(base: string): Promise<string[]> {
  const url = base + TRANSPORT_PATHS.polling;
  const opened = await fetch(`${url}/open`, { method: 'POST' });
  const { sid } = (await opened.json()) as { sid: string };
  let cursor = 0;
  const poll = async () => {
    const body = (await (await fetch(`${url}/events?sid=${sid}&after=${cursor}`)).json()) as { next: number; events: { type: string; ref?: string }[] };
    cursor = body.next;
    return body.events;
  };
  const send = async (json: string) => {
    const res = await fetch(`${url}/send?sid=${sid}`, { method: 'POST', body: json, headers: { 'content-type': 'application/json' } });
    await res.arrayBuffer();
  };
  const until = async (done: (e: { type: string; ref?: string }) => boolean) => {
    for (let i = 0; i < 100; i++) if ((await poll()).some(done)) return;
    throw new Error('polling scenario: the event never came');
  };
  const sent = [JSON.stringify({ op: 'hello', name: 'layers' })];
  await send(sent[0]);
  await until((e) => e.type === 'welcome');
  for (const [i, size] of MESSAGE_SIZES.entries()) {
    sent.push(sendOpJson(`r${i}`, size));
    await send(sent[i + 1]);
    await until((e) => e.type === 'ack' && e.ref === `r${i}`);
  }
  // Everything is confirmed now: this poll brings nothing (a pure keepalive).
  assert.deepEqual(await poll(), []);
  await (await fetch(`${url}/close?sid=${sid}`, { method: 'POST' })).arrayBuffer();
  return sent;
}

/**
 * Every layer of the scenario's bytes, predicted from the raw streams the proxy saw: request and
 * response heads are http; a poll with no events is keepalive whole; POST /send bodies are
 * payload; a poll's events are payload and its envelope (checked against the model) framing.
 */
export function predictPollingLayers(connections: ProxiedConnection[]): { in: WireLayerBytes; out: WireLayerBytes } {
  const zero = (): WireLayerBytes => ({ payload: 0, framing: 0, http: 0, keepalive: 0 });
  const result = { in: zero(), out: zero() };
  for (const conn of connections) {
    const requests = splitHttpMessages(Buffer.concat(conn.toServer));
    const responses = splitHttpMessages(Buffer.concat(conn.fromServer));
    assert.equal(requests.length, responses.length, 'every request was answered');
    for (const [i, req] of requests.entries()) {
      const res = responses[i];
      const path = req.startLine.split(' ')[1].split('?')[0];
      const answer = path.endsWith('/events') ? (JSON.parse(res.body.toString()) as { next: number; events: unknown[] }) : undefined;
      if (answer && answer.events.length === 0) {
        result.in.keepalive += req.headBytes + req.body.length;
        result.out.keepalive += res.headBytes + res.body.length;
        continue;
      }
      result.in.http += req.headBytes;
      result.out.http += res.headBytes;
      if (path.endsWith('/send')) result.in.payload += req.body.length;
      else result.in.framing += req.body.length;
      if (answer) {
        const jsons = answer.events.map((e) => JSON.stringify(e));
        const envelope = pollingEnvelopeBytes(answer.next, jsons);
        assert.equal(envelope + jsons.reduce((n, j) => n + Buffer.byteLength(j), 0), res.body.length, 'the envelope model');
        result.out.payload += res.body.length - envelope;
        result.out.framing += envelope;
      } else {
        result.out.framing += res.body.length;
      }
    }
  }
  return result;
}
