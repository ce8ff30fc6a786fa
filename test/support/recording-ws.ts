/**
 * A WebSocket client for byte-exact tests: it speaks a transport's protocol by hand (raw ws,
 * SockJS's websocket endpoint, Engine.IO/Socket.IO) and records every frame it sent and
 * received, so a test can predict the wire bytes from its own records and the byte model.
 */
import WebSocket from 'ws';
import { wsFrameBytes, wsHeaderBytes } from '../../server/metering/byte-model';

/** One frame as the client saw it. */
export interface RecordedFrame {
  kind: 'text' | 'ping' | 'pong' | 'close';
  /** Payload bytes of the frame (the text's UTF-8 length, or a close frame's code + reason). */
  bytes: number;
  text?: string;
}

export class RecordingWs {
  readonly sent: RecordedFrame[] = [];
  readonly received: RecordedFrame[] = [];
  private readonly waiters: { match: (text: string) => boolean; resolve: (text: string) => void }[] = [];
  /** Texts no waiter has taken yet (a frame may arrive before the test asks for it). */
  private readonly unclaimed: string[] = [];
  /** Answers server pings (recorded) while open; off once the test starts closing. */
  answerPings = true;
  /** Called with each received text, before waiters (e.g. to answer Engine.IO pings). */
  onText?: (text: string) => void;

  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data, isBinary) => {
      if (isBinary) return;
      const text = data.toString();
      this.received.push({ kind: 'text', bytes: Buffer.byteLength(text), text });
      this.onText?.(text);
      const index = this.waiters.findIndex((w) => w.match(text));
      if (index >= 0) this.waiters.splice(index, 1)[0].resolve(text);
      else this.unclaimed.push(text);
    });
    socket.on('ping', (data) => {
      this.received.push({ kind: 'ping', bytes: data.length });
      if (this.answerPings && socket.readyState === WebSocket.OPEN) {
        socket.pong(data);
        this.sent.push({ kind: 'pong', bytes: data.length });
      }
    });
    socket.on('error', () => undefined);
  }

  /** Connects to `url` (ws://…) and resolves once open. */
  static async open(url: string): Promise<RecordingWs> {
    // autoPong off: the client answers pings itself, so it knows exactly which pongs it sent.
    const socket = new WebSocket(url, { autoPong: false, perMessageDeflate: false });
    const client = new RecordingWs(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    return client;
  }

  /** Sends one text message and records it. */
  send(text: string): void {
    this.sent.push({ kind: 'text', bytes: Buffer.byteLength(text), text });
    this.socket.send(text);
  }

  /** Resolves with the first received text `match` accepts that no earlier call took. */
  next(match: (text: string) => boolean, timeoutMs = 5000): Promise<string> {
    const queued = this.unclaimed.findIndex(match);
    if (queued >= 0) return Promise.resolve(this.unclaimed.splice(queued, 1)[0]);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('recording ws: timed out waiting for a frame')), timeoutMs);
      this.waiters.push({ match, resolve: (text) => (clearTimeout(timer), resolve(text)) });
    });
  }

  /** Closes with code 1000 and no reason; resolves when the server's close frame has arrived. */
  async close(): Promise<void> {
    this.answerPings = false;
    const closed = new Promise<void>((resolve) =>
      this.socket.once('close', (_code, reason) => {
        // A close frame carries a 2-byte code and the reason (none when the server sent no code).
        this.received.push({ kind: 'close', bytes: _code === 1005 ? 0 : 2 + reason.length });
        resolve();
      }),
    );
    this.sent.push({ kind: 'close', bytes: 2 });
    this.socket.close(1000);
    await closed;
  }

  /** Wire bytes of the recorded frames of one direction, `pick` choosing which ones count. */
  static frameBytes(frames: RecordedFrame[], masked: boolean, pick: (f: RecordedFrame) => boolean = () => true): number {
    return frames.filter(pick).reduce((n, f) => n + wsFrameBytes(f.bytes, masked), 0);
  }

  /** Header bytes only, of the frames `pick` chooses. */
  static headerBytes(frames: RecordedFrame[], masked: boolean, pick: (f: RecordedFrame) => boolean = () => true): number {
    return frames.filter(pick).reduce((n, f) => n + wsHeaderBytes(f.bytes, masked), 0);
  }
}
