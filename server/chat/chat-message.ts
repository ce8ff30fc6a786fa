/** A chat message as the core builds it, and the stream it belongs to (protocol/streams.ts). */
import { directStream, namespaceStream, roomStream, type MessageEvent, type SendOp } from '../../protocol';
import type { MessageAudience } from './delivery';
import type { NamespaceState } from './namespace-state';

/**
 * Builds the message event for an accepted send (position not yet set).
 * @param op the parsed send operation
 * @param id a fresh message id
 * @param from the sender as recipients see it
 */
export function newMessage(op: SendOp, id: string, from: MessageEvent['from']): MessageEvent {
  const event: MessageEvent = { type: 'message', id, from, scope: op.scope, text: op.text, sentAt: Date.now() };
  if (op.scope === 'room') {
    event.room = op.room;
    event.includeSelf = op.includeSelf !== false;
  }
  if (op.scope === 'direct') event.to = op.to;
  if (op.ref !== undefined) event.ref = op.ref;
  return event;
}

/**
 * The stream a message goes to: the namespace's (`all`, `others`), a room's, or the recipient's
 * direct stream.
 */
export function streamOf(ns: NamespaceState, audience: MessageAudience, op: SendOp): string {
  switch (audience.kind) {
    case 'namespace':
      return namespaceStream(ns.name);
    case 'room':
      return roomStream(ns.name, audience.room);
    case 'client':
      // Keyed by the recipient's resume key, so its directs survive its reconnects.
      return directStream(ns.name, ns.get(op.to!)?.clientKey ?? op.to!);
  }
}

/** The streams a client follows: its namespace's, its own direct stream, and its rooms'. */
export function followedStreams(ns: string, clientKey: string, rooms: Iterable<string>): Set<string> {
  return new Set([namespaceStream(ns), directStream(ns, clientKey), ...[...rooms].map((room) => roomStream(ns, room))]);
}
