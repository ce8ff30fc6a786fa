import { WIRE_LAYERS, type WireLayer } from '../../../protocol';
import type { SenderResult } from '../../../measure/benchmark-result';
import { LAYER_COLORS } from '../../lib/layer-colors';
import type { Messages } from '../../messages';
import { useMessages } from '../../messages/messages-provider';
import { BarChartCard } from './bar-chart-card';
import { ChartPanel } from './chart-panel';
import { MetricTable, transportRows, type MetricColumn } from './metric-table';

const DIRECTIONS = ['in', 'out'] as const;
type Direction = (typeof DIRECTIONS)[number];

/** The series name of one layer in one direction, e.g. "in: framing". */
/** The definitions below in the request's language. */
function definitions(messages: Messages) {
  const t = messages.compare;
  const key = (dir: Direction, layer: WireLayer) => `${t.layers.direction[dir]}: ${t.layers.names[layer]}`;
  const perMessage = (dir: Direction) => (dir === 'in' ? 'inPerMessage' : 'outPerMessage');

  const SERIES = DIRECTIONS.flatMap((dir) => WIRE_LAYERS.map((layer) => ({ key: key(dir, layer), colour: LAYER_COLORS[dir][layer], stackId: dir })));

  const COLUMNS: MetricColumn<SenderResult>[] = [
    ...DIRECTIONS.flatMap((dir): MetricColumn<SenderResult>[] => [
      ...WIRE_LAYERS.map((layer) => ({
        header: key(dir, layer),
        testId: `${dir}-${layer}`,
        value: (s: SenderResult) => (s.wire.layers ? s.wire.layers[perMessage(dir)][layer] : ''),
      })),
      {
        header: `${t.layers.direction[dir]}: ${t.layers.total}`,
        testId: `${dir}-total`,
        value: (s) => (dir === 'in' ? s.wire.bytesInPerMessage : s.wire.bytesOutPerMessage),
      },
    ]),
    { header: `${t.columns.requests} (${t.units.requestsPerMessage})`, testId: 'requests', value: (s) => s.wire.requestsPerMessage },
    {
      header: `${t.layers.keepaliveRequests} (${t.units.requestsPerMessage})`,
      testId: 'keepalive-requests',
      value: (s) => s.wire.layers?.keepaliveRequestsPerMessage ?? '',
    },
  ];
  return { SERIES, COLUMNS, key, perMessage };
}

/**
 * Bytes per message per transport and direction, stacked payload / framing / http / keepalive
 * (the server's layer split over each transport's phase), with requests per message.
 */
export function LayersSection({ senders, exact }: { senders: SenderResult[]; exact: boolean }) {
  const messages = useMessages();
  const { SERIES, COLUMNS, key, perMessage } = definitions(messages);
  const t = messages.compare;
  const data = senders.map((s) => {
    const row: Record<string, string | number> = { name: messages.lanes[s.transport].short };
    for (const dir of DIRECTIONS) {
      for (const layer of WIRE_LAYERS) {
        const bytes = s.wire.layers?.[perMessage(dir)][layer];
        // No layer split from the server: no bar (a 0 would be a figure nobody measured).
        if (bytes !== undefined) row[key(dir, layer)] = bytes;
      }
    }
    return row;
  });
  const chart = <BarChartCard data={data} series={SERIES} unit={t.units.bytesPerMessage} yWidth={90} />;
  const table = (
    <MetricTable
      testId="table-layers"
      rowHeading={`${t.columns.transport} (${t.units.bytesPerMessage})`}
      rows={senders}
      {...transportRows(messages)}
      columns={COLUMNS}
    />
  );
  const missing = senders.some((s) => s.wire.layers === null);
  return <ChartPanel title={t.layers.title} help={t.layers.help(exact) + (missing ? ` ${t.layers.missing}` : '')} chart={chart} table={table} />;
}
