import type { SenderResult } from '../../../measure/benchmark-result';
import { DIRECTION_COLORS } from '../../lib/series-colors';
import type { Messages } from '../../messages';
import { useMessages } from '../../messages/messages-provider';
import { BarChartCard } from './bar-chart-card';
import { ChartPanel } from './chart-panel';
import { MetricTable, transportRows, type MetricColumn } from './metric-table';


/** The definitions below in the request's language. */
function definitions(messages: Messages) {
  const t = messages.compare;
  const SERIES = [
    { key: t.columns.bytesIn, colour: DIRECTION_COLORS.in },
    { key: t.columns.bytesOut, colour: DIRECTION_COLORS.out },
  ];

  const COLUMNS: MetricColumn<SenderResult>[] = [
    { header: `${t.columns.bytesIn} (${t.units.bytesPerMessage})`, testId: 'bytes-in', value: (s) => s.wire.bytesInPerMessage },
    { header: `${t.columns.bytesOut} (${t.units.bytesPerMessage})`, testId: 'bytes-out', value: (s) => s.wire.bytesOutPerMessage },
    { header: `${t.columns.requests} (${t.units.requestsPerMessage})`, testId: 'requests', value: (s) => s.wire.requestsPerMessage },
    { header: t.columns.samples, testId: 'samples', value: (s) => s.sent },
  ];
  return { SERIES, COLUMNS };
}

/** Bytes in and out and HTTP requests per message, per transport, from the server's sockets. */
export function WireSection({ senders, exact }: { senders: SenderResult[]; exact: boolean }) {
  const messages = useMessages();
  const { SERIES, COLUMNS } = definitions(messages);
  const t = messages.compare;
  const data = senders.map((s) => ({
    name: messages.lanes[s.transport].short,
    [t.columns.bytesIn]: s.wire.bytesInPerMessage,
    [t.columns.bytesOut]: s.wire.bytesOutPerMessage,
  }));
  const chart = <BarChartCard data={data} series={SERIES} unit={t.units.bytesPerMessage} yWidth={90} />;
  const table = <MetricTable testId="table-wire" rowHeading={t.columns.transport} rows={senders} {...transportRows(messages)} columns={COLUMNS} />;
  return <ChartPanel title={t.sections.wire} help={t.sections.wireHelp(exact)} chart={chart} table={table} />;
}
