/**
 * The message catalogues. Client components take their text from `useMessages()`
 * (messages-provider.tsx), never from a module-level catalogue: the language is chosen per request.
 * `messages` (English) remains for code that runs outside a request (the compare CLI's report),
 * until it takes a locale of its own.
 */
import { CATALOGUES, DEFAULT_LOCALE } from './catalogues';
import type { Messages } from './types';

export type { LocalErrorCode, MemberLine, Messages } from './types';
export { CATALOGUES, catalogueFor, DEFAULT_LOCALE, isLocale, type Locale } from './catalogues';

/** The default catalogue; prefer `useMessages()` in components. */
export const messages: Messages = CATALOGUES[DEFAULT_LOCALE];
