/**
 * SockJS xhr_send bodies. sockjs buffers a body whole before it parses it, so the transport caps
 * them at the hard limit: a declared Content-Length over it is refused before sockjs reads a byte;
 * a chunked body (what the Node sockjs-client sends; browsers declare a length) reaches the
 * session when it stays under, and is taken from sockjs with a 413 the moment it passes.
 */
import assert from 'node:assert/strict';
import type { Socket } from 'node:net';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { TRANSPORT_PATHS } from '../../protocol';
import { HARD_LIMIT_FACTOR } from '../../server/transports/server-transport';
import { startLab, type RunningLab } from '../support/lab-fixture';
import { closedByServer, httpRequest, openTcp, receive, writeAll } from '../support/raw-tcp';

let running: RunningLab;
let hardLimit: number;
let session: string;
let stream: Socket;
/** Everything the session's xhr_streaming answer has brought so far. */
let streamed = '';

beforeEach(async () => {
  running = await startLab();
  hardLimit = running.config.maxFrameBytes * HARD_LIMIT_FACTOR;
  session = `${TRANSPORT_PATHS.sockjs}/000/xhrsend${Date.now()}`;
  stream = await openTcp(running.url);
  stream.on('data', (chunk: Buffer) => (streamed += chunk.toString('utf8')));
  const opened = receive(stream, () => streamed.includes('\no\n'));
  await writeAll(stream, httpRequest('POST', `${session}/xhr_streaming`, running.url));
  assert.ok(await opened, 'the session opened');
  streamed = '';
});
afterEach(async () => {
  stream.destroy();
  await running.close();
});

/** A raw xhr_send whose body goes in chunks of `chunkBytes` (chunked coding); resolves with the answer. */
async function sendChunked(body: string, chunkBytes: number): Promise<string> {
  const socket = await openTcp(running.url);
  try {
    const bytes = Buffer.from(body);
    const chunks: Buffer[] = [];
    for (let at = 0; at < bytes.length; at += chunkBytes) {
      const chunk = bytes.subarray(at, at + chunkBytes);
      chunks.push(Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from('\r\n'));
    }
    const head = httpRequest('POST', `${session}/xhr_send`, running.url, { headers: { 'content-type': 'text/plain', 'transfer-encoding': 'chunked' } });
    let answer = '';
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString('latin1')));
    const answered = receive(socket, () => /^HTTP\/1\.1 (204|413) /.test(answer) && (answer.startsWith('HTTP/1.1 204') || answer.includes('too_large')));
    await writeAll(socket, Buffer.concat([head, ...chunks, Buffer.from('0\r\n\r\n')]));
    assert.ok(await answered, `an answer to the xhr_send (got ${JSON.stringify(answer.slice(0, 80))})`);
    if (answer.startsWith('HTTP/1.1 413')) assert.ok(await closedByServer(socket, 5000), 'a refused upload ends its connection');
    return answer;
  } finally {
    socket.destroy();
  }
}

/** Waits until the session's stream has brought something `done` accepts. */
const streamShows = (done: (text: string) => boolean) => receive(stream, () => done(streamed));

describe('sockjs xhr_send', () => {
  test('a chunked body under the limit reaches the session', async () => {
    const answer = await sendChunked(JSON.stringify([JSON.stringify({ op: 'hello', name: 'chunked' })]), 7);
    assert.match(answer, /^HTTP\/1\.1 204 /);
    assert.ok(await streamShows((t) => t.includes('welcome')), 'the hello was delivered');
  });

  test('a chunked body over the hard limit gets 413 and never reaches the session', async () => {
    await sendChunked(JSON.stringify([JSON.stringify({ op: 'hello', name: 'chunked' })]), 1024);
    assert.ok(await streamShows((t) => t.includes('welcome')));
    const big = JSON.stringify([JSON.stringify({ op: 'send', scope: 'all', text: 'x'.repeat(hardLimit), ref: 'big' })]);
    const answer = await sendChunked(big, 16 * 1024);
    assert.match(answer, /^HTTP\/1\.1 413 /);
    // The session still works, and had sockjs been handed the big body it would have answered it
    // (with a too_large error) before this ack.
    const res = await fetch(`${running.url}${session}/xhr_send`, { method: 'POST', body: JSON.stringify([JSON.stringify({ op: 'send', scope: 'all', text: 'small', ref: 'small' })]) });
    assert.equal(res.status, 204);
    await res.arrayBuffer();
    assert.ok(await streamShows((t) => t.includes('\\"ref\\":\\"small\\"') && t.includes('\\"type\\":\\"ack\\"')), 'the small send was acked');
    assert.doesNotMatch(streamed, /too_large|\\"ref\\":\\"big\\"/);
  });

  test('a declared length over the hard limit is refused before any body is read', async () => {
    const res = await fetch(`${running.url}${session}/xhr_send`, { method: 'POST', body: 'x'.repeat(hardLimit + 1) });
    assert.equal(res.status, 413);
    assert.equal(((await res.json()) as { code: string }).code, 'too_large');
  });
});
