/** `npm run compare` options: the scenario it builds, strict bounds, and the missing-build message. */
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { SCENARIO_DEFAULTS } from '../../measure/scenario';
import { parseCompareArgs, sendingSeconds } from '../../scripts/compare/options';
import { assertBuilt } from '../../scripts/compare/production-server';

test('options map onto the page\u2019s scenario', () => {
  const o = parseCompareArgs(
    ['--messages', '20', '--rate', '20', '--size', '32', '--poll-interval', '250', '--transports', 'socketio,ws', '--no-isolate', '--out', 'x', '--base-url', 'http://127.0.0.1:4000/'],
    {},
  );
  assert.notEqual(o, 'help');
  if (o === 'help') return;
  // Canonical order, like the page; the default warm-up shrinks to stay below a tiny run.
  assert.deepEqual(o.scenario, { messages: 20, ratePerSec: 20, sizeBytes: 32, pollIntervalMs: 250, transports: ['ws', 'socketio'], isolate: false, warmup: 5 });
  assert.equal(o.baseUrl, 'http://127.0.0.1:4000');
  assert.equal(o.outDir, 'x');
  assert.equal(o.chromiumPath, '/usr/bin/chromium');
  assert.equal(o.timeoutSec, Math.ceil(2 * (20 / 20) + 60));
});

test('defaults are the page\u2019s defaults', () => {
  const o = parseCompareArgs([], { CHROMIUM_PATH: '/opt/chrome' });
  assert.ok(o !== 'help');
  assert.deepEqual(o.scenario, SCENARIO_DEFAULTS);
  assert.equal(o.outDir, 'compare-out');
  assert.equal(o.chromiumPath, '/opt/chrome');
  assert.equal(sendingSeconds(o.scenario), (4 * 200) / 10);
});

test('bad values fail loudly instead of being clamped', () => {
  assert.throws(() => parseCompareArgs(['--messages', '0'], {}), /--messages must be within 1-5000/);
  assert.throws(() => parseCompareArgs(['--rate', 'fast'], {}), /--rate wants a whole number/);
  assert.throws(() => parseCompareArgs(['--transports', 'ws,carrier-pigeon'], {}), /unknown "carrier-pigeon"/);
  assert.throws(() => parseCompareArgs(['--messages', '5', '--warmup', '5'], {}), /warmup must be less than messages/);
  assert.throws(() => parseCompareArgs(['--isolate', '--no-isolate'], {}), /exclude each other/);
  assert.throws(() => parseCompareArgs(['--timeout', '-1'], {}), /--timeout/);
  assert.throws(() => parseCompareArgs(['--frobnicate'], {}), /Unknown option/);
  assert.equal(parseCompareArgs(['--help'], {}), 'help');
});

test('a missing build says to run npm run build', () => {
  const empty = mkdtempSync(join(tmpdir(), 'compare-nobuild-'));
  assert.throws(() => assertBuilt(empty), /dist\/server\/index\.js, \.next\/BUILD_ID.*run `npm run build` first/);
});
