import { useState } from 'react';
import { CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Scatter, Tooltip, XAxis, YAxis } from 'recharts';
import type { SweepResult } from '../../../measure/cost-results';
import { SCENARIO_BOUNDS, SWEEP_BOUNDS, type Sweep } from '../../../measure/scenario';
import type { TaskState } from '../../hooks/use-task';
import { TRANSPORT_COLORS } from '../../lib/transport-colors';
import { messages } from '../../messages';
import { FIELD, LABEL, PRIMARY_BUTTON } from '../control-classes';
import { ChartPanel, TABLE, TD, TH } from './chart-panel';
import { CostExportButtons } from './cost-export-buttons';
import { TaskStatus } from './task-status';

const t = messages.compare.sweep;

export interface SweepSectionProps {
  sweep: Sweep;
  /** A valid edit of the sweep (it goes to the URL like the rest of the scenario). */
  onChange: (next: Sweep) => void;
  state: TaskState<SweepResult>;
  onRun: () => void;
  onCancel: () => void;
  busy: boolean;
}

/** Parses "100, 250,500" into sorted distinct in-bound intervals; null when none is valid. */
function parseIntervals(text: string): number[] | null {
  const { min, max } = SCENARIO_BOUNDS.pollIntervalMs;
  const values = text
    .split(',')
    .map((x) => x.trim())
    .filter((x) => /^\d+$/.test(x))
    .map(Number)
    .filter((x) => x >= min && x <= max);
  const distinct = [...new Set(values)].sort((a, b) => a - b).slice(0, SWEEP_BOUNDS.intervals.max);
  return distinct.length > 0 ? distinct : null;
}

/** "Run polling sweep": measured latency vs interval with the theory line, and idle bytes/min. */
export function SweepSection({ sweep, onChange, state, onRun, onCancel, busy }: SweepSectionProps) {
  const [text, setText] = useState(sweep.intervalsMs.join(', '));
  const result = state.status === 'done' ? state.result : null;
  const controls = (
    <>
      <div className="flex flex-wrap items-end gap-3">
        <label className="block w-72">
          <span className={LABEL}>{t.intervals}</span>
          <input
            className={FIELD}
            data-testid="sweep-intervals"
            value={text}
            disabled={busy}
            aria-invalid={parseIntervals(text) === null}
            onChange={(e) => {
              setText(e.target.value);
              const parsed = parseIntervals(e.target.value);
              if (parsed) onChange({ ...sweep, intervalsMs: parsed });
            }}
          />
        </label>
        <label className="block w-40">
          <span className={LABEL}>{t.messages}</span>
          <input
            type="number"
            className={FIELD}
            data-testid="sweep-messages"
            min={SWEEP_BOUNDS.messages.min}
            max={SWEEP_BOUNDS.messages.max}
            value={sweep.messages}
            disabled={busy}
            onChange={(e) => {
              const v = Math.round(Number(e.target.value));
              const { min, max } = SWEEP_BOUNDS.messages;
              if (e.target.value.trim() !== '' && Number.isFinite(v)) onChange({ ...sweep, messages: Math.min(max, Math.max(min, v)) });
            }}
          />
        </label>
        <button type="button" className={PRIMARY_BUTTON} data-testid="run-sweep" disabled={busy} onClick={onRun}>
          {t.run}
        </button>
      </div>
      <p className="text-sm text-slate-600">{t.intervalsHelp}</p>
      <TaskStatus testId="sweep-status" state={state} onCancel={onCancel} />
      {state.status === 'done' && <CostExportButtons cost={{ kind: 'sweep', result: state.result }} />}
    </>
  );
  if (!result) return <ChartPanel title={t.title} help={t.help} controls={controls} />;
  const data = result.points.map((p) => ({
    intervalMs: p.intervalMs,
    [t.measuredMean]: p.meanMs,
    [t.measuredP50]: p.p50Ms,
    [t.theory]: p.theoryMs,
    [t.bytesPerMin]: Math.round((p.bytesInPerMin + p.bytesOutPerMin) * 10) / 10,
  }));
  const xAxis = <XAxis type="number" dataKey="intervalMs" unit=" ms" scale="log" domain={['dataMin', 'dataMax']} />;
  const chart = (
    <div className="grid h-full grid-rows-2 gap-2">
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={data}>
          <CartesianGrid strokeDasharray="3 3" />
          {xAxis}
          <YAxis unit=" ms" width={80} />
          <Tooltip />
          <Legend />
          <Line dataKey={t.theory} stroke="#475569" strokeDasharray="6 4" dot={false} isAnimationActive={false} />
          <Scatter dataKey={t.measuredMean} fill={TRANSPORT_COLORS.polling} isAnimationActive={false} />
          <Scatter dataKey={t.measuredP50} fill="#0f766e" isAnimationActive={false} />
        </ComposedChart>
      </ResponsiveContainer>
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={data}>
          <CartesianGrid strokeDasharray="3 3" />
          {xAxis}
          <YAxis unit=" B" width={80} />
          <Tooltip />
          <Legend />
          <Line dataKey={t.bytesPerMin} stroke={TRANSPORT_COLORS.polling} isAnimationActive={false} />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
  const table = (
    <table className={TABLE} data-testid="table-sweep">
      <thead>
        <tr>
          <th className={TH}>{t.interval}</th>
          <th className={TH}>{t.received}</th>
          <th className={TH}>{t.measuredMean}</th>
          <th className={TH}>{t.measuredP50}</th>
          <th className={TH}>{`${t.theory} (ms)`}</th>
          <th className={TH}>{t.pollRequest}</th>
          <th className={TH}>{t.pollCycle}</th>
          <th className={TH}>{messages.compare.idle.bytesInPerMin}</th>
          <th className={TH}>{messages.compare.idle.bytesOutPerMin}</th>
          <th className={TH}>{messages.compare.idle.requestsPerMin}</th>
        </tr>
      </thead>
      <tbody>
        {result.points.map((p) => (
          <tr key={p.intervalMs} data-testid={`row-${p.intervalMs}`}>
            <th scope="row" className={TD}>{p.intervalMs}</th>
            <td className={TD} data-testid="received" data-received={p.received} data-sent={p.sent}>{`${p.received} / ${p.sent}`}</td>
            <td className={TD} data-testid="mean">{p.meanMs}</td>
            <td className={TD} data-testid="p50">{p.p50Ms}</td>
            <td className={TD} data-testid="theory">{p.theoryMs}</td>
            <td className={TD} data-testid="poll-request">{p.pollRequestMs}</td>
            <td className={TD} data-testid="poll-cycle">{p.pollCycleMs}</td>
            <td className={TD} data-testid="bytes-in-per-min">{p.bytesInPerMin}</td>
            <td className={TD} data-testid="bytes-out-per-min">{p.bytesOutPerMin}</td>
            <td className={TD} data-testid="requests-per-min">{p.requestsPerMin}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  return <ChartPanel title={t.title} help={t.help} controls={controls} chart={chart} table={table} />;
}
