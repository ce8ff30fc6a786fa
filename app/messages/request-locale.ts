/**
 * The locale of the request being rendered, for server components (the layout, page metadata).
 * The proxy has already decided it; without the proxy (a direct render) the same rule is applied
 * to the request's own cookie and headers.
 */
import { cookies, headers } from 'next/headers';
import type { Locale } from './catalogues';
import { LOCALE_COOKIE, LOCALE_HEADER, negotiateLocale } from './locale-negotiation';

/** The locale this request is answered in. */
export async function requestLocale(): Promise<Locale> {
  const [h, c] = await Promise.all([headers(), cookies()]);
  return negotiateLocale({
    query: h.get(LOCALE_HEADER),
    cookie: c.get(LOCALE_COOKIE)?.value,
    acceptLanguage: h.get('accept-language'),
  });
}
