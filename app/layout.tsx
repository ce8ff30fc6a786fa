import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
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

/** The document shell: the request's language (see proxy.ts), light theme for projectors. */
export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await requestLocale();
  return (
    <html lang={locale}>
      <body className="min-h-screen bg-slate-100 text-base text-slate-900 antialiased">
        <MessagesProvider locale={locale}>{children}</MessagesProvider>
      </body>
    </html>
  );
}
