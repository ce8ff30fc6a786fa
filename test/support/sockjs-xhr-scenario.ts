/**
 * The layer scenario for SockJS's HTTP fallbacks (`xhr-streaming`, `xhr-polling`, `eventsource`), forced on the
 * Node sockjs-client: hello, chat messages of known sizes, at least one `h` heartbeat, close. Its
 * prediction is made afterwards from the proxy's raw bytes (split into HTTP messages, chunked
 * coding decoded) and the byte model, never from the meter's own rules.
 */
import assert from 'node:assert/strict';
import SockJS from 'sockjs-client';
import { TRANSPORT_PATHS, type WireLayerBytes } from '../../protocol';
import { sockjsArrayFrameBytes } from '../../server/metering/byte-model';
import type { ProxiedConnection } from './byte-counting-proxy';
import { splitHttpMessages, type HttpMessage } from './http-stream';
import { waitUntil } from './lab-fixture';
import { MESSAGE_SIZES, sendOpJson } from './layer-scenarios';

/** SockJS's HTTP fallbacks the scenario can force. */
export type SockJsXhrTransport = 'xhr-streaming' | 'xhr-polling' | 'eventsource';

/** The part of sockjs-client this scenario uses (its typings call it a WebSocket). */
interface SockJsClient {
  readonly transport?: string;
  onopen: (() => void) | null;
  onmessage: ((ev: { data: string }) => void) | null;
  onclose: (() => void) | null;
  addEventListener(type: 'heartbeat', listener: () => void): void;
  send(data: string): void;
  close(): void;
}

/** What the application sent and received, each message string as it wrote or got it. */
export interface SockJsXhrRun {
  sent: string[];
  received: string[];
}

/** Runs the scenario against `base` with sockjs-client pinned to `transport`. */
export async function sockjsXhrScenario(base: string, transport: SockJsXhrTransport): Promise<SockJsXhrRun> {
  const Client = SockJS as unknown as new (url: string, reserved: null, options: { transports: string[] }) => SockJsClient;
  const sock = new Client(base + TRANSPORT_PATHS.sockjs, null, { transports: [transport] });
  const run: SockJsXhrRun = { sent: [], received: [] };
  let heartbeats = 0;
  sock.onmessage = (ev) => run.received.push(ev.data);
  sock.addEventListener('heartbeat', () => heartbeats++);
  await new Promise<void>((resolve, reject) => {
    sock.onopen = () => resolve();
    sock.onclose = () => reject(new Error(`sockjs ${transport} closed before opening`));
  });
  assert.equal(sock.transport, transport, 'sockjs-client used the forced transport');
  const send = (json: string) => {
    run.sent.push(json);
    sock.send(json);
  };
  send(JSON.stringify({ op: 'hello', name: 'layers' }));
  await waitUntil(() => run.received.some((t) => t.includes('"welcome"')), 'the welcome');
  for (const [i, size] of MESSAGE_SIZES.entries()) {
    send(sendOpJson(`r${i}`, size));
    await waitUntil(() => run.received.some((t) => t.includes('"ack"') && t.includes(`"r${i}"`)), `the ack of r${i}`);
  }
  await waitUntil(() => heartbeats > 0, 'an h heartbeat');
  const closed = new Promise<void>((resolve) => (sock.onclose = () => resolve()));
  sock.close();
  await closed;
  return run;
}

/** Predicted layers each way, and what the proxy saw of requests. */
export interface SockJsXhrPrediction {
  in: WireLayerBytes;
  out: WireLayerBytes;
  /** Every request the proxy passed. */
  requests: number;
  /** Exchanges that carried nothing but a heartbeat (an xhr poll answered `h`). */
  keepaliveRequests: number;
  /** Bytes of `h` heartbeat frames inside longer answers (xhr-streaming). */
  heartbeatFrameBytes: number;
  /** Bytes of the xhr-streaming prelude (2048 `h` and a newline) in the answers. */
  preludeBytes: number;
}

const utf8 = (s: string) => Buffer.byteLength(s);
const zero = (): WireLayerBytes => ({ payload: 0, framing: 0, http: 0, keepalive: 0 });

/**
 * Every layer, predicted from the raw streams the proxy saw: heads and chunked coding are http;
 * an exchange whose answer is a lone `h` frame is keepalive whole; in xhr_send bodies (JSON arrays
 * of strings) the strings are payload; in answers (frames ending in `\n`) an `a[...]` frame's
 * strings are payload (the frame checked against the byte model), an `h` frame is keepalive,
 * everything else (`o`, `c[...]`, the streaming prelude, the info JSON) is framing.
 */
export function predictSockJsXhrLayers(connections: ProxiedConnection[]): SockJsXhrPrediction {
  const p: SockJsXhrPrediction = { in: zero(), out: zero(), requests: 0, keepaliveRequests: 0, heartbeatFrameBytes: 0, preludeBytes: 0 };
  for (const conn of connections) {
    const requests = splitHttpMessages(Buffer.concat(conn.toServer));
    const responses = splitHttpMessages(Buffer.concat(conn.fromServer));
    assert.ok(responses.length <= requests.length, 'no answer without a request');
    p.requests += requests.length;
    for (const [i, req] of requests.entries()) {
      assert.ok(req.complete, `request ${req.startLine} arrived whole`);
      const res: HttpMessage | undefined = responses[i];
      const answer = res?.body.toString('utf8') ?? '';
      if (req.body.length === 0 && answer === 'h\n') {
        p.in.keepalive += wireBytes(req);
        p.out.keepalive += wireBytes(res!);
        p.keepaliveRequests++;
        continue;
      }
      p.in.http += req.headBytes + req.codingBytes;
      addRequestBody(req, p.in);
      if (!res) continue; // an abandoned poll: its client went away before the answer
      p.out.http += res.headBytes + res.codingBytes;
      if (/^GET \S*\/eventsource[ ?]/.test(req.startLine)) addEventSourceAnswer(answer, p);
      else addAnswer(answer, p);
    }
  }
  return p;
}

const wireBytes = (m: HttpMessage) => m.headBytes + m.codingBytes + m.body.length;

/** An xhr_send body: a JSON array of the application's strings. */
function addRequestBody(req: HttpMessage, into: WireLayerBytes): void {
  if (req.body.length === 0) return;
  const messages = JSON.parse(req.body.toString('utf8')) as string[];
  const payload = messages.reduce((n, m) => n + utf8(m), 0);
  into.payload += payload;
  into.framing += req.body.length - payload;
}

/**
 * An EventSource answer: the `\r\n` prelude (framing), then `data: <frame>\r\n\r\n` per frame;
 * an `h` event is keepalive whole, an `a[...]` event's strings payload, the rest framing.
 */
function addEventSourceAnswer(answer: string, p: SockJsXhrPrediction): void {
  assert.ok(answer.startsWith('\r\n'), 'an EventSource answer starts with its prelude');
  p.out.framing += 2;
  for (const event of answer.slice(2).split('\r\n\r\n').filter((e) => e.length > 0)) {
    const bytes = utf8(event) + 4;
    assert.ok(event.startsWith('data: '), `an SSE event: ${event}`);
    const frame = event.slice(6);
    if (frame === 'h') {
      p.out.keepalive += bytes;
      p.heartbeatFrameBytes += bytes;
    } else if (frame.startsWith('a[')) {
      const messages = JSON.parse(frame.slice(1)) as string[];
      assert.equal(sockjsArrayFrameBytes(messages), utf8(frame), `sockjs frame differs from the model: ${frame}`);
      const payload = messages.reduce((n, m) => n + utf8(m), 0);
      p.out.payload += payload;
      p.out.framing += bytes - payload;
    } else p.out.framing += bytes;
  }
}

/** A response body: SockJS frames, each ending in `\n` (or the info JSON). */
function addAnswer(answer: string, p: SockJsXhrPrediction): void {
  for (const frame of answer.match(/[^\n]*\n?/g)!.filter((f) => f.length > 0)) {
    const bytes = utf8(frame);
    if (frame === 'h\n') {
      p.out.keepalive += bytes;
      p.heartbeatFrameBytes += bytes;
    } else if (frame.startsWith('a[')) {
      const messages = JSON.parse(frame.slice(1)) as string[];
      // The model must reproduce the frame exactly: quotes, escapes and all.
      assert.equal(sockjsArrayFrameBytes(messages) + 1, bytes, `sockjs frame differs from the model: ${frame}`);
      const payload = messages.reduce((n, m) => n + utf8(m), 0);
      p.out.payload += payload;
      p.out.framing += bytes - payload;
    } else {
      if (/^h{2048}\n$/.test(frame)) p.preludeBytes += bytes;
      p.out.framing += bytes;
    }
  }
}
