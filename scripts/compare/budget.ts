/**
 * `npm run compare --budget FILE`: limits per lane on the figures the report holds, checked
 * against what the page measured, so a CI job can fail a build on a transport's p99 or bytes.
 *
 * The file is strict JSON: `{"ws": {"roundTripP99Ms": 20, "bytesPerMessage": 400}, …}`. An unknown
 * lane, an unknown figure or a value that is not a finite number >= 0 is an error that names it:
 * a typo must never turn a gate into one that always passes.
 */
import { z } from 'zod';
import { LANE_IDS, type LaneId } from '../../protocol';
import type { CompareReport } from './compare-report';
import type { CostKind } from './cost-plan';

/** What a figure is read from, and whether its budget is a ceiling or a floor. */
interface FigureDef {
  /** A ceiling (`max`: measured ≤ limit) or a floor (`min`: measured ≥ limit). */
  bound: 'max' | 'min';
  unit: string;
  /** The cost measurement it needs, if any (the benchmark's figures need none). */
  needs?: CostKind;
  /** The figure in the report; undefined when the report has no value for that lane. */
  read: (report: CompareReport, lane: LaneId) => number | undefined;
}

const sender = (r: CompareReport, lane: LaneId) => r.result.senders.find((s) => s.transport === lane);
const receiver = (r: CompareReport, lane: LaneId) => r.result.receivers.find((s) => s.transport === lane);
const idleRow = (r: CompareReport, lane: LaneId) => r.costs.idle?.rows.find((x) => x.transport === lane);
const connectRow = (r: CompareReport, lane: LaneId) => r.costs.connect?.rows.find((x) => x.transport === lane);

/** Every figure a budget can name. */
export const BUDGET_FIGURES = {
  roundTripP50Ms: { bound: 'max', unit: 'ms', read: (r, l) => sender(r, l)?.roundTrip.p50Ms },
  roundTripP90Ms: { bound: 'max', unit: 'ms', read: (r, l) => sender(r, l)?.roundTrip.p90Ms },
  roundTripP99Ms: { bound: 'max', unit: 'ms', read: (r, l) => sender(r, l)?.roundTrip.p99Ms },
  fanoutP99Ms: { bound: 'max', unit: 'ms', read: (r, l) => receiver(r, l)?.fanout.p99Ms },
  /** Copies received / expected, 0…1: a floor. */
  delivery: {
    bound: 'min',
    unit: 'received/expected',
    read: (r, l) => {
      const x = receiver(r, l);
      return x && x.expected > 0 ? x.delivered / x.expected : undefined;
    },
  },
  bytesInPerMessage: { bound: 'max', unit: 'B/msg', read: (r, l) => sender(r, l)?.wire.bytesInPerMessage },
  bytesOutPerMessage: { bound: 'max', unit: 'B/msg', read: (r, l) => sender(r, l)?.wire.bytesOutPerMessage },
  bytesPerMessage: {
    bound: 'max',
    unit: 'B/msg',
    read: (r, l) => {
      const w = sender(r, l)?.wire;
      return w ? Math.round((w.bytesInPerMessage + w.bytesOutPerMessage) * 100) / 100 : undefined;
    },
  },
  requestsPerMessage: { bound: 'max', unit: 'req/msg', read: (r, l) => sender(r, l)?.wire.requestsPerMessage },
  idleBytesPerMin: {
    bound: 'max',
    unit: 'B/min',
    needs: 'idle',
    read: (r, l) => {
      const x = idleRow(r, l);
      return x ? Math.round((x.bytesInPerMin + x.bytesOutPerMin) * 10) / 10 : undefined;
    },
  },
  idleRequestsPerMin: { bound: 'max', unit: 'req/min', needs: 'idle', read: (r, l) => idleRow(r, l)?.requestsPerMin },
  connectMs: { bound: 'max', unit: 'ms', needs: 'connect', read: (r, l) => connectRow(r, l)?.ms },
  connectBytes: {
    bound: 'max',
    unit: 'B',
    needs: 'connect',
    read: (r, l) => {
      const x = connectRow(r, l);
      return x ? x.bytesIn + x.bytesOut : undefined;
    },
  },
} satisfies Record<string, FigureDef>;

/** A figure's name. */
export type BudgetFigure = keyof typeof BUDGET_FIGURES;
const FIGURES = Object.keys(BUDGET_FIGURES) as BudgetFigure[];

/** A parsed budget file: per lane, per figure, its limit. */
export type Budget = Partial<Record<LaneId, Partial<Record<BudgetFigure, number>>>>;

const limit = z.number().finite().min(0);
const laneBudget = z.object(Object.fromEntries(FIGURES.map((f) => [f, limit.optional()])) as Record<BudgetFigure, z.ZodOptional<typeof limit>>).strict();
const budgetSchema = z.record(z.string(), z.unknown());

/**
 * Reads a budget file's text.
 * @param source the file's name, for messages
 * @throws an Error naming the unknown lane or figure, or the wrong value, and where it is
 */
export function parseBudget(text: string, source: string): Budget {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new Error(`${source}: not JSON (${(err as Error).message})`);
  }
  const top = budgetSchema.safeParse(json);
  if (!top.success || Array.isArray(json)) throw new Error(`${source}: must be an object of lanes, e.g. {"ws": {"roundTripP99Ms": 20}}`);
  const budget: Budget = {};
  for (const [lane, figures] of Object.entries(top.data)) {
    if (!(LANE_IDS as readonly string[]).includes(lane)) throw new Error(`${source}: unknown lane "${lane}"; lanes are ${LANE_IDS.join(', ')}`);
    const parsed = laneBudget.safeParse(figures);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      if (issue.code === 'unrecognized_keys') throw new Error(`${source}: ${lane}: unknown figure "${issue.keys[0]}"; figures are ${FIGURES.join(', ')}`);
      const where = issue.path.length > 0 ? `${lane}.${issue.path.join('.')}` : lane;
      throw new Error(`${source}: ${where}: ${issue.path.length > 0 ? 'wants a number ≥ 0' : 'must be an object of figures'} (${issue.message})`);
    }
    // The file's order, not the schema's: the reports list the checks as the budget wrote them.
    const given = parsed.data as Record<string, number | undefined>;
    const defined = Object.keys(figures as object).filter((k) => given[k] !== undefined).map((k) => [k, given[k]] as const);
    if (defined.length === 0) throw new Error(`${source}: ${lane}: no figures (an empty budget checks nothing)`);
    budget[lane as LaneId] = Object.fromEntries(defined);
  }
  if (Object.keys(budget).length === 0) throw new Error(`${source}: no lanes (an empty budget checks nothing)`);
  return budget;
}

/**
 * What a run must measure for `budget` to be checkable: each lane in the scenario, each cost
 * measurement a figure needs in `--costs`. Returns the problems, empty when there are none.
 */
export function budgetProblems(budget: Budget, lanes: readonly LaneId[], costs: readonly CostKind[]): string[] {
  const problems: string[] = [];
  for (const [lane, figures] of Object.entries(budget) as [LaneId, Partial<Record<BudgetFigure, number>>][]) {
    if (!lanes.includes(lane)) problems.push(`budget for ${lane}, which --transports does not run`);
    for (const figure of Object.keys(figures) as BudgetFigure[]) {
      const needs = (BUDGET_FIGURES[figure] as FigureDef).needs;
      if (needs && !costs.includes(needs)) problems.push(`${lane}.${figure} needs ${needs} in --costs`);
    }
  }
  return problems;
}

/** One budget checked. */
export interface BudgetCheck {
  lane: LaneId;
  figure: BudgetFigure;
  bound: 'max' | 'min';
  unit: string;
  limit: number;
  /**
   * The figure checked: the run's value, or with `--repeat` the median of the runs' values. Null
   * when no run has a value (the figure was not measured for that lane).
   */
  measured: number | null;
  /** Each run's value, in run order (null where a run has none). */
  runs: (number | null)[];
  passed: boolean;
}

/**
 * The median of the values (the mean of the middle two for an even count), rounded to 0.001;
 * null for none.
 */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const value = sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return Math.round(value * 1000) / 1000;
}

/** One figure of one lane in every run, in run order (null where a run has none). */
export function figureRuns(reports: readonly CompareReport[], lane: LaneId, figure: BudgetFigure): (number | null)[] {
  const def = BUDGET_FIGURES[figure] as FigureDef;
  return reports.map((r) => def.read(r, lane) ?? null);
}

/**
 * Checks every limit, in the file's order, against one run's report or, given several (`--repeat`),
 * the median over the runs that measured the figure. A figure no run has fails: a gate must not
 * pass on a number nobody measured.
 */
export function checkBudget(budget: Budget, reports: CompareReport | readonly CompareReport[]): BudgetCheck[] {
  const runs = Array.isArray(reports) ? reports : [reports as CompareReport];
  const checks: BudgetCheck[] = [];
  for (const [lane, figures] of Object.entries(budget) as [LaneId, Partial<Record<BudgetFigure, number>>][]) {
    for (const [figure, value] of Object.entries(figures) as [BudgetFigure, number][]) {
      const def = BUDGET_FIGURES[figure] as FigureDef;
      const values = figureRuns(runs, lane, figure);
      const measured = median(values.filter((v): v is number => v !== null));
      const passed = measured !== null && (def.bound === 'max' ? measured <= value : measured >= value);
      checks.push({ lane, figure, bound: def.bound, unit: def.unit, limit: value, measured, runs: values, passed });
    }
  }
  return checks;
}

/** One check as a line, e.g. `ws roundTripP99Ms: measured 3.2 ms, limit ≤ 20 ms`. */
export function describeCheck(c: BudgetCheck): string {
  const over = c.runs.length > 1 ? ` (median of ${c.runs.filter((v) => v !== null).length} runs)` : '';
  const measured = c.measured === null ? 'not measured' : `measured ${c.measured} ${c.unit}${over}`;
  return `${c.lane} ${c.figure}: ${measured}, limit ${c.bound === 'max' ? '≤' : '≥'} ${c.limit} ${c.unit}`;
}
