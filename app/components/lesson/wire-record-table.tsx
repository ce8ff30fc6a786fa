'use client';
import type { WireRecord } from '../../../protocol';
import { formatNumber } from '../../lib/number-format';
import { useMessages } from '../../messages/messages-provider';

/** Records of the wire inspector as rows: time from the first, direction, bytes, the summary line. */
export function WireRecordTable({ records, caption, testId }: { records: WireRecord[]; caption: string; testId: string }) {
  const messages = useMessages();
  const t = messages.lesson.websocket;
  const t0 = records[0]?.at ?? 0;
  return (
    // Focusable and named: a scrolling region must be reachable by keyboard (axe found it once real records filled it).
    <div className="max-h-96 overflow-auto rounded-md border border-slate-300" tabIndex={0} role="region" aria-label={caption}>
      <table className="w-full text-left text-sm" data-testid={testId}>
        <caption className="bg-slate-100 p-2 text-left font-semibold">{caption}</caption>
        <thead>
          <tr className="bg-slate-50">
            <th scope="col" className="px-2 py-1">{t.recordColumns.time}</th>
            <th scope="col" className="px-2 py-1">{t.recordColumns.dir}</th>
            <th scope="col" className="px-2 py-1 text-right">{t.recordColumns.bytes}</th>
            <th scope="col" className="px-2 py-1">{t.recordColumns.summary}</th>
          </tr>
        </thead>
        <tbody>
          {records.map((r) => (
            <tr key={r.seq} className={r.dir === 'in' ? 'bg-white' : 'bg-sky-50'} data-kind={r.kind}>
              <td className="px-2 py-1 font-mono">{formatNumber(messages.locale, r.at - t0, 1)}</td>
              <td className="px-2 py-1">{r.dir === 'in' ? t.dirIn : t.dirOut}</td>
              <td className="px-2 py-1 text-right font-mono">{formatNumber(messages.locale, r.bytes)}</td>
              <td className="px-2 py-1 font-mono break-all" translate="no">
                {r.summary}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
