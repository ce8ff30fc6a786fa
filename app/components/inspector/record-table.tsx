'use client';
import { Fragment, useState } from 'react';
import type { WireRecord } from '../../../protocol';
import { formatNumber } from '../../lib/number-format';
import { TRANSPORT_COLORS } from '../../lib/transport-colors';
import { useMessages } from '../../messages/messages-provider';
import { RecordDetails } from './record-details';

/** Rows drawn at once: the newest; the rest stay in the page's store and the exports. */
const MAX_ROWS = 400;

/**
 * The log as a table, newest first: time from the first record shown, transport, connection,
 * direction, unit, bytes, summary. A row opens to its details; carriers of the followed message
 * are highlighted, and empty polls marked.
 */
export function RecordTable({ records, carriers, onFollow }: { records: WireRecord[]; carriers: Set<number>; onFollow: (id: string) => void }) {
  const messages = useMessages();
  const t = messages.inspector;
  const [open, setOpen] = useState<number | undefined>();
  const origin = records[0]?.at ?? 0;
  const rows = records.slice(-MAX_ROWS).reverse();
  const fmt = (v: number, digits = 0) => formatNumber(messages.locale, v, digits);
  return (
    <div className="max-h-[36rem] overflow-auto rounded-lg border border-slate-300 bg-white" tabIndex={0} aria-label={t.heading}>
      <table className="w-full text-left text-sm" data-testid="wire-records">
        <thead className="sticky top-0 bg-slate-100">
          <tr>
            {[t.columns.seq, t.columns.time, t.columns.transport, t.columns.connection, t.columns.dir, t.columns.kind, t.columns.bytes, t.columns.summary].map((c) => (
              <th key={c} scope="col" className="px-2 py-1">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const followed = carriers.has(r.seq);
            const isOpen = open === r.seq;
            return (
              <Fragment key={r.seq}>
                <tr
                  data-testid="wire-record"
                  data-seq={r.seq}
                  data-transport={r.transport}
                  data-followed={followed ? 'true' : undefined}
                  data-empty-poll={r.emptyPoll ? 'true' : undefined}
                  className={`border-t border-slate-200 ${followed ? 'bg-amber-100 outline-2 outline-amber-600' : r.emptyPoll ? 'bg-slate-50 text-slate-600' : ''}`}
                >
                  <td className="px-2 py-0.5">
                    <button
                      type="button"
                      aria-expanded={isOpen}
                      aria-label={isOpen ? t.details.close(r.seq) : t.details.open(r.seq)}
                      className="rounded px-1 font-mono underline"
                      onClick={() => setOpen(isOpen ? undefined : r.seq)}
                    >
                      {r.seq}
                    </button>
                  </td>
                  <td className="px-2 py-0.5 font-mono">{fmt(r.at - origin, 1)}</td>
                  <td className="px-2 py-0.5">
                    <span className="mr-1 inline-block h-2.5 w-2.5 rounded-full" style={{ background: TRANSPORT_COLORS[r.transport] }} aria-hidden="true" />
                    {messages.transports[r.transport].short}
                  </td>
                  <td className="px-2 py-0.5 font-mono" translate="no">
                    {r.connection}
                  </td>
                  <td className="px-2 py-0.5" title={t.dir[r.dir]}>
                    <span aria-hidden="true">{r.dir === 'in' ? '→' : '←'}</span>
                    <span className="sr-only">{t.dir[r.dir]}</span>
                  </td>
                  <td className="px-2 py-0.5">{t.kinds[r.kind]}</td>
                  <td className="px-2 py-0.5 text-right font-mono">{fmt(r.bytes)}</td>
                  <td className="px-2 py-0.5 font-mono break-all" translate="no">
                    {followed && <span className="sr-only">{t.follow.carrier}: </span>}
                    {r.summary}
                  </td>
                </tr>
                {isOpen && (
                  <tr>
                    <td colSpan={8} className="bg-slate-50">
                      <RecordDetails record={r} onFollow={onFollow} />
                    </td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
