/**
 * A connection flood: hundreds of TCP connections opened at once that never send a byte. The
 * server stays up for everyone else and closes each idle half-open connection itself within its
 * headers timeout (HTTP_HEADERS_TIMEOUT_MS, small here), so they cannot pile up.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Socket } from 'node:net';
import { HostileLab } from '../support/hostile-lab';
import { httpRequest, openTcp, writeAll } from '../support/raw-tcp';

const FLOOD = 500;
const HEADERS_TIMEOUT_MS = 1000;
/** Node checks its timeouts on an interval (a quarter of the timeout here); plus a busy machine. */
const SLACK_MS = 4000;

/** Resolves with when `socket` was closed by the server. */
function serverClose(socket: Socket): Promise<number> {
  return new Promise((resolve) => {
    socket.resume();
    socket.once('close', () => resolve(Date.now()));
  });
}

describe('connection flood', () => {
  const hostile = new HostileLab();

  before(() => hostile.start({ httpHeadersTimeoutMs: HEADERS_TIMEOUT_MS, httpRequestTimeoutMs: 2000, httpKeepAliveTimeoutMs: 500 }));
  after(() => hostile.stop());

  test(`${FLOOD} connections that never send anything: the server stays up and closes them all in time`, async () => {
    const started = Date.now();
    const sockets = await Promise.all(Array.from({ length: FLOOD }, () => openTcp(hostile.url)));
    const closes = sockets.map(serverClose);
    // Everyone else is still served while the flood sits there.
    await hostile.assertHealthy('a connection flood');
    const closedAt = await Promise.all(closes);
    const slowest = Math.max(...closedAt) - started;
    console.log(`${FLOOD} idle connections closed by the server, the last after ${slowest} ms`);
    assert.ok(slowest < HEADERS_TIMEOUT_MS + SLACK_MS, `the last idle connection lived ${slowest} ms`);
    await hostile.assertHealthy('the flood was closed');
  });

  test('a request head trickled byte by byte is cut off at the headers timeout', async () => {
    const socket = await openTcp(hostile.url);
    const closed = serverClose(socket);
    const started = Date.now();
    const request = httpRequest('GET', '/healthz', hostile.url);
    let stop = false;
    void closed.then(() => (stop = true));
    // Slowloris: one byte at a time, never finishing the head before the timeout.
    for (let i = 0; i < request.length - 4 && !stop; i += 1) {
      await writeAll(socket, request.subarray(i, i + 1));
      await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 100))]);
    }
    const lived = (await closed) - started;
    assert.ok(lived < HEADERS_TIMEOUT_MS + SLACK_MS, `a trickling client lived ${lived} ms`);
  });

  test('an idle keep-alive connection is closed after the keep-alive timeout', async () => {
    const socket = await openTcp(hostile.url);
    const closed = serverClose(socket);
    const sentAt = Date.now();
    await writeAll(socket, httpRequest('GET', '/healthz', hostile.url));
    const lived = (await closed) - sentAt;
    assert.ok(lived < 500 + SLACK_MS, `an idle keep-alive connection lived ${lived} ms`);
  });
});
