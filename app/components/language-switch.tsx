'use client';
import type { MouseEvent } from 'react';
import { CATALOGUES, type Locale } from '../messages/catalogues';
import { useMessages } from '../messages/messages-provider';

const LINK = 'rounded-md px-2 py-1 font-semibold text-slate-900 underline-offset-4 hover:underline';
const CURRENT = 'rounded-md bg-slate-200 px-2 py-1 font-semibold text-slate-900';

/**
 * The language links of every page: `?lang=…` on the current page, which the proxy remembers in
 * a cookie and the server renders. A click keeps the rest of the URL (the compare scenario lives
 * there); without script the plain link still works.
 */
export function LanguageSwitch() {
  const messages = useMessages();
  const choose = (event: MouseEvent<HTMLAnchorElement>, locale: Locale) => {
    event.preventDefault();
    const url = new URL(window.location.href);
    url.searchParams.set('lang', locale);
    window.location.assign(url.toString());
  };
  return (
    <nav aria-label={messages.language.label} className="flex items-center gap-1" data-testid="language-switch">
      {(Object.keys(CATALOGUES) as Locale[]).map((locale) => {
        const current = locale === messages.locale;
        return (
          <a
            key={locale}
            href={`?lang=${locale}`}
            hrefLang={locale}
            lang={locale}
            className={current ? CURRENT : LINK}
            aria-current={current ? 'true' : undefined}
            onClick={(event) => choose(event, locale)}
          >
            {messages.language.names[locale]}
          </a>
        );
      })}
    </nav>
  );
}
