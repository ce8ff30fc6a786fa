import { lanesOf, type LaneId, type TransportId } from '../../protocol';
import type { ChatView } from '../hooks/use-chat-client';
import { useMessages } from '../messages/messages-provider';
import { StateBadge } from './state-badge';

export interface PaneHeaderProps {
  transport: TransportId;
  view: ChatView;
  /** The library variant in use, and how to pick another (shown when the library has several). */
  lane: LaneId;
  onLane: (lane: LaneId) => void;
}

/**
 * A pane's title, connection state and the facts a lecturer points at: the library's variant,
 * the sub-transport in use, id, reconnects.
 */
export function PaneHeader({ transport, view, lane, onLane }: PaneHeaderProps) {
  const messages = useMessages();
  const info = messages.transports[transport];
  const t = messages.pane;
  const lanes = lanesOf(transport);
  return (
    <header className="flex flex-col gap-1">
      <div className="flex items-start justify-between gap-2">
        <h2 id={`pane-${transport}-title`} className="text-xl font-bold text-slate-900">
          {info.name}
        </h2>
        <StateBadge transport={transport} state={view.state} />
      </div>
      <p className="min-h-12 text-sm text-slate-700">{info.summary}</p>
      {lanes.length > 1 && (
        <label className="flex flex-wrap items-center gap-2 text-sm text-slate-800" title={t.variantHelp}>
          <span className="font-semibold">{t.variant}</span>
          <select
            data-testid={`variant-${transport}`}
            className="rounded border border-slate-400 bg-white px-2 py-1"
            value={lane}
            onChange={(e) => onLane(e.target.value as LaneId)}
          >
            {lanes.map((id) => (
              <option key={id} value={id}>
                {messages.lanes[id].variant}
              </option>
            ))}
          </select>
        </label>
      )}
      <dl className="flex flex-wrap gap-x-4 gap-y-0.5 text-sm text-slate-800">
        <div className="flex gap-1.5">
          <dt className="font-semibold">{t.via}</dt>
          <dd data-testid={`via-${transport}`} translate={view.via ? 'no' : undefined} className="font-mono">
            {view.via ?? t.viaNone}
          </dd>
        </div>
        <div className="flex gap-1.5" title={t.reconnectsHelp}>
          <dt className="font-semibold">{t.reconnects}</dt>
          <dd data-testid={`reconnects-${transport}`} className="font-mono">
            {view.reconnects}
          </dd>
        </div>
        <div className="flex min-w-0 basis-full gap-1.5">
          <dt className="font-semibold">{t.myId}</dt>
          <dd data-testid={`id-${transport}`} translate={view.id ? 'no' : undefined} className="truncate font-mono" title={view.id}>
            {view.id ?? t.idPending}
          </dd>
        </div>
      </dl>
    </header>
  );
}
