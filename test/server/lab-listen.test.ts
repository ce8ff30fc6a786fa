/**
 * Listening: HOST=0.0.0.0 serves every transport (a class joins the lecturer's machine), and a
 * port clash is an error, not a silent second server.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TRANSPORT_IDS } from '../../protocol';
import { loadConfig } from '../../server/config';
import { createLabServer } from '../../server/lab-server';
import { connectClient, startLab, waitFor } from '../support/lab-fixture';

test('HOST=0.0.0.0 serves all four transports', async () => {
  const lab = await startLab({ host: '0.0.0.0' });
  const port = new URL(lab.url).port;
  assert.equal(new URL(lab.url).hostname, '0.0.0.0');
  // Reached through the loopback address, as a client on the network would through the machine's.
  const url = `http://127.0.0.1:${port}`;
  const clients = await Promise.all(TRANSPORT_IDS.map((t) => connectClient(t, url, { name: `far-${t}` })));
  try {
    const last = clients[clients.length - 1];
    const arrived = waitFor(last, 'message', (m) => m.text === 'over the network');
    await clients[0].say('all', 'over the network');
    assert.equal((await arrived).from.transport, clients[0].transport);
  } finally {
    for (const c of clients) c.close();
    await lab.close();
  }
});

test('a port already in use makes listen() reject with EADDRINUSE', async () => {
  const first = await startLab();
  const port = Number(new URL(first.url).port);
  const second = createLabServer(loadConfig({ NODE_ENV: 'test' }, { host: '127.0.0.1', port }));
  try {
    await assert.rejects(second.listen(), (err: NodeJS.ErrnoException) => err.code === 'EADDRINUSE');
  } finally {
    await second.close().catch(() => undefined);
    await first.close();
  }
});
