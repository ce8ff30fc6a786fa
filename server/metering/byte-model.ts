/**
 * The byte model: how many bytes each protocol adds around a message, from the specifications
 * and the libraries' encoders. The layer meter never uses it to count (it parses the real byte
 * stream); tests use it to check that what the meter calls framing is what the protocols add.
 */

/** UTF-8 length of a string. */
export const utf8 = (text: string): number => Buffer.byteLength(text, 'utf8');

/**
 * Header bytes of one WebSocket frame (RFC 6455 §5.2): 2, plus 2 for a 126..65535-byte payload
 * or 8 beyond, plus the 4-byte masking key on client → server frames.
 * @param payloadBytes length of the frame's payload
 * @param masked true for frames a client sends
 */
export function wsHeaderBytes(payloadBytes: number, masked: boolean): number {
  const extended = payloadBytes < 126 ? 0 : payloadBytes < 65536 ? 2 : 8;
  return 2 + extended + (masked ? 4 : 0);
}

/** Bytes of one unfragmented WebSocket frame carrying `payloadBytes`. */
export function wsFrameBytes(payloadBytes: number, masked: boolean): number {
  return wsHeaderBytes(payloadBytes, masked) + payloadBytes;
}

/** Characters sockjs escapes as `\uXXXX` beyond JSON's own (sockjs/lib/utils.js `escapable`). */
const SOCKJS_ESCAPABLE = /[\x00-\x1f\ud800-\udfff\u200c-\u200f\u2028-\u202f\u2060-\u206f\ufff0-\uffff]/g;

/**
 * A string as sockjs quotes it inside a frame: JSON, with some Unicode ranges escaped as well
 * (browsers mangle them otherwise), so such a character costs 6 bytes instead of 2 or 3.
 */
export function sockjsQuote(message: string): string {
  return JSON.stringify(message).replace(SOCKJS_ESCAPABLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Bytes of the sockjs `a[...]` frame text that carries `messages` (before any WebSocket framing). */
export function sockjsArrayFrameBytes(messages: string[]): number {
  return utf8(`a[${messages.map(sockjsQuote).join(',')}]`);
}

/** What sockjs adds to `messages`: the `a[`, `]`, commas, quotes and escapes. */
export function sockjsOverheadBytes(messages: string[]): number {
  return sockjsArrayFrameBytes(messages) - messages.reduce((n, m) => n + utf8(m), 0);
}

/**
 * Text of a Socket.IO EVENT inside an Engine.IO `message` packet: `4` (Engine.IO message) `2`
 * (Socket.IO event), the namespace and a comma unless it is `/`, an ack id if any, then
 * `["name",payload]`.
 * @param payloadJson the payload as JSON (what the application handed to emit, stringified)
 */
export function socketIoEventText(name: string, payloadJson: string, nsp = '/', ackId?: number): string {
  const prefix = nsp === '/' ? '' : `${nsp},`;
  return `42${prefix}${ackId ?? ''}[${JSON.stringify(name)},${payloadJson}]`;
}

/** What Engine.IO and Socket.IO add around one event's payload (before any WebSocket framing). */
export function socketIoEventOverheadBytes(name: string, payloadJson: string, nsp = '/', ackId?: number): number {
  return utf8(socketIoEventText(name, payloadJson, nsp, ackId)) - utf8(payloadJson);
}

/** Bytes of our polling envelope `{"next":N,"events":[...]}` around `eventJsons` (HTTP body). */
export function pollingEnvelopeBytes(next: number, eventJsons: string[]): number {
  return utf8(`{"next":${next},"events":[${eventJsons.join(',')}]}`) - eventJsons.reduce((n, e) => n + utf8(e), 0);
}
