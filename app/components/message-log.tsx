import { useLayoutEffect, useRef } from 'react';
import type { TransportId } from '../../protocol';
import type { LogEntry } from '../lib/log-entry';
import { useMessages } from '../messages/messages-provider';
import { SECTION_HEADING } from './control-classes';
import { LogEntryItem } from './log-entry-item';

/** How close to the bottom (px) still counts as "following" the log. */
const FOLLOW_SLACK_PX = 48;

/**
 * A pane's log, newest at the bottom. It follows new entries while the reader is at the bottom and
 * stays put when they have scrolled up to read.
 */
export function MessageLog({ transport, entries }: { transport: TransportId; entries: LogEntry[] }) {
  const messages = useMessages();
  const box = useRef<HTMLDivElement>(null);
  const following = useRef(true);
  const last = entries.at(-1)?.key;

  useLayoutEffect(() => {
    const el = box.current;
    if (el && following.current) el.scrollTop = el.scrollHeight;
  }, [last]);

  return (
    <section aria-labelledby={`log-${transport}-heading`} className="flex min-h-0 flex-col">
      <h3 id={`log-${transport}-heading`} className={SECTION_HEADING}>
        {messages.log.heading}
      </h3>
      <div
        ref={box}
        tabIndex={0}
        aria-labelledby={`log-${transport}-heading`}
        className="h-96 overflow-y-auto rounded-md border border-slate-300 bg-slate-100 p-1.5"
        onScroll={(e) => {
          const el = e.currentTarget;
          following.current = el.scrollHeight - el.scrollTop - el.clientHeight < FOLLOW_SLACK_PX;
        }}
      >
        <ol data-testid={`log-${transport}`} aria-live="polite" className="space-y-1">
          {entries.map((entry) => (
            <LogEntryItem key={entry.key} entry={entry} />
          ))}
        </ol>
        {entries.length === 0 && <p className="p-1 text-sm text-slate-600">{messages.log.empty}</p>}
      </div>
    </section>
  );
}
