/**
 * What travels on the cluster's Redis channel, one string per publish. The first character says
 * what it is; a message's envelope starts `m <seq> <order> ` because the Lua script that numbers
 * it prefixes those to the JSON the node gave it (redis-scripts.ts).
 */
import type { Delivery } from '../chat/delivery';
import type { MemberRecord } from '../chat/member';

/** A message's JSON, before the script numbers it. */
export interface MessageBody {
  /** Origin node. */
  o: string;
  d: Delivery;
  /** Its stream. */
  s: string;
  /** Resume key of a sender that excluded itself. */
  x?: string;
  /** Recipients when it was accepted. */
  r: number;
}

export type Envelope =
  | { kind: 'message'; seq: number; order: number; body: MessageBody }
  /** A presence change, with the record of the client it concerns. */
  | { kind: 'presence'; origin: string; delivery: Delivery; about?: MemberRecord }
  /** A hello's barrier: once its own marker comes back, a node has seen everything published before. */
  | { kind: 'marker'; origin: string; n: number }
  /** A node is alive; `ttlMs` is how long the others should wait for its next beat. */
  | { kind: 'heartbeat'; origin: string; ttlMs: number }
  /** A node (new, or back from a cut) asks every node for its clients. */
  | { kind: 'sync'; origin: string }
  | { kind: 'roster'; origin: string; members: MemberRecord[] };

/** The string for an envelope other than a message (those the script writes). */
export function encodeEnvelope(envelope: Exclude<Envelope, { kind: 'message' }>): string {
  switch (envelope.kind) {
    case 'presence':
      return `p ${JSON.stringify({ o: envelope.origin, d: envelope.delivery, a: envelope.about })}`;
    case 'marker':
      return `b ${envelope.origin} ${envelope.n}`;
    case 'heartbeat':
      return `h ${envelope.origin} ${envelope.ttlMs}`;
    case 'sync':
      return `s ${envelope.origin}`;
    case 'roster':
      return `r ${JSON.stringify({ o: envelope.origin, m: envelope.members })}`;
  }
}

/**
 * Reads one string from the channel.
 * @returns undefined for anything malformed (logged by the caller, never thrown into the bus)
 */
export function decodeEnvelope(text: string): Envelope | undefined {
  try {
    const rest = text.slice(2);
    switch (text[0]) {
      case 'm': {
        const first = rest.indexOf(' ');
        const second = rest.indexOf(' ', first + 1);
        const seq = Number(rest.slice(0, first));
        const order = Number(rest.slice(first + 1, second));
        if (!Number.isSafeInteger(seq) || !Number.isSafeInteger(order)) return undefined;
        return { kind: 'message', seq, order, body: JSON.parse(rest.slice(second + 1)) as MessageBody };
      }
      case 'p': {
        const { o, d, a } = JSON.parse(rest) as { o: string; d: Delivery; a?: MemberRecord };
        return { kind: 'presence', origin: o, delivery: d, ...(a ? { about: a } : {}) };
      }
      case 'b': {
        const [origin, n] = rest.split(' ');
        return { kind: 'marker', origin, n: Number(n) };
      }
      case 'h': {
        const [origin, ttl] = rest.split(' ');
        const ttlMs = Number(ttl);
        return Number.isFinite(ttlMs) && ttlMs > 0 ? { kind: 'heartbeat', origin, ttlMs } : undefined;
      }
      case 's':
        return { kind: 'sync', origin: rest };
      case 'r': {
        const { o, m } = JSON.parse(rest) as { o: string; m: MemberRecord[] };
        return { kind: 'roster', origin: o, members: m };
      }
    }
  } catch {
    return undefined;
  }
  return undefined;
}
