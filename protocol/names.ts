/**
 * Rules for the names users type: display names, room names and namespaces.
 * Shared by the browser (to say "no" before sending) and the server (which decides).
 */

/** Longest display name, in characters. */
export const MAX_NAME_LENGTH = 32;
/** Longest room name, in characters. */
export const MAX_ROOM_LENGTH = 32;

/** Letters and digits of any script (so 张三 and Zoë work), space, dot, underscore, hyphen. */
export const NAME_PATTERN = /^[\p{L}\p{N}][\p{L}\p{N} ._-]*$/u;
/** Letters and digits of any script, underscore and hyphen; no spaces, so rooms read well in logs. */
export const ROOM_PATTERN = /^[\p{L}\p{N}_-]+$/u;
/** A namespace is "/" or "/" followed by lowercase letters, digits and hyphens, as in `io.of('/lab')`. */
export const NAMESPACE_PATTERN = /^\/[a-z0-9-]{0,31}$/;

/** The namespace every client starts in, as in Socket.IO. */
export const DEFAULT_NAMESPACE = '/';

/**
 * True when `text` has more than `max` characters (code points). A string has no more code
 * points than UTF-16 units, so only a long one is walked, and nothing is allocated. Why not
 * `[...text].length`: it built an array per check, and a room is checked on every send.
 */
export function hasMoreCodePoints(text: string, max: number): boolean {
  if (text.length <= max) return false;
  let count = 0;
  for (const _ of text) if (++count > max) return true;
  return false;
}

/** True when `name` is an acceptable display name (after trimming). */
export function isValidName(name: string): boolean {
  const trimmed = name.trim();
  return trimmed.length > 0 && !hasMoreCodePoints(trimmed, MAX_NAME_LENGTH) && NAME_PATTERN.test(trimmed);
}

/** True when `room` is an acceptable room name. */
export function isValidRoom(room: string): boolean {
  return room.length > 0 && !hasMoreCodePoints(room, MAX_ROOM_LENGTH) && ROOM_PATTERN.test(room);
}
