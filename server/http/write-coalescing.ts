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
 * Why only the socket that was read: corking every socket written during a turn (an earlier
 * version) held a broadcast to 100 members until the last member's frame was built, so the
 * first member's copy left late and the fan-out took 1.5× as long; other sockets are written
 * straight away, as without coalescing.
 */
import type { Duplex } from 'node:stream';

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
    try {
      return emit.call(this, event, ...args);
    } finally {
      flush();
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
