/**
 * A client connected to another node of the cluster: listed, counted and addressable here, but
 * delivered to by its own node (the hub skips it), so its peer never sends anything.
 */
import type { ClientInfo, TransportId } from '../../protocol';
import type { Member, MemberRecord } from './member';
import type { Peer } from './peer';

export class RemoteMember implements Member {
  readonly remote = true;
  readonly rooms = new Set<string>();
  name: string;
  readonly peer: Peer;

  /**
   * @param node the node it is connected to
   * @param record what that node said about it
   */
  constructor(
    readonly node: string,
    record: MemberRecord,
  ) {
    this.id = record.id;
    this.clientKey = record.clientKey;
    this.transport = record.transport;
    this.name = record.name;
    this.peer = { transport: record.transport, send: () => undefined, close: () => undefined };
  }

  readonly id: string;
  readonly clientKey: string;
  readonly transport: TransportId;

  info(): ClientInfo {
    return { id: this.id, name: this.name, transport: this.transport, rooms: [...this.rooms].sort() };
  }
}
