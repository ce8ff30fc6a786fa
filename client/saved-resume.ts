/** What carries a client's identity and positions over to a new ChatClient (e.g. after a reload). */
import type { ResumeState } from '../protocol';

/** Everything a new ChatClient needs to carry on where another one stopped. */
export interface SavedResume {
  /** The stable client key presented in every hello. */
  token: string;
  /** Positions per stream; absent before the first welcome. */
  resume?: ResumeState;
  rooms: string[];
}

/**
 * A fresh resume token: 32 hex characters from the platform's CSPRNG (browser and Node 20 both
 * have globalThis.crypto), so nobody can guess another client's.
 */
export function newResumeToken(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
