/** The clients in my namespace, as welcome and presence events describe them. */
import type { ClientInfo, PresenceEvent } from '../protocol';

export class MemberRoster {
  private readonly byId = new Map<string, ClientInfo>();

  /** Everyone, in arrival order. */
  list(): ClientInfo[] {
    return [...this.byId.values()];
  }

  /** Starts over from a welcome's client list. */
  reset(clients: ClientInfo[]): void {
    this.byId.clear();
    for (const c of clients) this.byId.set(c.id, c);
  }

  /** Applies a presence event: someone arrived, left or changed. */
  apply(event: PresenceEvent): void {
    if (event.event === 'disconnected') this.byId.delete(event.client.id);
    else this.byId.set(event.client.id, event.client);
  }

  /** Replaces one client's entry (my own, which the server does not announce to me). */
  set(client: ClientInfo): void {
    this.byId.set(client.id, client);
  }

  /** Drops every client but `self` that is in none of `rooms`. */
  keepSharing(self: string, rooms: ReadonlySet<string>): void {
    for (const [id, client] of this.byId) {
      if (id !== self && !client.rooms.some((room) => rooms.has(room))) this.byId.delete(id);
    }
  }

  /** Updates one client's rooms; false when it is not listed. */
  setRooms(id: string, rooms: string[]): boolean {
    const entry = this.byId.get(id);
    if (!entry) return false;
    this.byId.set(id, { ...entry, rooms });
    return true;
  }
}
