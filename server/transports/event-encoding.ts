/**
 * JSON text of a server event, encoded once per event however many clients receive it: a room
 * delivery hands the same event object to every member's peer, and stringifying it per member
 * was the largest cost of a fan-out. Events are never changed after they are published, which
 * is what makes the cache safe.
 *
 * Why one entry and not a WeakMap of every event: the copies of one delivery are sent one after
 * the other, so the last event is the only one worth remembering, and a WeakMap lookup plus
 * insert per event cost nearly as much as the stringify it saved (a profile of the session
 * path: 20 % in the WeakMap, 26 % in JSON.stringify). A delivery held back by the fault
 * injector just misses and is encoded again.
 */
import { encodeServerEvent, type ServerEvent } from '../../protocol';

let lastEvent: ServerEvent | undefined;
let lastText = '';

/** The event's JSON text (the previous event's text is reused when it is the same object). */
export function encodeOnce(event: ServerEvent): string {
  if (event !== lastEvent) {
    lastText = encodeServerEvent(event);
    lastEvent = event;
  }
  return lastText;
}
