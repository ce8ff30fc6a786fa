/**
 * What a namespace keeps of each client in it: enough to list it and to deliver to it. A narrow
 * view of ChatSession, so the namespace (and a future directory of clients on other nodes) need
 * not know the session's whole conversation.
 */
import type { ClientInfo, TransportId } from '../../protocol';
import type { Peer } from './peer';

export interface Member {
  /** The client id others address it by. */
  readonly id: string;
  /** The same client across reconnects (its resume token, else its id): keys its direct stream. */
  readonly clientKey: string;
  /** Its rooms in this namespace. */
  readonly rooms: ReadonlySet<string>;
  readonly transport: TransportId;
  /** Its connection. */
  readonly peer: Peer;
  /** The peer's IP address, for the per-address connection count. */
  readonly remoteAddress?: string;
  /** Its namespace once it said hello (a local client); undefined before. */
  readonly namespace?: string;
  /**
   * True while its output is held (see held-peer.ts): a transport with its own fan-out must not
   * reach it then, so the hub sends it its events one by one, into the hold.
   */
  readonly held?: boolean;
  /** True for a client connected to another node (cluster): listed and counted, delivered to there. */
  readonly remote?: boolean;
  /** How others see it. */
  info(): ClientInfo;
}

/**
 * A client as nodes tell each other about it (cluster only): what lists show, plus its resume
 * key, which names its direct stream. Travels between nodes, never to a browser.
 */
export interface MemberRecord extends ClientInfo {
  ns: string;
  clientKey: string;
}

/** The record other nodes keep of `member`, a client in namespace `ns`. */
export function memberRecord(member: Member, ns: string): MemberRecord {
  return { ...member.info(), ns, clientKey: member.clientKey };
}
