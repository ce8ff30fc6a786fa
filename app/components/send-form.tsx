import { useState, type FormEvent } from 'react';
import type { ClientInfo, TransportId } from '../../protocol';
import { isUiScope, needsRoom, UI_SCOPES, type SendTarget, type UiScope } from '../lib/ui-scope';
import { memberLine } from '../hooks/use-pane-actions';
import { useMessages } from '../messages/messages-provider';
import { FIELD, LABEL, PRIMARY_BUTTON, SECTION_HEADING } from './control-classes';

export interface SendFormProps {
  transport: TransportId;
  scope: UiScope;
  target: SendTarget;
  members: ClientInfo[];
  myId?: string;
  /** Rooms offered as suggestions for the room field. */
  roomSuggestions: string[];
  onScope: (scope: UiScope) => void;
  onTarget: (target: SendTarget) => void;
  /** Resolves true when the text went out (the field is then cleared). */
  onSend: (text: string) => Promise<boolean>;
}

/**
 * Scope, then the room or recipient when the scope needs one, then the text; Enter sends.
 * The target fields appear only for the scopes that use them, so the form reads as a sentence.
 */
export function SendForm(props: SendFormProps) {
  const messages = useMessages();
  const { transport, scope, target, members, myId, roomSuggestions, onScope, onTarget, onSend } = props;
  const [text, setText] = useState('');
  const t = messages.send;
  const ids = {
    scope: `scope-${transport}-field`,
    room: `target-room-${transport}-field`,
    rooms: `target-room-${transport}-options`,
    client: `target-client-${transport}-field`,
    text: `text-${transport}-field`,
    help: `scope-${transport}-help`,
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const sent = text;
    // Clear at once: on polling the reply takes up to an interval, and clearing only after it
    // would wipe whatever the user typed in the meantime. Put the text back if the send failed
    // and the field is still empty.
    setText('');
    if (!(await onSend(sent))) setText((current) => (current === '' ? sent : current));
  };
  return (
    <form onSubmit={submit} aria-labelledby={`send-${transport}-heading`} className="space-y-2">
      <h3 id={`send-${transport}-heading`} className={SECTION_HEADING}>
        {t.heading}
      </h3>
      <div>
        <label htmlFor={ids.scope} className={LABEL}>
          {t.scopeLabel}
        </label>
        <select
          id={ids.scope}
          data-testid={`scope-${transport}`}
          className={FIELD}
          value={scope}
          aria-describedby={ids.help}
          onChange={(e) => isUiScope(e.target.value) && onScope(e.target.value)}
        >
          {UI_SCOPES.map((s) => (
            <option key={s} value={s}>
              {t.scopes[s]}
            </option>
          ))}
        </select>
        <p id={ids.help} className="mt-1 min-h-10 font-mono text-sm text-slate-700">
          {t.scopeHelp[scope]}
        </p>
      </div>
      {needsRoom(scope) && (
        <div>
          <label htmlFor={ids.room} className={LABEL}>
            {t.roomLabel}
          </label>
          <input
            id={ids.room}
            data-testid={`target-room-${transport}`}
            className={FIELD}
            list={ids.rooms}
            value={target.room}
            placeholder={t.roomPlaceholder}
            autoComplete="off"
            onChange={(e) => onTarget({ ...target, room: e.target.value })}
          />
          <datalist id={ids.rooms}>
            {roomSuggestions.map((room) => (
              <option key={room} value={room} />
            ))}
          </datalist>
        </div>
      )}
      {scope === 'direct' && (
        <div>
          <label htmlFor={ids.client} className={LABEL}>
            {t.clientLabel}
          </label>
          <select
            id={ids.client}
            data-testid={`target-client-${transport}`}
            className={FIELD}
            value={target.to}
            onChange={(e) => onTarget({ ...target, to: e.target.value })}
          >
            <option value="">{t.clientNone}</option>
            {members.map((m) => (
              <option key={m.id} value={m.id}>
                {t.clientOption(memberLine(m, messages), m.id === myId)}
              </option>
            ))}
          </select>
        </div>
      )}
      <div>
        <label htmlFor={ids.text} className={LABEL}>
          {t.textLabel}
        </label>
        <div className="flex gap-2">
          <input
            id={ids.text}
            data-testid={`text-${transport}`}
            className={FIELD}
            value={text}
            placeholder={t.textPlaceholder}
            autoComplete="off"
            onChange={(e) => setText(e.target.value)}
          />
          <button type="submit" data-testid={`send-${transport}`} className={PRIMARY_BUTTON}>
            {t.send}
          </button>
        </div>
      </div>
    </form>
  );
}
