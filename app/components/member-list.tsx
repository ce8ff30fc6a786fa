import type { ClientInfo, TransportId } from '../../protocol';
import { useMessages } from '../messages/messages-provider';
import { SECTION_HEADING } from './control-classes';

export interface MemberListProps {
  transport: TransportId;
  members: ClientInfo[];
  myId?: string;
  /** The current direct-message target, highlighted. */
  selectedId: string;
  /** A member was clicked: make it the direct-message target. */
  onPick: (id: string) => void;
}

/** Me first, then everyone else by name. */
function ordered(members: ClientInfo[], myId?: string): ClientInfo[] {
  return [...members].sort((a, b) => Number(b.id === myId) - Number(a.id === myId) || a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}

/** Everyone in my namespace; each entry is a button that picks a direct-message target. */
export function MemberList({ transport, members, myId, selectedId, onPick }: MemberListProps) {
  const messages = useMessages();
  const t = messages.members;
  return (
    <section aria-labelledby={`members-${transport}-heading`}>
      <h3 id={`members-${transport}-heading`} className={SECTION_HEADING}>
        {t.heading(members.length)}
      </h3>
      <ul data-testid={`members-${transport}`} className="max-h-64 space-y-1 overflow-y-auto">
        {ordered(members, myId).map((m) => {
          const isMe = m.id === myId;
          const selected = m.id === selectedId;
          return (
            <li key={m.id} data-testid="member" data-id={m.id} data-me={isMe ? 'true' : undefined}>
              <button
                type="button"
                title={t.pickHelp(m.name)}
                aria-pressed={selected}
                onClick={() => onPick(m.id)}
                className="flex w-full flex-wrap items-baseline gap-x-2 rounded-md border border-slate-300 px-2 py-1 text-left hover:bg-slate-100 aria-pressed:border-indigo-700 aria-pressed:bg-indigo-50"
              >
                <span translate="no" className="font-semibold text-slate-900">
                  {m.name}
                </span>
                <span className="text-sm text-slate-700">{messages.transports[m.transport].short}</span>
                {isMe && <span className="rounded bg-slate-800 px-1.5 text-sm font-bold text-white uppercase">{t.me}</span>}
                <span translate="no" className="w-full truncate font-mono text-sm text-slate-600">
                  {m.id}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
      {members.length === 0 && <p className="text-sm text-slate-600">{t.none}</p>}
    </section>
  );
}
