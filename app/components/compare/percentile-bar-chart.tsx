import type { LaneId } from '../../../protocol';
import type { LatencySummary } from '../../../measure/latency-histogram';
import { PERCENTILE_COLORS } from '../../lib/series-colors';
import { useMessages } from '../../messages/messages-provider';
import { BarChartCard } from './bar-chart-card';
import { useLogScale } from './log-scale-toggle';

const SERIES = [
  { key: 'p50', colour: PERCENTILE_COLORS.p50 },
  { key: 'p95', colour: PERCENTILE_COLORS.p95 },
  { key: 'p99', colour: PERCENTILE_COLORS.p99 },
] as const;

/** p50 / p95 / p99 bars in milliseconds, one group per transport. */
export function PercentileBarChart({ rows }: { rows: { transport: LaneId; summary: LatencySummary }[] }) {
  const messages = useMessages();
  const data = rows.map(({ transport, summary }) => ({
    name: messages.lanes[transport].short,
    p50: summary.p50Ms,
    p95: summary.p95Ms,
    p99: summary.p99Ms,
  }));
  const { log, toggle } = useLogScale(data.flatMap((d) => [d.p50, d.p95, d.p99]));
  return (
    <div className="flex h-full flex-col">
      {toggle}
      <div className="min-h-0 flex-1" data-scale={log ? 'log' : 'linear'}>
        <BarChartCard data={data} series={SERIES} unit={messages.compare.units.ms} yWidth={80} log={log} />
      </div>
    </div>
  );
}
