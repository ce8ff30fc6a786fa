import type { BenchmarkResult } from '../../../measure/benchmark-result';
import { useMessages } from '../../messages/messages-provider';
import { CdfSection } from './cdf-section';
import { DeliverySection } from './delivery-section';
import { ExportButtons } from './export-buttons';
import { LatencySection } from './latency-section';
import { LayersSection } from './layers-section';
import { TimelineSection } from './timeline-section';
import { WireSection } from './wire-section';

/** Every section of a finished run, each a chart with its table. */
export function BenchmarkResults({ result }: { result: BenchmarkResult }) {
  const messages = useMessages();
  const errors = Object.entries(result.serverErrors);
  return (
    <div className="flex flex-col gap-4" data-testid="results">
      <ExportButtons result={result} />
      {errors.length > 0 && (
        <p role="alert" className="rounded-md border border-amber-700 bg-amber-50 p-2 text-amber-950">
          {messages.compare.serverErrors(errors.map(([code, n]) => `${code} × ${n}`).join(', '))}
        </p>
      )}
      <LatencySection senders={result.senders} pollRequest={result.pollRequest} />
      <DeliverySection receivers={result.receivers} />
      <WireSection senders={result.senders} exact={result.scenario.isolate} />
      <LayersSection senders={result.senders} exact={result.scenario.isolate} />
      <CdfSection senders={result.senders} />
      <TimelineSection senders={result.senders} />
    </div>
  );
}
