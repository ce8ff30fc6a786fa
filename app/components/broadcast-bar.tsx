import { useState, type FormEvent } from 'react';
import { useMessages } from '../messages/messages-provider';
import { FIELD, LABEL, PRIMARY_BUTTON } from './control-classes';

/** One text, sent from every pane at once (each with its own scope and target). */
export function BroadcastBar({ onSend }: { onSend: (text: string) => void }) {
  const messages = useMessages();
  const [text, setText] = useState('');
  const t = messages.broadcast;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (text.trim().length === 0) return;
    onSend(text);
    setText('');
  };
  return (
    <form onSubmit={submit} className="rounded-xl border border-slate-300 bg-white p-3 shadow-sm">
      <label htmlFor="broadcast-text" className={LABEL}>
        {t.label}
      </label>
      <div className="flex gap-2">
        <input
          id="broadcast-text"
          data-testid="broadcast-text"
          className={FIELD}
          value={text}
          placeholder={t.placeholder}
          title={t.help}
          autoComplete="off"
          onChange={(e) => setText(e.target.value)}
        />
        <button type="submit" data-testid="broadcast-send" className={PRIMARY_BUTTON}>
          {t.send}
        </button>
      </div>
      <p className="mt-1 text-sm text-slate-700">{t.help}</p>
    </form>
  );
}
