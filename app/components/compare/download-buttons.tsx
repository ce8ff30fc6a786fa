import { downloadText } from '../../lib/download';
import { useMessages } from '../../messages/messages-provider';
import { SECONDARY_BUTTON } from '../control-classes';

export interface DownloadButtonsProps {
  /** File name without extension; `.json` / `.csv` are appended. */
  stem: string;
  jsonTestId: string;
  csvTestId: string;
  /** The files' contents, built only when their button is pressed. */
  toJson: () => string;
  toCsv: () => string;
}

/** A JSON and a CSV download button side by side. */
export function DownloadButtons({ stem, jsonTestId, csvTestId, toJson, toCsv }: DownloadButtonsProps) {
  const messages = useMessages();
  return (
    <div className="flex gap-2">
      <button type="button" className={SECONDARY_BUTTON} data-testid={jsonTestId} onClick={() => downloadText(toJson(), `${stem}.json`, 'application/json')}>
        {messages.compare.exportJson}
      </button>
      <button type="button" className={SECONDARY_BUTTON} data-testid={csvTestId} onClick={() => downloadText(toCsv(), `${stem}.csv`, 'text/csv')}>
        {messages.compare.exportCsv}
      </button>
    </div>
  );
}
