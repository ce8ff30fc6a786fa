import type { LogEntry, LogKind, LogTarget } from '../lib/log-entry';
import type { Messages } from '../messages';
import { useMessages } from '../messages/messages-provider';
import { formatClockTime } from '../lib/time-format';
import { useFollow } from './inspector/follow-context';

const ENTRY: Record<LogKind, string> = {
  message: 'border-l-4 border-sky-600 bg-white',
  'direct-sent': 'border-l-4 border-indigo-600 bg-indigo-50',
  system: 'border-l-4 border-slate-400 bg-slate-50 text-slate-800',
  error: 'border-l-4 border-red-700 bg-red-50 text-red-950',
};

/** The words for an entry's audience. */
export function targetLabel(target: LogTarget, messages: Messages): string {
  const t = messages.log.targets;
  switch (target.kind) {
    case 'all':
      return t.all;
    case 'others':
      return t.others;
    case 'room':
      return target.echo ? t.room(target.room) : t.roomNoEcho(target.room);
    case 'direct':
      return t.direct(target.name);
    case 'me':
      return t.me;
  }
}

/** One log line: who, to whom, over what, when; then the text (always as text, never as HTML). */
export function LogEntryItem({ entry }: { entry: LogEntry }) {
  const messages = useMessages();
  const follow = useFollow();
  return (
    <li data-testid="log-entry" data-kind={entry.kind} className={`rounded-r-md px-2 py-1 ${ENTRY[entry.kind]}`}>
      <div className="flex flex-wrap items-baseline gap-x-1.5 text-sm text-slate-700">
        <time dateTime={new Date(entry.at).toISOString()} className="font-mono">
          {formatClockTime(messages.locale, entry.at)}
        </time>
        {entry.from ? (
          <>
            <span data-testid="log-from" translate="no" className="font-semibold text-slate-900">
              {entry.from.name}
            </span>
            <span data-testid="log-transport">({messages.transports[entry.from.transport].short})</span>
          </>
        ) : (
          <span className="italic" translate={entry.kind === 'error' ? 'no' : undefined}>
            {entry.kind === 'error' ? entry.code : messages.log.system}
          </span>
        )}
        {entry.target && (
          <span data-testid="log-target">
            {messages.log.arrow} {targetLabel(entry.target, messages)}
          </span>
        )}
      </div>
      {/* What someone typed is theirs, not the page's: not to be translated (nor checked as page text). */}
      <p data-testid="log-text" translate={entry.from ? 'no' : undefined} className="break-words whitespace-pre-wrap text-base">
        {entry.text}
      </p>
      {follow && entry.messageId && (
        <button
          type="button"
          className="text-sm text-sky-900 underline underline-offset-2"
          aria-label={messages.inspector.follow.buttonLabel(entry.text)}
          onClick={() => follow(entry.messageId!)}
          data-testid="follow-message"
        >
          {messages.inspector.follow.button}
        </button>
      )}
      {entry.detail && (
        <p translate="no" className="font-mono text-sm break-words">
          {entry.detail}
        </p>
      )}
    </li>
  );
}
