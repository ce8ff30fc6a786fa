/**
 * Scenarios for the layer meter's tests: each talks to the Lab by hand over one transport (hello,
 * chat messages of known sizes, at least one heartbeat, close) and predicts, from what it sent
 * and received and the byte model alone, the payload, framing and keepalive bytes each way.
 */
import { TRANSPORT_PATHS, type WireLayerBytes } from '../../protocol';
import { socketIoEventText, sockjsArrayFrameBytes, wsFrameBytes, wsHeaderBytes } from '../../server/metering/byte-model';
import { RecordingWs, type RecordedFrame } from './recording-ws';
import { waitUntil } from './lab-fixture';

/** Expected layers without `http` (the test reads HTTP heads from the proxy's raw bytes). */
export type Predicted = Omit<WireLayerBytes, 'http'>;

export interface ScenarioResult {
  in: Predicted;
  out: Predicted;
  /** The op JSON texts sent, in order (their sizes are the inbound payload). */
  sentJson: string[];
}

const utf8 = (s: string) => Buffer.byteLength(s);
const zero = (): Predicted => ({ payload: 0, framing: 0, keepalive: 0 });

/**
 * A `send` operation whose JSON is exactly `bytes` long (the message of a given size).
 * @param ref the operation's ref (also identifies its ack)
 */
export function sendOpJson(ref: string, bytes: number): string {
  const base = JSON.stringify({ op: 'send', scope: 'all', text: '', ref });
  if (bytes <= base.length) throw new Error(`a send op needs at least ${base.length + 1} bytes`);
  return JSON.stringify({ op: 'send', scope: 'all', text: 'x'.repeat(bytes - base.length), ref });
}

/** Sizes of the chat messages every scenario sends: small, at the 125/126 boundary, large. */
export const MESSAGE_SIZES = [64, 125, 126, 300];

const wsUrl = (base: string, path: string) => base.replace(/^http/, 'ws') + path;

/** Control frames both sides exchange on every WebSocket: pings, pongs, close frames. */
function controlFrames(frames: RecordedFrame[], masked: boolean, into: Predicted): void {
  into.keepalive += RecordingWs.frameBytes(frames, masked, (f) => f.kind === 'ping' || f.kind === 'pong');
  into.framing += RecordingWs.frameBytes(frames, masked, (f) => f.kind === 'close');
}

/** Waits until the client has received a frame `pick` accepts (a heartbeat). */
const waitForHeartbeat = (client: RecordingWs, pick: (f: RecordedFrame) => boolean) =>
  waitUntil(() => client.received.some(pick), 'a heartbeat arrived');

/** Raw ws: every text frame is one op or event; WebSocket pings are the heartbeat. */
export async function rawWsScenario(base: string): Promise<ScenarioResult> {
  const client = await RecordingWs.open(wsUrl(base, TRANSPORT_PATHS.ws));
  const sentJson = [JSON.stringify({ op: 'hello', name: 'layers' })];
  client.send(sentJson[0]);
  await client.next((t) => t.includes('"welcome"'));
  for (const [i, size] of MESSAGE_SIZES.entries()) {
    sentJson.push(sendOpJson(`r${i}`, size));
    client.send(sentJson[i + 1]);
    await client.next((t) => t.includes('"ack"') && t.includes(`"r${i}"`));
  }
  await waitForHeartbeat(client, (f) => f.kind === 'ping');
  await client.close();
  const result: ScenarioResult = { in: zero(), out: zero(), sentJson };
  for (const [frames, masked, into] of [[client.sent, true, result.in], [client.received, false, result.out]] as const) {
    const texts = frames.filter((f) => f.kind === 'text');
    into.payload += texts.reduce((n, f) => n + f.bytes, 0);
    into.framing += RecordingWs.headerBytes(texts, masked);
    controlFrames(frames, masked, into);
  }
  return result;
}

/**
 * SockJS's websocket endpoint: `o` opens, a ping (or `h`) is the heartbeat, `a[...]` carries messages
 * (quoted as sockjs quotes them), the client sends JSON arrays of strings.
 */
export async function sockjsScenario(base: string): Promise<ScenarioResult> {
  const session = Math.random().toString(36).slice(2, 10);
  const client = await RecordingWs.open(wsUrl(base, `${TRANSPORT_PATHS.sockjs}/000/${session}/websocket`));
  await client.next((t) => t === 'o');
  const sentJson = [JSON.stringify({ op: 'hello', name: 'layers' })];
  client.send(JSON.stringify([sentJson[0]]));
  await client.next((t) => t.includes('welcome'));
  for (const [i, size] of MESSAGE_SIZES.entries()) {
    sentJson.push(sendOpJson(`r${i}`, size));
    client.send(JSON.stringify([sentJson[i + 1]]));
    await client.next((t) => t.includes('ack') && t.includes(`r${i}`));
  }
  // Over websocket, sockjs beats with WebSocket pings (its `h` frame is for the HTTP transports).
  await waitForHeartbeat(client, (f) => f.kind === 'ping' || f.text === 'h');
  await client.close();
  const result: ScenarioResult = { in: zero(), out: zero(), sentJson };
  for (const f of client.sent.filter((f) => f.kind === 'text')) {
    const messages = JSON.parse(f.text!) as string[];
    const payload = messages.reduce((n, m) => n + utf8(m), 0);
    result.in.payload += payload;
    result.in.framing += wsFrameBytes(f.bytes, true) - payload;
  }
  for (const f of client.received.filter((f) => f.kind === 'text')) {
    if (f.text === 'h') {
      result.out.keepalive += wsFrameBytes(f.bytes, false);
      continue;
    }
    if (f.text!.startsWith('a')) {
      const messages = JSON.parse(f.text!.slice(1)) as string[];
      // The model must reproduce the frame exactly: quotes, escapes and all.
      if (sockjsArrayFrameBytes(messages) !== f.bytes) throw new Error(`sockjs frame differs from the model: ${f.text}`);
      const payload = messages.reduce((n, m) => n + utf8(m), 0);
      result.out.payload += payload;
      result.out.framing += wsFrameBytes(f.bytes, false) - payload;
      continue;
    }
    result.out.framing += wsFrameBytes(f.bytes, false); // o, c[...]
  }
  controlFrames(client.sent, true, result.in);
  controlFrames(client.received, false, result.out);
  return result;
}

/**
 * Engine.IO v4 over websocket with Socket.IO on top: `0{...}` open, `40` connect, `2`/`3`
 * ping/pong, `42["name",payload]` events. The payload is the object handed to emit.
 */
export async function socketIoScenario(base: string): Promise<ScenarioResult> {
  const client = await RecordingWs.open(wsUrl(base, `${TRANSPORT_PATHS.socketio}/?EIO=4&transport=websocket`));
  client.onText = (text) => {
    if (text === '2' && client.answerPings) client.send('3');
  };
  await client.next((t) => t.startsWith('0{'));
  client.send('40');
  await client.next((t) => t.startsWith('40'));
  const bodies = [JSON.stringify({ name: 'layers' })];
  client.send(socketIoEventText('hello', bodies[0]));
  await client.next((t) => t.startsWith('42["welcome"'));
  for (const [i, size] of MESSAGE_SIZES.entries()) {
    const { op: _op, ...body } = JSON.parse(sendOpJson(`r${i}`, size)) as Record<string, unknown>;
    bodies.push(JSON.stringify(body));
    client.send(socketIoEventText('send', bodies[i + 1]));
    await client.next((t) => t.startsWith('42["ack"') && t.includes(`"r${i}"`));
  }
  await waitForHeartbeat(client, (f) => f.text === '2');
  await client.close();
  const result: ScenarioResult = { in: zero(), out: zero(), sentJson: bodies };
  const classify = (frames: RecordedFrame[], masked: boolean, into: Predicted) => {
    for (const f of frames.filter((f) => f.kind === 'text')) {
      if (f.text === '2' || f.text === '3') {
        into.keepalive += wsFrameBytes(f.bytes, masked);
        continue;
      }
      let payload = 0;
      if (f.text!.startsWith('42[')) {
        const [name, arg] = JSON.parse(f.text!.slice(2)) as [string, unknown];
        const json = JSON.stringify(arg);
        if (socketIoEventText(name, json) !== f.text) throw new Error(`socket.io frame differs from the model: ${f.text}`);
        payload = utf8(json);
      }
      into.payload += payload;
      into.framing += wsHeaderBytes(f.bytes, masked) + f.bytes - payload;
    }
    controlFrames(frames, masked, into);
  };
  classify(client.sent, true, result.in);
  classify(client.received, false, result.out);
  return result;
}
