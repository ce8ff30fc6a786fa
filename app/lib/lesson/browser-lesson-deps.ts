/**
 * The lesson's runners wired to the browser: clients over the page's own links, the wire meter
 * and the wire inspector read over HTTP. Client-only, like browser-links.ts.
 */
import { ChatClient } from '../../../client/chat-client';
import type { FetchLike } from '../../../client/links/polling-link';
import type { LaneId } from '../../../protocol';
import { createBrowserLink, type BrowserLinkOptions } from '../browser-links';
import { readWire, readWireLog } from '../read-wire';
import { CATALOG_URL, parseCatalog, type TransportCatalog } from '../transport-catalog';

/** Where the lesson's clients live: the namespace the chat panes of `/` do not use. */
export const LESSON_NAMESPACE = '/lab';

/** A chat client of the page, not yet connected. */
export function makeBrowserClient(
  transport: LaneId,
  ns: string,
  name: string,
  pollIntervalMs: number,
  fetchImpl?: FetchLike,
  linkOptions: Pick<BrowserLinkOptions, 'socketIoTransports'> = {},
): ChatClient {
  return new ChatClient(createBrowserLink(transport, { origin: window.location.origin, pollIntervalMs, fetchImpl, ...linkOptions }), { name, ns });
}

/** `GET /api/transports`, parsed. */
export async function readCatalog(): Promise<TransportCatalog> {
  const res = await fetch(CATALOG_URL, { cache: 'no-store' });
  if (!res.ok) throw new Error(`GET ${CATALOG_URL}: HTTP ${res.status}`);
  return parseCatalog(await res.json());
}


export { readWire, readWireLog };

/** A short random suffix: names and rooms of this page differ from another lecturer's. */
export function pageSuffix(): string {
  return Math.random().toString(36).slice(2, 6);
}
