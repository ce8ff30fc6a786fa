/**
 * The little the chat core needs from a connection, whatever the transport.
 * Each transport adapter implements it around its own socket (the tldraw "port" shape).
 */
import type { ServerEvent, TransportId } from '../../protocol';

export interface Peer {
  /** Which door this connection came through. */
  readonly transport: TransportId;
  /** Sends one event to this client. Must not throw when the connection is already gone. */
  send(event: ServerEvent): void;
  /**
   * Optional: binds now whatever `send(event)` would look up at the moment of the call (Socket.IO's
   * acknowledgement callback) and returns the delivery, so a fault injector can run it later.
   */
  bind?(event: ServerEvent): () => void;
  /** Closes the connection on purpose; the adapter then reports the close to the session. */
  close(reason: string): void;
  /**
   * Optional mirrors of room membership, for a transport with native rooms (Socket.IO),
   * so its own `to(room)` reaches the same clients the core would.
   */
  joinedRoom?(room: string): void;
  /**
   * Optional: hello was accepted, the client now receives namespace-wide deliveries.
   * @param watchesNamespace true when it also hears every presence change in the namespace
   */
  becameReady?(watchesNamespace: boolean): void;
  leftRoom?(room: string): void;
}
