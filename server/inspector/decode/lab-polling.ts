/**
 * Our short-polling envelopes (server/transports/polling-transport.ts): `POST open` → `{sid,
 * pollIntervalMs}`, `POST send` with one op, `GET events` → `{next, events}`, `POST close`.
 */
import { readLabValue } from './lab-json';
import type { UnitFacts } from './unit-facts';

/** The endpoint a path names (`open`, `send`, `events`, `close`), or undefined. */
export function pollingEndpoint(path: string): string | undefined {
  return /\/(open|send|events|close)$/.exec(path)?.[1];
}

export function readPollingBody(dir: 'in' | 'out', path: string, body: string, facts: UnitFacts): void {
  const endpoint = pollingEndpoint(path) ?? 'other';
  let value: unknown;
  try {
    value = body.length > 0 ? JSON.parse(body) : undefined;
  } catch {
    value = undefined;
  }
  const obj = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
  if (dir === 'in') {
    facts.packets.push({ protocol: 'lab-polling', type: endpoint });
    if (endpoint === 'send' && obj) readLabValue('lab-polling', 'in', obj, facts);
    else facts.phrases.push(endpoint);
    return;
  }
  if (endpoint === 'open' && obj) {
    const sid = typeof obj.sid === 'string' ? obj.sid : undefined;
    if (sid) facts.openedSession = sid;
    facts.packets.push({ protocol: 'lab-polling', type: 'open', fields: { sid, pollIntervalMs: obj.pollIntervalMs } });
    facts.phrases.push(`open pollIntervalMs=${String(obj.pollIntervalMs)}`);
    return;
  }
  if (endpoint === 'events' && obj && Array.isArray(obj.events)) {
    facts.packets.push({ protocol: 'lab-polling', type: 'events', fields: { next: obj.next, events: obj.events.length } });
    // Protocol words only: the page shows the summary as it is, in every language.
    facts.phrases.push(obj.events.length === 0 ? 'events ×0 (empty)' : `events ×${obj.events.length}`);
    for (const event of obj.events) readLabValue('lab-polling', 'out', event, facts);
    return;
  }
  facts.packets.push({ protocol: 'lab-polling', type: endpoint });
  if (obj && typeof obj.type === 'string') readLabValue('lab-polling', 'out', obj, facts);
}
