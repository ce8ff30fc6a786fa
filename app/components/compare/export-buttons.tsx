import type { BenchmarkResult } from '../../../measure/benchmark-result';
import { resultToCsv, resultToJson } from '../../../measure/results-export';
import { DownloadButtons } from './download-buttons';

/** JSON and CSV downloads of the run on screen. */
export function ExportButtons({ result }: { result: BenchmarkResult }) {
  return (
    <DownloadButtons
      stem={`transport-lab-${result.startedAt.replace(/[:.]/g, '-')}`}
      jsonTestId="export-json"
      csvTestId="export-csv"
      toJson={() => resultToJson(result)}
      toCsv={() => resultToCsv(result)}
    />
  );
}
