/**
 * The Lab's own JSON, as raw ws, SockJS and our polling carry it: client operations `{"op": …}`
 * and server events `{"type": …}` (protocol/client-ops.ts, server-events.ts). Socket.IO carries
 * the same operations and events as (name, body) pairs; `readLabValue` takes either.
 */
import type { WireProtocol } from '../../../protocol';
import { brief, type UnitFacts } from './unit-facts';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** The fields worth showing of an op or event (never the resume token, never whole lists). */
function fieldsOf(value: Obj): Obj {
  const out: Obj = {};
  for (const key of ['id', 'messageId', 'ref', 'name', 'ns', 'transport', 'scope', 'room', 'rooms', 'to', 'text', 'what', 'code', 'reason', 'includeSelf', 'seq']) {
    if (value[key] !== undefined) out[key] = value[key];
  }
  // The whole text is in `raw`; a field needs only its start (and the ring stays small).
  if (typeof out.text === 'string') out.text = brief(out.text, 200);
  if (isObj(value.from)) out.from = { id: value.from.id, name: value.from.name };
  if (Array.isArray(value.events)) out.events = value.events.length;
  if (Array.isArray(value.items)) out.items = value.items.length;
  if (Array.isArray(value.clients)) out.clients = value.clients.length;
  if (value.resumeToken !== undefined) out.resumeToken = '[redacted]';
  return out;
}

/**
 * Reads one op (`dir` in) or event (`dir` out) into `facts`.
 * @param name Socket.IO's event name, when the body came without its `op`/`type`
 * @param ackId Socket.IO's acknowledgement id of the packet that carried it
 */
export function readLabValue(protocol: WireProtocol, dir: 'in' | 'out', value: unknown, facts: UnitFacts, name?: string, ackId?: number): void {
  if (!isObj(value)) {
    facts.packets.push({ protocol, type: name ?? 'value' });
    facts.phrases.push(name ?? 'value');
    return;
  }
  const fields = fieldsOf(value);
  const ref = str(value.ref);
  const key = { ...(ref ? { ref } : {}), ...(ackId !== undefined ? { ackId } : {}) };
  if (dir === 'in') {
    const op = name ?? str(value.op) ?? 'op';
    facts.packets.push({ protocol, type: op, fields });
    facts.phrases.push(`${op}${typeof value.text === 'string' ? ` "${brief(value.text)}"` : ''}`);
    if (op === 'send') facts.sends.push(key);
    return;
  }
  const event = str(value.type) ?? name ?? 'event';
  facts.packets.push({ protocol, type: event, fields });
  const id = str(value.id);
  if (event === 'welcome' && id) facts.welcome = id;
  if (event === 'message' && id) {
    facts.messageIds.push(id);
    const from = isObj(value.from) ? str(value.from.name) : undefined;
    facts.phrases.push(`message ${id}${from ? ` from ${from}` : ''}${typeof value.text === 'string' ? ` "${brief(value.text)}"` : ''}`);
    return;
  }
  const messageId = str(value.messageId);
  if (event === 'ack' && messageId) {
    facts.messageIds.push(messageId);
    facts.acks.push({ ...key, messageId });
    facts.phrases.push(`ack ${messageId}`);
    return;
  }
  facts.phrases.push(event === 'welcome' ? `welcome ${id}` : event === 'error' ? `error ${str(value.code) ?? ''}` : event);
}

/** Parses `text` as JSON and reads it; a frame that is not JSON is shown as such. */
export function readLabJson(protocol: WireProtocol, dir: 'in' | 'out', text: string, facts: UnitFacts): void {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    facts.packets.push({ protocol, type: 'not-json' });
    facts.phrases.push(`not JSON: ${brief(text)}`);
    return;
  }
  readLabValue(protocol, dir, value, facts);
}
