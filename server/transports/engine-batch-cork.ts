/**
 * One `writev` for each batch Engine.IO's WebSocket transport writes, instead of one per packet.
 *
 * Why: the transport is unwritable from its first `ws.send` until that write's callback, and
 * every packet created meanwhile waits in the connection's write buffer. The next flush hands
 * them all to `transport.send(packets)`, which sends them one `ws.send` at a time on an uncorked
 * socket, and Node writes each to the kernel at once: under load, one syscall per packet. A
 * client sending fast got its acks and its room's messages so (strace, 2026-12-08: 100,140
 * writev for 50,000 Socket.IO messages, the same as a bare Socket.IO server; writev was the Lab
 * host's largest single cost). Corked for the batch, the packets leave together when the loop
 * ends: the same bytes in the same order, in the same turn of the event loop, and nothing waits
 * that was not already waiting (a lone packet is written as before).
 *
 * Reaches into Engine.IO (the transport's `send`, its `ws` socket's underlying `_socket`), as
 * `watchBudget` in socketio-transport.ts does; a transport without them is left as it is.
 */
import type { Socket as EngineSocket } from 'engine.io';

/** The parts of Engine.IO's transport this file touches. */
interface BatchingTransport {
  name: string;
  send(packets: unknown[]): void;
  socket?: { _socket?: { cork?: () => void; uncork?: () => void } };
}

/** Corks the TCP socket around each multi-packet batch of `conn`'s WebSocket transport, now and after an upgrade. */
export function corkEngineBatches(conn: EngineSocket): void {
  corkBatchesOf(conn.transport as unknown as BatchingTransport);
  conn.on('upgrade', (transport: unknown) => corkBatchesOf(transport as BatchingTransport));
}

function corkBatchesOf(transport: BatchingTransport): void {
  if (transport.name !== 'websocket') return;
  const socket = transport.socket?._socket;
  if (typeof socket?.cork !== 'function' || typeof socket.uncork !== 'function') return;
  const send = transport.send;
  transport.send = function sendCorked(this: BatchingTransport, packets: unknown[]): void {
    if (packets.length < 2) return send.call(this, packets);
    socket.cork!();
    try {
      send.call(this, packets);
    } finally {
      socket.uncork!();
    }
  };
}
