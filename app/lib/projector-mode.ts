/**
 * Projector mode: large type and high contrast, remembered in a cookie so the server renders the
 * page in it from the first byte (no flash of small type). Node-free: the layout reads the cookie,
 * the toggle writes it.
 */

/** The cookie that remembers the choice (a year, every page). */
export const PROJECTOR_COOKIE = 'lab-projector';

/** The attribute on `<html>` the stylesheet keys on (globals.css). */
export const PROJECTOR_ATTRIBUTE = 'data-projector';

/** True when the cookie's value turns projector mode on. */
export function projectorFromCookie(value: string | undefined): boolean {
  return value === 'on';
}

/** The `document.cookie` assignment that remembers `on`. */
export function projectorCookie(on: boolean): string {
  return `${PROJECTOR_COOKIE}=${on ? 'on' : 'off'}; Path=/; Max-Age=${365 * 24 * 3600}; SameSite=Lax`;
}
