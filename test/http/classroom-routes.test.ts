/** The classroom's routes: where students join, and who is connected where (the instructor view). */
import assert from 'node:assert/strict';
import type { NetworkInterfaceInfo } from 'node:os';
import { test } from 'node:test';
import { reachableUrls } from '../../server/reachable-addresses';
import type { ClassroomResponse, JoinResponse } from '../../server/http/classroom-routes';
import { ClientPool, startLab } from '../support/lab-fixture';

const nic = (address: string, family: 'IPv4' | 'IPv6', internal = false) => ({ address, family, internal, netmask: '', mac: '', cidr: null }) as NetworkInterfaceInfo;
const INTERFACES = {
  lo: [nic('127.0.0.1', 'IPv4', true), nic('::1', 'IPv6', true)],
  eth0: [nic('192.168.1.20', 'IPv4'), nic('fe80::1', 'IPv6'), nic('2001:db8::20', 'IPv6')],
  wlan0: [nic('10.0.0.7', 'IPv4')],
};

test('reachable URLs: every external address on 0.0.0.0, IPv6 too on ::, none on loopback, the one host otherwise', () => {
  assert.deepEqual(reachableUrls('0.0.0.0', 3000, INTERFACES), ['http://192.168.1.20:3000', 'http://10.0.0.7:3000']);
  assert.deepEqual(reachableUrls('::', 3000, INTERFACES), ['http://192.168.1.20:3000', 'http://10.0.0.7:3000', 'http://[2001:db8::20]:3000']);
  assert.deepEqual(reachableUrls('127.0.0.1', 3000, INTERFACES), []);
  assert.deepEqual(reachableUrls('localhost', 3000, INTERFACES), []);
  assert.deepEqual(reachableUrls('192.168.1.20', 8080, INTERFACES), ['http://192.168.1.20:8080']);
});

test('GET /api/join on loopback says there is nowhere to join; GET /api/classroom lists clients per namespace', async () => {
  const running = await startLab();
  const pool = new ClientPool(() => running.url);
  try {
    const join = (await (await fetch(`${running.url}/api/join`)).json()) as JoinResponse;
    assert.deepEqual(join, { urls: [], host: '127.0.0.1' });
    const ada = await pool.connect('sockjs', { name: 'Ada' });
    await ada.join('math');
    await pool.connect('polling', { name: 'Lin', ns: '/lab' });
    const res = await fetch(`${running.url}/api/classroom`);
    assert.equal(res.status, 200);
    const body = (await res.json()) as ClassroomResponse;
    assert.deepEqual(
      body.namespaces.map((n) => [n.ns, n.clients.map((c) => [c.name, c.transport, c.rooms])]),
      [
        ['/', [['Ada', 'sockjs', ['math']]]],
        ['/lab', [['Lin', 'polling', []]]],
      ],
    );
    const post = await fetch(`${running.url}/api/classroom`, { method: 'POST' });
    assert.equal(post.status, 405);
    assert.equal(((await post.json()) as { code: string }).code, 'bad_request');
  } finally {
    pool.closeAll();
    await running.close();
  }
});
