import type { TransportId } from '../../protocol';
import type { ListKind } from '../hooks/use-pane-actions';
import { useMessages } from '../messages/messages-provider';
import { SECONDARY_BUTTON, SECTION_HEADING } from './control-classes';

const BUTTONS: { kind: ListKind; testId: string; label: 'clients' | 'rooms' | 'myRooms' | 'roomClients' }[] = [
  { kind: 'clients', testId: 'list-clients', label: 'clients' },
  { kind: 'rooms', testId: 'list-rooms', label: 'rooms' },
  { kind: 'client-rooms', testId: 'list-my-rooms', label: 'myRooms' },
  { kind: 'room-clients', testId: 'list-room-clients', label: 'roomClients' },
];

/** Buttons that ask the server for a list; the answer lands in the log. */
export function ListButtons({ transport, onList }: { transport: TransportId; onList: (kind: ListKind) => void }) {
  const messages = useMessages();
  return (
    <section aria-labelledby={`lists-${transport}-heading`}>
      <h3 id={`lists-${transport}-heading`} className={SECTION_HEADING}>
        {messages.lists.heading}
      </h3>
      <div className="flex flex-wrap gap-1.5">
        {BUTTONS.map((b) => (
          <button
            key={b.kind}
            type="button"
            data-testid={`${b.testId}-${transport}`}
            className={SECONDARY_BUTTON}
            title={b.kind === 'room-clients' ? messages.lists.roomClientsHelp : undefined}
            onClick={() => onList(b.kind)}
          >
            {messages.lists[b.label]}
          </button>
        ))}
      </div>
    </section>
  );
}
