/**
 * Write coalescing for upgraded sockets: every write made during one turn of the event loop goes
 * to the kernel in one `writev` at the end of that turn, instead of one syscall per frame.
 *
 * Why: answering one client frame usually writes two frames to the same socket (the message to
 * the sender's room and the sender's ack), and a read chunk that carries many frames (a client
 * sending fast) is answered by as many acks. Each write is a syscall and, across cores, a wake-up
 * of the reader; one `writev` per turn keeps the bytes identical and the order unchanged, and
 * costs no latency: the uncork runs on `process.nextTick`, right after the handler that wrote.
 * It is what `socket.cork()` is for (Node's docs: "buffer all writes until uncork is called").
 * `end()` flushes corked writes by itself; `destroy()` does not, so it is flushed here first.
 */
import type { Duplex } from 'node:stream';

/** Makes every write to `socket` in one event-loop turn leave in one batch. */
export function coalesceWrites(socket: Duplex): void {
  let corked = false;
  const flush = () => {
    if (!corked) return;
    corked = false;
    socket.uncork();
  };
  const write = socket.write;
  socket.write = function coalescedWrite(this: Duplex, ...args: Parameters<Duplex['write']>): boolean {
    if (!corked && !socket.destroyed) {
      corked = true;
      socket.cork();
      process.nextTick(flush);
    }
    return write.apply(this, args);
  } as Duplex['write'];
  // destroy() discards whatever is still corked: a library that writes a close frame and then
  // destroys the socket in the same turn (sockjs does) would lose the frame. Flush first.
  const destroy = socket.destroy;
  socket.destroy = function flushThenDestroy(this: Duplex, ...args: Parameters<Duplex['destroy']>) {
    flush();
    return destroy.apply(this, args);
  } as Duplex['destroy'];
}
