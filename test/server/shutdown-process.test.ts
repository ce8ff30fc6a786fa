/**
 * SIGTERM on the server process with clients on all four transports: every client is told why
 * (`bye`), the history is saved, the process exits 0 within the time limit. A second signal ends
 * a shutdown that is still waiting, at once, with exit code 1.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TRANSPORT_IDS, TRANSPORT_PATHS } from '../../protocol';
import { connectClient, waitFor } from '../support/lab-fixture';
import { freePort, startLabProcess, terminate } from '../support/server-process';

const dir = mkdtempSync(join(tmpdir(), 'lab-shutdown-'));
after(() => rmSync(dir, { recursive: true, force: true }));

test('SIGTERM with clients on all four transports: bye to each, history saved, exit 0 within 5 s', async () => {
  const file = join(dir, 'history.json');
  const server = await startLabProcess(await freePort(), { HISTORY_FILE: file, POLL_INTERVAL_MS: '50' });
  const clients = await Promise.all(TRANSPORT_IDS.map((t) => connectClient(t, server.url, { name: t })));
  try {
    const byes = Promise.all(clients.map((c) => waitFor(c, 'event', (e) => e.type === 'bye', 10_000)));
    const { code, elapsedMs } = await terminate(server);
    assert.equal(code, 0, server.log.join('\n'));
    assert.ok(elapsedMs < 5000, `shut down in ${elapsedMs} ms`);
    for (const bye of await byes) assert.deepEqual(bye, { type: 'bye', reason: 'server shutting down' });
    assert.ok(server.log.some((line) => /shut down cleanly/.test(line)), server.log.join('\n'));
    assert.equal(existsSync(file), true, 'history saved');
  } finally {
    for (const client of clients) client.close();
  }
});

test('a second SIGTERM ends a shutdown that is still waiting, with exit code 1', async () => {
  // A polling session that never polls holds the shutdown for a poll interval plus a grace (5 s).
  const server = await startLabProcess(await freePort(), { POLL_INTERVAL_MS: '4000' });
  const res = await fetch(`${server.url}${TRANSPORT_PATHS.polling}/open`, { method: 'POST' });
  assert.equal(res.status, 201);
  const started = Date.now();
  server.signal('SIGTERM');
  await server.logLine(/SIGTERM: shutting down/);
  server.signal('SIGTERM');
  const { code } = await server.exited;
  const elapsed = Date.now() - started;
  assert.equal(code, 1);
  assert.ok(server.log.some((line) => /SIGTERM again/.test(line)), server.log.join('\n'));
  assert.ok(elapsed < 4000, `forced out in ${elapsed} ms, before the polling grace ended`);
});
