/**
 * Engine.IO batches on a real engine.io server and client over WebSocket: the packets that piled
 * up while the first write was in flight leave corked, in a batch or two instead of one write
 * each, all of them and in order.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo, Socket as NetSocket } from 'node:net';
import { once } from 'node:events';
import { Server as EngineServer, type Socket as EngineSocket } from 'engine.io';
import { Socket as EngineClient } from 'engine.io-client';
import { corkEngineBatches } from '../../server/transports/engine-batch-cork';
import { countBatches } from '../support/socket-writes';

const PACKETS = 60;

/** Sends PACKETS messages at once from the server and returns how many writes they took and what the client got. */
async function burst(cork: boolean): Promise<{ writes: number; got: string[] }> {
  const http: HttpServer = createServer();
  const engine = new EngineServer();
  engine.attach(http);
  http.listen(0, '127.0.0.1');
  await once(http, 'listening');
  const connected = once(engine, 'connection') as Promise<[EngineSocket]>;
  const client = new EngineClient(`ws://127.0.0.1:${(http.address() as AddressInfo).port}`, { transports: ['websocket'] });
  try {
    const [conn] = await connected;
    if (cork) corkEngineBatches(conn);
    const netSocket = (conn.transport as unknown as { socket: { _socket: NetSocket } }).socket._socket;
    const writes = countBatches(netSocket);
    const got: string[] = [];
    const all = new Promise<void>((resolve) =>
      client.on('message', (data) => {
        got.push(String(data));
        if (got.length === PACKETS) resolve();
      }),
    );
    for (let i = 0; i < PACKETS; i++) conn.send(`m${i}`);
    await all;
    return { writes: writes.length, got };
  } finally {
    client.close();
    engine.close();
    await new Promise<void>((resolve) => http.close(() => resolve()));
  }
}

test('a batch of packets leaves corked: a few writes, not one per packet, every packet in order', async () => {
  const expected = Array.from({ length: PACKETS }, (_, i) => `m${i}`);
  const plain = await burst(false);
  const corked = await burst(true);
  assert.deepEqual(plain.got, expected);
  assert.deepEqual(corked.got, expected);
  // Without the cork Engine.IO writes the first packet, then the rest one write each.
  assert.ok(plain.writes >= PACKETS - 1, `without: ${plain.writes} writes`);
  assert.ok(corked.writes <= 3, `with: ${corked.writes} writes`);
});
