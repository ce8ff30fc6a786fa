import type { TransportId } from '../../protocol';
import type { ChatView } from '../hooks/use-chat-client';
import { useMessages } from '../messages/messages-provider';
import { StateBadge } from './state-badge';

/** A pane's title, connection state and the facts a lecturer points at: sub-transport, id, reconnects. */
export function PaneHeader({ transport, view }: { transport: TransportId; view: ChatView }) {
  const messages = useMessages();
  const info = messages.transports[transport];
  const t = messages.pane;
  return (
    <header className="flex flex-col gap-1">
      <div className="flex items-start justify-between gap-2">
        <h2 id={`pane-${transport}-title`} className="text-xl font-bold text-slate-900">
          {info.name}
        </h2>
        <StateBadge transport={transport} state={view.state} />
      </div>
      <p className="min-h-12 text-sm text-slate-700">{info.summary}</p>
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
