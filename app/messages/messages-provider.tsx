'use client';
/**
 * The catalogue of the request's language, for client components. The server layout decides the
 * locale and passes only its tag: catalogues hold functions, which cannot cross from a server
 * component to a client one, so each side looks the catalogue up by tag itself.
 */
import { createContext, useContext, type ReactNode } from 'react';
import { CATALOGUES, catalogueFor, DEFAULT_LOCALE, type Locale } from './catalogues';
import type { Messages } from './types';

const MessagesContext = createContext<Messages>(CATALOGUES[DEFAULT_LOCALE]);

/** Makes `useMessages()` answer in `locale` for everything below it. */
export function MessagesProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  return <MessagesContext.Provider value={catalogueFor(locale)}>{children}</MessagesContext.Provider>;
}

/** Every user-facing string of the page, in the language of this request. */
export function useMessages(): Messages {
  return useContext(MessagesContext);
}
