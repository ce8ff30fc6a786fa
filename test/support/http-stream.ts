/**
 * Splits a raw HTTP/1.1 byte stream (as a proxy saw it) into messages, for tests that check
 * header and body bytes against what the meter reported. Content-Length bodies only (chunked
 * bodies, which our clients and servers do not use here, fail loudly).
 */
import assert from 'node:assert/strict';

/** One HTTP message on the wire. */
export interface HttpMessage {
  /** The start line and headers, up to and including the blank line. */
  headBytes: number;
  /** The start line (request line or status line). */
  startLine: string;
  body: Buffer;
}

/** Every complete message in `stream`, in order; stops at an upgrade (101) or the end. */
export function splitHttpMessages(stream: Buffer): HttpMessage[] {
  const messages: HttpMessage[] = [];
  let at = 0;
  while (at < stream.length) {
    const end = stream.indexOf('\r\n\r\n', at);
    assert.ok(end >= 0, 'an HTTP head without its end');
    const head = stream.subarray(at, end + 4).toString('latin1');
    assert.doesNotMatch(head, /\r\ntransfer-encoding: *chunked/i, 'chunked bodies are not split here');
    const length = Number(/\r\ncontent-length: *(\d+)/i.exec(head)?.[1] ?? 0);
    const startLine = head.slice(0, head.indexOf('\r\n'));
    messages.push({ headBytes: end + 4 - at, startLine, body: stream.subarray(end + 4, end + 4 + length) });
    at = end + 4 + length;
    if (/^HTTP\/1\.1 101 /.test(startLine)) break;
  }
  return messages;
}

/** Bytes of the head of the first message in `stream` (an upgrade request or its 101). */
export function firstHeadBytes(stream: Buffer): number {
  return splitHttpMessages(stream.subarray(0, stream.indexOf('\r\n\r\n') + 4))[0].headBytes;
}
