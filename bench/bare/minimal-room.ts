/**
 * The smallest chat the benchmark's clients can talk to: `hello` → `welcome`, `join` → `rooms`,
 * `send` to a room → `message` to its members, then `ack` to the sender. The same frames the Lab
 * sends, so the same client code drives both and the comparison prices only the server's code
 * (validation, rate limit, hub, dispatcher, metering), never a different wire protocol.
 * No validation, no limits, no namespaces: that is what "bare" means here.
 */
import { randomBytes } from 'node:crypto';

/** One connection of a bare server: how to hand it one event (already a JSON-able object). */
export interface BareConnection {
  send(event: Record<string, unknown>): void;
}

/** Rooms and message ids shared by every connection of one bare server. */
export class MinimalRoom {
  private readonly rooms = new Map<string, Set<BareConnection>>();
  private readonly ids = new WeakMap<BareConnection, string>();
  private counter = 0;

  /**
   * Handles one text frame from `conn` (a JSON operation as the Lab's clients send it).
   * Frames it does not understand are ignored: the benchmark never sends any.
   */
  handleFrame(conn: BareConnection, frame: string): void {
    const op = JSON.parse(frame) as Record<string, unknown>;
    const ref = op.ref as string | undefined;
    const id = this.idOf(conn);
    switch (op.op) {
      case 'hello':
        conn.send({ type: 'welcome', id, name: op.name, ns: '/', transport: 'bare', clients: [], namespaces: ['/'], limits: {}, ref });
        return;
      case 'join':
        for (const room of op.rooms as string[]) this.members(room).add(conn);
        conn.send({ type: 'rooms', rooms: op.rooms, ref });
        return;
      case 'send': {
        const room = op.room as string;
        const members = this.rooms.get(room) ?? new Set();
        const message = { type: 'message', id: `m${++this.counter}`, from: { id, name: 'bench', transport: 'bare' }, scope: 'room', room, includeSelf: true, text: op.text, sentAt: Date.now(), ref };
        for (const member of members) member.send(message);
        conn.send({ type: 'ack', messageId: message.id, recipients: members.size, ref });
        return;
      }
    }
  }

  /** Forgets a closed connection. */
  remove(conn: BareConnection): void {
    for (const [name, members] of this.rooms) {
      members.delete(conn);
      if (members.size === 0) this.rooms.delete(name);
    }
  }

  private members(room: string): Set<BareConnection> {
    let members = this.rooms.get(room);
    if (!members) this.rooms.set(room, (members = new Set()));
    return members;
  }

  private idOf(conn: BareConnection): string {
    let id = this.ids.get(conn);
    if (!id) this.ids.set(conn, (id = randomBytes(9).toString('base64url')));
    return id;
  }
}
