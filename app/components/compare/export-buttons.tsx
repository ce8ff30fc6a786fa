import type { BenchmarkResult } from '../../../measure/benchmark-result';
import { resultToCsv, resultToJson } from '../../../measure/results-export';
import { downloadText } from '../../lib/download';
import { messages } from '../../messages';
import { SECONDARY_BUTTON } from '../control-classes';

/** JSON and CSV downloads of the run on screen. */
export function ExportButtons({ result }: { result: BenchmarkResult }) {
  const stem = `transport-lab-${result.startedAt.replace(/[:.]/g, '-')}`;
  return (
    <div className="flex gap-2">
      <button
        type="button"
        className={SECONDARY_BUTTON}
        data-testid="export-json"
        onClick={() => downloadText(resultToJson(result), `${stem}.json`, 'application/json')}
      >
        {messages.compare.exportJson}
      </button>
      <button
        type="button"
        className={SECONDARY_BUTTON}
        data-testid="export-csv"
        onClick={() => downloadText(resultToCsv(result), `${stem}.csv`, 'text/csv')}
      >
        {messages.compare.exportCsv}
      </button>
    </div>
  );
}
