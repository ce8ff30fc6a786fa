/**
 * A peer whose output can be held back and released in order: what a session in a cluster uses
 * so that its own replies (welcome, rooms, whoami) reach the client only once the change they
 * report has been published and come back through the bus. A client that has its reply can then
 * tell another client, on another node, to look, and that node already knows.
 */
import type { ServerEvent } from '../../protocol';
import type { Peer } from './peer';

export interface HeldPeer extends Peer {
  /** True while output is held. */
  readonly holding: boolean;
  /** Starts (or, nested, extends) holding; each call needs one `release()`. */
  hold(): void;
  /** Ends one hold; the last one sends everything held, in order. */
  release(): void;
}

/**
 * Wraps `peer`. Held sends are bound at once (Socket.IO's acknowledgement callback exists only
 * during the call), and the transport's room mirrors wait too, so a transport with its own
 * fan-out reaches the client only after what was held.
 */
export function heldPeer(peer: Peer): HeldPeer {
  let holds = 0;
  let queue: (() => void)[] = [];
  const later = (thunk: () => void) => {
    if (holds > 0) queue.push(thunk);
    else thunk();
  };
  return {
    transport: peer.transport,
    get holding() {
      return holds > 0;
    },
    send(event: ServerEvent) {
      if (holds === 0) return peer.send(event);
      queue.push(peer.bind ? peer.bind(event) : () => peer.send(event));
    },
    close: (reason) => peer.close(reason),
    ...(peer.joinedRoom ? { joinedRoom: (room: string) => later(() => peer.joinedRoom!(room)) } : {}),
    ...(peer.leftRoom ? { leftRoom: (room: string) => later(() => peer.leftRoom!(room)) } : {}),
    ...(peer.becameReady ? { becameReady: (watches: boolean) => later(() => peer.becameReady!(watches)) } : {}),
    hold() {
      holds += 1;
    },
    release() {
      if (holds === 0) return;
      holds -= 1;
      if (holds > 0) return;
      const held = queue;
      queue = [];
      for (const thunk of held) thunk();
    },
  };
}
