/**
 * Write coalescing on a real TCP socket pair: what is written back while a read is handled
 * leaves in one batch, in order and unchanged; nothing is held otherwise; nothing corked is
 * lost when the socket is destroyed while the read is handled.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, connect, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { once } from 'node:events';
import { batchRestOfRead, coalesceWrites, newBatchMark } from '../../server/http/write-coalescing';
import { countBatches } from '../support/socket-writes';

/** A connected pair: `server` is ours (coalesced), `client` writes to it and reads its replies. */
async function socketPair(): Promise<{ server: Socket; client: Socket; close: () => Promise<void> }> {
  const listener = createServer();
  listener.listen(0, '127.0.0.1');
  await once(listener, 'listening');
  const accepted = once(listener, 'connection') as Promise<[Socket]>;
  const client = connect((listener.address() as AddressInfo).port, '127.0.0.1');
  await once(client, 'connect');
  const [server] = await accepted;
  coalesceWrites(server);
  return {
    server,
    client,
    close: async () => {
      client.destroy();
      server.destroy();
      await new Promise<void>((resolve) => listener.close(() => resolve()));
    },
  };
}

/** Everything `socket` receives until it closes. */
async function received(socket: Socket): Promise<string> {
  const chunks: Buffer[] = [];
  socket.on('data', (chunk: Buffer) => chunks.push(chunk));
  await once(socket, 'close');
  return Buffer.concat(chunks).toString();
}

test('replies written while a read is handled leave in one batch, in order', async () => {
  const { server, client, close } = await socketPair();
  try {
    const batches = countBatches(server);
    const handled = new Promise<void>((resolve) =>
      server.once('data', () => {
        server.write('message,');
        server.write('ack');
        assert.equal(server.writableLength, 'message,ack'.length, 'held until the handler returns');
        resolve();
      }),
    );
    const replies = received(client);
    client.write('send');
    await handled;
    assert.deepEqual(batches, [2]);
    server.end();
    assert.equal(await replies, 'message,ack');
  } finally {
    await close();
  }
});

test('writes outside a read (a broadcast to this socket) are not held', async () => {
  const { server, close } = await socketPair();
  try {
    const batches = countBatches(server);
    server.write('one');
    server.write('two');
    assert.deepEqual(batches, [1, 1]);
  } finally {
    await close();
  }
});

test('a reply followed by destroy() while the read is handled still reaches the peer', async () => {
  const { server, client, close } = await socketPair();
  try {
    server.once('data', () => {
      server.write('close frame');
      server.destroy();
    });
    const replies = received(client);
    client.write('bye');
    assert.equal(await replies, 'close frame');
  } finally {
    await close();
  }
});

test('what a read sends to another client: the first event at once, the rest in one batch when the read is handled', async () => {
  const reader = await socketPair();
  const other = await socketPair();
  const third = await socketPair();
  try {
    const otherBatches = countBatches(other.server);
    const thirdBatches = countBatches(third.server);
    const mark = newBatchMark();
    const thirdMark = newBatchMark();
    const handled = new Promise<void>((resolve) =>
      reader.server.once('data', () => {
        for (const text of ['one,', 'two,', 'three']) {
          batchRestOfRead(other.server, mark);
          other.server.write(text);
          if (text === 'one,') assert.deepEqual(otherBatches, [1], 'the first event is written at once');
        }
        assert.deepEqual(otherBatches, [1], 'the others wait for the end of the read');
        // A client this read sends one event to (a broadcast's member) is written at once.
        batchRestOfRead(third.server, thirdMark);
        third.server.write('only');
        assert.deepEqual(thirdBatches, [1]);
        resolve();
      }),
    );
    const otherGot = received(other.client);
    reader.client.write('send');
    await handled;
    assert.deepEqual(otherBatches, [1, 2], 'one batch for the rest');
    // Outside a read's handling nothing is held.
    batchRestOfRead(other.server, mark);
    other.server.write(',later');
    batchRestOfRead(other.server, mark);
    other.server.write(',again');
    assert.deepEqual(otherBatches, [1, 2, 1, 1]);
    other.server.end();
    assert.equal(await otherGot, 'one,two,three,later,again');
  } finally {
    await Promise.all([reader.close(), other.close(), third.close()]);
  }
});
