/**
 * Which address a connection comes from, for the per-address connection limit. Behind a proxy
 * every connection comes from the proxy; with TRUST_PROXY=on the address the proxy saw is read
 * from `X-Forwarded-For` instead. Its last entry, because that one is what our proxy appended
 * (HAProxy's `option forwardfor`); entries before it are whatever the client sent and prove nothing.
 */

/**
 * @param socketAddress the TCP peer's address
 * @param forwardedFor the request's `X-Forwarded-For` (Node joins repeated headers with ", ")
 * @param trustProxy whether a proxy we run is in front (off: the header is ignored, anyone can send one)
 */
export function clientAddress(socketAddress: string | undefined, forwardedFor: string | string[] | undefined, trustProxy: boolean): string | undefined {
  if (!trustProxy || forwardedFor === undefined) return socketAddress;
  const joined = Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor;
  const last = joined.split(',').map((part) => part.trim()).filter(Boolean).at(-1);
  return last ?? socketAddress;
}
