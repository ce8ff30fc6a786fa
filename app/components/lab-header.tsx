import type { ReactNode } from 'react';
import { useMessages } from '../messages/messages-provider';

/** Title, one line of explanation, and the page-wide controls beside them. */
export function LabHeader({ children }: { children?: ReactNode }) {
  const messages = useMessages();
  return (
    <header className="flex flex-wrap items-end justify-between gap-4">
      <div className="min-w-0 flex-1">
        <h1 className="text-3xl font-bold text-slate-900">{messages.app.title}</h1>
        <p className="mt-1 max-w-4xl text-lg text-slate-700">{messages.app.tagline}</p>
      </div>
      <div className="flex flex-wrap items-start gap-4">{children}</div>
    </header>
  );
}
