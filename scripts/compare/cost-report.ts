/**
 * The cost measurements in the headless report: the page's own exports, parsed and checked to be
 * the measurements the CLI asked for, then kept as they are; their CSV rows joined to the
 * benchmark's; and the sweep replies that never came back. Computes no figure of its own.
 */
import type { CostExport } from '../../measure/cost-export';
import type { Sweep } from '../../measure/scenario';
import type { CostKind } from './cost-plan';
import type { CostDownload } from './cost-run';

/** A cost measurement exactly as the page exports it: its result with its `kind` in front. */
export type ExportedCost<K extends CostKind> = { kind: K } & Extract<CostExport, { kind: K }>['result'];

/** The cost measurements of one run, by kind; a kind not asked for is absent. */
export interface CompareCosts {
  idle?: ExportedCost<'idle'>;
  connect?: ExportedCost<'connect'>;
  sweep?: ExportedCost<'sweep'>;
}

/** What the CLI asked the page to measure, to check the exports against. */
export interface CostRequest {
  idleSeconds: number;
  sweep?: Sweep;
}

function check(ok: boolean, message: string): void {
  if (!ok) throw new Error(`the page's export is not what was asked for: ${message}`);
}

/**
 * Parses each download and checks it is the measurement asked for (the right kind, the idle
 * window and the sweep's intervals and messages), so a page that read its inputs differently
 * fails the run instead of reporting something else.
 * @throws on unparsable JSON or an export that differs from the request
 */
export function collectCosts(downloads: readonly CostDownload[], request: CostRequest): CompareCosts {
  const costs: CompareCosts = {};
  for (const d of downloads) {
    const parsed = JSON.parse(d.json) as { kind?: unknown };
    check(parsed.kind === d.kind, `a ${d.kind} download holds kind "${String(parsed.kind)}"`);
    if (d.kind === 'idle') {
      const idle = parsed as ExportedCost<'idle'>;
      check(idle.requestedMs === request.idleSeconds * 1000, `idle window ${idle.requestedMs} ms, asked ${request.idleSeconds} s`);
      costs.idle = idle;
    } else if (d.kind === 'connect') {
      costs.connect = parsed as ExportedCost<'connect'>;
    } else {
      const sweep = parsed as ExportedCost<'sweep'>;
      const intervals = sweep.points.map((p) => p.intervalMs);
      check(
        request.sweep !== undefined && intervals.join(',') === request.sweep.intervalsMs.join(',') && sweep.messages === request.sweep.messages,
        `sweep over ${intervals.join(',')} ms with ${sweep.messages} messages, asked ${request.sweep?.intervalsMs.join(',')} ms with ${request.sweep?.messages}`,
      );
      costs.sweep = sweep;
    }
  }
  return costs;
}

/** Sweep intervals whose replies did not all come back, as `sweep 250 ms 5/6`. */
export function missingSweepReplies(sweep: ExportedCost<'sweep'> | undefined): string[] {
  return (sweep?.points ?? []).filter((p) => p.received !== p.sent).map((p) => `sweep ${p.intervalMs} ms ${p.received}/${p.sent}`);
}

/**
 * One CSV from several exports of the same layout (section, transport, metric, value, unit): the
 * first whole, the others without their header row.
 * @param parts each a header line and rows, ending with a newline (as the page exports them)
 * @throws when a part does not end with a newline, or its header differs from the first's
 */
export function joinCsv(parts: readonly string[]): string {
  if (parts.length === 0) return '';
  const header = parts[0].slice(0, parts[0].indexOf('\n') + 1);
  return parts
    .map((part, i) => {
      if (!part.endsWith('\n')) throw new Error(`CSV part ${i} does not end with a newline`);
      if (i === 0) return part;
      if (!part.startsWith(header)) throw new Error(`CSV part ${i} does not start with the header ${JSON.stringify(header.trim())}`);
      return part.slice(header.length);
    })
    .join('');
}
