/**
 * The message catalogues. Client components take their text from `useMessages()`
 * (messages-provider.tsx), never from a module-level catalogue: the language is chosen per request.
 * Code outside a request (the compare CLI's report) picks one with `catalogueFor` / `CATALOGUES`.
 */
export type { LocalErrorCode, MemberLine, Messages } from './types';
export { CATALOGUES, catalogueFor, DEFAULT_LOCALE, isLocale, type Locale } from './catalogues';
