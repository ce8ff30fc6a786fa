import { useCallback, useRef, useState } from 'react';
import type { LogEntry, NewLogEntry } from '../lib/log-entry';

/** Entries a pane keeps; older ones are dropped first. */
export const MAX_LOG_ENTRIES = 200;

/** A bounded, append-only log. `append` is stable across renders. */
export function useMessageLog(max = MAX_LOG_ENTRIES): { entries: LogEntry[]; append: (entry: NewLogEntry) => void } {
  const [entries, setEntries] = useState<LogEntry[]>([]);
  const nextKey = useRef(0);
  const append = useCallback(
    (entry: NewLogEntry) => {
      // The key is drawn outside the updater: StrictMode may call updaters twice.
      const key = ++nextKey.current;
      setEntries((previous) => {
        const list = [...previous, { ...entry, key }];
        return list.length > max ? list.slice(list.length - max) : list;
      });
    },
    [max],
  );
  return { entries, append };
}
