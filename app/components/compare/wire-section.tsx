import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { SenderResult } from '../../../measure/benchmark-result';
import { messages } from '../../messages';
import { ChartPanel, TABLE, TD, TH } from './chart-panel';

const t = messages.compare;

/** Bytes in and out and HTTP requests per message, per transport, from the server's sockets. */
export function WireSection({ senders, exact }: { senders: SenderResult[]; exact: boolean }) {
  const data = senders.map((s) => ({
    name: messages.transports[s.transport].short,
    [t.columns.bytesIn]: s.wire.bytesInPerMessage,
    [t.columns.bytesOut]: s.wire.bytesOutPerMessage,
  }));
  const chart = (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={data}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="name" />
        <YAxis unit={` ${t.units.bytesPerMessage}`} width={90} />
        <Tooltip />
        <Legend />
        <Bar dataKey={t.columns.bytesIn} fill="#1d4ed8" isAnimationActive={false} />
        <Bar dataKey={t.columns.bytesOut} fill="#9333ea" isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
  const table = (
    <table className={TABLE} data-testid="table-wire">
      <thead>
        <tr>
          <th className={TH}>{t.columns.transport}</th>
          <th className={TH}>{`${t.columns.bytesIn} (${t.units.bytesPerMessage})`}</th>
          <th className={TH}>{`${t.columns.bytesOut} (${t.units.bytesPerMessage})`}</th>
          <th className={TH}>{`${t.columns.requests} (${t.units.requestsPerMessage})`}</th>
          <th className={TH}>{t.columns.samples}</th>
        </tr>
      </thead>
      <tbody>
        {senders.map((s) => (
          <tr key={s.transport} data-testid={`row-${s.transport}`}>
            <th scope="row" className={TD}>{messages.transports[s.transport].short}</th>
            <td className={TD} data-testid="bytes-in">{s.wire.bytesInPerMessage}</td>
            <td className={TD} data-testid="bytes-out">{s.wire.bytesOutPerMessage}</td>
            <td className={TD} data-testid="requests">{s.wire.requestsPerMessage}</td>
            <td className={TD} data-testid="samples">{s.sent}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  return <ChartPanel title={t.sections.wire} help={t.sections.wireHelp(exact)} chart={chart} table={table} />;
}
