/**
 * The lesson's cast: three live chat clients, A, B and C, on each transport, in one namespace.
 * A and C are in the lesson room, B is not, so every audience of chapter 3 (everyone, everyone but
 * me, one client, the room with or without me) picks out a different set of them. Node-free: the
 * page gives it browser links, the unit test Node links, and both drive the same code.
 */
import type { ChatClient, ClientState } from '../../../client/chat-client';
import type { TransportId } from '../../../protocol';
import { firstEvent } from './first-event';

/** The cast's roles; A is always the one who acts. */
export const CAST_ROLES = ['A', 'B', 'C'] as const;
export type CastRole = (typeof CAST_ROLES)[number];

/** Makes a (not yet connected) chat client; the page and the test each supply their own. */
export type ClientMaker = (transport: TransportId, ns: string, name: string) => ChatClient;

/** One member of the cast. */
export interface CastMember {
  transport: TransportId;
  role: CastRole;
  /** `ws:A`, the key results use. */
  key: string;
  client: ChatClient;
}

/** How long a client may take to connect before the cast gives up on it. */
const OPEN_TIMEOUT_MS = 15_000;

/** Resolves when `client` is open, rejects after `timeoutMs`. */
export async function whenOpen(client: ChatClient, timeoutMs = OPEN_TIMEOUT_MS): Promise<void> {
  if (client.state === 'open') return;
  await firstEvent<ClientState>((fn) => client.on('state', fn), (state) => state === 'open', `${client.transport} connection`, timeoutMs);
}

/** The key of a member: `ws:A`. */
export function castKey(transport: TransportId, role: string): string {
  return `${transport}:${role}`;
}

export class LessonCast {
  private constructor(
    readonly members: readonly CastMember[],
    /** The namespace the cast lives in. */
    readonly ns: string,
    /** The room A and C are in. */
    readonly room: string,
    private readonly make: ClientMaker,
  ) {}

  /**
   * Connects A, B and C on every transport in `ns`, and puts A and C in a room of their own.
   * @param suffix makes names and the room unique to this page (several lecturers, one server)
   */
  static async open(transports: readonly TransportId[], ns: string, suffix: string, make: ClientMaker): Promise<LessonCast> {
    const room = `lesson-${suffix}`;
    const members = transports.flatMap((transport) =>
      CAST_ROLES.map((role) => ({ transport, role, key: castKey(transport, role), client: make(transport, ns, `${role}-${transport}-${suffix}`) })),
    );
    const cast = new LessonCast(members, ns, room, make);
    try {
      await Promise.all(
        members.map(async (m) => {
          m.client.connect();
          await whenOpen(m.client);
          if (m.role !== 'B') await m.client.join(room);
        }),
      );
    } catch (err) {
      cast.close();
      throw err;
    }
    return cast;
  }

  /** The member `role` on `transport`. @throws when the cast has no such member */
  member(transport: TransportId, role: CastRole): CastMember {
    const found = this.members.find((m) => m.transport === transport && m.role === role);
    if (!found) throw new Error(`no ${role} on ${transport}`);
    return found;
  }

  /** A client outside the cast (D, who connects; E, in another namespace), connected. */
  async extra(transport: TransportId, ns: string, role: string, suffix: string): Promise<CastMember> {
    const client = this.make(transport, ns, `${role}-${transport}-${suffix}`);
    client.connect();
    try {
      await whenOpen(client);
    } catch (err) {
      client.close();
      throw err;
    }
    return { transport, role: role as CastRole, key: castKey(transport, role), client };
  }

  /** Closes every client of the cast. */
  close(): void {
    for (const m of this.members) m.client.close();
  }
}
