import { useState } from 'react';
import type { IdleCostResult } from '../../../measure/cost-results';
import { IDLE_SECONDS } from '../../../measure/idle-cost';
import type { TaskState } from '../../hooks/use-task';
import { DIRECTION_COLORS } from '../../lib/series-colors';
import type { Messages } from '../../messages';
import { useMessages } from '../../messages/messages-provider';
import { BarChartCard } from './bar-chart-card';
import { ChartPanel } from './chart-panel';
import { MeasurementControls } from './measurement-controls';
import { MetricTable, transportRows, type MetricColumn } from './metric-table';
import { NumberField } from './number-field';


type IdleRow = IdleCostResult['rows'][number];

/** The definitions below in the request's language. */
function definitions(messages: Messages) {
  const t = messages.compare.idle;
  const SERIES = [
    { key: t.bytesInPerMin, colour: DIRECTION_COLORS.in },
    { key: t.bytesOutPerMin, colour: DIRECTION_COLORS.out },
  ];

  const COLUMNS: MetricColumn<IdleRow>[] = [
    { header: t.clients, testId: 'clients', value: (r) => r.clients },
    { header: t.bytesInPerMin, testId: 'bytes-in-per-min', value: (r) => r.bytesInPerMin },
    { header: t.bytesOutPerMin, testId: 'bytes-out-per-min', value: (r) => r.bytesOutPerMin },
    { header: t.requestsPerMin, testId: 'requests-per-min', value: (r) => r.requestsPerMin },
  ];
  return { SERIES, COLUMNS };
}

export interface IdleCostSectionProps {
  state: TaskState<IdleCostResult>;
  onMeasure: (seconds: number) => void;
  onCancel: () => void;
  /** Another measurement runs (the idle window must see no chat traffic). */
  busy: boolean;
  pollIntervalMs: number;
}

/** "Measure idle cost": bytes and requests per connected client and minute, per transport. */
export function IdleCostSection({ state, onMeasure, onCancel, busy, pollIntervalMs }: IdleCostSectionProps) {
  const messages = useMessages();
  const { SERIES, COLUMNS } = definitions(messages);
  const t = messages.compare.idle;
  const [seconds, setSeconds] = useState(IDLE_SECONDS.default);
  const result = state.status === 'done' ? state.result : null;
  const controls = (
    <MeasurementControls
      fields={
        <NumberField
          label={t.seconds}
          className="block w-32"
          testId="idle-seconds"
          bounds={IDLE_SECONDS}
          value={seconds}
          onValue={setSeconds}
        />
      }
      buttonTestId="measure-idle"
      buttonLabel={t.measure}
      onStart={() => onMeasure(seconds)}
      busy={busy}
      statusTestId="idle-status"
      state={state}
      onCancel={onCancel}
      cost={result && { kind: 'idle', result }}
    />
  );
  if (!result) return <ChartPanel title={t.title} help={t.help(seconds, pollIntervalMs)} controls={controls} />;
  const data = result.rows.map((r) => ({
    name: messages.transports[r.transport].short,
    [t.bytesInPerMin]: r.bytesInPerMin,
    [t.bytesOutPerMin]: r.bytesOutPerMin,
  }));
  const chart = <BarChartCard data={data} series={SERIES} unit={t.unitBytes} yWidth={90} />;
  const table = (
    <>
      <MetricTable
        testId="table-idle"
        data={{ 'data-elapsed-ms': result.elapsedMs }}
        rowHeading={messages.compare.columns.transport}
        rows={result.rows}
        {...transportRows(messages)}
        columns={COLUMNS}
      />
      <p className="mt-2 text-sm text-slate-700">{t.measured(result.elapsedMs / 1000)}</p>
    </>
  );
  return (
    <ChartPanel title={t.title} help={t.help(result.requestedMs / 1000, result.pollIntervalMs)} controls={controls} chart={chart} table={table} />
  );
}
