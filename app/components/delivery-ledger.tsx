import type { RecoveryReport, TransportId } from '../../protocol';
import type { LedgerCounts } from '../../client/stream-ledger';
import { useMessages } from '../messages/messages-provider';
import { SECTION_HEADING } from './control-classes';

export interface DeliveryLedgerProps {
  transport: TransportId;
  counts: LedgerCounts;
  /** The server's answer to the last resume; a notice shows when it could not recover. */
  recovery?: RecoveryReport;
}

/** Counts per stream position (client/stream-ledger.ts), with the test ids the e2e reads. */
const ROWS = [
  ['received', 'received'],
  ['missed', 'missed'],
  ['duplicated', 'duplicated'],
  ['outOfOrder', 'out-of-order'],
  ['recovered', 'recovered'],
] as const;

/** What arrived, what was lost, what was dropped as a copy: the delivery guarantee, made visible. */
export function DeliveryLedger({ transport, counts, recovery }: DeliveryLedgerProps) {
  const messages = useMessages();
  const t = messages.ledger;
  return (
    <section aria-labelledby={`ledger-${transport}-heading`}>
      <h3 id={`ledger-${transport}-heading`} className={SECTION_HEADING}>
        {t.heading}
      </h3>
      {recovery && !recovery.recovered && (
        <p data-testid={`recovery-notice-${transport}`} role="status" className="mb-2 rounded-md border border-amber-600 bg-amber-50 px-2 py-1 text-sm text-amber-900">
          {t.notRecovered(recovery.missedStreams?.length ?? 0, counts.missed, counts.unknownGaps > 0)}
        </p>
      )}
      <table data-testid={`ledger-${transport}`} className="w-full text-sm" title={t.help}>
        <tbody>
          {ROWS.map(([key, id]) => (
            <tr key={id} className="border-b border-slate-200 last:border-0">
              <th scope="row" className="py-0.5 text-left font-normal text-slate-700">
                {t.labels[key]}
              </th>
              <td data-testid={id} className="py-0.5 text-right font-mono text-slate-900">
                {counts[key]}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
