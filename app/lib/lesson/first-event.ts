/**
 * Waiting for one event, with a deadline: the lesson's runners never wait for ever on a client
 * that went quiet. Node-free.
 */

/** Subscribes a handler and returns its unsubscribe (ChatClient.on's shape). */
export type Subscribe<T> = (handler: (value: T) => void) => () => void;

/**
 * Resolves with the first value `subscribe` delivers that `match` accepts.
 * @param what names the awaited event in the timeout error
 * @throws Error after `timeoutMs` without a match
 */
export function firstEvent<T>(subscribe: Subscribe<T>, match: (value: T) => boolean, what: string, timeoutMs: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      off();
      reject(new Error(`no ${what} within ${timeoutMs} ms`));
    }, timeoutMs);
    const off = subscribe((value) => {
      if (!match(value)) return;
      clearTimeout(timer);
      off();
      resolve(value);
    });
  });
}
