/**
 * The clients of other nodes, kept in this node's namespaces as RemoteMembers, so lists,
 * recipient counts, room limits and direct messages see the whole cluster. Fed by the bus: every
 * presence change carries the record of the client it concerns, a sync brings a node's roster,
 * and a node whose heartbeat stops is dropped with all its clients.
 */
import type { ClusterDirectory } from './chat-bus';
import type { Delivery } from './delivery';
import { memberRecord, type Member, type MemberRecord } from './member';
import type { NamespaceState } from './namespace-state';
import { RemoteMember } from './remote-member';

export interface DirectoryHost {
  namespace(name: string): NamespaceState | undefined;
  /** This node's own clients (said hello or not). */
  localMembers(): Iterable<Member & { namespace?: string }>;
  /** Delivers to this node's clients only (not published: every node tells its own). */
  deliverLocally(delivery: Delivery): void;
}

export class RemoteDirectory implements ClusterDirectory {
  /** Remote clients by id, with the namespace they are in. */
  private readonly members = new Map<string, { member: RemoteMember; ns: NamespaceState }>();

  constructor(private readonly host: DirectoryHost) {}

  upsert(node: string, record: MemberRecord): void {
    const ns = this.host.namespace(record.ns);
    if (!ns) return;
    let known = this.members.get(record.id);
    if (!known) {
      known = { member: new RemoteMember(node, record), ns };
      this.members.set(record.id, known);
      // Remote clients never watch here: their own node tells them of presence.
      ns.add(known.member, false);
    }
    const { member } = known;
    member.name = record.name;
    const wanted = new Set(record.rooms);
    for (const room of [...member.rooms]) {
      if (wanted.has(room)) continue;
      member.rooms.delete(room);
      ns.removeFromRoom(room, member.id);
    }
    for (const room of wanted) {
      if (member.rooms.has(room)) continue;
      member.rooms.add(room);
      ns.addToRoom(room, member.id);
    }
  }

  remove(id: string): void {
    const known = this.members.get(id);
    if (!known) return;
    this.members.delete(id);
    known.ns.remove(known.member);
  }

  replace(node: string, records: MemberRecord[]): void {
    const keep = new Set(records.map((r) => r.id));
    for (const [id, { member }] of [...this.members]) if (member.node === node && !keep.has(id)) this.remove(id);
    for (const record of records) this.upsert(node, record);
  }

  nodeGone(node: string): void {
    for (const [id, { member, ns }] of [...this.members]) {
      if (member.node !== node) continue;
      const rooms = [...member.rooms];
      this.remove(id);
      // Its node cannot say it any more: each node tells its own clients, as that node would have.
      this.host.deliverLocally({
        ns: ns.name,
        audience: { kind: 'presence', rooms, except: id },
        event: { type: 'presence', event: 'disconnected', client: { ...member.info(), rooms } },
      });
    }
  }

  localRecords(): MemberRecord[] {
    const records: MemberRecord[] = [];
    for (const member of this.host.localMembers()) {
      if (member.namespace === undefined) continue;
      records.push(memberRecord(member, member.namespace));
    }
    return records;
  }

  /** How many clients of other nodes are known (for /metrics and tests). */
  get size(): number {
    return this.members.size;
  }
}
