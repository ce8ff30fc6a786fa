import { useState, type FormEvent } from 'react';
import type { TransportId } from '../../protocol';
import { parseRoomNames } from '../lib/room-names';
import { useMessages } from '../messages/messages-provider';
import { FIELD, LABEL, PRIMARY_BUTTON, SECONDARY_BUTTON, SECTION_HEADING } from './control-classes';

export interface RoomControlsProps {
  transport: TransportId;
  rooms: string[];
  /** Each resolves true on success (the field is then cleared). */
  onJoin: (rooms: string[]) => Promise<boolean>;
  onLeave: (rooms: string[]) => Promise<boolean>;
  /** A room in my list was clicked: make it the send form's target. */
  onPick: (room: string) => void;
}

/** Join and leave one or several rooms at once, and the list of my rooms. */
export function RoomControls({ transport, rooms, onJoin, onLeave, onPick }: RoomControlsProps) {
  const messages = useMessages();
  const [input, setInput] = useState('');
  const t = messages.rooms;
  const inputId = `room-input-${transport}-field`;
  const run = async (action: (rooms: string[]) => Promise<boolean>) => {
    const typed = input;
    // Clear at once, restore on failure if nothing new was typed (see SendForm).
    setInput('');
    if (!(await action(parseRoomNames(typed)))) setInput((current) => (current === '' ? typed : current));
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(onJoin);
  };
  return (
    <section aria-labelledby={`rooms-${transport}-heading`}>
      <h3 id={`rooms-${transport}-heading`} className={SECTION_HEADING}>
        {t.heading}
      </h3>
      <form onSubmit={submit}>
        <label htmlFor={inputId} className={LABEL}>
          {t.inputLabel}
        </label>
        <div className="flex gap-2">
          <input
            id={inputId}
            data-testid={`room-input-${transport}`}
            className={FIELD}
            value={input}
            placeholder={t.inputPlaceholder}
            autoComplete="off"
            onChange={(e) => setInput(e.target.value)}
          />
          <button type="submit" data-testid={`join-${transport}`} className={PRIMARY_BUTTON}>
            {t.join}
          </button>
          <button type="button" data-testid={`leave-${transport}`} className={SECONDARY_BUTTON} onClick={() => void run(onLeave)}>
            {t.leave}
          </button>
        </div>
      </form>
      <p className="mt-2 text-sm font-semibold text-slate-700">{t.mine}</p>
      <ul data-testid={`rooms-${transport}`} className="flex flex-wrap gap-1.5">
        {rooms.map((room) => (
          <li key={room}>
            <button
              type="button"
              title={t.useAsTarget(room)}
              className="rounded-full border border-indigo-700 bg-indigo-50 px-2.5 py-0.5 text-sm font-medium text-indigo-900 hover:bg-indigo-100"
              onClick={() => onPick(room)}
            >
              {room}
            </button>
          </li>
        ))}
      </ul>
      {rooms.length === 0 && <p className="text-sm text-slate-600">{t.none}</p>}
    </section>
  );
}
