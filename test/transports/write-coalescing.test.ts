/**
 * Write coalescing on a real TCP socket pair: writes of one event-loop turn leave together, in
 * order and unchanged, and nothing corked is lost when the socket is destroyed in the same turn.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, connect, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { once } from 'node:events';
import { coalesceWrites } from '../../server/transports/write-coalescing';

/** A connected pair: `local` is ours (coalesced), `remote` reads what reaches the wire. */
async function socketPair(): Promise<{ local: Socket; remote: Socket; close: () => Promise<void> }> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const accepted = once(server, 'connection') as Promise<[Socket]>;
  const local = connect((server.address() as AddressInfo).port, '127.0.0.1');
  await once(local, 'connect');
  const [remote] = await accepted;
  return {
    local,
    remote,
    close: async () => {
      local.destroy();
      remote.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Everything `socket` receives until it ends. */
async function readAll(socket: Socket): Promise<string> {
  const chunks: Buffer[] = [];
  socket.on('data', (chunk: Buffer) => chunks.push(chunk));
  await once(socket, 'end');
  return Buffer.concat(chunks).toString();
}

test('writes of one turn are held until the turn ends, then leave in one batch, in order', async () => {
  const { local, remote, close } = await socketPair();
  try {
    coalesceWrites(local);
    const batches: number[] = [];
    // _writev receives every corked chunk at once; _write one chunk at a time.
    const internals = local as unknown as { _writev: (chunks: unknown[], cb: () => void) => void };
    const writev = internals._writev.bind(local);
    internals._writev = (chunks, cb) => {
      batches.push(chunks.length);
      writev(chunks, cb);
    };
    const received = readAll(remote);
    local.write('one,');
    local.write('two,');
    local.write('three');
    assert.equal(local.writableLength, 'one,two,three'.length, 'nothing leaves before the turn ends');
    await new Promise((resolve) => process.nextTick(resolve));
    assert.deepEqual(batches, [3]);
    local.end();
    assert.equal(await received, 'one,two,three');
  } finally {
    await close();
  }
});

test('a write followed by destroy() in the same turn still reaches the peer', async () => {
  const { local, remote, close } = await socketPair();
  try {
    coalesceWrites(local);
    const chunks: Buffer[] = [];
    remote.on('data', (chunk: Buffer) => chunks.push(chunk));
    const closed = once(remote, 'close');
    local.write('close frame');
    local.destroy();
    await closed;
    assert.equal(Buffer.concat(chunks).toString(), 'close frame');
  } finally {
    await close();
  }
});
