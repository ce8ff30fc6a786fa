/**
 * The origin allowlist, on all four transports: a foreign page is refused before the library
 * sees the request or upgrade; the page's own origin and configured origins get through.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startLab, type RunningLab } from '../support/lab-fixture';
import { probeRequest, probeUpgrade } from '../support/http-probe';

const EVIL = 'http://evil.example';
const EXTRA = 'http://192.168.1.10:3000';

/** One way in per row: how to knock, and the status an accepted knock gets. */
interface Door {
  name: string;
  kind: 'request' | 'upgrade';
  method?: string;
  path: string;
  okStatus: number;
}

const DOORS: Door[] = [
  { name: 'polling POST /rt/poll/open', kind: 'request', method: 'POST', path: '/rt/poll/open', okStatus: 201 },
  { name: 'raw ws upgrade /rt/ws', kind: 'upgrade', path: '/rt/ws', okStatus: 101 },
  { name: 'SockJS GET /rt/sockjs/info', kind: 'request', path: '/rt/sockjs/info', okStatus: 200 },
  { name: 'SockJS websocket upgrade', kind: 'upgrade', path: '/rt/sockjs/websocket', okStatus: 101 },
  { name: 'Socket.IO polling handshake', kind: 'request', path: '/rt/socket.io/?EIO=4&transport=polling', okStatus: 200 },
  { name: 'Socket.IO websocket upgrade', kind: 'upgrade', path: '/rt/socket.io/?EIO=4&transport=websocket', okStatus: 101 },
];

async function knock(lab: RunningLab, door: Door, origin: string | undefined): Promise<{ status: number; body: string }> {
  if (door.kind === 'upgrade') return probeUpgrade(lab.url.replace(/^http/, 'ws') + door.path, origin);
  return probeRequest(lab.url + door.path, { method: door.method, headers: origin === undefined ? {} : { origin } });
}

describe('origin allowlist', () => {
  let lab: RunningLab;
  before(async () => {
    lab = await startLab({ allowedOrigins: [EXTRA] });
  });
  after(() => lab.close());

  for (const door of DOORS) {
    test(`${door.name}: a foreign origin is refused with 403 forbidden_origin`, async () => {
      const { status, body } = await knock(lab, door, EVIL);
      assert.equal(status, 403);
      assert.equal(JSON.parse(body).code, 'forbidden_origin');
    });

    test(`${door.name}: the page's own origin gets through`, async () => {
      const { status } = await knock(lab, door, lab.url);
      assert.equal(status, door.okStatus);
    });

    test(`${door.name}: a configured extra origin gets through`, async () => {
      const { status } = await knock(lab, door, EXTRA);
      assert.equal(status, door.okStatus);
    });

    test(`${door.name}: no Origin header (a non-browser client) gets through`, async () => {
      const { status } = await knock(lab, door, undefined);
      assert.equal(status, door.okStatus);
    });
  }

  test('API routes outside /rt are not subject to the realtime origin check', async () => {
    const { status } = await probeRequest(`${lab.url}/healthz`, { headers: { origin: EVIL } });
    assert.equal(status, 200);
  });
});

describe('origin allowlist with *', () => {
  let lab: RunningLab;
  before(async () => {
    lab = await startLab({ allowedOrigins: ['*'] });
  });
  after(() => lab.close());

  for (const door of DOORS) {
    test(`${door.name}: any origin gets through`, async () => {
      const { status } = await knock(lab, door, EVIL);
      assert.equal(status, door.okStatus);
    });
  }
});
