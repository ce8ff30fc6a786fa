/**
 * Reads one unit the meter measured: the HTTP start line, then the body or frame by the
 * transport's own protocol. Returns the packets, the summary line and the linking facts.
 */
import type { DecodedPacket } from '../../../protocol';
import type { UnitContent } from '../../metering/wire-units';
import { readEngineBody, readEnginePacket } from './engine-io';
import { readLabJson } from './lab-json';
import { readPollingBody } from './lab-polling';
import { readSockjsBody, readSockjsFrame } from './sockjs';
import { noFacts, type UnitFacts } from './unit-facts';

const OPCODE_NAMES: Record<number, string> = { 0: 'continuation', 1: 'text', 2: 'binary', 8: 'close', 9: 'ping', 10: 'pong' };

export interface DecodedUnit extends UnitFacts {
  summary: string;
}

/** The request's path without its query. */
export const pathOf = (url: string | undefined): string => (url ?? '/').split('?')[0];

export function decodeUnit(unit: UnitContent): DecodedUnit {
  const facts = noFacts();
  const { transport, dir } = unit;
  const head: string[] = [];
  if (unit.kind === 'ws-frame' && unit.ws) {
    const name = OPCODE_NAMES[unit.ws.opcode] ?? `opcode ${unit.ws.opcode}`;
    facts.packets.push({ protocol: 'websocket', type: name, fields: { fin: unit.ws.fin, masked: unit.ws.masked, payloadLength: unit.ws.payloadLength } });
    head.push(`WS ${name}`);
    if (unit.ws.opcode === 1 && unit.ws.fin) {
      if (transport === 'socketio') readEnginePacket(dir, unit.text, facts);
      else if (transport === 'sockjs') readSockjsFrame(dir, unit.text, facts);
      else readLabJson('lab-ws', dir, unit.text, facts);
    }
    if (unit.ws.opcode === 8) facts.phrases.push(closeReason(unit.text));
  } else if (unit.kind === 'http-request' || unit.kind === 'http-response') {
    const path = pathOf(unit.req?.url);
    const http: DecodedPacket = unit.kind === 'http-request'
      ? { protocol: 'http', type: 'request', fields: { method: unit.req?.method, path } }
      : { protocol: 'http', type: 'response', fields: { status: unit.response?.status ?? statusOfHead(unit.head) } };
    facts.packets.push(http);
    head.push(unit.kind === 'http-request' ? `${unit.req?.method ?? '?'} ${path}${unit.req?.headers.upgrade ? ' (upgrade)' : ''}` : `${String(http.fields!.status)}`);
    if (unit.text.length > 0) {
      if (transport === 'polling') readPollingBody(dir, path, unit.text, facts);
      else if (transport === 'socketio') readEngineBody(dir, unit.text, facts);
      else if (transport === 'sockjs') readSockjsBody(dir, path, unit.text, facts);
    } else if (transport === 'sockjs' && path.endsWith('/info') && dir === 'in') {
      facts.phrases.push('SockJS /info');
    }
  } else if (unit.kind === 'http-chunk') {
    // One write of a streaming answer (xhr-streaming, EventSource): its frames, as they went.
    facts.packets.push({ protocol: 'http', type: 'chunk' });
    head.push(unit.text.length > 0 ? 'chunk' : 'last chunk');
    if (transport === 'sockjs' && unit.text.length > 0) readSockjsBody(dir, pathOf(unit.req?.url), unit.text, facts);
  } else {
    head.push(`tcp ${unit.bytes} B`);
  }
  const summary = [...head, ...facts.phrases].filter(Boolean).join(' · ');
  return { ...facts, summary };
}

function statusOfHead(head: string | undefined): number | undefined {
  const status = / (\d{3}) /.exec(head?.slice(0, head.indexOf('\r\n')) ?? '')?.[1];
  return status === undefined ? undefined : Number(status);
}

/** A close frame's payload (as latin1): 2-byte code, then a reason. */
function closeReason(payload: string): string {
  if (payload.length < 2) return 'close';
  const buf = Buffer.from(payload, 'latin1');
  return `close ${buf.readUInt16BE(0)}${buf.length > 2 ? ` ${buf.subarray(2).toString('utf8')}` : ''}`;
}
