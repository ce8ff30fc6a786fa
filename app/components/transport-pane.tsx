import { useCallback, useImperativeHandle, useMemo, useState, type Ref } from 'react';
import type { LaneId, TransportId } from '../../protocol';
import { useChatClient } from '../hooks/use-chat-client';
import { useMessageLog } from '../hooks/use-message-log';
import { usePaneActions } from '../hooks/use-pane-actions';
import type { SendTarget, UiScope } from '../lib/ui-scope';
import { DeliveryLedger } from './delivery-ledger';
import { ListButtons } from './list-buttons';
import { MemberList } from './member-list';
import { MessageLog } from './message-log';
import { NameField } from './name-field';
import { PaneHeader } from './pane-header';
import { PaneTimeline } from './pane-timeline';
import { RoomControls } from './room-controls';
import { SendForm } from './send-form';

/** What the page can ask of a pane from outside (the broadcast bar, the shared name). */
export interface PaneHandle {
  /** Sends `text` with this pane's current scope and target. */
  sendText(text: string): Promise<boolean>;
  rename(name: string): Promise<boolean>;
}

export interface TransportPaneProps {
  transport: TransportId;
  ns: string;
  pollIntervalMs: number;
  initialName: string;
  ref?: Ref<PaneHandle>;
}

/** Accent stripe per transport, so a glance at the projector tells the columns apart. */
const ACCENT: Record<TransportId, string> = {
  polling: 'border-t-violet-600',
  ws: 'border-t-sky-600',
  sockjs: 'border-t-emerald-600',
  socketio: 'border-t-orange-600',
};

/** One transport's chat client, with everything a student can do with it. */
export function TransportPane({ transport, ns, pollIntervalMs, initialName, ref }: TransportPaneProps) {
  const { entries, append } = useMessageLog();
  const [lane, setLane] = useState<LaneId>(transport);
  const { client, view } = useChatClient({ transport, lane, ns, pollIntervalMs, initialName, onLog: append });
  const actions = usePaneActions(client, transport, view.members, append);
  const [scope, setScope] = useState<UiScope>('all');
  const [target, setTarget] = useState<SendTarget>({ room: '', to: '' });

  // A recipient who left is no recipient: fall back to "choose a member".
  const to = view.members.some((m) => m.id === target.to) ? target.to : '';
  const effectiveTarget = useMemo(() => ({ room: target.room, to }), [target.room, to]);
  const send = useCallback((text: string) => actions.send(scope, effectiveTarget, text), [actions, scope, effectiveTarget]);

  useImperativeHandle(ref, () => ({ sendText: send, rename: actions.rename }), [send, actions]);

  const join = async (rooms: string[]) => {
    const ok = await actions.join(rooms);
    if (ok && !target.room && rooms[0]) setTarget((t) => ({ ...t, room: rooms[0] }));
    return ok;
  };
  const pickRoom = (room: string) => {
    setTarget((t) => ({ ...t, room }));
    if (scope !== 'room' && scope !== 'room-others') setScope('room');
  };
  const pickMember = (id: string) => {
    setTarget((t) => ({ ...t, to: id }));
    setScope('direct');
  };

  return (
    <section
      data-testid={`pane-${transport}`}
      aria-labelledby={`pane-${transport}-title`}
      className={`flex min-w-0 flex-col gap-4 rounded-xl border border-t-8 border-slate-300 bg-white p-4 shadow-sm ${ACCENT[transport]}`}
    >
      <PaneHeader transport={transport} view={view} lane={lane} onLane={setLane} />
      <SendForm
        transport={transport}
        scope={scope}
        target={effectiveTarget}
        members={view.members}
        myId={view.id}
        roomSuggestions={view.rooms}
        onScope={setScope}
        onTarget={setTarget}
        onSend={send}
      />
      <MessageLog transport={transport} entries={entries} />
      <DeliveryLedger transport={transport} counts={view.ledger} recovery={view.recovery} />
      <RoomControls transport={transport} rooms={view.rooms} onJoin={join} onLeave={actions.leave} onPick={pickRoom} />
      <NameField transport={transport} name={view.name} onRename={(name) => void actions.rename(name)} />
      <MemberList transport={transport} members={view.members} myId={view.id} selectedId={to} onPick={pickMember} />
      <ListButtons transport={transport} onList={(kind) => void actions.list(kind, target.room.trim())} />
      <PaneTimeline transport={transport} lane={lane} clientId={view.id} />
    </section>
  );
}
