import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ConnectCostResult } from '../../../measure/cost-results';
import type { TaskState } from '../../hooks/use-task';
import { messages } from '../../messages';
import { PRIMARY_BUTTON } from '../control-classes';
import { ChartPanel, TABLE, TD, TH } from './chart-panel';
import { CostExportButtons } from './cost-export-buttons';
import { TaskStatus } from './task-status';

const t = messages.compare.connect;
const c = messages.compare.columns;

export interface ConnectCostSectionProps {
  state: TaskState<ConnectCostResult>;
  onMeasure: () => void;
  onCancel: () => void;
  busy: boolean;
  /** Namespace the fresh clients connect in. */
  ns: string;
}

/** "Measure connect cost": a fresh client per transport, bytes/requests/time until its welcome. */
export function ConnectCostSection({ state, onMeasure, onCancel, busy, ns }: ConnectCostSectionProps) {
  const result = state.status === 'done' ? state.result : null;
  const controls = (
    <>
      <div>
        <button type="button" className={PRIMARY_BUTTON} data-testid="measure-connect" disabled={busy} onClick={onMeasure}>
          {t.measure}
        </button>
      </div>
      <TaskStatus testId="connect-status" state={state} onCancel={onCancel} />
      {state.status === 'done' && <CostExportButtons cost={{ kind: 'connect', result: state.result }} />}
    </>
  );
  if (!result) return <ChartPanel title={t.title} help={t.help(ns)} controls={controls} />;
  const data = result.rows.map((r) => ({ name: messages.transports[r.transport].short, [c.bytesIn]: r.bytesIn, [c.bytesOut]: r.bytesOut }));
  const chart = (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={data}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="name" />
        <YAxis unit={` ${t.unitBytes}`} width={80} />
        <Tooltip />
        <Legend />
        <Bar dataKey={c.bytesIn} fill="#1d4ed8" isAnimationActive={false} />
        <Bar dataKey={c.bytesOut} fill="#9333ea" isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
  const table = (
    <table className={TABLE} data-testid="table-connect">
      <thead>
        <tr>
          <th className={TH}>{c.transport}</th>
          <th className={TH}>{`${c.bytesIn} (${t.unitBytes})`}</th>
          <th className={TH}>{`${c.bytesOut} (${t.unitBytes})`}</th>
          <th className={TH}>{c.requests}</th>
          <th className={TH}>{t.ms}</th>
          <th className={TH}>{t.idleBytesInPerSec}</th>
          <th className={TH}>{t.idleBytesOutPerSec}</th>
          <th className={TH}>{t.idleRequestsPerSec}</th>
        </tr>
      </thead>
      <tbody>
        {result.rows.map((r) => (
          <tr key={r.transport} data-testid={`row-${r.transport}`}>
            <th scope="row" className={TD}>{messages.transports[r.transport].short}</th>
            <td className={TD} data-testid="bytes-in">{r.bytesIn}</td>
            <td className={TD} data-testid="bytes-out">{r.bytesOut}</td>
            <td className={TD} data-testid="requests">{r.requests}</td>
            <td className={TD} data-testid="ms">{r.ms}</td>
            <td className={TD} data-testid="idle-bytes-in-per-sec">{r.idleBytesInPerSec}</td>
            <td className={TD} data-testid="idle-bytes-out-per-sec">{r.idleBytesOutPerSec}</td>
            <td className={TD} data-testid="idle-requests-per-sec">{r.idleRequestsPerSec}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  return <ChartPanel title={t.title} help={t.help(result.ns)} controls={controls} chart={chart} table={table} />;
}
