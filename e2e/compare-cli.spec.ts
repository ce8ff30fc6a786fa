/**
 * `npm run compare` end to end: the CLI drives its own Chromium against the e2e server
 * (`--base-url`), and what it writes must be the page's numbers, complete and consistent.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { resultToCsv } from '../measure/results-export';
import type { CompareReport } from '../scripts/compare/compare-report';

const BASE_URL = `http://127.0.0.1:${process.env.E2E_PORT}`;

function runCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', 'scripts/compare.ts', ...args], { timeout: 50_000 }, (err, stdout, stderr) => {
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

test('a tiny headless run writes the page\u2019s numbers to four files', async () => {
  test.setTimeout(60_000);
  const out = await mkdtemp(join(tmpdir(), 'compare-cli-'));
  const args = ['--base-url', BASE_URL, '--messages', '20', '--rate', '20', '--transports', 'ws,socketio', '--isolate', '--out', out, '--timeout', '45'];
  const { code, stdout, stderr } = await runCli(args);
  expect(code, `exit code (stderr: ${stderr})`).toBe(0);
  // The terminal table: one row per transport with its delivery.
  expect(stdout).toMatch(/^ws\s+40\/40\s/m);
  expect(stdout).toMatch(/^socketio\s+40\/40\s/m);

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

  // The CSV is the page's CSV export of the same run: it is exactly what the JSON gives.
  const csv = await readFile(join(out, 'report.csv'), 'utf8');
  expect(csv).toBe(resultToCsv(result));
  const rows = csv.trim().split('\n').map((line) => line.split(','));
  const cell = (section: string, transport: string, metric: string) => Number(rows.find((r) => r[0] === section && r[1] === transport && r[2] === metric)?.[3]);
  for (const s of result.senders) {
    expect(cell('round-trip', s.transport, 'p50')).toBe(s.roundTrip.p50Ms);
    expect(cell('round-trip', s.transport, 'p99')).toBe(s.roundTrip.p99Ms);
    expect(cell('wire', s.transport, 'bytesOutPerMessage')).toBe(s.wire.bytesOutPerMessage);
  }

  // Self-contained: inline SVG charts, no scripts, nothing loaded from elsewhere.
  const html = await readFile(join(out, 'report.html'), 'utf8');
  expect(html).toContain('<svg');
  expect(html).not.toMatch(/<script|<link|\ssrc=/i);
  expect(html).toContain(String(result.senders[0].roundTrip.p99Ms));
});

test('the CLI stops with exit code 2 at its deadline', async () => {
  const out = await mkdtemp(join(tmpdir(), 'compare-cli-'));
  const started = Date.now();
  const { code, stderr } = await runCli(['--base-url', BASE_URL, '--messages', '2000', '--rate', '10', '--transports', 'ws', '--out', out, '--timeout', '3']);
  expect(code).toBe(2);
  expect(stderr).toContain('timed out after 3 s');
  expect(Date.now() - started).toBeLessThan(20_000);
});
