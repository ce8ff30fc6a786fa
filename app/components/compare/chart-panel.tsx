import type { ReactNode } from 'react';

export interface ChartPanelProps {
  title: string;
  help: string;
  /** The recharts chart (inside a ResponsiveContainer); with `table`, omitted until there are numbers. */
  chart?: ReactNode;
  /** The table with the same numbers, for readers and tests. */
  table?: ReactNode;
  /** Inputs and buttons above the chart (the cost measurements start from their own panel). */
  controls?: ReactNode;
  testId?: string;
}

/**
 * One results section: a chart and, beside it, a table with the numbers it draws. The chart's
 * box has a fixed height because ResponsiveContainer sizes itself from its parent.
 */
export function ChartPanel({ title, help, chart, table, controls, testId }: ChartPanelProps) {
  return (
    <section className="rounded-xl border border-slate-300 bg-white p-4" data-testid={testId}>
      <h2 className="text-xl font-bold text-slate-900">{title}</h2>
      <p className="mb-3 text-sm text-slate-700">{help}</p>
      {controls && <div className="mb-3 flex flex-col gap-2">{controls}</div>}
      {chart !== undefined && table !== undefined && (
        <div className="grid grid-cols-1 gap-4 xl:grid-cols-2">
          <div className="h-72 min-w-0">{chart}</div>
          <div className="min-w-0 overflow-x-auto">{table}</div>
        </div>
      )}
    </section>
  );
}

/** Table classes shared by every results table. */
export const TABLE = 'w-full border-collapse text-sm tabular-nums';
export const TH = 'border-b border-slate-400 px-2 py-1 text-left font-semibold text-slate-700';
export const TD = 'border-b border-slate-200 px-2 py-1 text-slate-900';
