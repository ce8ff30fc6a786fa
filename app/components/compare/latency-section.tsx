import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { SenderResult } from '../../../measure/benchmark-result';
import type { LatencySummary } from '../../../measure/latency-histogram';
import { messages } from '../../messages';
import { ChartPanel, TABLE, TD, TH } from './chart-panel';

const t = messages.compare;

/** Round-trip percentiles per transport: bars for p50/p95/p99 and the full table beside them. */
export function LatencySection({ senders, pollRequest }: { senders: SenderResult[]; pollRequest: LatencySummary | null }) {
  const data = senders.map((s) => ({
    name: messages.transports[s.transport].short,
    p50: s.roundTrip.p50Ms,
    p95: s.roundTrip.p95Ms,
    p99: s.roundTrip.p99Ms,
  }));
  const chart = (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={data}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="name" />
        <YAxis unit={` ${t.units.ms}`} width={80} />
        <Tooltip />
        <Legend />
        <Bar dataKey="p50" fill="#0f766e" isAnimationActive={false} />
        <Bar dataKey="p95" fill="#b45309" isAnimationActive={false} />
        <Bar dataKey="p99" fill="#b91c1c" isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
  const ms = ` (${t.units.ms})`;
  const table = (
    <>
      <table className={TABLE} data-testid="table-latency">
        <thead>
          <tr>
            <th className={TH}>{t.columns.transport}</th>
            <th className={TH}>{t.columns.samples}</th>
            <th className={TH}>{t.columns.mean + ms}</th>
            <th className={TH}>{t.columns.p50 + ms}</th>
            <th className={TH}>{t.columns.p90 + ms}</th>
            <th className={TH}>{t.columns.p95 + ms}</th>
            <th className={TH}>{t.columns.p99 + ms}</th>
            <th className={TH}>{t.columns.max + ms}</th>
            <th className={TH}>{t.columns.rawP50 + ms}</th>
            <th className={TH}>{t.columns.serverP50 + ms}</th>
          </tr>
        </thead>
        <tbody>
          {senders.map((s) => (
            <tr key={s.transport} data-testid={`row-${s.transport}`}>
              <th scope="row" className={TD}>{messages.transports[s.transport].short}</th>
              <td className={TD} data-testid="samples">{s.roundTrip.count}</td>
              <td className={TD} data-testid="mean">{s.roundTrip.meanMs}</td>
              <td className={TD} data-testid="p50">{s.roundTrip.p50Ms}</td>
              <td className={TD} data-testid="p90">{s.roundTrip.p90Ms}</td>
              <td className={TD} data-testid="p95">{s.roundTrip.p95Ms}</td>
              <td className={TD} data-testid="p99">{s.roundTrip.p99Ms}</td>
              <td className={TD} data-testid="max">{s.roundTrip.maxMs}</td>
              <td className={TD} data-testid="raw-p50">{s.roundTripRaw.p50Ms}</td>
              <td className={TD} data-testid="server-p50">{s.server.p50Ms}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {pollRequest && (
        <p className="mt-2 text-sm text-slate-700" data-testid="poll-request" data-mean-ms={pollRequest.meanMs}>
          {t.pollRequest(pollRequest.meanMs, pollRequest.count)}
        </p>
      )}
    </>
  );
  return <ChartPanel title={t.sections.latency} help={t.sections.latencyHelp} chart={chart} table={table} />;
}
