/**
 * Write coalescing for upgraded sockets: whatever the server writes back to a client while it
 * handles bytes read from that same client leaves in one `writev`, instead of one syscall per
 * frame.
 *
 * Why: answering one client frame usually writes two frames to its socket (the message to the
 * sender's room and the sender's ack), and a read that carries many frames (a client sending
 * fast) is answered by as many acks. The socket is corked while its `data` is handled and
 * uncorked as soon as the handler returns: the bytes and their order are unchanged, and nothing
 * waits for a later turn of the event loop.
 *
 * Other sockets: corking every socket written during a turn (an earlier version) held a
 * broadcast to 100 members until the last member's frame was built, so the first member's copy
 * left late and the fan-out took 1.5× as long. So the first event a read sends to another
 * client leaves at once, and only from its second on (`batchRestOfRead`) is that client's socket
 * corked until the read is handled: a sender's many messages in one read reach a receiver in one
 * `writev` instead of one each, and a broadcast (one event per member) is written as before.
 */
import type { Duplex } from 'node:stream';

/** The read being handled now, and the other sockets corked until it is. */
interface ReadTurn {
  socket: Duplex;
  id: number;
  corked: Duplex[];
}

let turn: ReadTurn | undefined;
let turnsSoFar = 0;

/** What `batchRestOfRead` remembers of one socket: the last read that wrote to it, and that corked it. */
export interface BatchMark {
  wroteIn: number;
  corkedIn: number;
}

/** A mark for a socket no read has written to yet. */
export const newBatchMark = (): BatchMark => ({ wroteIn: 0, corkedIn: 0 });

/**
 * Call just before writing one event to `socket` (a client other than the one whose read is being
 * handled): the first event of a read goes at once; from the second on, `socket` stays corked
 * until the read is handled. Outside a read's handling (timers, HTTP requests) it does nothing.
 */
export function batchRestOfRead(socket: Duplex | undefined, mark: BatchMark): void {
  const current = turn;
  if (current === undefined || socket === undefined || current.socket === socket) return;
  if (mark.wroteIn !== current.id) {
    mark.wroteIn = current.id;
    return;
  }
  if (mark.corkedIn === current.id) return;
  mark.corkedIn = current.id;
  socket.cork();
  current.corked.push(socket);
}

/** Corks `socket` while each of its reads is handled, so the replies leave in one batch. */
export function coalesceWrites(socket: Duplex): void {
  let corked = false;
  const flush = () => {
    if (!corked) return;
    corked = false;
    socket.uncork();
  };
  const emit = socket.emit;
  socket.emit = function corkedWhileHandlingData(this: Duplex, event: string | symbol, ...args: unknown[]): boolean {
    if (event !== 'data' || corked) return emit.call(this, event, ...args);
    corked = true;
    socket.cork();
    const previous = turn;
    const current: ReadTurn = { socket, id: ++turnsSoFar, corked: [] };
    turn = current;
    try {
      return emit.call(this, event, ...args);
    } finally {
      flush();
      turn = previous;
      for (const other of current.corked) if (!other.destroyed) other.uncork();
    }
  } as Duplex['emit'];
  // destroy() discards whatever is still corked: a library that writes a close frame and then
  // destroys the socket while handling a read would lose the frame. Flush first.
  const destroy = socket.destroy;
  socket.destroy = function flushThenDestroy(this: Duplex, ...args: Parameters<Duplex['destroy']>) {
    flush();
    return destroy.apply(this, args);
  } as Duplex['destroy'];
}
