/**
 * Engine.IO packets and the Socket.IO packets inside them (engine.io-protocol v4, socket.io-protocol
 * v5): one WebSocket frame is one Engine.IO packet; a polling body is packets joined by `\x1e`.
 */
import { readLabValue } from './lab-json';
import { brief, type UnitFacts } from './unit-facts';

const ENGINE_TYPES = ['open', 'close', 'ping', 'pong', 'message', 'upgrade', 'noop'] as const;
const SOCKET_TYPES = ['CONNECT', 'DISCONNECT', 'EVENT', 'ACK', 'CONNECT_ERROR', 'BINARY_EVENT', 'BINARY_ACK'] as const;
const SEPARATOR = '\x1e';

/** One Engine.IO packet (type digit, then data). */
export function readEnginePacket(dir: 'in' | 'out', packet: string, facts: UnitFacts): void {
  const type = ENGINE_TYPES[Number(packet[0])];
  const data = packet.slice(1);
  if (type === undefined) {
    facts.packets.push({ protocol: 'engine.io', type: 'unknown' });
    facts.phrases.push(`EIO ? ${brief(packet)}`);
    return;
  }
  if (type !== 'message') {
    const fields: Record<string, unknown> = {};
    if (type === 'open') {
      try {
        const open = JSON.parse(data) as { sid?: string; upgrades?: string[]; pingInterval?: number; pingTimeout?: number };
        Object.assign(fields, { sid: open.sid, upgrades: open.upgrades, pingInterval: open.pingInterval, pingTimeout: open.pingTimeout });
        if (open.sid) facts.openedSession = open.sid;
      } catch {
        // an open without JSON is shown bare
      }
    }
    if (data === 'probe') fields.probe = true;
    facts.packets.push({ protocol: 'engine.io', type, ...(Object.keys(fields).length ? { fields } : {}) });
    facts.phrases.push(`EIO ${type}${data === 'probe' ? ' probe' : ''}`);
    return;
  }
  facts.packets.push({ protocol: 'engine.io', type: 'message' });
  readSocketPacket(dir, data, facts);
}

/** A Socket.IO packet: type digit, `/nsp,` unless the main namespace, an ack id, JSON data. */
export function readSocketPacket(dir: 'in' | 'out', text: string, facts: UnitFacts): void {
  const type = SOCKET_TYPES[Number(text[0])];
  let at = 1;
  let nsp = '/';
  if (text[at] === '/') {
    const comma = text.indexOf(',', at);
    nsp = comma < 0 ? text.slice(at) : text.slice(at, comma);
    at = comma < 0 ? text.length : comma + 1;
  }
  const digits = /^\d+/.exec(text.slice(at))?.[0];
  const ackId = digits === undefined ? undefined : Number(digits);
  at += digits?.length ?? 0;
  let data: unknown;
  try {
    data = at < text.length ? JSON.parse(text.slice(at)) : undefined;
  } catch {
    data = undefined;
  }
  const fields: Record<string, unknown> = { nsp, ...(ackId !== undefined ? { ackId } : {}) };
  if ((type === 'EVENT' || type === 'BINARY_EVENT') && Array.isArray(data)) fields.event = data[0];
  facts.packets.push({ protocol: 'socket.io', type: type ?? 'unknown', fields });
  facts.phrases.push(`SIO ${type ?? '?'}${fields.event !== undefined ? ` "${String(fields.event)}"` : ''}${nsp !== '/' ? ` ${nsp}` : ''}${ackId !== undefined ? ` #${ackId}` : ''}`);
  // The Lab's own op or event inside: EVENT [name, body], ACK [reply].
  if (type === 'EVENT' && Array.isArray(data) && typeof data[0] === 'string') readLabValue('lab-ws', dir, data[1], facts, data[0], ackId);
  if (type === 'ACK' && Array.isArray(data)) readLabValue('lab-ws', dir, data[0], facts, undefined, ackId);
}

/** A polling body: packets joined by the record separator; Engine.IO answers a POST with `ok`. */
export function readEngineBody(dir: 'in' | 'out', body: string, facts: UnitFacts): void {
  if (body === 'ok') {
    facts.phrases.push('ok');
    return;
  }
  for (const packet of body.split(SEPARATOR)) if (packet.length > 0) readEnginePacket(dir, packet, facts);
}
