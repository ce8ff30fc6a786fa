/**
 * The raw sockets a transport has upgraded. A peer that never answers a close frame keeps its
 * socket open until the library's own closing timeout (30 s in ws and engine.io; none in sockjs),
 * and the HTTP server's close waits for it; `drain` gives peers a grace period, then cuts them off.
 */
import type { Duplex } from 'node:stream';

export class UpgradedSockets {
  private readonly sockets = new Set<Duplex>();

  /** Tracks `socket` until it closes. */
  add(socket: Duplex): void {
    this.sockets.add(socket);
    socket.once('close', () => this.sockets.delete(socket));
  }

  /** Resolves once every tracked socket has closed, destroying those still open after `graceMs`. */
  async drain(graceMs: number): Promise<void> {
    const open = [...this.sockets].map((socket) => new Promise<void>((resolve) => socket.once('close', () => resolve())));
    const timer = setTimeout(() => {
      for (const socket of this.sockets) socket.destroy();
    }, graceMs);
    await Promise.all(open);
    clearTimeout(timer);
  }
}
