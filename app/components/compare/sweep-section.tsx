import { useState, type ReactNode } from 'react';
import { CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Scatter, Tooltip, XAxis, YAxis } from 'recharts';
import type { SweepResult } from '../../../measure/cost-results';
import { SCENARIO_BOUNDS, SWEEP_BOUNDS, type Sweep } from '../../../measure/scenario';
import type { TaskState } from '../../hooks/use-task';
import { TRANSPORT_COLORS } from '../../lib/transport-colors';
import type { Messages } from '../../messages';
import { useMessages } from '../../messages/messages-provider';
import { FIELD, LABEL } from '../control-classes';
import { ChartPanel } from './chart-panel';
import { MeasurementControls } from './measurement-controls';
import { MetricTable, type MetricColumn } from './metric-table';
import { NumberField } from './number-field';


export interface SweepSectionProps {
  sweep: Sweep;
  /** A valid edit of the sweep (it goes to the URL like the rest of the scenario). */
  onChange: (next: Sweep) => void;
  state: TaskState<SweepResult>;
  onRun: () => void;
  onCancel: () => void;
  busy: boolean;
}

type SweepPoint = SweepResult['points'][number];

/** The definitions below in the request's language. */
function definitions(messages: Messages) {
  const t = messages.compare.sweep;
  const idle = messages.compare.idle;
  const COLUMNS: MetricColumn<SweepPoint>[] = [
    {
      header: t.received,
      testId: 'received',
      value: (p) => `${p.received} / ${p.sent}`,
      data: (p) => ({ 'data-received': p.received, 'data-sent': p.sent }),
    },
    { header: t.measuredMean, testId: 'mean', value: (p) => p.meanMs },
    { header: t.measuredP50, testId: 'p50', value: (p) => p.p50Ms },
    { header: `${t.theory} (ms)`, testId: 'theory', value: (p) => p.theoryMs },
    { header: t.pollRequest, testId: 'poll-request', value: (p) => p.pollRequestMs },
    { header: t.pollCycle, testId: 'poll-cycle', value: (p) => p.pollCycleMs },
    { header: idle.bytesInPerMin, testId: 'bytes-in-per-min', value: (p) => p.bytesInPerMin },
    { header: idle.bytesOutPerMin, testId: 'bytes-out-per-min', value: (p) => p.bytesOutPerMin },
    { header: idle.requestsPerMin, testId: 'requests-per-min', value: (p) => p.requestsPerMin },
  ];
  return { COLUMNS };
}

/** One of the sweep's two charts: the poll interval on a log x axis, `unit` on y, the series as children. */
function IntervalChart({ data, unit, children }: { data: Record<string, number>[]; unit: string; children: ReactNode }) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      <ComposedChart data={data}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis type="number" dataKey="intervalMs" unit=" ms" scale="log" domain={['dataMin', 'dataMax']} />
        <YAxis unit={unit} width={80} />
        <Tooltip />
        <Legend />
        {children}
      </ComposedChart>
    </ResponsiveContainer>
  );
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
  const messages = useMessages();
  const { COLUMNS } = definitions(messages);
  const t = messages.compare.sweep;
  const [text, setText] = useState(sweep.intervalsMs.join(', '));
  const result = state.status === 'done' ? state.result : null;
  const controls = (
    <MeasurementControls
      fields={
        <>
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
          <NumberField
            label={t.messages}
            className="block w-40"
            testId="sweep-messages"
            bounds={SWEEP_BOUNDS.messages}
            value={sweep.messages}
            disabled={busy}
            onValue={(messages) => onChange({ ...sweep, messages })}
          />
        </>
      }
      buttonTestId="run-sweep"
      buttonLabel={t.run}
      onStart={onRun}
      busy={busy}
      note={<p className="text-sm text-slate-600">{t.intervalsHelp}</p>}
      statusTestId="sweep-status"
      state={state}
      onCancel={onCancel}
      cost={result && { kind: 'sweep', result }}
    />
  );
  if (!result) return <ChartPanel title={t.title} help={t.help} controls={controls} />;
  const data = result.points.map((p) => ({
    intervalMs: p.intervalMs,
    [t.measuredMean]: p.meanMs,
    [t.measuredP50]: p.p50Ms,
    [t.theory]: p.theoryMs,
    [t.bytesPerMin]: Math.round((p.bytesInPerMin + p.bytesOutPerMin) * 10) / 10,
  }));
  const chart = (
    <div className="grid h-full grid-rows-2 gap-2">
      <IntervalChart data={data} unit=" ms">
        <Line dataKey={t.theory} stroke="#475569" strokeDasharray="6 4" dot={false} isAnimationActive={false} />
        <Scatter dataKey={t.measuredMean} fill={TRANSPORT_COLORS.polling} isAnimationActive={false} />
        <Scatter dataKey={t.measuredP50} fill="#0f766e" isAnimationActive={false} />
      </IntervalChart>
      <IntervalChart data={data} unit=" B">
        <Line dataKey={t.bytesPerMin} stroke={TRANSPORT_COLORS.polling} isAnimationActive={false} />
      </IntervalChart>
    </div>
  );
  const table = <MetricTable testId="table-sweep" rowHeading={t.interval} rows={result.points} rowId={(p) => p.intervalMs} rowHeader={(p) => p.intervalMs} columns={COLUMNS} />;
  return <ChartPanel title={t.title} help={t.help} controls={controls} chart={chart} table={table} />;
}
