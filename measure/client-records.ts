/** Picking one client's units out of the wire inspector's log. Node-free. */
import type { WireRecord } from '../protocol';

/**
 * The records of one client: the connections its id appeared on. A connection that opened before
 * the id was known (a polling open, a SockJS `/info`) is this client's when it opened after `since`
 * and no other client ever appeared on it, and the run had no other new client of this transport
 * (the caller keeps the run to one new client, so this is the case in a quiet lesson).
 */
export function recordsOfClient(records: WireRecord[], clientId: string | undefined): WireRecord[] {
  const mine = new Set(records.filter((r) => r.client === clientId).map((r) => r.connection));
  const others = new Set(records.filter((r) => r.client !== undefined && r.client !== clientId).map((r) => r.connection));
  const anonymous = new Set(records.filter((r) => !others.has(r.connection) && !mine.has(r.connection) && r.client === undefined).map((r) => r.connection));
  return records.filter((r) => mine.has(r.connection) || anonymous.has(r.connection));
}

/**
 * How one client got connected, out of a long log: the records of its connections from
 * `windowMs` before its first own record to `windowMs` after it, plus the connections in that
 * window no client was ever seen on (its polling open, its SockJS `/info`: units sent before the
 * server knew whose they were). A chat pane uses it on the log since the start, where many
 * clients came and went; the window keeps the picture to this client's negotiation.
 * @param records a lane's records, oldest first
 * @param clientId the client's id; nothing is picked without one
 */
export function negotiationOfClient(records: WireRecord[], clientId: string | undefined, windowMs: number): WireRecord[] {
  if (clientId === undefined) return [];
  const first = records.find((r) => r.client === clientId);
  if (!first) return [];
  const inWindow = records.filter((r) => r.at >= first.at - windowMs && r.at <= first.at + windowMs);
  return recordsOfClient(inWindow, clientId);
}
