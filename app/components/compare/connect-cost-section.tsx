import type { ConnectCostResult } from '../../../measure/cost-results';
import type { TaskState } from '../../hooks/use-task';
import { formatNumber } from '../../lib/number-format';
import { DIRECTION_COLORS } from '../../lib/series-colors';
import type { Messages } from '../../messages';
import { useMessages } from '../../messages/messages-provider';
import { NegotiationTimeline } from '../inspector/negotiation-timeline';
import { BarChartCard } from './bar-chart-card';
import { ChartPanel } from './chart-panel';
import { MeasurementControls } from './measurement-controls';
import { MetricTable, transportRows, type MetricColumn } from './metric-table';


type ConnectRow = ConnectCostResult['rows'][number];

/** The definitions below in the request's language. */
function definitions(messages: Messages) {
  const t = messages.compare.connect;
  const c = messages.compare.columns;
  const SERIES = [
    { key: c.bytesIn, colour: DIRECTION_COLORS.in },
    { key: c.bytesOut, colour: DIRECTION_COLORS.out },
  ];

  const COLUMNS: MetricColumn<ConnectRow>[] = [
    { header: `${c.bytesIn} (${t.unitBytes})`, testId: 'bytes-in', value: (r) => r.bytesIn },
    { header: `${c.bytesOut} (${t.unitBytes})`, testId: 'bytes-out', value: (r) => r.bytesOut },
    { header: c.requests, testId: 'requests', value: (r) => r.requests },
    { header: t.ms, testId: 'ms', value: (r) => r.ms },
    { header: t.idleBytesInPerSec, testId: 'idle-bytes-in-per-sec', value: (r) => r.idleBytesInPerSec },
    { header: t.idleBytesOutPerSec, testId: 'idle-bytes-out-per-sec', value: (r) => r.idleBytesOutPerSec },
    { header: t.idleRequestsPerSec, testId: 'idle-requests-per-sec', value: (r) => r.idleRequestsPerSec },
  ];
  return { SERIES, COLUMNS };
}

export interface ConnectCostSectionProps {
  state: TaskState<ConnectCostResult>;
  onMeasure: () => void;
  onCancel: () => void;
  busy: boolean;
  /** Namespace the fresh clients connect in. */
  ns: string;
}

/**
 * "Measure connect cost": a fresh client per lane, bytes/requests/time until its welcome, and the
 * negotiation timeline of those clients when the server runs the wire inspector.
 */
export function ConnectCostSection({ state, onMeasure, onCancel, busy, ns }: ConnectCostSectionProps) {
  const messages = useMessages();
  const { SERIES, COLUMNS } = definitions(messages);
  const t = messages.compare.connect;
  const c = messages.compare.columns;
  const result = state.status === 'done' ? state.result : null;
  const controls = (
    <MeasurementControls
      buttonTestId="measure-connect"
      buttonLabel={t.measure}
      onStart={onMeasure}
      busy={busy}
      statusTestId="connect-status"
      state={state}
      onCancel={onCancel}
      cost={result && { kind: 'connect', result }}
    />
  );
  if (!result) return <ChartPanel title={t.title} help={t.help(ns)} controls={controls} />;
  const data = result.rows.map((r) => ({ name: messages.lanes[r.transport].short, [c.bytesIn]: r.bytesIn, [c.bytesOut]: r.bytesOut }));
  const chart = <BarChartCard data={data} series={SERIES} unit={t.unitBytes} yWidth={80} />;
  const table = <MetricTable testId="table-connect" rowHeading={c.transport} rows={result.rows} {...transportRows(messages)} columns={COLUMNS} />;
  const withTimeline = result.rows.filter((r) => r.timeline && r.timeline.length > 0);
  const lanes = withTimeline.map((r) => ({
    key: r.transport,
    label: messages.inspector.timeline.lane(messages.lanes[r.transport].short, formatNumber(messages.locale, r.ms, 1)),
    marks: r.timeline!,
  }));
  return (
    <>
      <ChartPanel title={t.title} help={t.help(result.ns)} controls={controls} chart={chart} table={table} />
      {lanes.length > 0 && (
        <section aria-labelledby="connect-timeline-heading" className="flex flex-col gap-2 rounded-xl border border-slate-300 bg-white p-4">
          <h3 id="connect-timeline-heading" className="text-lg font-bold">
            {t.timelineHeading}
          </h3>
          <p className="text-sm text-slate-700">{t.timelineHelp}</p>
          <NegotiationTimeline lanes={lanes} testId="connect-timeline" />
        </section>
      )}
    </>
  );
}
