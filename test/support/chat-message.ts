/** A minimal chat message event for history tests: its text doubles as its id. */
import type { MessageEvent } from '../../protocol';

/** A namespace-wide message from client "a" on ws, sent at time 0. */
export function chatMessage(text: string): MessageEvent {
  return { type: 'message', id: text, from: { id: 'a', name: 'a', transport: 'ws' }, scope: 'all', text, sentAt: 0 };
}
