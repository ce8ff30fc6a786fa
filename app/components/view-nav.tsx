'use client';
import Link from 'next/link';
import type { Messages } from '../messages';
import { useMessages } from '../messages/messages-provider';
import { JoinPanel } from './join-panel';
import { LanguageSwitch } from './language-switch';
import { ProjectorToggle } from './projector-toggle';

const LINK = 'rounded-md px-3 py-1.5 font-semibold text-slate-900 underline-offset-4 hover:underline';
const CURRENT = 'rounded-md bg-slate-900 px-3 py-1.5 font-semibold text-white';

/** The app's views in header order; a new view is one entry here. */
const VIEWS = [
  { id: 'chat', href: '/', label: (m: Messages) => m.compare.nav.chat },
  { id: 'compare', href: '/compare', label: (m: Messages) => m.compare.nav.compare },
  { id: 'lesson', href: '/lesson', label: (m: Messages) => m.lesson.nav },
  { id: 'inspector', href: '/inspector', label: (m: Messages) => m.inspector.nav },
  { id: 'instructor', href: '/instructor', label: (m: Messages) => m.classroom.instructor.nav },
] as const;

/** Which view a page is. */
export type ViewId = (typeof VIEWS)[number]['id'];

/** Links between the views, the language switch and projector mode: every page's header controls. */
export function ViewNav({ current }: { current: ViewId }) {
  const messages = useMessages();
  return (
    <div className="flex flex-wrap items-center gap-4">
      <nav aria-label={messages.compare.nav.label} className="flex flex-wrap gap-2">
        {VIEWS.map((view) => (
          <Link
            key={view.id}
            href={view.href}
            className={current === view.id ? CURRENT : LINK}
            aria-current={current === view.id ? 'page' : undefined}
            data-testid={`nav-${view.id}`}
          >
            {view.label(messages)}
          </Link>
        ))}
      </nav>
      <LanguageSwitch />
      <ProjectorToggle />
      <JoinPanel />
    </div>
  );
}
