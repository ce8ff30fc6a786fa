import { useCallback, useEffect, useState } from 'react';
import { CATALOG_URL, parseCatalog, type TransportCatalog } from '../lib/transport-catalog';

/** Where the catalogue request stands. */
export type CatalogState =
  | { status: 'loading' }
  | { status: 'ready'; catalog: TransportCatalog }
  | { status: 'error'; reason: string };

/**
 * Fetches `GET /api/transports` once on mount (and again on `retry()`).
 * The request is aborted when the component unmounts, so StrictMode's second mount wins.
 */
export function useTransportCatalog(): CatalogState & { retry: () => void } {
  const [state, setState] = useState<CatalogState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    fetch(CATALOG_URL, { signal: controller.signal, cache: 'no-store' })
      .then(async (res) => {
        if (!res.ok) throw new Error(`HTTP ${res.status}`);
        return parseCatalog(await res.json());
      })
      .then((catalog) => setState({ status: 'ready', catalog }))
      .catch((err: Error) => {
        if (!controller.signal.aborted) setState({ status: 'error', reason: err.message });
      });
    return () => controller.abort();
  }, [attempt]);

  // The loading state is set by the event that asks again, not by the effect (no cascading render).
  const retry = useCallback(() => {
    setState({ status: 'loading' });
    setAttempt((n) => n + 1);
  }, []);
  return { ...state, retry };
}
