import { useCallback, useEffect, useState } from 'react';
import { decodeScenario, encodeScenario, type Scenario } from '../../measure/scenario';

/**
 * The scenario held in the page's URL: decoded once after mount (null until then, so nothing
 * renders with defaults first and then flips), and written back with `replaceState` on change,
 * so the address bar always holds a shareable link to this exact run.
 */
export function useScenarioUrl(): [Scenario | null, (next: Scenario) => void] {
  const [scenario, setScenario] = useState<Scenario | null>(null);
  useEffect(() => {
    const decoded = decodeScenario(window.location.search);
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the URL is known in the browser only; rendering defaults first would flip (see above)
    setScenario(decoded);
    window.history.replaceState(null, '', `${window.location.pathname}?${encodeScenario(decoded)}`);
  }, []);
  const update = useCallback((next: Scenario) => {
    setScenario(next);
    window.history.replaceState(null, '', `${window.location.pathname}?${encodeScenario(next)}`);
  }, []);
  return [scenario, update];
}
