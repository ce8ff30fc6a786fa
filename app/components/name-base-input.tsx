import { useState } from 'react';
import { isValidName, MAX_NAME_LENGTH } from '../../protocol';
import { useMessages } from '../messages/messages-provider';
import { CommitInput } from './commit-input';
import { FIELD, LABEL } from './control-classes';

/** Room left in a name for the "-socketio" suffix each pane adds. */
export const NAME_SUFFIX_ROOM = '-socketio'.length;

/**
 * The display name the four panes share (each adds its transport). Committing a valid name
 * renames every pane; an invalid one is marked and explained, and nothing is sent.
 */
export function NameBaseInput({ value, onCommit }: { value: string; onCommit: (base: string) => void }) {
  const messages = useMessages();
  const [invalid, setInvalid] = useState(false);
  const t = messages.header;
  return (
    <div className="w-64">
      <label htmlFor="name-base" className={LABEL}>
        {t.nameBaseLabel}
      </label>
      <CommitInput
        id="name-base"
        data-testid="name-base"
        className={FIELD}
        value={value}
        maxLength={MAX_NAME_LENGTH - NAME_SUFFIX_ROOM}
        title={t.nameBaseHelp}
        aria-invalid={invalid}
        aria-describedby={invalid ? 'name-base-error' : undefined}
        autoComplete="off"
        onCommit={(base) => {
          const trimmed = base.trim();
          const ok = isValidName(trimmed);
          setInvalid(!ok);
          if (ok) onCommit(trimmed);
        }}
      />
      {invalid && (
        <p id="name-base-error" role="alert" className="mt-1 text-sm text-red-800">
          {t.nameBaseInvalid}
        </p>
      )}
    </div>
  );
}
