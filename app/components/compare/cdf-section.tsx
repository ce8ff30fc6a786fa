import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { SenderResult } from '../../../measure/benchmark-result';
import { LANE_COLORS } from '../../lib/transport-colors';
import { useMessages } from '../../messages/messages-provider';
import { ChartPanel } from './chart-panel';
import { MetricTable, transportRows, type MetricColumn } from './metric-table';

/** Percentiles the table lists (the chart draws every point the histogram gave). */
const TABLE_PERCENTILES = [25, 50, 75, 90, 99, 100];

const COLUMNS: MetricColumn<SenderResult>[] = TABLE_PERCENTILES.map((p) => ({
  header: `${p}%`,
  testId: `cdf-${p}`,
  value: (s) => s.cdf.find((point) => point.percentile === p)?.latencyMs ?? '',
}));

/** The round-trip CDF per transport, read from each HDR histogram. */
export function CdfSection({ senders }: { senders: SenderResult[] }) {
  const messages = useMessages();
  const t = messages.compare;
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
            name={messages.lanes[s.transport].short}
            stroke={LANE_COLORS[s.transport]}
            dot={false}
            isAnimationActive={false}
          />
        ))}
      </LineChart>
    </ResponsiveContainer>
  );
  const table = (
    <MetricTable testId="table-cdf" rowHeading={`${t.columns.percentile} → ${t.columns.latency} (${t.units.ms})`} rows={senders} {...transportRows(messages)} columns={COLUMNS} />
  );
  return <ChartPanel title={t.sections.cdf} help={t.sections.cdfHelp} chart={chart} table={table} />;
}
