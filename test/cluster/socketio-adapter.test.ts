/**
 * Socket.IO's own API across nodes: with the Redis adapter, `fetchSockets()` on one node sees the
 * sockets of the other, and `io.to(id).emit()` from one node reaches a socket on the other, while
 * the chat's own deliveries still reach each client once (they go to local sockets only).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { ChatClient } from '../../client/chat-client';
import type { SocketIoTransport } from '../../server/transports/socketio-transport';
import { startLabNodes, type RunningCluster } from '../support/cluster-fixture';
import { ClientPool, recordEvents, waitFor } from '../support/lab-fixture';

describe('Socket.IO native API over two nodes on Redis', () => {
  let cluster: RunningCluster;
  const pool = new ClientPool(() => cluster.url);
  let first: ChatClient;
  let second: ChatClient;
  const io = (node: number) => (cluster.nodes[node].lab.transports.socketio as SocketIoTransport).io;

  before(async () => {
    cluster = await startLabNodes();
    first = await pool.connect('socketio', { name: 'on-node-1' });
    second = await pool.connect('socketio', { name: 'on-node-2' });
  });
  after(async () => {
    pool.closeAll();
    await cluster.close();
  });

  test('fetchSockets on either node lists the sockets of both', async () => {
    for (const node of [0, 1]) {
      const ids = (await io(node).of('/').fetchSockets()).map((s) => s.id).sort();
      assert.deepEqual(ids, [first.id, second.id].sort(), `node ${node + 1}`);
    }
  });

  test('io.to(id).emit from node 1 reaches a socket on node 2', async () => {
    // A chat event through the native API (the client knows how to read it): an ack-less notice.
    const got = waitFor(second, 'event', (e) => e.type === 'error' && e.message === 'from node 1');
    io(0).of('/').to(second.id!).emit('error', { type: 'error', code: 'bad_request', message: 'from node 1' });
    await got;
  });

  test("the chat's own deliveries still arrive once on each node", async () => {
    const recFirst = recordEvents(first);
    const recSecond = recordEvents(second);
    const both = [first, second].map((c) => waitFor(c, 'message', (m) => m.text === 'once'));
    await first.say('all', 'once');
    await Promise.all(both);
    const last = [first, second].map((c) => waitFor(c, 'message', (m) => m.text === 'barrier'));
    await second.say('all', 'barrier');
    await Promise.all(last);
    for (const rec of [recFirst, recSecond]) assert.equal(rec.events.filter((e) => e.type === 'message' && e.text === 'once').length, 1);
  });
});
