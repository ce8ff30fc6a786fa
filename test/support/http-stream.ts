/**
 * Splits a raw HTTP/1.1 byte stream (as a proxy saw it) into messages, for tests that check
 * header and body bytes against what the meter reported. Bodies are Content-Length or chunked
 * (decoded here, with the bytes of the chunked coding counted apart); a stream that ends inside
 * a message (a response cut off when its client went away) gives that message as far as it got.
 */
import assert from 'node:assert/strict';

/** One HTTP message on the wire. */
export interface HttpMessage {
  /** The start line and headers, up to and including the blank line. */
  headBytes: number;
  /** The start line (request line or status line). */
  startLine: string;
  /** The body as the application wrote it (chunked coding removed). */
  body: Buffer;
  /** Bytes of chunked transfer coding (chunk-size lines, CRLFs, last chunk); 0 otherwise. */
  codingBytes: number;
  /** False when the stream ended before the message did. */
  complete: boolean;
}

const CRLF = '\r\n';

/** Every message in `stream`, in order; stops at an upgrade (101) or the end. */
export function splitHttpMessages(stream: Buffer): HttpMessage[] {
  const messages: HttpMessage[] = [];
  let at = 0;
  while (at < stream.length) {
    const end = stream.indexOf('\r\n\r\n', at);
    assert.ok(end >= 0, 'an HTTP head without its end');
    const head = stream.subarray(at, end + 4).toString('latin1');
    const startLine = head.slice(0, head.indexOf(CRLF));
    const bodyStart = end + 4;
    const chunked = /\r\ntransfer-encoding: *chunked/i.test(head);
    const { body, codingBytes, next, complete } = chunked ? readChunked(stream, bodyStart) : readSized(stream, bodyStart, head);
    messages.push({ headBytes: bodyStart - at, startLine, body, codingBytes, complete });
    at = next;
    if (/^HTTP\/1\.1 101 /.test(startLine)) break;
  }
  return messages;
}

/** A Content-Length body (none when the header is absent). */
function readSized(stream: Buffer, start: number, head: string) {
  const length = Number(/\r\ncontent-length: *(\d+)/i.exec(head)?.[1] ?? 0);
  const body = stream.subarray(start, start + length);
  return { body, codingBytes: 0, next: start + length, complete: body.length === length };
}

/** A chunked body: chunks until the last (size 0) one and its final CRLF (no trailers here). */
function readChunked(stream: Buffer, start: number) {
  const parts: Buffer[] = [];
  let codingBytes = 0;
  let at = start;
  for (;;) {
    const lineEnd = stream.indexOf(CRLF, at);
    if (lineEnd < 0) return { body: Buffer.concat(parts), codingBytes: codingBytes + stream.length - at, next: stream.length, complete: false };
    const size = parseInt(stream.subarray(at, lineEnd).toString('latin1'), 16);
    assert.ok(Number.isFinite(size), 'a chunk-size line');
    if (size === 0) {
      assert.equal(stream.subarray(lineEnd + 2, lineEnd + 4).toString('latin1'), CRLF, 'no trailers after the last chunk');
      codingBytes += lineEnd + 4 - at;
      return { body: Buffer.concat(parts), codingBytes, next: lineEnd + 4, complete: true };
    }
    const data = stream.subarray(lineEnd + 2, Math.min(lineEnd + 2 + size, stream.length));
    parts.push(data);
    const chunkEnd = Math.min(lineEnd + 2 + size + 2, stream.length);
    codingBytes += chunkEnd - at - data.length;
    at = chunkEnd;
    if (data.length < size || at === stream.length) return { body: Buffer.concat(parts), codingBytes, next: at, complete: false };
  }
}

/** Bytes of the head of the first message in `stream` (an upgrade request or its 101). */
export function firstHeadBytes(stream: Buffer): number {
  return splitHttpMessages(stream.subarray(0, stream.indexOf('\r\n\r\n') + 4))[0].headBytes;
}
