import type { TransportId } from '../../protocol';
import type { ClientState } from '../../client/chat-client';
import { useMessages } from '../messages/messages-provider';

/** The states a badge shows; a client not yet started counts as connecting. */
type BadgeState = Exclude<ClientState, 'idle'>;

const BADGE: Record<BadgeState, string> = {
  open: 'border-green-700 bg-green-100 text-green-900',
  connecting: 'border-amber-600 bg-amber-100 text-amber-900',
  reconnecting: 'border-amber-600 bg-amber-100 text-amber-900',
  closed: 'border-red-700 bg-red-100 text-red-900',
};

const DOT: Record<BadgeState, string> = {
  open: 'bg-green-600',
  connecting: 'bg-amber-500 animate-pulse',
  reconnecting: 'bg-amber-500 animate-pulse',
  closed: 'bg-red-600',
};

/** Connection state, as colour and words (never colour alone). */
export function StateBadge({ transport, state }: { transport: TransportId; state: ClientState }) {
  const messages = useMessages();
  const shown: BadgeState = state === 'idle' ? 'connecting' : state;
  return (
    <span
      data-testid={`state-${transport}`}
      data-state={shown}
      role="status"
      className={`inline-flex items-center gap-1.5 rounded-full border px-2.5 py-0.5 text-sm font-semibold whitespace-nowrap ${BADGE[shown]}`}
    >
      <span aria-hidden="true" className={`h-2.5 w-2.5 rounded-full ${DOT[shown]}`} />
      {messages.states[shown]}
    </span>
  );
}
