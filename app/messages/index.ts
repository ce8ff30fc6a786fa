/**
 * The active message catalogue. Components import `messages` from here and never hold text of
 * their own. To add a language: write `zh-CN.ts` exporting a `Messages`, add it to CATALOGUES,
 * and build with `NEXT_PUBLIC_LOCALE=zh-CN` (inlined at build time).
 */
import { messages as en } from './en';
import type { Messages } from './types';

export type { LocalErrorCode, MemberLine, Messages } from './types';

/** Every catalogue the page ships, by locale. */
export const CATALOGUES = { en } satisfies Record<string, Messages>;

/** A locale the page ships. */
export type Locale = keyof typeof CATALOGUES;

function pick(locale: string | undefined): Messages {
  return locale !== undefined && Object.prototype.hasOwnProperty.call(CATALOGUES, locale)
    ? CATALOGUES[locale as Locale]
    : CATALOGUES.en;
}

/** The catalogue in use. */
export const messages: Messages = pick(process.env.NEXT_PUBLIC_LOCALE);
