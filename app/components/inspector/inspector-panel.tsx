'use client';
import { useMemo, useState } from 'react';
import { TRANSPORT_IDS, type TransportId } from '../../../protocol';
import { useWireStream } from '../../hooks/use-wire-stream';
import { carriersOf, visibleRecords } from '../../lib/inspector/record-store';
import { useMessages } from '../../messages/messages-provider';
import { SECONDARY_BUTTON } from '../control-classes';
import { FollowForm } from './follow-form';
import { PollWaste } from './poll-waste';
import { RecordTable } from './record-table';
import { TimelineRun } from './timeline-run';

/**
 * The live wire: controls (pause, transports, exports), polling's waste, the followed message,
 * the records table, and the negotiation timeline. Used by `/inspector` and under the chat panes.
 * @param followed the message id being followed (owned by the page, so a chat pane can set it)
 */
export function InspectorPanel({ followed, onFollow, pollIntervalMs }: { followed: string | undefined; onFollow: (id: string | undefined) => void; pollIntervalMs: number }) {
  const messages = useMessages();
  const t = messages.inspector;
  const stream = useWireStream(true);
  const [shown, setShown] = useState<ReadonlySet<TransportId>>(() => new Set(TRANSPORT_IDS));
  const records = useMemo(() => visibleRecords(stream.store, shown), [stream.store, shown]);
  const carriers = useMemo(() => carriersOf(stream.store.records, followed), [stream.store.records, followed]);
  const toggle = (id: TransportId) =>
    setShown((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  if (stream.state === 'off') return <p role="status">{t.off}</p>;
  const paused = stream.state === 'paused';
  return (
    <div className="flex flex-col gap-3" data-testid="inspector-panel">
      <p className="text-sm text-slate-700">{t.privacy}</p>
      <div className="flex flex-wrap items-center gap-3">
        <button type="button" className={SECONDARY_BUTTON} onClick={paused ? stream.resume : stream.pause} data-testid="inspector-pause">
          {paused ? t.controls.resume : t.controls.pause}
        </button>
        <button type="button" className={SECONDARY_BUTTON} onClick={stream.clear}>
          {t.controls.clear}
        </button>
        <fieldset className="flex flex-wrap items-center gap-2">
          <legend className="sr-only">{t.controls.transports}</legend>
          {TRANSPORT_IDS.map((id) => (
            <label key={id} className="flex items-center gap-1">
              <input type="checkbox" checked={shown.has(id)} onChange={() => toggle(id)} data-testid={`inspector-show-${id}`} />
              {messages.transports[id].short}
            </label>
          ))}
        </fieldset>
        <a className="underline" href="/api/wire/export.json" download>
          {t.controls.exportJson}
        </a>
        <a className="underline" href="/api/wire/export.har" download data-testid="export-har">
          {t.controls.exportHar}
        </a>
        <span role="status" className="text-sm" data-testid="inspector-state" data-state={stream.state}>
          {stream.state === 'live' ? t.stream.live : stream.state === 'paused' ? t.stream.paused : stream.state === 'connecting' ? t.stream.connecting : ''}
        </span>
      </div>
      {stream.wrapped && <p className="text-sm text-amber-900">{t.stream.wrapped}</p>}
      {stream.overflowed && <p className="text-sm text-amber-900">{t.stream.overflow}</p>}
      <div className="grid gap-3 lg:grid-cols-2">
        <PollWaste polls={stream.store.polls} />
        <FollowForm followed={followed} onFollow={onFollow} units={carriers.seqs.size} transports={carriers.transports.size} />
      </div>
      <p className="text-sm">{t.controls.showing(records.length, stream.store.records.length)}</p>
      <RecordTable records={records} carriers={carriers.seqs} onFollow={onFollow} />
      <TimelineRun pollIntervalMs={pollIntervalMs} />
    </div>
  );
}
