import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ReceiverResult } from '../../../measure/benchmark-result';
import { messages } from '../../messages';
import { ChartPanel, TABLE, TD, TH } from './chart-panel';

const t = messages.compare;

/** Per receiving pane: copies delivered out of those expected, and one-way fan-out latency. */
export function DeliverySection({ receivers }: { receivers: ReceiverResult[] }) {
  const data = receivers.map((r) => ({
    name: messages.transports[r.transport].short,
    p50: r.fanout.p50Ms,
    p95: r.fanout.p95Ms,
    p99: r.fanout.p99Ms,
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
    <table className={TABLE} data-testid="table-delivery">
      <thead>
        <tr>
          <th className={TH}>{t.columns.transport}</th>
          <th className={TH}>{t.columns.delivered}</th>
          <th className={TH}>{t.columns.samples}</th>
          <th className={TH}>{t.columns.p50 + ms}</th>
          <th className={TH}>{t.columns.p95 + ms}</th>
          <th className={TH}>{t.columns.p99 + ms}</th>
        </tr>
      </thead>
      <tbody>
        {receivers.map((r) => (
          <tr key={r.transport} data-testid={`row-${r.transport}`}>
            <th scope="row" className={TD}>{messages.transports[r.transport].short}</th>
            <td className={TD} data-testid={`delivered-${r.transport}`} data-delivered={r.delivered} data-expected={r.expected}>
              {`${r.delivered} / ${r.expected}`}
            </td>
            <td className={TD} data-testid="samples">{r.fanout.count}</td>
            <td className={TD} data-testid="p50">{r.fanout.p50Ms}</td>
            <td className={TD} data-testid="p95">{r.fanout.p95Ms}</td>
            <td className={TD} data-testid="p99">{r.fanout.p99Ms}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  return <ChartPanel title={t.sections.delivery} help={t.sections.deliveryHelp} chart={chart} table={table} />;
}
