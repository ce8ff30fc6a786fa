import type { ReceiverResult } from '../../../measure/benchmark-result';
import type { Messages } from '../../messages';
import { useMessages } from '../../messages/messages-provider';
import { ChartPanel } from './chart-panel';
import { MetricTable, transportRows, type MetricColumn } from './metric-table';
import { PercentileBarChart } from './percentile-bar-chart';

/** The definitions below in the request's language. */
function definitions(messages: Messages) {
  const t = messages.compare;
  const ms = ` (${t.units.ms})`;

  const COLUMNS: MetricColumn<ReceiverResult>[] = [
    {
      header: t.columns.delivered,
      testId: (r) => `delivered-${r.transport}`,
      value: (r) => `${r.delivered} / ${r.expected}`,
      data: (r) => ({ 'data-delivered': r.delivered, 'data-expected': r.expected }),
    },
    { header: t.columns.samples, testId: 'samples', value: (r) => r.fanout.count },
    { header: t.columns.p50 + ms, testId: 'p50', value: (r) => r.fanout.p50Ms },
    { header: t.columns.p95 + ms, testId: 'p95', value: (r) => r.fanout.p95Ms },
    { header: t.columns.p99 + ms, testId: 'p99', value: (r) => r.fanout.p99Ms },
  ];
  return { COLUMNS };
}

/** Per receiving pane: copies delivered out of those expected, and one-way fan-out latency. */
export function DeliverySection({ receivers }: { receivers: ReceiverResult[] }) {
  const messages = useMessages();
  const { COLUMNS } = definitions(messages);
  const t = messages.compare;
  const chart = <PercentileBarChart rows={receivers.map((r) => ({ transport: r.transport, summary: r.fanout }))} />;
  const table = <MetricTable testId="table-delivery" rowHeading={t.columns.transport} rows={receivers} {...transportRows(messages)} columns={COLUMNS} />;
  return <ChartPanel title={t.sections.delivery} help={t.sections.deliveryHelp} chart={chart} table={table} />;
}
