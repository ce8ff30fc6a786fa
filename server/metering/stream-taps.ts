/**
 * Passive taps on Node streams: they see the bytes a stream emits or is given, without adding a
 * listener (which would resume a paused stream and compete with its owner) and without changing
 * what passes. Used by the layer meter on requests, responses and upgraded sockets.
 */

/** Calls `onChunk` for each `data` the stream emits, without adding a listener. */
export function observeEmittedData(stream: NodeJS.EventEmitter, onChunk: (chunk: Buffer) => void): void {
  const emit = stream.emit;
  stream.emit = function (this: NodeJS.EventEmitter, event: string | symbol, ...args: unknown[]) {
    if (event === 'data') onChunk(toBuffer(args[0]));
    return emit.call(this, event, ...args);
  } as typeof stream.emit;
}

/** The two methods tapped; their overloads differ per stream class, hence the loose signature. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the overloads differ per stream class (see above); any is what lets every one of them match
type WritableLike = { write: (...args: any[]) => boolean; end: (...args: any[]) => unknown };

/**
 * Calls `onChunk` with every chunk handed to `write()` / `end()`, then passes it on unchanged.
 * @param keepUtf8Strings hand UTF-8 string chunks over as strings (a reader that only needs
 *   their byte length is spared encoding them); every other chunk arrives as a Buffer
 */
export function observeWrites(stream: WritableLike, onChunk: (chunk: Buffer) => void): void;
export function observeWrites(stream: WritableLike, onChunk: (chunk: Buffer | string) => void, keepUtf8Strings: true): void;
export function observeWrites(stream: WritableLike, onChunk: (chunk: never) => void, keepUtf8Strings = false): void {
  const deliver = onChunk as (chunk: Buffer | string) => void;
  const { write, end } = stream;
  const hand = (chunk: unknown, encoding: unknown) => {
    const utf8String = typeof chunk === 'string' && (typeof encoding !== 'string' || encoding === 'utf8' || encoding === 'utf-8');
    deliver(keepUtf8Strings && utf8String ? (chunk as string) : toBuffer(chunk, encoding));
  };
  stream.write = function (this: unknown, chunk: unknown, ...rest: unknown[]) {
    if (chunk !== undefined && chunk !== null) hand(chunk, rest[0]);
    return write.call(this, chunk, ...rest);
  };
  stream.end = function (this: unknown, chunk?: unknown, ...rest: unknown[]) {
    if (chunk !== undefined && chunk !== null && typeof chunk !== 'function') hand(chunk, rest[0]);
    return end.call(this, chunk, ...rest);
  };
}

function toBuffer(chunk: unknown, encoding?: unknown): Buffer {
  if (Buffer.isBuffer(chunk)) return chunk;
  if (chunk instanceof Uint8Array) return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  return Buffer.from(String(chunk), typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8');
}
