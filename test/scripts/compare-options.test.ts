/** `npm run compare` options: the scenario it builds, strict bounds, and the missing-build message. */
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { IDLE_SECONDS } from '../../measure/idle-cost';
import { decodeScenario, encodeScenario, SCENARIO_DEFAULTS, SWEEP_DEFAULTS } from '../../measure/scenario';
import { costSeconds } from '../../scripts/compare/cost-plan';
import { CLI_SWEEP_DEFAULTS, parseCompareArgs, sendingSeconds, type CompareOptions } from '../../scripts/compare/options';
import { assertBuilt } from '../../scripts/compare/production-server';

/** Parses and fails the test on 'help'. */
function parse(argv: string[], env: Record<string, string | undefined> = {}): CompareOptions {
  const o = parseCompareArgs(argv, env);
  assert.notEqual(o, 'help');
  if (o === 'help') throw new Error('unreachable');
  return o;
}

test('options map onto the page\u2019s scenario', () => {
  const o = parseCompareArgs(
    ['--messages', '20', '--rate', '20', '--size', '32', '--poll-interval', '250', '--transports', 'socketio,ws', '--no-isolate', '--out', 'x', '--base-url', 'http://127.0.0.1:4000/', '--costs', 'none'],
    {},
  );
  assert.notEqual(o, 'help');
  if (o === 'help') return;
  // Canonical order, like the page; the default warm-up shrinks to stay below a tiny run.
  assert.deepEqual(o.scenario, { messages: 20, ratePerSec: 20, sizeBytes: 32, pollIntervalMs: 250, transports: ['ws', 'socketio'], isolate: false, warmup: 5 });
  assert.deepEqual(parse(['--transports', 'socketio:polling,polling,sockjs:xhr-streaming']).scenario.transports, ['polling', 'socketio:polling', 'sockjs:xhr-streaming'], 'lanes, in canonical order');
  assert.equal(o.baseUrl, 'http://127.0.0.1:4000');
  assert.equal(o.outDir, 'x');
  assert.equal(o.chromiumPath, '/usr/bin/chromium');
  assert.equal(o.timeoutSec, Math.ceil(2 * (20 / 20) + 60));
});

test('defaults are the page\u2019s defaults, with all three costs and the CLI\u2019s shorter sweep', () => {
  const o = parse([], { CHROMIUM_PATH: '/opt/chrome' });
  const { sweep, ...benchmark } = o.scenario;
  assert.deepEqual(benchmark, SCENARIO_DEFAULTS);
  assert.deepEqual(o.costs, ['idle', 'connect', 'sweep']);
  assert.equal(o.idleSeconds, IDLE_SECONDS.default);
  // The page's intervals, fewer messages each (see CLI_SWEEP_DEFAULTS).
  assert.deepEqual(sweep, { intervalsMs: SWEEP_DEFAULTS.intervalsMs, messages: 10 });
  assert.equal(o.outDir, 'compare-out');
  assert.equal(o.chromiumPath, '/opt/chrome');
  assert.equal(sendingSeconds(o.scenario), (4 * 200) / 10);
  // The deadline covers the costs too, and still bounds the run.
  const expected = sendingSeconds(o.scenario) + costSeconds(o.costs, o.scenario, o.idleSeconds);
  assert.equal(o.timeoutSec, Math.ceil(2 * expected + 60));
  assert.ok(o.timeoutSec > Math.ceil(2 * sendingSeconds(o.scenario) + 60) + 2 * 50, `timeout ${o.timeoutSec} s`);
  assert.ok(o.timeoutSec < 600, `timeout ${o.timeoutSec} s`);
});

test('--costs none runs the plain benchmark: no sweep in the URL, the old deadline', () => {
  const o = parse(['--costs', 'none']);
  assert.deepEqual(o.costs, []);
  assert.deepEqual(o.scenario, SCENARIO_DEFAULTS);
  assert.ok(!encodeScenario(o.scenario).includes('sweep'));
  assert.equal(o.timeoutSec, Math.ceil(2 * sendingSeconds(o.scenario) + 60));
});

test('--costs picks a subset, run in the page\u2019s order; the sweep goes into the scenario only when asked', () => {
  const o = parse(['--costs', 'sweep, idle', '--idle-seconds', '3', '--sweep', '1000,250', '--sweep-messages', '6']);
  assert.deepEqual(o.costs, ['idle', 'sweep']);
  assert.equal(o.idleSeconds, 3);
  // Ascending, as the page decodes it: the CLI's check that the page runs what it asked must hold.
  assert.deepEqual(o.scenario.sweep, { intervalsMs: [250, 1000], messages: 6 });
  assert.deepEqual(decodeScenario(encodeScenario(o.scenario)), o.scenario);
  assert.equal(parse(['--costs', 'connect']).scenario.sweep, undefined);
  assert.deepEqual(parse(['--costs', 'connect']).costs, ['connect']);
});

test('cost options fail loudly: unknown kinds, bounds, repeats, and knobs of a measurement that will not run', () => {
  assert.throws(() => parse(['--costs', 'idle,latency']), /--costs: unknown "latency"; pick from idle,connect,sweep, or none alone/);
  assert.throws(() => parse(['--costs', 'none,idle']), /--costs: unknown "none"/);
  assert.throws(() => parse(['--costs', ',']), /--costs/);
  assert.throws(() => parse(['--idle-seconds', '0']), /--idle-seconds must be within 1-300, got 0/);
  assert.throws(() => parse(['--idle-seconds', '2.5']), /--idle-seconds wants a whole number/);
  assert.throws(() => parse(['--sweep', '250,10']), /--sweep must be within 50-5000, got 10/);
  assert.throws(() => parse(['--sweep', '250,,500']), /--sweep wants a whole number, got ""/);
  assert.throws(() => parse(['--sweep', '250,500,250']), /--sweep lists an interval twice/);
  assert.throws(() => parse(['--sweep', Array.from({ length: 11 }, (_, i) => 100 + i).join(',')]), /--sweep wants 1-10 intervals, got 11/);
  assert.throws(() => parse(['--sweep-messages', '1']), /--sweep-messages must be within 2-200, got 1/);
  assert.throws(() => parse(['--costs', 'idle', '--sweep', '250']), /--sweep needs sweep in --costs/);
  assert.throws(() => parse(['--costs', 'idle', '--sweep-messages', '4']), /--sweep-messages needs sweep in --costs/);
  assert.throws(() => parse(['--costs', 'none', '--idle-seconds', '4']), /--idle-seconds needs idle in --costs/);
});

test('CLI_SWEEP_DEFAULTS stays a valid sweep of the page', () => {
  assert.deepEqual(CLI_SWEEP_DEFAULTS.intervalsMs, SWEEP_DEFAULTS.intervalsMs);
  assert.deepEqual(parse(['--costs', 'sweep']).scenario.sweep, CLI_SWEEP_DEFAULTS);
});

test('bad values fail loudly instead of being clamped', () => {
  assert.throws(() => parseCompareArgs(['--messages', '0'], {}), /--messages must be within 1-5000/);
  assert.throws(() => parseCompareArgs(['--rate', 'fast'], {}), /--rate wants a whole number/);
  assert.throws(() => parseCompareArgs(['--transports', 'ws,carrier-pigeon'], {}), /unknown "carrier-pigeon"/);
  assert.throws(() => parseCompareArgs(['--transports', 'sockjs:iframe'], {}), /unknown "sockjs:iframe"/);
  assert.throws(() => parseCompareArgs(['--transports', ','], {}), /--transports: empty/);
  assert.throws(
    () => parseCompareArgs(['--transports', 'socketio:polling,sockjs:xhr-streaming,sockjs:xhr-polling,sockjs:eventsource'], {}),
    /six connections per origin/,
  );
  assert.throws(() => parseCompareArgs(['--messages', '5', '--warmup', '5'], {}), /warmup must be less than messages/);
  assert.throws(() => parseCompareArgs(['--isolate', '--no-isolate'], {}), /exclude each other/);
  assert.throws(() => parseCompareArgs(['--timeout', '-1'], {}), /--timeout/);
  assert.throws(() => parseCompareArgs(['--frobnicate'], {}), /Unknown option/);
  assert.equal(parseCompareArgs(['--help'], {}), 'help');
});

test('--lang picks the report\u2019s language: en by default, a shipped locale, or a clear error', () => {
  const lang = (argv: string[]) => (parseCompareArgs(argv, {}) as { lang: string }).lang;
  assert.equal(lang([]), 'en');
  assert.equal(lang(['--lang', 'zh-CN']), 'zh-CN');
  assert.throws(() => parseCompareArgs(['--lang', 'fr'], {}), /--lang: unknown "fr"; pick from en, zh-CN/);
});

test('a missing build says to run npm run build', () => {
  const empty = mkdtempSync(join(tmpdir(), 'compare-nobuild-'));
  assert.throws(() => assertBuilt(empty), /dist\/server\/index\.js, \.next\/BUILD_ID.*run `npm run build` first/);
});

test('--budget: read and checked before anything runs', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'budget-'));
  const file = async (name: string, text: string) => {
    await writeFile(join(dir, name), text);
    return join(dir, name);
  };
  const good = await file('good.json', '{"ws":{"roundTripP99Ms":20,"connectMs":50}}');
  assert.deepEqual(parse(['--transports', 'ws', '--budget', good]).budget, { source: good, limits: { ws: { roundTripP99Ms: 20, connectMs: 50 } } });
  assert.equal(parse([]).budget, undefined);
  assert.throws(() => parseCompareArgs(['--budget', join(dir, 'missing.json')], {}), /--budget: cannot read .*missing\.json \(ENOENT\)/);
  const typo = await file('typo.json', '{"ws":{"roundTripP99ms":20}}');
  assert.throws(() => parseCompareArgs(['--budget', typo], {}), /unknown figure "roundTripP99ms"/);
  assert.throws(() => parseCompareArgs(['--transports', 'ws', '--costs', 'none', '--budget', good], {}), /ws\.connectMs needs connect in --costs/);
  assert.throws(() => parseCompareArgs(['--transports', 'polling', '--budget', good], {}), /budget for ws, which --transports does not run/);
});

test('--repeat: 1-20 runs, default 1, and the default deadline grows with it', () => {
  assert.equal(parse([]).repeat, 1);
  const once = parse(['--costs', 'none']);
  const thrice = parse(['--costs', 'none', '--repeat', '3']);
  assert.equal(thrice.repeat, 3);
  assert.equal(thrice.timeoutSec - 60, 3 * (once.timeoutSec - 60));
  assert.throws(() => parseCompareArgs(['--repeat', '0'], {}), /--repeat must be within 1-20/);
  assert.throws(() => parseCompareArgs(['--repeat', '2.5'], {}), /--repeat wants a whole number/);
});
