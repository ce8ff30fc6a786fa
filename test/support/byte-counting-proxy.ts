/**
 * An independent observer of wire bytes for tests: a TCP proxy in front of the Lab that counts,
 * per proxied connection, what it passed each way on its upstream socket (the one to the Lab),
 * and keeps the raw bytes so a test can split them by request.
 */
import { once } from 'node:events';
import { connect, createServer, type AddressInfo, type Server, type Socket } from 'node:net';

/** One proxied connection, seen from the Lab's side. */
export interface ProxiedConnection {
  /** Bytes the proxy sent to the Lab (the Lab's bytesIn). */
  toServer: Buffer[];
  /** Bytes the Lab sent to the proxy (the Lab's bytesOut). */
  fromServer: Buffer[];
  /** Resolves once the upstream socket has closed. */
  closed: Promise<void>;
  client: Socket;
  upstream: Socket;
  /** The upstream socket's local port (the Lab's remote port for it), once connected. */
  upstreamPort?: number;
}

export interface ByteCountingProxy {
  /** `http://127.0.0.1:PORT` of the proxy. */
  url: string;
  connections: ProxiedConnection[];
  /**
   * Sum over every connection so far: what this process has read. Bytes the Lab has written but
   * the proxy not yet read are missing, while the meter already counts them; compare once the
   * connections have closed.
   */
  totals(): { toServer: number; fromServer: number };
  /**
   * Ends every connection there is now (both sides, gracefully) and resolves when those have
   * closed. Call it after the client's last request: one opened later is neither ended nor waited
   * for (socket.io-client POSTs `41` and `1` after `disconnect()`), and ending a pending long poll
   * ends its session (wire-capture.test.ts has the case).
   */
  endAll(): Promise<void>;
  close(): Promise<void>;
}

const sum = (chunks: Buffer[]) => chunks.reduce((n, c) => n + c.length, 0);

/** Starts a proxy on 127.0.0.1 (free port) to `target` (`http://host:port`). */
export async function startByteCountingProxy(target: string): Promise<ByteCountingProxy> {
  const { hostname, port } = new URL(target);
  const connections: ProxiedConnection[] = [];
  const server: Server = createServer((client) => {
    const upstream = connect(Number(port), hostname);
    const conn: ProxiedConnection = { toServer: [], fromServer: [], client, upstream, closed: once(upstream, 'close').then(() => undefined) };
    connections.push(conn);
    upstream.once('connect', () => (conn.upstreamPort = upstream.localPort));
    // Client → Lab: write first, then count (the Lab reads what we wrote).
    client.on('data', (chunk: Buffer) => {
      // Only what really goes to the Lab is counted (nothing after we ended the upstream).
      if (!upstream.writable) return;
      conn.toServer.push(chunk);
      upstream.write(chunk);
    });
    client.on('end', () => upstream.end());
    // Lab → client: counted whether or not the client is still there to take it.
    upstream.on('data', (chunk: Buffer) => {
      conn.fromServer.push(chunk);
      if (client.writable) client.write(chunk);
    });
    upstream.on('end', () => client.end());
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}`,
    connections,
    totals: () => ({
      toServer: connections.reduce((n, c) => n + sum(c.toServer), 0),
      fromServer: connections.reduce((n, c) => n + sum(c.fromServer), 0),
    }),
    async endAll() {
      for (const c of connections) {
        c.client.end();
        c.upstream.end();
      }
      await Promise.all(connections.map((c) => c.closed));
    },
    async close() {
      for (const c of connections) {
        c.client.destroy();
        c.upstream.destroy();
      }
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Total length of some chunks. */
export const byteLength = sum;
