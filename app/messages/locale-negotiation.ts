/**
 * Which language a request is answered in. Node-free and pure, so the proxy, the layout and the
 * tests share one rule: an explicit `?lang=` wins, then the remembered cookie, then the first
 * language of `Accept-Language` that we ship (any `zh…` reads as zh-CN: a Chinese classroom
 * reads simplified Chinese), then English.
 */
import { DEFAULT_LOCALE, isLocale, type Locale } from './catalogues';

/** The cookie that remembers a visitor's choice. */
export const LOCALE_COOKIE = 'lab-lang';

/** The request header the proxy hands the chosen locale to the layout in. */
export const LOCALE_HEADER = 'x-lab-locale';

/** One year: a lecturer's choice outlives a term. */
export const LOCALE_COOKIE_MAX_AGE_S = 365 * 24 * 3600;

/** What a request says about its language. */
export interface LocaleHints {
  /** The `lang` query parameter, if any. */
  query?: string | null;
  /** The `lab-lang` cookie, if any. */
  cookie?: string | null;
  /** The `Accept-Language` header, if any. */
  acceptLanguage?: string | null;
}

/** Maps a language tag to a locale we ship, or undefined (`zh`, `zh-Hans`, `zh-TW` → zh-CN). */
export function localeOfTag(tag: string): Locale | undefined {
  const trimmed = tag.trim();
  if (isLocale(trimmed)) return trimmed;
  const primary = trimmed.toLowerCase().split('-')[0];
  if (primary === 'zh') return 'zh-CN';
  if (primary === 'en') return 'en';
  return undefined;
}

/** The languages of an `Accept-Language` header, best first (q-values honoured, q=0 dropped). */
export function acceptedTags(header: string): string[] {
  return header
    .split(',')
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const weight = q === undefined ? 1 : Number(q.slice(2));
      return { tag: tag.trim(), weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((t) => t.tag !== '' && t.tag !== '*' && t.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index)
    .map((t) => t.tag);
}

/** The locale a request is answered in. */
export function negotiateLocale(hints: LocaleHints): Locale {
  for (const explicit of [hints.query, hints.cookie]) {
    const locale = explicit ? localeOfTag(explicit) : undefined;
    if (locale) return locale;
  }
  for (const tag of acceptedTags(hints.acceptLanguage ?? '')) {
    const locale = localeOfTag(tag);
    if (locale) return locale;
  }
  return DEFAULT_LOCALE;
}
