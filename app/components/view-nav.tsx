import Link from 'next/link';
import { useMessages } from '../messages/messages-provider';
import { LanguageSwitch } from './language-switch';

const LINK = 'rounded-md px-3 py-1.5 font-semibold text-slate-900 underline-offset-4 hover:underline';
const CURRENT = 'rounded-md bg-slate-900 px-3 py-1.5 font-semibold text-white';

/** Links between the chat (`/`) and the Compare view (`/compare`), and the language switch. */
export function ViewNav({ current }: { current: 'chat' | 'compare' }) {
  const messages = useMessages();
  return (
    <div className="flex flex-wrap items-center gap-4">
    <nav aria-label={messages.compare.nav.label} className="flex gap-2">
      <Link href="/" className={current === 'chat' ? CURRENT : LINK} aria-current={current === 'chat' ? 'page' : undefined}>
        {messages.compare.nav.chat}
      </Link>
      <Link href="/compare" className={current === 'compare' ? CURRENT : LINK} aria-current={current === 'compare' ? 'page' : undefined} data-testid="nav-compare">
        {messages.compare.nav.compare}
      </Link>
    </nav>
    <LanguageSwitch />
    </div>
  );
}
