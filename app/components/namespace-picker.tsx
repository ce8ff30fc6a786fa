import { useMessages } from '../messages/messages-provider';
import { FIELD, LABEL } from './control-classes';

/** Chooses the namespace all four panes live in; changing it reconnects them. */
export function NamespacePicker({
  namespaces,
  value,
  onChange,
}: {
  namespaces: string[];
  value: string;
  onChange: (ns: string) => void;
}) {
  const messages = useMessages();
  const t = messages.header;
  return (
    <div className="w-40">
      <label htmlFor="namespace-select" className={LABEL} title={t.namespaceHelp}>
        {t.namespaceLabel}
      </label>
      <select
        id="namespace-select"
        data-testid="namespace-select"
        className={`${FIELD} font-mono`}
        value={value}
        title={t.namespaceHelp}
        onChange={(e) => onChange(e.target.value)}
      >
        {namespaces.map((ns) => (
          <option key={ns} value={ns}>
            {ns}
          </option>
        ))}
      </select>
    </div>
  );
}
