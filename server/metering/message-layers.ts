/**
 * What one transport message carries, by layer: how many of its bytes are the chat's own JSON
 * (payload), and whether the whole message is a keepalive. Everything else in it is framing.
 * One function per transport, each reading the message as its library wrote it.
 */
import type { TransportId } from '../../protocol';
import { utf8 } from './byte-model';
import { arrayElements, decodedStringBytes } from './json-scan';
import { htmlFileFrames } from './sockjs-htmlfile';

/** The layers inside one message text (a WebSocket message or one unit of an HTTP body). */
export interface MessageLayers {
  /** Bytes of application JSON inside the text. */
  payload: number;
  /** The message exists only to keep the connection alive (heartbeat, ping, pong). */
  keepalive: boolean;
}

const CONTROL: MessageLayers = { payload: 0, keepalive: false };
const KEEPALIVE: MessageLayers = { payload: 0, keepalive: true };

/** Sum of the JSON sizes of `values`, each stringified as the libraries do (JSON.stringify). */
const jsonBytes = (values: unknown[]): number => values.reduce<number>((n, v) => n + utf8(JSON.stringify(v) ?? ''), 0);

/** Raw ws: every text message is one of our JSON frames. */
function rawWs(text: string): MessageLayers {
  return { payload: utf8(text), keepalive: false };
}

/**
 * SockJS: server → client `o` (open), `h` (heartbeat), `a[...]` (messages), `c[...]` (close);
 * client → server a JSON array of messages (or one JSON string). The payload is each message
 * string as the application wrote it; quotes, escapes, commas and brackets are framing.
 */
function sockjs(text: string): MessageLayers {
  const body = text.trimEnd(); // xhr bodies end every frame with "\n"
  if (body === 'h') return KEEPALIVE;
  if (body.startsWith('"')) {
    const bytes = decodedStringBytes(body, 0, body.length);
    return bytes === undefined ? CONTROL : { payload: bytes, keepalive: false };
  }
  const open = body.startsWith('a[') ? 1 : body.startsWith('[') ? 0 : -1;
  const elements = open < 0 ? undefined : arrayElements(body, open);
  if (elements === undefined) return CONTROL;
  let payload = 0;
  for (const { start, end } of elements) payload += decodedStringBytes(body, start, end) ?? 0;
  return { payload, keepalive: false };
}

/**
 * Engine.IO packet (type digit + data) carrying a Socket.IO packet. Pings and pongs are
 * keepalive (the `probe` ones of an upgrade are not: they belong to connecting). In a Socket.IO
 * EVENT `2[nsp,][id]["name",arg...]` the args are payload; in an ACK `3[nsp,]id[arg...]` all are.
 * Each argument counts as written, which is what `JSON.stringify` of it gives: Socket.IO's
 * encoder stringifies the whole array at once.
 */
function socketIo(text: string): MessageLayers {
  const engineType = text[0];
  if (engineType === '2' || engineType === '3') return text.slice(1) === 'probe' ? CONTROL : KEEPALIVE;
  if (engineType !== '4') return CONTROL;
  const packetType = text[1];
  if (packetType !== '2' && packetType !== '3') return CONTROL;
  const start = text.indexOf('[');
  const elements = start < 0 ? undefined : arrayElements(text, start);
  if (elements === undefined) return CONTROL;
  let payload = 0;
  // Buffer.byteLength of a slice, not a count in JS: V8 slices without copying and counts
  // natively, about 5× faster per argument (67 against 360 ns for a chat message).
  for (let k = packetType === '2' ? 1 : 0; k < elements.length; k++) payload += utf8(text.slice(elements[k].start, elements[k].end));
  return { payload, keepalive: false };
}

/**
 * The last text classified per transport and its layers. Why: a broadcast writes the same frame
 * to every member's socket, and classifying it means a JSON parse (and, for Socket.IO, a
 * stringify per argument); for a room of 100 that was the meter's largest cost. One entry is
 * enough: the copies of one broadcast are written one after the other.
 */
const lastClassified: Record<TransportId, { text: string; layers: MessageLayers }> = {
  polling: { text: '', layers: CONTROL },
  ws: { text: '', layers: CONTROL },
  sockjs: { text: '', layers: CONTROL },
  socketio: { text: '', layers: CONTROL },
};

/** Layers of one message text of `transport` (either direction). Polling has no messages. */
export function messageLayers(transport: TransportId, text: string): MessageLayers {
  const last = lastClassified[transport];
  if (last.text === text) return last.layers;
  const layers = classify(transport, text);
  // Fields overwritten in place: no allocation per message on the hot path.
  last.text = text;
  last.layers = layers;
  return layers;
}

function classify(transport: TransportId, text: string): MessageLayers {
  switch (transport) {
    case 'ws':
      return rawWs(text);
    case 'sockjs':
      return sockjs(text);
    case 'socketio':
      return socketIo(text);
    case 'polling':
      return CONTROL;
  }
}

/** Engine.IO's separator between packets in one polling body (the ASCII record separator). */
const ENGINE_IO_SEPARATOR = '\x1e';

/** What one HTTP body carries, by layer. */
export interface BodyLayers {
  /** Bytes of application JSON in the body. */
  payload: number;
  /** Units that exist only to keep the connection alive, and their bytes in the body. */
  keepaliveUnits: number;
  keepaliveBytes: number;
  /** Every other unit (open, close, messages). */
  otherUnits: number;
  /** A poll of ours that brought no event. */
  emptyPoll: boolean;
}

/**
 * Layers of one HTTP body of `transport`: its units (one polling answer, the Engine.IO packets
 * of a polling body, the SockJS frames of an xhr answer) each classified like a message.
 * A keepalive unit's bytes are its own (a SockJS frame with its `\n` terminator, an Engine.IO
 * packet without the separator between packets).
 * @param path request path, to tell our polling endpoints apart
 * @param direction `in` for a request body, `out` for a response body
 */
export function httpBodyLayers(transport: TransportId, path: string, direction: 'in' | 'out', body: string): BodyLayers {
  const result: BodyLayers = { payload: 0, keepaliveUnits: 0, keepaliveBytes: 0, otherUnits: 0, emptyPoll: false };
  if (body.length === 0) return result;
  if (transport === 'polling') {
    // POST /send carries exactly one operation as the client wrote it.
    if (direction === 'in' && path.endsWith('/send')) return { ...result, payload: utf8(body) };
    if (direction === 'out' && path.endsWith('/events')) {
      const answer = parseJson(body) as { events?: unknown[] } | undefined;
      if (Array.isArray(answer?.events)) {
        return { ...result, payload: jsonBytes(answer.events), emptyPoll: answer.events.length === 0 };
      }
    }
    return { ...result, otherUnits: 1 };
  }
  const eventSource = transport === 'sockjs' && direction === 'out' && path.endsWith('/eventsource');
  const htmlFile = transport === 'sockjs' && direction === 'out' && path.endsWith('/htmlfile');
  const units =
    transport === 'socketio'
      ? body.split(ENGINE_IO_SEPARATOR)
      : eventSource
        ? splitEvents(body)
        : htmlFile
          ? splitScripts(body)
          : transport === 'sockjs'
            ? splitLines(body)
            : [body];
  for (const unit of units) {
    // Engine.IO answers a POST with a bare "ok": an acknowledgement, not a unit of its own.
    if (transport === 'socketio' && direction === 'out' && unit === 'ok') continue;
    // An event's `data: ` and blank line are SSE's framing around one SockJS frame; a script
    // tag and `p("…")` are htmlfile's (the frame's second JSON escaping is framing too).
    const layers = messageLayers(transport, eventSource ? eventData(unit) : htmlFile ? (htmlFileFrames(unit)[0] ?? '') : unit);
    result.payload += layers.payload;
    if (layers.keepalive) {
      result.keepaliveUnits++;
      result.keepaliveBytes += utf8(unit);
    } else result.otherUnits++;
  }
  return result;
}

/**
 * SockJS's EventSource answer: a `\r\n` prelude, then one event per frame, `data: <frame>\r\n\r\n`
 * (sockjs-node escapes `\r`, `\n` and NUL inside the frame, so the blank line ends each event).
 */
function splitEvents(body: string): string[] {
  return body.match(/[^\r]*\r\n\r\n|\r\n(?!\r\n)|[\s\S]+$/g) ?? [];
}

/** The SockJS frame inside one event (empty for the prelude). */
function eventData(event: string): string {
  return event.startsWith('data: ') ? event.slice(6).replace(/\r\n\r\n$/, '') : '';
}

/**
 * SockJS's htmlfile answer: an HTML prelude (a script that calls the parent page, padded to 1 KiB),
 * then one `<script>\np("<frame>");\n</script>\r\n` per frame. Units: the prelude, then each script.
 */
function splitScripts(body: string): string[] {
  return body.match(/<script>\np\([\s\S]*?\);\n<\/script>\r\n|[\s\S]+?(?=<script>\np\(|$)/g) ?? [];
}

/** SockJS xhr frames, each with the `\n` that ends it (an xhr-streaming body is many of them). */
function splitLines(body: string): string[] {
  return body.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
