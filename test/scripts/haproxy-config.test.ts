/** The shipped HAProxy template, rendered both ways: what each mode keeps, and HAProxy's own check. */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { renderHaproxyConfig } from '../../scripts/cluster/haproxy-config';
import { haproxyBinary } from '../../scripts/cluster/haproxy-process';

const backends = [
  { name: 'node1', port: 4101 },
  { name: 'node2', port: 4102, host: '10.0.0.2' },
];
/** The config's directives, without comments and blank lines. */
const directives = (text: string) => text.split('\n').filter((l) => l.trim() !== '' && !l.trimStart().startsWith('#')).map((l) => l.trim());

describe('renderHaproxyConfig', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lab-haproxy-cfg-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('sticky off: round robin, one plain server line per backend, no cookie', () => {
    const lines = directives(renderHaproxyConfig({ frontPort: 4100, backends, sticky: false }));
    assert.ok(lines.includes('bind 127.0.0.1:4100'));
    assert.ok(lines.includes('balance roundrobin'));
    assert.ok(!lines.some((l) => l.startsWith('cookie') || l === 'balance source'));
    assert.deepEqual(
      lines.filter((l) => l.startsWith('server ')),
      ['server node1 127.0.0.1:4101', 'server node2 10.0.0.2:4102'],
    );
    assert.ok(lines.includes('timeout tunnel 1h'));
    // Without it a streamed SockJS frame waits for a delayed ACK (~200 ms measured): see the template.
    assert.ok(lines.includes('option http-no-delay'));
    assert.ok(lines.includes('http-check send meth GET uri /healthz ver HTTP/1.1 hdr Host lab'));
  });

  test('sticky on: source hash plus the SERVERID cookie, each server named in it', () => {
    const lines = directives(renderHaproxyConfig({ frontPort: 4100, backends, sticky: true, bindHost: '0.0.0.0' }));
    assert.ok(lines.includes('bind 0.0.0.0:4100'));
    assert.ok(lines.includes('balance source') && lines.includes('hash-type consistent'));
    assert.ok(lines.includes('cookie SERVERID insert indirect nocache'));
    assert.ok(!lines.includes('balance roundrobin'));
    assert.deepEqual(
      lines.filter((l) => l.startsWith('server ')),
      ['server node1 127.0.0.1:4101 cookie node1', 'server node2 10.0.0.2:4102 cookie node2'],
    );
    assert.ok(!lines.some((l) => l.includes('@')), 'markers are dropped');
  });

  test('refuses what would make a broken config', () => {
    assert.throws(() => renderHaproxyConfig({ frontPort: 1, backends: [], sticky: false }), /at least one backend/);
    assert.throws(() => renderHaproxyConfig({ frontPort: 1, backends: [{ name: 'a b', port: 2 }], sticky: false }), /bad HAProxy server name/);
    assert.throws(() => renderHaproxyConfig({ frontPort: 1, backends, sticky: false }, 'bind {{nowhere}}\n'), /\{\{nowhere\}\} has no value/);
    assert.throws(() => renderHaproxyConfig({ frontPort: 1, backends, sticky: false }, 'x   # @someday\n'), /unknown template marker @someday/);
  });

  for (const sticky of [false, true]) {
    test(`haproxy -c accepts the rendered config (sticky ${sticky ? 'on' : 'off'})`, () => {
      const file = join(dir, `sticky-${sticky}.cfg`);
      writeFileSync(file, renderHaproxyConfig({ frontPort: 4100, backends, sticky }));
      // Throws with HAProxy's alerts on a config it rejects.
      const out = execFileSync(haproxyBinary(), ['-c', '-f', file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
      assert.match(out, /Configuration file is valid/);
    });
  }
});
