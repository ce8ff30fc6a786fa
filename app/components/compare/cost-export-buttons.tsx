import { costToCsv, costToJson, type CostExport } from '../../../measure/cost-export';
import { DownloadButtons } from './download-buttons';

/** JSON and CSV downloads of one cost measurement (test ids `export-{kind}-json` / `-csv`). */
export function CostExportButtons({ cost }: { cost: CostExport }) {
  return (
    <DownloadButtons
      stem={`transport-lab-${cost.kind}-${cost.result.startedAt.replace(/[:.]/g, '-')}`}
      jsonTestId={`export-${cost.kind}-json`}
      csvTestId={`export-${cost.kind}-csv`}
      toJson={() => costToJson(cost)}
      toCsv={() => costToCsv(cost)}
    />
  );
}
