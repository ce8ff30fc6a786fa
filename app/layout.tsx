import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { DEFAULT_LOCALE, messages } from './messages';
import { MessagesProvider } from './messages/messages-provider';
import './globals.css';

export const metadata: Metadata = {
  title: messages.app.title,
  description: messages.app.description,
};

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
};

/** The document shell: language from the active catalogue, light theme for projectors. */
export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang={messages.locale}>
      <body className="min-h-screen bg-slate-100 text-base text-slate-900 antialiased">
        <MessagesProvider locale={DEFAULT_LOCALE}>{children}</MessagesProvider>
      </body>
    </html>
  );
}
