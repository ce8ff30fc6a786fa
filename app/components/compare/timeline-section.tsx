import { CartesianGrid, Legend, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { SenderResult } from '../../../measure/benchmark-result';
import { LANE_COLORS } from '../../lib/transport-colors';
import type { Messages } from '../../messages';
import { useMessages } from '../../messages/messages-provider';
import { ChartPanel } from './chart-panel';
import { useLogScale } from './log-scale-toggle';
import { MetricTable, transportRows, type MetricColumn } from './metric-table';

/** The definitions below in the request's language. */
function definitions(messages: Messages) {
  const t = messages.compare;
  const ms = ` (${t.units.ms})`;

  const COLUMNS: MetricColumn<SenderResult>[] = [
    { header: t.columns.samples, testId: 'samples', value: (s) => s.timeline.length },
    { header: t.columns.first + ms, testId: 'first', value: (s) => s.timeline[0]?.atMs ?? '' },
    { header: t.columns.last + ms, testId: 'last', value: (s) => s.timeline.at(-1)?.atMs ?? '' },
    { header: t.columns.max + ms, testId: 'max', value: (s) => s.timeline.reduce((m, p) => Math.max(m, p.latencyMs), 0) },
  ];
  return { COLUMNS };
}

/** Every round-trip sample at its intended send time: shows drift, stalls and polling's sawtooth. */
export function TimelineSection({ senders }: { senders: SenderResult[] }) {
  const messages = useMessages();
  const { COLUMNS } = definitions(messages);
  const t = messages.compare;
  const { log, toggle } = useLogScale(senders.flatMap((s) => s.timeline.map((p) => p.latencyMs)));
  const chart = (
    <div className="flex h-full flex-col">
      {toggle}
      <div className="min-h-0 flex-1" data-scale={log ? 'log' : 'linear'}>
        <ResponsiveContainer width="100%" height="100%">
          <ScatterChart>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis type="number" dataKey="atMs" name={t.columns.sentAt} unit={` ${t.units.ms}`} domain={['auto', 'auto']} />
            <YAxis type="number" dataKey="latencyMs" name={t.columns.latency} unit={` ${t.units.ms}`} width={80} scale={log ? 'log' : 'auto'} domain={log ? ['auto', 'auto'] : undefined} allowDataOverflow={log} />
            <Tooltip />
            <Legend />
            {senders.map((s) => (
              <Scatter
                key={s.transport}
                name={messages.lanes[s.transport].short}
                data={s.timeline}
                fill={LANE_COLORS[s.transport]}
                isAnimationActive={false}
              />
            ))}
          </ScatterChart>
        </ResponsiveContainer>
      </div>
    </div>
  );
  const table = <MetricTable testId="table-timeline" rowHeading={t.columns.transport} rows={senders} {...transportRows(messages)} columns={COLUMNS} />;
  return <ChartPanel title={t.sections.timeline} help={t.sections.timelineHelp} chart={chart} table={table} />;
}
