/**
 * The headless run's report: the page's export wrapped with where and when it ran, the terminal
 * table, and the check that every copy arrived. Reads the page's numbers; computes none of its own.
 */
import { arch, cpus, loadavg, platform, release, totalmem } from 'node:os';
import type { BenchmarkResult } from '../../measure/benchmark-result';
import type { Scenario } from '../../measure/scenario';
import type { LaneId } from '../../protocol';
import type { CompareCosts } from './cost-report';
import { textTable } from './text-table';

/** What `report.json` holds. */
export interface CompareReport {
  tool: 'transport-lab compare';
  /** ISO time the report was written. */
  createdAt: string;
  /** The scenario the CLI asked for (the page's export repeats the one it ran: they are equal). */
  scenario: Scenario;
  pageUrl: string;
  machine: {
    platform: string;
    release: string;
    arch: string;
    cpuModel: string;
    cpus: number;
    totalMemMiB: number;
    /** 1, 5 and 15 minute load averages when the run ended: a busy machine explains slow numbers. */
    loadAverage: number[];
    node: string;
    chromium: string;
    /** True when the CLI started the server itself; false with --base-url. */
    serverStartedByCli: boolean;
  };
  /** The page's JSON export, parsed, unchanged. */
  result: BenchmarkResult & { scenarioQuery: string };
  /** Each cost measurement's JSON export, parsed, unchanged; empty with `--costs none`. */
  costs: CompareCosts;
}

/**
 * Wraps the page's exports.
 * @param exportedJson the text of the page's JSON download
 * @param costs the cost measurements' exports (cost-report.ts `collectCosts`)
 */
export function buildReport(
  scenario: Scenario,
  exportedJson: string,
  run: { pageUrl: string; browserVersion: string; serverStartedByCli: boolean },
  costs: CompareCosts = {},
): CompareReport {
  const result = JSON.parse(exportedJson) as CompareReport['result'];
  return {
    tool: 'transport-lab compare',
    createdAt: new Date().toISOString(),
    scenario,
    pageUrl: run.pageUrl,
    machine: {
      platform: platform(),
      release: release(),
      arch: arch(),
      cpuModel: cpus()[0]?.model ?? 'unknown',
      cpus: cpus().length,
      totalMemMiB: Math.round(totalmem() / 2 ** 20),
      loadAverage: loadavg().map((l) => Math.round(l * 100) / 100),
      node: process.version,
      chromium: run.browserVersion,
      serverStartedByCli: run.serverStartedByCli,
    },
    result,
    costs,
  };
}

/** One line of the terminal table, straight from the export. */
export interface SummaryRow {
  transport: LaneId;
  delivered: number;
  expected: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  maxMs: number;
  bytesInPerMessage: number;
  bytesOutPerMessage: number;
  requestsPerMessage: number;
}

/** Per transport: its receiver's delivery and its sender's round trip and wire cost. */
export function summaryRows(result: BenchmarkResult): SummaryRow[] {
  return result.senders.map((s) => {
    const r = result.receivers.find((x) => x.transport === s.transport);
    return {
      transport: s.transport,
      delivered: r?.delivered ?? 0,
      expected: r?.expected ?? 0,
      p50Ms: s.roundTrip.p50Ms,
      p90Ms: s.roundTrip.p90Ms,
      p99Ms: s.roundTrip.p99Ms,
      maxMs: s.roundTrip.maxMs,
      bytesInPerMessage: s.wire.bytesInPerMessage,
      bytesOutPerMessage: s.wire.bytesOutPerMessage,
      requestsPerMessage: s.wire.requestsPerMessage,
    };
  });
}

/** Receivers that got fewer copies than expected (refused or lost messages). */
export function missingDeliveries(result: BenchmarkResult): string[] {
  return result.receivers.filter((r) => r.delivered !== r.expected).map((r) => `${r.transport} ${r.delivered}/${r.expected}`);
}

const HEADER = ['transport', 'delivered', 'p50 ms', 'p90 ms', 'p99 ms', 'max ms', 'B in/msg', 'B out/msg', 'req/msg'];

/** A plain-text table (right-aligned numbers) for the terminal. */
export function formatTable(result: BenchmarkResult): string {
  const ms = (v: number) => v.toFixed(2);
  const rows = summaryRows(result).map((r) => [
    r.transport,
    `${r.delivered}/${r.expected}`,
    ms(r.p50Ms),
    ms(r.p90Ms),
    ms(r.p99Ms),
    ms(r.maxMs),
    r.bytesInPerMessage.toFixed(1),
    r.bytesOutPerMessage.toFixed(1),
    r.requestsPerMessage.toFixed(2),
  ]);
  const lines = [textTable(HEADER, rows)];
  const s = result.scenario;
  lines.push(
    '',
    `round trip from the intended send time, first ${s.warmup} messages (warm-up) left out; ` +
      `bytes are TCP payload at the server, ${s.isolate ? 'one transport at a time (exact)' : 'all at once (buckets include received copies)'}`,
  );
  const errors = Object.entries(result.serverErrors);
  if (errors.length > 0) lines.push(`server errors: ${errors.map(([code, n]) => `${code} × ${n}`).join(', ')}`);
  return lines.join('\n');
}
