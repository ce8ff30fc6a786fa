import { useRef, useState, type InputHTMLAttributes } from 'react';

export interface CommitInputProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'onBlur' | 'onFocus'> {
  /** The committed value, shown whenever the field is not being edited. */
  value: string;
  /** Called on Enter or when the field loses focus, if the text changed. */
  onCommit: (value: string) => void;
}

/**
 * A text input that edits a draft and commits it on Enter or blur; Escape restores the committed
 * value. While not focused it follows `value`, so a name changed elsewhere shows up here.
 */
export function CommitInput({ value, onCommit, onKeyDown, ...rest }: CommitInputProps) {
  const [draft, setDraft] = useState<string | null>(null);
  // The last text handed to onCommit during this edit: Enter then blur must not commit twice.
  const sent = useRef<string | null>(null);
  const commit = (text: string | null) => {
    if (text === null || text === value || text === sent.current) return;
    sent.current = text;
    onCommit(text);
  };
  return (
    <input
      {...rest}
      type="text"
      value={draft ?? value}
      onFocus={() => {
        sent.current = null;
        setDraft(value);
      }}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={() => {
        commit(draft);
        setDraft(null);
      }}
      onKeyDown={(e) => {
        onKeyDown?.(e);
        if (e.key === 'Enter') {
          e.preventDefault();
          commit(draft);
        } else if (e.key === 'Escape') {
          setDraft(value);
        }
      }}
    />
  );
}
