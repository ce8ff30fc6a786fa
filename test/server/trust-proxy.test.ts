/**
 * The per-address connection limit behind a proxy: with TRUST_PROXY=on the address is the last
 * X-Forwarded-For entry (what our proxy appended), so clients behind one proxy are counted apart;
 * off (the default), the header is ignored, because any client can write one.
 */
import assert from 'node:assert/strict';
import { afterEach, describe, test } from 'node:test';
import WebSocket from 'ws';
import { TRANSPORT_PATHS } from '../../protocol';
import { clientAddress } from '../../server/client-address';
import { startLab, type RunningLab } from '../support/lab-fixture';

/** Opens a raw WebSocket with `forwardedFor`; resolves with it once open, or with the refusal's status. */
function openWs(lab: RunningLab, forwardedFor: string): Promise<WebSocket | number> {
  return new Promise((resolve) => {
    const socket = new WebSocket(`${lab.url.replace('http', 'ws')}${TRANSPORT_PATHS.ws}`, { headers: { 'x-forwarded-for': forwardedFor } });
    socket.once('open', () => resolve(socket));
    socket.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    socket.once('error', () => undefined);
  });
}

describe('X-Forwarded-For and the per-address limit', () => {
  let lab: RunningLab | undefined;
  const open: WebSocket[] = [];
  afterEach(async () => {
    for (const socket of open.splice(0)) socket.terminate();
    await lab?.close();
  });

  test('clientAddress: the last entry, only when trusted', () => {
    assert.equal(clientAddress('127.0.0.1', '203.0.113.9, 10.0.0.7', true), '10.0.0.7');
    assert.equal(clientAddress('127.0.0.1', ['1.1.1.1', '10.0.0.8'], true), '10.0.0.8');
    assert.equal(clientAddress('127.0.0.1', '10.0.0.7', false), '127.0.0.1');
    assert.equal(clientAddress('127.0.0.1', ' , ', true), '127.0.0.1');
    assert.equal(clientAddress('127.0.0.1', undefined, true), '127.0.0.1');
  });

  test('TRUST_PROXY on: each forwarded address has its own limit', async () => {
    lab = await startLab({ maxConnectionsPerAddress: 2, trustProxy: true });
    for (const address of ['10.0.0.1', '10.0.0.1', '10.0.0.2']) {
      const result = await openWs(lab, `198.51.100.1, ${address}`);
      assert.ok(result instanceof WebSocket, `${address} let in`);
      open.push(result);
    }
    assert.equal(await openWs(lab, '10.0.0.1'), 429, 'a third from 10.0.0.1 is refused');
  });

  test('TRUST_PROXY off: the header changes nothing', async () => {
    lab = await startLab({ maxConnectionsPerAddress: 2 });
    for (const address of ['10.0.0.1', '10.0.0.2']) {
      const result = await openWs(lab, address);
      assert.ok(result instanceof WebSocket);
      open.push(result);
    }
    assert.equal(await openWs(lab, '10.0.0.3'), 429, 'all of them come from 127.0.0.1');
  });
});
