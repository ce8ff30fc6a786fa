/**
 * What a pane's log holds, and how server events become log entries. Entries keep structure
 * (sender, target) rather than finished sentences, so the log renders them in the active language.
 */
import { ERROR_CODES, type ErrorCode, type ErrorEvent, type MessageEvent, type TransportId } from '../../protocol';
import type { LocalErrorCode, Messages } from '../messages';

/** The four kinds of entry; `direct-sent` is my own direct message (the server sends me no copy). */
export type LogKind = 'message' | 'system' | 'error' | 'direct-sent';

/** Whom an entry was addressed to. */
export type LogTarget =
  | { kind: 'all' }
  | { kind: 'others' }
  | { kind: 'room'; room: string; echo: boolean }
  | { kind: 'direct'; name: string }
  | { kind: 'me' };

export interface LogEntry {
  /** Unique within its log. */
  key: number;
  kind: LogKind;
  /** Local time the entry was made (ms since epoch). */
  at: number;
  from?: { name: string; transport: TransportId };
  target?: LogTarget;
  /** Message text, or the system/error sentence. */
  text: string;
  /** Error code, for error entries. */
  code?: string;
  /** The server's own wording of an error, when it adds something. */
  detail?: string;
  /** The chat message's server id, for following it on the wire. */
  messageId?: string;
}

/** An entry before the log gives it a key. */
export type NewLogEntry = Omit<LogEntry, 'key'>;

/** The target of a received message; `recipientName` names the direct-message recipient. */
export function targetOf(event: MessageEvent, recipientName: string): LogTarget {
  switch (event.scope) {
    case 'all':
      return { kind: 'all' };
    case 'others':
      return { kind: 'others' };
    case 'room':
      return { kind: 'room', room: event.room ?? '', echo: event.includeSelf !== false };
    case 'direct':
      return { kind: 'direct', name: recipientName };
  }
}

/**
 * A received chat message.
 * @param myName my display name: a direct message I receive was addressed to me
 */
export function messageEntry(event: MessageEvent, myName: string): NewLogEntry {
  return {
    kind: 'message',
    at: Date.now(),
    from: { name: event.from.name, transport: event.from.transport },
    target: targetOf(event, myName),
    text: event.text,
    messageId: event.id,
  };
}

/** My own direct message, once the server accepted it. */
export function directSentEntry(from: { name: string; transport: TransportId }, toName: string, text: string): NewLogEntry {
  return { kind: 'direct-sent', at: Date.now(), from, target: { kind: 'direct', name: toName }, text };
}

/** A sentence from the page or the connection. */
export function systemEntry(text: string, target?: LogTarget): NewLogEntry {
  return { kind: 'system', at: Date.now(), text, target };
}

/** An error event from the server, explained in the active language. */
export function serverErrorEntry(event: ErrorEvent, messages: Messages): NewLogEntry {
  const explained = messages.errors[event.code] ?? event.message;
  const issues = event.issues?.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ');
  // The server's wording is worth showing only when it says more than the standard text for the code.
  const specific = event.message !== ERROR_CODES[event.code] && event.message !== explained ? event.message : undefined;
  const detail = [event.op && `op ${event.op}`, specific, issues]
    .filter(Boolean)
    .join(' — ');
  return { kind: 'error', at: Date.now(), code: event.code, text: explained, detail: detail || undefined };
}

/** An error the page found itself (not connected, nothing to send, ...). */
export function localErrorEntry(messages: Messages, code: LocalErrorCode | ErrorCode, detail?: string): NewLogEntry {
  return { kind: 'error', at: Date.now(), code, text: messages.errors[code], detail };
}
