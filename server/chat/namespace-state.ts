/**
 * Who is in one namespace and which rooms they are in. The single source of truth for
 * membership across all four transports.
 */
import type { ClientInfo, ListEvent, ListOp, RoomInfo } from '../../protocol';
import type { Audience, MessageAudience } from './delivery';
import type { Member } from './member';

export class NamespaceState {
  private readonly clients = new Map<string, Member>();
  private readonly rooms = new Map<string, Set<string>>();
  /** Clients that hear every presence change here (scope `namespace`), by id. */
  private readonly watchers = new Map<string, Member>();

  constructor(readonly name: string) {}

  /**
   * Adds a client that has said hello.
   * @param watchesNamespace true for presence scope `namespace`: it hears of everyone
   */
  add(session: Member, watchesNamespace = true): void {
    this.clients.set(session.id, session);
    if (watchesNamespace) this.watchers.set(session.id, session);
  }

  /** Removes a client and empties it out of every room (its own `rooms` are left as they were). */
  remove(session: Member): void {
    this.clients.delete(session.id);
    this.watchers.delete(session.id);
    for (const room of session.rooms) this.removeFromRoom(room, session.id);
  }

  get(id: string): Member | undefined {
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

  /** `self` and every client sharing one of `rooms` with it, once each, in no set order. */
  listRoomMates(self: Member, rooms: Iterable<string>): ClientInfo[] {
    const mates = new Set<string>([self.id]);
    for (const room of rooms) for (const id of this.rooms.get(room) ?? []) mates.add(id);
    return [...mates].flatMap((id) => {
      const session = this.clients.get(id);
      return session ? [session.info()] : [];
    });
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
  recipients(audience: Audience): Member[] {
    // Plain loops: this runs for every delivery, and spread/filter/flatMap allocated three arrays.
    const out: Member[] = [];
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
      case 'presence':
        return this.presenceRecipients(audience.rooms, audience.except, out);
    }
  }

  /** Watchers of the namespace, then members of `rooms` who are not watchers, once each. */
  private presenceRecipients(rooms: readonly string[], except: string, out: Member[]): Member[] {
    for (const s of this.watchers.values()) if (s.id !== except) out.push(s);
    // Only a client in several of the rooms could be met twice; one room needs no set.
    const seen = rooms.length > 1 ? new Set<string>() : undefined;
    for (const room of rooms) {
      for (const id of this.rooms.get(room) ?? []) {
        if (id === except || this.watchers.has(id) || seen?.has(id)) continue;
        seen?.add(id);
        const s = this.clients.get(id);
        if (s) out.push(s);
      }
    }
    return out;
  }

  /** How many sessions an audience reaches, without building the list (the ack's count, per send). */
  countRecipients(audience: MessageAudience): number {
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
