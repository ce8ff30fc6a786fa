import type { SenderResult } from '../../../measure/benchmark-result';
import type { LatencySummary } from '../../../measure/latency-histogram';
import type { Messages } from '../../messages';
import { useMessages } from '../../messages/messages-provider';
import { ChartPanel } from './chart-panel';
import { MetricTable, transportRows, type MetricColumn } from './metric-table';
import { PercentileBarChart } from './percentile-bar-chart';

/** The definitions below in the request's language. */
function definitions(messages: Messages) {
  const t = messages.compare;
  const ms = ` (${t.units.ms})`;

  const COLUMNS: MetricColumn<SenderResult>[] = [
    { header: t.columns.samples, testId: 'samples', value: (s) => s.roundTrip.count },
    { header: t.columns.mean + ms, testId: 'mean', value: (s) => s.roundTrip.meanMs },
    { header: t.columns.p50 + ms, testId: 'p50', value: (s) => s.roundTrip.p50Ms },
    { header: t.columns.p90 + ms, testId: 'p90', value: (s) => s.roundTrip.p90Ms },
    { header: t.columns.p95 + ms, testId: 'p95', value: (s) => s.roundTrip.p95Ms },
    { header: t.columns.p99 + ms, testId: 'p99', value: (s) => s.roundTrip.p99Ms },
    { header: t.columns.max + ms, testId: 'max', value: (s) => s.roundTrip.maxMs },
    { header: t.columns.rawP50 + ms, testId: 'raw-p50', value: (s) => s.roundTripRaw.p50Ms },
    { header: t.columns.serverP50 + ms, testId: 'server-p50', value: (s) => s.server.p50Ms },
  ];
  return { COLUMNS };
}

/** Round-trip percentiles per transport: bars for p50/p95/p99 and the full table beside them. */
export function LatencySection({ senders, pollRequest }: { senders: SenderResult[]; pollRequest: LatencySummary | null }) {
  const messages = useMessages();
  const { COLUMNS } = definitions(messages);
  const t = messages.compare;
  const chart = <PercentileBarChart rows={senders.map((s) => ({ transport: s.transport, summary: s.roundTrip }))} />;
  const table = (
    <>
      <MetricTable testId="table-latency" rowHeading={t.columns.transport} rows={senders} {...transportRows(messages)} columns={COLUMNS} />
      {pollRequest && (
        <p className="mt-2 text-sm text-slate-700" data-testid="poll-request" data-mean-ms={pollRequest.meanMs}>
          {t.pollRequest(pollRequest.meanMs, pollRequest.count)}
        </p>
      )}
    </>
  );
  return <ChartPanel title={t.sections.latency} help={t.sections.latencyHelp} chart={chart} table={table} />;
}
