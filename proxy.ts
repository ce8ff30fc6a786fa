/**
 * Next.js proxy (the middleware of Next 16): settles each page request's language before it is
 * rendered, so the server renders the chosen language (no English flash before hydration).
 * `?lang=` is remembered in a cookie; the choice travels to the layout in a request header.
 */
import { NextResponse, type NextRequest } from 'next/server';
import { LOCALE_COOKIE, LOCALE_COOKIE_MAX_AGE_S, LOCALE_HEADER, localeOfTag, negotiateLocale } from './app/messages/locale-negotiation';

export function proxy(request: NextRequest): NextResponse {
  const query = request.nextUrl.searchParams.get('lang');
  const locale = negotiateLocale({
    query,
    cookie: request.cookies.get(LOCALE_COOKIE)?.value,
    acceptLanguage: request.headers.get('accept-language'),
  });
  const headers = new Headers(request.headers);
  headers.set(LOCALE_HEADER, locale);
  const response = NextResponse.next({ request: { headers } });
  if (query && localeOfTag(query)) {
    response.cookies.set(LOCALE_COOKIE, locale, { path: '/', maxAge: LOCALE_COOKIE_MAX_AGE_S, sameSite: 'lax' });
  }
  return response;
}

export const config = {
  // Pages only: not Next's assets, not the icon, not our own /api and /rt (never routed to Next anyway).
  matcher: ['/((?!_next/|api/|rt/|icon.svg|favicon.ico).*)'],
};
