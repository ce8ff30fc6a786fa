/**
 * The bench machinery in a tiny mode: servers start and stop, every workload runs on both
 * sides, and the report has its shape with finite positive numbers. Never checks timings.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseBenchArgs, type BenchOptions } from '../../bench/options';
import { clusterLines, cpuLines, runBench } from '../../scripts/bench';

test('a tiny bench run reports paired, finite, positive figures for every workload', { timeout: 90_000 }, async () => {
  const options = parseBenchArgs([
    '--transports', 'ws,polling',
    '--rounds', '1',
    '--messages', '20',
    '--throughput-messages', '50',
    '--window', '10',
    '--fanout-clients', '10',
    '--broadcasts', '2',
    '--meter-messages', '20',
    '--warmup-messages', '50',
    // Never pin the test runner itself to one CPU for the rest of the suite.
    '--no-pin',
    // npm test runs before npm run build: no dist/ yet.
    '--from-source',
  ]) as BenchOptions;
  const report = await runBench(options);

  assert.deepEqual(Object.keys(report.results).sort(), ['polling', 'ws']);
  for (const [transport, workloads] of Object.entries(report.results)) {
    assert.deepEqual(Object.keys(workloads).sort(), ['cpuMicrosPerMessage', 'cpuMicrosPerRoundTrip', 'fanOutMs', 'inspectorP50Ms', 'meterP50Ms', 'roundTripP50Ms', 'roundTripP99Ms', 'throughputPerSec']);
    for (const [name, figures] of Object.entries(workloads)) {
      const numbers = [figures.lab, figures.bare, figures.ratio.median, figures.ratio.min, figures.ratio.max];
      numbers.push(...figures.rounds.flatMap((r) => [r.lab, r.bare, r.ratio]));
      for (const n of numbers) assert.ok(Number.isFinite(n) && n > 0, `${transport} ${name}: ${n} is not a finite positive number`);
      assert.equal(figures.rounds.length, 1);
      assert.equal(figures.ratio.n, 1);
    }
  }
  assert.equal(report.targets.length, 2 * 6);
  for (const t of report.targets) assert.match(t.line, /^(PASS|FAIL) (ws|polling) \w+: [\d.]+× \(target [≤≥] [\d.]+×\)$/);
  assert.equal(report.passed + report.failed, report.targets.length);
  assert.equal(report.meta.cpus, (await import('node:os')).cpus().length);
  // Each side's CPU comes from its own process: both did work, and the line says so.
  // The cluster row: fan-out over two nodes on Redis vs one, per transport, with its spread.
  assert.deepEqual(Object.keys(report.clusterFanOut ?? {}).sort(), ['polling', 'ws']);
  for (const [transport, c] of Object.entries(report.clusterFanOut!)) {
    for (const n of [c.oneNodeMs, c.twoNodesMs, c.ratio.median, c.ratio.min, c.ratio.max]) assert.ok(Number.isFinite(n) && n > 0, `cluster ${transport}: ${n}`);
    assert.equal(c.ratio.n, 1);
  }
  assert.match(clusterLines(report).join('\n'), /^cluster ws fan-out to the last receiver: 2 nodes on Redis [\d.]+ ms vs 1 node [\d.]+ ms = [\d.]+×/m);
  assert.match(cpuLines(report).join('\n'), /^CPU ws: Lab [\d.]+ µs\/message, bare [\d.]+ µs \([\d.]+×, rounds [\d.]+–[\d.]+×\) in throughput; Lab [\d.]+ µs\/round trip, bare [\d.]+ µs/m);
});

test('bench options: quick defaults, explicit values win, bad input is refused', () => {
  const quick = parseBenchArgs(['--quick', '--rounds', '2']) as BenchOptions;
  assert.equal(quick.quick, true);
  assert.equal(quick.rounds, 2);
  // The quick run warms up as long as the full one: a shorter warm-up is what made its ratios noisy.
  assert.equal(quick.warmupMessages, (parseBenchArgs([]) as BenchOptions).warmupMessages);
  assert.equal((parseBenchArgs(['--warmup-messages', '300']) as BenchOptions).warmupMessages, 300);
  assert.deepEqual(quick.transports, ['polling', 'ws', 'sockjs', 'socketio']);
  assert.equal(parseBenchArgs(['--help']), 'help');
  assert.throws(() => parseBenchArgs(['--transports', 'ws,carrier-pigeon']), /carrier-pigeon/);
  assert.throws(() => parseBenchArgs(['--rounds', '0']), /--rounds/);
  assert.throws(() => parseBenchArgs(['--nope']), /nope/);
});
