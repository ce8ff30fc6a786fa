/**
 * The fan-out seam, and the one place that decides the order of everything that happens in the
 * chat. The core hands every delivery to the bus; the bus numbers messages in their streams and
 * gives every delivery back to each node (this one's included) in one order, which the node then
 * delivers to its own clients. In memory for one process (below); on Redis for several
 * (server/cluster/redis-chat-bus.ts), without touching the core or the transports.
 */
import type { MessageEvent } from '../../protocol';
import type { Delivery } from './delivery';
import type { Member, MemberRecord } from './member';
import type { StreamHistory } from './stream-history';

/** A message accepted by the core, ready to be numbered in its stream. */
export interface MessageDraft {
  delivery: Delivery & { event: MessageEvent };
  /** The stream it goes to (chat-message.ts `streamOf`). */
  stream: string;
  /** Resume key of a sender that excluded itself, kept with the entry for its replayed ack. */
  exceptKey?: string;
  /** Recipients when it was accepted. */
  recipients: number;
}

/** Why a message could not be sent: the bus (Redis) is out of reach. */
export type BusFailure = 'unavailable';

/** What a bus needs from the node it serves (ChatHub implements it). */
export interface BusNode {
  /** This node's copy of every stream's positions and recent messages. */
  readonly history: StreamHistory;
  /** Hands a delivery to this node's own clients. */
  deliver(delivery: Delivery): void;
  /** The clients of other nodes, kept from what the bus tells (cluster only). */
  readonly directory: ClusterDirectory;
}

/** The clients on other nodes, as far as this node knows them. */
export interface ClusterDirectory {
  /** A client on node `node` arrived or changed (its record now). */
  upsert(node: string, record: MemberRecord): void;
  /** A client on another node is gone. */
  remove(id: string): void;
  /** Everything node `node` has now (a roster after a sync): replaces what was known of it. */
  replace(node: string, records: MemberRecord[]): void;
  /** Node `node` stopped answering: its clients are gone, and this node's clients are told so. */
  nodeGone(node: string): void;
  /** This node's own clients that said hello, for another node's sync. */
  localRecords(): MemberRecord[];
}

export interface ChatBus {
  /** Where this bus's deliveries go; called once, by the hub, before anything is published. */
  attach(node: BusNode): void;
  /**
   * Publishes a delivery that takes no position in a stream (presence).
   * @param about the client it concerns, for other nodes' directories (a bus without other nodes ignores it)
   */
  publish(delivery: Delivery, about?: Member): void;
  /**
   * Numbers a message in its stream, stores it and publishes it.
   * @param done runs with the message's seq once this node has delivered it (so the sender sees
   *   its own copy before its ack, as in one process)
   * @param failed runs instead when the message could not be sent (nothing was delivered)
   */
  publishMessage(draft: MessageDraft, done: (seq: number) => void, failed: (reason: BusFailure) => void): void;
  /**
   * Runs `then` once every delivery published anywhere before this call has been delivered here:
   * a hello waits for it, so a new client's welcome lists clients that arrived on other nodes
   * just before it. Synchronous in one process.
   */
  settle(then: () => void): void;
  /** Stops publishing and receiving. */
  close(): Promise<void>;
}

/** A bus inside one process: synchronous, ordered, no copies, and no other nodes. */
export class InMemoryChatBus implements ChatBus {
  private node: BusNode | undefined;

  attach(node: BusNode): void {
    this.node = node;
  }

  publish(delivery: Delivery): void {
    this.node?.deliver(delivery);
  }

  publishMessage(draft: MessageDraft, done: (seq: number) => void): void {
    const node = this.node!;
    const { delivery, stream, exceptKey, recipients } = draft;
    delivery.event.seq = node.history.append(stream, delivery.event, { recipients, ...(exceptKey !== undefined ? { exceptKey } : {}) });
    node.deliver(delivery);
    done(delivery.event.seq);
  }

  settle(then: () => void): void {
    then();
  }

  async close(): Promise<void> {
    this.node = undefined;
  }
}
