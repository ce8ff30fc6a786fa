/**
 * JSON text of a server event, encoded once per event however many clients receive it: a room
 * delivery hands the same event object to every member's peer, and stringifying it per member
 * was the largest cost of a fan-out. Events are never changed after they are published, which
 * is what makes the cache safe.
 */
import { encodeServerEvent, type ServerEvent } from '../../protocol';

const encoded = new WeakMap<ServerEvent, string>();

/** The event's JSON text (cached per event object). */
export function encodeOnce(event: ServerEvent): string {
  let text = encoded.get(event);
  if (text === undefined) {
    text = encodeServerEvent(event);
    encoded.set(event, text);
  }
  return text;
}
