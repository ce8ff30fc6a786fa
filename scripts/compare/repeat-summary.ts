/**
 * `--repeat N`: each figure of each lane over the N runs, as the median and the min–max. Computed
 * by the CLI from the runs' own reports (each run's files stay as the page wrote them, in
 * `run-1/`, `run-2/` …); the summary adds no measurement, only these order statistics.
 */
import type { LaneId } from '../../protocol';
import { BUDGET_FIGURES, figureRuns, median, type BudgetFigure } from './budget';
import type { CompareReport } from './compare-report';
import { textTable } from './text-table';

/** One figure of one lane over the runs. */
export interface RepeatRow {
  lane: LaneId;
  figure: BudgetFigure;
  unit: string;
  median: number;
  min: number;
  max: number;
  /** Each run's value, in run order (null where a run has none). */
  runs: (number | null)[];
}

/** `repeat.json`: the runs' summary. */
export interface RepeatSummary {
  tool: 'transport-lab compare --repeat';
  runs: number;
  /** Each run's `report.json`, relative to the output folder. */
  reports: string[];
  rows: RepeatRow[];
}

/**
 * Every figure any run measured, per lane in the scenario's order, figures in BUDGET_FIGURES' order.
 * @param reportPaths where each run's report.json was written, for the summary's `reports`
 */
export function summarizeRepeats(reports: readonly CompareReport[], reportPaths: string[]): RepeatSummary {
  const lanes = reports[0]?.scenario.transports ?? [];
  const rows: RepeatRow[] = [];
  for (const lane of lanes) {
    for (const figure of Object.keys(BUDGET_FIGURES) as BudgetFigure[]) {
      const runs = figureRuns(reports, lane, figure);
      const values = runs.filter((v): v is number => v !== null);
      if (values.length === 0) continue;
      rows.push({ lane, figure, unit: BUDGET_FIGURES[figure].unit, median: median(values)!, min: Math.min(...values), max: Math.max(...values), runs });
    }
  }
  return { tool: 'transport-lab compare --repeat', runs: reports.length, reports: reportPaths, rows };
}

/** The summary as a terminal table. */
export function formatRepeatTable(summary: RepeatSummary): string {
  const rows = summary.rows.map((r) => [r.lane, r.figure, String(r.median), `${r.min}–${r.max}`, r.unit]);
  return `over ${summary.runs} runs: median and min–max of each figure (each run's own report is in run-N/)\n${textTable(['lane', 'figure', 'median', 'min–max', 'unit'], rows)}`;
}
