'use client';
import { PROJECTOR_ATTRIBUTE, projectorCookie } from '../lib/projector-mode';
import { useMessages } from '../messages/messages-provider';
import { useDisplaySettings } from './display-settings';

/**
 * The projector-mode switch in every page's header. It flips the attribute on `<html>` at once and
 * remembers the choice in a cookie, which the layout reads on the next request.
 */
export function ProjectorToggle() {
  const messages = useMessages();
  const { projector, setProjector } = useDisplaySettings();
  const toggle = () => {
    const next = !projector;
    setProjector(next);
    document.documentElement.toggleAttribute(PROJECTOR_ATTRIBUTE, next);
    document.cookie = projectorCookie(next);
  };
  return (
    <button
      type="button"
      aria-pressed={projector}
      title={messages.classroom.projector.help}
      onClick={toggle}
      className={
        projector
          ? 'rounded-md bg-slate-900 px-3 py-1.5 font-semibold text-white'
          : 'rounded-md border border-slate-400 bg-white px-3 py-1.5 font-semibold text-slate-900'
      }
    >
      {messages.classroom.projector.label}
    </button>
  );
}
