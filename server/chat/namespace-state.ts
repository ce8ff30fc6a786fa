/**
 * Who is in one namespace and which rooms they are in. The single source of truth for
 * membership across all four transports.
 */
import type { ClientInfo, ListEvent, ListOp, RoomInfo } from '../../protocol';
import type { Audience } from './delivery';
import type { ChatSession } from './chat-session';

export class NamespaceState {
  private readonly clients = new Map<string, ChatSession>();
  private readonly rooms = new Map<string, Set<string>>();

  constructor(readonly name: string) {}

  /** Adds a client that has said hello. */
  add(session: ChatSession): void {
    this.clients.set(session.id, session);
  }

  /** Removes a client and empties it out of every room (its own `rooms` are left as they were). */
  remove(session: ChatSession): void {
    this.clients.delete(session.id);
    for (const room of session.rooms) this.removeFromRoom(room, session.id);
  }

  get(id: string): ChatSession | undefined {
    return this.clients.get(id);
  }

  /** Puts a client in a room; false when it was already there. */
  addToRoom(room: string, id: string): boolean {
    let members = this.rooms.get(room);
    if (!members) {
      members = new Set();
      this.rooms.set(room, members);
    }
    if (members.has(id)) return false;
    members.add(id);
    return true;
  }

  /** Takes a client out of a room; false when it was not there. Empty rooms vanish, as in Socket.IO. */
  removeFromRoom(room: string, id: string): boolean {
    const members = this.rooms.get(room);
    if (!members?.delete(id)) return false;
    if (members.size === 0) this.rooms.delete(room);
    return true;
  }

  /** Number of clients in a room (0 when it does not exist). */
  roomSize(room: string): number {
    return this.rooms.get(room)?.size ?? 0;
  }

  /** Everyone, in arrival order. */
  listClients(): ClientInfo[] {
    return [...this.clients.values()].map((s) => s.info());
  }

  /** Every room with its size, sorted by name. */
  listRooms(): RoomInfo[] {
    return [...this.rooms.entries()]
      .map(([name, members]) => ({ name, members: members.size }))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  /** The clients of one room (empty when the room does not exist). */
  listRoomClients(room: string): ClientInfo[] {
    const members = this.rooms.get(room);
    if (!members) return [];
    return [...members].flatMap((id) => {
      const session = this.clients.get(id);
      return session ? [session.info()] : [];
    });
  }

  /**
   * Answers a list operation for client `self`.
   * @returns the reply, or undefined when `client-rooms` names a client not in this namespace
   */
  list(op: ListOp, self: string): ListEvent | undefined {
    switch (op.what) {
      case 'clients':
        return { type: 'list', what: 'clients', items: this.listClients(), ref: op.ref };
      case 'rooms':
        return { type: 'list', what: 'rooms', items: this.listRooms(), ref: op.ref };
      case 'room-clients':
        return { type: 'list', what: 'room-clients', room: op.room!, items: this.listRoomClients(op.room!), ref: op.ref };
      case 'client-rooms': {
        const id = op.id ?? self;
        const target = this.clients.get(id);
        return target ? { type: 'list', what: 'client-rooms', id, items: target.info().rooms, ref: op.ref } : undefined;
      }
    }
  }

  /** The sessions an audience reaches in this namespace. */
  recipients(audience: Audience): ChatSession[] {
    // Plain loops: this runs for every delivery, and spread/filter/flatMap allocated three arrays.
    const out: ChatSession[] = [];
    switch (audience.kind) {
      case 'namespace':
        for (const s of this.clients.values()) if (s.id !== audience.except) out.push(s);
        return out;
      case 'room': {
        const members = this.rooms.get(audience.room);
        if (!members) return out;
        for (const id of members) {
          if (id === audience.except) continue;
          const s = this.clients.get(id);
          if (s) out.push(s);
        }
        return out;
      }
      case 'client': {
        const s = this.clients.get(audience.id);
        if (s) out.push(s);
        return out;
      }
    }
  }

  /** How many sessions an audience reaches, without building the list (the ack's count, per send). */
  countRecipients(audience: Audience): number {
    switch (audience.kind) {
      case 'namespace':
        return this.clients.size - (audience.except !== undefined && this.clients.has(audience.except) ? 1 : 0);
      case 'room': {
        const members = this.rooms.get(audience.room);
        if (!members) return 0;
        return members.size - (audience.except !== undefined && members.has(audience.except) ? 1 : 0);
      }
      case 'client':
        return this.clients.has(audience.id) ? 1 : 0;
    }
  }
}
