import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { SenderResult } from '../../../measure/benchmark-result';
import { TRANSPORT_COLORS } from '../../lib/transport-colors';
import { messages } from '../../messages';
import { ChartPanel, TABLE, TD, TH } from './chart-panel';

const t = messages.compare;
/** Percentiles the table lists (the chart draws every point the histogram gave). */
const TABLE_PERCENTILES = [25, 50, 75, 90, 99, 100];

/** The round-trip CDF per transport, read from each HDR histogram. */
export function CdfSection({ senders }: { senders: SenderResult[] }) {
  const chart = (
    <ResponsiveContainer width="100%" height="100%">
      <LineChart>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis type="number" dataKey="latencyMs" unit={` ${t.units.ms}`} scale="log" domain={['dataMin', 'dataMax']} />
        <YAxis type="number" dataKey="percentile" unit="%" domain={[0, 100]} />
        <Tooltip />
        <Legend />
        {senders.map((s) => (
          <Line
            key={s.transport}
            data={s.cdf}
            dataKey="percentile"
            name={messages.transports[s.transport].short}
            stroke={TRANSPORT_COLORS[s.transport]}
            dot={false}
            isAnimationActive={false}
          />
        ))}
      </LineChart>
    </ResponsiveContainer>
  );
  const at = (s: SenderResult, p: number) => s.cdf.find((point) => point.percentile === p)?.latencyMs ?? '';
  const table = (
    <table className={TABLE} data-testid="table-cdf">
      <thead>
        <tr>
          <th className={TH}>{`${t.columns.percentile} → ${t.columns.latency} (${t.units.ms})`}</th>
          {TABLE_PERCENTILES.map((p) => (
            <th key={p} className={TH}>{`${p}%`}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {senders.map((s) => (
          <tr key={s.transport} data-testid={`row-${s.transport}`}>
            <th scope="row" className={TD}>{messages.transports[s.transport].short}</th>
            {TABLE_PERCENTILES.map((p) => (
              <td key={p} className={TD} data-testid={`cdf-${p}`}>{at(s, p)}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
  return <ChartPanel title={t.sections.cdf} help={t.sections.cdfHelp} chart={chart} table={table} />;
}
