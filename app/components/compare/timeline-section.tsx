import { CartesianGrid, Legend, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { SenderResult } from '../../../measure/benchmark-result';
import { TRANSPORT_COLORS } from '../../lib/transport-colors';
import { messages } from '../../messages';
import { ChartPanel, TABLE, TD, TH } from './chart-panel';

const t = messages.compare;

/** Every round-trip sample at its intended send time: shows drift, stalls and polling's sawtooth. */
export function TimelineSection({ senders }: { senders: SenderResult[] }) {
  const chart = (
    <ResponsiveContainer width="100%" height="100%">
      <ScatterChart>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis type="number" dataKey="atMs" name={t.columns.sentAt} unit={` ${t.units.ms}`} domain={['auto', 'auto']} />
        <YAxis type="number" dataKey="latencyMs" name={t.columns.latency} unit={` ${t.units.ms}`} width={80} />
        <Tooltip />
        <Legend />
        {senders.map((s) => (
          <Scatter
            key={s.transport}
            name={messages.transports[s.transport].short}
            data={s.timeline}
            fill={TRANSPORT_COLORS[s.transport]}
            isAnimationActive={false}
          />
        ))}
      </ScatterChart>
    </ResponsiveContainer>
  );
  const ms = ` (${t.units.ms})`;
  const table = (
    <table className={TABLE} data-testid="table-timeline">
      <thead>
        <tr>
          <th className={TH}>{t.columns.transport}</th>
          <th className={TH}>{t.columns.samples}</th>
          <th className={TH}>{t.columns.first + ms}</th>
          <th className={TH}>{t.columns.last + ms}</th>
          <th className={TH}>{t.columns.max + ms}</th>
        </tr>
      </thead>
      <tbody>
        {senders.map((s) => (
          <tr key={s.transport} data-testid={`row-${s.transport}`}>
            <th scope="row" className={TD}>{messages.transports[s.transport].short}</th>
            <td className={TD} data-testid="samples">{s.timeline.length}</td>
            <td className={TD} data-testid="first">{s.timeline[0]?.atMs ?? ''}</td>
            <td className={TD} data-testid="last">{s.timeline.at(-1)?.atMs ?? ''}</td>
            <td className={TD} data-testid="max">{s.timeline.reduce((m, p) => Math.max(m, p.latencyMs), 0)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  return <ChartPanel title={t.sections.timeline} help={t.sections.timelineHelp} chart={chart} table={table} />;
}
