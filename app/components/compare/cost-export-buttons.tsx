import { costToCsv, costToJson, type CostExport } from '../../../measure/cost-export';
import { downloadText } from '../../lib/download';
import { messages } from '../../messages';
import { SECONDARY_BUTTON } from '../control-classes';

/** JSON and CSV downloads of one cost measurement (test ids `export-{kind}-json` / `-csv`). */
export function CostExportButtons({ cost }: { cost: CostExport }) {
  const stem = `transport-lab-${cost.kind}-${cost.result.startedAt.replace(/[:.]/g, '-')}`;
  return (
    <div className="flex gap-2">
      <button
        type="button"
        className={SECONDARY_BUTTON}
        data-testid={`export-${cost.kind}-json`}
        onClick={() => downloadText(costToJson(cost), `${stem}.json`, 'application/json')}
      >
        {messages.compare.exportJson}
      </button>
      <button
        type="button"
        className={SECONDARY_BUTTON}
        data-testid={`export-${cost.kind}-csv`}
        onClick={() => downloadText(costToCsv(cost), `${stem}.csv`, 'text/csv')}
      >
        {messages.compare.exportCsv}
      </button>
    </div>
  );
}
