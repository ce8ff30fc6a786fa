/**
 * Raw TCP for hostile-client tests: hand-written HTTP requests and WebSocket frames, cut at any
 * byte with an RST (`resetAndDestroy`) or a FIN (`destroy`), waiting on socket events only.
 */
import { connect, type Socket } from 'node:net';
import { randomBytes } from 'node:crypto';

/** How a test ends a connection: RST (abortive) or FIN (orderly). */
export type Cut = 'rst' | 'fin';

/** Opens a TCP connection to the host and port of `url`. */
export function openTcp(url: string): Promise<Socket> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect({ host: hostname, port: Number(port) }, () => {
      socket.off('error', reject);
      // Errors after connect (the server resets us) are expected in these tests.
      socket.on('error', () => undefined);
      resolve(socket);
    });
    socket.once('error', reject);
  });
}

/** Ends `socket` the way `how` says. */
export function cut(socket: Socket, how: Cut): void {
  if (how === 'rst') socket.resetAndDestroy();
  else socket.destroy();
}

/** Writes `bytes` and resolves once they are handed to the kernel. */
export function writeAll(socket: Socket, bytes: Buffer | string): Promise<void> {
  if (bytes.length === 0) return Promise.resolve();
  return new Promise((resolve) => socket.write(bytes, () => resolve()));
}

/**
 * Resolves once the bytes received so far satisfy `done` (true) or the socket closes (false);
 * `timeoutMs` only guards against a test hanging forever (resolves false).
 */
export function receive(socket: Socket, done: (received: Buffer) => boolean, timeoutMs = 5000): Promise<boolean> {
  return new Promise((resolve) => {
    let received = Buffer.alloc(0);
    const finish = (result: boolean) => {
      clearTimeout(timer);
      socket.off('data', onData);
      socket.off('close', onClose);
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      if (done(received)) finish(true);
    };
    const onClose = () => finish(false);
    const timer = setTimeout(() => finish(false), timeoutMs);
    if (socket.destroyed) return finish(false);
    socket.on('data', onData);
    socket.once('close', onClose);
  });
}

/** True once a whole response head has arrived. */
export const hasHead = (received: Buffer): boolean => received.includes('\r\n\r\n');

/** Resolves when the server closes `socket` (true), or false after `timeoutMs`. */
export function closedByServer(socket: Socket, timeoutMs: number): Promise<boolean> {
  if (socket.destroyed || socket.readableEnded) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    const done = () => {
      clearTimeout(timer);
      resolve(true);
    };
    socket.resume();
    socket.once('end', done);
    socket.once('close', done);
  });
}

/** A whole HTTP/1.1 request; `headers` may override the defaults (a null value removes one). */
export function httpRequest(
  method: string,
  path: string,
  url: string,
  options: { body?: string; headers?: Record<string, string | null> } = {},
): Buffer {
  const host = new URL(url).host;
  const body = options.body ?? '';
  const headers: Record<string, string | null> = { host, ...(body ? { 'content-type': 'text/plain', 'content-length': String(Buffer.byteLength(body)) } : {}), ...options.headers };
  const lines = Object.entries(headers).flatMap(([k, v]) => (v === null ? [] : [`${k}: ${v}`]));
  return Buffer.from(`${method} ${path} HTTP/1.1\r\n${lines.join('\r\n')}\r\n\r\n${body}`);
}

/** The headers of a valid WebSocket upgrade request. */
export function upgradeHeaders(): Record<string, string> {
  return {
    connection: 'Upgrade',
    upgrade: 'websocket',
    'sec-websocket-version': '13',
    'sec-websocket-key': randomBytes(16).toString('base64'),
  };
}

/** Options of a hand-built WebSocket frame, valid or not. */
export interface FrameOptions {
  fin?: boolean;
  /** Bits 0x40, 0x20, 0x10 of the first byte. */
  rsv?: number;
  masked?: boolean;
}

/** One WebSocket frame built by hand, so it can break the rules on purpose. */
export function frame(opcode: number, payload: Buffer | string, options: FrameOptions = {}): Buffer {
  const data = Buffer.from(payload);
  const { fin = true, rsv = 0, masked = true } = options;
  const head = [(fin ? 0x80 : 0) | rsv | opcode];
  const maskBit = masked ? 0x80 : 0;
  if (data.length < 126) head.push(maskBit | data.length);
  else if (data.length < 65536) head.push(maskBit | 126, data.length >> 8, data.length & 0xff);
  else throw new Error('frame(): payloads over 64 KiB are not needed here');
  if (!masked) return Buffer.concat([Buffer.from(head), data]);
  const mask = randomBytes(4);
  const body = Buffer.from(data.map((b, i) => b ^ mask[i % 4]));
  return Buffer.concat([Buffer.from(head), mask, body]);
}

/** A close frame with `code` and a raw reason. */
export function closeFrame(code: number, reason: Buffer = Buffer.alloc(0)): Buffer {
  const payload = Buffer.alloc(2 + reason.length);
  payload.writeUInt16BE(code, 0);
  reason.copy(payload, 2);
  return frame(0x8, payload);
}
