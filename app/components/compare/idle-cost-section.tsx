import { useState } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { IdleCostResult } from '../../../measure/cost-results';
import type { TaskState } from '../../hooks/use-task';
import { messages } from '../../messages';
import { FIELD, LABEL, PRIMARY_BUTTON } from '../control-classes';
import { ChartPanel, TABLE, TD, TH } from './chart-panel';
import { CostExportButtons } from './cost-export-buttons';
import { TaskStatus } from './task-status';

const t = messages.compare.idle;
/** Window bounds, seconds: long enough for one poll, short enough to stay a demo. */
export const IDLE_SECONDS = { min: 1, max: 300, default: 10 };

export interface IdleCostSectionProps {
  state: TaskState<IdleCostResult>;
  onMeasure: (seconds: number) => void;
  onCancel: () => void;
  /** Another measurement runs (the idle window must see no chat traffic). */
  busy: boolean;
  pollIntervalMs: number;
}

/** "Measure idle cost": bytes and requests per connected client and minute, per transport. */
export function IdleCostSection({ state, onMeasure, onCancel, busy, pollIntervalMs }: IdleCostSectionProps) {
  const [seconds, setSeconds] = useState(IDLE_SECONDS.default);
  const result = state.status === 'done' ? state.result : null;
  const controls = (
    <>
      <div className="flex flex-wrap items-end gap-3">
        <label className="block w-32">
          <span className={LABEL}>{t.seconds}</span>
          <input
            type="number"
            className={FIELD}
            data-testid="idle-seconds"
            min={IDLE_SECONDS.min}
            max={IDLE_SECONDS.max}
            value={seconds}
            onChange={(e) => {
              const v = Math.round(Number(e.target.value));
              if (e.target.value.trim() !== '' && Number.isFinite(v)) setSeconds(Math.min(IDLE_SECONDS.max, Math.max(IDLE_SECONDS.min, v)));
            }}
          />
        </label>
        <button type="button" className={PRIMARY_BUTTON} data-testid="measure-idle" disabled={busy} onClick={() => onMeasure(seconds)}>
          {t.measure}
        </button>
      </div>
      <TaskStatus testId="idle-status" state={state} onCancel={onCancel} />
      {state.status === 'done' && <CostExportButtons cost={{ kind: 'idle', result: state.result }} />}
    </>
  );
  if (!result) return <ChartPanel title={t.title} help={t.help(seconds, pollIntervalMs)} controls={controls} />;
  const data = result.rows.map((r) => ({
    name: messages.transports[r.transport].short,
    [t.bytesInPerMin]: r.bytesInPerMin,
    [t.bytesOutPerMin]: r.bytesOutPerMin,
  }));
  const chart = (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={data}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="name" />
        <YAxis unit={` ${t.unitBytes}`} width={90} />
        <Tooltip />
        <Legend />
        <Bar dataKey={t.bytesInPerMin} fill="#1d4ed8" isAnimationActive={false} />
        <Bar dataKey={t.bytesOutPerMin} fill="#9333ea" isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
  const table = (
    <>
      <table className={TABLE} data-testid="table-idle" data-elapsed-ms={result.elapsedMs}>
        <thead>
          <tr>
            <th className={TH}>{messages.compare.columns.transport}</th>
            <th className={TH}>{t.clients}</th>
            <th className={TH}>{t.bytesInPerMin}</th>
            <th className={TH}>{t.bytesOutPerMin}</th>
            <th className={TH}>{t.requestsPerMin}</th>
          </tr>
        </thead>
        <tbody>
          {result.rows.map((r) => (
            <tr key={r.transport} data-testid={`row-${r.transport}`}>
              <th scope="row" className={TD}>{messages.transports[r.transport].short}</th>
              <td className={TD} data-testid="clients">{r.clients}</td>
              <td className={TD} data-testid="bytes-in-per-min">{r.bytesInPerMin}</td>
              <td className={TD} data-testid="bytes-out-per-min">{r.bytesOutPerMin}</td>
              <td className={TD} data-testid="requests-per-min">{r.requestsPerMin}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="mt-2 text-sm text-slate-700">{t.measured(result.elapsedMs / 1000)}</p>
    </>
  );
  return (
    <ChartPanel title={t.title} help={t.help(result.requestedMs / 1000, result.pollIntervalMs)} controls={controls} chart={chart} table={table} />
  );
}
