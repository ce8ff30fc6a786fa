/**
 * MAX_CONNECTIONS_PER_ADDRESS: counted over all transports together when a connection opens.
 * At the limit, every way of opening a new connection is refused with 429 too_many_connections,
 * while connections already open keep working.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { ChatClient } from '../../client/chat-client';
import { connectClient, startLab, type RunningLab } from '../support/lab-fixture';
import { probeRequest, probeUpgrade } from '../support/http-probe';

const OPENERS: { name: string; kind: 'request' | 'upgrade'; method?: string; path: string }[] = [
  { name: 'polling POST /rt/poll/open', kind: 'request', method: 'POST', path: '/rt/poll/open' },
  { name: 'raw ws upgrade', kind: 'upgrade', path: '/rt/ws' },
  { name: 'SockJS websocket upgrade', kind: 'upgrade', path: '/rt/sockjs/000/abcdefgh/websocket' },
  { name: 'SockJS new xhr session', kind: 'request', method: 'POST', path: '/rt/sockjs/000/newsess1/xhr' },
  { name: 'Socket.IO polling handshake', kind: 'request', path: '/rt/socket.io/?EIO=4&transport=polling' },
  { name: 'Socket.IO websocket handshake', kind: 'upgrade', path: '/rt/socket.io/?EIO=4&transport=websocket' },
];

describe('connections per address', () => {
  let lab: RunningLab;
  const clients: ChatClient[] = [];
  before(async () => {
    lab = await startLab({ maxConnectionsPerAddress: 2 });
  });
  after(async () => {
    for (const c of clients) c.close();
    await lab.close();
  });

  test('just under the limit: the second connection opens', async () => {
    clients.push(await connectClient('sockjs', lab.url, { name: 'One' }));
    clients.push(await connectClient('socketio', lab.url, { name: 'Two' }));
    assert.equal(lab.lab.hub.connectionsFrom('127.0.0.1'), 2);
  });

  for (const opener of OPENERS) {
    test(`at the limit: ${opener.name} gets 429 too_many_connections`, async () => {
      const { status, body } =
        opener.kind === 'upgrade'
          ? await probeUpgrade(lab.url.replace(/^http/, 'ws') + opener.path)
          : await probeRequest(lab.url + opener.path, { method: opener.method });
      assert.equal(status, 429);
      assert.equal(JSON.parse(body).code, 'too_many_connections');
    });
  }

  test('at the limit: the open connections keep working', async () => {
    for (const client of clients) {
      const reply = await client.request({ op: 'whoami' });
      assert.equal(reply.type, 'whoami');
    }
  });
});
