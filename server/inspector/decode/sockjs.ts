/**
 * SockJS frames (sockjs-protocol 0.3): server → client `o` open, `h` heartbeat, `a[...]` messages,
 * `c[code,"reason"]` close (`\n`-terminated on xhr transports); client → server a JSON array of
 * message strings. Each message string is the Lab's JSON.
 */
import { readLabJson } from './lab-json';
import { brief, type UnitFacts } from './unit-facts';
import { htmlFileFrames } from '../../metering/sockjs-htmlfile';

/** One server frame, or a client's array of messages. */
export function readSockjsFrame(dir: 'in' | 'out', text: string, facts: UnitFacts): void {
  const frame = text.trimEnd();
  if (dir === 'in') {
    const messages = parseStrings(frame.startsWith('"') ? `[${frame}]` : frame);
    facts.packets.push({ protocol: 'sockjs', type: 'send', fields: { messages: messages?.length ?? 0 } });
    facts.phrases.push(`SockJS send ×${messages?.length ?? 0}`);
    for (const m of messages ?? []) readLabJson('lab-ws', dir, m, facts);
    return;
  }
  const type = frame[0];
  if (type === 'o' || type === 'h') {
    facts.packets.push({ protocol: 'sockjs', type });
    facts.phrases.push(type === 'o' ? 'SockJS o (open)' : 'SockJS h (heartbeat)');
    return;
  }
  if (type === 'c') {
    let close: unknown;
    try {
      close = JSON.parse(frame.slice(1));
    } catch {
      close = undefined;
    }
    const [code, reason] = Array.isArray(close) ? close : [];
    facts.packets.push({ protocol: 'sockjs', type: 'c', fields: { code, reason } });
    facts.phrases.push(`SockJS c (close ${String(code)} ${String(reason)})`);
    return;
  }
  if (type === 'a') {
    const messages = parseStrings(frame.slice(1));
    facts.packets.push({ protocol: 'sockjs', type: 'a', fields: { messages: messages?.length ?? 0 } });
    facts.phrases.push(`SockJS a ×${messages?.length ?? 0}`);
    for (const m of messages ?? []) readLabJson('lab-ws', dir, m, facts);
    return;
  }
  facts.packets.push({ protocol: 'sockjs', type: 'unknown' });
  facts.phrases.push(`SockJS ? ${brief(frame)}`);
}

/** An xhr body: one frame per line; an EventSource answer: one frame per event. */
export function readSockjsBody(dir: 'in' | 'out', path: string, body: string, facts: UnitFacts): void {
  if (path.endsWith('/info')) {
    facts.packets.push({ protocol: 'sockjs', type: 'info', fields: safeJson(body) });
    facts.phrases.push('SockJS /info');
    return;
  }
  if (body.length === 0) return;
  if (dir === 'in') return readSockjsFrame(dir, body, facts);
  if (path.endsWith('/eventsource')) {
    // `\r\n` prelude, then `data: <frame>\r\n\r\n` per frame: SSE's framing around SockJS's.
    for (const line of body.split('\r\n')) if (line.startsWith('data: ')) readSockjsFrame(dir, line.slice(6), facts);
    return;
  }
  if (path.endsWith('/htmlfile')) {
    // An HTML prelude, then `<script>\np("<frame as a JSON string>");\n</script>\r\n` per frame.
    for (const frame of htmlFileFrames(body)) readSockjsFrame(dir, frame, facts);
    return;
  }
  for (const line of body.split('\n')) if (line.length > 0) readSockjsFrame(dir, line, facts);
}

function parseStrings(text: string): string[] | undefined {
  try {
    const value = JSON.parse(text) as unknown;
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : undefined;
  } catch {
    return undefined;
  }
}

function safeJson(text: string): Record<string, unknown> | undefined {
  try {
    const value = JSON.parse(text) as unknown;
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
