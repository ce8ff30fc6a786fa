/**
 * The checks before a client enters a namespace or rooms, kept apart from ChatSession so the
 * session reads as the sequence of steps and these as the rules.
 */
import { DEFAULT_NAMESPACE, errorEvent, type ErrorEvent, type HelloOp } from '../../protocol';
import type { ChatLimits, SessionHost } from './session-host';
import type { NamespaceState } from './namespace-state';

/**
 * The namespace a hello asks for, or why it cannot have it.
 * @param fixedNamespace set when the transport already chose it (Socket.IO's `io.of()`)
 */
export function resolveNamespace(hub: Pick<SessionHost, 'namespace'>, op: HelloOp, fixedNamespace?: string): NamespaceState | { error: ErrorEvent } {
  if (fixedNamespace && op.ns !== undefined && op.ns !== fixedNamespace) {
    const message = `This connection is in namespace ${fixedNamespace}; connect to ${op.ns} instead.`;
    return { error: errorEvent('invalid_namespace', { op: 'hello', ref: op.ref, message }) };
  }
  const ns = hub.namespace(fixedNamespace ?? op.ns ?? DEFAULT_NAMESPACE);
  return ns ?? { error: errorEvent('invalid_namespace', { op: 'hello', ref: op.ref }) };
}

/**
 * Checks a join all-or-nothing: when any limit would be crossed nothing is joined, so the
 * client's rooms are always exactly what it last asked for or what it had before.
 * @returns the rooms to add (not yet members), or the error code and message
 */
export function checkJoin(
  ns: NamespaceState,
  current: Set<string>,
  rooms: string[],
  limits: ChatLimits,
): { fresh: string[] } | { error: 'room_limit' | 'room_full'; message: string } {
  const fresh = [...new Set(rooms)].filter((room) => !current.has(room));
  if (current.size + fresh.length > limits.maxRoomsPerClient) {
    return { error: 'room_limit', message: `At most ${limits.maxRoomsPerClient} rooms per client; you are in ${current.size}.` };
  }
  const full = fresh.find((room) => ns.roomSize(room) >= limits.maxClientsPerRoom);
  if (full !== undefined) {
    return { error: 'room_full', message: `Room ${full} is full (${limits.maxClientsPerRoom} clients); no rooms were joined.` };
  }
  return { fresh };
}
