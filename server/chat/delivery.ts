/**
 * A Delivery is one fan-out: an event and the audience it goes to, in Socket.IO's terms.
 * The core publishes deliveries on the bus; each transport adapter hands them to its own clients.
 */
import type { SendOp, ServerEvent } from '../../protocol';

/** Who receives a chat message. */
export type MessageAudience =
  /** Everyone in the namespace, optionally minus one client (`socket.broadcast.emit`). */
  | { kind: 'namespace'; except?: string }
  /** Members of a room, optionally minus one client (`socket.to(room)` vs `io.to(room)`). */
  | { kind: 'room'; room: string; except?: string }
  /** One client by id (`io.to(id)`). */
  | { kind: 'client'; id: string };

/**
 * Who hears of a presence change: every client that watches the whole namespace (presence
 * scope `namespace`), and the members of `rooms` (those with scope `rooms` hear only this way),
 * minus the client the change is about. Each recipient gets it once, whatever rooms it shares.
 */
export interface PresenceAudience {
  kind: 'presence';
  rooms: readonly string[];
  except: string;
}

/** Who receives a delivery. */
export type Audience = MessageAudience | PresenceAudience;

export interface Delivery {
  ns: string;
  audience: Audience;
  event: ServerEvent;
}

/** Maps a send operation onto the Socket.IO-style audience it names. */
export function audienceOf(op: SendOp, self: string): MessageAudience {
  switch (op.scope) {
    case 'all':
      return { kind: 'namespace' };
    case 'others':
      return { kind: 'namespace', except: self };
    case 'room':
      return { kind: 'room', room: op.room!, except: op.includeSelf === false ? self : undefined };
    case 'direct':
      return { kind: 'client', id: op.to! };
  }
}
