/** What a socket hands the kernel: one entry per `_writev` / `_write` call, with how many chunks it carried. */
import type { Socket } from 'node:net';

/** Records, from now on, how many chunks each write of `socket` to the kernel carried. */
export function countBatches(socket: Socket): number[] {
  const batches: number[] = [];
  const internals = socket as unknown as { _writev: (chunks: unknown[], cb: () => void) => void; _write: (chunk: unknown, enc: string, cb: () => void) => void };
  const writev = internals._writev.bind(socket);
  const write = internals._write.bind(socket);
  internals._writev = (chunks, cb) => {
    batches.push(chunks.length);
    writev(chunks, cb);
  };
  internals._write = (chunk, enc, cb) => {
    batches.push(1);
    write(chunk, enc, cb);
  };
  return batches;
}
