/**
 * The audiences a pane's send form offers. Four map onto the protocol's `send` scopes, one is
 * `room` without my own copy (Socket.IO's `socket.to(room)`), and one is not a message at all:
 * `whoami` asks the server who it thinks I am.
 */
import type { Scope } from '../../protocol';

export const UI_SCOPES = ['all', 'others', 'room', 'room-others', 'direct', 'whoami'] as const;

/** One choice of the scope select. */
export type UiScope = (typeof UI_SCOPES)[number];

/** Where the send form points besides its scope. */
export interface SendTarget {
  room: string;
  /** Client id for direct messages. */
  to: string;
}

/** A `send` operation's fields, or what is missing to build one. */
export type SendPlan =
  | { kind: 'send'; scope: Scope; room?: string; to?: string; includeSelf?: boolean }
  | { kind: 'whoami' }
  | { kind: 'missing'; what: 'no_room' | 'no_target' };

/** True for scopes that need a room. */
export function needsRoom(scope: UiScope): boolean {
  return scope === 'room' || scope === 'room-others';
}

/** True when `value` is one of the form's scopes. */
export function isUiScope(value: string): value is UiScope {
  return (UI_SCOPES as readonly string[]).includes(value);
}

/**
 * Turns the form's choice into what to send.
 * @param scope the selected scope
 * @param target the selected room and direct-message recipient
 */
export function planSend(scope: UiScope, target: SendTarget): SendPlan {
  const room = target.room.trim();
  switch (scope) {
    case 'all':
    case 'others':
      return { kind: 'send', scope };
    case 'room':
    case 'room-others':
      if (!room) return { kind: 'missing', what: 'no_room' };
      return { kind: 'send', scope: 'room', room, includeSelf: scope === 'room' };
    case 'direct':
      if (!target.to) return { kind: 'missing', what: 'no_target' };
      return { kind: 'send', scope: 'direct', to: target.to };
    case 'whoami':
      return { kind: 'whoami' };
  }
}
