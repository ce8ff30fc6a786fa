/**
 * Reads the cluster's shared history out of Redis when a node starts: the epoch (made here when
 * this is the first node), every stream's head, and the entries Redis still keeps, as the
 * snapshot StreamHistory restores from. So a node that starts late (or restarts after a crash)
 * resumes clients with exactly what they missed, like the nodes that saw it live.
 */
import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { HistoryEntry, HistorySnapshot } from '../chat/stream-history';
import type { MessageBody } from './bus-envelope';

/** The Redis keys of one cluster, all under one prefix. */
export interface ClusterKeys {
  epoch: string;
  heads: string;
  order: string;
  channel: string;
  /** The Redis stream that stores one chat stream's entries. */
  stream(id: string): string;
  /** A node's heartbeat key (expires when the node stops beating). */
  node(id: string): string;
}

/** Keys under `prefix` (default `lab:`). */
export function clusterKeys(prefix = 'lab:'): ClusterKeys {
  return {
    epoch: `${prefix}epoch`,
    heads: `${prefix}heads`,
    order: `${prefix}order`,
    channel: `${prefix}bus`,
    stream: (id) => `${prefix}h:${id}`,
    node: (id) => `${prefix}node:${id}`,
  };
}

/**
 * The epoch every node numbers under: the one already in Redis, or a new one when this is the
 * first node (SET NX, so two nodes starting together agree).
 */
export async function sharedEpoch(redis: Redis, keys: ClusterKeys): Promise<string> {
  await redis.set(keys.epoch, randomBytes(6).toString('base64url'), 'NX');
  const epoch = await redis.get(keys.epoch);
  if (!epoch) throw new Error('Redis lost the epoch key right after setting it');
  return epoch;
}

/**
 * Everything Redis holds of the history, as a snapshot.
 * @param size most entries read per stream (what each node keeps anyway)
 */
export async function loadSharedHistory(redis: Redis, keys: ClusterKeys, size: number): Promise<HistorySnapshot> {
  const epoch = await sharedEpoch(redis, keys);
  const [heads, order] = await Promise.all([redis.hgetall(keys.heads), redis.get(keys.order)]);
  const streams = await Promise.all(
    Object.entries(heads).map(async ([id, head]) => {
      const raw = await redis.xrevrange(keys.stream(id), '+', '-', 'COUNT', size);
      const entries: HistoryEntry[] = raw.reverse().flatMap(([entryId, fields]) => entryOf(entryId, fields));
      return { id, head: Number(head), entries };
    }),
  );
  return { epoch, appended: Number(order ?? 0), streams };
}

/** One Redis stream entry (`<seq>-1`, fields o and d) as a history entry; none when unreadable. */
function entryOf(entryId: string, fields: string[]): HistoryEntry[] {
  const seq = Number(entryId.split('-')[0]);
  const value = (name: string) => fields[fields.indexOf(name) + 1];
  try {
    const body = JSON.parse(value('d')) as MessageBody;
    if (body.d.event.type !== 'message') return [];
    const event = { ...body.d.event, seq };
    // Aged by when it was sent: the restoring history drops what is past its age limit.
    return [{ seq, order: Number(value('o')), at: event.sentAt, event, recipients: body.r, ...(body.x !== undefined ? { exceptKey: body.x } : {}) }];
  } catch {
    return [];
  }
}
