'use client';
import { useId } from 'react';
import { FIELD, LABEL, SECONDARY_BUTTON } from '../control-classes';
import { useMessages } from '../../messages/messages-provider';

/** The message being followed: its id, how many units carried it, and a way to stop. */
export function FollowForm({ followed, onFollow, units, transports }: { followed: string | undefined; onFollow: (id: string | undefined) => void; units: number; transports: number }) {
  const messages = useMessages();
  const t = messages.inspector.follow;
  const inputId = useId();
  return (
    <fieldset className="flex flex-col gap-1 rounded-lg border border-amber-400 bg-amber-50 p-3">
      <legend className="px-1 font-bold">{t.legend}</legend>
      <p className="text-sm text-slate-700">{t.help}</p>
      <div className="flex flex-wrap items-end gap-2">
        <div>
          <label htmlFor={inputId} className={LABEL}>
            {t.label}
          </label>
          <input
            id={inputId}
            className={`${FIELD} font-mono`}
            value={followed ?? ''}
            onChange={(e) => onFollow(e.target.value.trim() || undefined)}
            data-testid="follow-id"
            translate="no"
          />
        </div>
        {followed && (
          <button type="button" className={SECONDARY_BUTTON} onClick={() => onFollow(undefined)}>
            {t.clear}
          </button>
        )}
      </div>
      {followed && (
        <p role="status" data-testid="follow-status">
          {units > 0 ? t.found(followed, units, transports) : t.none(followed)}
        </p>
      )}
    </fieldset>
  );
}
