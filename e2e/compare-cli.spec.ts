/**
 * `npm run compare` end to end: the CLI drives its own Chromium against the e2e server
 * (`--base-url`), runs the benchmark and the three cost measurements, and what it writes must be
 * the page's numbers, complete and consistent.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { formatNumber } from '../app/lib/number-format';
import { CATALOGUES } from '../app/messages/catalogues';
import { costToCsv } from '../measure/cost-export';
import { resultToCsv } from '../measure/results-export';
import type { CompareReport } from '../scripts/compare/compare-report';

const BASE_URL = `http://127.0.0.1:${process.env.E2E_PORT}`;

function runCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', 'scripts/compare.ts', ...args], { timeout: 100_000 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/** Every number anywhere in a JSON value. */
function numbersIn(value: unknown, path = '$'): [string, number][] {
  if (typeof value === 'number') return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => numbersIn(v, `${path}[${i}]`));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => numbersIn(v, `${path}.${k}`));
  return [];
}

/** A CSV export without its header row. */
const rowsOnly = (csv: string) => csv.slice(csv.indexOf('\n') + 1);

test('a tiny headless run with the three costs writes the page\u2019s numbers to four files', async () => {
  test.setTimeout(120_000);
  const out = await mkdtemp(join(tmpdir(), 'compare-cli-'));
  const args = ['--base-url', BASE_URL, '--messages', '20', '--rate', '20', '--transports', 'ws,socketio', '--isolate', '--out', out, '--timeout', '90'];
  // Short costs: a 2 s idle window, two sweep intervals of six round trips each.
  args.push('--costs', 'idle,connect,sweep', '--idle-seconds', '2', '--sweep', '250,1000', '--sweep-messages', '6');
  // The report in Chinese, as a lecturer would hand it out (English is the unit tests' default).
  args.push('--lang', 'zh-CN');
  const { code, stdout, stderr } = await runCli(args);
  expect(code, `exit code (stderr: ${stderr})`).toBe(0);
  // The terminal table: one row per transport with its delivery.
  expect(stdout).toMatch(/^ws\s+40\/40\s/m);
  expect(stdout).toMatch(/^socketio\s+40\/40\s/m);
  // Then the three cost tables, in the page's order, each with its rows.
  const idleAt = stdout.search(/^transport\s+clients\s+B in\/min\s+B out\/min\s+req\/min$/m);
  const connectAt = stdout.search(/^transport\s+B in\s+B out\s+requests\s+ms\s+idle B in\/s\s+idle B out\/s\s+idle req\/s$/m);
  const sweepAt = stdout.search(/^interval ms\s+received\s+mean ms\s+p50 ms\s+theory ms\s/m);
  expect(stdout.search(/^socketio\s+40\/40\s/m)).toBeLessThan(idleAt);
  expect(idleAt).toBeLessThan(connectAt);
  expect(connectAt).toBeLessThan(sweepAt);
  expect(stdout.slice(idleAt, connectAt)).toMatch(/^polling\s+1\s+[\d.]+\s+[\d.]+\s+[\d.]+$/m);
  expect(stdout.slice(connectAt, sweepAt)).toMatch(/^ws\s+\d+\s+\d+\s+1\s+[\d.]+\s/m);
  expect(stdout.slice(sweepAt)).toMatch(/^250\s+6\/6\s+[\d.]+\s/m);
  expect(stdout.slice(sweepAt)).toMatch(/^1000\s+6\/6\s+[\d.]+\s/m);

  for (const file of ['report.json', 'report.csv', 'report.html', 'charts.png']) {
    expect((await stat(join(out, file))).size, file).toBeGreaterThan(0);
  }
  const png = await readFile(join(out, 'charts.png'));
  expect(png.subarray(1, 4).toString()).toBe('PNG');

  const report = JSON.parse(await readFile(join(out, 'report.json'), 'utf8')) as CompareReport;
  const { result } = report;
  expect(result.scenario).toEqual(report.scenario);
  expect(result.scenario).toMatchObject({ messages: 20, ratePerSec: 20, transports: ['ws', 'socketio'], isolate: true });
  for (const [path, n] of numbersIn(report)) expect(Number.isFinite(n), `${path} = ${n}`).toBe(true);
  expect(result.senders.map((s) => s.transport)).toEqual(['ws', 'socketio']);
  for (const r of result.receivers) {
    // Each pane gets every copy from both senders.
    expect([r.transport, r.delivered]).toEqual([r.transport, r.expected]);
    expect(r.expected).toBe(40);
  }
  for (const s of result.senders) expect(s.roundTrip.p50Ms, s.transport).toBeGreaterThan(0);

  // The costs: the page's own exports, with the figures each measurement stands for.
  const { idle, connect, sweep } = report.costs;
  if (!idle || !connect || !sweep) throw new Error(`costs missing: ${Object.keys(report.costs).join(',')}`);
  expect([idle.kind, connect.kind, sweep.kind]).toEqual(['idle', 'connect', 'sweep']);
  expect(idle.requestedMs).toBe(2000);
  expect(idle.rows.map((r) => [r.transport, r.clients])).toEqual(['polling', 'ws', 'sockjs', 'socketio'].map((t) => [t, 1]));
  const idleRow = (t: string) => idle.rows.find((r) => r.transport === t)!;
  // Polling keeps requesting while nothing is said; an open WebSocket makes no request at all.
  expect(idleRow('polling').requestsPerMin).toBeGreaterThan(0);
  expect(idleRow('polling').bytesOutPerMin).toBeGreaterThan(0);
  expect(idleRow('ws').requestsPerMin).toBe(0);
  expect(connect.rows.map((r) => r.transport)).toEqual(['polling', 'ws', 'sockjs', 'socketio']);
  for (const r of connect.rows) {
    expect(r.bytesIn, `${r.transport} connect bytes in`).toBeGreaterThan(0);
    expect(r.ms, `${r.transport} connect ms`).toBeGreaterThan(0);
  }
  // A raw WebSocket connects with exactly one upgrade request.
  expect(connect.rows.find((r) => r.transport === 'ws')?.requests).toBe(1);
  expect(sweep.messages).toBe(6);
  expect(sweep.points.map((p) => [p.intervalMs, p.sent, p.received])).toEqual([
    [250, 6, 6],
    [1000, 6, 6],
  ]);
  for (const p of sweep.points) {
    expect(p.theoryMs).toBeCloseTo(p.intervalMs / 2 + p.pollRequestMs, 2);
    expect(p.meanMs, `${p.intervalMs} ms: measured ${p.meanMs} vs theory ${p.theoryMs}`).toBeGreaterThan(p.theoryMs * 0.65);
    expect(p.meanMs, `${p.intervalMs} ms: measured ${p.meanMs} vs theory ${p.theoryMs}`).toBeLessThan(p.theoryMs * 1.35);
  }
  expect(sweep.points[1].meanMs).toBeGreaterThan(sweep.points[0].meanMs);

  // The CSV is the page's CSV exports of the same run, one header: exactly what the JSON gives.
  const csv = await readFile(join(out, 'report.csv'), 'utf8');
  const costCsv = [costToCsv({ kind: 'idle', result: idle }), costToCsv({ kind: 'connect', result: connect }), costToCsv({ kind: 'sweep', result: sweep })];
  expect(csv).toBe(resultToCsv(result) + costCsv.map(rowsOnly).join(''));
  const rows = csv.trim().split('\n').map((line) => line.split(','));
  const cell = (section: string, transport: string, metric: string) => Number(rows.find((r) => r[0] === section && r[1] === transport && r[2] === metric)?.[3]);
  for (const s of result.senders) {
    expect(cell('round-trip', s.transport, 'p50')).toBe(s.roundTrip.p50Ms);
    expect(cell('round-trip', s.transport, 'p99')).toBe(s.roundTrip.p99Ms);
    expect(cell('wire', s.transport, 'bytesOutPerMessage')).toBe(s.wire.bytesOutPerMessage);
  }
  expect(cell('idle', 'polling', 'requestsPerMin')).toBe(idleRow('polling').requestsPerMin);
  expect(cell('connect', 'ws', 'requests')).toBe(1);
  expect(cell('sweep-1000ms', 'polling', 'meanMs')).toBe(sweep.points[1].meanMs);

  // Self-contained: inline SVG charts, no scripts, nothing loaded from elsewhere.
  const html = await readFile(join(out, 'report.html'), 'utf8');
  expect(html).toContain('<svg');
  expect(html).not.toMatch(/<script|<link|\ssrc=/i);
  expect(html).toContain('<html lang="zh-CN">');
  const num = (v: number) => formatNumber('zh-CN', v, 3);
  expect(html).toContain(`<td>${num(result.senders[0].roundTrip.p99Ms)}</td>`);
  // A table per cost, with its numbers, and the sweep's and idle cost's charts.
  for (const id of ['idle-cost', 'connect-cost', 'polling-sweep']) expect(html).toContain(`<table id="${id}">`);
  expect(html).toContain(`<td>${num(idleRow('polling').requestsPerMin)}</td>`);
  expect(html).toContain(`<td>${num(sweep.points[1].meanMs)}</td>`);
  const zh = CATALOGUES['zh-CN'].report;
  expect(html).toContain(`aria-label="${zh.sweep.latencyChart.title}"`);
  expect(html).toContain(`aria-label="${zh.idle.requestsChart.title}"`);
});

test('the CLI stops with exit code 2 at its deadline', async () => {
  const out = await mkdtemp(join(tmpdir(), 'compare-cli-'));
  const started = Date.now();
  const { code, stderr } = await runCli(['--base-url', BASE_URL, '--messages', '2000', '--rate', '10', '--transports', 'ws', '--out', out, '--timeout', '3']);
  expect(code).toBe(2);
  expect(stderr).toContain('timed out after 3 s');
  expect(Date.now() - started).toBeLessThan(20_000);
});

test('--budget gates the run: an impossible budget exits 4 with its misses in JUnit, a generous one exits 0', async () => {
  test.setTimeout(120_000);
  const dir = await mkdtemp(join(tmpdir(), 'compare-budget-'));
  const run = async (name: string, budget: unknown, costs: string, extra: string[] = []) => {
    const file = join(dir, `${name}.json`);
    await writeFile(file, JSON.stringify(budget));
    const out = join(dir, name);
    const args = ['--base-url', BASE_URL, '--messages', '10', '--rate', '20', '--transports', 'ws,socketio:polling', '--costs', costs, '--out', out, '--timeout', '90', '--budget', file, ...extra];
    return { ...(await runCli(args)), out };
  };
  // Nothing crosses a real network in 0 ms, nor in 0 bytes.
  const impossible = await run('impossible', { ws: { roundTripP99Ms: 0, bytesPerMessage: 0, delivery: 1 }, 'socketio:polling': { requestsPerMessage: 0, connectBytes: 0 } }, 'connect');
  expect(impossible.code, impossible.stderr).toBe(4);
  expect(impossible.stderr).toMatch(/4 of 5 budgets missed/);
  expect(impossible.stderr).toMatch(/ws roundTripP99Ms: measured [\d.]+ ms, limit ≤ 0 ms/);
  const junit = await readFile(join(impossible.out, 'budget-junit.xml'), 'utf8');
  expect(junit).toMatch(/<testsuites name="transport-lab compare budgets" tests="5" failures="4"/);
  expect(junit.match(/<failure /g)).toHaveLength(4);
  expect(junit).toContain('classname="transport-lab.compare.socketio:polling"');
  expect(await readFile(join(impossible.out, 'budget.md'), 'utf8')).toMatch(/\*\*4 of 5 budgets missed\.\*\*/);

  const generous = await run('generous', { ws: { roundTripP99Ms: 60_000, delivery: 1 }, 'socketio:polling': { bytesPerMessage: 1e9, requestsPerMessage: 1e9 } }, 'none', ['--repeat', '2']);
  expect(generous.code, generous.stderr).toBe(0);
  expect(generous.stdout).toMatch(/all 4 budgets met/);
  expect(await readFile(join(generous.out, 'budget-junit.xml'), 'utf8')).toMatch(/tests="4" failures="0"/);
  // --repeat 2: each run's own report, and the medians the budget was checked on.
  const runs = await Promise.all([1, 2].map(async (n) => JSON.parse(await readFile(join(generous.out, `run-${n}`, 'report.json'), 'utf8')) as CompareReport));
  const summary = JSON.parse(await readFile(join(generous.out, 'repeat.json'), 'utf8')) as { runs: number; rows: { lane: string; figure: string; median: number; runs: number[] }[] };
  expect(summary.runs).toBe(2);
  const p99 = summary.rows.find((r) => r.lane === 'ws' && r.figure === 'roundTripP99Ms')!;
  const measured = runs.map((r) => r.result.senders.find((s) => s.transport === 'ws')!.roundTrip.p99Ms);
  expect(p99.runs).toEqual(measured);
  expect(p99.median).toBeCloseTo((measured[0] + measured[1]) / 2, 3);
  expect(generous.stdout).toMatch(/over 2 runs: median and min–max/);
});
