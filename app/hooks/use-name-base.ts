import { useEffect, useState } from 'react';
import { useMessages } from '../messages/messages-provider';

/**
 * The display name every pane starts from: the catalogue's default plus a random number, so
 * thirty students in one class do not all arrive as the same name. `null` until mounted: the
 * random part is drawn in the browser only, never during server rendering (no hydration mismatch).
 */
export function useNameBase(): [string | null, (base: string) => void] {
  const messages = useMessages();
  const [base, setBase] = useState<string | null>(null);
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the random part must be drawn after mount, in the browser only (see above)
    setBase((current) => current ?? `${messages.header.defaultNameBase}${Math.floor(100 + Math.random() * 900)}`);
  }, [messages.header.defaultNameBase]);
  return [base, setBase];
}
