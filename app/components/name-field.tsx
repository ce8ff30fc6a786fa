import type { TransportId } from '../../protocol';
import { MAX_NAME_LENGTH } from '../../protocol';
import { useMessages } from '../messages/messages-provider';
import { CommitInput } from './commit-input';
import { FIELD, LABEL } from './control-classes';

/** The pane's display name; renames on Enter or blur. */
export function NameField({
  transport,
  name,
  onRename,
}: {
  transport: TransportId;
  name: string;
  onRename: (name: string) => void;
}) {
  const messages = useMessages();
  const id = `name-${transport}-input`;
  return (
    <div>
      <label htmlFor={id} className={LABEL}>
        {messages.pane.nameLabel}
      </label>
      <CommitInput
        id={id}
        data-testid={`name-${transport}`}
        className={FIELD}
        value={name}
        maxLength={MAX_NAME_LENGTH}
        title={messages.pane.nameHelp}
        autoComplete="off"
        onCommit={onRename}
      />
    </div>
  );
}
