/**
 * Where students on other machines can reach this server: the URLs of the machine's network
 * addresses when it listens on all of them (`HOST=0.0.0.0` or `::`), the one address when it
 * listens on one, none when it listens on loopback only. Pure: the interfaces are passed in.
 */
import type { NetworkInterfaceInfo } from 'node:os';

/** Hosts that mean "every interface". */
const ANY = new Set(['0.0.0.0', '::', '']);
/** Hosts nobody else can reach. */
const LOOPBACK = /^(127\.|::1$|localhost$)/;

/** One interface address as a URL host (IPv6 in brackets). */
function urlHost(address: string, family: string | number): string {
  return family === 'IPv6' || family === 6 ? `[${address}]` : address;
}

/**
 * Base URLs (`http://192.168.1.20:3000`) other machines can use, IPv4 first.
 * @param host what the server listens on (config HOST)
 * @param port the port it listens on
 * @param interfaces `os.networkInterfaces()`
 */
export function reachableUrls(host: string, port: number, interfaces: NodeJS.Dict<NetworkInterfaceInfo[]>): string[] {
  if (LOOPBACK.test(host)) return [];
  if (!ANY.has(host)) return [`http://${host.includes(':') ? `[${host}]` : host}:${port}`];
  const ipv6 = host === '::';
  const found = Object.values(interfaces)
    .flatMap((list) => list ?? [])
    // Link-local IPv6 (fe80::) needs a zone id a browser will not take: skip it.
    .filter((i) => !i.internal && !(String(i.family) === 'IPv6' && i.address.startsWith('fe80:')))
    .filter((i) => ipv6 || i.family === 'IPv4' || (i.family as unknown) === 4)
    .sort((a, b) => (a.family === b.family ? 0 : a.family === 'IPv4' ? -1 : 1));
  return [...new Set(found.map((i) => `http://${urlHost(i.address, i.family)}:${port}`))];
}
