import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { cookies } from 'next/headers';
import { DisplaySettingsProvider } from './components/display-settings';
import { PROJECTOR_COOKIE, projectorFromCookie } from './lib/projector-mode';
import { catalogueFor } from './messages';
import { MessagesProvider } from './messages/messages-provider';
import { requestLocale } from './messages/request-locale';
import './globals.css';

/** Title and description in the request's language. */
export async function generateMetadata(): Promise<Metadata> {
  const messages = catalogueFor(await requestLocale());
  return { title: messages.app.title, description: messages.app.description };
}

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
};

/**
 * The document shell: the request's language (see proxy.ts) and projector mode, both rendered by
 * the server from the request so the first paint is already right.
 */
export default async function RootLayout({ children }: { children: ReactNode }) {
  const [locale, jar] = await Promise.all([requestLocale(), cookies()]);
  const projector = projectorFromCookie(jar.get(PROJECTOR_COOKIE)?.value);
  return (
    <html lang={locale} data-projector={projector ? '' : undefined}>
      <body className="min-h-screen bg-slate-100 text-base text-slate-900 antialiased">
        <MessagesProvider locale={locale}>
          <DisplaySettingsProvider projector={projector}>{children}</DisplaySettingsProvider>
        </MessagesProvider>
      </body>
    </html>
  );
}
