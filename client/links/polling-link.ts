/**
 * AJAX short-polling link: open a session, POST each operation, and GET the event queue every
 * `intervalMs`, whether or not anything is waiting. That fixed rhythm is the lesson: latency
 * about half the interval on average, and a request per interval per client even when idle.
 */
import { TRANSPORT_PATHS, type ClientOpInput, type ServerEvent } from '../../protocol';
import { joinUrl, type Link } from '../link';

export type FetchLike = (input: string, init?: { method?: string; body?: string; headers?: Record<string, string> }) => Promise<{
  ok: boolean;
  status: number;
  json(): Promise<unknown>;
}>;

/**
 * @param baseUrl the server's origin
 * @param fetchImpl `fetch` (the browser's, or Node's global)
 * @param intervalMs the polling period
 */
export function createPollingLink(baseUrl: string, fetchImpl: FetchLike, intervalMs: number): Link {
  const base = joinUrl(baseUrl, TRANSPORT_PATHS.polling);
  return {
    transport: 'polling',
    lane: 'polling',
    reconnectsItself: false,
    open(_ns, handlers) {
      let live = true;
      let sid: string | undefined;
      let cursor = 0;
      let timer: ReturnType<typeof setTimeout> | undefined;
      // Sends go one after another, so the server sees operations in the order they were made.
      let sendChain: Promise<void> = Promise.resolve();

      const down = (reason: string) => {
        if (!live) return;
        live = false;
        clearTimeout(timer);
        handlers.onDown({ reason, willRetry: false });
      };

      const poll = async () => {
        if (!live || !sid) return;
        try {
          const res = await fetchImpl(`${base}/events?sid=${encodeURIComponent(sid)}&after=${cursor}`);
          if (!live) return;
          if (!res.ok) return down(res.status === 404 ? 'session expired' : `poll failed: HTTP ${res.status}`);
          const body = (await res.json()) as { next: number; events: ServerEvent[] };
          cursor = body.next;
          for (const event of body.events) if (live) handlers.onEvent(event);
        } catch (err) {
          return down(`poll failed: ${(err as Error).message}`);
        }
        // Next poll one interval after this one finished: never two polls in flight.
        if (live) timer = setTimeout(() => void poll(), intervalMs);
      };

      void (async () => {
        try {
          const res = await fetchImpl(`${base}/open`, { method: 'POST' });
          if (!res.ok) return down(`open failed: HTTP ${res.status}`);
          sid = ((await res.json()) as { sid: string }).sid;
        } catch (err) {
          return down(`open failed: ${(err as Error).message}`);
        }
        if (!live) {
          void fetchImpl(`${base}/close?sid=${encodeURIComponent(sid)}`, { method: 'POST' }).catch(() => undefined);
          return;
        }
        handlers.onOpen();
        void poll();
      })();

      return {
        send(op: ClientOpInput) {
          if (!live || !sid) return;
          const url = `${base}/send?sid=${encodeURIComponent(sid)}`;
          const body = JSON.stringify(op);
          sendChain = sendChain.then(async () => {
            if (!live) return;
            try {
              const post = () => fetchImpl(url, { method: 'POST', body, headers: { 'content-type': 'application/json' } });
              let res = await post();
              // Every answer of the Lab's own has a JSON body (or none with 204); a refusal without
              // one came from below it (Node's HTTP parser answering a request it never handed on),
              // so the operation was not handled: sent again once, it is handled once.
              let event = res.ok || res.status === 404 ? undefined : await readEvent(res);
              if (!res.ok && res.status !== 404 && event === undefined) {
                res = await post();
                event = res.ok || res.status === 404 ? undefined : await readEvent(res);
              }
              if (res.status === 404) down('session expired');
              // A body refused at the HTTP layer (413, 400) carries an error event: pass it on.
              else if (!res.ok && live) {
                if (event) handlers.onEvent(event);
                else down(`send failed: HTTP ${res.status} without a body`);
              }
            } catch (err) {
              down(`send failed: ${(err as Error).message}`);
            }
          });
        },
        drop() {
          // A polling client that drops simply stops asking; its session expires on the server.
          down('dropped');
        },
        close() {
          const wasLive = live;
          live = false;
          clearTimeout(timer);
          if (wasLive && sid) void fetchImpl(`${base}/close?sid=${encodeURIComponent(sid)}`, { method: 'POST' }).catch(() => undefined);
        },
      };
    },
  };
}

/** The error event in a refusal's body, or undefined when the body is not one (empty, cut, not JSON). */
async function readEvent(res: { json(): Promise<unknown> }): Promise<ServerEvent | undefined> {
  try {
    const value = (await res.json()) as { type?: unknown };
    return typeof value?.type === 'string' ? (value as ServerEvent) : undefined;
  } catch {
    return undefined;
  }
}
