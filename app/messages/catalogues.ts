/**
 * Every catalogue the app ships, by locale. A new language is one more file implementing
 * `Messages`, registered here.
 */
import { messages as en } from './en';
import { messages as zhCN } from './zh-CN';
import type { Messages } from './types';

/** Catalogues by BCP 47 tag. */
export const CATALOGUES = { en, 'zh-CN': zhCN } satisfies Record<string, Messages>;

/** A locale the app ships. */
export type Locale = keyof typeof CATALOGUES;

/** The language of a first visit whose `Accept-Language` names none we ship. */
export const DEFAULT_LOCALE: Locale = 'en';

/** True when `tag` is a locale the app ships. */
export function isLocale(tag: string | undefined): tag is Locale {
  return tag !== undefined && Object.prototype.hasOwnProperty.call(CATALOGUES, tag);
}

/** The catalogue for `locale`, or the default one for a tag we do not ship. */
export function catalogueFor(locale: string | undefined): Messages {
  return isLocale(locale) ? CATALOGUES[locale] : CATALOGUES[DEFAULT_LOCALE];
}
