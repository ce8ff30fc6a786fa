/** The CLIs' shared number reader and exit codes, and `npm run load`'s options through it. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseBenchArgs } from '../../bench/options';
import { EXIT, wholeNumber } from '../../scripts/cli-numbers';
import { parseCompareArgs } from '../../scripts/compare/options';
import { parseLoadArgs, type LoadOptions } from '../../scripts/load';

test('whole numbers: digits only, in bounds, else an error naming the option', () => {
  assert.equal(wholeNumber(undefined, 'n', { min: 1 }, 7), 7);
  assert.equal(wholeNumber('42', 'n', { min: 1, max: 100 }, 7), 42);
  for (const bad of ['x', '', ' 1', '1e3', '0x10', '1.5', '-1', '+1']) assert.throws(() => wholeNumber(bad, 'n', { min: 0 }, 7), /--n wants a whole number/, JSON.stringify(bad));
  assert.throws(() => wholeNumber('101', 'n', { min: 1, max: 100 }, 7), /--n must be within 1-100, got 101/);
});

test('npm run load: --connect-batch, --max-seconds and --warmup are checked, not NaN or ignored', () => {
  assert.throws(() => parseLoadArgs(['--connect-batch', 'x']), /--connect-batch wants a whole number/);
  assert.throws(() => parseLoadArgs(['--max-seconds', 'x']), /--max-seconds wants a whole number/);
  assert.throws(() => parseLoadArgs(['--warmup', 'x']), /--warmup wants a whole number/);
  assert.throws(() => parseLoadArgs(['--warmup', '40', '--duration', '30']), /--warmup must be within 0-30/);
  assert.throws(() => parseLoadArgs(['--clients', '100,x']), /--clients wants a whole number/);
  assert.throws(() => parseLoadArgs(['--transports', 'ws,pigeon']), /unknown "pigeon"/);
  assert.throws(() => parseLoadArgs(['--frobnicate']), /Unknown option/);
  assert.throws(() => parseLoadArgs(['--presence', 'everyone']), /--presence: unknown "everyone"/);
  assert.equal((parseLoadArgs(['--presence', 'namespace']) as LoadOptions).presence, 'namespace');
  const options = parseLoadArgs(['--clients', '250,500', '--duration', '60', '--connect-batch', '20']) as LoadOptions;
  assert.deepEqual(options.counts, [250, 500]);
  assert.equal(options.connectBatch, 20);
  assert.equal(options.warmupSec, 12);
  assert.equal(options.maxSeconds, (60 + 300) * 2);
  assert.equal(options.presence, 'rooms', 'a load of thousands hears its room-mates, not everyone');
  assert.equal(parseLoadArgs(['--help']), 'help');
});

test('the three CLIs refuse the same bad number the same way, and share exit codes', () => {
  assert.throws(() => parseCompareArgs(['--timeout', '1e3'], {}), /--timeout wants a whole number/);
  assert.throws(() => parseBenchArgs(['--timeout', '1e3']), /--timeout wants a whole number/);
  assert.throws(() => parseLoadArgs(['--max-seconds', '1e3']), /--max-seconds wants a whole number/);
  assert.deepEqual(EXIT, { ok: 0, error: 1, timeout: 2, incomplete: 3, budgetMissed: 4 });
});
